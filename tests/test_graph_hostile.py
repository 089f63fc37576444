"""The whole-map diagram on odd maps: loops through linked premises."""

from __future__ import annotations

import re

# T1 -> B -> D -> A -> T1 goes round through linked premises: one knot of four
# claims, of which the check's witness cycle names two (T1 -> B -> T1)
KNOT = """\
claims:
  T1: {kind: thesis, text: t}
  A: {kind: premise, text: a}
  B: {kind: premise, text: b}
  C: {kind: premise, text: c}
  D: {kind: premise, text: d}
inferences:
  I1: {premises: [A, B], conclusion: T1}
  I2: {premises: [C, D], conclusion: A}
  I3: {premises: [T1, C], conclusion: B}
  I4: {premises: [A, B], conclusion: D}
"""


def circled(dot: str) -> set[str]:
    """The claims whose box says "goes in a circle" in a diagram's DOT."""
    return {
        m.group(1)
        for line in dot.splitlines()
        if "goes in a circle" in line and (m := re.search(r"<B>[A-Z]+ · ([^<]+)</B>", line))
    }


def test_every_claim_of_a_knot_says_it_goes_in_a_circle(tmp_path, run_cli):
    source = tmp_path / "knot.yaml"
    source.write_text(KNOT, "utf-8")
    out = tmp_path / "knot.dot"
    code, _, err = run_cli("render", str(source), "-o", str(out))
    assert code == 0, err
    assert circled(out.read_text("utf-8")) == {"T1", "A", "B", "D"}  # C is outside the loop
