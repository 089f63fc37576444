"""Articles into paragraphs: numbering, offsets into the original file, boilerplate, titles.

No spaCy is needed here.
"""

from __future__ import annotations

import pytest

from argmap.draft.patterns import load_patterns
from argmap.draft.text import load_article, parse_article, split_paragraphs
from argmap.errors import MapLoadError
from argmap.util.files import read_text

from conftest import FIXTURES

RULES = load_patterns().boilerplate


def test_txt_paragraphs_are_non_empty_lines_with_offsets():
    text = "First line.\n\n   \nSecond  line. \r\nThird\n"
    pars = split_paragraphs(text)
    assert [(p.number, p.start, p.end, p.text) for p in pars] == [
        (1, 0, 11, "First line."),
        (2, 17, 30, "Second  line."),
        (3, 33, 38, "Third"),
    ]
    assert all(text[p.start : p.end] == p.text for p in pars)


def test_md_paragraphs_are_blocks_without_markers():
    text = "# Title #\n\nOne\ntwo.\n\n- item one\n- item two\n\n> quoted words\n"
    pars = split_paragraphs(text, markdown=True)
    assert [(p.number, p.text, p.heading) for p in pars] == [
        (1, "Title", True),
        (2, "One\ntwo.", False),
        (3, "item one\n- item two", False),
        (4, "quoted words", False),
    ]
    assert all(text[p.start : p.end] == p.text for p in pars)


def test_boilerplate_is_dropped_with_original_numbers():
    path = FIXTURES / "draft" / "cars.txt"
    article = load_article(path, RULES)
    assert [(d.number, d.reason) for d in article.dropped] == [
        (1, "navigation"),
        (3, "photo-credit"),
        (12, "hashtags"),
        (13, "footer"),
        (14, "footer"),
    ]
    assert [p.number for p in article.paragraphs] == [2, 4, 5, 6, 7, 8, 9, 10, 11]
    assert (
        article.title is not None
        and article.title.text == "Cities should ban cars from their centres"
    )


def test_trailing_hashtags_and_handle_credits_are_trimmed():
    text = "Headline here\nIt is late now, writes @someone. #one #two\nPlain words #inline here.\n"
    article = parse_article(text, "t.txt", RULES)
    assert [p.text for p in article.paragraphs] == [
        "Headline here",
        "It is late now",
        "Plain words #inline here.",
    ]
    assert article.dropped == ()


def test_metadata_lines_fill_the_source_and_are_dropped():
    text = (
        "A headline\nBy Ada Lovelace\nMarch 3, 2021\nhttps://example.org/story\nBody text here.\n"
    )
    article = parse_article(text, "t.txt", RULES)
    assert article.meta == {
        "author": "Ada Lovelace",
        "year": 2021,
        "url": "https://example.org/story",
    }
    assert [(d.number, d.reason) for d in article.dropped] == [
        (2, "source author"),
        (3, "source year"),
        (4, "source url"),
    ]


def test_no_title_when_the_first_paragraph_is_a_sentence():
    article = parse_article("This is prose.\nMore prose.\n", "t.txt", RULES)
    assert article.title is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "",
            "t.txt:1:1: error AM000 invalid-map: the article is empty: there is nothing to draft",
        ),
        (
            "Skip to main content\nShare on Facebook\n",
            (
                "t.txt:1:1: error AM000 invalid-map: the article holds only boilerplate "
                "(navigation, credits, widgets): there is nothing to draft"
            ),
        ),
    ],
)
def test_nothing_left_is_an_error(text, message):
    with pytest.raises(MapLoadError) as err:
        parse_article(text, "t.txt", RULES)
    assert str(err.value) == message


def test_not_utf8_names_line_and_column(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine\nab\xffc\n")
    with pytest.raises(MapLoadError) as err:
        load_article(path, RULES)
    assert str(err.value) == (
        f"{path}:2:3: error AM000 invalid-map: the file is not UTF-8 text (it may be "
        "Windows-1252 or Latin-1, as older editors save): save it again choosing the UTF-8 "
        "encoding"
    )


def test_bom_is_skipped_and_line_endings_kept(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfOne.\r\nTwo.\rThree.\n")
    assert read_text(path, keep_line_endings=True) == "One.\r\nTwo.\rThree.\n"
    assert read_text(path) == "One.\nTwo.\nThree.\n"


def test_crlf_offsets_point_into_the_original_file(tmp_path):
    path = tmp_path / "a.txt"
    raw = "Parks need trees\r\n\r\nTrees cool the streets.\r\nShade helps.\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))  # offsets count after the BOM
    article = load_article(path, RULES)
    assert [(p.number, p.start, p.end, p.text) for p in article.paragraphs] == [
        (1, 0, 16, "Parks need trees"),
        (2, 20, 43, "Trees cool the streets."),
        (3, 45, 57, "Shade helps."),
    ]
    assert all(raw[p.start : p.end] == p.text for p in article.paragraphs)
