"""Loading and validating maps: every invalid input gives AM000 with file, line and column."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io.yaml.reader import load_map, loads_map
from argmap.model import Attack, Inference
from argmap.util.urls import url_scheme

from conftest import FIXTURES, ROOT, make_map

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
VALID = sorted((FIXTURES / "valid").glob("*.yaml")) + sorted((ROOT / "maps").glob("*.yaml"))
_POS = re.compile(r"^(\d+):(\d+): (.*)$", re.S)


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_position_and_message(path: Path):
    expected = path.with_suffix(".expect").read_text(encoding="utf-8").strip()
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    findings = info.value.findings
    assert findings, "at least one finding"
    assert all(f.code == "AM000" and f.check == "invalid-map" for f in findings)
    assert all(f.file == str(path) and f.line >= 1 and f.column >= 1 for f in findings)
    match = _POS.match(expected)
    if match:
        line, col, message = int(match[1]), int(match[2]), match[3]
        hits = [f for f in findings if message in f.message]
        assert hits, f"no finding says {message!r}: {[f.message for f in findings]}"
        assert (hits[0].line, hits[0].column) == (line, col)
    else:
        assert any(expected in f.message for f in findings), [f.message for f in findings]


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_maps_load(path: Path):
    amap = load_map(path)
    assert amap.claims
    assert all(c.text.strip() for c in amap.claims.values())


def test_minimal_map_model():
    amap = make_map(
        """
        title: T
        source: {publication: Paper, author: "@me", year: 2021, url: "https://example.org/a"}
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: It helps., supports: T1, para: 5}
          O1: {kind: objection, text: It costs., attacks: [T1]}
          R1: {kind: rebuttal, text: Cheap enough., attacks: O1, para: [6, 7]}
        """
    )
    assert list(amap.claims) == ["T1", "P1", "O1", "R1"]
    assert amap.claims["P1"].para == (5,)
    assert amap.claims["R1"].para == (6, 7)
    assert amap.claims["P1"].loc.line == 6 and amap.claims["P1"].loc.column == 3
    assert amap.inferences == (
        Inference("P1 -> T1", ("P1",), "T1", False, amap.inferences[0].loc),
    )
    assert [(a.attacker, a.target) for a in amap.attacks] == [("O1", "T1"), ("R1", "O1")]
    assert isinstance(amap.attacks[0], Attack)
    assert amap.source.year == 2021 and amap.source.author == "@me"
    assert amap.name == "t"


def test_crlf_and_bom_accepted(tmp_path: Path):
    path = tmp_path / "win.yaml"
    text = "claims:\r\n  T1:\r\n    kind: thesis\r\n    text: Ça va — Привет 😀\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    amap = load_map(path)
    assert amap.claims["T1"].text == "Ça va — Привет 😀"


def test_not_utf8_reports_position(tmp_path: Path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("claims:\n  T1: {kind: thesis, text: caf\xe9}\n".encode("latin-1"))
    with pytest.raises(MapLoadError) as info:
        load_map(path)
    f = info.value.findings[0]
    assert (f.line, f.column) == (2, 31) and "UTF-8" in f.message


def test_missing_file():
    with pytest.raises(MapLoadError) as info:
        load_map("no/such/file.yaml")
    assert "cannot read the file" in info.value.findings[0].message


def test_all_problems_reported_together():
    with pytest.raises(MapLoadError) as info:
        make_map(
            """
            claims:
              T1: {kind: thesys, text: x}
              P1: {kind: premise, text: y, suports: T1}
            """
        )
    messages = [f.message for f in info.value.findings]
    assert len(messages) == 2
    assert "did you mean 'thesis'" in messages[0] and "did you mean 'supports'" in messages[1]


def test_python_tag_never_executed(tmp_path: Path):
    marker = tmp_path / "pwned"
    with pytest.raises(MapLoadError):
        loads_map(f'claims: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert not marker.exists()


def test_int_ids_become_strings():
    amap = make_map(
        """
        claims:
          1: {kind: thesis, text: We should act.}
          2: {kind: premise, text: It helps., supports: 1}
        """
    )
    assert list(amap.claims) == ["1", "2"] and amap.inferences[0].conclusion == "1"


def test_linked_inference_and_undercut():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: A.}
          P2: {kind: premise, text: B., supports: T1}
          O1: {kind: objection, text: Not so., undercuts: I1}
          O2: {kind: objection, text: Irrelevant., undercuts: "P2 -> T1"}
        inferences:
          I1: {premises: [P1, P2], conclusion: T1}
        """
    )
    linked = amap.inference("I1")
    assert linked.premises == ("P1", "P2") and linked.linked
    assert [(u.attacker, u.inference) for u in amap.undercuts] == [
        ("O1", "I1"),
        ("O2", "P2 -> T1"),
    ]


@pytest.mark.parametrize(
    "source, scheme",
    [
        ("javascript:alert(1)", "javascript"),
        (" JavaScript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("data:text/html,<b>x</b>", "data"),
        ("file:///etc/passwd", "file"),
        ("https://example.org", "https"),
        ("mailto:a@b.org", "mailto"),
        ("Smith (2019), p. 4", None),
        ("Reuters: report of 4 May", None),
    ],
)
def test_url_scheme(source, scheme):
    assert url_scheme(source) == scheme


PREMISELESS_UNDERCUT = (
    "claims:\n"
    "  T1: {kind: thesis, text: A}\n"
    "  U: {kind: objection, text: B, undercuts: I1}\n"
    "inferences:\n"
    "  I1: {conclusion: T1}\n"
)


@pytest.mark.parametrize(
    ("command", "out", "extra"),
    [
        ("render", "m.svg", []),
        ("render", "m.html", []),
        ("render", "m.dot", []),
        ("convert", "m.out.yaml", []),
        ("convert", "m.json", []),
        ("convert", "m.aif.json", ["--to", "aif"]),
        ("convert", "m.argdown", []),
        ("convert", "m.graphml", []),
        ("convert", "m.mmd", []),
    ],
)
def test_an_undercut_inference_without_premises_reaches_every_output(
    tmp_path, command, out, extra
):
    # the loader keeps premise-less inferences (half-finished maps); no output may crash
    path = tmp_path / "m.yaml"
    path.write_text(PREMISELESS_UNDERCUT)
    target = tmp_path / out
    run = subprocess.run(
        [sys.executable, "-m", "argmap", command, str(path), *_out_args(command, target), *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert target.stat().st_size > 0
    if out in ("m.svg", "m.html"):
        assert "the step from no premises to T1" in target.read_text()


def _out_args(command, target):
    return ["-o", str(target)] if command == "render" else [str(target)]
