"""``argmap render`` options beyond the basic ones: the column layout, ``--embed``
and the what-if, the slides and printed pages, and maps too large for one diagram.

Each reaches :func:`argmap.render_files` as the keyword argument of its name
(:func:`drawing_options`); what each does is documented there and in
:mod:`argmap.api.drawing`, :mod:`argmap.api.whatif`, :mod:`argmap.api.sheets` and
:mod:`argmap.api.fit`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click
from click.core import ParameterSource

from argmap.render.column.measure import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH

F = TypeVar("F", bound=Callable[..., Any])


def _add(command: F, options: list[Callable[[F], F]]) -> F:
    """``command`` with ``options``, listed in ``--help`` in this order."""
    for option in reversed(options):
        command = option(command)
    return command


def column_options(command: F) -> F:
    """Add ``--layout`` and ``--column-width`` to a click command (in that order)."""
    return _add(
        command,
        [
            click.option(
                "--layout",
                type=click.Choice(("graph", "column")),
                default="graph",
                show_default=True,
                help="graph: the whole map as a graph; column: an outline that grows "
                "downward, as wide as an article column or a phone (text 16 px at 100 %).",
            ),
            click.option(
                "--column-width",
                type=click.IntRange(MIN_WIDTH, MAX_WIDTH),
                default=None,
                metavar="PX",
                help=f"Width of the column in CSS pixels for --layout column ({MIN_WIDTH} to "
                f"{MAX_WIDTH}; default {DEFAULT_WIDTH}): the picture's natural width.",
            ),
        ],
    )


def embed_options(command: F) -> F:
    """Add ``--embed``, ``--accept ID`` and ``--reject ID`` to a command."""
    return _add(
        command,
        [
            click.option(
                "--embed",
                is_flag=True,
                help="HTML output for an <iframe>: the diagram fills the frame, no header "
                "or side panel; a click or Enter on a claim shows its details.",
            ),
            click.option(
                "--accept",
                multiple=True,
                metavar="ID",
                help="What if this claim is granted? Claims are coloured by the status "
                "that follows (as 'argmap evaluate --accept'). Repeatable, or P1,P2.",
            ),
            click.option(
                "--reject",
                multiple=True,
                metavar="ID",
                help="What if this claim is denied? (as 'argmap evaluate --reject'). Repeatable, "
                "or P1,P2.",
            ),
        ],
    )


def sheet_options(command: F) -> F:
    """Add ``--slides``, ``--paper``, ``--landscape`` and ``--handout`` to a click command."""
    return _add(
        command,
        [
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
        ],
    )


def fit_options(command: F) -> F:
    """Add ``--whole`` and ``--page-claims N`` to a command."""
    return _add(
        command,
        [
            click.option(
                "--whole",
                is_flag=True,
                help="One diagram however long it takes: no overview and pages when the "
                "layout would run past --layout-timeout (exit 3 when it does).",
            ),
            click.option(
                "--page-claims",
                type=click.IntRange(2, 100000),
                default=300,
                show_default=True,
                metavar="N",
                help="Claims per page when a map too large for one diagram is drawn as an "
                "overview and pages.",
            ),
        ],
    )


def drawing_options(options: dict[str, Any]) -> dict[str, Any]:
    """The keyword arguments of :func:`argmap.render_files` for click's ``options``:
    ``--layout-timeout`` is ``timeout``, and ``engine`` is None unless ``--engine``
    was on the command line (a dense map then gets the spread layout).

    Raises:
        UsageError: ``--column-width`` without ``--layout column``.
    """
    from argmap.errors import UsageError

    if options["column_width"] is not None and options["layout"] != "column":
        raise UsageError("--column-width needs --layout column")
    ctx = click.get_current_context(silent=True)
    given = ctx is not None and ctx.get_parameter_source("engine") is ParameterSource.COMMANDLINE
    drawing = {k: v for k, v in options.items() if k != "layout_timeout"}
    drawing["timeout"] = options["layout_timeout"]
    drawing["engine"] = options["engine"] if given else None
    return drawing
