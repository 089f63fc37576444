"""The column layout under a deadline and on odd maps."""

from __future__ import annotations

import pytest

from argmap.errors import LayoutTimeout
from argmap.render.budget import Deadline
from argmap.render.column.dotfile import dot_text
from argmap.render.column.layout import layout
from argmap.render.dot import RenderOptions

from conftest import make_map, needs_dot

FAN = "claims:\n  T1: {kind: thesis, text: t}\n" + "".join(
    f"  P{i}: {{kind: premise, text: Reason {i}., supports: T1}}\n" for i in range(300)
)


def passed() -> Deadline:
    deadline = Deadline(5)
    deadline.at -= 10  # five seconds ago
    return deadline


def test_a_passed_deadline_stops_placing_and_writing_the_column():
    amap, opts = make_map(FAN), RenderOptions()
    with pytest.raises(LayoutTimeout, match="stopped while placing the column"):
        layout(amap, {}, opts, 700, passed())
    placed, m = layout(amap, {}, opts, 700, Deadline(60))
    assert len(placed.boxes) > 300
    with pytest.raises(LayoutTimeout, match="stopped while writing the column's DOT"):
        dot_text(placed, opts.theme, m.line_width, m.arrowsize, passed())
    text = dot_text(placed, opts.theme, m.line_width, m.arrowsize, Deadline(60))
    assert text == dot_text(placed, opts.theme, m.line_width, m.arrowsize)


@needs_dot
def test_a_column_too_tall_for_a_png_is_refused_not_shrunk(tmp_path, run_cli):
    words = " ".join(f"word{k}" for k in range(3000))
    source = tmp_path / "long.yaml"
    source.write_text(f"claims:\n  T1: {{kind: thesis, text: {words}}}\n", "utf-8")
    png, svg = tmp_path / "c.png", tmp_path / "c.svg"
    args = ("render", str(source), "--layout", "column", "--column-width", "280")
    code, _, err = run_cli(*args, "--dpi", "300", "-o", str(svg), "-o", str(png))
    assert code == 2
    assert "a PNG can be at most 32,767" in err and "write .svg or .pdf" in err
    assert not png.exists() and not svg.exists()
    code, _, err = run_cli(*args, "--dpi", "24", "-o", str(png))  # small enough
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
