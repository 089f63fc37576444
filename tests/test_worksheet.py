"""argmap worksheet: each kind printed readable (every word at least 11 pt), its answer
key on the last pages and right, the same seed giving the same bytes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_slides import OPED, argmap, pdf_text, readability

from conftest import ROOT, needs_dot

pytestmark = needs_dot

FIXTURES = ROOT / "tests" / "fixtures" / "worksheet"
PHONES = str(FIXTURES / "phones.yaml")  # 12 claims: the printed pages' layout
UNIFORMS = str(FIXTURES / "uniforms.yaml")  # 6 claims: one diagram on page 1
A4 = (595.2756, 841.8898)
LETTER = (612.0, 792.0)
KIND_WORDS = {"thesis", "premise", "evidence", "precedent", "objection", "rebuttal"}
CODE = re.compile(r"AM\d{3}")


def flat(text: str) -> str:
    return " ".join(text.split())


def sheet(folder: Path, source: str, kind: str, *extra: str, name: str = "") -> Path:
    out = folder / f"{name or Path(source).stem}.{kind}.pdf"
    code, err = argmap("worksheet", source, "--kind", kind, *extra, "-o", str(out))
    assert code == 0, err
    return out


def split_pages(path: Path) -> tuple[list[str], list[str]]:
    """(student pages, key pages): the key's pages have "Answer key" in their footer."""
    pages = pdf_text(path, "-layout")
    key = [k for k, page in enumerate(pages) if "Answer key ·" in page]
    assert key, "no answer key"
    assert key == list(range(key[0], len(pages))), "the key is not on the last pages"
    return pages[: key[0]], pages[key[0] :]


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheets")
    return {
        (Path(source).stem, kind): sheet(folder, source, kind)
        for source in (PHONES, UNIFORMS)
        for kind in ("fill", "classify", "flaw", "cards")
    }


@pytest.mark.parametrize("kind", ["fill", "classify", "flaw", "cards"])
@pytest.mark.parametrize("source", ["phones", "uniforms"])
def test_every_word_is_at_least_11_pt_and_the_key_comes_last(sheets, kind, source):
    path = sheets[(source, kind)]
    pages = readability.pdf_pages(path)
    assert len(pages) >= 2
    for k, ((width, height), words) in enumerate(pages, 1):
        assert (width, height) == pytest.approx(A4, abs=0.01)
        small = [(w, round(s, 2)) for w, s in words if s < 10.95]
        assert not small, f"page {k}: {small[:5]}"
    students, key = split_pages(path)
    assert "Name: ___" in students[0] and "Date: ___" in students[0]
    assert all("Name: ___" in page for page in students)  # a loose page says whose it is
    assert not any("Answer key" in page for page in students)
    assert flat(key[0]).startswith("Answer key")


def test_the_one_page_map_is_one_diagram_under_the_heading(sheets):
    students, _ = split_pages(sheets[("uniforms", "classify")])
    assert len(students) == 1
    assert "Our school should keep its uniform" in students[0]


def test_fill_key_pairs_each_empty_box_with_its_letter_and_claim(sheets):
    from argmap.io.yaml.reader import load_map
    from argmap.render.worksheet.content import BLANK_TEXT, Settings, worksheet_content

    amap = load_map(PHONES)
    content = worksheet_content(amap, (), Settings("fill"))
    students, key = split_pages(sheets[("phones", "fill")])
    bank = dict(content.items)
    assert len(content.blanked) == 3  # 30 % of the 11 claims other than the thesis
    key_text = flat(" ".join(key))
    student_text = flat(" ".join(students))
    for box, answer in content.key:
        letter, text = answer.split(". ", 1)
        assert bank[f"{letter}."] == text
        assert f"{box} {letter}. {text}" in key_text
        assert student_text.count(text) == 1  # in the word bank, not in its box
        assert content.shown.claims[box.split()[1]].text == BLANK_TEXT
    assert sorted(bank.values()) == sorted(flat(amap.claims[c].text) for c in content.blanked)


def test_classify_boxes_hold_no_kind_word(sheets, tmp_path):
    students, key = split_pages(sheets[("uniforms", "classify")])
    diagram = students[0].split("Kinds of claim")[0]
    assert "Box 6" in students[0] or "BOX · 6" in diagram
    assert not KIND_WORDS & {w.strip(".,:").lower() for w in diagram.split()}
    pairs = dict(re.findall(r"Box (\d+)\s+(\w+)", " ".join(key)))
    assert pairs == {
        "1": "thesis",
        "2": "premise",
        "3": "evidence",
        "4": "precedent",
        "5": "objection",
        "6": "rebuttal",
    }
    phones, _ = split_pages(sheets[("phones", "classify")])
    upper = {w.upper() for w in KIND_WORDS}
    assert not upper & set(" ".join(phones).split())  # no kind caption in any box


def test_classify_html_has_no_kind_in_the_map(tmp_path):
    out = tmp_path / "c.html"
    code, err = argmap("worksheet", UNIFORMS, "--kind", "classify", "-o", str(out))
    assert code == 0, err
    html = out.read_text("utf-8")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert not KIND_WORDS & set(re.findall(r"[a-z]+", svg.lower()))
    assert "answer-key" not in html  # the key is in a file of its own
    assert 'id="answer-key"' in (tmp_path / "c.key.html").read_text("utf-8")


def test_flaw_pages_ask_in_plain_words_and_the_key_names_the_boxes(sheets):
    path = sheets[("phones", "flaw")]
    students, key = split_pages(path)
    text = " ".join(students)
    assert not CODE.search(" ".join(key) + text)
    assert "⚠" not in text
    assert "Find 3 premises, rebuttals or theses with no reason given" in flat(text)
    assert "Find 1 group of claims that support each other in a circle." in flat(text)
    # P5 is box 6, P4 box 7 (reading order: T1, P1, E1, C1, U1, P5, P4, …)
    assert "Box 7 and box 6: these claims support each other in a circle" in flat(" ".join(key))


def test_flaw_for_a_teacher_gives_the_codes_in_the_key_only(tmp_path):
    path = sheet(tmp_path, PHONES, "flaw", "--audience", "teacher")
    students, key = split_pages(path)
    assert not CODE.search(" ".join(students))
    assert {"AM101", "AM102", "AM107"} <= set(CODE.findall(" ".join(key)))


def test_cards_hold_every_claim_once(sheets):
    from argmap.io.yaml.reader import load_map

    path = sheets[("phones", "cards")]
    pages = pdf_text(path, "-raw")
    key_at = next(k for k, page in enumerate(pages) if "Answer key ·" in page)
    cards = flat(" ".join(pages[:key_at]))
    claims = load_map(PHONES).claims.values()
    for claim in claims:
        assert cards.count(flat(claim.text)) == 1, claim.id
    numbers = re.findall(r"card (\d+)", cards)
    assert sorted(map(int, numbers)) == list(range(1, len(claims) + 1))
    key = flat(" ".join(pages[key_at:]))
    assert re.search(r"Card \d+ thesis", key)
    assert len(re.findall(r"Card \d+", key)) == len(claims)


def test_cards_key_draws_the_map_when_it_fits(sheets):
    _, key = split_pages(sheets[("uniforms", "cards")])
    assert "the map, each box numbered as its card" in key[0]
    assert "THESIS" in key[0]


def test_same_seed_same_bytes_other_seed_other_blanks(tmp_path):
    one = sheet(tmp_path, OPED, "fill", "--seed", "7", name="one")
    two = sheet(tmp_path, OPED, "fill", "--seed", "7", name="two")
    other = sheet(tmp_path, OPED, "fill", "--seed", "8", name="other")
    assert one.read_bytes() == two.read_bytes()
    assert one.read_bytes() != other.read_bytes()
    for name in ("a", "b"):
        code, err = argmap(
            "worksheet", PHONES, "--kind", "cards", "-o", str(tmp_path / f"{name}.html")
        )
        assert code == 0, err
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_letter_paper(tmp_path):
    path = sheet(tmp_path, UNIFORMS, "fill", "--paper", "letter")
    for size, _ in readability.pdf_pages(path):
        assert size == pytest.approx(LETTER, abs=0.01)


def test_the_op_ed_fill_sheet_blanks_30_percent(tmp_path):
    path = sheet(tmp_path, OPED, "fill", "--blank", "30%")
    students, key = split_pages(path)
    assert len(re.findall(r"Box \d+", " ".join(key))) == 13  # 30 % of 44
    for _, words in readability.pdf_pages(path):
        assert min(s for _, s in words) >= 10.95


def test_key_in_a_file_of_its_own(tmp_path):
    sheet_pdf, key_pdf = tmp_path / "sheet.pdf", tmp_path / "key.pdf"
    sheet_html, key_html = tmp_path / "sheet.html", tmp_path / "key.html"
    code, err = argmap(
        "worksheet", UNIFORMS, "--kind", "classify", "-o", str(sheet_pdf), "-o", str(sheet_html),
        "--key", str(key_pdf), "--key", str(key_html),
    )  # fmt: skip
    assert code == 0, err
    students = pdf_text(sheet_pdf, "-layout")
    assert len(students) == 1 and "Answer key" not in students[0]
    key = pdf_text(key_pdf, "-layout")
    assert len(key) == 1 and "Name: ___" not in key[0]
    assert "Box 6" in key[0] and "rebuttal" in key[0]
    assert 'id="answer-key"' not in sheet_html.read_text("utf-8")
    page = key_html.read_text("utf-8")
    assert 'id="answer-key"' in page and "<svg" not in page and "Name:" not in page
    code, err = argmap("worksheet", UNIFORMS, "--kind", "fill", "--key", str(tmp_path / "k.txt"))
    assert code == 2 and "written as .pdf or .html" in err


def test_html_text_is_never_under_11_pt():
    from argmap.render.worksheet.html import STYLE

    sizes = [float(v) for v in re.findall(r"font-size:\s*([\d.]+)pt", STYLE)]
    assert sizes and min(sizes) >= 11
    assert not re.search(r"font-size:\s*[\d.]+(px|em|rem|%)", STYLE)
    screen, printed = STYLE.split("@media print")
    assert "max-width: 100%" not in screen  # on a screen the map is never shrunk
    assert ".map svg { display: block; max-width: 100%" in printed  # printed, it fits the page


def test_page_references_point_at_the_pages_of_the_worksheet(tmp_path):
    path = sheet(tmp_path, OPED, "classify")  # fill: its word bank comes first
    pages = pdf_text(path, "-raw")
    assert "Overview: each box is a line of argument." in pages[0]  # the map starts on page 1
    refs = re.findall(  # the overview: page 1 and what continues on page 2
        r"\n[A-Z]+ (\d+)\n(?:(?![A-Z]+ \d+\n).*\n)*?\d+ claims? · page (\d+)",
        pages[0] + pages[1],
    )
    assert len(refs) >= 8
    for box, page in refs:
        assert f"· {box}\n" in pages[int(page) - 1], (box, page)
