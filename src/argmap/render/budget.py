"""One time budget for a whole rendering (``argmap render --layout-timeout``).

A :class:`Deadline` is made once, when the map is loaded, and passed down:
checks and evaluation, page planning, DOT building and writing, Graphviz (given
only the time left) and SVG finishing each look at it between steps and stop
with :class:`~argmap.errors.LayoutTimeout` (exit 3) once it has passed.
"""

from __future__ import annotations

import time

from argmap.errors import LayoutTimeout

#: Loops look at the clock once every this many steps.
STRIDE = 256

#: What to do when a diagram runs out of time.
PART_ADVICE = (
    "render part of the map with --focus ID --depth K, --collapse DEPTH or --split, "
    "or raise --layout-timeout"
)
#: The same for slides and printed pages, which cut the map themselves (--split and
#: --collapse are refused with them).
SHEET_ADVICE = (
    "make slides or pages of part of the map with --focus ID --depth K, or raise --layout-timeout"
)


class Deadline:
    """A moment (on :func:`time.monotonic`'s clock) by which a rendering must be done.

    Args:
        seconds: the budget, counted from now (> 0).
        sheets: the rendering makes slides or pages: the error, when it runs out,
            advises :data:`SHEET_ADVICE` instead of :data:`PART_ADVICE`.
    """

    def __init__(self, seconds: float, *, sheets: bool = False) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.advice = SHEET_ADVICE if sheets else PART_ADVICE

    def left(self) -> float:
        """Seconds left (0.0 once the deadline has passed)."""
        return max(0.0, self.at - time.monotonic())

    def error(self, stage: str) -> LayoutTimeout:
        """The error saying the budget ran out during ``stage`` (``"building the DOT"`` …)."""
        return LayoutTimeout(
            f"the rendering did not finish within {self.seconds:g} s (stopped while {stage}); "
            + self.advice
        )

    def check(self, stage: str) -> None:
        """Return if time is left.

        Raises:
            LayoutTimeout: the deadline has passed (:meth:`error` of ``stage``).
        """
        if time.monotonic() >= self.at:
            raise self.error(stage)


def within(deadline: Deadline | None, seconds: float) -> Deadline:
    """``deadline``, or a new one of ``seconds`` when there is none."""
    return deadline if deadline is not None else Deadline(seconds)
