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


class Deadline:
    """A moment (on :func:`time.monotonic`'s clock) by which a rendering must be done.

    Args:
        seconds: the budget, counted from now (> 0).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left (0.0 once the deadline has passed)."""
        return max(0.0, self.at - time.monotonic())

    def error(self, stage: str) -> LayoutTimeout:
        """The error saying the budget ran out during ``stage`` (``"building the DOT"`` …)."""
        return LayoutTimeout(
            f"the rendering did not finish within {self.seconds:g} s (stopped while {stage}); "
            "render part of the map with --focus ID --depth K, --collapse DEPTH or --split, "
            "or raise --layout-timeout"
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
