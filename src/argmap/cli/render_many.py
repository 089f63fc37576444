"""``argmap render MAPS...``: :mod:`argmap.cli.render` over many maps.

The command takes every option of the one-map command (:data:`argmap.cli.render.render`),
plus files and folders, ``--outdir``, ``--to``, ``--suffix``, ``--format jsonl`` and the
options of :mod:`argmap.cli.batch`. One map named with none of those (``-o`` or the
default ``output/<name>.svg``) is the one-map command itself, unchanged. Otherwise each
map is one job (:func:`render_job`): drawn by the one-map command's own drawing code,
written by its own writer, as each arrives.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from typing import Any

import click

from argmap.cli import render as single
from argmap.cli.batch import (
    Outcome,
    Runner,
    batch_options,
    map_files,
    outcomes,
    outputs_for,
    write_outcomes,
)
from argmap.cli.common import format_option, read_map, refuse_overwrite, report, split_list
from argmap.cli.render_options import drawing_options
from argmap.errors import UsageError
from argmap.render.options import RENDER_FORMATS


@click.command(
    "render",
    epilog=single.render.epilog,
    help=(single.render.help or "")
    + """

    MAPS are files or folders (every map file in them and below, in sorted
    order). With several maps, a folder, or any of --outdir, --to, --suffix,
    -j, --format jsonl, each map is written to OUTDIR/<map name><suffix>.<format>
    for each format of --to; every map is drawn even when one fails, and
    the worst exit code wins.

    Example: argmap render maps/ --outdir output --to svg,png -j 2""",
)
@click.argument("maps", metavar="MAPS...", nargs=-1, required=True, type=click.Path())
@click.option(
    "--outdir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Write each map's outputs to DIR/<map name><suffix>.<format> (default: output).",
)
@click.option(
    "--to",
    metavar="FORMATS",
    help=f"Comma-separated formats written for each map in --outdir ({', '.join(RENDER_FORMATS)}; "
    "default svg, pdf for --slides and --paper).",
)
@click.option(
    "--suffix",
    default="",
    metavar="TEXT",
    help="Put TEXT between each map's name and the format ending (--suffix .column: "
    "<map name>.column.svg).",
)
@format_option("text", "jsonl")
@batch_options
def render(
    maps: tuple[str, ...],
    outdir: str | None,
    to: str | None,
    suffix: str,
    fmt: str,
    runner: Runner,
    **options: Any,
) -> None:
    """Draw maps (see the help above, which is the one-map command's, extended)."""
    many = len(maps) > 1 or os.path.isdir(maps[0]) or fmt == "jsonl"
    many = many or bool(outdir or to is not None or suffix) or runner != Runner()
    if not many:
        single.render.callback(map_path=maps[0], **options)  # type: ignore[misc]
        return
    if options.pop("outputs"):
        raise UsageError(
            "-o names the files of one map: with several maps (or --outdir, --to, "
            "--suffix, -j, --format jsonl) give a folder with --outdir"
        )
    fail_on_change = options.pop("fail_on_change", False)
    prepared = _prepare(options, to)
    files = map_files(maps)
    outputs_for(files, outdir or "output", suffix, prepared[1])
    params = (*prepared, outdir or "output", suffix)
    with outcomes(render_job, files, params, runner) as done:
        code = write_outcomes(done, fmt, functools.partial(_write, fail_on_change=fail_on_change))
    sys.exit(code)  # out of the block: leaving it by an exception stops the workers


def _prepare(options: dict[str, Any], to: str | None) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The keyword arguments of :func:`argmap.render_files` and the file endings,
    checked as the one-map command checks them, once for every map.

    Raises:
        UsageError: options that do not go together, or an unknown format in ``to``.
    """
    from argmap.api.drawing import Drawing

    kwargs = drawing_options(options)
    drawing = Drawing.of(**kwargs)
    names = split_list(("pdf" if drawing.sheets else "svg") if to is None else to)
    unknown = [n for n in names if n not in RENDER_FORMATS]
    if unknown or not names:
        raise UsageError(
            f"--to {to}: name formats among {', '.join(RENDER_FORMATS)}, separated by commas"
        )
    exts = tuple(f".{name}" for name in dict.fromkeys(names))
    drawing.check_outputs([f"map{ext}" for ext in exts])
    return kwargs, exts


def render_job(path: str, params: tuple[Any, ...]) -> Outcome:
    """One map drawn in every format asked for: the files, not yet written.

    ``params``: ``(keyword arguments of argmap.render_files, endings, outdir, suffix)``.

    Raises:
        ArgmapError, OSError: the map is invalid, Graphviz fails or runs out of time;
            :func:`argmap.cli.batch.run_job` makes these the map's outcome.
    """
    kwargs, exts, outdir, suffix = params
    loaded = read_map(path)
    targets = outputs_for([path], outdir, suffix, exts)
    refuse_overwrite(path, targets)
    drawn = single.drawn(loaded, targets, kwargs)
    said = report(loaded.notes, "text") if loaded.notes else ""
    return Outcome(path, files=drawn, notes=said)


def _write(outcome: Outcome, fail_on_change: bool = False) -> Outcome:
    """Write one map's files as the one-map command does; its record names them (and
    those new or changed: exit 1 for the map with ``--fail-on-change``)."""
    changed = single.write_files(outcome.files, compare=fail_on_change)
    record: dict[str, Any] = {"wrote": [p for p, _ in outcome.files]}
    record |= {"changed": changed} if fail_on_change else {}
    code = max(outcome.code, 1) if changed else outcome.code
    return dataclasses.replace(outcome, record=record, files=[], code=code)


render.params[1:1] = [p for p in single.render.params if p.name != "map_path"]
