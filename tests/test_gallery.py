"""The teaching gallery: maps/, their notes in docs/teaching/, their thumbnails and
the README's gallery table.

Every teaching map loads, is short (6-20 claims of at most 20 words), has a
teacher's note that links to its picture and shows the real output of
``argmap check``; its findings are exactly the ones listed here; its diagram shows
its thesis, every claim's kind and the plain words of its findings; the committed
thumbnails are what ``make gallery`` draws today.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_gallery_evaluate import EXPECTED as LABELS

from argmap.analysis.checks import run_checks
from argmap.findings import plain_words
from argmap.io.yaml.reader import load_map

from conftest import ROOT, needs_dot

TEACHING = ROOT / "docs" / "teaching"

#: Each teaching map's findings, in the order ``argmap check`` prints them:
#: (code, the claims the finding names).
FINDINGS: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "phones-in-class": [("AM101", ("R3",))],
    "school-uniforms": [("AM101", ("P1",)), ("AM107", ("O1",))],
    "voting-age-16": [("AM101", ("P3",)), ("AM101", ("R1",))],
    "whales-syllogism": [],
    "wet-streets-undercut": [("AM107", ("U1",))],
    "circular-reasoning": [("AM102", ("P1", "P2"))],
    "one-swallow-generalisation": [("AM110", ("PR1",)), ("AM107", ("U1",))],
    "unanswered-objection": [("AM109", ("T1", "O1")), ("AM107", ("O1",))],
    "analogy-precedent": [("AM101", ("P1",)), ("AM107", ("U2",))],
    "linked-and-convergent": [("AM107", ("O1",)), ("AM107", ("O2",))],
    "find-the-flaws": [
        ("AM109", ("T1", "O1")),
        ("AM102", ("P1", "P2")),
        ("AM101", ("P3",)),
        ("AM101", ("P4",)),
        ("AM111", ("P3", "P4")),
        ("AM110", ("E1",)),
        ("AM107", ("O1",)),
        ("AM101", ("P5",)),
        ("AM106", ("P5",)),
        ("AM101", ("R1",)),
        ("AM105", ("R1",)),
        ("AM106", ("R1",)),
    ],
}
NAMES = sorted(FINDINGS)
SVG_NS = "{http://www.w3.org/2000/svg}"


def map_path(name: str) -> Path:
    return ROOT / "maps" / f"{name}.yaml"


def note(name: str) -> str:
    return (TEACHING / f"{name}.md").read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    """Text without whitespace, so a claim wrapped over several lines still matches."""
    return re.sub(r"\s+", "", text)


def test_the_gallery_is_every_map_but_the_op_ed():
    on_disk = {p.stem for p in (ROOT / "maps").glob("*.yaml")} - {"two-michaels"}
    assert on_disk == set(FINDINGS) == set(LABELS)
    assert len(on_disk) >= 11


@pytest.mark.parametrize("name", NAMES)
def test_map_is_short_and_titled(name):
    amap = load_map(map_path(name))
    assert 6 <= len(amap.claims) <= 20
    assert amap.title
    assert map_path(name).read_text(encoding="utf-8").splitlines()[1].startswith("# ")
    long = {cid: c.text for cid, c in amap.claims.items() if len(c.text.split()) > 20}
    assert long == {}
    assert sum(c.kind == "thesis" for c in amap.claims.values()) == 1


@pytest.mark.parametrize("name", NAMES)
def test_findings_are_exactly_the_expected_ones(name):
    found = [(f.code, f.claims) for f in run_checks(load_map(map_path(name)))]
    assert found == FINDINGS[name]


def test_find_the_flaws_has_findings_of_many_kinds():
    codes = {code for code, _ in FINDINGS["find-the-flaws"]}
    assert len(codes) >= 4
    assert {"AM101", "AM102", "AM106", "AM107", "AM111"} <= codes


@pytest.mark.parametrize("name", NAMES)
def test_note_links_to_its_map_and_pictures(name):
    text = note(name)
    assert f"](../../maps/{name}.yaml)" in text
    assert f"](../../output/{name}.svg)" in text
    assert f"(img/{name}.svg)" in text
    assert (TEACHING / "img" / f"{name}.svg").is_file()
    for heading in ("What it shows", "Questions for the class", "What `argmap check` reports"):
        assert f"## {heading}" in text
    assert "## What `argmap evaluate` reports" in text


@pytest.mark.parametrize("name", NAMES)
def test_note_shows_the_real_check_output(name, run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    _, out, _ = run_cli("check", f"maps/{name}.yaml")
    block = f"```\n$ argmap check maps/{name}.yaml\n{out}```\n"
    assert block in note(name)


@pytest.mark.parametrize("name", NAMES)
def test_note_labels_match_the_hand_derived_ones(name):
    section = note(name).split("## What `argmap evaluate` reports", 1)[1]
    rows = dict(re.findall(r"^\| `([^`]+)` \| (IN|OUT|UNDEC) \|", section, re.MULTILINE))
    assert rows == LABELS[name]


def test_index_lists_every_note():
    index = (TEACHING / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"]({name}.md)" in index
        assert f"(img/{name}.svg)" in index


def test_readme_gallery_links_pictures_maps_and_notes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Teaching gallery", 1)[1].split("\n## ", 1)[0]
    for name in NAMES:
        assert f"](docs/teaching/img/{name}.svg)](maps/{name}.yaml)" in section
        assert f"](docs/teaching/{name}.md)" in section
    assert readme.index("## Where the diagram is shown") < readme.index("## Teaching gallery")


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [el.text or "" for el in root.iter(f"{SVG_NS}text")]


@needs_dot
@pytest.mark.parametrize("name", NAMES)
def test_picture_shows_thesis_kinds_and_findings(name, run_cli, tmp_path):
    out = tmp_path / f"{name}.svg"
    code, _, err = run_cli("render", str(map_path(name)), "-o", str(out))
    assert code == 0, err
    texts = svg_texts(out)
    drawn = squeeze("".join(texts))
    amap = load_map(map_path(name))
    thesis = next(c for c in amap.claims.values() if c.kind == "thesis")
    assert squeeze(thesis.text) in drawn
    assert squeeze(amap.title or "") in drawn
    for cid, claim in amap.claims.items():
        assert f"{claim.kind.upper()} · {cid}" in texts
    for code_, _ in FINDINGS[name]:
        assert squeeze(plain_words(code_)) in drawn


def gallery_options() -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    found = re.search(r"^GALLERY_OPTIONS := (.+)$", makefile, re.MULTILINE)
    assert found, "the Makefile sets GALLERY_OPTIONS"
    return found.group(1).split()


@needs_dot
@pytest.mark.parametrize("name", NAMES)
def test_committed_thumbnail_is_current(name, run_cli, tmp_path, monkeypatch):
    # `make gallery` renders maps/NAME.yaml (relative to the repository) with
    # GALLERY_OPTIONS; the same command must give the same bytes.
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"{name}.svg"
    code, _, err = run_cli("render", f"maps/{name}.yaml", *gallery_options(), "-o", str(out))
    assert code == 0, err
    committed = TEACHING / "img" / f"{name}.svg"
    assert out.read_bytes() == committed.read_bytes(), f"run 'make gallery' ({name})"
    assert 'width="280"' in committed.read_text(encoding="utf-8")[:400]
