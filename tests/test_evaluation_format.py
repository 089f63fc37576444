"""The map format's evaluation settings: ``granted:`` and ``standard:`` on claims, the
``evaluation:`` block; read with positions, refused with a clear message, written back."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest

from argmap.errors import MapLoadError
from argmap.io.exchange import lost_fields
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map
from argmap.model import EvaluationSettings

GOOD = """\
evaluation:
  grant: assumptions
  standard: preponderance
  gamma: 0.1
claims:
  T: {kind: thesis, text: T., standard: beyond-reasonable-doubt, granted: false}
  P: {kind: premise, text: P., supports: T, granted: true}
"""


def test_fields_are_read_and_written_back():
    amap = loads_map(GOOD)
    assert amap.evaluation == EvaluationSettings(
        grant="assumptions", standard="preponderance", gamma=0.1
    )
    assert (amap.evaluation.loc.line, amap.evaluation.loc.column) == (1, 1)
    assert (amap.claims["T"].standard, amap.claims["T"].granted) == (
        "beyond-reasonable-doubt",
        False,
    )
    assert amap.claims["P"].granted is True and amap.claims["P"].standard is None
    text = dump_map(amap)
    assert "evaluation:\n  grant: assumptions\n  standard: preponderance\n  gamma: 0.1\n" in text
    again = loads_map(text)
    assert again.evaluation == amap.evaluation
    assert [replace(c, loc=None) for c in again.claims.values()] == [
        replace(c, loc=None) for c in amap.claims.values()
    ]


def test_defaults_are_not_written():
    amap = loads_map(
        "evaluation: {standard: dialectical-validity}\nclaims:\n  T: {kind: thesis, text: T.}\n"
    )
    assert amap.evaluation == EvaluationSettings()
    assert "evaluation" not in dump_map(amap)


@pytest.mark.parametrize(
    ("snippet", "where", "message"),
    [
        (
            "claims:\n  T: {kind: thesis, text: T., granted: 1}\n",
            (2, 40),
            "granted of claim T must be true or false, not the number 1",
        ),
        (
            "claims:\n  T: {kind: thesis, text: T., standard: preponderence}\n",
            (2, 41),
            "unknown proof standard 'preponderence' for claim T; did you mean 'preponderance'?",
        ),
        (
            "evaluation:\n  grant: everything\nclaims:\n  T: {kind: thesis, text: T.}\n",
            (2, 10),
            "unknown evaluation grant 'everything'",
        ),
        (
            "evaluation: {alpha: 2}\nclaims:\n  T: {kind: thesis, text: T.}\n",
            (1, 21),
            "evaluation alpha must be a number from 0 to 1, not the number 2",
        ),
        (
            "evaluation: {standrd: scintilla}\nclaims:\n  T: {kind: thesis, text: T.}\n",
            (1, 14),
            "unknown key 'standrd' in 'evaluation'; did you mean 'standard'?",
        ),
        (
            "evaluation: strict\nclaims:\n  T: {kind: thesis, text: T.}\n",
            (1, 13),
            "'evaluation' must be a mapping",
        ),
    ],
)
def test_bad_values_are_refused_with_position(snippet, where, message):
    with pytest.raises(MapLoadError) as info:
        loads_map(textwrap.dedent(snippet), "m.yaml")
    (finding,) = info.value.findings
    assert (finding.line, finding.column) == where
    assert message in finding.message


def test_formats_without_the_fields_report_the_loss():
    amap = loads_map(GOOD)
    lost = lost_fields(amap, frozenset({"para"}), frozenset({"title"}))
    assert lost == ["granted of 2 claims", "standard of 1 claim", "the map's evaluation"]
