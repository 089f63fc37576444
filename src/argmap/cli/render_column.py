"""``argmap render --layout column``: the options of the column layout and their checks."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import click

from argmap.errors import UsageError
from argmap.render.column.measure import DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH

#: ``--layout``: the whole map as a graph, or the column.
LAYOUTS = ("graph", "column")

F = TypeVar("F", bound=Callable[..., object])


def column_options(command: F) -> F:
    """Add ``--layout`` and ``--column-width`` to a click command (in that order)."""
    command = click.option(
        "--column-width",
        type=click.IntRange(MIN_WIDTH, MAX_WIDTH),
        default=None,
        metavar="PX",
        help=f"Width of the column in CSS pixels for --layout column ({MIN_WIDTH} to "
        f"{MAX_WIDTH}; default {DEFAULT_WIDTH}): the picture's natural width.",
    )(command)
    return click.option(
        "--layout",
        type=click.Choice(LAYOUTS),
        default="graph",
        show_default=True,
        help="graph: the whole map as a graph; column: an outline that grows downward, "
        "as wide as an article column or a phone (text 16 px at 100 %).",
    )(command)


def column_width(
    layout: str, width: int | None, *, engine: str, direction: str, wrap: int | None
) -> int | None:
    """The column width to draw (None: the graph layout).

    Raises:
        UsageError: ``--column-width`` without ``--layout column``, or
            ``--engine``, ``--direction LR`` or ``--wrap`` with it (the column
            places every box and wraps text to its width itself).
    """
    if layout != "column":
        if width is not None:
            raise UsageError("--column-width needs --layout column")
        return None
    if engine != "dot":
        raise UsageError("--engine does not apply to --layout column, which places every box")
    if direction != "TB":
        raise UsageError("--layout column always has the thesis at the top: drop --direction")
    if wrap is not None:
        raise UsageError("--layout column wraps text to the column's width: drop --wrap")
    return DEFAULT_WIDTH if width is None else width
