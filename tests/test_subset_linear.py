"""--collapse, --split and --focus take time linear in the map."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from argmap.model import ArgumentMap, Attack, Claim, Inference, Undercut
from argmap.render.subset import collapse, focus, levels, split


def test_split_and_collapse_are_linear(tmp_path: Path):
    """100,000 claims: a quadratic --collapse (a walk up the chain per claim) or --split
    (the whole map restricted once per branch) would take many minutes; linear ones
    take seconds (the timeout is generous on purpose)."""
    chain = ["claims:", "  T1: {kind: thesis, text: T}"]
    fan = list(chain)
    for i in range(100_000):
        kind = "objection" if i % 2 == 0 else "rebuttal"
        chain.append(
            f"  C{i}: {{kind: {kind}, text: c{i}, attacks: {f'C{i - 1}' if i else 'T1'}}}"
        )
        fan.append(f"  O{i}: {{kind: objection, text: o{i}, attacks: T1}}")
    (tmp_path / "chain.yaml").write_text("\n".join(chain) + "\n", encoding="utf-8")
    (tmp_path / "fan.yaml").write_text("\n".join(fan) + "\n", encoding="utf-8")
    runs = [
        ("chain.yaml", "--collapse", "1", "-o", str(tmp_path / "c.dot")),
        ("fan.yaml", "--split", "--layout-timeout", "20", "-o", str(tmp_path / "s" / "s.dot")),
    ]
    codes = []
    for name, *options in runs:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "render", str(tmp_path / name), *options],
            capture_output=True,
            text=True,
            timeout=120,
        )
        codes.append(done.returncode)
    assert codes[0] == 0 and codes[1] in (0, 3)  # 3: the split met its time budget
    assert "+99999 claims hidden" in (tmp_path / "c.dot").read_text(encoding="utf-8")


def fan_of_linked_reasons(n: int) -> ArgumentMap:
    """A thesis with ``n`` linked reasons, each undercut; the undercuts rebutted and one
    premise of each backed by evidence (5n + 1 claims)."""
    claims = {"T1": Claim("T1", "thesis", "t")}
    infs, atts, unds = [], [], []
    for i in range(n):
        a, b, u, r, e = (f"{x}{i}" for x in "ABURE")
        for cid, kind in ((a, "premise"), (b, "premise"), (u, "objection"), (r, "rebuttal")):
            claims[cid] = Claim(cid, kind, cid)
        claims[e] = Claim(e, "evidence", e)
        infs += [Inference(f"I{i}", (a, b), "T1", linked=True), Inference(f"{e} -> {a}", (e,), a)]
        unds.append(Undercut(u, f"I{i}"))
        atts.append(Attack(r, u))
    return ArgumentMap("fan.yaml", claims, tuple(infs), tuple(atts), tuple(unds))


def ladder(n: int) -> ArgumentMap:
    """Steps ``[Q_k, P_k+1] -> P_k``, Q_k undercutting the step into P_k-1: a part that
    shows the first step must, step after step, show them all (2n + 1 claims)."""
    claims = {"P0": Claim("P0", "thesis", "t")}
    infs, unds = [], []
    for k in range(n):
        claims[f"Q{k}"] = Claim(f"Q{k}", "premise", "q")
        claims[f"P{k + 1}"] = Claim(f"P{k + 1}", "premise", "p")
        infs.append(Inference(f"S{k}", (f"Q{k}", f"P{k + 1}"), f"P{k}", linked=True))
        if k:
            unds.append(Undercut(f"Q{k}", f"S{k - 1}"))
    return ArgumentMap("ladder.yaml", claims, tuple(infs), (), tuple(unds))


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def test_whole_reasons_stay_linear():
    """Parts closed over linked reasons and undercuts cost a small multiple of one
    breadth-first pass over the same map (``levels``). A page that scanned every
    step into the thesis (25,001 claims, 5,000 pages that show the thesis) takes
    over 100 times that pass; linear code about 10 times."""
    fan, steps = fan_of_linked_reasons(5000), ladder(5000)
    for amap, runs in (
        (fan, [lambda: split(fan), lambda: collapse(fan, 1), lambda: focus(fan, "A0", 2)]),
        (steps, [lambda: split(steps), lambda: collapse(steps, 1), lambda: focus(steps, "Q0", 1)]),
    ):
        base = max(seconds(lambda: levels(amap)), 0.01)  # noqa: B023 (called at once)
        for run in runs:
            assert seconds(run) < 40 * base
    parts = split(fan)
    assert len(parts.pages) == 5000 and list(parts.pages["A0"].claims)[:3] == ["T1", "A0", "B0"]
    assert len(focus(steps, "Q0", 1).claims) == len(steps.claims)  # each step brings the next
