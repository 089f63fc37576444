"""``argmap render``: draw a map with Graphviz."""

from __future__ import annotations

from pathlib import Path

import click

from argmap.cli import cli, load


@cli.command()
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "outputs", multiple=True,
              help="Output file (.svg, .png, .pdf, .dot, .html); repeat for several. "
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
@click.option("--color-by", "color_by", type=click.Choice(["kind", "status", "strength"]),
              default="kind", show_default=True,
              help="Fill claims by kind, by grounded status (IN/OUT/UNDEC) or DF-QuAD strength.")
@click.option("--dpi", type=click.IntRange(24, 1200), default=96, show_default=True,
              help="Resolution of PNG output.")  # fmt: skip
@click.option("--layout-timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, help="Seconds Graphviz may take before argmap gives up (exit 3).")
def render(map_path: str, outputs: tuple[str, ...], direction: str, wrap: int, legend: bool,
           ids: bool, para: bool, findings: bool, color_by: str, dpi: int,
           layout_timeout: float) -> None:  # fmt: skip
    """Draw a map as a Graphviz diagram (SVG, PNG, PDF, DOT or interactive HTML).

    The format comes from each output's extension. Claims with findings from
    'argmap check' are marked with a dashed red border and a warning badge.
    An .html output is one self-contained page: the diagram with pan, zoom,
    highlighting and a kind filter, the findings and an outline of the claims.

    Example: argmap render maps/two-michaels.yaml -o output/two-michaels.svg -o out.png
    """
    from argmap.checks import run_checks
    from argmap.render.dot import RenderOptions, to_dot
    from argmap.render.output import clean_svg, format_for, run_dot, write_atomic

    amap = load(map_path)
    targets = outputs or (str(Path("output") / f"{amap.name}.svg"),)
    formats = [format_for(t) for t in targets]
    fills, badges = _colouring(amap, color_by)
    opts = RenderOptions(direction=direction, wrap=wrap, legend=legend, show_ids=ids,
                         show_para=para, show_findings=findings, fills=fills, badges=badges)  # fmt: skip
    found = run_checks(amap) if findings else ()
    dot_text = to_dot(amap, found, opts)
    for target, fmt in zip(targets, formats):
        if fmt == "dot":
            data = dot_text.encode("utf-8")
        elif fmt == "html":
            from argmap.render.html import render_html

            data = render_html(amap, found, opts, timeout=layout_timeout)
        else:
            data = run_dot(dot_text, fmt, timeout=layout_timeout, dpi=dpi)
            data = clean_svg(data) if fmt == "svg" else data
        write_atomic(target, data)
        click.echo(f"wrote {target}", err=True)




def _colouring(amap, color_by: str) -> tuple[dict[str, str], dict[str, str]]:
    """Fills and caption badges for ``--color-by status|strength`` (empty for kind)."""
    if color_by == "kind":
        return {}, {}
    from argmap.evaluate import evaluate
    from argmap.render.style import STATUS_FILLS, strength_fill

    result = evaluate(amap)
    if color_by == "status":
        return ({c: STATUS_FILLS[lab] for c, lab in result.labelling.items()},
                dict(result.labelling))  # fmt: skip
    return ({c: strength_fill(v) for c, v in result.strength.items()},
            {c: "n/a" if v is None else f"{v:.2f}" for c, v in result.strength.items()})
