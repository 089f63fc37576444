"""Slides, printed pages and handouts of odd maps: long and spaced claim ids, deep
chains, long outlines. Each is drawn, readable, and in time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_paper import A4, assert_readable
from test_slides import argmap, pdf_text, readability

from conftest import ROOT, needs_dot

pytestmark = needs_dot

LONG_ID = "ThisIsAVeryLongIdentifierThatGoesOnAndOnWithoutAnySpaceBreakingItUpLongerThanALine"


def write_map(folder: Path, text: str) -> str:
    path = folder / "odd.yaml"
    path.write_text(text, "utf-8")
    return str(path)


def chain(depth: int) -> str:
    """A thesis and a chain of ``depth`` premises, each supporting the one above."""
    lines = ["claims:", "  T1: {kind: thesis, text: The chain starts here.}"]
    above = "T1"
    for k in range(1, depth + 1):
        lines.append(f"  P{k}: {{kind: premise, text: Step {k} of the chain., supports: {above}}}")
        above = f"P{k}"
    return "\n".join(lines) + "\n"


def fan(reasons: int) -> str:
    """A thesis and ``reasons`` premises supporting it."""
    lines = ["claims:", "  T1: {kind: thesis, text: The fan's thesis.}"]
    for k in range(1, reasons + 1):
        lines.append(f"  P{k}: {{kind: premise, text: Reason {k} for it., supports: T1}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "claim_id", ["a  b", "tab\there", LONG_ID], ids=["double-space", "tab", "long"]
)
def test_handout_and_pages_of_odd_claim_ids(tmp_path, claim_id):
    source = write_map(
        tmp_path,
        "claims:\n  T1: {kind: thesis, text: The thesis.}\n"
        f'  "{claim_id}": {{kind: premise, text: A reason., supports: T1}}\n',
    )
    for args in (("--handout",), ("--paper", "a4")):
        out = tmp_path / f"{args[0][2:]}.pdf"
        code, err = argmap("render", source, *args, "-o", str(out))
        assert code == 0, err
        text = " ".join(assert_readable(out, A4))
        assert "A reason." in text
        joined = "".join(text.split())
        assert "".join(claim_id.split()) in joined


def test_a_deep_chain_keeps_its_handout_numbers_in_a_narrow_column(tmp_path):
    out = tmp_path / "h.pdf"
    code, err = argmap("render", write_map(tmp_path, chain(60)), "--handout", "-o", str(out))
    assert code == 0, err
    assert "Step 60 of the chain." in "\n".join(assert_readable(out, A4))
    # the deepest claim's number ("1.1.1…", 60 levels) is broken over lines in a
    # column a fifth of the page wide, so its sentence starts near the left
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = next(p for p in bbox.split("<page ") if ">P60</word>" in p)
    x = {w: float(x) for x, w in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', page)}
    body = A4[0] - 2 * 15 * 72 / 25.4
    assert 0 < x["P60"] - x["Outline"] <= body * 0.2 + 4


def test_a_long_outline_is_never_laid_out_whole_to_cut_its_pages(tmp_path, monkeypatch):
    from argmap.render.sheets import handout

    asked: list[int] = []
    drawing = handout.outline_drawing

    def spy(sheets, rows, *args):
        asked.append(len(rows))
        return drawing(sheets, rows, *args)

    monkeypatch.setattr(handout, "outline_drawing", spy)
    out = tmp_path / "h.pdf"
    source = write_map(tmp_path, fan(200))
    code, err = argmap("render", source, "--handout", "-o", str(out))
    assert code == 0, err
    assert len(pdf_text(out)) >= 4
    # no page is tried with more rows than lines of text fit on an A4 page
    assert max(asked) <= 80 < 200


def test_a_long_word_is_wrapped_measuring_each_character_a_few_times(monkeypatch):
    from argmap.render.sheets import words

    measured = [0]
    width_of = words.text_width

    def counting(text: str, size: float, *, bold: bool = False) -> float:
        measured[0] += len(text)
        return width_of(text, size, bold=bold)

    monkeypatch.setattr(words, "text_width", counting)
    word = "x" * 20_000
    lines = words.wrap_to(word, 28, 600)
    assert "".join(lines) == word and len(lines) > 500
    assert measured[0] < 12 * len(word)  # was about 250 times: quadratic
    measured[0] = 0
    cut = words.wrap_lines(word + " and more", 28, 600, 3)
    assert len(cut) == 3 and cut[-1].endswith(words.ELLIPSIS)
    assert measured[0] < 4 * len(word)


def test_a_thesis_of_a_million_characters_still_makes_readable_slides(tmp_path):
    source = write_map(
        tmp_path,
        "claims:\n  T1: {kind: thesis, text: " + "x" * 1_000_000 + "}\n"
        "  P1: {kind: premise, text: A short reason., supports: T1}\n",
    )
    out = tmp_path / "d.pdf"
    code, err = argmap("render", source, "--slides", "--layout-timeout", "60", "-o", str(out))
    assert code == 0, err
    assert "warning" not in err
    pages = readability.pdf_pages(out)
    assert len(pages) == 3
    for (width, _), words in pages:
        assert min(size for _, size in words) * 1920 / width >= 20


def linked(premises: int) -> str:
    """A thesis with one reason of ``premises`` linked premises, undercut once."""
    lines = ["claims:", "  T1: {kind: thesis, text: Many things together show this.}"]
    for k in range(premises):
        text = f"Co-premise {k} has a text long enough to need a few lines in its box."
        lines.append(f"  P{k}: {{kind: premise, text: {text}}}")
    lines += [
        "  U1: {kind: objection, text: The step does not follow., undercuts: I1}",
        "inferences:",
        f"  I1: {{premises: [{', '.join(f'P{k}' for k in range(premises))}], conclusion: T1}}",
    ]
    return "\n".join(lines) + "\n"


def test_a_reason_too_wide_for_a_slide_is_drawn_and_named_in_a_warning(tmp_path):
    source = write_map(tmp_path, linked(12))
    out = tmp_path / "d.pdf"
    code, err = argmap("render", source, "--slides", "-o", str(out))
    assert code == 0 and out.exists(), err
    pages = readability.pdf_pages(out)
    small = [
        k for k, ((w, _), words) in enumerate(pages, 1) if min(s for _, s in words) * 1920 / w < 20
    ]
    assert small == [3]
    assert "warning: slide 3 holds a claim or reason too big for one slide" in err
    assert "px at 1920×1080 (under 20 px" in err and "slide 2 " not in err
    code, err = argmap("render", write_map(tmp_path, linked(3)), "--slides", "-o", str(out))
    assert code == 0 and "warning" not in err


def test_an_outline_row_longer_than_a_page_stays_on_the_page(tmp_path):
    words = " ".join(f"word{k}" for k in range(3000))
    source = write_map(
        tmp_path,
        "claims:\n  T1: {kind: thesis, text: Short.}\n"
        f"  P1: {{kind: premise, text: {words}, supports: T1}}\n",
    )
    out = tmp_path / "h.pdf"
    code, err = argmap("render", source, "--handout", "-o", str(out))
    assert code == 0, err
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    bottoms = [float(y) for y in re.findall(r'<word [^>]*yMax="([\d.]+)"', bbox)]
    assert bottoms and max(bottoms) <= A4[1]
    assert "word2999" in bbox
    assert re.search(r"warning: page \d holds a claim or reason too big for one page", err)


@pytest.mark.parametrize("args", [("--slides",), ("--paper", "a4"), ("--handout",)])
def test_out_of_time_sheets_advise_only_what_sheets_accept(tmp_path, args):
    out = tmp_path / "x.pdf"
    source = write_map(tmp_path, fan(40))
    code, err = argmap("render", source, *args, "--layout-timeout", "0.001", "-o", str(out))
    assert code == 3 and not out.exists()
    assert "--focus ID --depth K, or raise --layout-timeout" in err
    assert "--split" not in err and "--collapse" not in err  # both refused with sheets


def test_colour_emoji_leave_standard_error_quiet(tmp_path):
    source = write_map(tmp_path, 'claims:\n  T1: {kind: thesis, text: "😀😀😀 smile"}\n')
    out = tmp_path / "p.pdf"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    command = [sys.executable, "-m", "argmap", "render", source, "--paper", "a4", "-o", str(out)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0
    # pypdf reads cairo's emoji fonts fine, but used to log "Multiple definitions
    # in dictionary …" here, once for each glyph
    assert done.stderr.strip() == f"wrote {out}"


def test_a_handout_overview_of_sixty_lines_goes_on_to_the_next_page(tmp_path):
    out = tmp_path / "h.pdf"
    code, err = argmap("render", write_map(tmp_path, fan(60)), "--handout", "-o", str(out))
    assert code == 0 and "warning" not in err, err
    for _, words in readability.pdf_pages(out):  # was one page of 60 boxes at 4.7 pt
        assert min(size for _, size in words) >= 9
    text = pdf_text(out)
    assert "Overview (continued)" in text[1]
    first = next(k for k, page in enumerate(text) if "Outline" in page)
    assert first >= 1 and "Reason 60 for it." in "\n".join(text[first:])
    for k, page in enumerate(text[first:-1], first + 1):
        assert f"The outline continues on page {k + 1}." in page
        assert f"Outline (continued from page {k})" in text[k]


def test_the_readability_measure_reads_a_deck_with_an_emoji_title(tmp_path):
    # the PDF's title (its metadata) comes out of pdftotext -bbox as surrogates
    text = 'title: "Family 👩‍👩‍👧‍👦"\nclaims:\n  T1: {kind: thesis, text: "😀😀😀 smile"}\n'
    source = write_map(tmp_path, text)
    out = tmp_path / "d.pdf"
    code, err = argmap("render", source, "--slides", "-o", str(out))
    assert code == 0, err
    pages = readability.pdf_pages(out)  # stopped with UnicodeDecodeError
    assert len(pages) == 2 and any(w == "smile" for _, words in pages for w, _ in words)
