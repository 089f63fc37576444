"""Any input gives a map or a MapLoadError: never another exception (so never a traceback)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.errors import MapLoadError
from argmap.io.aif import loads_aif
from argmap.io.argdown.reader import loads_argdown
from argmap.io.kialo import loads_kialo

ARGDOWN_PIECES = [
    "[a]",
    "[b]:",
    "<A>",
    "<B>:",
    " text",
    "\n",
    "\n\n",
    "    ",
    "+ ",
    "- ",
    "_ ",
    "<+ ",
    "+> ",
    "-> ",
    "<_ ",
    "_> ",
    "><",
    "(1) ",
    "(2) ",
    "----",
    "--",
    "{",
    "}",
    "{kind: premise}",
    "{uses: [1, 2]}",
    "#tag",
    "#(x y)",
    "# Head",
    "//c",
    "/*",
    "*/",
    "<!--",
    "-->",
    "\\",
    "===",
    "* ",
    "1. ",
    "'",
    '"',
    ":",
    "@[a]",
    "{id: 5}",
    "{shorthand: true}",
    "{kind: [1]}",
]
KIALO_PIECES = [
    "Discussion Title: T\n",
    "1. ",
    "1.1. ",
    "1.1.1. ",
    "1.2. ",
    "Pro: ",
    "Con: ",
    "-> See 1.",
    "-> See 1.1.",
    "text",
    "\n",
    "\r\n",
    "[a](https://x)",
    "\\(",
    "1.x. Pro: ",
    " ",
]
IDS = st.one_of(st.integers(0, 4), st.sampled_from(["1", "2", "x", ""]), st.none(), st.booleans())
NODE = st.fixed_dictionaries(
    {"nodeID": IDS, "type": st.sampled_from(["I", "RA", "CA", "MA", "PA", "L", "YA", "TA", "?"])},
    optional={
        "text": st.sampled_from(["A", "", 5]),
        "argmap": st.sampled_from(
            [{"kind": "thesys"}, {"id": 1}, {"linked": True}, [], {"para": 0}, {"x": 1}]
        ),
    },
)
AIF = st.fixed_dictionaries(
    {
        "nodes": st.lists(NODE, max_size=6),
        "edges": st.lists(st.fixed_dictionaries({"fromID": IDS, "toID": IDS}), max_size=6),
    }
)


def survives(read, text: str) -> None:
    try:
        read(text, "fuzz")
    except MapLoadError as exc:
        assert exc.findings and all(f.line >= 1 and f.column >= 1 for f in exc.findings)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(ARGDOWN_PIECES), max_size=30).map("".join))
def test_argdown_reader(text: str):
    survives(loads_argdown, text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(KIALO_PIECES), max_size=25).map("".join))
def test_kialo_reader(text: str):
    survives(loads_kialo, text)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(AIF)
def test_aif_reader(doc: dict):
    survives(loads_aif, json.dumps(doc))
