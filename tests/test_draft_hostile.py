"""Hostile and odd input to ``argmap draft``: never an internal error, a message
naming the input (not the output), and linear time.

Every text here is written for the test.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import yaml

from argmap.draft import draft_file
from argmap.draft.charset import declared_encoding
from argmap.draft.classify import shouted
from argmap.draft.patterns import load_patterns
from argmap.errors import MapLoadError

pytest.importorskip("spacy")


def _draft(run_cli, tmp_path: Path, text: str, name: str = "a.txt", *extra: str):
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    code, stdout, stderr = run_cli("draft", str(article), "-o", str(out), *extra)
    data = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else None
    return code, stderr, data


def _texts(data) -> dict[str, str]:
    return {cid: claim["text"] for cid, claim in data["claims"].items()}


def test_an_article_of_only_signposts_is_refused_with_exit_2(run_cli, tmp_path):
    for text in (
        "Why should any school in the country ban phones in class?\nIs it fair to pupils?\n",
        "The first reason is cost.\n",
        "THE FIRST REASON IS COST\n\nThe second reason is time.\n",
    ):
        code, stderr, data = _draft(run_cli, tmp_path, text)
        assert code == 2 and data is None
        assert "a.txt:1:1: error" in stderr and "only questions and signposts" in stderr


def test_a_claim_repeating_a_signpost_is_a_claim(run_cli, tmp_path):
    text = "Schools should ban phones in class. The first reason is cost. Cost is the reason.\n"
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    assert _texts(data) == {
        "T1": "Schools should ban phones in class.",
        "P1": "Cost is the reason.",
    }
    assert data["claims"]["P1"]["supports"] == "T1"


def test_without_a_cue_the_thesis_is_a_statement_not_a_question(run_cli, tmp_path):
    text = "Why do pupils bring phones to class?\n\nPupils bring phones to class every day.\n"
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    assert data["claims"]["T1"]["text"] == "Pupils bring phones to class every day."


def test_control_characters_in_a_text_become_spaces(run_cli, tmp_path):
    text = "Schools should ban phones.\x1b Phones \x00distract\x7f pupils \x85in class.\ufffe\n"
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    assert _texts(data) == {
        "T1": "Schools should ban phones.",
        "P1": "Phones distract pupils in class.",
    }
    start, end = text.index("Phones"), text.index("class.") + len("class.")
    assert data["claims"]["P1"]["span"] == [start, end]  # offsets count the file's characters


@pytest.mark.parametrize(
    "url", ["https://example.com:99999/", "https://[bad", "javascript:alert(1)"]
)
def test_a_malformed_address_line_is_not_copied_into_the_source(run_cli, tmp_path, url):
    text = f"{url}\n\nSchools should ban phones in class. Phones distract pupils.\n"
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    assert "url" not in (data.get("source") or {})
    assert data["claims"]["T1"]["text"] == "Schools should ban phones in class."


def test_a_sentence_starting_by_is_not_an_author_line(run_cli, tmp_path):
    text = "By then it was over.\n\nBy José Álvarez\n\nSchools should ban phones in class.\n"
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    assert data["source"]["author"] == "José Álvarez"


def test_save_text_through_a_symbolic_link_to_the_output_is_refused(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Schools should ban phones in class.\n", encoding="utf-8")
    os.symlink(tmp_path / "out.yaml", tmp_path / "link")  # dangling: out.yaml does not exist
    code, _, stderr = run_cli(
        "draft",
        str(article),
        "-o",
        str(tmp_path / "out.yaml"),
        "--save-text",
        str(tmp_path / "link"),
    )
    assert code == 2 and "both name" in stderr
    assert not (tmp_path / "out.yaml").exists()


def test_save_text_dash_writes_the_text_to_standard_output(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Schools should ban phones in class.\n", encoding="utf-8")
    code, stdout, stderr = run_cli(
        "draft", str(article), "-o", str(tmp_path / "out.yaml"), "--save-text", "-"
    )
    assert code == 0, stderr
    assert stdout == "Schools should ban phones in class.\n"
    assert not (tmp_path / "-").exists()
    code, stdout, stderr = run_cli("draft", str(article), "--save-text", "-")
    assert code == 2 and "where the map goes" in stderr


def test_uncased_scripts_are_not_shouted():
    assert shouted("SCHOOLS MUST ACT")
    assert not shouted("学校 应该 禁止 手机")
    assert not shouted("المدارس يجب أن تمنع الهواتف")
    assert not shouted("Schools MUST act")


# --- HTML pages ---------------------------------------------------------------------


def _page(body: str, head: str = "<title>Phones</title>") -> str:
    return f"<html><head>{head}</head><body><article>{body}</article></body></html>"


def test_hidden_elements_and_templates_are_not_drafted(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "h.html"
    body = (
        "<p>Schools should ban phones in class.</p>"
        "<p hidden>Hidden text says schools must never ban phones at all.</p>"
        "<template><p>Template text says phones help every pupil learn.</p></template>"
        "<p>Phones distract pupils from their work in every lesson.</p>"
    )
    path.write_text(_page(body), encoding="utf-8")
    made = draft_file(path, model="blank")
    assert "Hidden" not in made.article.text and "Template" not in made.article.text
    assert "Phones distract pupils" in made.article.text


def test_control_character_references_in_a_page_become_spaces(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "p.html"
    body = (
        "<p>Schools should ban phones in class.&#1; Phones distract pupils from work.</p>"
        "<p>Pupils who use phones learn less &#x1b; than others do&#150; as tests show.</p>"
        "<p>Huge references &#99999999999; and &#x1000000001; leave no digits behind.</p>"
    )
    path.write_text(_page(body), encoding="utf-8")
    made = draft_file(path, model="blank")
    texts = [c.text for c in made.map.claims.values()]
    assert "Schools should ban phones in class." in texts
    assert any(
        "others do\u2013 as tests show" in t for t in texts
    )  # &#150; is windows-1252's en dash


@pytest.mark.parametrize(
    ("head", "label"),
    [
        (b'<meta charset="iso-8859-2">', "iso-8859-2"),
        (b"<meta http-equiv='Content-Type' content='text/html; charset=koi8-r'>", "koi8-r"),
        (b'<meta content="text/html; charset=cp1251" http-equiv="content-type">', "cp1251"),
        (b"<meta charset=utf-8/>", "utf-8"),
        (b'<meta name="description" content="charset=koi8-r">', None),
        (b'<meta property="og:x" data-charset="gbk">', None),
        (b"<meta http-equiv='refresh' content='0; charset=gbk'>", None),
        (b"<metadata charset=gbk>", None),
    ],
)
def test_only_a_charset_attribute_or_a_content_type_declares_the_charset(head, label):
    found = declared_encoding(b"<html><head>" + head + b"</head>")
    assert (found[0] if found else None) == label


def test_a_table_row_is_a_line_of_its_cells_own_text(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "t.html"
    body = (
        "<p>Schools should ban phones in class because phones distract pupils.</p>"
        "<table><tr><td>Pupils with phones | learn less</td>"
        "<td>Grades rise when phones stay at home.</td></tr></table>"
    )
    path.write_text(_page(body), encoding="utf-8")
    made = draft_file(path, model="blank")
    lines = made.article.text.split("\n")
    assert "Pupils with phones | learn less | Grades rise when phones stay at home." in lines
    assert not any("\\|" in line for line in lines)


def test_a_paragraph_of_many_links_is_navigation_and_one_of_many_spans_is_text(tmp_path):
    pytest.importorskip("trafilatura")
    links = "".join(f'<a href="/x{k}">topic{k}</a> ' for k in range(300))
    spans = "".join(f"<span>word{k}</span> " for k in range(300))
    body = (
        f"<p>Schools should ban phones in class.</p><p>{links}</p><p>Phones distract {spans}.</p>"
    )
    path = tmp_path / "l.html"
    path.write_text(_page(body), encoding="utf-8")
    made = draft_file(path, model="blank")
    assert "topic7" not in made.article.text
    assert "Phones distract word0 word1" in made.article.text
    assert made.article.page is not None and made.article.page.blocks >= 1


def _best_of_3(path: Path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        draft_file(path, model="blank")
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize(
    ("name", "make"),
    [
        (
            "evidence.txt",  # evidence with no premise before it: the walk back is bounded
            lambda n: " ".join(
                f"In {1900 + k % 100} town {k} banned phones." for k in range(n // 4)
            ),
        ),
        (
            "hashtags.txt",
            lambda n: "Schools should ban phones.\nPhones distract pupils" + " #a" * n + " x\n",
        ),
        ("credits.txt", lambda n: "Schools should ban phones.\nGreat" + "(photo" * n + "\n"),
        ("sigma.txt", lambda n: "Schools should ban phones. " + "ΣΣ " * n + "\n"),
        (
            "links.html",
            lambda n: _page(
                "<p>Schools should ban phones.</p><p>" + "<a href=/x>w</a> " * n + "</p>"
            ),
        ),
        (
            "spans.html",
            lambda n: _page(
                "<p>Schools should ban phones.</p><p>" + "<span>w</span> " * n + "</p>"
            ),
        ),
        (
            "authors.html",
            lambda n: _page(
                "<p>Schools should ban phones.</p>",
                "<title>P</title>"
                + "".join(f'<meta name="author" content="A{k} B">' for k in range(n)),
            ),
        ),
    ],
)
def test_hostile_pages_and_lines_take_linear_time(tmp_path, name, make):
    if name.endswith(".html"):
        pytest.importorskip("trafilatura")
    paths = []
    for count in (2_000, 20_000):
        path = tmp_path / f"{count}-{name}"
        path.write_text(make(count), encoding="utf-8")
        paths.append(path)
    _best_of_3(paths[0])
    ratio = _best_of_3(paths[1]) / _best_of_3(paths[0])
    assert ratio < 30, f"{name}: x10 input took x{ratio:.1f} time"


# --- --patterns files ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cues.json", '{"settings":' * 100_000, "nested too deeply"),
        ("cues.json", '{"settings": {"basis_threshold": 1' + "0" * 400 + "}}", "-1,000,000"),
        ("cues.json", '{"settings": {"basis_threshold": 1' + "0" * 5000 + "}}", "too long"),
        ("cues.json", '{"settings": {"thesis_echo": 1e308}}', "-1,000,000"),
        ("cues.json", '{"settings": {"default_confidence": -7}}', "from 0 to 1"),
        ("cues.json", '{"settings": {"opening_paragraphs": 1.5}}', "whole number"),
        ("cues.json", '{"settings": {"thesis_echo": NaN}}', "-1,000,000"),
        (
            "cues.json",
            '{"cues": [{"id": "x", "kind": "thesis", "weight": Infinity, "phrases": ["a b"]}]}',
            "-1,000,000",
        ),
        (
            "boilerplate.json",
            '{"rules": [{"name": "x", "max_words": true, "patterns": ["a"]}]}',
            "max_words",
        ),
        (
            "boilerplate.json",
            '{"rules": [{"name": "x", "rest": "yes", "patterns": ["a"]}]}',
            "'rest'",
        ),
        ("boilerplate.json", '{"metadata": ["x"]}', "'metadata' must be an object"),
        ("boilerplate.json", '{"metadata": {"author": "x"}}', "give a list"),
        ("boilerplate.json", '{"trim": ["a(?=b)"]}', "no look-around"),
        (
            "cues.json",
            '{"cues": [{"id": "x", "kind": "thesis", "weight": 1, '
            '"tokens": [[{"LOWER": "a", "OP": "{1000000000,}"}]]}]}',
            "'OP'",
        ),
        (
            "cues.json",
            '{"cues": [{"id": "x", "kind": "thesis", "weight": 1, '
            '"tokens": [[{"OP": "*"}, {"LOWER": "zzz"}]]}]}',
            "'OP' '*' is not allowed",
        ),
        (
            "cues.json",
            '{"cues": [{"id": "x", "kind": "thesis", "weight": 1, '
            '"tokens": [[{"TEXT": {"REGEX": "^(a+)+$"}}]]}]}',
            "'REGEX' is not allowed",
        ),
    ],
)
def test_malformed_patterns_files_are_refused_with_their_position(
    tmp_path, name, content, message
):
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        load_patterns(tmp_path)
    assert name in str(caught.value) and message in str(caught.value)


def test_a_catastrophic_user_expression_runs_in_linear_time(tmp_path):
    (tmp_path / "boilerplate.json").write_text(
        json.dumps({"rules": [{"name": "x", "match": "search", "patterns": ["(a+)+$"]}]}),
        encoding="utf-8",
    )
    article = tmp_path / "a.txt"
    article.write_text("Schools should ban phones.\n" + "a" * 50_000 + "!\n", encoding="utf-8")
    start = time.perf_counter()
    draft_file(article, model="blank", patterns_dir=tmp_path)
    assert time.perf_counter() - start < 60  # backtracking would take longer than the universe


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ({"LEMMA": "ban"}, "needs a pipeline that sets token.lemma"),
        ({"_": {"x": 1}}, "custom token extensions"),
    ],
)
def test_token_patterns_the_blank_pipeline_cannot_match_are_refused(tmp_path, token, message):
    cue = {"id": "x", "kind": "thesis", "weight": 1, "tokens": [[token]]}
    (tmp_path / "cues.json").write_text(json.dumps({"cues": [cue]}), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Schools should ban phones.\n", encoding="utf-8")
    with pytest.raises(MapLoadError, match=message) as caught:
        draft_file(article, model="blank", patterns_dir=tmp_path)
    assert f"{tmp_path / 'cues.json'}:1:" in str(caught.value)


@pytest.mark.parametrize("value", ["9" * 5000, "two", "99999999999999999999999"])
def test_a_year_line_no_map_could_hold_is_not_a_year(tmp_path, value):
    (tmp_path / "boilerplate.json").write_text(
        json.dumps({"metadata": {"year": ["year (?P<value>.*)"]}}), encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text(
        f"Phones\nyear {value}\nSchools should ban phones in class.\n", encoding="utf-8"
    )
    made = draft_file(article, model="blank", patterns_dir=tmp_path)
    assert made.map.source is not None and made.map.source.year is None


def test_thesis_candidates_are_ranked_one_two_three_after_a_merge(run_cli, tmp_path):
    text = (
        "Schools should ban phones in class. Phones distract pupils in class. "
        "Schools must protect lessons. Phones distract pupils in class.\n"
    )
    code, stderr, data = _draft(run_cli, tmp_path, text)
    assert code == 0, stderr
    ranks = [c["rank"] for c in data["draft"]["thesis_candidates"]]
    assert ranks == list(range(1, len(ranks) + 1))
