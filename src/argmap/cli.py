"""The ``argmap`` command line: parse options, call the library, pick the exit code.

Exit codes: 0 no error-level finding; 1 an error-level finding (with
``--strict``, any warning); 2 invalid input, a bad command line or a missing
program; 3 the Graphviz layout ran out of time.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

from argmap import __version__
from argmap.errors import ArgmapError, MapLoadError
from argmap.problems import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID, EXIT_TIMEOUT = 0, 1, 2, 3


def _load(path: str):
    from argmap.io.mapfile import load_map

    return load_map(path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="argmap")
def cli() -> None:
    """argmap: check argument maps written in YAML and draw them with Graphviz.

    Example: argmap check maps/two-michaels.yaml
    """


def _exit_for(findings: Sequence[Finding], strict: bool) -> int:
    severities = {f.severity for f in findings}
    if "error" in severities or (strict and "warning" in severities):
        return EXIT_FINDINGS
    return EXIT_OK


@cli.command()
@click.argument("maps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too.")
@click.option("--select", default="", help="Comma-separated checks (codes or names) to run.")
@click.option("--ignore", default="", help="Comma-separated checks (codes or names) to skip.")
def check(maps: tuple[str, ...], fmt: str, strict: bool, select: str, ignore: str) -> None:
    """Check argument maps for structural problems.

    Prints one line per finding (file:line:col: severity CODE check-name:
    message) or, with --format json, one JSON document for all files.
    Exit 0: no errors; 1: error findings (or warnings with --strict);
    2: a map is invalid.

    Example: argmap check maps/*.yaml --format json
    """
    from argmap.checks import run_checks, selected
    from argmap.report import REPORTERS

    findings: list[Finding] = []
    code = EXIT_OK
    for path in maps:
        try:
            amap = _load(path)
        except MapLoadError as exc:
            findings.extend(exc.findings)
            code = EXIT_INVALID
            continue
        sel = _split(select) or list(amap.checks.select)
        ign = _split(ignore) or list(amap.checks.ignore)
        found = run_checks(amap, selected(sel, ign))
        findings.extend(found)
        code = max(code, _exit_for(found, strict))
    click.echo(REPORTERS[fmt](findings), nl=False)
    sys.exit(code)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "outputs", multiple=True,
              help="Output file (.svg, .png, .pdf, .dot); repeat for several. "
                   "Default: output/<map name>.svg")  # fmt: skip
@click.option("--direction", type=click.Choice(["TB", "LR"]), default="TB", show_default=True,
              help="TB: thesis at the top; LR: thesis at the left.")  # fmt: skip
@click.option("--wrap", type=click.IntRange(10, 200), default=24, show_default=True,
              help="Wrap claim text at this many characters.")  # fmt: skip
@click.option("--legend/--no-legend", default=True, show_default=True, help="Draw a legend.")
@click.option("--ids/--no-ids", default=True, show_default=True, help="Show claim ids.")
@click.option("--para/--no-para", default=True, show_default=True,
              help="Show paragraph references.")  # fmt: skip
@click.option("--findings/--no-findings", default=True, show_default=True,
              help="Mark claims that have findings.")  # fmt: skip
@click.option("--dpi", type=click.IntRange(24, 1200), default=96, show_default=True,
              help="Resolution of PNG output.")  # fmt: skip
@click.option("--layout-timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, help="Seconds Graphviz may take before argmap gives up (exit 3).")
def render(map_path: str, outputs: tuple[str, ...], direction: str, wrap: int, legend: bool,
           ids: bool, para: bool, findings: bool, dpi: int, layout_timeout: float) -> None:  # fmt: skip
    """Draw a map as a Graphviz diagram (SVG, PNG, PDF or DOT).

    The format comes from each output's extension. Claims with findings from
    'argmap check' are marked with a dashed red border and a warning badge.

    Example: argmap render maps/two-michaels.yaml -o output/two-michaels.svg -o out.png
    """
    from argmap.checks import run_checks
    from argmap.render.dot import RenderOptions, to_dot
    from argmap.render.output import clean_svg, format_for, run_dot, write_atomic

    amap = _load(map_path)
    targets = outputs or (str(Path("output") / f"{amap.name}.svg"),)
    formats = [format_for(t) for t in targets]
    opts = RenderOptions(direction=direction, wrap=wrap, legend=legend, show_ids=ids,
                         show_para=para, show_findings=findings)  # fmt: skip
    dot_text = to_dot(amap, run_checks(amap) if findings else (), opts)
    for target, fmt in zip(targets, formats):
        if fmt == "dot":
            data = dot_text.encode("utf-8")
        else:
            data = run_dot(dot_text, fmt, timeout=layout_timeout, dpi=dpi)
            data = clean_svg(data) if fmt == "svg" else data
        write_atomic(target, data)
        click.echo(f"wrote {target}", err=True)


@cli.command("checks")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True, help="Output format.")  # fmt: skip
def list_checks(fmt: str) -> None:
    """List every check with its code, name, severity and summary.

    Example: argmap checks --format json
    """
    import json

    from argmap.checks import CHECKS, catalogue_markdown

    if fmt == "markdown":
        click.echo(catalogue_markdown(), nl=False)
        return
    rows = [{"code": c.code, "check": c.name, "severity": c.severity, "summary": c.summary}
            for c in CHECKS]  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    for r in rows:
        click.echo(f"{r['code']}  {r['check']:<22} {r['severity']:<8} {r['summary']}")


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point: run the CLI and translate every error into its exit code."""
    try:
        cli.main(args=argv, prog_name="argmap", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_INVALID)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except MapLoadError as exc:
        click.echo(str(exc), err=True)
        sys.exit(EXIT_INVALID)
    except ArgmapError as exc:
        click.echo(f"argmap: {exc}", err=True)
        sys.exit(exc.exit_code)
    except OSError as exc:
        click.echo(f"argmap: {exc.filename or ''}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_INVALID)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(EXIT_OK)
