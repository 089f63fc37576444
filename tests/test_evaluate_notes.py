"""The teachers' notes explain what their readers see in ``argmap evaluate``'s text:
every strength marked ``*`` (quoted as shown, label and all) and every ``n/a``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(p.stem for p in (ROOT / "docs" / "teaching").glob("*.md") if p.stem != "README")


@pytest.mark.parametrize("name", NAMES)
def test_note_explains_marked_and_missing_strengths(name, run_cli):
    _, out, _ = run_cli("evaluate", str(ROOT / "maps" / f"{name}.yaml"))
    note = (ROOT / "docs" / "teaching" / f"{name}.md").read_text(encoding="utf-8")
    section = note.split("## What `argmap evaluate` reports", 1)[1]
    marked = re.findall(r"^(IN|OUT|UNDEC) +(\d\.\d{3}\*)", out, re.MULTILINE)
    for label, strength in marked:
        assert f"`{label} {strength}`" in section, (name, label, strength)
    if marked:
        assert "asterisk" in section and "strength" in section
    if "n/a for " in out:
        assert "`n/a`" in section and "loop" in section


def test_the_gallery_has_notes_with_marks_and_loops(run_cli):
    shown = {name: run_cli("evaluate", str(ROOT / "maps" / f"{name}.yaml"))[1] for name in NAMES}
    assert {n for n, out in shown.items() if "* " in out.split("key:", 1)[1]} == {
        "analogy-precedent", "one-swallow-generalisation", "school-uniforms",
        "wet-streets-undercut",
    }  # fmt: skip
    assert {n for n, out in shown.items() if "n/a for " in out} == {
        "circular-reasoning", "find-the-flaws", "voting-age-16",
    }  # fmt: skip
