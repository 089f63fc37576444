"""``argmap render``: draw a map with Graphviz."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from argmap.cli.common import audience_option, checks_for, exit_codes, load, refuse_overwrite
from argmap.cli.render_column import column_options, column_width
from argmap.cli.render_embed import EmbedRequest, embed_options, status_legend, strength_legend
from argmap.cli.render_fit import Fit, Job, fit_options
from argmap.cli.render_sheets import SheetRequest, sheet_options, sheet_request
from argmap.diagram import THEME_NAMES
from argmap.render.options import DPI_RANGE, WIDTH_RANGE

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.dot import RenderOptions

ENGINES = ("dot", "neato", "fdp", "sfdp", "twopi", "circo")


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
def render(map_path: str, outputs: tuple[str, ...], **options: Any) -> None:
    """Draw a map as a Graphviz diagram (SVG, PNG, PDF, DOT or interactive HTML).

    The format comes from each output's extension. SVG is ready to embed: it
    scales to its column, has a title and a text outline for screen readers,
    tooltips, links for sources with http, https or mailto URLs, and element
    ids prefixed per map. Claims with findings from 'argmap check' are marked
    with a dashed border and a warning badge.

    Example: argmap render maps/two-michaels.yaml --theme classroom -o slide.svg -o slide.png
    """
    from argmap.cli.render_sheets import check_sheets, default_target
    from argmap.errors import UsageError
    from argmap.render.outputs import format_for

    extra = EmbedRequest.take(options)
    fit = Fit.take(options)
    sheet = sheet_request(options)
    req = _Request(**options)
    _column(req)
    if req.depth is not None and req.focus is None:
        raise UsageError("--depth needs --focus ID: the claim to draw the neighbourhood of")
    if sheet is not None:
        check_sheets(sheet, outputs, req.split, req.collapse)
    amap = load(map_path)
    default = (
        default_target(amap.name, sheet) if sheet else str(Path("output") / f"{amap.name}.svg")
    )
    targets = outputs or (default,)
    refuse_overwrite(map_path, targets)
    formats = [format_for(t) for t in targets]
    extra.check(formats)
    if sheet is not None and (extra.embed or req.layout != "graph"):
        raise UsageError(
            f"{sheet.option} draws its own layout: leave out "
            + ("--embed" if extra.embed else "--layout column")
        )
    _write(_draw(amap, map_path, list(zip(targets, formats, strict=True)), req, extra, sheet, fit))


@dataclass(frozen=True)
class _Request:
    """The diagram options of one ``argmap render`` command line, as click parsed them."""

    theme: str | None
    direction: str
    wrap: int | None
    width: int | None
    legend: bool
    ids: bool
    para: bool
    findings: bool
    focus: str | None
    depth: int | None
    collapse: int | None
    split: bool
    color_by: str
    dpi: int
    engine: str
    id_prefix: str | None
    layout_timeout: float
    layout: str = "graph"
    column_width: int | None = None
    audience: str = "expert"


def _column(req: _Request) -> int | None:
    """The column width of ``--layout column`` (None: the graph); see :func:`column_width`."""
    return column_width(
        req.layout, req.column_width, engine=req.engine, direction=req.direction, wrap=req.wrap
    )


def _render_options(amap: ArgumentMap, req: _Request, colour: bool = True) -> RenderOptions:
    """What the diagram shows: theme (command line, else the map's), labels, colouring
    (``--color-by``, unless ``colour`` is false: a what-if colours the claims itself)."""
    from argmap.render.dot import RenderOptions
    from argmap.render.style import THEMES

    fills, badges, fill_legend = _colouring(amap, req.color_by if colour else "kind")
    return RenderOptions(
        theme=THEMES[req.theme or amap.theme or "default"],
        direction=req.direction,
        wrap=req.wrap,
        legend=req.legend,
        show_ids=req.ids,
        show_para=req.para,
        show_findings=req.findings,
        width=req.width,
        fills=fills,
        badges=badges,
        fill_legend=fill_legend,
        audience=req.audience,
    )


def _draw(
    amap: ArgumentMap,
    map_path: str,
    targets: list[tuple[str, str]],
    req: _Request,
    extra: EmbedRequest | None = None,
    sheet: SheetRequest | None = None,
    fit: Fit | None = None,
) -> list[tuple[str, bytes]]:
    """Every page of every ``(output file, format)``, drawn before any file is written.

    A map too large for one diagram in time is drawn as an overview and pages,
    a dense one with the spread layout, unless ``fit`` says otherwise
    (:mod:`argmap.cli.render_fit`).

    Raises:
        UsageError: a focus that names no claim.
        GraphvizNotFound, RenderError: Graphviz is missing or fails.
        LayoutTimeout: the rendering ran past --layout-timeout (one budget for every page).
    """
    from argmap.cli.render_sheets import draw_planned
    from argmap.render.budget import Deadline
    from argmap.render.pages import PagePlan

    deadline, extra = Deadline(req.layout_timeout, sheets=bool(sheet)), extra or EmbedRequest()
    opts = extra.apply(amap, _render_options(amap, req, not extra.what_if), req.color_by)
    deadline.check("evaluating the claims")
    found = _findings(amap, map_path) if req.findings else []
    map_id = extra.map_id(amap, req.id_prefix, found)
    plan = PagePlan(req.focus, 2 if req.depth is None else req.depth, req.collapse, req.split)
    deadline.check("checking the map")
    if sheet is not None:
        return draw_planned(
            (amap, found, opts, plan), [t for t, _ in targets], sheet, map_id, req, deadline
        )
    fit = (fit or Fit()) if req.layout == "graph" else Fit(whole=True, engine_given=True)
    laid_out = any(fmt != "dot" for _, fmt in targets)  # .dot alone runs no layout
    engine = fit.engine(amap, req.engine, map_path) if laid_out else req.engine
    if engine != req.engine:  # the spread layout: no clusters, so no legend's frame
        opts = replace(opts, legend=False)
    job = Job(amap, found, map_id, extra, req.layout_timeout, req.dpi, engine, _column(req))
    return fit.draw(job, map_path, targets, (opts, plan), deadline)


def _findings(amap: ArgumentMap, map_path: str) -> list[Finding]:
    """What ``argmap check`` finds on the map, to mark on the diagram (the checks,
    and networkx with them, are imported only when the findings are drawn)."""
    from argmap.analysis.checks import run_checks

    return run_checks(amap, checks_for(amap, map_path))


def _write(files: list[tuple[str, bytes]]) -> None:
    """Write the files, all or none, and name each on standard error.

    Raises:
        UsageError: two of them are one file (a repeated ``-o``, or a ``--split``
            page named like another output), so one would silently replace the other.
    """
    import os

    from argmap.errors import UsageError
    from argmap.util.files import write_all

    seen: dict[str, str] = {}
    for path, _ in files:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            both = path if seen[key] == path else f"{seen[key]} and {path}"
            raise UsageError(
                f"two outputs go to {both}: the second would replace the first "
                "(a repeated -o, or a --split page named like another output); "
                "give each output its own name"
            )
        seen[key] = path
    write_all(files)
    for path, _ in files:
        click.echo(f"wrote {path}", err=True)


def _colouring(
    amap: ArgumentMap, color_by: str
) -> tuple[dict[str, str], dict[str, str], tuple[tuple[str, str], ...]]:
    """Fills, caption badges and legend rows for ``--color-by status|strength``."""
    if color_by == "kind":
        return {}, {}, ()
    from argmap.analysis.evaluate import evaluate
    from argmap.render.style import STATUS_FILLS, strength_fill

    result = evaluate(amap)
    if color_by == "status":
        return (
            {c: STATUS_FILLS[lab] for c, lab in result.labelling.items()},
            dict(result.labelling),
            status_legend(result.reading.semantics),
        )
    return (
        {c: strength_fill(v) for c, v in result.strength.items()},
        {c: "n/a" if v is None else f"{v:.2f}" for c, v in result.strength.items()},
        strength_legend(),
    )
