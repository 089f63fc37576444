"""docs/notebook.ipynb runs top to bottom in a Jupyter kernel, and its outputs are
the map's diagram and its findings' table."""

from __future__ import annotations

import json
import os

import nbclient
import nbformat

from conftest import ROOT, needs_dot


@needs_dot
def test_the_example_notebook_runs_and_shows_the_diagram_and_the_findings(monkeypatch):
    raw = json.loads((ROOT / "docs" / "notebook.ipynb").read_text(encoding="utf-8"))
    assert all(isinstance(cell.get("id"), str) for cell in raw["cells"])  # nbformat 4.5 ids
    notebook = nbformat.read(ROOT / "docs" / "notebook.ipynb", as_version=4)
    path = os.pathsep.join(p for p in (str(ROOT / "src"), os.environ.get("PYTHONPATH")) if p)
    monkeypatch.setenv("PYTHONPATH", path)  # the kernel inherits it
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "docs")}},
    )
    client.execute()
    outputs = [cell.get("outputs", []) for cell in notebook.cells if cell.cell_type == "code"]
    diagram = outputs[0][0]["data"]
    assert diagram["image/svg+xml"].startswith("<?xml") and "Michaels" in diagram["image/svg+xml"]
    table = outputs[1][0]["data"]["text/html"]
    assert table.startswith("<table><thead>") and "AM101 unsupported-claim" in table
    assert "image/svg+xml" in outputs[2][0]["data"]
    assert "('T1', 'IN')" in outputs[3][0]["data"]["text/plain"]
    what_if = outputs[4][0]["data"]["image/svg+xml"]
    assert "what if P1 is rejected?" in what_if and "assumed rejected" in what_if
