"""``argmap convert``: read a map in one format, write it in another."""

from __future__ import annotations

import dataclasses
import os
import sys

import click

from argmap.cli.batch import Outcome, Runner, batch_options
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
@click.argument("paths", metavar="IN OUT | MAPS...", nargs=-1, required=True, type=click.Path())
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
    help="Format of OUT (default: from its name); needed when OUT is '-' and with --outdir.",
)
@click.option(
    "--outdir",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Convert every map of MAPS (files and folders) to DIR/<map name>.<ending of --to>.",
)
@format_option("text", "json", "sarif", "github", "jsonl")
@select_options("findings", "report")
@batch_options
def convert(
    paths: tuple[str, ...],
    from_format: str | None,
    to_format: str | None,
    outdir: str | None,
    fmt: str,
    select: str,
    ignore: str,
    runner: Runner,
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

    MAPS... --outdir DIR --to FORMAT converts many maps (files, folders of
    them) to DIR/<map name>.<ending>; every map is converted even when one
    fails, and the worst exit code wins (-j N: N processes; --format jsonl:
    one line per map on standard output, {"file", "exit", "wrote",
    "findings"}).

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
    if outdir is not None:
        sys.exit(
            _convert_many(paths, outdir, (from_format, to_format, select, ignore, fmt), runner)
        )
    if runner != Runner() or fmt == "jsonl":
        raise UsageError("-j, --executor and --format jsonl convert many maps: add --outdir DIR")
    if len(paths) != 2 or os.path.isdir(paths[1]):
        raise UsageError("give IN OUT, or maps and --outdir DIR --to FORMAT")
    _convert_one(paths[0], paths[1], from_format, to_format, (fmt, select, ignore))


def _convert_one(
    source: str,
    target: str,
    from_format: str | None,
    to_format: str | None,
    report_as: tuple[str, str, str],
) -> None:
    """``argmap convert IN OUT``; ``report_as`` is ``(format, select, ignore)``."""
    fmt, select, ignore = report_as
    refuse_overwrite(source, [target])
    if target == "-" and to_format is None:
        raise UsageError("writing to standard output ('-') needs --to FORMAT")
    try:
        text, found = converted(source, target, from_format, to_format)
    except MapLoadError as exc:
        click.echo(report(exc.findings, fmt), err=True, nl=False)
        sys.exit(EXIT_INVALID)
    found = chosen_findings(found, select, ignore)
    if found or fmt in ("json", "sarif"):
        click.echo(report(found, fmt), err=True, nl=False)
    _write(target, text, announce=fmt == "text")


def converted(
    source: str, target: str, from_format: str | None, to_format: str | None
) -> tuple[str, list[Finding]]:
    """The converted text, and the reader's notes plus what the output format lost.

    Raises:
        MapLoadError: the input is invalid.
        UsageError: a format cannot be told, read or written.
    """
    from argmap.api import export, load
    from argmap.io.exchange import losses
    from argmap.io.formats import output_format, writer

    out_format = to_format or output_format(target)
    writer(out_format)  # a format argmap only reads is refused before the map is read
    loaded = load(source, from_format)
    exported = export(loaded, out_format)
    return exported.text, [*loaded.notes, *losses(loaded.model, exported, out_format, source)]


def _write(target: str, text: str, announce: bool) -> None:
    """Write the converted map to ``target`` atomically (``-``: standard output)."""
    from argmap.util.files import write_atomic

    if target == "-":
        to_stdout(text)
        return
    write_atomic(target, text.encode("utf-8"))
    if announce:
        click.echo(f"wrote {target}", err=True)


def _convert_many(paths: tuple[str, ...], outdir: str, params: tuple, runner: Runner) -> int:
    """Convert every map of ``paths`` into ``outdir``; the worst exit code.

    ``params``: ``(from, to, select, ignore, report format)``.

    Raises:
        UsageError: no --to, a format argmap does not write, or two maps with one name.
    """
    from argmap.cli.batch import map_files, outcomes, outputs_for, say, write_outcomes
    from argmap.io.formats import FORMATS, writer

    from_format, to_format, select, ignore, fmt = params
    if to_format is None:
        raise UsageError("--outdir needs --to FORMAT: the format every map is written in")
    writer(to_format)  # one that argmap writes
    files = map_files(paths)
    outputs_for(files, outdir, "", FORMATS[to_format].extensions[:1])
    found: list[Finding] = []

    def seen(outcome: Outcome) -> Outcome:
        found.extend(outcome.findings)
        return outcome

    def write(outcome: Outcome) -> Outcome:
        if fmt == "text":
            say(report(outcome.findings, "text") if outcome.findings else "")
        write_all(outcome.files)
        if fmt == "text":
            say("".join(f"wrote {path}\n" for path, _ in outcome.files))
        return dataclasses.replace(outcome, files=[])

    from argmap.util.files import write_all

    ending = FORMATS[to_format].extensions[0]
    job_params = (from_format, to_format, select, ignore, outdir, ending, fmt)
    with outcomes(convert_job, files, job_params, runner) as done:
        code = write_outcomes((seen(outcome) for outcome in done), fmt, write)
    if fmt in ("json", "sarif", "github") and (found or fmt != "github"):
        click.echo(report(found, fmt), err=True, nl=False)
    return code


def convert_job(path: str, params: tuple) -> Outcome:
    """One map converted: the file to write, and the findings chosen; an invalid map's
    findings with exit 2 (as text in its error, unless the report format is one report
    for all maps). ``params``: ``(from, to, select, ignore, outdir, ending, format)``."""
    from argmap.cli.batch import name_of

    from_format, to_format, select, ignore, outdir, ending, fmt = params
    target = os.path.join(outdir, name_of(path) + ending)
    refuse_overwrite(path, [target])
    try:
        text, found = converted(path, target, from_format, to_format)
    except MapLoadError as exc:
        found = list(exc.findings)
        message = report(found, "text") if fmt in ("text", "jsonl") else ""
        return Outcome(path, EXIT_INVALID, error=message, findings=found, record=_record(found))
    found = chosen_findings(found, select, ignore)
    record = {"wrote": [target], **_record(found)}
    return Outcome(path, files=[(target, text.encode("utf-8"))], findings=found, record=record)


def _record(found: list[Finding]) -> dict[str, list]:
    return {"findings": [f.as_dict() for f in found]}
