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


def graphml_structure(amap):
    """What GraphML gives back: :func:`structure`, each claim's tags and sources, and
    the undercuts (texts compared without whitespace: XML turns ``\\r`` into ``\\n``)."""
    claims = sorted((c.id, c.kind, "".join(c.text.split())) for c in amap.claims.values())
    fields = sorted((c.id, c.tags, c.sources, c.para, c.score) for c in amap.claims.values())
    _, supports, attacks = structure(amap)
    undercuts = sorted((u.attacker, u.inference) for u in amap.undercuts)
    return claims, fields, supports, attacks, undercuts


#: Hostile texts the loader accepts (no surrogates, no control characters), so most
#: generated maps get as far as the writer.
SHOWABLE = st.lists(
    st.one_of(
        st.sampled_from([h for h in HOSTILE if h != "\n"]),
        st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=8,
).map("".join)
SOURCES = st.one_of(
    st.sampled_from(["https://example.org/a?b=1&c=<2>", "mailto:x@example.org", "Smith; 2019"]),
    SHOWABLE.filter(lambda t: ":" not in t and t.strip()),
)


@st.composite
def graphml_maps(draw: st.DrawFn) -> str:
    """A map with hostile ids and texts, supports, attacks, sources, tags, paragraphs,
    scores and an undercut."""
    ids = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    claims: dict[str, dict[str, object]] = {}
    for cid in ids:
        claim: dict[str, object] = {"kind": draw(KINDS), "text": draw(SHOWABLE)}
        for rel in ("supports", "attacks"):
            targets = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))
            if targets:
                claim[rel] = targets
        if draw(st.booleans()):
            claim["tags"] = draw(st.lists(SHOWABLE, max_size=2, unique=True))
        if draw(st.booleans()):
            claim["source"] = draw(st.lists(SOURCES, min_size=1, max_size=3))
        if draw(st.booleans()):
            claim["para"] = draw(st.lists(st.integers(1, 99), min_size=1, max_size=3))
        if draw(st.booleans()):
            claim["score"] = draw(st.sampled_from([0.0, 0.25, 1.0]))
        claims[cid] = claim
    supported = [(c, t) for c in ids for t in claims[c].get("supports", [])]
    if supported and draw(st.booleans()):
        premise, conclusion = draw(st.sampled_from(supported))
        claims[draw(st.sampled_from(ids))]["undercuts"] = f"{premise} -> {conclusion}"
    doc: dict[str, object] = {"version": 1, "claims": claims}
    if len(ids) > 2 and draw(st.booleans()):
        doc["inferences"] = {"L1": {"premises": ids[1:3], "conclusion": ids[0]}}
    if draw(st.booleans()):
        doc["title"] = draw(SHOWABLE)
    return json.dumps(doc, ensure_ascii=False)  # YAML has no surrogate-pair escapes


@given(graphml_maps())
def test_graphml_reads_back_what_it_writes(text: str):
    try:
        amap = loads_map(text, "gen.yaml")
    except MapLoadError:
        return
    exported = FORMATS["graphml"].write(amap)
    back = FORMATS["graphml"].read(exported.text, "back.graphml")
    assert graphml_structure(back.map) == graphml_structure(amap), exported.text
    assert back.notes == ()
    assert back.map.title == (" ".join(amap.title.split()) or None if amap.title else None)


@st.composite
def maps_with_rephrases(draw: st.DrawFn) -> str:
    """A generated map (:func:`maps`) whose claims may also rephrase one another."""
    doc = json.loads(draw(maps()))
    ids = list(doc["claims"])
    for cid in ids:
        others = [i for i in ids if i != cid]
        if others and draw(st.booleans()):
            doc["claims"][cid]["rephrases"] = draw(
                st.lists(st.sampled_from(others), min_size=1, max_size=2, unique=True)
            )
    return json.dumps(doc)


def full_structure(amap):
    """:func:`structure` plus what SADFace and AIF keep beside it: rephrases, tags, title."""
    extra = sorted((c.id, c.rephrases, c.tags) for c in amap.claims.values())
    return structure(amap), extra, amap.title


@given(maps_with_rephrases())
def test_sadface_and_aif_keep_every_claim_relation_and_rephrase(text: str):
    try:
        amap = loads_map(text, "gen.yaml")
    except MapLoadError as error:
        assert all(f.file == "gen.yaml" and f.line >= 1 for f in error.findings)
        return
    for name in ("sadface", "aif", "argdown", "json"):
        exported = FORMATS[name].write(amap)
        assert exported.lost == ()
        back = FORMATS[name].read(exported.text, f"back.{name}")
        assert full_structure(back.map) == full_structure(amap), (name, exported.text)
        assert [n.message for n in back.notes] == []


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
