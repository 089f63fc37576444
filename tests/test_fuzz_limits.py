"""The limits of argmap.util.limits: each refuses with its own message, set small here.

Each message names the limit's variable, the value found and how to raise it;
the defaults admit what docs/format.md promises.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import MapLoadError, UsageError
from argmap.io.json.mapjson import loads_json_map
from argmap.io.yaml.reader import load_map, loads_map
from argmap.util import limits

MAP = """\
claims:
  T:
    kind: thesis
    text: Cities should be car-free.
  P:
    kind: premise
    text: Cars pollute.
    supports: T
  O:
    kind: objection
    text: Deliveries need streets.
    attacks: T
"""


def refusal(read, *args) -> str:
    with pytest.raises(MapLoadError) as caught:
        read(*args)
    return caught.value.findings[0].format_text()


def test_the_defaults_are_generous():
    assert limits.FILE_BYTES.value() == 512 * 1024 * 1024
    assert limits.CLAIMS.value() >= 100_000
    assert limits.TEXT_CHARS.value() >= 10_000_000
    assert limits.DEPTH.value() == 64
    assert limits.RELATIONS.value() >= 20_000


def test_file_size(tmp_path: Path, monkeypatch):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAX_FILE_BYTES", "100")
    message = refusal(load_map, path)
    assert f"{path}:1:1:" in message
    assert (
        f"{len(MAP)} bytes in one file, over the limit of 100 (ARGMAP_MAX_FILE_BYTES)" in message
    )
    assert "raise the limit with ARGMAP_MAX_FILE_BYTES=N" in message


def test_claims(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "2")
    message = refusal(loads_map, MAP, "m.yaml")
    assert message.startswith("m.yaml:2:3:")
    assert "3 claims in one map, over the limit of 2 (ARGMAP_MAX_CLAIMS)" in message
    assert "raise the limit with ARGMAP_MAX_CLAIMS=N" in message


def test_text_length(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_TEXT_CHARS", "20")
    message = refusal(loads_map, MAP, "m.yaml")
    assert message.startswith("m.yaml:2:3:")
    assert "claim T: 26 characters in one claim's text, over the limit of 20" in message
    assert "(ARGMAP_MAX_TEXT_CHARS)" in message and "ARGMAP_MAX_TEXT_CHARS=N" in message


def test_relations_on_one_claim(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_RELATIONS", "1")
    message = refusal(loads_map, MAP, "m.yaml")
    assert message.startswith("m.yaml:2:3:")
    assert (
        "claim T: 2 relations on one claim, over the limit of 1 (ARGMAP_MAX_RELATIONS)" in message
    )
    assert "raise the limit with ARGMAP_MAX_RELATIONS=N" in message


def test_nesting_in_yaml(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_DEPTH", "2")
    message = refusal(loads_map, MAP, "m.yaml")
    assert message.startswith("m.yaml:3:5:")
    assert "nesting deeper than 2 levels (3 found; the limit is ARGMAP_MAX_DEPTH)" in message
    assert "raise the limit with ARGMAP_MAX_DEPTH=N" in message


def test_nesting_in_json(monkeypatch):
    monkeypatch.setenv("ARGMAP_MAX_DEPTH", "2")
    text = json.dumps({"claims": {"T": {"kind": "thesis", "text": "t"}}})
    message = refusal(loads_json_map, text, "m.json")
    assert message.startswith("m.json:1:")
    assert "nesting deeper than 2 levels (3 found; the limit is ARGMAP_MAX_DEPTH)" in message


@pytest.mark.parametrize("value", ["0", "-1", "many", "1.5"])
def test_a_bad_limit_is_a_usage_error(monkeypatch, value: str):
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", value)
    with pytest.raises(UsageError, match="ARGMAP_MAX_CLAIMS=.*whole number"):
        loads_map(MAP, "m.yaml")


def test_the_command_line_says_which_limit(monkeypatch, tmp_path: Path, run_cli):
    path = tmp_path / "m.yaml"
    path.write_text(MAP, encoding="utf-8")
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "1_000")
    assert run_cli("check", str(path))[0] == 0
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "2")
    code, out, err = run_cli("check", str(path))
    assert (
        code == 2 and "3 claims in one map, over the limit of 2 (ARGMAP_MAX_CLAIMS)" in out + err
    )
    monkeypatch.setenv("ARGMAP_MAX_CLAIMS", "none")
    code, out, err = run_cli("check", str(path))
    assert code == 2 and "ARGMAP_MAX_CLAIMS='none'" in out + err
