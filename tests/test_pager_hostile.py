"""The pager on long lines and wide fans: each part is found among runs not much longer
than the parts themselves, so cutting a big map stays linear."""

from __future__ import annotations

import pytest

from argmap.render.pager import longest, paginate

from conftest import make_map


def test_longest_tries_its_guess_before_the_whole_run():
    asked: list[int] = []

    def ok(end: int) -> bool:
        asked.append(end)
        return end <= 7

    assert longest(0, 1000, ok, 4) == 7
    assert max(asked) <= 16
    asked.clear()
    assert longest(100, 1000, ok, 4) == 101  # not even one more fits: the first is taken
    assert max(asked) <= 104


@pytest.mark.parametrize(("end", "guess", "fit"), [(10, 3, 10), (10, 30, 6), (50, 2, 33)])
def test_longest_with_a_guess_finds_what_it_finds_without(end, guess, fit):
    def ok(e: int) -> bool:
        return e <= fit

    assert longest(0, end, ok, guess) == longest(0, end, ok) == min(end, fit)


def test_a_long_line_is_cut_without_trying_it_whole_for_each_part():
    lines = ["claims:", "  T1: {kind: thesis, text: Top.}"]
    above = "T1"
    for k in range(1, 301):
        lines.append(f"  P{k}: {{kind: premise, text: Step {k}., supports: {above}}}")
        above = f"P{k}"
    amap = make_map("\n".join(lines) + "\n")
    asked: list[int] = []

    def fits(part) -> bool:
        asked.append(len(part.amap.claims))
        return len(part.amap.claims) <= 6

    parts = paginate(amap, fits)
    assert sum(p.kind == "line" for p in parts) >= 50
    assert max(asked) <= 40  # was 301: the whole rest of the line, for every part
    assert len(asked) < 12 * len(parts)
