"""argmap render --slides: a 16:9 deck as PDF, offline HTML and one SVG per slide, every
word readable on a 1920×1080 projector."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, _Main, bench_module, needs_dot

pytestmark = needs_dot

OPED = str(ROOT / "maps" / "two-michaels.yaml")
SVG = "{http://www.w3.org/2000/svg}"

LINKED = """\
claims:
  T1: {kind: thesis, text: The town should build the bridge this year.}
  P1: {kind: premise, text: The ferry can no longer carry the traffic.}
  P2: {kind: premise, text: Traffic that cannot cross goes round through the valley.}
  U1: {kind: objection, text: The valley road was widened last spring., undercuts: I1}
  O1: {kind: objection, text: The bridge costs too much., attacks: T1}
  R1: {kind: rebuttal, text: A grant pays for half of it., attacks: O1}
inferences:
  I1: {premises: [P1, P2], conclusion: T1}
"""


readability = bench_module("readability")


def argmap(*args: str) -> tuple[int, str]:
    """Run ``argmap ARGS`` in-process: (exit code, standard error)."""
    from argmap.cli.app import main

    result = CliRunner().invoke(_Main(main), list(args), catch_exceptions=False)
    return result.exit_code, result.stderr


def render_deck(folder: Path, source: str = OPED, *extra: str) -> Path:
    outputs = [
        arg for name in ("pdf", "html", "svg") for arg in ("-o", str(folder / f"deck.{name}"))
    ]
    code, err = argmap("render", source, "--slides", *extra, *outputs)
    assert code == 0, err
    return folder


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    return render_deck(tmp_path_factory.mktemp("deck"))


def pdf_text(path: Path, *options: str) -> list[str]:
    """The text of each page (poppler's pdftotext with ``options``)."""
    command = ["pdftotext", *options, str(path), "-"]
    out = subprocess.run(command, capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def svg_files(folder: Path) -> list[Path]:
    found = sorted(folder.glob("deck.*.svg"), key=lambda p: int(p.name.split(".")[1]))
    return found


def test_the_op_ed_deck_has_a_title_an_overview_and_a_slide_per_line(deck):
    pages = readability.pdf_pages(deck / "deck.pdf")
    assert len(pages) >= 3
    assert all(size == (960.0, 540.0) for size, _ in pages)
    text = pdf_text(deck / "deck.pdf")
    assert "Cut a deal and bring the Michaels home" in text[0] and "THESIS" in text[0]
    assert text[1].startswith("Overview")
    lines = [t for t in text if t.startswith(("Reason ", "Objection "))]
    assert sum(t.startswith("Reason 1 for the thesis") for t in lines) == 1
    assert sum(t.startswith("Objection 5 to the thesis") for t in lines) >= 1
    assert all(f"{k} / {len(pages)}" in text[k - 1] for k in range(2, len(pages) + 1))


def test_every_word_is_at_least_20px_at_1920(deck):
    for k, ((width, _), words) in enumerate(readability.pdf_pages(deck / "deck.pdf"), 1):
        small = [(w, round(s * 1920 / width, 2)) for w, s in words if s * 1920 / width < 20]
        assert not small, f"slide {k}: {small[:5]}"


def test_claim_text_is_at_least_24px_and_every_text_20px_on_every_slide(deck):
    svgs = svg_files(deck)
    assert len(svgs) == len(readability.pdf_pages(deck / "deck.pdf"))
    for path in svgs:
        sizes = readability.svg_sizes(path.read_bytes())  # shown at its width, 1920 px
        assert sizes.claim and min(sizes.claim) >= 24, (path.name, min(sizes.claim))
        assert sizes.smallest >= 20, (path.name, sizes.smallest)


def test_a_line_that_does_not_fit_continues_on_the_next_slide(deck):
    text = pdf_text(deck / "deck.pdf")
    refs = [
        (k, int(n))
        for k, page in enumerate(text, 1)
        for n in re.findall(r"continued on slide (\d+)", page)
    ]
    assert refs
    for k, n in refs:
        assert n > k and f"continued from slide {k}" in text[n - 1]
        assert "(continued)" in text[n - 1].splitlines()[0]


def test_the_html_deck_is_one_offline_file(deck):
    html = (deck / "deck.html").read_text("utf-8")
    slides = len(readability.pdf_pages(deck / "deck.pdf"))
    assert html.count('<section class="am-slide"') == slides
    assert f'aria-label="{slides} of {slides}"' in html
    for needle in ('"keydown"', "ArrowRight", "PageDown", "requestFullscreen", "am-count"):
        assert needle in html
    assert "default-src 'none'" in html
    assert not re.search(r"<(script|img|link|iframe)\b[^>]*\b(src|href)=", html)
    assert set(re.findall(r"https?://[^\s\"')<]+", html)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    assert "<svg" in html and "<?xml" not in html


def test_one_finished_svg_per_slide(deck):
    svgs = svg_files(deck)
    assert [p.name for p in svgs] == [f"deck.{k}.svg" for k in range(1, len(svgs) + 1)]
    assert not (deck / "deck.svg").exists()
    for k, path in enumerate(svgs, 1):
        root = ET.fromstring(path.read_bytes())
        assert root.get("role") == "img" and root.get("width") == "1920"
        assert root.get("height") == "1080"
        title = root.find(f"{SVG}title")
        assert title is not None and title.text.endswith(f"slide {k} of {len(svgs)}")
        ids = [el.get("id") for el in root.iter() if el.get("id")]
        assert ids and all(re.match(rf"two-michaels-[0-9a-f]{{8}}-s{k}-", i) for i in ids)
        for link in re.findall(r'href="(deck\.\d+\.svg)"', path.read_text("utf-8")):
            assert (deck / link).exists()


def test_the_same_map_gives_the_same_bytes(deck, tmp_path):
    again = render_deck(tmp_path)
    for name in ["deck.pdf", "deck.html"] + [p.name for p in svg_files(deck)]:
        assert (again / name).read_bytes() == (deck / name).read_bytes(), name


def claims_on(svg: bytes) -> tuple[set[str], bool]:
    """The claim ids drawn on a slide (from their tooltips), and whether a junction is."""
    root = ET.fromstring(svg)
    ids, junction = set(), False
    for group in root.iter(f"{SVG}g"):
        if "node" not in (group.get("class") or "").split():
            continue
        title = group.find(f"{SVG}title")
        first = (title.text or "").split("\n")[0] if title is not None else ""
        junction |= first.startswith("Inference ")
        if re.fullmatch(r"\w+ [A-Z]\d+( \(.*\))?", first):
            ids.add(first.split()[1])
    return ids, junction


def test_a_linked_reason_is_on_one_slide_with_its_junction_and_undercut(tmp_path):
    source = tmp_path / "bridge.yaml"
    source.write_text(LINKED, "utf-8")
    render_deck(tmp_path, str(source))
    drawn = [claims_on(p.read_bytes()) for p in svg_files(tmp_path)]
    with_junction = [ids for ids, junction in drawn if junction]
    assert with_junction and all({"T1", "P1", "P2", "U1"} <= ids for ids in with_junction)
    assert not [ids for ids, junction in drawn if not junction and {"P1", "P2"} & ids]
    assert len(drawn) >= 3


def test_focus_draws_slides_of_the_neighbourhood(tmp_path):
    code, err = argmap(
        "render", OPED, "--slides", "--focus", "R3", "--depth", "1", "-o", str(tmp_path / "f.pdf")
    )
    assert code == 0, err
    text = " ".join(pdf_text(tmp_path / "f.pdf"))
    assert "around R3" in text and "Canada need not wait for Washington" in text
    assert "Obama also did a hostage exchange" not in text  # PR6, far from R3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--slides", "-o", "x.png"), "--slides writes .pdf, .html, .htm, .svg files, not .png"),
        (("--slides", "-o", "x.dot"), "--slides writes .pdf, .html, .htm, .svg files, not .dot"),
        (("--slides", "--paper", "a4", "-o", "x.pdf"), "choose one"),
        (("--slides", "--landscape", "-o", "x.pdf"), "--landscape turns printed pages"),
        (("--slides", "--split", "-o", "x.pdf"), "--slides cuts the map into parts itself"),
        (("--slides", "--collapse", "1", "-o", "x.pdf"), "leave out --collapse"),
    ],
)
def test_options_that_make_no_sense_are_refused(tmp_path, args, message):
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    code, err = argmap("render", OPED, *args)
    assert code == 2 and message in err
    assert not list(tmp_path.iterdir())


def test_running_out_of_time_exits_3(tmp_path):
    code, err = argmap(
        "render", OPED, "--slides", "--layout-timeout", "0.001", "-o", str(tmp_path / "d.pdf")
    )
    assert code == 3 and "did not finish" in err
    assert not (tmp_path / "d.pdf").exists()


def test_a_map_of_two_lines_gets_at_least_three_slides(tmp_path):
    source = tmp_path / "small.yaml"
    source.write_text(
        "claims:\n"
        "  T1: {kind: thesis, text: We should walk.}\n"
        "  P1: {kind: premise, text: It is healthy., supports: T1}\n"
        "  P2: {kind: premise, text: It is cheap., supports: T1}\n",
        "utf-8",
    )
    code, err = argmap("render", str(source), "--slides", "-o", str(tmp_path / "s.pdf"))
    assert code == 0, err
    text = pdf_text(tmp_path / "s.pdf")
    assert len(text) == 4  # title, overview, one slide per reason
    assert text[2].startswith("Reason 1 for the thesis") and "It is healthy." in text[2]


def test_map_text_never_becomes_markup_in_the_deck(tmp_path):
    source = tmp_path / "evil.yaml"
    source.write_text(
        'title: "</title><script>alert(1)</script>"\n'
        "claims:\n"
        '  T1: {kind: thesis, text: "<img src=x onerror=alert(2)> & \\\\N"}\n'
        '  P1: {kind: premise, text: "</svg><script>alert(3)</script>", supports: T1}\n'
        '  O1: {kind: objection, text: "]]> <!-- -->", attacks: T1}\n',
        "utf-8",
    )
    render_deck(tmp_path, str(source))
    html = (tmp_path / "deck.html").read_text("utf-8")
    assert html.count("<script") == 1 and "<img" not in html and "alert(3)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for path in svg_files(tmp_path):
        root = ET.fromstring(path.read_bytes())  # well-formed
        assert not [el for el in root.iter() if el.tag.endswith(("script", "img"))]
    text = " ".join(pdf_text(tmp_path / "deck.pdf"))
    assert "<img src=x onerror=alert(2)> & \\N" in " ".join(text.split())
