"""One drawing's options, checked, and every file they make (:func:`argmap.render`,
:func:`argmap.render_files` and ``argmap render`` all draw through :meth:`Drawing.draw`).

A :class:`Drawing` holds every option of ``argmap render`` under the name of its
keyword argument (``--color-by`` is ``color_by``, ``--layout-timeout`` is
``timeout``). :meth:`Drawing.of` checks each value and the combinations the
command line refuses, before any map is read; :meth:`Drawing.check_outputs`
checks the output files; :meth:`Drawing.draw` makes every page of every output
in memory (nothing is written).

What a drawing does without being asked (the spread layout for a dense map, an
overview and pages for a map too large for one diagram, a slide drawn too small
to read) is said as an :class:`~argmap.errors.ArgmapWarning`
(:mod:`warnings`); the command line prints each on standard error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from argmap.diagram import AUDIENCES, ENGINES, THEME_NAMES
from argmap.errors import UsageError

if TYPE_CHECKING:
    from argmap.api.objects import Map
    from argmap.api.sheets import Sheets
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.options import RenderOptions

#: Options that do not change what the drawing shows, left out of its id digest.
_NOT_DRAWN = frozenset({"id_prefix", "timeout", "dpi", "embed", "whole"})


@dataclass(frozen=True)
class Drawing:
    """Every option of one drawing (``argmap render --help`` and ``docs/api.md``).

    Attributes:
        theme: a theme name; None: the map's ``theme:``, else ``default``.
        direction: ``"TB"`` (thesis at the top) or ``"LR"``.
        wrap: wrap claim text at this many characters (10–200); None: the theme's.
        width: SVG width in CSS px; None: it fills its column.
        legend, ids, para, findings: draw the legend, the claim ids, paragraph
            references, the marks of the checks' findings.
        focus, depth: draw only the claims within ``depth`` (default 2)
            relations of the claim ``focus``.
        collapse: fold claims more than this many levels below the thesis.
        split: an overview plus one page per branch under the thesis.
        color_by: ``"kind"``, ``"status"`` (grounded status) or ``"strength"`` (DF-QuAD).
        accept, reject: the what-if: claims taken as granted or denied.
        embed: HTML output for an ``<iframe>``.
        layout, column_width: ``"graph"``, or ``"column"`` ``column_width`` CSS px
            wide (280–2000; default 700; the graph has no column: ignored).
        audience: ``"expert"``, ``"teacher"`` or ``"student"`` (plain words, no codes).
        engine: a Graphviz program; None: ``dot``, or the spread layout for a dense map.
        id_prefix: prefix of SVG element ids; None: the map's name and a digest.
        dpi: resolution of PNG output (24–1200).
        timeout: CPU seconds the whole drawing may take (above 0, at most 86400).
        slides, paper, landscape, handout: slides, or printed pages
            (``"a4"``/``"letter"``) turned sideways, or a one-page handout.
        whole: one diagram however long it takes (no overview and pages).
        page_claims: claims per page of an overview and pages (2–100000).
    """

    theme: str | None = None
    direction: str = "TB"
    wrap: int | None = None
    width: int | None = None
    legend: bool = True
    ids: bool = True
    para: bool = True
    findings: bool = True
    focus: str | None = None
    depth: int | None = None
    collapse: int | None = None
    split: bool = False
    color_by: str = "kind"
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    embed: bool = False
    layout: str = "graph"
    column_width: int | None = None
    audience: str = "expert"
    engine: str | None = None
    id_prefix: str | None = None
    dpi: int = 96
    timeout: float = 60.0
    slides: bool = False
    paper: str | None = None
    landscape: bool = False
    handout: bool = False
    whole: bool = False
    page_claims: int = 300

    @classmethod
    def of(cls, **options: Any) -> Drawing:
        """The drawing of these options, each checked (type, range, choice), and
        their combinations (``_combinations``).

        Raises:
            UsageError: an unknown option (with a did-you-mean), a value of the
                wrong type or out of range, or options that do not go together.
        """
        known = {f.name for f in fields(cls)}
        for name in options:
            if name not in known:
                from argmap.util.suggest import did_you_mean

                hint = did_you_mean(name, sorted(known))
                raise UsageError(f"unknown drawing option {name!r}{hint}")
        from argmap.api.arguments import claim_ids

        for name in ("accept", "reject"):
            if name in options:
                options[name] = claim_ids(options[name], name)
        for name, value in options.items():
            _CHECKS[name](name, value)
        if options.get("handout") and options.get("paper") is None:
            options["paper"] = "a4"  # a handout prints on A4 unless told otherwise
        if options.get("layout", "graph") != "column":
            options["column_width"] = None  # the width of a column, which the graph has not
        drawing = cls(**options)
        drawing._combinations()
        return drawing

    def _combinations(self) -> None:
        """Refuse options that do not go together (each message names the options
        as ``argmap render`` spells them).

        Raises:
            UsageError: the first such pair.
        """
        self.column()
        if self.depth is not None and self.focus is None:
            raise UsageError("--depth needs --focus ID: the claim to draw the neighbourhood of")
        if self.slides and (self.paper or self.handout):
            raise UsageError("--slides draws slides; --paper and --handout draw pages: choose one")
        if self.landscape and not self.paper:
            raise UsageError(
                "--landscape turns printed pages: use it with --paper a4|letter or --handout"
            )
        if self.sheets:
            what = "--slides" if self.slides else "--handout" if self.handout else "--paper"
            for other, given in (
                ("--split", self.split),
                ("--collapse", self.collapse is not None),
            ):
                if given:
                    raise UsageError(
                        f"{what} cuts the map into parts itself and shows every claim: "
                        f"leave out {other}"
                    )
            if self.embed or self.layout != "graph":
                raise UsageError(
                    f"{'--slides' if self.slides else '--paper'} draws its own layout: leave out "
                    + ("--embed" if self.embed else "--layout column")
                )

    @property
    def sheets(self) -> bool:
        """Slides or printed pages (:mod:`argmap.render.sheets`)."""
        return self.slides or self.paper is not None

    def sheet_request(self) -> Sheets:
        """The slides or printed pages asked for (see :attr:`sheets`)."""
        from argmap.api.sheets import Sheets

        return Sheets(self.slides, self.paper, self.landscape, self.handout)

    @property
    def what_if(self) -> bool:
        """Some claim is accepted or rejected."""
        return bool(self.accept or self.reject)

    def column(self) -> int | None:
        """The column width to draw (None: the graph layout).

        Raises:
            UsageError: an engine, ``direction="LR"`` or ``wrap`` with the column
                layout (it places every box and wraps text to its width itself).
        """
        from argmap.render.column.measure import DEFAULT_WIDTH

        if self.layout != "column":
            return None
        if self.engine not in (None, "dot"):
            raise UsageError("--engine does not apply to --layout column, which places every box")
        if self.direction != "TB":
            raise UsageError("--layout column always has the thesis at the top: drop --direction")
        if self.wrap is not None:
            raise UsageError("--layout column wraps text to the column's width: drop --wrap")
        return DEFAULT_WIDTH if self.column_width is None else self.column_width

    def given(self) -> tuple[tuple[str, str], ...]:
        """``(option, repr(value))`` of every drawn option that is not its default,
        sorted: what tells two drawings of one map apart in their element ids."""
        return tuple(
            sorted(
                (f.name, repr(getattr(self, f.name)))
                for f in fields(self)
                if f.name not in _NOT_DRAWN and getattr(self, f.name) != f.default
            )
        )

    def check_outputs(self, outputs: list[str]) -> list[tuple[str, str]]:
        """``(file, format)`` of each output, the format told by its extension.

        Raises:
            UsageError: an extension argmap does not write, or one the sheets do not
                write, or ``embed`` with no HTML output.
        """
        from argmap.errors import RenderError
        from argmap.render.outputs import format_for

        if self.sheets:
            self.sheet_request().check_outputs(outputs)
        try:
            formats = [format_for(target) for target in outputs]
        except RenderError as exc:
            raise UsageError(str(exc)) from None
        if self.embed and "html" not in formats:
            raise UsageError("--embed makes a page for an iframe: give an output ending in .html")
        return list(zip(outputs, formats, strict=True))

    def options(self, amap: ArgumentMap) -> RenderOptions:
        """What the diagram shows: the theme (this drawing's, else the map's), the
        labels and the colouring (``color_by``, the what-if)."""
        from argmap.api.whatif import colouring, mark_assumed
        from argmap.render.options import RenderOptions
        from argmap.render.style import THEMES

        fills, badges, fill_legend = colouring(amap, self.color_by, self.accept, self.reject)
        opts = RenderOptions(
            theme=THEMES[self.theme or amap.theme or "default"],
            direction=self.direction,
            wrap=self.wrap,
            legend=self.legend,
            show_ids=self.ids,
            show_para=self.para,
            show_findings=self.findings,
            width=self.width,
            fills=fills,
            badges=badges,
            fill_legend=fill_legend,
            audience=self.audience,
        )
        return mark_assumed(opts, self.accept, self.reject) if self.what_if else opts

    def draw(self, map: Map, targets: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
        """Every page of every ``(output file, format)``, in memory.

        A map too large for one diagram in time is drawn as an overview and pages,
        a dense one with the spread layout, unless ``whole`` or ``engine`` say
        otherwise (:mod:`argmap.api.fit`).

        Raises:
            UsageError: a focus, accepted or rejected id that names no claim.
            MapLoadError: an unknown check in the map's ``checks:`` or ``pyproject.toml``.
            GraphvizNotFound, RenderError: Graphviz is missing or fails.
            LayoutTimeout: the drawing ran past ``timeout`` (one budget for every page).
        """
        from argmap.api.fit import Job, draw_fitted
        from argmap.render.budget import Deadline
        from argmap.render.pages import PagePlan, plan_pages
        from argmap.render.pipeline import default_map_id

        amap = map.model
        deadline = Deadline(self.timeout, sheets=self.sheets)
        opts = self.options(amap)
        deadline.check("evaluating the claims")
        found = _findings(map) if self.findings else []
        given = self.given()
        map_id = self.id_prefix
        if map_id is None:
            map_id = default_map_id(amap, repr(given) if given else "", found)
        depth = 2 if self.depth is None else self.depth
        plan = PagePlan(self.focus, depth, self.collapse, self.split)
        deadline.check("checking the map")
        if self.sheets:
            page = plan_pages(amap, opts, plan, targets[0][0], map_id, deadline)[0]
            files = [target for target, _ in targets]
            painting = (self.engine or "dot", self.timeout, deadline)
            return self.sheet_request().draw(
                (page.amap, found, page.opts), files, map_id, painting
            )
        job = Job(amap, map.path, found, map_id, self.column(), self)
        return draw_fitted(job, targets, (opts, plan), deadline)


def _findings(map: Map) -> list[Finding]:
    """What ``argmap check`` finds on the map (its ``checks:``, else the nearest
    ``pyproject.toml``'s), to mark on the diagram."""
    from argmap.analysis.checks import run_checks
    from argmap.api import chosen_checks

    return run_checks(map.model, chosen_checks(map.model, map.path))


def _checks() -> dict[str, Callable[[str, object], None]]:
    """The check of each option of :class:`Drawing`."""
    from argmap.api.arguments import claim_id, flag, one_of, seconds, str_or_none, whole_number
    from argmap.render.column.measure import MAX_WIDTH, MIN_WIDTH
    from argmap.render.options import DPI_RANGE, WIDTH_RANGE

    flags = ("legend", "ids", "para", "findings", "split", "embed", "slides", "landscape")
    return {
        **dict.fromkeys(flags, flag),
        "whole": flag,
        "handout": flag,
        "theme": one_of(None, *THEME_NAMES),
        "direction": one_of("TB", "LR"),
        "wrap": whole_number(10, 200, none=True),
        "width": whole_number(*WIDTH_RANGE, none=True),
        "focus": claim_id,
        "id_prefix": str_or_none,
        "depth": whole_number(0, None, none=True),
        "collapse": whole_number(0, None, none=True),
        "color_by": one_of("kind", "status", "strength"),
        "accept": lambda name, value: None,  # made a tuple of str by claim_ids
        "reject": lambda name, value: None,
        "layout": one_of("graph", "column"),
        "column_width": whole_number(MIN_WIDTH, MAX_WIDTH, none=True),
        "audience": one_of(*AUDIENCES),
        "engine": one_of(None, *ENGINES),
        "dpi": whole_number(*DPI_RANGE),
        "timeout": seconds,
        "paper": one_of(None, "a4", "letter"),
        "page_claims": whole_number(2, 100000),
    }


_CHECKS = _checks()
