"""Drawing a map too large or too dense for one ``dot`` diagram.

Two things happen without being asked, each said in an
:class:`~argmap.errors.ArgmapWarning`:

* a **dense** map (at least :data:`~argmap.render.cost.DENSE` relations per
  claim, e.g. a Dung framework with many attacks) is laid out with
  :data:`~argmap.render.cost.SPREAD` (no box overlaps another, straight lines)
  unless the drawing names an ``engine``;
* a map whose diagram is predicted to take longer than the time budget
  (:func:`~argmap.render.cost.too_slow`), or whose layout runs out of time, is
  drawn as an overview and pages of at most ``page_claims`` claims
  (:mod:`argmap.render.fallback`). After a layout that ran out of time the
  pages get a budget of their own, so the worst case takes twice ``timeout``.
  ``whole`` insists on one diagram (:class:`~argmap.errors.LayoutTimeout` when
  it runs out of time).

The column layout is always one drawing, laid out by argmap itself.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from argmap.errors import ArgmapWarning

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.budget import Deadline
    from argmap.render.fallback import Fallback
    from argmap.render.options import RenderOptions
    from argmap.render.pages import Page, PagePlan


class Asked(Protocol):
    """The options of a drawing the pages need: what
    :class:`argmap.api.drawing.Drawing` has (a protocol, so this module need not
    import the one that imports it)."""

    @property
    def accept(self) -> tuple[str, ...]: ...
    @property
    def reject(self) -> tuple[str, ...]: ...
    @property
    def embed(self) -> bool: ...
    @property
    def engine(self) -> str | None: ...
    @property
    def dpi(self) -> int: ...
    @property
    def timeout(self) -> float: ...
    @property
    def whole(self) -> bool: ...
    @property
    def page_claims(self) -> int: ...


@dataclass(frozen=True)
class Job:
    """What every page of one drawing shares.

    Attributes:
        amap, path: the map and its file name (for messages).
        found: the findings marked on it.
        map_id: the base of its element ids.
        column: the column width (None: the graph layout).
        asked: what the drawing asked for (:class:`Asked`).
        engine: the Graphviz program chosen.
    """

    amap: ArgumentMap
    path: str
    found: list[Finding]
    map_id: str
    column: int | None
    asked: Asked
    engine: str = "dot"

    def pages(
        self, target: str, fmt: str, pages: list[Page], deadline: Deadline
    ) -> list[tuple[str, bytes]]:
        """``(file, bytes)`` of each page drawn for ``target`` in format ``fmt``.

        Raises:
            GraphvizNotFound, RenderError: from Graphviz.
            LayoutTimeout: ``deadline`` passed.
        """
        from argmap.api.whatif import retitle
        from argmap.render.outputs import render
        from argmap.render.pages import page_file

        d = self.asked
        return [
            (
                page_file(target, page.suffix),
                render(
                    retitle(page.amap, d.accept, d.reject),
                    self.found,
                    page.opts,
                    fmt,
                    map_id=page.map_id,
                    timeout=d.timeout,
                    dpi=d.dpi,
                    engine=self.engine,
                    deadline=deadline,
                    embed=d.embed,
                    column=self.column,
                ),
            )
            for page in pages
        ]


def draw_fitted(
    job: Job,
    targets: list[tuple[str, str]],
    asked: tuple[RenderOptions, PagePlan],
    deadline: Deadline,
) -> list[tuple[str, bytes]]:
    """Every page of every ``(output file, format)``: those ``asked`` (the diagram
    options and the page plan), or the overview and pages when the layout is
    predicted too slow or runs out of time (see the module docstring).

    Raises:
        UsageError: the focus names no claim.
        GraphvizNotFound, RenderError: from Graphviz.
        LayoutTimeout: ``deadline`` passed (with ``whole``, or drawing the pages).
    """
    from argmap.errors import LayoutTimeout
    from argmap.render.budget import Deadline
    from argmap.render.pages import plan_pages

    opts, plan = asked
    d = job.asked
    whole = d.whole or job.column is not None
    laid_out = sum(fmt != "dot" for _, fmt in targets)  # each format is laid out
    engine = _engine(job) if laid_out else d.engine or "dot"
    if engine != (d.engine or "dot"):  # the spread layout: no clusters, so no legend's frame
        opts = replace(opts, legend=False)
    job = replace(job, engine=engine)
    first = plan_pages(job.amap, opts, plan, targets[0][0], job.map_id, deadline)
    over = None if whole or not laid_out else _predicted_over(first, engine, d.timeout, laid_out)
    if over is not None:
        try:
            return _fallback(job, targets, (opts, plan, f"predicted {over:.0f} s"), deadline)
        except _NothingSmaller:
            pass  # the overview would be the whole map: try the one diagram
    try:
        done: list[tuple[str, bytes]] = []
        for target, fmt in targets:
            pages = plan_pages(job.amap, opts, plan, target, job.map_id, deadline)
            done += job.pages(target, fmt, pages, deadline)
        return done
    except LayoutTimeout as late:
        if whole or not laid_out:
            raise
        timed_out = late
    again = Deadline(d.timeout)
    try:
        return _fallback(job, targets, (opts, plan, "it ran out of time"), again)
    except _NothingSmaller:
        raise timed_out from None  # drawing it again would run out of time again


def _engine(job: Job) -> str:
    """The drawing's engine, or the spread layout for a dense map when it names
    none (said in a warning); always ``dot`` for the column layout."""
    from argmap.render.cost import size_of, spread_engine

    if job.asked.engine is not None or job.column is not None:
        return job.asked.engine or "dot"
    size = size_of(job.amap)
    if not size.dense:
        return "dot"
    chosen = spread_engine(size)
    warnings.warn(
        f"{job.path}: {size.relations:,} relations among {size.claims:,} claims are too "
        f"dense for dot; laid out with {chosen.split()[0]} (boxes moved apart, straight "
        "lines) instead (--engine dot to insist)",
        ArgmapWarning,
        stacklevel=2,
    )
    return chosen


def _predicted_over(pages: list[Page], engine: str, budget: float, layouts: int) -> float | None:
    """The predicted CPU seconds of drawing ``pages`` ``layouts`` times (once per
    format laid out) when over the budget, else None."""
    from argmap.render.cost import SAFETY, layout_seconds, size_of

    seconds = layouts * sum(layout_seconds(size_of(page.amap), engine) for page in pages)
    return seconds if seconds > SAFETY * budget else None


def _fallback(
    job: Job,
    targets: list[tuple[str, str]],
    why: tuple[RenderOptions, PagePlan, str],
    deadline: Deadline,
) -> list[tuple[str, bytes]]:
    """The overview and pages of every ``(output file, format)``
    (:func:`~argmap.render.fallback.plan_fallback`), said in a warning; ``why`` is
    the diagram options, the page plan (its focus is kept) and the reason
    (``"predicted 140 s"``).

    Raises:
        LayoutTimeout: ``deadline`` passed.
    """
    from argmap.render.fallback import plan_fallback
    from argmap.render.pages import PagePlan, page_file, plan_pages

    opts, plan, reason = why
    focused = plan_pages(job.amap, opts, PagePlan(plan.focus, plan.depth), "", job.map_id)[0]
    done: list[tuple[str, bytes]] = []
    for k, (target, fmt) in enumerate(targets):
        drawn = plan_fallback(
            focused.amap, focused.opts, job.asked.page_claims, target, job.map_id, deadline
        )
        if k == 0 and len(drawn.pages) == 1:
            raise _NothingSmaller
        if k == 0:
            files = [page_file(target, page.suffix) for page in drawn.pages]
            _say(job, focused.amap, reason, drawn, files)
        done += job.pages(target, fmt, drawn.pages, deadline)
    return done


class _NothingSmaller(Exception):
    """The overview and pages of a map would be its one diagram again (the overview
    folds nothing away, e.g. a thesis with thousands of objections)."""


def _say(job: Job, amap: ArgumentMap, why: str, drawn: Fallback, files: list[str]) -> None:
    """A warning: why the map is drawn as an overview and pages, and which files
    (``why``: ``"predicted 140 s"`` or ``"it ran out of time"``)."""
    shown = ", ".join(files[:2]) + (" ..." if len(files) > 2 else "")
    warnings.warn(
        f"{job.path}: {len(amap.claims):,} claims is too many for one diagram within "
        f"{job.asked.timeout:g} s ({why}); drawing an overview (folded below depth "
        f"{drawn.depth}) and {len(drawn.pages) - 1} pages instead: {shown} (--whole for one "
        "diagram)",
        ArgmapWarning,
        stacklevel=2,
    )
