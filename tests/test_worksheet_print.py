"""argmap worksheet as a teacher prints it: a fair flaw key, neutral headings, the
word bank on page 1, the HTML key in a file of its own, print rules for the HTML."""

from __future__ import annotations

import re
from pathlib import Path

from test_slides import argmap, pdf_text

from argmap.analysis.checks import run_checks
from argmap.cli.common import checks_for
from argmap.cli.worksheet import as_printed
from argmap.io.yaml.reader import load_map
from argmap.render.worksheet.content import Settings, worksheet_content

from conftest import ROOT, needs_dot

UNIFORMS = str(ROOT / "maps" / "school-uniforms.yaml")
FLAWS = str(ROOT / "maps" / "find-the-flaws.yaml")
NEED_REASONS = {"thesis", "premise", "rebuttal"}


def test_the_flaw_key_names_every_box_shown_without_a_reason():
    for path in (UNIFORMS, FLAWS):
        amap = load_map(path)
        assert any(c.ignore for c in amap.claims.values()) or path == FLAWS
        findings = tuple(run_checks(as_printed(amap), checks_for(amap, path)))
        content = worksheet_content(amap, findings, Settings("flaw", audience="teacher"))
        shown = content.shown
        concluded = {inf.conclusion for inf in shown.inferences}
        bare = {
            cid
            for cid, c in shown.claims.items()
            if c.kind in NEED_REASONS and cid not in concluded
        }
        keyed = {
            box
            for _, text in content.key
            if text.endswith("[AM101]")
            for box in re.findall(r"[Bb]ox (\d+)", text)
        }
        assert keyed == bare, path
        asked = [t for _, t in content.items if "no reason given" in t]
        assert asked and asked[0].startswith(f"Find {len(bare)} ")


def test_as_printed_keeps_the_map_but_drops_each_claims_ignore():
    amap = load_map(UNIFORMS)
    printed = as_printed(amap)
    assert not any(c.ignore for c in printed.claims.values())
    assert [c.text for c in printed.claims.values()] == [c.text for c in amap.claims.values()]
    assert amap.claims["P2"].ignore == frozenset({"unsupported-claim"})


@needs_dot
def test_the_printed_flaw_sheet_asks_for_what_students_see(tmp_path: Path):
    out = tmp_path / "flaw.pdf"
    code, err = argmap("worksheet", UNIFORMS, "--kind", "flaw", "-o", str(out))
    assert code == 0, err
    text = " ".join(" ".join(pdf_text(out)).split())
    assert "Find 7 premises, rebuttals or theses with no reason given" in text


@needs_dot
def test_claims_connected_to_nothing_stand_under_other_claims(tmp_path: Path):
    sheet, paper = tmp_path / "flaw.pdf", tmp_path / "paper.pdf"
    assert argmap("worksheet", FLAWS, "--kind", "flaw", "-o", str(sheet))[0] == 0
    assert argmap("render", FLAWS, "--paper", "a4", "-o", str(paper))[0] == 0
    for path, names in (
        (sheet, ("PREMISE 8", "REBUTTAL 9")),
        (paper, ("PREMISE P5", "REBUTTAL R1")),
    ):
        page = pdf_text(path, "-layout")[0]
        objections, other = page.index("Objections to the thesis"), page.index("Other claims")
        assert objections < other
        for name in names:  # under "Other claims", not among the objections
            assert page.index(name) > other
        assert "OBJECTION" in page[objections:other]


def test_an_html_sheets_key_goes_beside_it_unless_key_is_given():
    from argmap.render.worksheet import jobs, key_beside

    assert key_beside("out/sheet.html") == "out/sheet.key.html"
    assert jobs(("a.pdf", "b/s.html"), ()) == [
        ("a.pdf", "all"),
        ("b/s.html", "students"),
        ("b/s.key.html", "key"),
    ]
    assert jobs(("a.pdf", "s.htm"), ("k.pdf",)) == [
        ("a.pdf", "students"),
        ("s.htm", "students"),
        ("k.pdf", "key"),
    ]


@needs_dot
def test_the_html_key_file_is_written_and_named(tmp_path: Path):
    sheet = tmp_path / "s.html"
    code, err = argmap("worksheet", UNIFORMS, "--kind", "classify", "-o", str(sheet))
    assert code == 0, err
    key = tmp_path / "s.key.html"
    assert f"wrote {key}" in err
    students, answers = sheet.read_text("utf-8"), key.read_text("utf-8")
    assert "answer-key" not in students and "Answer key" not in students
    assert 'id="answer-key"' in answers and "Your answers" not in answers
    assert "@media print" in students and "max-width: 100%" in students


@needs_dot
def test_the_word_bank_stands_on_page_1_before_the_map(tmp_path: Path):
    pdf, html = tmp_path / "fill.pdf", tmp_path / "fill.html"
    code, err = argmap("worksheet", UNIFORMS, "--kind", "fill", "-o", str(pdf), "-o", str(html))
    assert code == 0, err
    pages = pdf_text(pdf, "-layout")
    first = pages[0]
    assert first.index("Word bank") < first.index("The argument map")
    assert not any("Word bank" in page for page in pages[1:])
    assert len(pages) == 4  # 3 pages for the students (was 4: the bank alone on one), 1 key
    page = html.read_text("utf-8")
    assert page.index("<h2>Word bank</h2>") < page.index('<figure class="map">')


@needs_dot
def test_headings_take_the_page_width_and_say_where_an_undrawn_line_is(tmp_path: Path):
    out = tmp_path / "fill.pdf"
    assert argmap("worksheet", UNIFORMS, "--kind", "fill", "-o", str(out))[0] == 0
    layout = "\n".join(pdf_text(out, "-layout"))
    assert re.search(r"^\s*Objection 1 to the thesis, with its answers\s*$", layout, re.M)
    words = " ".join(layout.split())
    assert "Reason 4 for the thesis (reason 3 is drawn whole in the overview)" in words
    assert "Reason 2 for the thesis 1 Our school" in words  # nothing skipped before 2


@needs_dot
def test_classify_headings_name_no_kind(tmp_path: Path):
    out = tmp_path / "classify.pdf"
    assert argmap("worksheet", UNIFORMS, "--kind", "classify", "-o", str(out))[0] == 0
    pages = pdf_text(out, "-layout")
    students = " ".join(" ".join(p.split()) for p in pages if "Answer key" not in p)
    assert [n for n in range(1, 6) if f"Part {n}" in students] == [1, 2, 3, 4]
    for word in ("Reason 1 for", "Objection 1 to", "LINKED REASON", "drawn whole"):
        assert word not in students
    assert "BOXES 8 + 9" in students


def test_every_cut_line_is_dashed_and_drawn_once_and_an_empty_cell_has_no_frame():
    from argmap.render.worksheet.tables import cards_graph

    cards = [(str(k), f"Claim {k}.") for k in range(1, 12)]  # 11 cards: an empty 12th cell
    rows = [cards[k : k + 2] for k in range(0, 11, 2)]
    dot = cards_graph(rows, 500.0, 2)
    cells = re.findall(r"<TD ([^>]*)>", dot)
    framed = [c for c in cells if 'BORDER="1"' in c]
    assert len(framed) == 11 and all('STYLE="dashed"' in c for c in framed)
    assert 'CELLBORDER="0"' in dot  # no solid frame by default
    empty = [c for c in cells if 'BORDER="0"' in c and "SIDES" not in c]
    assert len(empty) == 1
    drawn: list[tuple] = []
    for k, cell in enumerate(framed):
        r, c = divmod(k, 2)
        sides = re.search(r'SIDES="([A-Z]+)"', cell).group(1)
        edges = {"T": ("h", r, c), "B": ("h", r + 1, c), "L": ("v", r, c), "R": ("v", r, c + 1)}
        drawn += [edges[s] for s in sides]
    assert len(drawn) == len(set(drawn))  # no line twice (two dashed lines print solid)
    needed = {
        e
        for k in range(11)
        for e in (
            ("h", k // 2, k % 2),
            ("h", k // 2 + 1, k % 2),
            ("v", k // 2, k % 2),
            ("v", k // 2, k % 2 + 1),
        )
    }
    assert set(drawn) == needed  # every card closed all round


def test_html_cards_draw_each_cut_line_once():
    from argmap.render.worksheet.html import STYLE

    card = re.search(r"\.card \{([^}]*)\}", STYLE).group(1)
    grid = re.search(r"\.cards \{([^}]*)\}", STYLE).group(1)
    assert "border-right: 1px dashed" in card and "border-bottom: 1px dashed" in card
    assert "border:" not in card  # a full frame would double the line it shares
    assert "border-top: 1px dashed" in grid and "border-left: 1px dashed" in grid
