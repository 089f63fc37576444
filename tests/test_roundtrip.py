"""YAML → X → YAML keeps structure, for X in Argdown, AIF and argmap JSON.

Over every map in maps/ and every valid fixture (linked premises, undercuts,
odd ids, texts full of syntax characters): the same claims (texts compared
with whitespace collapsed), kinds, fields, supports, linked premises, attacks,
undercuts and map-level data come back, and the written text is the same
every time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from argmap.io.formats import FORMATS
from argmap.io.yaml.reader import load_map, loads_map
from argmap.io.yaml.writer import dump_map

from conftest import FIXTURES, ROOT

MAPS = sorted((ROOT / "maps").glob("*.yaml")) + sorted((FIXTURES / "valid").glob("*.yaml"))
LOSSLESS = ("argdown", "aif", "json", "sadface", "graphml")


def structure(amap):
    """Everything a round trip must keep; positions aside, texts with whitespace collapsed."""
    claims = [
        dataclasses.replace(c, loc=None, text=" ".join(c.text.split()))
        for c in amap.claims.values()
    ]
    inferences = sorted((i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences)
    attacks = sorted((a.attacker, a.target) for a in amap.attacks)
    undercuts = sorted((u.attacker, u.inference) for u in amap.undercuts)
    meta = (amap.title, amap.source, amap.theme, amap.checks, dict(amap.extra), amap.evaluation)
    return claims, inferences, attacks, undercuts, meta


@pytest.mark.parametrize("fmt", LOSSLESS)
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_round_trip_keeps_structure(path: Path, fmt: str):
    original = load_map(path)
    exported = FORMATS[fmt].write(original)
    assert exported.lost == ()
    back = FORMATS[fmt].read(exported.text, f"back.{fmt}")
    assert back.notes == ()
    assert structure(back.map) == structure(original)
    # and the result is a valid YAML map again
    again = loads_map(dump_map(back.map))
    assert structure(again) == structure(original)


@pytest.mark.parametrize("fmt", sorted(n for n, f in FORMATS.items() if f.write))
@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.stem)
def test_every_writer_is_deterministic(path: Path, fmt: str):
    first = FORMATS[fmt].write(load_map(path)).text
    second = FORMATS[fmt].write(load_map(path)).text
    assert first == second
    assert first.endswith("\n")


def test_op_ed_round_trips_byte_for_byte_through_aif_and_json():
    original = dump_map(load_map(ROOT / "maps" / "two-michaels.yaml"))
    for fmt in ("aif", "json", "argdown"):
        amap = loads_map(original)
        back = FORMATS[fmt].read(FORMATS[fmt].write(amap).text, "x")
        assert dump_map(back.map) == original, fmt


def test_linked_and_undercut_fixture_keeps_each_part():
    amap = load_map(FIXTURES / "valid" / "linked-undercuts.yaml")
    back = FORMATS["argdown"].read(FORMATS["argdown"].write(amap).text, "x.argdown").map
    assert [(i.id, i.premises, i.conclusion, i.linked) for i in back.inferences] == [
        ("P1 -> T1", ("P1",), "T1", False),
        ("I1", ("P2", "P3"), "T1", True),
        ("I2", ("P4",), "T1", True),
    ]
    assert [(u.attacker, u.inference) for u in back.undercuts] == [
        ("O1", "P1 -> T1"),
        ("O2", "I1"),
    ]
    assert [(a.attacker, a.target) for a in back.attacks] == [("O2", "P3"), ("R1", "O1")]


def test_tricky_texts_come_back_exactly():
    amap = load_map(FIXTURES / "valid" / "tricky-text.yaml")
    for fmt in LOSSLESS:
        back = FORMATS[fmt].read(FORMATS[fmt].write(amap).text, "x").map
        assert back.claims["T1"].text == amap.claims["T1"].text, fmt
        assert (
            back.claims["P1"].text == "Backslashes \\ and \\n stay, so do *stars*, "
            "_underscores_, @[mentions] and @<args>."
        ), fmt
        assert back.claims["R1"].text == "ends with a backslash \\", fmt
        assert back.title == amap.title, fmt
