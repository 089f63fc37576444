"""``argmap render`` options for pages that show several maps: ``--embed`` and the what-if.

``--embed`` makes an HTML output a page for an ``<iframe>``
(:func:`argmap.render.html.page.render_html` with ``embed=True``).
``--accept ID`` / ``--reject ID`` draw a what-if: the claims are coloured by
the status they get when those claims are taken as granted or denied (the
same meaning as ``argmap evaluate --accept/--reject``, see
:func:`argmap.analysis.evaluate.evaluate`), the assumed claims get a double
border and say so in their caption ("✓ assumed accepted", "✗ assumed
rejected"), and the title says it is a what-if.

Element ids: unless ``--id-prefix`` is given, every drawing's ids start with
the map's name and a digest of its content, of the drawing options given on
the command line and of the findings it marks
(:func:`argmap.render.pipeline.default_map_id`), so the plain map and its
what-if, or two maps called ``map.yaml``, can share a page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

import click
from click.core import ParameterSource

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgumentMap
    from argmap.render.dot import RenderOptions

F = TypeVar("F", bound=Callable[..., Any])

#: Options that do not change what the drawing shows, left out of its id digest.
_NOT_DRAWN = frozenset(
    {"map_path", "outputs", "id_prefix", "layout_timeout", "dpi", "embed", "whole"}
)


def embed_options(command: F) -> F:
    """Add ``--embed``, ``--accept ID`` and ``--reject ID`` to a command."""
    for option in reversed(
        (
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
                "that follows (as 'argmap evaluate --accept'). Repeatable.",
            ),
            click.option(
                "--reject",
                multiple=True,
                metavar="ID",
                help="What if this claim is denied? (as 'argmap evaluate --reject'). Repeatable.",
            ),
        )
    ):
        command = option(command)
    return command


@dataclass(frozen=True)
class EmbedRequest:
    """``--embed``, ``--accept`` and ``--reject`` of one command line.

    Attributes:
        embed: HTML outputs are pages for an iframe.
        accept: claims taken as granted.
        reject: claims taken as denied.
        given: ``(option, value)`` of every drawing option given on the
            command line, sorted (what tells drawings of one map apart).
    """

    embed: bool = False
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()
    given: tuple[tuple[str, str], ...] = ()

    @classmethod
    def take(cls, options: dict[str, Any]) -> EmbedRequest:
        """Remove this module's options from click's ``options`` and return them,
        with the drawing options the current command line gave explicitly."""
        ctx = click.get_current_context(silent=True)
        given: list[tuple[str, str]] = []
        for name, value in ctx.params.items() if ctx is not None else ():
            source = ctx.get_parameter_source(name) if ctx is not None else None
            if name not in _NOT_DRAWN and source is not ParameterSource.DEFAULT:
                given.append((name, repr(value)))
        return cls(
            embed=bool(options.pop("embed", False)),
            accept=tuple(dict.fromkeys(options.pop("accept", ()))),
            reject=tuple(dict.fromkeys(options.pop("reject", ()))),
            given=tuple(sorted(given)),
        )

    @property
    def what_if(self) -> bool:
        """True when some claim is accepted or rejected."""
        return bool(self.accept or self.reject)

    def check(self, formats: Sequence[str]) -> None:
        """Refuse ``--embed`` without an HTML output.

        Raises:
            UsageError: ``--embed`` and no ``.html`` output.
        """
        from argmap.errors import UsageError

        if self.embed and "html" not in formats:
            raise UsageError("--embed makes a page for an iframe: give an output ending in .html")

    def map_id(
        self, amap: ArgumentMap, id_prefix: str | None, findings: Iterable[Finding] = ()
    ) -> str:
        """``--id-prefix`` when given, else the map's name and a digest of its
        content, of :attr:`given` and of the finding codes the drawing marks on
        each claim (:func:`~argmap.render.pipeline.default_map_id`): the same map
        checked under other settings (a ``pyproject.toml`` beside one copy) is
        another drawing, with other ids."""
        from argmap.render.pipeline import default_map_id

        if id_prefix is not None:
            return id_prefix
        return default_map_id(amap, repr(self.given) if self.given else "", findings)

    def apply(self, amap: ArgumentMap, opts: RenderOptions, color_by: str) -> RenderOptions:
        """The options of the what-if (unchanged without one): fills and caption
        badges by resulting status (``--color-by strength``: by strength), the
        assumed claims marked (caption and double border); :meth:`retitle`
        gives each page's title.

        Raises:
            UsageError: an unknown id (with a did-you-mean), or one id both
                accepted and rejected.
        """
        if not self.what_if:
            return opts
        from argmap.analysis.evaluate import evaluate
        from argmap.render.style import STATUS_FILLS, strength_fill

        result = evaluate(amap, self.accept, self.reject)
        if color_by == "strength":
            fills = {c: strength_fill(v) for c, v in result.strength.items()}
            badges = {c: "n/a" if v is None else f"{v:.2f}" for c, v in result.strength.items()}
            legend = strength_legend()
        else:
            fills = {c: STATUS_FILLS[lab] for c, lab in result.labelling.items()}
            badges = dict(result.labelling)
            legend = status_legend(result.reading.semantics)
        for cid in result.accepted:
            badges[cid] = f"{badges[cid]} · ✓ assumed accepted"
        for cid in result.rejected:
            badges[cid] = f"{badges[cid]} · ✗ assumed rejected"
        marked = opts.highlight | frozenset(result.accepted) | frozenset(result.rejected)
        return replace(opts, fills=fills, badges=badges, fill_legend=legend, highlight=marked)

    def retitle(self, amap: ArgumentMap) -> ArgumentMap:
        """A page of the what-if (unchanged without one) with its title asking
        the question last: "Build the lane: around P1 — what if P2 is rejected?"."""
        if not self.what_if:
            return amap
        from argmap.render.pipeline import title_with

        return replace(amap, title=title_with(amap, f" — what if {self.assumption()}?"))

    def assumption(self) -> str:
        """``"P2 is rejected"``, ``"P1 is accepted and P2 and P3 are rejected"``."""
        from argmap.render.labels import bidi_isolated
        from argmap.util.text import and_list

        parts = [
            f"{and_list([bidi_isolated(i) for i in ids])} {'are' if ids[1:] else 'is'} {verb}"
            for ids, verb in ((self.accept, "accepted"), (self.reject, "rejected"))
            if ids
        ]
        return " and ".join(parts)


#: What each label of ``--color-by status`` means, in the legend.
_STATUS_WORDS = {"IN": "stands", "OUT": "does not stand", "UNDEC": "undecided"}


def status_legend(semantics: str) -> tuple[tuple[str, str], ...]:
    """The legend rows of ``--color-by status``: each label's fill and meaning, the
    first naming the reading that gave the labels (e.g. ``"IN: stands (carneades
    reading)"``; :data:`argmap.analysis.evaluate.SEMANTICS`)."""
    from argmap.render.style import STATUS_FILLS

    rows = [(f"{lab}: {_STATUS_WORDS[lab]}", fill) for lab, fill in STATUS_FILLS.items()]
    rows[0] = (f"{rows[0][0]} ({semantics} reading)", rows[0][1])
    return tuple(rows)


def strength_legend() -> tuple[tuple[str, str], ...]:
    """The legend rows of ``--color-by strength``: the fills at 0, 0.5 and 1, and
    of a claim with no strength (on or below a cycle)."""
    from argmap.render.style import strength_fill

    scale = tuple((f"strength {v:g}", strength_fill(v)) for v in (0, 0.5, 1))
    return scale + (("strength n/a (cycle)", strength_fill(None)),)
