"""``evaluation: expect:``: the labels a map expects, validated like every field and
checked by ``argmap evaluate``."""

from __future__ import annotations

import json

import pytest

from argmap.errors import MapLoadError
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map
from argmap.model import Expected

MAP = """\
evaluation:
  grant: assumptions
  expect: {in: [q], out: [p]}
claims:
  p: {kind: thesis, text: P.}
  q: {kind: premise, text: Q., granted: true, supports: p}
"""


def test_expectations_are_read_in_file_order_with_positions():
    amap = loads_map(MAP, "m.yaml")
    assert amap.evaluation.expect == (Expected("q", "IN"), Expected("p", "OUT"))
    assert [(e.loc.line, e.loc.column) for e in amap.evaluation.expect if e.loc] == [
        (3, 17),
        (3, 27),
    ]


def test_expectations_survive_writing_and_reading():
    amap = loads_map(MAP, "m.yaml")
    text = dump_map(amap)
    assert "expect:\n    in:\n    - q\n    out:\n    - p\n" in text
    assert loads_map(text, "back.yaml").evaluation == amap.evaluation


@pytest.mark.parametrize(
    ("expect", "column", "words"),
    [
        ("{in: [q], out: [zz]}", 27, "expect names no claim 'zz'"),
        ("{in: [q], out: [q]}", 27, "claim q is expected twice"),
        ("{in: [q], maybe: [p]}", 21, "unknown key 'maybe' in 'expect'"),
        ("[q]", 11, "'expect' must be a mapping"),
        ("{in: [{a: 1}]}", 17, "expect in must be"),
    ],
)
def test_bad_expectations_are_refused_with_their_position(expect, column, words):
    text = MAP.replace("{in: [q], out: [p]}", expect)
    with pytest.raises(MapLoadError) as caught:
        loads_map(text, "m.yaml")
    found = caught.value.findings[0]
    assert (found.line, found.column) == (3, column) and words in found.message, found


def test_evaluate_reports_differences_in_json_and_exits_1(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    code, out, _ = run_cli("evaluate", str(path), "--format", "json")
    assert code == 1
    assert json.loads(out)["unexpected"] == [{"claim": "p", "expected": "OUT", "got": "IN"}]
    code, out, _ = run_cli("evaluate", str(path), "--reject", "q")
    assert code == 1, "expectations are checked on the reading before the what-if"
    path.write_text(MAP.replace("{in: [q], out: [p]}", "{in: [q, p]}"), "utf-8")
    code, out, _ = run_cli("evaluate", str(path))
    assert (code, out.splitlines()[-1]) == (0, "expected: all 2 labels as the map expects")
