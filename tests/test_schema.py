"""The JSON Schema and the loader agree on every fixture map.

For each map in tests/fixtures/valid, tests/fixtures/invalid and maps/, the
schema (checked with the ``jsonschema`` library) and the loader must both
accept it or both reject it. Two kinds of problem lie outside what a JSON
Schema can say, and are pinned here by name so that any other disagreement
fails:

* YAML-level problems (duplicate keys, tags, aliases, several documents,
  malformed text): the document is parsed with the loader's own composer and
  compared only where it parses; where it does not, the loader must reject it;
* references between ids (``supports: T2`` when there is no T2): the schema
  accepts, the loader rejects with a "which is no claim/inference id" message.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from argmap.errors import MapLoadError
from argmap.io.json.mapjson import dump_json_map
from argmap.io.tree import to_python
from argmap.io.yaml.parse import YamlError, compose
from argmap.io.yaml.reader import load_map
from argmap.io.yaml.schema import map_schema, unsafe_url_pattern
from argmap.util.files import read_text
from argmap.util.urls import SAFE_SCHEMES, url_scheme

from conftest import FIXTURES, ROOT

FILES = (
    sorted((FIXTURES / "valid").glob("*.yaml"))
    + sorted((FIXTURES / "invalid").glob("*.yaml"))
    + sorted((ROOT / "maps").glob("*.yaml"))
)
YAML_LEVEL = {
    "billion-laughs",
    "deep-block-nesting",
    "deep-nesting",
    "duplicate-claim",
    "duplicate-relation",
    "duplicate-top",
    "local-tag",
    "malformed",
    "merge-key",
    "python-tag",
    "recursive-alias",
    "two-documents",
}
REFERENCES = {"unknown-target", "unknown-undercut"}
VALIDATOR = Draft7Validator(map_schema())


def as_json(value: object) -> object:
    """Plain data as JSON would hold it (mapping keys become strings)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value


def loader_verdict(path: Path) -> tuple[bool, list[str]]:
    try:
        load_map(path)
    except MapLoadError as exc:
        return False, [f.message for f in exc.findings]
    return True, []


def test_schema_is_valid_draft_07():
    Draft7Validator.check_schema(map_schema())
    assert map_schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_schema_and_loader_agree(path: Path):
    accepted, messages = loader_verdict(path)
    try:
        root = compose(read_text(path), str(path))
    except YamlError:
        assert path.stem in YAML_LEVEL, f"{path.stem}: YAML-level problem not listed"
        assert not accepted
        return
    assert path.stem not in YAML_LEVEL, f"{path.stem} parses as YAML"
    instance = as_json(to_python(root)) if root is not None else None
    errors = [e.message for e in VALIDATOR.iter_errors(instance)]
    if path.stem in REFERENCES:
        assert not accepted and not errors
        assert all(
            "which is no claim id" in m or "which is no inference id" in m for m in messages
        )
        return
    assert (not errors) == accepted, f"schema: {errors}; loader: {messages}"


def test_every_limitation_is_exercised():
    stems = {p.stem for p in FILES}
    assert YAML_LEVEL | REFERENCES <= stems


@pytest.mark.parametrize("path", [p for p in FILES if loader_verdict(p)[0]], ids=lambda p: p.stem)
def test_json_maps_are_described_by_the_same_schema(path: Path):
    assert list(VALIDATOR.iter_errors(json.loads(dump_json_map(load_map(path)).text))) == []


def test_schema_pins_values_the_loader_refuses():
    base = {"claims": {"T1": {"kind": "thesis", "text": "A."}}}

    def valid(**claim_fields: object) -> bool:
        doc = json.loads(json.dumps(base))
        doc["claims"]["T1"].update(claim_fields)
        return VALIDATOR.is_valid(doc)

    assert valid(para=[1, 2], score=1, span=[0, 4], tags="x", source="Smith (2019), p. 4")
    assert (
        not valid(para=0) and not valid(score=1.5) and not valid(span=[1]) and not valid(text=" ")
    )
    assert (
        not valid(kind="thesys")
        and not valid(source="javascript:alert(1)")
        and not valid(colour=1)
    )
    assert not VALIDATOR.is_valid({"claims": {"a -> b": {"kind": "thesis", "text": "A."}}})
    assert not VALIDATOR.is_valid({"claims": {}, "version": 2})


_URL_CHARS = st.sampled_from(
    list("httpsHTTPSmailtoMAILTOjavscriptJ:/ .+-0\t\n\r\x00\x01\x1f") + ["x", "é"]
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(_URL_CHARS, max_size=14))
def test_url_pattern_matches_url_scheme_exactly(text: str):
    refused = url_scheme(text) not in (None, *SAFE_SCHEMES)
    assert (re.search(unsafe_url_pattern(), text) is not None) == refused


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("javascript:alert(1)", True),
        (" JavaScript:x", True),
        ("java\tscript:x", True),
        ("\x01data:text/html,x", True),
        ("https://example.org", False),
        ("HTTPS://x", False),
        ("mailto:a@b.org", False),
        ("Smith (2019), p. 4", False),
        ("note:see below", True),
        ("note: see below", False),
        ("note:", False),
        ("h\nttps://x", False),
        ("https2:x", True),
    ],
)
def test_url_pattern_examples(text: str, refused: bool):
    assert (re.search(unsafe_url_pattern(), text) is not None) == refused
    assert (url_scheme(text) not in (None, *SAFE_SCHEMES)) == refused
