"""Where the time of ``argmap check`` goes, step by step, in one process.

Usage::

    python bench/breakdown.py MAP [--gc]

Prints CPU seconds for: imports; reading the file; libyaml's event stream
alone (the floor for any reader built on PyYAML's events); argmap's node tree
(the events plus duplicate-key, tag, alias and depth checks); the model; the
graph; the checks; the JSON report. Then the same file through PyYAML's
C-loader (``yaml.load(..., CSafeLoader)``): libyaml's composer plus PyYAML's
resolver and constructor in Python. ``--gc`` leaves the cyclic garbage
collector on (argmap's command line pauses it).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time


def _step(label: str, start: float) -> float:
    now = time.process_time()
    print(f"{label:<44} {now - start:7.3f} s")
    return now


def main(argv: list[str] | None = None) -> None:
    """Command line: print the breakdown for one map."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("map")
    ap.add_argument("--gc", action="store_true", help="leave the garbage collector on")
    args = ap.parse_args(argv)
    if not args.gc:
        gc.disable()
    t = time.process_time()
    import yaml

    from argmap.analysis.checks import run_checks
    from argmap.analysis.graph import build_graph
    from argmap.io.yaml.parse import compose
    from argmap.io.yaml.reader import _Reader
    from argmap.report import as_json
    from argmap.util.files import read_text

    t = _step("imports (yaml, networkx, argmap)", t)
    text = read_text(args.map)
    t = _step("read and decode the file", t)
    loader = yaml.CSafeLoader(text)
    while loader.get_event() is not None:
        pass
    loader.dispose()
    t = _step("libyaml events only (floor)", t)
    root = compose(text, args.map)
    t = _step("argmap node tree (events + safety checks)", t)
    amap = _Reader(args.map).read(root)
    del root
    t = _step("model (claims, inferences, attacks)", t)
    graph = build_graph(amap)
    t = _step("graph (three networkx digraphs)", t)
    findings = run_checks(amap, graph=graph)
    t = _step(f"checks ({len(findings):,} findings)", t)
    as_json(findings)
    t = _step("JSON report", t)
    del amap, graph, findings
    with open(args.map, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
    _step("PyYAML C-loader: yaml.load(CSafeLoader)", t)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
