"""Writing maps as YAML: what is written loads back equal."""

from __future__ import annotations

import dataclasses

from argmap.io.yaml.reader import load_map, loads_map
from argmap.io.yaml.writer import dump_map

from conftest import ROOT, make_map


def strip_locations(amap):
    claims = {cid: dataclasses.replace(c, loc=None) for cid, c in amap.claims.items()}
    infs = tuple(dataclasses.replace(i, loc=None) for i in amap.inferences)
    atts = tuple(dataclasses.replace(a, loc=None) for a in amap.attacks)
    unds = tuple(dataclasses.replace(u, loc=None) for u in amap.undercuts)
    return dict(claims), infs, set(atts), set(unds), amap.title, amap.source, amap.extra


def test_round_trip_op_ed():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    again = loads_map(dump_map(amap))
    assert strip_locations(again)[0] == strip_locations(amap)[0]
    assert strip_locations(again)[2:] == strip_locations(amap)[2:]
    assert {i.id for i in again.inferences} == {i.id for i in amap.inferences}


def test_round_trip_every_field():
    amap = make_map(
        """
        title: "Quotes \\" and: colons"
        source: {publication: P, year: 2020, url: "https://example.org"}
        checks: {ignore: [AM106]}
        claims:
          T1: {kind: thesis, text: "Ça — 😀 \\\\ <b>", para: [1, 2], tags: [a, b], score: 0.9}
          P1: {kind: premise, text: A., source: "Smith 2019", ignore: [AM101]}
          P2: {kind: premise, text: B., supports: T1, span: [3, 9]}
          O1: {kind: objection, text: "No: because", undercuts: [I1, "P2 -> T1"], attacks: T1}
        inferences:
          I1: {premises: [P1, P2], conclusion: T1}
        draft: {review: [P1]}
        """
    )
    again = loads_map(dump_map(amap))
    assert strip_locations(again) == strip_locations(amap)
    assert again.checks == amap.checks
