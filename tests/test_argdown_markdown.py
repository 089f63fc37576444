"""Argdown in Markdown: the fenced ``argdown`` blocks of a ``.md`` file, positions kept."""

from __future__ import annotations

import pytest
from test_argdown_reference import CORPUS, actual, expected, reference

from argmap.errors import MapLoadError, UsageError
from argmap.io.argdown.markdown import argdown_lines, loads_argdown_markdown
from argmap.io.formats import input_format, read_input

from conftest import FIXTURES

MARKDOWN = FIXTURES / "interchange" / "argdown" / "markdown"


def test_fenced_blocks_are_read_like_the_same_argdown_file():
    fmt, got = read_input(str(MARKDOWN / "cars.md"))
    assert fmt == "argdown-md"
    docs, _ = reference(CORPUS)
    want = expected(docs["relations-statements.argdown"])
    want["claims"]["The town has smog days every winter."] += 1
    want["inferences"][
        (frozenset({"The town has smog days every winter."}), "Cars pollute the air.")
    ] += 1
    assert actual(got.map) == want
    assert got.map.title == "Cars in the centre"
    assert (got.map.claims["T"].loc.line, got.map.claims["T"].loc.column) == (10, 1)
    assert "X" not in got.map.claims


def test_markdown_without_an_argdown_fence_gets_a_clear_message(run_cli, tmp_path):
    path = MARKDOWN / "no-fence.md"
    with pytest.raises(UsageError, match=r"holds a fenced ```argdown block"):
        input_format(str(path), path.read_text())
    with pytest.raises(UsageError, match=r"holds no fenced ```argdown block"):
        loads_argdown_markdown(path.read_text(), str(path))
    code, _, err = run_cli("convert", str(path), str(tmp_path / "out.yaml"))
    assert code == 2
    assert "fenced ```argdown block" in err
    assert not (tmp_path / "out.yaml").exists()


def test_syntax_errors_in_a_fence_point_into_the_markdown_file(run_cli):
    path = MARKDOWN / "broken.md"
    with pytest.raises(MapLoadError) as info:
        read_input(str(path))
    assert [f.format_text() for f in info.value.findings] == [
        f"{path}:4:3: error AM000 invalid-map: a relation (+) with nothing before it: put "
        "the statement or argument it relates to on the line above"
    ]
    code, out, err = run_cli("convert", str(path), "-", "--to", "argmap")
    assert code == 2
    assert f"{path}:4:3: error AM000" in out + err


def test_fences_follow_commonmark_lengths_and_tildes():
    text = "````argdown\n[a]: A.\n```\n[b]: B.\n````\n~~~\n[c]: C.\n~~~\n"
    assert argdown_lines(text) == ["", "[a]: A.", "```", "[b]: B.", "", "", "", "", ""]
    assert argdown_lines("no fences\n```python\nx\n```") is None
