"""Matching the claims of a student's map (A) to those of a model map (B), one to one.

* Text similarity: :func:`argmap.util.similarity.text_similarity` (lemmas,
  stop words dropped, a lexicon of synonyms and paraphrases).
* :func:`similarity` = text similarity + :data:`PARA_BONUS` when both claims
  give paragraphs and share one (and share a concept).
* A pair is eligible when its similarity is at least the threshold
  (:data:`THRESHOLD` unless a rubric says otherwise), the two texts do not
  take opposite stances (:func:`argmap.util.similarity.opposed`) and the
  teacher's pairs do not forbid it.
* Pair score = similarity + :data:`KIND_BONUS` when both have the same kind.
* Greedy: pinned pairs first, then eligible pairs from the highest pair score
  down (ties in A's claim order, then B's), each taken when neither claim is
  matched yet. Defined in docs/grading.md ("Matching claims"). Only pairs that
  share a concept are scored (an index of B's concepts, leaving out a concept
  found in more than :data:`argmap.analysis.candidates.MAX_POSTING` of B's
  claims), so maps with little in common are compared quickly; each claim of
  A keeps only its best :data:`MAX_CANDIDATES` candidates. Above :data:`SMALL`
  pairs of claims the pairs are scored in bulk with sparse matrices
  (:func:`argmap.analysis.candidates.best_pairs`), with the same result; the
  greedy step then takes time O(P log P) for P candidates (at most
  :data:`MAX_CANDIDATES` per claim of A).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.analysis import candidates
from argmap.analysis.candidates import best_pairs
from argmap.model import ArgumentMap, Claim, Kind
from argmap.util.similarity import concepts, opposed, text_similarity

#: Smallest text similarity of a match.
THRESHOLD = 0.3
#: Added when the two claims share a paragraph.
PARA_BONUS = 0.15
#: Added when the two claims have the same kind.
KIND_BONUS = 0.1

#: Each claim of A keeps its best this many candidates in B (the same matching as
#: keeping all whenever B has no more claims than this; keeps the memory of
#: matching two huge maps linear: two maps of 2,000 claims took 1.3 GB).
MAX_CANDIDATES = 64
#: Up to this many pairs of claims (claims of A × claims of B), pairs are scored
#: one at a time; above it, in bulk (:mod:`argmap.analysis.candidates`). Both
#: give the same matches; this only spares small maps loading SciPy.
SMALL = 250_000

#: The role each kind plays in an argument, for spotting a claim put in the wrong place.
ROLES: Mapping[Kind, str] = {
    "thesis": "thesis",
    "premise": "reason",
    "evidence": "reason",
    "precedent": "reason",
    "objection": "objection",
    "rebuttal": "rebuttal",
}


def similarity(a: Claim, b: Claim) -> float:
    """Text similarity of two claims plus :data:`PARA_BONUS` when they share a paragraph
    (and share a word); in [0, 1.15]."""
    score = text_similarity(a.text, b.text)
    if score and a.para and b.para and set(a.para) & set(b.para):
        score += PARA_BONUS
    return score


@dataclass(frozen=True)
class Pairs:
    """A teacher's pairs for one student map.

    Attributes:
        pin: student claim id → model claim id, matched whatever their similarity.
        forbid: (student claim id, model claim id) pairs never matched.
    """

    pin: Mapping[str, str] = field(default_factory=dict)
    forbid: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class Match:
    """Claim ``a`` of map A matched to claim ``b`` of map B.

    Attributes:
        score: :func:`similarity` of the two claims (with the paragraph bonus,
            without the kind bonus), in [0, 1.15].
        pinned: the teacher's pairs file pinned this pair.
    """

    a: str
    b: str
    score: float
    pinned: bool = False


def _pinned(a: ArgumentMap, b: ArgumentMap, pairs: Pairs) -> list[Match]:
    """The pins whose two claims both exist, first pin of a claim winning."""
    out: list[Match] = []
    used_a: set[str] = set()
    used_b: set[str] = set()
    for ida, idb in pairs.pin.items():
        if ida in a.claims and idb in b.claims and ida not in used_a and idb not in used_b:
            out.append(Match(ida, idb, similarity(a.claims[ida], b.claims[idb]), pinned=True))
            used_a.add(ida)
            used_b.add(idb)
    return out


def _pair_by_pair(
    a: list[Claim],
    b: list[Claim],
    skip: tuple[set[int], set[int], set[tuple[int, int]]],
    threshold: float,
    bonuses: tuple[float, float],
    keep: int,
) -> list[tuple[float, int, int, float]]:
    """:func:`argmap.analysis.candidates.best_pairs` scoring one pair at a time
    (no array library to load: quicker on small maps)."""
    index: dict[str, list[int]] = {}
    for j, cb in enumerate(b):
        for concept in concepts(cb.text):
            index.setdefault(concept, []).append(j)
    out: list[tuple[float, int, int, float]] = []
    for i, ca in enumerate(a):
        if i in skip[0]:
            continue
        postings = (index.get(c, ()) for c in concepts(ca.text))
        near = {j for p in postings if len(p) <= candidates.MAX_POSTING for j in p}
        mine: list[tuple[float, int, int, float]] = []
        for j in sorted(near - skip[1]):
            cb = b[j]
            score = similarity(ca, cb)
            if (i, j) in skip[2] or score < threshold or opposed(ca.text, cb.text):
                continue
            total = score + (bonuses[1] if ca.kind == cb.kind else 0.0)
            mine.append((-round(total, 9), i, j, score))
        out += heapq.nsmallest(keep, mine)
    return sorted(out)


def match_claims(
    a: ArgumentMap, b: ArgumentMap, pairs: Pairs | None = None, threshold: float = THRESHOLD
) -> list[Match]:
    """One-to-one matching of A's claims to B's (see the module docstring), in A's order."""
    pairs = pairs or Pairs()
    chosen = _pinned(a, b, pairs)
    used_a, used_b = {m.a for m in chosen}, {m.b for m in chosen}
    a_items, b_items = list(a.claims.items()), list(b.claims.items())
    col = {cid: j for j, cid in enumerate(b.claims)}
    row = {cid: i for i, cid in enumerate(a.claims)}
    forbid = {(row[x], col[y]) for x, y in pairs.forbid if x in row and y in col}
    skip = ({row[x] for x in used_a}, {col[y] for y in used_b}, forbid)
    a_claims, b_claims = [c for _, c in a_items], [c for _, c in b_items]
    find = _pair_by_pair if len(a_items) * len(b_items) <= SMALL else best_pairs
    candidates = find(
        a_claims, b_claims, skip, threshold, (PARA_BONUS, KIND_BONUS), MAX_CANDIDATES
    )
    for _, i, j, score in candidates:
        ida, idb = a_items[i][0], b_items[j][0]
        if ida not in used_a and idb not in used_b:
            chosen.append(Match(ida, idb, score))
            used_a.add(ida)
            used_b.add(idb)
    rank = {cid: i for i, cid in enumerate(a.claims)}
    return sorted(chosen, key=lambda m: rank[m.a])


@dataclass(frozen=True)
class RoleMismatch:
    """A matched pair whose claims play different roles (:data:`ROLES`), e.g. a
    student's premise matched to the model's rebuttal."""

    a: str
    b: str
    kind_a: Kind
    kind_b: Kind

    def as_dict(self) -> dict[str, str]:
        """``{"a", "b", "kind_a", "kind_b"}``."""
        return {"a": self.a, "b": self.b, "kind_a": self.kind_a, "kind_b": self.kind_b}


def role_mismatches(
    a: ArgumentMap, b: ArgumentMap, matches: list[Match]
) -> tuple[RoleMismatch, ...]:
    """The matched pairs whose kinds play different roles, in A's order."""
    return tuple(
        RoleMismatch(m.a, m.b, a.claims[m.a].kind, b.claims[m.b].kind)
        for m in matches
        if ROLES[a.claims[m.a].kind] != ROLES[b.claims[m.b].kind]
    )


def opposites(
    a: ArgumentMap, b: ArgumentMap, matches: list[Match], threshold: float = THRESHOLD
) -> dict[str, str]:
    """Model claim id → the unmatched student claim that says its opposite: similar
    enough to match (:func:`similarity` ≥ ``threshold``) but of the opposite stance
    (:func:`argmap.util.similarity.opposed`); the most similar one, ties in A's order,
    each student claim used once. Only unmatched claims sharing a concept are
    compared (a pair sharing none has similarity 0, below any threshold)."""
    used_b = {m.b for m in matches}
    used_a = {m.a for m in matches}
    index: dict[str, list[str]] = {}
    for ida, ca in a.claims.items():
        if ida not in used_a:
            for concept in concepts(ca.text):
                index.setdefault(concept, []).append(ida)
    rank = {cid: i for i, cid in enumerate(a.claims)}
    out: dict[str, str] = {}
    for idb, cb in b.claims.items():
        if idb in used_b:
            continue
        near = {ida for c in concepts(cb.text) for ida in index.get(c, ())} - set(out.values())
        scored = [
            (-similarity(a.claims[ida], cb), rank[ida], ida)
            for ida in near
            if opposed(a.claims[ida].text, cb.text)
        ]
        best = min((t for t in scored if -t[0] >= threshold), default=None)
        if best is not None:
            out[idb] = best[2]
    return out
