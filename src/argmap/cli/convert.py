"""``argmap convert``: read a map in one format, write it in another."""

from __future__ import annotations

import click

from argmap.cli.common import refuse_overwrite
from argmap.errors import UsageError

_NAMES = ["argmap", "json", "aif", "argdown", "kialo", "graphml", "mermaid"]


@click.command()
@click.argument("source", metavar="IN", type=click.Path(dir_okay=False))
@click.argument("target", metavar="OUT", type=click.Path(dir_okay=False, allow_dash=True))
@click.option(
    "--from",
    "from_format",
    type=click.Choice(_NAMES),
    help="Format of IN (default: from its name and content).",
)
@click.option(
    "--to",
    "to_format",
    type=click.Choice(_NAMES),
    help="Format of OUT (default: from its name); needed when OUT is '-'.",
)
def convert(source: str, target: str, from_format: str | None, to_format: str | None) -> None:
    """Convert an argument map between formats.

    Reads argmap YAML (.yaml), argmap JSON (.json), AIF JSON (.aif.json, or
    .json holding AIF), Argdown (.argdown, .ad) and Kialo text exports (.txt
    starting with 'Discussion Title:'); writes all of these but Kialo, plus
    GraphML (.graphml) and Mermaid (.mmd). OUT '-' writes to standard output.
    What the input leaves unclear and what the output format cannot hold is
    reported as warnings on standard error; the exit code is still 0.
    Exit 2: an invalid input (with file, line and column) or a bad command line.

    Example: argmap convert maps/two-michaels.yaml output/two-michaels.mmd
    """
    from argmap.io.formats import output_format, read_input, writer
    from argmap.util.files import write_atomic

    refuse_overwrite(source, [target])
    if target == "-" and to_format is None:
        raise UsageError("writing to standard output ('-') needs --to FORMAT")
    out_format = to_format or output_format(target)
    write = writer(out_format)
    _, imported = read_input(source, from_format)
    for note in imported.notes:
        click.echo(note.format_text(), err=True)
    exported = write(imported.map)
    if exported.lost:
        click.echo(
            f"argmap: warning: {out_format} cannot hold everything; left out: "
            + "; ".join(exported.lost),
            err=True,
        )
    if target == "-":
        click.echo(exported.text, nl=False)
        return
    write_atomic(target, exported.text.encode("utf-8"))
    click.echo(f"wrote {target}", err=True)
