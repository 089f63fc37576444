"""The wheel: built from this checkout, it holds the package and its assets and
nothing else (no tests, maps or fixtures), declares the entry points and
extras, and works installed on its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, needs_dot


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # from a copy of what the package is built from: a build/ folder left in the checkout
    # by an earlier build would ship modules that no longer exist
    tree = tmp_path_factory.mktemp("tree")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "src", tree / "src", ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (built,) = out.glob("argmap-*.whl")
    return built


def test_the_wheel_holds_the_package_and_its_assets_only(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names} == {
        "argmap",
        wheel.name.split("-py3")[0] + ".dist-info",
    }
    source = ROOT / "src" / "argmap"
    shipped = {n.removeprefix("argmap/") for n in names if n.startswith("argmap/")}
    expected = {
        str(p.relative_to(source))
        for p in source.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert shipped == expected  # every module and asset, nothing more
    for asset in ("py.typed", "util/lexicon.json", "draft/patterns/cues.json",
                  "render/html/assets/argmap.js", "server/assets/live.js"):  # fmt: skip
        assert asset in shipped
    assert not any("test" in n.split("/")[0] or n.endswith((".yaml", ".ipynb")) for n in names)


def test_the_wheel_declares_the_commands_entry_points_and_extras(wheel):
    archive = zipfile.ZipFile(wheel)
    info = wheel.name.split("-py3")[0] + ".dist-info"
    points = archive.read(f"{info}/entry_points.txt").decode()
    assert "argmap = argmap.cli.app:run" in points
    assert "[markdown.extensions]\nargmap = argmap.integrations.markdown:ArgmapExtension" in points
    assert "[mkdocs.plugins]\nargmap = argmap.integrations.mkdocs:ArgmapPlugin" in points
    metadata = archive.read(f"{info}/METADATA").decode()
    extras = {
        line.split(": ")[1] for line in metadata.splitlines() if line.startswith("Provides-Extra")
    }
    assert {"draft", "grade", "serve", "lsp", "docs", "dask", "all"} <= extras
    requires = [line for line in metadata.splitlines() if line.startswith("Requires-Dist")]
    core = [line.split(": ")[1] for line in requires if "extra ==" not in line]
    assert not [r for r in core if r.split(">")[0].lower() in ("spacy", "scipy", "google-re2")]


@needs_dot
def test_the_installed_wheel_works_on_its_own(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    code = (
        "import argmap, sys; assert argmap.__file__.startswith(sys.argv[1]), argmap.__file__; "
        "m = argmap.load(sys.argv[2]); "
        "print(len(argmap.render(m, 'html')) > 10000, [f.code for f in argmap.check(m)][:1])"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    done = subprocess.run(
        [sys.executable, "-c", code, str(target), str(ROOT / "maps" / "phones-in-class.yaml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True ['AM101']"
