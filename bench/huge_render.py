"""Huge and dense maps: does ``argmap render`` write something readable in time?

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/huge_render.py [--runs 3] [--quick] [--json] [--calibrate]

Two maps, generated under ``bench/_work/huge`` (deterministic):

* ``huge-7000.argdown``: a tree of 7,000 claims (``bench/generate.py``'s
  ``tree`` shape: reasons, objections, rebuttals) with 40 % of the claims
  arguing about a second, earlier claim, too tangled for ``dot`` in 60 s. ``argmap
  render`` predicts that and writes an overview and pages; target: within 60 s
  wall. Also timed: ``--split`` on it (target 60 s), and planning the
  ``--split`` pages in-process (CPU seconds, 2,000 and 7,000 claims: linear in
  the map apart from the pages' layout).
* ``dense-100-3000.apx``: a Dung framework of 100 arguments and 3,000 attacks
  (``dot`` climbs past 800 MB and runs out of time). ``argmap render`` picks
  the spread layout; target: within 30 s wall and no two node boxes overlapping.

Each run is a whole ``argmap render`` process (median wall seconds of
``--runs``); what it said on standard error and which files it wrote are
printed. ``--quick``: 1,500 claims and 30 arguments with 300 attacks, one run.
``--calibrate``: time bare ``dot -Tsvg`` (CPU seconds) on the DOT of generated
maps of several sizes and densities next to :mod:`argmap.render.cost`'s
prediction (takes minutes; the model in ``cost.py`` was fitted to these).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

BENCH = Path(__file__).resolve().parent
WORK = BENCH / "_work" / "huge"
COMMAND = "python bench/huge_render.py"


def tangled(n: int, share: float = 0.4) -> Path:
    """``huge-N.argdown``: the tree map with ``share`` of its claims cross-linked."""
    path = WORK / f"huge-{n}-{share:g}.argdown"
    if not path.exists():
        saved, generate.CROSS_LINK_SHARE = generate.CROSS_LINK_SHARE, share
        try:
            claims = generate.tree_map(n, 1)
        finally:
            generate.CROSS_LINK_SHARE = saved
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generate.to_argdown(claims, f"Tangled tree of {n} claims"), "utf-8")
    return path


def framework(n: int, m: int) -> Path:
    """``dense-N-M.apx``: ``n`` arguments, ``m`` distinct attacks drawn at random (seed 1)."""
    path = WORK / f"dense-{n}-{m}.apx"
    rng, pairs = random.Random(1), set()
    while len(pairs) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((a, b))
    facts = [f"arg(a{i})." for i in range(n)] + [f"att(a{a},a{b})." for a, b in sorted(pairs)]
    path.write_text("\n".join(facts) + "\n", "utf-8")
    return path


def render(src: Path, out: Path, *extra: str) -> tuple[float, str, list[Path]]:
    """Run ``argmap render SRC -o OUT`` in a fresh directory: (wall s, stderr, files)."""
    if out.parent.exists():
        for old in out.parent.iterdir():
            old.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "argmap", "render", str(src), "-o", str(out), *extra]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr}")
    return wall, done.stderr, sorted(out.parent.iterdir())


def overlaps(svg: Path) -> int:
    """Pairs of node boxes (outline of each ``class="node"`` group) that overlap."""
    ns, boxes = "{http://www.w3.org/2000/svg}", []
    for g in ET.parse(svg).getroot().iter(f"{ns}g"):
        if "node" not in g.get("class", "").split():
            continue
        shape = next(e for e in g if e.tag in (f"{ns}path", f"{ns}polygon"))
        nums = re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points", ""))
        xs, ys = [float(v) for v in nums[0::2]], [float(v) for v in nums[1::2]]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return sum(
        1
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
    )


def timed(runs: int, src: Path, out: Path, *extra: str) -> tuple[float, str, list[Path]]:
    """Median wall seconds of ``runs`` renders, with the last one's stderr and files."""
    walls, said, files = [], "", []
    for _ in range(runs):
        wall, said, files = render(src, out, *extra)
        walls.append(wall)
    return statistics.median(walls), said, files


def split_planning(n: int) -> float:
    """CPU seconds of planning ``--split`` pages of the tangled map of ``n`` claims."""
    from argmap.cli.common import load
    from argmap.render.dot import RenderOptions
    from argmap.render.pages import PagePlan, plan_pages

    amap = load(str(tangled(n)))
    start = time.process_time()
    plan_pages(amap, RenderOptions(), PagePlan(split=True), "m.svg")
    return time.process_time() - start


def figures(quick: bool, runs: int) -> list[dict[str, object]]:
    """Every figure of the benchmark (see the module docstring)."""
    n, (an, am) = (1500, (30, 300)) if quick else (7000, (100, 3000))
    budget = ("--layout-timeout", "5") if quick else ()
    out = []
    huge = tangled(n)
    wall, said, files = timed(runs, huge, WORK / "out-huge" / "map.svg", *budget)
    _note(said.splitlines()[0] if said else "(nothing said)")
    _note(f"  {len(files)} files written: {', '.join(f.name for f in files[:3])} ...")
    out.append(_fig(f"huge-map-{n}", wall, 60, "s", f"argmap render, {n:,}-claim tangled tree"))
    out.append(_fig(f"huge-map-{n}-files", len(files), None, "files", "overview and pages"))
    wall, said, files = timed(1, huge, WORK / "out-split" / "map.svg", "--split", *budget)
    _note(f"  --split: {len(files)} files written")
    out.append(_fig(f"huge-split-{n}", wall, 60, "s", f"argmap render --split, {n:,} claims"))
    for size in (2000, n) if not quick else (500, n):
        cpu = split_planning(size)
        out.append(
            _fig(
                f"split-planning-{size}", cpu, None, "s", f"--split pages planned, {size:,} claims"
            )
        )
    dense = framework(an, am)
    wall, said, files = timed(runs, dense, WORK / "out-dense" / "af.svg")
    _note(said.splitlines()[0] if said else "(nothing said)")
    out.append(
        _fig(f"dense-{an}-{am}", wall, 30, "s", f"argmap render, {an} arguments, {am:,} attacks")
    )
    out.append(
        _fig(f"dense-{an}-{am}-overlaps", overlaps(files[0]), 0, "pairs", "node boxes overlapping")
    )
    return out


def _note(line: str) -> None:
    """What argmap said and wrote: on standard error, so ``--json`` output stays JSON."""
    print(line, file=sys.stderr)


def _fig(name: str, value: float, target: float | None, unit: str, what: str) -> dict[str, object]:
    return {
        "name": name,
        "value": round(value, 2),
        "target": target,
        "better": "lower",
        "unit": unit,
        "what": what,
        "command": COMMAND,
    }


def calibrate() -> None:
    """Bare ``dot -Tsvg`` CPU seconds on generated maps next to the model's prediction."""
    from argmap.cli.common import load
    from argmap.render.cost import dot_seconds, size_of

    cases = [tangled(n, s) for n in (2000, 4000) for s in (0.06, 0.2, 0.4)]
    cases += [framework(n, m) for n, m in ((30, 300), (50, 600), (100, 500))]
    for src in cases:
        dot = WORK / "calibrate.dot"
        subprocess.run(
            [sys.executable, "-m", "argmap", "render", str(src), "-o", str(dot)],
            check=True,
            capture_output=True,
        )
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(
            ["timeout", "120", "dot", "-Tsvg", str(dot), "-o", "/dev/null"], check=False
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        size = size_of(load(str(src)))
        late = " (stopped)" if done.returncode else ""
        print(
            f"{src.name}: {size.claims} claims, {size.relations} relations: "
            f"dot {cpu:.1f} s{late}, predicted {dot_seconds(size):.1f} s"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--calibrate", action="store_true")
    args = ap.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.calibrate:
        calibrate()
        return
    for fig in figures(args.quick, 1 if args.quick else args.runs):
        if args.json:
            print(json.dumps(fig))
        else:
            target = "" if fig["target"] is None else f" (target {fig['target']})"
            print(f"{fig['name']}: {fig['value']} {fig['unit']}{target}  {fig['what']}")


if __name__ == "__main__":
    main()
