"""Wrapping claim text: the lines of :func:`textwrap.wrap` where every character takes one
column, display columns otherwise, and time linear in the text's length."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap

from argmap.util.text import display_width, wrap_text

from conftest import ROOT

_ALPHABET = "abc de-f  g--h\t-xy.!?\n"


def _textwrap_lines(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines.extend(
            textwrap.wrap(para, width, break_long_words=True, break_on_hyphens=True) or [""]
        )
    return lines


def test_one_column_text_wraps_as_textwrap_does():
    rng = random.Random(10)
    for _ in range(5000):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 90)))
        width = rng.randint(1, 30)
        assert wrap_text(text, width) == _textwrap_lines(text, width), (text, width)


def test_a_full_line_before_a_long_word_keeps_its_space():
    assert wrap_text("foo xxxxxx", 4) == ["foo ", "xxxx", "xx"]  # as textwrap.wrap


def test_long_words_break_at_hyphens_and_columns():
    assert wrap_text("well-known-fact-checking", 10) == ["well-", "known-", "fact-", "checking"]
    assert wrap_text("x" * 50, 24) == ["x" * 24, "x" * 24, "xx"]


def test_wide_and_zero_width_characters_count_their_columns():
    assert wrap_text("a😀b" * 4, 5) == ["a😀ba", "😀ba", "😀ba", "😀b"]
    assert wrap_text("e\u0301" * 12, 10) == ["e\u0301" * 10, "e\u0301" * 2]
    assert wrap_text("😀😀", 1) == ["😀", "😀"]  # one character a line when none fits
    assert all(display_width(line) <= 7 for line in wrap_text("漢字😀 x" * 300, 7))


def test_ten_million_characters_wrap_in_linear_time():
    # a quadratic wrapper (re-wrapping, or re-slicing the rest of a long word for each
    # line) needs hours here; a linear one needs seconds
    code = (
        "from argmap.util.text import wrap_text\n"
        "lines = wrap_text('x' * 10_000_000, 24)\n"
        "print(len(lines), len(lines[0]), len(lines[-1]))\n"
        "lines = wrap_text('\\u6f22' * 2_000_000, 24)\n"
        "print(len(lines), len(lines[0]))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["416667", "24", "16", "166667", "12"]
