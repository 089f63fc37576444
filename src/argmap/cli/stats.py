"""``argmap stats``: claims per kind, depth of support, answered objections."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from argmap.cli.batch import Outcome, Runner, batch_options, map_files, outcomes, print_outcomes
from argmap.cli.common import (
    exit_codes,
    format_option,
    output_option,
    read_map,
    refuse_overwrite,
    report,
)


@click.command(
    epilog=exit_codes(
        {0: "printed", 2: "an invalid map, a bad command line, or FILE cannot be written"}
    )
)
@click.argument("maps", metavar="MAPS...", nargs=-1, required=True, type=click.Path())
@format_option("text", "json", "jsonl")
@output_option("the figures")
@batch_options
def stats(maps: tuple[str, ...], fmt: str, output: str | None, runner: Runner) -> None:
    """Print the shape of a map: claims per kind, support depth and longest chain
    (cycles collapsed), share of supported claims, objections answered,
    precedents cited.

    MAPS are files or folders (every map file in them); with several, each
    map's text follows a '== FILE' line, --format json is one list, --format
    jsonl one line per map, -j N uses N processes, and the worst exit code
    wins.

    Example: argmap stats maps/two-michaels.yaml --format json
    """
    files = map_files(maps)
    for path in files:
        refuse_overwrite(path, [output] if output else [])
    with outcomes(stats_job, files, fmt, runner) as done:
        code = print_outcomes(done, fmt, output, len(files) > 1)
    sys.exit(code)  # out of the block: leaving it by an exception stops the workers


def stats_job(path: str, fmt: str) -> Outcome:
    """One map's figures: as text, or JSON (``fmt`` json or jsonl), and as a JSON record."""
    from argmap.analysis.stats import map_stats

    loaded = read_map(path)
    data = map_stats(loaded.model)
    text = _text(data) if fmt == "text" else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    said = report(loaded.notes, "text") if loaded.notes else ""
    return Outcome(path, text=text, record={"stats": data}, notes=said)


def _text(data: dict[str, Any]) -> str:
    """The figures of :func:`~argmap.analysis.stats.map_stats`, one per line."""
    lines = [f"claims: {data['claims']}"]
    lines += [f"  {kind:<10} {n}" for kind, n in data["by_kind"].items()]
    lines.append(f"inferences: {data['inferences']} ({data['linked_inferences']} linked)")
    lines.append(f"attacks: {data['attacks']}, undercuts: {data['undercuts']}")
    lines.append(
        f"support depth: {data['support_depth']} "
        f"(longest chain: {' -> '.join(data['longest_chain'])})"
    )
    share = data["supported_share"]
    lines.append(
        f"supported theses/premises/rebuttals: {'n/a' if share is None else f'{share:.0%}'}"
    )
    lines.append(f"objections answered: {data['objections_answered']} of {data['objections']}")
    lines.append(f"precedents cited: {data['precedents']}, evidence: {data['evidence']}")
    return "\n".join(lines) + "\n"
