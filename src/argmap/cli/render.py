"""``argmap render``: draw a map with Graphviz."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.cli.common import audience_option, exit_codes, load_map, refuse_overwrite
from argmap.cli.render_options import (
    column_options,
    drawing_options,
    embed_options,
    fit_options,
    sheet_options,
)
from argmap.diagram import ENGINES, THEME_NAMES
from argmap.render.options import DPI_RANGE, WIDTH_RANGE

if TYPE_CHECKING:
    from argmap.api import Map


class _Width(click.ParamType):
    """``auto`` (fit the column) or a width in CSS pixels (:data:`WIDTH_RANGE`)."""

    name = "auto|PIXELS"

    def convert(self, value, param, ctx):
        """``None`` for ``auto``, else the width; fails (exit 2) on anything else."""
        if value is None or isinstance(value, int) or value == "auto":
            return None if value in (None, "auto") else value
        try:
            width = int(value)
        except ValueError:
            self.fail(f"{value!r} is neither 'auto' nor a whole number of pixels", param, ctx)
        low, high = WIDTH_RANGE
        if not low <= width <= high:
            self.fail(f"{width} is not between {low} and {high} pixels", param, ctx)
        return width


class _Seconds(click.FloatRange):
    """A number of seconds in the range; ``nan``, which every range check lets
    through, fails too (exit 2)."""

    def convert(self, value, param, ctx):
        """The seconds as a float; fails (exit 2) outside the range or on ``nan``."""
        seconds = super().convert(value, param, ctx)
        if math.isnan(seconds):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return seconds


@click.command(
    epilog=exit_codes(
        {
            0: "every output written",
            1: "with --fail-on-change: an output was new or differed from the file there",
            2: "an invalid map, a bad command line, Graphviz missing or failing, "
            "or an output cannot be written",
            3: "the rendering ran out of time (--layout-timeout)",
        }
    )
)
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    help="Output file (.svg, .png, .pdf, .dot, .html); repeat for several. "
    "Default: output/<map name>.svg",
)
@column_options
@click.option(
    "--theme",
    type=click.Choice(THEME_NAMES),
    default=None,
    help="Diagram theme (default: the map's 'theme:', else default).",
)
@click.option(
    "--direction",
    type=click.Choice(["TB", "LR"]),
    default="TB",
    show_default=True,
    help="TB: thesis at the top; LR: thesis at the left.",
)
@click.option(
    "--wrap",
    type=click.IntRange(10, 200),
    default=None,
    help="Wrap claim text at this many characters (default: the theme's, 24 or 22).",
)
@click.option(
    "--width",
    type=_Width(),
    default="auto",
    show_default=True,
    help="SVG width: 'auto' fills the column (never past natural size), or a width in pixels.",
)
@click.option("--legend/--no-legend", default=True, show_default=True, help="Draw a legend.")
@click.option("--ids/--no-ids", default=True, show_default=True, help="Show claim ids.")
@click.option(
    "--para/--no-para", default=True, show_default=True, help="Show paragraph references."
)
@click.option(
    "--findings/--no-findings",
    default=True,
    show_default=True,
    help="Mark claims that have findings.",
)
@click.option(
    "--focus",
    metavar="ID",
    default=None,
    help="Draw only the claims within --depth relations of this claim.",
)
@click.option(
    "--depth",
    type=click.IntRange(min=0),
    default=None,
    help="Relations around --focus (default 2).",
)
@click.option(
    "--collapse",
    type=click.IntRange(min=0),
    default=None,
    metavar="DEPTH",
    help="Fold claims more than DEPTH levels below the thesis into '+N' boxes.",
)
@click.option(
    "--split",
    is_flag=True,
    help="Write an overview plus one page per branch under the thesis "
    "(<output stem>.<claim id>.<ext>), the overview linking to them.",
)
@click.option(
    "--color-by",
    "color_by",
    type=click.Choice(["kind", "status", "strength"]),
    default="kind",
    show_default=True,
    help="Fill claims by kind, by grounded status (IN/OUT/UNDEC) or DF-QuAD strength.",
)
@click.option(
    "--dpi",
    type=click.IntRange(*DPI_RANGE),
    default=96,
    show_default=True,
    help="Resolution of PNG output.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="dot",
    show_default=True,
    help="Graphviz layout program (sfdp is fastest on huge maps).",
)
@click.option(
    "--id-prefix",
    default=None,
    metavar="NAME",
    help="Prefix of element ids in SVG (default: the map's file name and a digest of its "
    "content and the drawing options, so any two drawings can share a page).",
)
@click.option(
    "--layout-timeout",
    type=_Seconds(min=0, min_open=True, max=86400),
    default=60.0,
    show_default=True,
    help="CPU seconds (argmap's and Graphviz's) the whole rendering may take, after the "
    "map is loaded: checks, DOT, Graphviz, SVG, HTML and every --split page (exit 3 when "
    "exceeded).",
)
@audience_option()
@embed_options
@sheet_options
@fit_options
@click.option(
    "--fail-on-change",
    is_flag=True,
    help="Exit 1 when an output is new or differs from the file already there (a "
    "pre-commit hook: the new or redrawn diagrams are to be committed).",
)
def render(map_path: str, outputs: tuple[str, ...], **options: Any) -> None:
    """Draw a map as a Graphviz diagram (SVG, PNG, PDF, DOT or interactive HTML).

    The format comes from each output's extension. SVG is ready to embed: it
    scales to its column, has a title and a text outline for screen readers,
    tooltips, links for sources with http, https or mailto URLs, and element
    ids prefixed per map. Claims with findings from 'argmap check' are marked
    with a dashed border and a warning badge.

    Example: argmap render maps/two-michaels.yaml --theme classroom -o slide.svg -o slide.png
    """
    from argmap.api.drawing import Drawing

    fail_on_change = options.pop("fail_on_change", False)
    kwargs = drawing_options(options)
    drawing = Drawing.of(**kwargs)  # a bad command line is refused before the map is read
    sheets = drawing.sheet_request() if drawing.sheets else None
    if sheets is not None and outputs:
        sheets.check_outputs(outputs)
    loaded = load_map(map_path)
    name = loaded.model.name
    default = sheets.default_target(name) if sheets else f"output/{name}.svg"
    targets = list(outputs or (str(Path(default)),))
    refuse_overwrite(map_path, targets)
    changed = write_files(drawn(loaded, targets, kwargs), compare=fail_on_change)
    if changed:
        sys.exit(1)


def drawn(loaded: Map, targets: list[str], kwargs: dict[str, Any]) -> list[tuple[str, bytes]]:
    """Every file of the drawing (:func:`argmap.render_files`), in memory; what the
    drawing did without being asked (:class:`~argmap.errors.ArgmapWarning`) is
    said on standard error as ``argmap: warning: …``.

    Raises:
        ArgmapError: from :func:`argmap.render_files`.
    """
    import warnings

    from argmap.api import render_files
    from argmap.errors import ArgmapWarning

    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always", ArgmapWarning)
        try:
            files = list(render_files(loaded, targets, **kwargs).items())
        finally:
            for warning in said:
                if issubclass(warning.category, ArgmapWarning):
                    click.echo(f"argmap: warning: {warning.message}", err=True)
    return files


def write_files(files: list[tuple[str, bytes]], compare: bool = False) -> list[str]:
    """Write the files, all or none, and name each on standard error.

    Returns:
        With ``compare``, the files that were new or held other bytes before
        (``--fail-on-change``); else nothing.
    """
    from argmap.util.files import write_all

    changed = [path for path, data in files if not _holds(path, data)] if compare else []
    write_all(files)
    for path, _ in files:
        click.echo(f"wrote {path}", err=True)
    return changed


def _holds(path: str, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (a FIFO or a device
    is never read: it could block, or be endless)."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as existing:
            return existing.read(len(data) + 1) == data
    except (OSError, ValueError):
        return False
