"""Which pages one ``argmap render`` draws: the map, its focus, its split (pure).

A :class:`Page` is a map to draw with its options and where it goes relative
to the output file: the main page is the output itself; with ``--split`` each
branch goes beside it as ``<stem>.<branch>.<ext>``.

``--split`` pages are the parts of :func:`argmap.render.pager.paginate` (the
pager of slides and printed pages, here with no size limit): the overview,
then a page per line of argument of more than one claim, named after its
first claim. A linked reason stays whole, with its junction and undercuts;
a claim that serves several branches is drawn with what argues about it on
the first page that needs it, and elsewhere with a "+N claims" box linking
to that page.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import PurePath
from urllib.parse import quote

from argmap.model import ArgumentMap
from argmap.render.budget import Deadline
from argmap.render.dot import RenderOptions
from argmap.render.labels import bidi_isolated
from argmap.render.outline import Child, arguers
from argmap.render.pager import Part, paginate
from argmap.render.pipeline import title_with
from argmap.render.subset import below, collapse, focus
from argmap.render.svg import id_prefix


@dataclass(frozen=True)
class Page:
    """One diagram to write.

    Attributes:
        suffix: ``""`` for the output itself, else the branch part of the file
            name (``"P3"`` → ``out.P3.svg``).
        amap: the (part of the) map to draw.
        opts: options with folds, links and highlight filled in.
        map_id: base of the page's element id prefix (a branch page: the
            overview's prefix and the page's suffix, so no two pages share an id).
    """

    suffix: str
    amap: ArgumentMap
    opts: RenderOptions
    map_id: str


@dataclass(frozen=True)
class PagePlan:
    """What the command line asked for beyond the plain map.

    Attributes:
        focus: claim id whose neighbourhood is drawn, or None.
        depth: relations around ``focus``.
        collapse: levels below the thesis drawn (None: all).
        split: an overview plus one page per branch.
    """

    focus: str | None = None
    depth: int = 2
    collapse: int | None = None
    split: bool = False


def page_suffixes(branch_ids: list[str]) -> dict[str, str]:
    """Branch claim id → file-name part: the id with every character but ASCII
    letters, digits, ``-`` and ``_`` made ``_``; ``-2``, ``-3`` … added when two
    ids would give the same name, ignoring case, or the same element id prefix
    (:func:`~argmap.render.svg.id_prefix` keeps no ``-`` at the ends nor two in
    a row: ``a``, ``a-`` and ``-a`` give ``a``, ``a--2`` and ``-a-3``), or a name
    that prefix keeps nothing of (``-`` gives ``--2``). Deterministic, in the
    order given."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for cid in branch_ids:
        base = re.sub(r"[^A-Za-z0-9_-]", "_", cid)[:60] or "_"
        name, n = base, 1
        while not _id_part(name) or _id_part(name) in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(_id_part(name))
        out[cid] = name
    return out


def _id_part(name: str) -> str:
    """What :func:`~argmap.render.svg.id_prefix` keeps of ``name`` after a prefix."""
    return re.sub(r"[^a-z0-9_]+", "-", name.lower()).strip("-")


def page_file(output: str, suffix: str) -> str:
    """``("out/m.svg", "P3")`` → ``"out/m.P3.svg"``; an empty suffix gives ``output``."""
    if not suffix:
        return output
    path = PurePath(output)
    return str(path.with_name(f"{path.stem}.{suffix}{path.suffix}"))


def _folded(
    amap: ArgumentMap, opts: RenderOptions, depth: int | None
) -> tuple[ArgumentMap, RenderOptions]:
    if depth is None:
        return amap, opts
    folded = collapse(amap, depth)
    counts = {cid: len(ids) for cid, ids in folded.folds.items()}
    return folded.amap, replace(opts, folds=counts)


def plan_pages(
    amap: ArgumentMap,
    opts: RenderOptions,
    plan: PagePlan,
    output: str,
    map_id: str | None = None,
    deadline: Deadline | None = None,
) -> list[Page]:
    """The pages to draw for ``output`` (a file name; only its name is used).

    Order: focus (keeps the neighbourhood, draws the focused claim with a
    double border), then split, then collapse (of each page).

    Raises:
        UsageError: the focus names no claim; a depth is negative.
        LayoutTimeout: ``deadline`` passed (looked at before each page).
    """
    base_id = map_id if map_id is not None else amap.name
    if plan.focus is not None:
        amap = replace(
            focus(amap, plan.focus, plan.depth),
            title=title_with(amap, f": around {bidi_isolated(plan.focus)}"),
        )
        opts = replace(opts, highlight=frozenset({plan.focus}))
    if not plan.split:
        shown, shown_opts = _folded(amap, opts, plan.collapse)
        return [Page("", shown, shown_opts, base_id)]
    if deadline is not None:
        deadline.check("planning the pages")
    return _split(amap, opts, plan, PurePath(output).name, base_id, deadline)


def _split(
    amap: ArgumentMap,
    opts: RenderOptions,
    plan: PagePlan,
    name: str,
    base_id: str,
    deadline: Deadline | None,
) -> list[Page]:
    """The overview and a page per branch (see the module docstring)."""
    parts = paginate(amap, lambda _: True, lone=False)
    heads = {k: p.line.head.claims[0] for k, p in enumerate(parts) if p.line and p.kind == "line"}
    suffixes = page_suffixes(list(heads.values()))
    # The file name's bytes, percent-encoded: a name that is not UTF-8 links to itself too.
    files = {k: quote(os.fsencode(page_file(name, suffixes[cid]))) for k, cid in heads.items()}
    links, counts, hidden = {}, {}, Hidden(parts)
    for line in (ln for part in parts if part.kind == "overview" for ln in part.lines):
        if line.part is not None:
            # every claim of a linked reason links to the reason's page; one box says +N
            links.update(dict.fromkeys(line.head.claims, files[line.part]))
            counts[line.head.claims[0]] = hidden.count(line.part, line.head.claims)
    overview = [p for p in parts if p.kind == "overview"][0].amap
    pages = [Page("", overview, replace(opts, folds=counts, links=links), base_id)]
    for k, cid in heads.items():
        if deadline is not None:
            deadline.check("planning the pages")
        part = parts[k]
        see = {r.claim: r.part for r in part.refs if r.kind == "see" and r.part in files}
        titled = replace(part.amap, title=title_with(amap, f": {bidi_isolated(cid)}"))
        shown, shown_opts = _folded(titled, opts, plan.collapse)
        folds = {c: hidden.count(p, (c,)) for c, p in see.items() if c in shown.claims}
        shown_opts = replace(
            shown_opts,
            folds={**folds, **shown_opts.folds},
            links={c: files[p] for c, p in see.items() if c in shown.claims},
        )
        pages.append(Page(suffixes[cid], shown, shown_opts, id_prefix(base_id) + suffixes[cid]))
    return pages


class Hidden:
    """How many claims a part draws that argue about some of its claims, directly
    or through others (those claims not counted). The index of who argues about
    whom is built once per part, when first needed, so counting for every
    reference of a map takes time linear in its parts' sizes.

    Args:
        parts: the pager's parts (:func:`~argmap.render.pager.paginate`).
    """

    def __init__(self, parts: list[Part]) -> None:
        self.parts = parts
        self.index: dict[int, tuple[dict[str, list[Child]], dict[str, int]]] = {}

    def count(self, k: int, shown: tuple[str, ...]) -> int:
        """Claims of part ``k`` below the claims ``shown`` (``shown`` not counted)."""
        amap = self.parts[k].amap
        if k not in self.index:
            self.index[k] = (arguers(amap), {cid: i for i, cid in enumerate(amap.claims)})
        index, rank = self.index[k]
        found = {
            c
            for cid in shown
            if cid in amap.claims
            for c in below(amap, cid, index=index, rank=rank)
        }
        return len(found - set(shown))
