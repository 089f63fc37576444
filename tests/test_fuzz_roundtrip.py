"""Fuzzing every writer: generated maps written and read back keep their structure.

Maps are generated as argmap's JSON map (JSON is YAML too) with hostile text:
syntax characters of every format, Mermaid directives, quotes, control and
bidirectional characters. A map the loader refuses must be refused with
positioned findings; a map it accepts goes through every writer. argmap YAML,
JSON, AIF and Argdown are read back with the same claims, kinds, texts
(whitespace collapsed) and relations; Mermaid and GraphML must be written
(GraphML parses as XML).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io.formats import FORMATS
from argmap.io.yaml.reader import loads_map

HOSTILE = [
    "]",
    "[",
    "\\]",
    "<",
    ">",
    '"',
    "'",
    "{",
    "}",
    "%%{init: {'theme': 'dark'}}%%",
    "#",
    "@",
    "=>",
    " -> ",
    "+>",
    "<-",
    ":",
    "&",
    "&amp;",
    "|",
    "`",
    "*",
    "_",
    "\\",
    "\n",
    "  ",
    "(1)",
    "----",
    "/*",
    "//",
    "<!--",
    "javascript:",
    "\u202e",
    "\u00a0",
    "é",
    "漢",
    "%",
    "$",
]
IDS = st.text(st.sampled_from("abcXYZ019_-. é>]"), min_size=1, max_size=6)
TEXT = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=8)), min_size=1, max_size=8
).map("".join)
KINDS = st.sampled_from(["thesis", "premise", "evidence", "objection", "rebuttal", "precedent"])


@st.composite
def maps(draw: st.DrawFn) -> str:
    """The JSON text of a map with hostile ids and texts and random relations."""
    ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    claims: dict[str, dict[str, object]] = {}
    for cid in ids:
        claim: dict[str, object] = {"kind": draw(KINDS), "text": draw(TEXT)}
        for rel in ("supports", "attacks"):
            targets = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
            if targets:
                claim[rel] = targets
        if draw(st.booleans()):
            claim["tags"] = draw(st.lists(TEXT, max_size=2, unique=True))
        claims[cid] = claim
    doc: dict[str, object] = {"version": 1, "claims": claims}
    if draw(st.booleans()):
        doc["title"] = draw(TEXT)
    return json.dumps(doc)


LOSSLESS = ("argmap", "json", "aif", "argdown")


def structure(amap):
    """What a round trip keeps: claims (text whitespace collapsed), supports, attacks."""
    claims = sorted((c.id, c.kind, " ".join(c.text.split())) for c in amap.claims.values())
    supports = sorted((i.premises, i.conclusion) for i in amap.inferences)
    attacks = sorted((a.attacker, a.target) for a in amap.attacks)
    return claims, supports, attacks


def round_trips(text: str, formats: tuple[str, ...] = LOSSLESS) -> None:
    """Assert the promise for one generated map (JSON ``text``) and the writers ``formats``."""
    try:
        amap = loads_map(text, "gen.yaml")
    except MapLoadError as error:
        assert all(f.file == "gen.yaml" and f.line >= 1 for f in error.findings)
        return
    for name in formats:
        written = FORMATS[name].write(amap).text
        back = FORMATS[name].read(written, f"back.{name}").map
        assert structure(back) == structure(amap), (name, written)
    ET.fromstring(FORMATS["graphml"].write(amap).text)
    mermaid = FORMATS["mermaid"].write(amap).text
    assert mermaid.startswith(("flowchart", "graph", "---", "%%")) and "\0" not in mermaid


@given(maps())
def test_generated_maps_survive_every_writer(text: str):
    round_trips(text)


def _kinds_lost(lost: tuple[str, ...]) -> int:
    phrase = next((p for p in lost if p.startswith("kinds of ")), "kinds of 0 claims")
    return int(phrase.split()[2])


@given(maps())
def test_dung_frameworks_keep_claims_and_attacks_and_say_what_they_lose(text: str):
    """APX, TGF and ICCMA: the same claim ids (TGF numbers them when one holds a space),
    the same attacks; texts kept by TGF (whitespace collapsed), else the id; every
    support and undercut, and every kind read back differently, reported lost."""
    try:
        amap = loads_map(text, "gen.yaml")
    except MapLoadError:
        return
    for name in ("apx", "tgf", "iccma"):
        written = FORMATS[name].write(amap)
        back = FORMATS[name].read(written.text, f"back.{name}").map
        numbered = any(p.startswith("claim ids") for p in written.lost)
        ids = {cid: str(n) if numbered else cid for n, cid in enumerate(amap.claims, 1)}
        assert list(back.claims) == list(ids.values()), (name, written.text)
        assert {(ids[a.attacker], ids[a.target]) for a in amap.attacks} == {
            (a.attacker, a.target) for a in back.attacks
        }
        for cid, claim in amap.claims.items():
            text = " ".join(claim.text.split()) if name == "tgf" else ids[cid]
            assert back.claims[ids[cid]].text == text, (name, written.text)
        other = sum(1 for c, cl in amap.claims.items() if back.claims[ids[c]].kind != cl.kind)
        assert _kinds_lost(written.lost) == other
        assert back.inferences == () and back.undercuts == ()
        assert [p for p in written.lost if p.startswith("inference ")] == [
            f"inference {inf.id}" for inf in amap.inferences
        ]
