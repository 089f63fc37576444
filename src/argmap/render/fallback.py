"""A map too large for one diagram, drawn as an overview and pages of a claim budget (pure).

When one diagram of a map would not be laid out in time
(:mod:`argmap.render.cost`, or Graphviz ran out of time), ``argmap render``
draws instead:

* the **overview**, written to the output file itself: the map folded below
  the deepest level at which it still holds at most ``budget`` claims (at
  least the thesis and what argues directly about it; see
  :func:`~argmap.render.subset.collapse`); each folded ``+N claims hidden``
  box, and its claim, links to the page that shows what argues about the
  claim;
* **pages** ``<stem>.p1.<ext>``, ``<stem>.p2.<ext>`` …: the lines of argument
  of the pager (:func:`argmap.render.pager.paginate`) cut into parts of at
  most ``budget`` claims each (a single reason or objection larger than that
  is kept whole), in reading order. A claim whose reasons continue on another
  page, or are shown on another page, links there with a ``+N`` box.

Every claim is drawn on the overview or on some page. Each page is laid out
on its own, so the time grows with the number of pages, not with the square
of the map. Objections hang under what they attack instead of beside it
(theme ``beside=0``): Graphviz 2.43's ``dot`` orders the shared rows of
attackers beside their targets differently from run to run on some pages of
a tangled map (the same DOT, several layouts), and the pages must be the
same bytes every run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import PurePath
from urllib.parse import quote

from argmap.model import ArgumentMap
from argmap.render.budget import Deadline
from argmap.render.dot import RenderOptions
from argmap.render.pager import Part, paginate
from argmap.render.pages import Hidden, Page, page_file
from argmap.render.pipeline import title_with
from argmap.render.subset import collapse
from argmap.render.svg import id_prefix

#: Claims per page unless told otherwise: ``dot`` lays out 300 claims of a tree
#: with cross-links in well under a second.
PAGE_CLAIMS = 300


@dataclass(frozen=True)
class Fallback:
    """The pages of a map drawn as an overview and pages.

    Attributes:
        pages: the overview (suffix ``""``), then the pages (``p1``, ``p2`` …).
        depth: the overview shows the claims at most this many levels below the thesis.
    """

    pages: list[Page]
    depth: int


def overview_depth(amap: ArgumentMap, budget: int) -> int:
    """The deepest level (at least 1) at which :func:`collapse` keeps at most
    ``budget`` claims, or the depth that folds nothing when that is shallower.

    The first ``d >= 1`` at which ``collapse(amap, d + 1)`` keeps more than
    ``budget`` claims or ``collapse(amap, d)`` folds nothing; both only turn
    true as ``d`` grows, so a binary search finds it with O(log n) collapses
    (one per level made it quadratic on a long chain of premises).
    """

    def far_enough(depth: int) -> bool:
        if not collapse(amap, depth).folds:
            return True
        return len(collapse(amap, depth + 1).amap.claims) > budget

    low, high = 1, max(1, len(amap.claims))  # collapse(amap, n) folds nothing
    while low < high:
        mid = (low + high) // 2
        if far_enough(mid):
            high = mid
        else:
            low = mid + 1
    return low


def plan_fallback(
    amap: ArgumentMap,
    opts: RenderOptions,
    budget: int,
    output: str,
    map_id: str,
    deadline: Deadline | None = None,
) -> Fallback:
    """The overview and pages of ``amap`` for ``output`` (a file name; only its
    name is used), each page with at most ``budget`` claims (see the module
    docstring). ``map_id`` is the base of the overview's element id prefix.

    Raises:
        LayoutTimeout: ``deadline`` passed (looked at before each page).
    """
    budget, opts = max(2, budget), replace(opts, theme=replace(opts.theme, beside=0))
    parts = paginate(
        amap, lambda p: p.kind == "overview" or len(p.amap.claims) <= budget, lone=False
    )
    lines = [k for k, p in enumerate(parts) if p.kind == "line"]
    name = PurePath(output).name
    suffix = {k: f"p{i}" for i, k in enumerate(lines, start=1)}
    url = {k: quote(os.fsencode(page_file(name, s))) for k, s in suffix.items()}
    overview_url = quote(os.fsencode(name))
    hidden = Hidden(parts)
    depth = overview_depth(amap, budget)
    folded = collapse(amap, depth)
    home = _homes(parts, lines)
    links = {c: url[home[c]] for c in folded.folds if c in home}
    pages = [
        Page(
            "",
            replace(folded.amap, title=title_with(amap, f": overview of {len(lines)} pages")),
            replace(opts, folds={c: len(ids) for c, ids in folded.folds.items()}, links=links),
            map_id,
        )
    ]
    for i, k in enumerate(lines, start=1):
        if deadline is not None:
            deadline.check("planning the pages")
        links, folds = _references(parts[k], url, overview_url, hidden)
        pages.append(
            Page(
                suffix[k],
                replace(parts[k].amap, title=title_with(amap, f": page {i} of {len(lines)}")),
                replace(opts, folds=folds, links=links),
                id_prefix(map_id) + suffix[k],
            )
        )
    return Fallback(pages, depth)


def _references(
    part: Part, url: dict[int, str], overview: str, hidden: Hidden
) -> tuple[dict[str, str], dict[str, int]]:
    """Links and ``+N`` counts of a page's claims that refer to another part: to the
    part's page (the overview when it has none); a count unless the reference
    points back (``from``) or to the overview."""
    links, folds = {}, {}
    for ref in part.refs:
        links[ref.claim] = url.get(ref.part, overview)
        if ref.kind != "from" and ref.part in url:
            folds[ref.claim] = hidden.count(ref.part, (ref.claim,))
    return links, folds


def _homes(parts: list[Part], lines: list[int]) -> dict[str, int]:
    """Claim id → the first line part that shows something arguing about it."""
    home: dict[str, int] = {}
    for k in lines:
        amap = parts[k].amap
        targets = [inf.conclusion for inf in amap.inferences]
        targets += [att.target for att in amap.attacks]
        for cid in targets:
            home.setdefault(cid, k)
    return home
