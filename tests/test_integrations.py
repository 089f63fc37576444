"""```argmap blocks in documentation sites: the Python-Markdown extension, the
MkDocs plugin and the Sphinx directive, each building a tiny site in a
temporary folder whose page must hold the map's SVG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import markdown

from conftest import ROOT, needs_dot

MAP = """claims:
  T1: {kind: thesis, text: Cities should plant more trees.}
  P1: {kind: premise, text: Trees cool the streets in summer., supports: T1}
"""
PAGE = f"""# Trees

```argmap
file: maps/trees.yaml
```

Inline:

```argmap
{MAP}```

```argmap
file: ../outside.yaml
```
"""


def _site(tmp_path: Path) -> Path:
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "trees.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path.parent / "outside.yaml").write_text(MAP, encoding="utf-8")
    return tmp_path


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@needs_dot
def test_the_markdown_extension_draws_each_block_and_refuses_files_outside(tmp_path):
    site = _site(tmp_path)
    page = markdown.markdown(
        PAGE, extensions=["argmap"], extension_configs={"argmap": {"base_dir": str(site)}}
    )
    assert page.count('<div class="argmap"><svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert page.count("Cities should plant more trees.") >= 2
    assert '<pre class="argmap-error">argmap: &lt;page&gt;: ../outside.yaml is outside' in page
    assert "<?xml" not in page


@needs_dot
def test_the_mkdocs_plugin_draws_blocks_and_writes_the_interactive_pages(tmp_path):
    site = _site(tmp_path)
    (site / "docs").mkdir()
    (site / "docs" / "index.md").write_text(
        PAGE.split("```argmap\nfile: ../")[0], encoding="utf-8"
    )
    (site / "docs" / "sub").mkdir()
    (site / "docs" / "sub" / "more.md").write_text(PAGE, encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Trees\nplugins:\n  - argmap:\n      layout: column\n", encoding="utf-8"
    )
    done = _run([sys.executable, "-m", "mkdocs", "build"], site)
    assert done.returncode == 0, done.stderr
    assert "outside.yaml is outside" in done.stderr  # a warning: --strict would fail
    index = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert index.count('<div class="argmap"><svg') == 2
    assert "max-width:700px" in index  # the column layout
    pages = sorted(p.name for p in (site / "site" / "argmap").iterdir())
    assert len(pages) == 4 and all(p.endswith(".html") for p in pages)
    assert any(p.startswith("trees-") for p in pages)
    more = (site / "site" / "sub" / "more" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../argmap/trees-' in more
    strict = _run([sys.executable, "-m", "mkdocs", "build", "--strict"], site)
    assert strict.returncode != 0


@needs_dot
def test_the_sphinx_directive_draws_a_file_and_an_inline_map(tmp_path):
    src = tmp_path / "src"
    (src / "maps").mkdir(parents=True)
    (src / "maps" / "trees.yaml").write_text(MAP, encoding="utf-8")
    (src / "conf.py").write_text('extensions = ["argmap.integrations.sphinx"]\n', encoding="utf-8")
    inline = "".join(f"   {line}\n" for line in MAP.splitlines())
    (src / "index.rst").write_text(
        "Trees\n=====\n\n.. argmap:: maps/trees.yaml\n\n.. argmap::\n   :layout: column\n\n"
        f"{inline}\n.. argmap:: ../../outside.yaml\n",
        encoding="utf-8",
    )
    (tmp_path / "outside.yaml").write_text(MAP, encoding="utf-8")
    done = _run([sys.executable, "-m", "sphinx", "-q", "-b", "html", "src", "out"], tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert page.count('<div class="argmap"><svg') == 2
    assert "is outside the project" in page and "is outside the project" in done.stderr


@needs_dot
def test_the_example_site_and_project_in_docs_build(tmp_path):
    site = _run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "docs/example-site/mkdocs.yml",
            "-d",
            str(tmp_path / "site"),
        ],
        ROOT,
    )
    assert site.returncode == 0, site.stderr
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8").count("<svg") == 2
    sphinx = _run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "-q",
            "-b",
            "html",
            "docs/example-sphinx",
            str(tmp_path / "sphinx"),
        ],
        ROOT,
    )
    assert sphinx.returncode == 0, sphinx.stderr
    assert "Phones should stay switched off" in (tmp_path / "sphinx" / "index.html").read_text(
        encoding="utf-8"
    )


def test_an_inline_map_s_problem_is_reported_at_its_page_line(tmp_path):
    text = "# Title\n\nSome text.\n\n```argmap\nclaims:\n  T1: {kind: thesis}\n```\n"
    page = markdown.markdown(
        text, extensions=["argmap"], extension_configs={"argmap": {"page": "p.md"}}
    )
    assert "argmap: p.md:7:" in page and "T1" in page  # the block's second line is line 7
    blocky = markdown.markdown(
        "```argmap\nfile: missing.yaml\n```\n",
        extensions=["argmap"],
        extension_configs={"argmap": {"page": "p.md", "base_dir": str(tmp_path)}},
    )
    assert f"argmap: p.md: {tmp_path / 'missing.yaml'}:1:1:" in blocky


def test_bad_markdown_options_are_refused_when_the_extension_is_made():
    import pytest

    with pytest.raises(ValueError, match="layout='tree'"):
        markdown.markdown(
            "x", extensions=["argmap"], extension_configs={"argmap": {"layout": "tree"}}
        )
    with pytest.raises(ValueError, match="column_width=10"):
        markdown.markdown(
            "x", extensions=["argmap"], extension_configs={"argmap": {"column_width": 10}}
        )


def test_an_unclosed_fence_and_an_example_inside_a_longer_fence_are_left_as_markdown():
    unclosed = markdown.markdown("Intro\n\n```argmap\nclaims: {}\n", extensions=["argmap"])
    assert "argmap-error" not in unclosed and "<svg" not in unclosed
    example = "````markdown\n```argmap\nfile: x.yaml\n```\n````\n"
    shown = markdown.markdown(example, extensions=["argmap", "fenced_code"])
    assert shown.startswith('<pre><code class="language-markdown">```argmap')
    assert "argmap-error" not in shown
