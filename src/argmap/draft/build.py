"""Assembling the draft: units, kinds and relations into a valid :class:`ArgumentMap`.

Claim ids follow the bundled maps: ``T1`` for the thesis, then ``P``
(premise), ``PR`` (precedent), ``E`` (evidence), ``O`` (objection) and ``R``
(rebuttal), numbered in text order. Each claim keeps its ``para`` and ``span``
(character offsets in the original file). What only a draft has goes into the
top-level ``draft:`` block, which the loader keeps verbatim:

* ``pipeline``: the spaCy pipeline used (``blank`` or a trained one's name);
* ``thesis_candidates``: ``[{claim, rank, score}]`` (rank 1 is the thesis);
* ``relations``: ``[{from, to, type, marker, confidence}]``, every proposed
  relation (``type`` is ``supports`` or ``attacks``; ``marker`` is null when
  it was proposed by position);
* ``review``: ids of claims to check first;
* ``dropped``: numbers of the paragraphs left out as boilerplate;
* ``restatements``: ``[{claim, span}]``, each later sentence that restates
  the thesis, merged into it (only when there is one).

``argmap draft`` (:mod:`argmap.cli.draft`) writes the map as a YAML map file
and reads that back with the map loader, so a draft always loads.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.draft.relations import Relation
from argmap.draft.segment import Unit
from argmap.draft.text import Article
from argmap.draft.thesis import Candidate
from argmap.model import ArgumentMap, Attack, Claim, Inference, MapSource, shorthand_inference_id
from argmap.util.urls import url_problem, url_scheme

#: Id prefix of each kind.
PREFIX = {
    "thesis": "T",
    "premise": "P",
    "precedent": "PR",
    "evidence": "E",
    "objection": "O",
    "rebuttal": "R",
}
_TYPE = {"support": "supports", "attack": "attacks"}


@dataclass(frozen=True)
class Draft:
    """A finished draft.

    Attributes:
        map: the draft map (claims in map order, the ``draft:`` block in
            ``extra``); its ``path`` is the name it gets in messages.
        pipeline: the spaCy pipeline used (``"blank"`` or a trained one).
        article: the parsed article (its file name, the dropped paragraphs' reasons).
    """

    map: ArgumentMap
    pipeline: str
    article: Article


def claim_ids(units: list[Unit]) -> dict[int, str]:
    """Unit index → claim id (see the module docstring)."""
    counts: dict[str, int] = {}
    ids = {}
    for unit in units:
        prefix = PREFIX[unit.kind]
        counts[prefix] = counts.get(prefix, 0) + 1
        ids[unit.index] = f"{prefix}{counts[prefix]}"
    return ids


def _source(article: Article) -> MapSource | None:
    """The article's title and the source fields its lines state; None when there are none."""
    meta = article.meta
    if article.title is None and not meta:
        return None
    title = " ".join(article.title.text.split()) if article.title is not None else None
    year = meta.get("year")
    return MapSource(
        title=title,
        publication=_string(meta.get("publication")),
        author=_string(meta.get("author")),
        year=year if isinstance(year, int) else None,
        url=_url(meta.get("url")),
    )


def _string(value: object) -> str | None:
    """``value`` when it is a string with some text, else None."""
    return value if isinstance(value, str) and value.strip() else None


def _url(value: object) -> str | None:
    """``value`` when it is a usable http or https address, else None (a
    malformed address line is not copied into the map, where it would be an
    error)."""
    url = _string(value)
    if url is None or url_scheme(url) not in ("http", "https") or url_problem(url) is not None:
        return None
    return url


def _draft_block(
    ids: dict[int, str],
    order: list[int],
    candidates: list[Candidate],
    rels: list[Relation],
    review: set[int],
    article: Article,
) -> dict[str, object]:
    """The ``draft:`` block (see the module docstring); ``order``: unit indices in map order."""
    to_check = review | {c.unit for c in candidates}
    return {
        "thesis_candidates": [
            {"claim": ids[c.unit], "rank": c.rank, "score": c.score} for c in candidates
        ],
        "relations": [
            {
                "from": ids[r.source],
                "to": ids[r.target],
                "type": _TYPE[r.type],
                "marker": r.marker,
                "confidence": r.confidence,
            }
            for r in rels
        ],
        "review": [ids[i] for i in order if i in to_check],
        "dropped": [d.number for d in article.dropped],
    }


def build_map(
    article: Article,
    units: list[Unit],
    candidates: list[Candidate],
    relations: list[Relation],
    review: set[int],
    pipeline: str,
    out_path: str = "<draft>",
    restated: list[tuple[int, tuple[int, int]]] | None = None,
) -> Draft:
    """The draft map of ``units`` (whose ``kind`` is final), named ``out_path``;
    ``restated``: (unit index, span) of each restatement merged into a unit."""
    ids = claim_ids(units)
    ordered = sorted(units, key=lambda u: (u.kind != "thesis", u.index))
    claims = {
        ids[u.index]: Claim(ids[u.index], u.kind, u.text, para=(u.para,), span=(u.start, u.end))
        for u in ordered
    }
    rels = sorted(relations, key=lambda r: (r.source, r.target))
    inferences = [
        Inference(
            shorthand_inference_id(ids[r.source], ids[r.target]), (ids[r.source],), ids[r.target]
        )
        for r in rels
        if r.type == "support"
    ]
    attacks = [Attack(ids[r.source], ids[r.target]) for r in rels if r.type == "attack"]
    block = {
        "pipeline": pipeline,
        **_draft_block(ids, [u.index for u in ordered], candidates, rels, review, article),
    }
    if restated:
        block["restatements"] = [
            {"claim": ids[index], "span": [start, end]} for index, (start, end) in restated
        ]
    title = article.title.text if article.title is not None else None
    amap = ArgumentMap(
        path=out_path,
        claims=claims,
        inferences=tuple(inferences),
        attacks=tuple(attacks),
        title=title and " ".join(title.split()),
        source=_source(article),
        extra={"draft": block},
    )
    return Draft(amap, pipeline, article)
