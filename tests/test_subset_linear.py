"""--collapse and --split take time linear in the map."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
