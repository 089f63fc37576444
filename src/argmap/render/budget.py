"""One time budget for a whole rendering (``argmap render --layout-timeout``).

A :class:`Deadline` is made once, when the map is loaded, and passed down:
checks and evaluation, page planning, DOT building and writing, Graphviz (given
only the time left) and SVG finishing each look at it between steps and stop
with :class:`~argmap.errors.LayoutTimeout` (exit 3) once it has passed.

The budget counts CPU time, not wall-clock time, so that it means the same on
a busy machine as on an idle one: argmap's own work is the CPU time of the
thread that renders (:func:`time.thread_time`, so concurrent renders in
``argmap serve`` do not eat each other's budget), and Graphviz's is the CPU
time of its process, which :func:`argmap.render.graphviz.run_dot` measures and
charges to the deadline (:meth:`Deadline.charge`).
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
    """A CPU-time budget for a rendering: the moment ``at``, on the clock of CPU
    seconds spent (this thread's, plus Graphviz's as charged), by which it must be done.

    Args:
        seconds: the budget, counted from now (> 0), in CPU seconds.
        sheets: the rendering makes slides or pages: the error, when it runs out,
            advises :data:`SHEET_ADVICE` instead of :data:`PART_ADVICE`.
    """

    def __init__(self, seconds: float, *, sheets: bool = False) -> None:
        self.seconds = seconds
        self.charged = 0.0
        self.at = self.now() + seconds
        self.advice = SHEET_ADVICE if sheets else PART_ADVICE

    def now(self) -> float:
        """The deadline's clock: CPU seconds of this thread plus those charged."""
        return time.thread_time() + self.charged

    def charge(self, seconds: float) -> None:
        """Count ``seconds`` of CPU time spent outside this thread (Graphviz's)."""
        self.charged += max(0.0, seconds)

    def left(self) -> float:
        """CPU seconds left (0.0 once the deadline has passed)."""
        return max(0.0, self.at - self.now())

    def error(self, stage: str) -> LayoutTimeout:
        """The error saying the budget ran out during ``stage`` (``"building the DOT"`` …)."""
        return LayoutTimeout(
            f"the rendering did not finish within {self.seconds:g} s of CPU time "
            f"(stopped while {stage}); " + self.advice
        )

    def check(self, stage: str) -> None:
        """Return if time is left.

        Raises:
            LayoutTimeout: the deadline has passed (:meth:`error` of ``stage``).
        """
        if self.now() >= self.at:
            raise self.error(stage)


def within(deadline: Deadline | None, seconds: float) -> Deadline:
    """``deadline``, or a new one of ``seconds`` when there is none."""
    return deadline if deadline is not None else Deadline(seconds)
