"""``argmap render --slides | --paper a4|letter [--landscape] | --handout``.

Options and checks for drawing a map on slides or printed pages
(:mod:`argmap.render.sheets`); :mod:`argmap.cli.render` applies the options
and hands such requests to :func:`draw_sheets`.

Decisions (documented in ``argmap render --help`` and the README):

* ``--slides`` writes ``.pdf`` (one 16:9 page per slide), ``.html`` (an
  offline presentation) or ``.svg`` (``deck.svg`` → ``deck.1.svg``,
  ``deck.2.svg`` …); ``--paper`` and ``--handout`` write ``.pdf``. Any other
  extension is refused (exit 2), naming the option and what it writes.
* ``--handout`` alone prints on A4 (``--paper letter`` for Letter).
* ``--landscape`` needs ``--paper`` or ``--handout``; ``--slides`` goes with
  neither.
* ``--focus ID [--depth K]`` works with all three: the sheets show that
  neighbourhood. ``--split`` and ``--collapse`` are refused: the sheets cut
  the map into parts themselves, and show every claim.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import click

from argmap.errors import UsageError

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.budget import Deadline
    from argmap.render.dot import RenderOptions
    from argmap.render.pages import PagePlan

#: What each option writes, by file extension.
WRITES = {"--slides": (".pdf", ".html", ".htm", ".svg"), "--paper": (".pdf",)}


@dataclass(frozen=True)
class SheetRequest:
    """What the sheet options of one command line ask for.

    Attributes:
        slides: ``--slides``.
        paper: ``"a4"`` or ``"letter"`` for ``--paper`` or ``--handout``, else None.
        landscape: ``--landscape``.
        handout: ``--handout``.
    """

    slides: bool = False
    paper: str | None = None
    landscape: bool = False
    handout: bool = False

    @property
    def option(self) -> str:
        """The option the outputs are checked against: ``--slides`` or ``--paper``."""
        return "--slides" if self.slides else "--paper"


def sheet_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add ``--slides``, ``--paper``, ``--landscape`` and ``--handout`` to a click command."""
    options = [
        click.option(
            "--slides",
            is_flag=True,
            help="Draw the map as slides: a title, an overview, then one slide per line "
            "of argument (16:9; .pdf, .html presentation, or .svg written as "
            "NAME.1.svg, NAME.2.svg …).",
        ),
        click.option(
            "--paper",
            type=click.Choice(["a4", "letter"]),
            default=None,
            help="Draw the map on printed pages of this size (.pdf): an overview, then "
            "each line of argument, with page references.",
        ),
        click.option(
            "--landscape", is_flag=True, help="Turn the --paper or --handout pages sideways."
        ),
        click.option(
            "--handout",
            is_flag=True,
            help="One page (more when needed): the overview and the argument as a "
            "numbered outline (.pdf; A4 unless --paper letter).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def sheet_request(options: dict[str, Any]) -> SheetRequest | None:
    """Take the sheet options out of click's ``options`` (the rest stay); None when
    none of them was given.

    Raises:
        UsageError: options that do not go together.
    """
    slides, paper = options.pop("slides", False), options.pop("paper", None)
    landscape, handout = options.pop("landscape", False), options.pop("handout", False)
    if slides and (paper or handout):
        raise UsageError("--slides draws slides; --paper and --handout draw pages: choose one")
    if landscape and not (paper or handout):
        raise UsageError(
            "--landscape turns printed pages: use it with --paper a4|letter or --handout"
        )
    if not (slides or paper or handout):
        return None
    return SheetRequest(slides, paper or ("a4" if handout else None), landscape, handout)


def check_sheets(
    sheet: SheetRequest, targets: Sequence[str], split: bool, collapse: int | None
) -> None:
    """Refuse outputs and options the sheets cannot serve.

    Raises:
        UsageError: an output extension the option does not write; --split or --collapse.
    """
    what = "--slides" if sheet.slides else "--handout" if sheet.handout else "--paper"
    for other, given in (("--split", split), ("--collapse", collapse is not None)):
        if given:
            raise UsageError(
                f"{what} cuts the map into parts itself and shows every claim: leave out {other}"
            )
    allowed = WRITES[sheet.option]
    for target in targets:
        ext = PurePath(target).suffix.lower()
        if ext not in allowed:
            shown = ext or "a file without extension"
            raise UsageError(f"{what} writes {', '.join(allowed)} files, not {shown} ({target})")


def default_target(name: str, sheet: SheetRequest) -> str:
    """``output/<name>.slides.pdf``, ``output/<name>.a4.pdf`` or ``output/<name>.handout.pdf``."""
    kind = "slides" if sheet.slides else "handout" if sheet.handout else sheet.paper or "a4"
    return str(PurePath("output") / f"{name}.{kind}.pdf")


def draw_sheets(
    amap: ArgumentMap,
    findings: Sequence[Finding],
    opts: RenderOptions,
    targets: Sequence[str],
    sheet: SheetRequest,
    *,
    map_id: str | None,
    engine: str,
    timeout: float,
    deadline: Deadline,
) -> list[tuple[str, bytes]]:
    """Every file of every target, drawn before any is written. A slide or page
    that had to be drawn too small to read (one claim or reason too big for it) is
    named in a warning on standard error; the files are still written (exit 0).

    Raises:
        GraphvizNotFound, RenderError: Graphviz is missing or fails.
        LayoutTimeout: the deadline passed.
    """
    from argmap.render.sheets import Painter, render_pages, render_slides

    painter = Painter(deadline, engine, timeout)
    base_id = map_id if map_id is not None else amap.name
    done: list[tuple[str, bytes]] = []
    notes: list[str] = []
    for target in targets:
        if sheet.slides:
            done += render_slides(amap, tuple(findings), opts, painter, target, base_id, notes)
        else:
            assert sheet.paper is not None
            data = render_pages(
                amap,
                tuple(findings),
                opts,
                painter,
                sheet.paper,
                sheet.landscape,
                sheet.handout,
                notes,
            )
            done.append((target, data))
    for note in dict.fromkeys(notes):
        click.echo(f"argmap: warning: {note}", err=True)
    return done


def draw_planned(
    drawing: tuple[ArgumentMap, list[Finding], RenderOptions, PagePlan],
    targets: list[str],
    sheet: SheetRequest,
    map_id: str,
    req: Any,
    deadline: Deadline,
) -> list[tuple[str, bytes]]:
    """The slides or pages of a map, or of its --focus neighbourhood when ``drawing``'s
    plan asks for one: ``drawing`` is (map, findings, options, page plan); ``req``
    gives ``engine`` and ``layout_timeout`` (the render command's request).

    Raises:
        UsageError: the focus names no claim.
        GraphvizNotFound, RenderError, LayoutTimeout: from the drawing.
    """
    from argmap.render.pages import plan_pages

    amap, found, opts, plan = drawing
    page = plan_pages(amap, opts, plan, targets[0], map_id, deadline)[0]
    return draw_sheets(
        page.amap,
        found,
        page.opts,
        targets,
        sheet,
        map_id=map_id,
        engine=req.engine,
        timeout=req.layout_timeout,
        deadline=deadline,
    )
