"""``argmap convert``: read a map in one format, write it in another."""

from __future__ import annotations

import sys

import click

from argmap.cli.common import (
    EXIT_INVALID,
    chosen_findings,
    exit_codes,
    format_option,
    refuse_overwrite,
    report,
    select_options,
    split_list,
    to_stdout,
)
from argmap.errors import MapLoadError, UsageError
from argmap.findings import Finding

_NAMES = ["argmap", "json", "aif", "sadface", "argdown", "argdown-md", "kialo", "graphml"]
_NAMES += ["mermaid", "arggraph", "dsanson", "carneades", "apx", "tgf", "iccma"]


@click.command(
    epilog=exit_codes(
        {
            0: "converted (warnings included)",
            2: "an invalid input (nothing is written), a bad command line, "
            "or OUT cannot be written",
        }
    )
)
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
@format_option("text", "json", "sarif", "github")
@select_options("findings", "report")
def convert(
    source: str,
    target: str,
    from_format: str | None,
    to_format: str | None,
    fmt: str,
    select: str,
    ignore: str,
) -> None:
    """Convert an argument map between formats.

    Reads argmap YAML (.yaml), argmap JSON (.json), AIF JSON (.aif.json, or
    .json holding AIF), Argdown (.argdown, .ad, and .md files with fenced
    argdown blocks) and Kialo text exports (.txt starting with 'Discussion
    Title:'); writes all of these but Kialo and Markdown, plus GraphML
    (.graphml) and Mermaid (.mmd). Also reads GraphML (argmap's, also after a
    yEd edit), the microtext corpus's arggraph XML (.arggraph.xml, or .xml
    holding <arggraph>) and dsanson/argmap YAML maps (.yaml, by content).
    OUT '-' writes to standard output.

    What the input leaves unclear (AM001 import-note) and what the output
    format cannot hold (AM002 export-loss) are warnings, reported on standard
    error as 'argmap check' reports findings (--format, --select, --ignore);
    the exit code is still 0. With --format json, sarif or github, standard
    error holds the report alone.

    Example: argmap convert maps/two-michaels.yaml output/two-michaels.mmd
    """
    names = split_list(select) + split_list(ignore)
    if names:  # a typo is a usage error, before any work
        from argmap.analysis.checks import resolve

        resolve(names)
    refuse_overwrite(source, [target])
    if target == "-" and to_format is None:
        raise UsageError("writing to standard output ('-') needs --to FORMAT")
    try:
        text, found = _converted(source, target, from_format, to_format)
    except MapLoadError as exc:
        click.echo(report(exc.findings, fmt), err=True, nl=False)
        sys.exit(EXIT_INVALID)
    found = chosen_findings(found, select, ignore)
    if found or fmt in ("json", "sarif"):
        click.echo(report(found, fmt), err=True, nl=False)
    _write(target, text, announce=fmt == "text")


def _converted(
    source: str, target: str, from_format: str | None, to_format: str | None
) -> tuple[str, list[Finding]]:
    """The converted text, and the reader's notes plus what the output format lost.

    Raises:
        MapLoadError: the input is invalid.
        UsageError: a format cannot be told, read or written.
    """
    from argmap.io.exchange import losses
    from argmap.io.formats import output_format, read_input, writer

    out_format = to_format or output_format(target)
    write = writer(out_format)
    _, imported = read_input(source, from_format)
    exported = write(imported.map)
    return exported.text, [*imported.notes, *losses(imported.map, exported, out_format, source)]


def _write(target: str, text: str, announce: bool) -> None:
    """Write the converted map to ``target`` atomically (``-``: standard output)."""
    from argmap.util.files import write_atomic

    if target == "-":
        to_stdout(text)
        return
    write_atomic(target, text.encode("utf-8"))
    if announce:
        click.echo(f"wrote {target}", err=True)
