"""The architecture of src/argmap, measured (docs/architecture.md): module and function
sizes, the modules that stand loose in the package, a lazy ``import argmap``, and import
contracts (pyproject.toml [tool.importlinter]) that fail when the rule they state is broken.

Sizes are read from the source as it is; ``make test`` runs ``ruff format --check``
before pytest, so that is the formatted source.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

SRC = ROOT / "src" / "argmap"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 50
MAX_LOOSE_MODULES = 6
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def modules() -> list[Path]:
    """Every Python module of src/argmap, sorted."""
    return sorted(SRC.rglob("*.py"))


def shown(path: Path) -> str:
    """``path`` relative to the repository, for failure messages."""
    return path.relative_to(ROOT).as_posix()


def test_no_module_over_400_lines():
    over = []
    for path in modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            over.append(f"{shown(path)}: {lines} lines")
    assert not over, f"modules over {MAX_MODULE_LINES} lines:\n" + "\n".join(over)


def long_functions(path: Path) -> list[str]:
    """Functions and methods of ``path`` longer than the limit, from ``def`` to last
    line, less the docstring (documentation is not length: ``argmap.render`` documents
    each of its keyword arguments)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            assert node.end_lineno is not None
            lines = node.end_lineno - node.lineno + 1
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                assert first.end_lineno is not None
                lines -= first.end_lineno - first.lineno + 1  # the docstring
            if lines > MAX_FUNCTION_LINES:
                found.append(f"{shown(path)}:{node.lineno} {node.name}: {lines} lines")
    return found


def test_no_function_over_50_lines():
    over = [entry for path in modules() for entry in long_functions(path)]
    assert not over, f"functions over {MAX_FUNCTION_LINES} lines:\n" + "\n".join(over)


def test_few_modules_stand_loose_in_the_package():
    loose = sorted(
        p.name for p in SRC.glob("*.py") if p.name not in ("__init__.py", "__main__.py")
    )
    assert len(loose) <= MAX_LOOSE_MODULES, f"loose modules in src/argmap: {loose}"


def test_import_argmap_imports_nothing_eagerly():
    code = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "import argmap\n"
        "print(argmap.__file__)\n"
        "print(*sorted(set(sys.modules) - before), sep='\\n')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    where, *loaded = done.stdout.splitlines()
    assert Path(where) == SRC / "__init__.py" and "argmap" in loaded
    eager = [
        name
        for name in loaded
        if name.startswith("argmap.") or name.split(".")[0] not in sys.stdlib_module_names
    ]
    assert eager == ["argmap"], f"'import argmap' also imports {eager[1:]}"


@dataclass(frozen=True)
class Mutation:
    """One import appended to ``module`` (a path inside src/argmap) that breaks a contract;
    ``also`` holds the keys of the other contracts the same import necessarily breaks."""

    module: str
    line: str
    also: frozenset[str] = frozenset()


#: Per contract key (see :func:`contract_key`), the import that must break it.
MUTATIONS = {
    # analysis and io sit side by side in one layer and may not import each other
    "layers": Mutation("analysis/stats.py", "import argmap.io.formats"),
    # a cycle inside render: dot.py already imports style.py
    "acyclic_siblings": Mutation("render/style.py", "from argmap.render.dot import RenderOptions"),
    # every package that may not import the command line lies in a layer below it, and
    # the command line imports every package: such an import breaks the layers and closes
    # a cycle as well
    "argmap.cli": Mutation(
        "render/svg.py",
        "from argmap.cli import app",
        also=frozenset({"layers", "acyclic_siblings"}),
    ),
    "pydot": Mutation("model.py", "import pydot"),
    "yaml": Mutation("report.py", "import yaml"),
    "spacy": Mutation("draft/segment.py", "import spacy"),
    "trafilatura,lxml": Mutation("draft/text.py", "import lxml.html"),
    "networkx": Mutation("render/dot.py", "import networkx"),
    "click": Mutation("report.py", "import click"),
    "snowballstemmer": Mutation("analysis/compare.py", "import snowballstemmer"),
    "defusedxml": Mutation("io/graphml/writer.py", "from defusedxml import ElementTree"),
    "subprocess": Mutation("cli/common.py", "import subprocess"),
    "fontTools": Mutation("render/svg.py", "import fontTools"),
    "pypdf": Mutation("render/graphviz.py", "import pypdf"),
    "pytest,jsonschema,hypothesis,py_arg,playwright": Mutation("model.py", "import jsonschema"),
    "distributed,dask": Mutation("cli/batch.py", "import distributed"),
    "markdown,mkdocs,sphinx,docutils": Mutation("integrations/blocks.py", "import markdown"),
    "pygls,lsprotocol": Mutation("integrations/lsp/scan.py", "import lsprotocol"),
}


def contract_key(contract: dict[str, object]) -> str:
    """A short name for a contract: its forbidden modules joined by commas, or its type."""
    if contract["type"] == "forbidden":
        forbidden = contract["forbidden_modules"]
        assert isinstance(forbidden, list) and forbidden, contract["name"]
        return ",".join(str(module) for module in forbidden)
    return str(contract["type"])


def contracts() -> dict[str, str]:
    """The contracts of pyproject.toml: key -> name."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        listed = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    named = {contract_key(c): c["name"] for c in listed}
    assert len(named) == len(listed), "two contracts share a key"
    return named


def test_every_contract_has_a_mutation():
    assert sorted(contracts()) == sorted(MUTATIONS)


def lint_imports(folder: Path, names: dict[str, str]) -> dict[str, str]:
    """Run ``lint-imports`` on the copy in ``folder``; return key -> KEPT or BROKEN."""
    env = dict(os.environ, PYTHONPATH=str(folder / "src"), COLUMNS="1000")
    done = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(folder / "pyproject.toml")],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
    )
    flat = " ".join(done.stdout.split())
    status = {}
    for key, name in names.items():
        found = re.search(re.escape(" ".join(name.split())) + " (KEPT|BROKEN)", flat)
        assert found, f"no verdict on {name!r} from lint-imports:\n{done.stdout}{done.stderr}"
        status[key] = found.group(1)
    assert done.returncode == (1 if "BROKEN" in status.values() else 0), done.stderr
    return status


@pytest.mark.parametrize("key", sorted(MUTATIONS))
def test_contract_bites(key, tmp_path):
    names = contracts()
    mutation = MUTATIONS[key]
    shutil.copytree(SRC, tmp_path / "src" / "argmap", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "src" / "argmap" / mutation.module
    text = target.read_text(encoding="utf-8")
    assert mutation.line not in text
    target.write_text(f"{text}\n{mutation.line}\n", encoding="utf-8")
    status = lint_imports(tmp_path, names)
    broken = sorted(k for k, verdict in status.items() if verdict == "BROKEN")
    assert broken == sorted({key, *mutation.also}), f"{mutation.line!r} in {mutation.module}"
