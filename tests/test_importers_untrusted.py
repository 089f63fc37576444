"""Importers apply the loader's rules: what convert writes, check accepts."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io.aif import loads_aif
from argmap.io.argdown.reader import loads_argdown
from argmap.io.kialo import loads_kialo, markdown_links
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map


def _refused(load, text, path):
    with pytest.raises(MapLoadError) as err:
        load(text, path)
    return [(f.code, f.position.line, f.message) for f in err.value.findings]


@pytest.mark.parametrize("char", ["\x00", "\x85", "\x9b"])
def test_kialo_control_character_is_refused_with_its_line(char):
    found = _refused(loads_kialo, f"Discussion Title: T\n\n1. A{char}B\n", "k.txt")
    assert found == [
        (
            "AM000",
            3,
            f"text of claim 1 contains the control character U+{ord(char):04X}, "
            "which no diagram can show: remove it",
        )
    ]


def test_argdown_control_character_is_refused():
    found = _refused(loads_argdown, "[T]: A\x00B\n", "a.argdown")
    assert [(code, line) for code, line, _ in found] == [("AM000", 1)]
    assert "U+0000" in found[0][2]


def test_kialo_malformed_source_is_refused():
    found = _refused(loads_kialo, "Discussion Title: T\n\n1. See [x](https://]x)\n", "k.txt")
    assert found == [
        (
            "AM000",
            3,
            "the source of claim 1 is not a usable URL: its host has an unmatched '[' or ']'; "
            "correct the address, or write a plain citation without a scheme",
        )
    ]


def _aif(edges):
    nodes = [
        {"nodeID": "1", "text": "C", "type": "I"},
        {"nodeID": "2", "text": "P", "type": "I"},
        {"nodeID": "3", "text": "Q", "type": "I"},
        {"nodeID": "9", "text": "Default Inference", "type": "RA"},
    ]
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}, indent=1)


def test_aif_duplicate_premise_edge_is_kept_once_with_a_note():
    edges = [
        {"fromID": "2", "toID": "9"},
        {"fromID": "2", "toID": "9"},
        {"fromID": "3", "toID": "9"},
        {"fromID": "9", "toID": "1"},
    ]
    result = loads_aif(_aif(edges), "d.json")
    [inf] = result.map.inferences
    assert inf.premises == ("2", "3")
    notes = [n.message for n in result.notes if "twice" in n.message]
    assert notes and all(n.endswith("twice: kept once") for n in notes)
    assert [n.code for n in result.notes if "twice" in n.message] == ["AM001"] * len(notes)
    loads_map(dump_map(result.map))


@pytest.mark.parametrize(
    "text",
    [
        "[C]: c\n\n<A>\n\n(1) [P]: p\n(2) [P]\n----\n(3) [C]\n",
    ],
)
def test_argdown_same_premise_twice_is_kept_once(text):
    result = loads_argdown(text, "a.argdown")
    [inf] = result.map.inferences
    assert (inf.id, inf.premises, inf.conclusion) == ("A", ("P",), "C")
    assert [(n.code, n.position.line, n.message) for n in result.notes] == [
        ("AM001", 7, "inference A lists premise P twice: kept once")
    ]
    loads_map(dump_map(result.map))


def test_markdown_links_are_found_in_linear_time_on_a_megabyte():
    # each '[a](' opens a title and an address that never closes; a rescan per
    # '[' made this quadratic (80 KB took 44 s). Counting scanned positions:
    # the scan arrays are built once, so every '[' costs O(1).
    text = "[a](" * 250_000
    assert list(markdown_links(text)) == []
    text = "[" * 1_000_000 + "x](https://a.example)"
    assert list(markdown_links(text)) == [(0, len(text), "[" * 999_999 + "x", "https://a.example")]


_LINE = st.text(alphabet=st.characters(codec="utf-8"), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, min_size=1, max_size=4), st.booleans())
def test_imported_kialo_and_argdown_maps_load_back(texts, kialo):
    if kialo:
        body = "".join(f"1.{k}. Pro: {t}\n" if k else f"1. {t}\n" for k, t in enumerate(texts))
        source, load = f"Discussion Title: T\n\n{body}", loads_kialo
    else:
        source = "".join(f"[C{k}]: {t}\n" for k, t in enumerate(texts))
        load = loads_argdown
    try:
        result = load(source, "in")
    except MapLoadError:
        return
    loads_map(dump_map(result.map))


_ID = st.sampled_from(["1", "2", "3", "4"])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.text(st.characters(codec="utf-8"), max_size=6), min_size=4, max_size=4),
    st.lists(st.tuples(_ID, st.sampled_from(["8", "9"])), max_size=6),
    st.lists(st.tuples(st.sampled_from(["8", "9"]), _ID), max_size=3),
)
def test_imported_aif_maps_load_back(texts, into, out_of):
    nodes = [{"nodeID": str(k + 1), "text": t, "type": "I"} for k, t in enumerate(texts)]
    nodes += [
        {"nodeID": "8", "text": "x", "type": "RA"},
        {"nodeID": "9", "text": "y", "type": "CA"},
    ]
    edges = [{"fromID": a, "toID": b} for a, b in into + out_of]
    doc = json.dumps({"nodes": nodes, "edges": edges, "locutions": []})
    try:
        result = loads_aif(doc, "in.json")
    except MapLoadError:
        return
    loads_map(dump_map(result.map))
