"""argmap render --paper a4|letter [--landscape] and --handout: printed pages of exactly
that size, no word under 9 pt, a median word of at least 10 pt, page references."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from test_slides import LINKED, OPED, argmap, pdf_text, readability

from conftest import needs_dot

pytestmark = needs_dot

A4 = (595.2756, 841.8898)
LETTER = (612.0, 792.0)


def render(path: Path, *args: str, source: str = OPED) -> Path:
    code, err = argmap("render", source, *args, "-o", str(path))
    assert code == 0, err
    return path


@pytest.fixture(scope="module")
def a4(tmp_path_factory):
    return render(tmp_path_factory.mktemp("a4") / "print.pdf", "--paper", "a4")


def assert_readable(path: Path, size: tuple[float, float]) -> list[str]:
    """Every page ``size`` exactly, no word under 9 pt, median at least 10 pt; the text."""
    pages = readability.pdf_pages(path)
    for k, ((width, height), words) in enumerate(pages, 1):
        assert (width, height) == pytest.approx(size, abs=0.01), k
        sizes = [s for _, s in words]
        small = [(w, round(s, 2)) for w, s in words if s < 9]
        assert not small, f"page {k}: {small[:5]}"
        assert statistics.median(sizes) >= 10, (k, statistics.median(sizes))
    return pdf_text(path)


def test_a4_pages_are_a4_and_readable(a4):
    text = assert_readable(a4, A4)
    total = len(text)
    assert total >= 2
    assert text[0].startswith("Cut a deal and bring the Michaels home") and "Overview" in text[0]
    for k, page in enumerate(text, 1):
        assert f"page {k} of {total}" in page


def test_page_references_lead_to_the_continuation(a4):
    text = pdf_text(a4)
    seen = 0
    for k, page in enumerate(text, 1):
        for n in map(int, re.findall(r"continued on page (\d+)", page)):
            assert n >= k and "continued from page" in text[n - 1]
            seen += 1
        for n in map(int, re.findall(r"see page (\d+)", page)):
            assert 1 <= n <= len(text)
    assert seen
    overview = re.findall(r"(\d+) claims? · page (\d+)", " ".join(text[:2]))
    assert overview and all(1 < int(n) <= len(text) for _, n in overview)


@pytest.mark.parametrize(
    ("args", "size"),
    [
        (("--paper", "letter"), LETTER),
        (("--paper", "letter", "--landscape"), LETTER[::-1]),
        (("--paper", "a4", "--landscape"), A4[::-1]),
    ],
)
def test_letter_and_landscape_sizes(tmp_path, args, size):
    assert_readable(render(tmp_path / "p.pdf", *args), size)


def test_the_handout_is_an_overview_and_a_numbered_outline(tmp_path):
    path = render(tmp_path / "h.pdf", "--handout")  # A4 when no --paper is given
    text = assert_readable(path, A4)
    # the op-ed's outline does not fit one page at these sizes: it says where it goes on
    assert 2 <= len(text) <= 4
    assert "The outline continues on page 2." in text[0]
    assert "Outline (continued from page 1)" in text[1]
    joined = "\n".join(text)
    assert "T1 (thesis): Canada should" in joined
    layout = pdf_text(path, "-layout")
    assert re.search(r"^ *2\.1 +E4 \(evidence\) supports P2: China seized", layout[0], re.M)
    assert re.search(r"^ *4\.1\.1 +P14 \(premise\) supports P13:", layout[1], re.M)
    assert "12 claims · outline 4" in joined  # the overview's box of P23
    assert "P6 (premise) supports P5:" in joined


def test_a_small_map_has_a_one_page_handout(tmp_path):
    source = tmp_path / "bridge.yaml"
    source.write_text(LINKED, "utf-8")
    path = render(tmp_path / "h.pdf", "--handout", "--paper", "letter", source=str(source))
    text = assert_readable(path, LETTER)
    assert len(text) == 1 and "continues" not in text[0]
    assert "U1 (objection) undercuts the step from P1 and P2 to T1" in " ".join(text[0].split())


def test_printed_pages_are_deterministic(a4, tmp_path):
    assert render(tmp_path / "again.pdf", "--paper", "a4").read_bytes() == a4.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--paper", "a4", "-o", "x.svg"), "--paper writes .pdf files, not .svg"),
        (("--handout", "-o", "x.html"), "--handout writes .pdf files, not .html"),
        (("--landscape", "-o", "x.pdf"), "use it with --paper a4|letter or --handout"),
        (("--paper", "a4", "--split", "-o", "x.pdf"), "leave out --split"),
        (("--paper", "a5", "-o", "x.pdf"), "'a5' is not one of 'a4', 'letter'"),
    ],
)
def test_paper_options_that_make_no_sense_are_refused(tmp_path, args, message):
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    code, err = argmap("render", OPED, *args)
    assert code == 2 and message in err
    assert not list(tmp_path.iterdir())
