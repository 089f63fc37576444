"""``argmap worksheet MAP --kind fill|classify|flaw|cards -o sheet.pdf``.

Decisions (documented in ``--help`` and docs/worksheets.md):

* ``-o`` may be given more than once; each file is ``.pdf`` or ``.html``
  (``.htm``), the same worksheet in each (any other extension: exit 2).
  Without ``-o``: ``output/<map>.<kind>.pdf``.
* The answer key is in the PDF's last pages (a page of its own, headed
  "Answer key"); an HTML sheet's key goes to a file beside it
  (``sheet.key.html``: on a screen it would sit right under the students'
  part); ``--key FILE`` writes it to FILE alone instead (``.pdf`` or
  ``.html``), the ``-o`` files then holding only the students' part.
* ``--blank`` goes with ``--kind fill`` only: ``30%``, ``30`` or ``0.3``
  (a bare number up to 1 is a fraction, above 1 a percentage); anything else,
  or more than 100 %, is refused (exit 2).
* ``--seed`` (default 1): the same map, options and seed give the same bytes.
* ``flaw`` asks about the findings of the map's checks (its ``checks:``
  selection or the nearest ``pyproject.toml``'s), which this command runs on
  the map as students see it: the claims' own ``ignore:`` lines are not
  printed, so they are not applied (a claim granted with
  ``ignore: unsupported-claim`` still has no reason on the page).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path, PurePath

import click

from argmap.cli.common import audience_option, checks_for, exit_codes, load, refuse_overwrite
from argmap.errors import UsageError
from argmap.model import ArgumentMap

_SHARE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*")


def blank_share(value: str) -> float:
    """``--blank``'s value as a share in [0, 1]: ``"30%"`` and ``"30"`` → 0.3, ``"0.3"`` → 0.3.

    Raises:
        UsageError: not a number, or more than 100 %.
    """
    match = _SHARE.fullmatch(value)
    if match is None:
        raise UsageError(f"--blank takes a share of the claims, like 30% or 0.3, not {value!r}")
    number = float(match.group(1))
    share = number / 100 if match.group(2) or number > 1 else number
    if share > 1:
        raise UsageError(f"--blank {value}: at most 100% of the claims can be blank")
    return share


@click.command(
    epilog=exit_codes(
        {
            0: "the worksheet was written",
            2: "an invalid map, a bad command line, a claim too long for a page at 11 pt, "
            "a missing program, or a file that cannot be written",
            3: "Graphviz ran out of time",
        }
    )
)
@click.argument("map_path", metavar="MAP", type=click.Path(dir_okay=False))
@click.option(
    "--kind",
    type=click.Choice(["fill", "classify", "flaw", "cards"]),
    required=True,
    help="fill: some boxes empty, a word bank; classify: every box alike, students "
    "write each kind; flaw: questions asking for the map's flaws; cards: the claims as "
    "cut-out cards.",
)
@click.option(
    "--blank",
    default=None,
    metavar="SHARE",
    help="With --kind fill: the share of claims left empty (30%, 30 or 0.3; never the "
    "thesis unless 100%).  [default: 30%]",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Seed of the random choices.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@audience_option("student")
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the worksheet to FILE (.pdf or .html); repeatable.  "
    "[default: output/MAP.KIND.pdf]",
)
@click.option(
    "--key",
    "keys",
    multiple=True,
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the answer key to FILE alone (.pdf or .html); the -o files then hold "
    "only the students' pages.  [default: a PDF's last pages; SHEET.key.html beside "
    "an HTML sheet]",
)
def worksheet(
    map_path: str,
    kind: str,
    blank: str | None,
    seed: int,
    paper: str,
    audience: str,
    outputs: tuple[str, ...],
    keys: tuple[str, ...],
) -> None:
    """Print a worksheet made from a map, its answer key on the last pages
    (an HTML sheet's key in SHEET.key.html beside it).

    All text is 11 pt or larger. The same seed gives the same worksheet.

    Example: argmap worksheet maps/two-michaels.yaml --kind fill --blank 30% -o fill.pdf
    """
    from argmap.render.budget import Deadline
    from argmap.render.sheets.layout import Painter
    from argmap.render.worksheet import WRITES, Settings, jobs, render_worksheet

    if blank is not None and kind != "fill":
        raise UsageError("--blank goes with --kind fill: it says how many boxes to leave empty")
    share = blank_share(blank) if blank is not None else 0.3
    for target in (*outputs, *keys):
        ext = PurePath(target).suffix.lower()
        if ext not in WRITES:
            shown = ext or "a file without extension"
            raise UsageError(f"a worksheet is written as .pdf or .html, not {shown} ({target})")
    amap = load(map_path)
    targets = outputs or (str(Path("output") / f"{amap.name}.{kind}.pdf"),)
    refuse_overwrite(map_path, [path for path, _ in jobs(targets, keys)])
    findings: tuple = ()
    if kind == "flaw":
        from argmap.analysis.checks import run_checks

        findings = tuple(run_checks(as_printed(amap), checks_for(amap, map_path)))
    settings = Settings(kind, share, seed, paper, audience)  # type: ignore[arg-type]
    painter = Painter(Deadline(120.0, sheets=True))
    files = render_worksheet(amap, findings, settings, painter, targets, keys)
    _write(files)


def as_printed(amap: ArgumentMap) -> ArgumentMap:
    """A copy of ``amap`` whose claims have no ``ignore:`` entries: what a
    ``flaw`` sheet's students see, who cannot see which claims the map grants."""
    claims = {cid: replace(c, ignore=frozenset()) for cid, c in amap.claims.items()}
    return replace(amap, claims=claims)


def _write(files: list[tuple[str, bytes]]) -> None:
    """Write every file or none, and name each on standard error.

    Raises:
        UsageError: two outputs are one file.
    """
    import os

    from argmap.util.files import write_all

    seen: set[str] = set()
    for path, _ in files:
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise UsageError(f"two outputs go to {path}: give each output its own name")
        seen.add(key)
    write_all(files)
    for path, _ in files:
        click.echo(f"wrote {path}", err=True)
