"""The same map in every format argmap reads and writes gets the same findings and labels.

Each map in maps/ is written in each format that argmap both writes and reads,
and the written file is given straight to ``argmap check`` and ``argmap
evaluate``: the findings (code and claims) and the labels are those of the
YAML map, so a map kept in Argdown or AIF is checked and evaluated as it would
be in YAML, and every finding points at a line of the written file itself.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from argmap.io.formats import FORMATS
from argmap.io.yaml.reader import load_map
from argmap.io.yaml.writer import dump_map

from conftest import ROOT

MAPS = sorted((ROOT / "maps").glob("*.yaml"))
#: Formats argmap writes and reads, with a file ending that names each.
BOTH = {
    name: form.extensions[0]
    for name, form in FORMATS.items()
    if form.read is not None and form.write is not None and name != "argmap"
}
#: Formats that cannot hold a whole map (the attack projection of Dung frameworks).
PARTIAL = {"apx", "tgf", "iccma"}


def findings(run_cli, path: Path) -> list[tuple[str, tuple[str, ...]]]:
    code, out, err = run_cli("check", str(path), "--format", "json")
    assert code in (0, 1), err
    found = json.loads(out)["findings"]
    for f in found:
        assert f["file"] == str(path) and f["line"] >= 1 and f["column"] >= 1
    return sorted((f["code"], tuple(f["claims"])) for f in found)


def labels(run_cli, path: Path) -> dict[str, str]:
    code, out, err = run_cli("evaluate", str(path), "--format", "json")
    assert code == 0, err
    return json.loads(out)["labelling"]


def without_ignores(source: Path, folder: Path) -> Path:
    """``source`` with no claim's ``ignore:`` (what a format without them gives back)."""
    amap = load_map(source)
    claims = {cid: replace(c, ignore=frozenset()) for cid, c in amap.claims.items()}
    path = folder / f"{source.stem}.plain.yaml"
    path.write_text(dump_map(replace(amap, claims=claims)), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(set(BOTH) - PARTIAL))
@pytest.mark.parametrize("source", MAPS, ids=lambda p: p.stem)
def test_written_map_checks_and_evaluates_alike(run_cli, tmp_path, source: Path, fmt: str):
    written = tmp_path / f"{source.stem}{BOTH[fmt]}"
    code, _, err = run_cli("convert", str(source), str(written), "--to", fmt, "--format", "json")
    assert code == 0, err
    lost = [f["message"] for f in json.loads(err)["findings"]]
    expected = source
    # the losses allowed here: the map's source (no check reads it) and per-claim ignores
    assert all(("which checks" in m and "ignore" in m) or "map's source" in m for m in lost), lost
    if any("ignore" in m for m in lost):
        expected = without_ignores(source, tmp_path)
    assert findings(run_cli, written) == findings(run_cli, expected)
    assert labels(run_cli, written) == labels(run_cli, source)
