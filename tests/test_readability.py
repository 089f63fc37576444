"""The op-ed reads at real size: in a 700 px column, on a 1920×1080 slide, on A4.

Sizes are measured as bench/readability.py defines them (its module docstring):
SVG ``font-size`` × the scale the picture is shown at; PDF word boxes from
poppler's ``pdftotext -bbox`` converted to font sizes.
"""

from __future__ import annotations

import statistics

import pytest
from click.testing import CliRunner

from argmap.cli.app import cli

from conftest import ROOT, bench_module, needs_dot

OPED = str(ROOT / "maps" / "two-michaels.yaml")


readability = bench_module("readability")


def _render(tmp_path, *args: str):
    out = tmp_path / args[-1]
    result = CliRunner().invoke(cli, ["render", OPED, *args[:-1], "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@needs_dot
def test_column_text_in_a_700px_column(tmp_path):
    svg = _render(tmp_path, "--layout", "column", "oped.svg").read_bytes()
    sizes = readability.svg_sizes(svg, 700)
    assert len(sizes.claim) > 45 * 2
    assert sizes.median >= 16
    assert sizes.smallest >= 14


@needs_dot
def test_every_slide_word_at_1920(tmp_path):
    pages = readability.pdf_pages(_render(tmp_path, "--slides", "deck.pdf"))
    assert len(pages) >= 3
    for (width, height), words in pages:
        assert width / height == pytest.approx(16 / 9, rel=0.01)
        assert words, "a slide without text"
        assert min(size for _, size in words) * 1920 / width >= 20


@needs_dot
def test_every_a4_page(tmp_path):
    pages = readability.pdf_pages(_render(tmp_path, "--paper", "a4", "print.pdf"))
    assert len(pages) >= 2
    for (width, height), words in pages:
        assert (width, height) == pytest.approx((595.276, 841.89), abs=0.5)
        sizes = [size for _, size in words]
        assert min(sizes) >= 9
        assert statistics.median(sizes) >= 10
