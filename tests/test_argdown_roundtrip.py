"""Argdown written by argmap reads back as the same map, whatever the text, ids and tags hold.

The writer escapes what the reader would take for syntax and the reader reads
it back; the only change on the way is that runs of whitespace in a claim's
text become one space (Argdown writes each text on one line).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io.argdown.reader import loads_argdown
from argmap.io.argdown.writer import dump_argdown
from argmap.io.yaml.reader import loads_map
from argmap.model import ArgumentMap

#: Argdown's syntax characters (and the characters of comments, links and data) come often.
SYNTAX = "[]<>{}()#*_@\\/=:,;\"'`!?|+-.%&~$^ \t\n\u00a0\u2028\u3000"
CHARS = st.one_of(
    st.sampled_from(SYNTAX),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
)
TEXT = st.text(CHARS, min_size=1, max_size=12)
KINDS = ("thesis", "premise", "objection", "rebuttal", "evidence", "precedent")


@st.composite
def documents(draw: st.DrawFn) -> dict[str, object]:
    """A YAML map (as a dict) with any ids, texts and tags, and every kind of relation."""
    ids = draw(st.lists(TEXT, min_size=2, max_size=5, unique=True))
    claims: dict[str, dict[str, object]] = {}
    for k, cid in enumerate(ids):
        body: dict[str, object] = {"kind": draw(st.sampled_from(KINDS)), "text": draw(TEXT)}
        tags = draw(st.lists(TEXT, max_size=3, unique=True))
        if tags:
            body["tags"] = tags
        if k and draw(st.booleans()):
            body["supports"] = ids[draw(st.integers(0, k - 1))]
        if k and draw(st.booleans()):
            body["attacks"] = ids[draw(st.integers(0, k - 1))]
        claims[cid] = body
    doc: dict[str, object] = {"claims": claims}
    if len(ids) >= 3 and draw(st.booleans()):
        name = draw(TEXT)
        doc["inferences"] = {name: {"premises": ids[1:3], "conclusion": ids[0]}}
        claims[ids[-1]]["undercuts"] = [name]
    title = draw(st.none() | TEXT)
    if title is not None:
        doc["title"] = title
    return doc


def summary(amap: ArgumentMap) -> tuple[object, ...]:
    """Everything a round trip keeps: claims, inferences, attacks, undercuts, title."""
    return (
        amap.title,
        [(c.id, c.kind, " ".join(c.text.split()), c.tags) for c in amap.claims.values()],
        sorted((i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences),
        sorted((a.attacker, a.target) for a in amap.attacks),
        sorted((u.attacker, u.inference) for u in amap.undercuts),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(documents())
def test_argdown_round_trip_keeps_every_claim_and_relation(doc: dict[str, object]):
    try:
        amap = loads_map(json.dumps(doc, ensure_ascii=False))
    except MapLoadError:
        assume(False)  # what the YAML loader itself refuses is no map
        raise
    exported = dump_argdown(amap)
    assert exported.lost == ()
    back = loads_argdown(exported.text, "t.argdown").map
    assert summary(back) == summary(amap)


def round_trip(doc: dict[str, object]) -> tuple[ArgumentMap, ArgumentMap]:
    amap = loads_map(json.dumps(doc, ensure_ascii=False))
    return amap, loads_argdown(dump_argdown(amap).text, "t.argdown").map


def test_closing_bracket_in_a_text_stays_in_the_text():
    amap, back = round_trip({"claims": {"A": {"kind": "thesis", "text": "a] b"}}})
    assert [(c.id, c.text) for c in back.claims.values()] == [("A", "a] b")]


def test_tags_with_angle_brackets_and_quotes_stay_tags():
    doc = {"claims": {"A": {"kind": "thesis", "text": "t", "tags": ["x<y", 'q"r', "a)b"]}}}
    amap, back = round_trip(doc)
    assert [(c.text, c.tags) for c in back.claims.values()] == [("t", ("x<y", 'q"r', "a)b"))]


def test_ids_that_cannot_be_titles_come_back_as_themselves():
    doc = {
        "claims": {
            "x => y": {"kind": "thesis", "text": "t"},
            "0\r": {"kind": "premise", "text": "p", "supports": "x => y"},
            "q": {"kind": "premise", "text": "q"},
            "o": {"kind": "objection", "text": "o", "undercuts": ["-"]},
        },
        "inferences": {"-": {"premises": ["0\r", "q"], "conclusion": "x => y"}},
    }
    amap, back = round_trip(doc)
    assert summary(back) == summary(amap)
    assert list(back.claims) == ["x => y", "0\r", "q", "o"]
    assert [u.inference for u in back.undercuts] == ["-"]
