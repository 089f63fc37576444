"""``argmap render`` on maps too large or too dense for one ``dot`` diagram.

Two things happen without being asked, each said in one line on standard error:

* a **dense** map (at least :data:`~argmap.render.cost.DENSE` relations per
  claim, e.g. a Dung framework with many attacks) is laid out with
  :data:`~argmap.render.cost.SPREAD` (no box overlaps another, straight lines)
  unless ``--engine`` is given;
* a map whose diagram is predicted to take longer than the time budget
  (:func:`~argmap.render.cost.too_slow`), or whose layout runs out of time, is
  drawn as an overview and pages of at most ``--page-claims`` claims
  (:mod:`argmap.render.fallback`). After a layout that ran out of time the
  pages get a budget of their own, so the worst case takes twice
  ``--layout-timeout``. ``--whole`` insists on one diagram (exit 3 when it
  runs out of time).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

if TYPE_CHECKING:
    from argmap.cli.render_embed import EmbedRequest
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.budget import Deadline
    from argmap.render.dot import RenderOptions
    from argmap.render.fallback import Fallback
    from argmap.render.pages import Page, PagePlan

F = TypeVar("F", bound=Callable[..., Any])


def fit_options(command: F) -> F:
    """Add ``--whole`` and ``--page-claims N`` to a command."""
    command = click.option(
        "--page-claims",
        type=click.IntRange(2, 100000),
        default=300,
        show_default=True,
        metavar="N",
        help="Claims per page when a map too large for one diagram is drawn as an "
        "overview and pages.",
    )(command)
    return click.option(
        "--whole",
        is_flag=True,
        help="One diagram however long it takes: no overview and pages when the layout "
        "would run past --layout-timeout (exit 3 when it does).",
    )(command)


@dataclass(frozen=True)
class Fit:
    """What the command line says about maps too large or dense for one diagram.

    Attributes:
        whole: never draw an overview and pages instead of one diagram.
        page_claims: claims per page of an overview and pages.
        engine_given: ``--engine`` was on the command line (no automatic choice).
    """

    whole: bool = False
    page_claims: int = 300
    engine_given: bool = False

    @classmethod
    def take(cls, options: dict[str, Any]) -> Fit:
        """Pop ``whole`` and ``page_claims`` from click's ``options``."""
        ctx = click.get_current_context(silent=True)
        given = (
            ctx is not None and ctx.get_parameter_source("engine") is ParameterSource.COMMANDLINE
        )
        return cls(
            whole=bool(options.pop("whole", False)),
            page_claims=int(options.pop("page_claims", 300)),
            engine_given=given,
        )

    def engine(self, amap: ArgumentMap, engine: str, map_path: str) -> str:
        """``engine``, or the spread layout for a dense map when ``--engine`` was
        not given (said on standard error)."""
        from argmap.render.cost import size_of, spread_engine

        size = size_of(amap)
        if self.engine_given or engine != "dot" or not size.dense:
            return engine
        chosen = spread_engine(size)
        click.echo(
            f"{map_path}: {size.relations:,} relations among {size.claims:,} claims are too "
            f"dense for dot; laid out with {chosen.split()[0]} (boxes moved apart, straight "
            "lines) instead (--engine dot to insist)",
            err=True,
        )
        return chosen

    def predicted_over(
        self, pages: list[Page], engine: str, budget: float, layouts: int = 1
    ) -> float | None:
        """The predicted CPU seconds of drawing ``pages`` ``layouts`` times (once per
        format laid out) when over the budget and pages are allowed, else None."""
        from argmap.render.cost import SAFETY, layout_seconds, size_of

        if self.whole:
            return None
        seconds = layouts * sum(layout_seconds(size_of(page.amap), engine) for page in pages)
        return seconds if seconds > SAFETY * budget else None

    def draw(
        self,
        job: Job,
        map_path: str,
        targets: list[tuple[str, str]],
        asked: tuple[RenderOptions, PagePlan],
        deadline: Deadline,
    ) -> list[tuple[str, bytes]]:
        """Every page of every ``(output file, format)``: those ``asked`` (the
        diagram options and the page plan), or the overview and pages when the
        layout is predicted too slow or runs out of time (see the module docstring).

        Raises:
            GraphvizNotFound, RenderError: from Graphviz.
            LayoutTimeout: ``deadline`` passed (with ``--whole``, or drawing the pages).
        """
        from argmap.errors import LayoutTimeout
        from argmap.render.budget import Deadline
        from argmap.render.pages import plan_pages

        opts, plan = asked
        laid_out = sum(fmt != "dot" for _, fmt in targets)  # each format is laid out
        first = plan_pages(job.amap, opts, plan, targets[0][0], job.map_id, deadline)
        over = self.predicted_over(first, job.engine, job.timeout, laid_out) if laid_out else None
        if over is not None:
            why = f"predicted {over:.0f} s"
            try:
                return self.fallback(job, map_path, targets, (opts, plan, why), deadline)
            except _NothingSmaller:
                pass  # the overview would be the whole map: try the one diagram
        try:
            done: list[tuple[str, bytes]] = []
            for target, fmt in targets:
                pages = plan_pages(job.amap, opts, plan, target, job.map_id, deadline)
                done += job.pages(target, fmt, pages, deadline)
            return done
        except LayoutTimeout as late:
            if self.whole or not laid_out:
                raise
            timed_out = late
        again = Deadline(job.timeout)
        try:
            return self.fallback(job, map_path, targets, (opts, plan, "it ran out of time"), again)
        except _NothingSmaller:
            raise timed_out from None  # drawing it again would run out of time again

    def fallback(
        self,
        job: Job,
        map_path: str,
        targets: list[tuple[str, str]],
        why: tuple[RenderOptions, PagePlan, str],
        deadline: Deadline,
    ) -> list[tuple[str, bytes]]:
        """The overview and pages of every ``(output file, format)``
        (:func:`~argmap.render.fallback.plan_fallback`), said on standard error;
        ``why`` is the diagram options, the page plan (its focus is kept) and the
        reason (``"predicted 140 s"``).

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
                focused.amap, focused.opts, self.page_claims, target, job.map_id, deadline
            )
            if k == 0 and len(drawn.pages) == 1:
                raise _NothingSmaller
            if k == 0:
                files = [page_file(target, page.suffix) for page in drawn.pages]
                _say(map_path, focused.amap, job.timeout, reason, drawn, files)
            done += job.pages(target, fmt, drawn.pages, deadline)
        return done


class _NothingSmaller(Exception):
    """The overview and pages of a map would be its one diagram again (the overview
    folds nothing away, e.g. a thesis with thousands of objections)."""


@dataclass(frozen=True)
class Job:
    """What every page of one rendering shares: the map, its findings, the base of
    its element ids, ``--embed``/what-if, and how to run Graphviz."""

    amap: ArgumentMap
    found: list[Finding]
    map_id: str
    extra: EmbedRequest
    timeout: float
    dpi: int
    engine: str
    column: int | None

    def pages(
        self, target: str, fmt: str, pages: list[Page], deadline: Deadline
    ) -> list[tuple[str, bytes]]:
        """``(file, bytes)`` of each page drawn for ``target`` in format ``fmt``.

        Raises:
            GraphvizNotFound, RenderError: from Graphviz.
            LayoutTimeout: ``deadline`` passed.
        """
        from argmap.render.outputs import render
        from argmap.render.pages import page_file

        return [
            (
                page_file(target, page.suffix),
                render(
                    self.extra.retitle(page.amap),
                    self.found,
                    page.opts,
                    fmt,
                    map_id=page.map_id,
                    timeout=self.timeout,
                    dpi=self.dpi,
                    engine=self.engine,
                    deadline=deadline,
                    embed=self.extra.embed,
                    column=self.column,
                ),
            )
            for page in pages
        ]


def _say(
    map_path: str, amap: ArgumentMap, budget: float, why: str, drawn: Fallback, files: list[str]
) -> None:
    """One line on standard error: why the map is drawn as an overview and pages,
    and which files (``why``: ``"predicted 140 s"`` or ``"ran out of time"``)."""
    shown = ", ".join(files[:2]) + (" ..." if len(files) > 2 else "")
    click.echo(
        f"{map_path}: {len(amap.claims):,} claims is too many for one diagram within "
        f"{budget:g} s ({why}); drawing an overview (folded below depth {drawn.depth}) "
        f"and {len(drawn.pages) - 1} pages instead: {shown} (--whole for one diagram)",
        err=True,
    )
