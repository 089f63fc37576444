"""Time rendering a generated map of N claims (default 600): whole, --collapse 2,
--focus, --split, and with the sfdp engine; prints seconds and output sizes.

Usage: python bench/large_map.py [N] [--timeout SECONDS]
"""

from __future__ import annotations

import argparse
import random
import time

from argmap.errors import LayoutTimeout
from argmap.model import ArgumentMap, Attack, Claim, Inference
from argmap.render.dot import RenderOptions
from argmap.render.outputs import render
from argmap.render.pages import PagePlan, plan_pages


def generated(n: int, seed: int = 4) -> ArgumentMap:
    """A thesis, 8 branches, each claim supporting or attacking an earlier one."""
    rng = random.Random(seed)
    claims = {"T": Claim("T", "thesis", "The thesis of a large generated map.")}
    infs, attacks = [], []
    for i in range(1, n):
        cid = f"C{i}"
        target = "T" if i <= 8 else f"C{rng.randrange(max(1, i - 40), i)}"
        if rng.random() < 0.25:
            claims[cid] = Claim(cid, "objection", f"Claim {i} argues against {target} here.")
            attacks.append(Attack(cid, target))
        else:
            claims[cid] = Claim(cid, "premise", f"Claim {i} gives a reason for {target} here.")
            infs.append(Inference(f"{cid} -> {target}", (cid,), target))
    return ArgumentMap("large.yaml", claims, tuple(infs), tuple(attacks), title="Large map")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=600)
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()
    amap = generated(args.n)
    cases = [
        ("whole", PagePlan(), "dot"),
        ("whole sfdp", PagePlan(), "sfdp"),
        ("collapse 2", PagePlan(collapse=2), "dot"),
        ("focus C100 2", PagePlan(focus="C100", depth=2), "dot"),
        ("split", PagePlan(split=True), "dot"),
    ]
    for name, plan, engine in cases:
        start = time.perf_counter()
        pages = plan_pages(amap, RenderOptions(), plan, "large.svg")
        try:
            outs = [
                render(
                    p.amap, (), p.opts, "svg", map_id=p.map_id, timeout=args.timeout, engine=engine
                )
                for p in pages
            ]
            size = sum(len(out) for out in outs)
        except LayoutTimeout:
            print(f"{name:14} timed out after {args.timeout:g} s")
            continue
        took = time.perf_counter() - start
        claims = max(len(p.amap.claims) for p in pages)
        print(
            f"{name:14} {len(pages):3} page(s), largest {claims:4} claims, "
            f"{size / 1e6:6.2f} MB, {took:6.2f} s"
        )


if __name__ == "__main__":
    main()
