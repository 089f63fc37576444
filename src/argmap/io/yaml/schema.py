"""The JSON Schema (draft-07) of the YAML map format, for editors.

Draft-07 is the newest draft the YAML language server (VS Code's YAML
extension and other editors) supports fully. The schema follows the loader
(:mod:`argmap.io.yaml.reader`) key by key; ``tests/test_schema.py`` keeps the two in
agreement over every fixture map. What a JSON Schema cannot say, and the
loader still checks (``docs/interchange.md``, "Schema"):

* that ids named by ``supports``, ``attacks``, ``undercuts`` refer to claims
  and inferences;
* that a span's start is not after its end;
* YAML itself: duplicate keys, tags, anchors and aliases, several documents;
* that ``para: 5.0`` is not a whole number (JSON Schema counts 5.0 as an integer).

The ``draft`` block is described (what ``argmap draft`` writes) but the loader
keeps it verbatim.
"""

from __future__ import annotations

import json

from argmap.diagram import THEME_NAMES
from argmap.model import GRANTS, KINDS, STANDARDS
from argmap.util.urls import SAFE_SCHEMES

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
_GAP = "[\\t\\n\\r]*"


def _letters(word: str) -> str:
    """A pattern for ``word`` in any case, with tabs or newlines allowed between letters."""
    return "".join(f"[{c.lower()}{c.upper()}]{_GAP}" for c in word)


def unsafe_url_pattern() -> str:
    """A pattern matching text whose URL scheme argmap refuses (as ``url_scheme`` reads it).

    Browsers drop tabs and newlines inside a URL and leading control
    characters and spaces (WHATWG URL standard); a scheme is letters, digits,
    ``+``, ``.`` and ``-`` before a ``:`` that is followed by a non-space.
    Allowed schemes: :data:`argmap.util.urls.SAFE_SCHEMES`.
    """
    safe = "|".join(_letters(s) for s in sorted(SAFE_SCHEMES, key=len, reverse=True))
    return (
        f"^[\\u0000-\\u0020]*(?!(?:{safe}):)[A-Za-z]{_GAP}(?:[A-Za-z0-9+.\\-]{_GAP})*:{_GAP}[^\\s]"
    )


def _text(description: str) -> dict[str, object]:
    return {"type": "string", "pattern": "\\S", "description": description}


_ID = {"anyOf": [{"type": "string"}, {"type": "integer"}]}


def _ids(description: str) -> dict[str, object]:
    return {"anyOf": [_ID, {"type": "array", "items": _ID}], "description": description}


def _source_text(description: str) -> dict[str, object]:
    return {**_text(description), "not": {"pattern": unsafe_url_pattern()}}


def _claim_source() -> dict[str, object]:
    one = _source_text("A citation, or an http, https or mailto URL.")
    return {
        "anyOf": [one, {"type": "array", "minItems": 1, "items": one}],
        "description": "A citation or URL, or a list of them (the first is shown first).",
    }


def _claim() -> dict[str, object]:
    whole = {"type": "integer", "minimum": 1}
    return {
        "type": "object",
        "required": ["kind", "text"],
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": list(KINDS), "description": "What the claim does in the argument."},
            "text": _text("The claim, in a sentence or two."),
            "supports": _ids(
                "Claims this one supports (each a one-premise inference 'ID -> TARGET')."
            ),
            "attacks": _ids("Claims this one argues against."),
            "undercuts": _ids(
                "Inferences this one says do not go through ('P3 -> T1' or an inferences: id)."
            ),
            "rephrases": _ids("Claims this one says again in other words (no reason for them)."),
            "para": {
                "anyOf": [whole, {"type": "array", "items": whole}],
                "description": "Paragraph(s) of the source: its non-empty lines, counted from 1.",
            },
            "source": _claim_source(),
            "tags": _ids("Free labels."),
            "score": {
                "type": "number",
                "minimum": 0,
                "maximum": 1,
                "description": "Base score for gradual semantics (default 0.5).",
            },
            "ignore": _ids("Check codes or names silenced on this claim."),
            "span": {
                "type": "array",
                "items": {"type": "integer", "minimum": 0},
                "minItems": 2,
                "maxItems": 2,
                "description": "[start, end] character offsets in the source text.",
            },
            "granted": {
                "type": "boolean",
                "description": "true: an assumption the audience grants; false: never granted "
                "(without a standing reason it is OUT). Default: the map's evaluation grant.",
            },
            "standard": {
                "enum": list(STANDARDS),
                "description": "This claim's proof standard (default: the map's).",
            },
        },
    }


def _inference() -> dict[str, object]:
    return {
        "type": "object",
        "required": ["conclusion"],
        "additionalProperties": False,
        "properties": {
            "premises": _ids("The linked premises: they support the conclusion only jointly."),
            "conclusion": {
                "anyOf": [_ID, {"type": "array", "items": _ID, "minItems": 1, "maxItems": 1}],
                "description": "The claim the premises support.",
            },
        },
    }


def _grading() -> dict[str, object]:
    weight = {"type": "number", "minimum": 0}
    parts = ("claims", "relations", "kinds", "thesis", "objections", "findings")
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "The rubric of 'argmap grade' (docs/grading.md), kept as is.",
        "properties": {
            "weights": {
                "type": "object",
                "additionalProperties": False,
                "properties": {part: weight for part in parts},
                "description": "Weight of each part; a part left out keeps its default.",
            },
            "threshold": {"type": "number", "minimum": 0.01, "maximum": 1},
            "finding_penalty": {"type": "number", "minimum": 0, "maximum": 1},
        },
    }


def _draft() -> dict[str, object]:
    number = {"type": "number"}
    return {
        "type": "object",
        "description": "What 'argmap draft' proposes, kept verbatim by the loader.",
        "properties": {
            "thesis_candidates": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "claim": _ID,
                        "rank": {"type": "integer", "minimum": 1},
                        "score": number,
                    },
                },
            },
            "relations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "from": _ID,
                        "to": _ID,
                        "type": {"type": "string"},
                        "marker": {"type": "string"},
                        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
                    },
                },
            },
            "review": {"type": "array", "items": _ID},
            "restatements": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "claim": _ID,
                        "span": {"type": "array", "items": {"type": "integer", "minimum": 0}},
                    },
                },
            },
            "dropped": {"type": "array", "items": {"type": "integer", "minimum": 1}},
        },
    }


def _map_source() -> dict[str, object]:
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "The analysed text's bibliographic data.",
        "properties": {
            "title": _text("The text's own title."),
            "publication": _text("Where it appeared."),
            "author": _text("Its author."),
            "year": {"type": "integer", "minimum": 0},
            "url": _source_text("Where to read it (http, https or mailto)."),
        },
    }


def _checks() -> dict[str, object]:
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "Which checks run on this map.",
        "properties": {
            "select": _ids("Only these checks (codes or names)."),
            "ignore": _ids("Never these checks (codes or names)."),
        },
    }


def _evaluation() -> dict[str, object]:
    share = {"type": "number", "minimum": 0, "maximum": 1}
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "How 'argmap evaluate' reads this map (docs/evaluate.md).",
        "properties": {
            "grant": {
                "enum": list(GRANTS),
                "description": "all (default): claims offered without reasons are granted; "
                "assumptions: only those marked 'granted: true'.",
            },
            "standard": {
                "enum": list(STANDARDS),
                "description": "The proof standard of every claim without its own "
                "(default dialectical-validity).",
            },
            "alpha": {**share, "description": "clear-and-convincing: the best pro weighs > α."},
            "beta": {**share, "description": "clear-and-convincing: pro − con > β."},
            "gamma": {**share, "description": "beyond-reasonable-doubt: the best con < γ."},
            "expect": {
                "type": "object",
                "additionalProperties": False,
                "description": "The labels 'argmap evaluate' should give (claim ids); it "
                "prints each difference and exits 1.",
                "properties": {
                    key: {"type": "array", "items": {"type": "string"}}
                    for key in ("in", "out", "undecided")
                },
            },
        },
    }


def map_schema() -> dict[str, object]:
    """The schema as a JSON-ready dict (draft-07)."""
    no_arrow = {"pattern": "\\S", "not": {"pattern": "->"}}
    return {
        "$schema": DRAFT_07,
        "title": "argmap map (YAML format, version 1)",
        "description": (
            "An argument map: claims with kinds, supports, attacks, undercuts and linked "
            "premises. See docs/format.md."
        ),
        "type": "object",
        "required": ["claims"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1, "description": "Format version (only 1 exists)."},
            "title": _text("The map's title."),
            "source": _map_source(),
            "theme": {"enum": list(THEME_NAMES), "description": "Preferred diagram theme."},
            "checks": _checks(),
            "claims": {
                "type": "object",
                "propertyNames": no_arrow,
                "additionalProperties": _claim(),
                "description": "Claim id → claim. Ids must not contain '->'.",
            },
            "inferences": {
                "type": "object",
                "additionalProperties": _inference(),
                "description": "Inference id → linked premises and their conclusion.",
            },
            "draft": _draft(),
            "evaluation": _evaluation(),
            "grading": _grading(),
        },
    }


def schema_text() -> str:
    """The schema as JSON text (two-space indent, trailing newline; deterministic)."""
    return json.dumps(map_schema(), ensure_ascii=False, indent=2) + "\n"
