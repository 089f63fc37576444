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


#: A teacher's map: a reason with an undercut step, a linked pair (undercut by
#: U2, which PHONES_NO_U2 leaves out), an answered objection, one unanswered.
PHONES = """\
title: Should our school ban phones in class?
claims:
  T1: {kind: thesis, text: Our school should ban mobile phones in lessons.}
  P1: {kind: premise, text: Phones distract students from what is being taught., supports: T1}
  E1:
    kind: evidence
    text: In our Year 9 survey, 7 out of 10 students said they check notifications in lessons.
    supports: P1
    source: Year 9 tutor survey, March 2024
  P2: {kind: premise, text: Teachers cannot see what students are doing under the desk.}
  P3: {kind: premise, text: A lot of online bullying happens during the school day.}
  U1:
    kind: objection
    text: Being distracting is not enough to justify a ban; doodling distracts too.
    undercuts: "P1 -> T1"
  O1: {kind: objection, text: Students need their phones to reach their parents., attacks: T1}
  R1: {kind: rebuttal, text: In an emergency the school office can call parents., attacks: O1}
  P5: {kind: premise, text: The office already phones parents every day., supports: R1}
  O2: {kind: objection, text: Phones are useful learning tools for quick research., attacks: T1}
  P4: {kind: premise, text: Phone bans have worked in other schools., supports: T1}
  PR1: {kind: precedent, text: France banned phones in schools in 2018., supports: P4}
  E2:
    kind: evidence
    text: A 2015 LSE study found test scores rose after phones were banned.
    supports: P4
    source: Beland & Murphy, "Ill Communication", LSE CEP 2015
  U2:
    kind: objection
    text: Teachers not seeing phones does not make bullying happen in lessons.
    undercuts: I1
inferences:
  I1: {premises: [P2, P3], conclusion: T1}
"""
PHONES_NO_U2 = PHONES.split("  U2:")[0] + "inferences:" + PHONES.split("inferences:")[1]


def _flat(text: list[str]) -> str:
    return " ".join(" ".join(text).split())


def _first_words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


@pytest.mark.parametrize("args", [("--paper", "a4"), ("--paper", "letter", "--landscape")])
@pytest.mark.parametrize("which", ["phones", "phones-no-u2", "op-ed"])
def test_every_claim_is_printed_in_full_somewhere(tmp_path, which, args):
    import yaml

    if which == "op-ed":
        source, data = OPED, yaml.safe_load(Path(OPED).read_text("utf-8"))
    else:
        text = PHONES if which == "phones" else PHONES_NO_U2
        (tmp_path / "m.yaml").write_text(text, "utf-8")
        source, data = str(tmp_path / "m.yaml"), yaml.safe_load(text)
    pages = pdf_text(render(tmp_path / "p.pdf", *args, source=source))
    flat = _flat(pages)
    missing = [cid for cid, c in data["claims"].items() if _first_words(c["text"]) not in flat]
    assert not missing
    handout = _flat(pdf_text(render(tmp_path / "h.pdf", "--handout", source=source)))
    assert not [cid for cid, c in data["claims"].items() if _first_words(c["text"]) not in handout]
    if which != "op-ed":  # the linked pair, its undercut and the findings are drawn
        assert "LINKED REASON P2 + P3" in flat
        assert re.search(r"LINKED REASON P2 \+ P3.*? 3? ?claims? · page \d", flat)
        assert "Reason 3 for the thesis" in flat and "Objection 2 to the thesis" in flat
        assert "unanswered" in flat and "no reason given" in flat
    if which != "op-ed" and args[1] == "a4":  # the overview fits one page, with the legend
        assert "Overview (continued)" not in flat and "Legend" in pages[0]
        assert len(pages) <= 4  # was 4 for phones, with half a page empty twice


@pytest.fixture(scope="module")
def phones_handout(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phones")
    (folder / "m.yaml").write_text(PHONES, "utf-8")
    return render(folder / "h.pdf", "--handout", source=str(folder / "m.yaml"))


def test_the_handout_title_is_the_largest_text(phones_handout):
    (_, words), *_ = readability.pdf_pages(phones_handout)
    title = set("Should our school ban phones in class?".split())
    sizes = [s for _, s in words]
    top = [w for w, s in words if s >= max(sizes) - 0.01]
    assert set(top) == title  # the map's title, and nothing else, at the largest size
    claim = statistics.median(sizes)
    assert max(sizes) >= claim + 4  # 16 pt over the 10.5 pt outline text
    assert [s for w, s in words if w == "Outline"][0] > claim  # the outline's heading too


def test_paper_headings_are_larger_than_what_they_head(tmp_path):
    (tmp_path / "m.yaml").write_text(PHONES, "utf-8")
    pages = readability.pdf_pages(
        render(tmp_path / "p.pdf", "--paper", "a4", source=str(tmp_path / "m.yaml"))
    )
    words = [w for _, page in pages for w in page]
    median = statistics.median(s for _, s in words)
    heads = [s for w, s in words if w == "Reason"]
    assert heads and min(heads) > median + 1
    titles = [s for w, s in pages[0][1] if w == "Should"]
    assert titles and titles[0] == max(s for _, s in pages[0][1])


def test_the_handout_numbers_reasons_steps_and_undercuts(phones_handout):
    layout = "\n".join(pdf_text(phones_handout, "-layout"))
    expected = [
        ("1", "P1 (premise) supports T1"),
        ("1.1", "E1 (evidence) supports P1"),
        ("1.2", "U1 (objection) undercuts the step from P1 to T1"),
        ("2", "P4 (premise) supports T1"),
        ("2.2", "E2 (evidence) supports P4"),
        ("3a", "P2 (premise), together with P3, supports T1"),
        ("3b", "P3 (premise), together with P2, supports T1"),
        ("3.1", "U2 (objection) undercuts the step from P2 and P3 to T1"),
        ("4", "O1 (objection) attacks T1"),
        ("4.1.1", "P5 (premise) supports R1"),
        ("5", "O2 (objection) attacks T1"),
    ]
    for number, sentence in expected:
        assert re.search(rf"^ *{re.escape(number)} +{re.escape(sentence)}", layout, re.M), number
    flat = " ".join(layout.split())
    assert "2 claims · outline 3" in flat or "3 claims · outline 3" in flat  # the linked reason
    assert "outline 3a" not in flat


def test_the_handout_says_the_findings_in_plain_words(phones_handout):
    flat = " ".join(" ".join(pdf_text(phones_handout)).split())
    assert "under the desk. — no reason given" in flat  # P2, a premise nothing supports
    assert "quick research. — unanswered" in flat  # O2, an objection nobody answers
    assert "every day. — no reason given" in flat  # P5
    assert "in 2018. — no source given" in flat  # PR1, a precedent without a source


def test_the_handout_is_deterministic(phones_handout, tmp_path):
    (tmp_path / "m.yaml").write_text(PHONES, "utf-8")
    again = render(tmp_path / "h.pdf", "--handout", source=str(tmp_path / "m.yaml"))
    assert again.read_bytes() == phones_handout.read_bytes()


def test_a_source_is_printed_in_full_on_paper(tmp_path):
    from argmap.render.labels import source_line

    cite = 'Beland & Murphy, "Ill Communication", LSE CEP 2015'
    assert source_line(cite, 24)[-1].endswith("…")  # diagrams on screen: two lines at most
    assert source_line(cite, 24, 0)[-1] == "2015" and len(source_line(cite, 24, 0)) == 3
    (tmp_path / "m.yaml").write_text(PHONES, "utf-8")
    for args in (("--paper", "a4"), ("--paper", "letter", "--landscape")):
        pages = pdf_text(render(tmp_path / "p.pdf", *args, source=str(tmp_path / "m.yaml")))
        flat = _flat(pages)
        assert 'Beland & Murphy, "Ill Communication", LSE CEP 2015' in flat, args
        assert "LSE CE…" not in flat
