"""Comparing two maps of the same text: a draft or a student's map (A) against a reference (B).

Claims are matched one to one (:mod:`argmap.analysis.matching`: text similarity
that survives paraphrase, kind agreement, a teacher's pinned and forbidden
pairs). Then precision (over A) and recall (over B) are counted for claims,
for kinds (over matched claims) and for relations: ALL relations of both maps,
typed so that linked and independent support and undercuts and attacks are
told apart (:mod:`argmap.analysis.relations`); a model relation whose claims
the student missed counts as missing. Matched pairs whose claims play
different roles (a premise matched to a rebuttal) are listed. Definitions:
docs/grading.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.analysis.matching import (
    THRESHOLD,
    Match,
    Pairs,
    RoleMismatch,
    match_claims,
    role_mismatches,
    similarity,
)
from argmap.analysis.relations import TYPES, Relation, RelationDiff, diff_relations
from argmap.model import KINDS, ArgumentMap, Kind

__all__ = ["Comparison", "Match", "Pairs", "Score", "compare_maps", "match_claims", "similarity"]


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Score:
    """Precision ``hits / of_a`` and recall ``hits / of_b`` (None when a count is 0)."""

    hits: int
    of_a: int
    of_b: int

    @property
    def precision(self) -> float | None:
        """``hits / of_a``, or None when ``of_a`` is 0."""
        return self.hits / self.of_a if self.of_a else None

    @property
    def recall(self) -> float | None:
        """``hits / of_b``, or None when ``of_b`` is 0."""
        return self.hits / self.of_b if self.of_b else None

    def as_dict(self) -> dict[str, object]:
        """``{"precision", "recall", "hits", "of_a", "of_b"}`` (rates to 4 decimals)."""
        return {
            "precision": _round(self.precision),
            "recall": _round(self.recall),
            "hits": self.hits,
            "of_a": self.of_a,
            "of_b": self.of_b,
        }


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare_maps`.

    Attributes:
        matches: matched claims, in A's claim order.
        claims: matched claims over A's and B's claims.
        kinds: matched claims of the same kind over matched claims (so
            precision equals recall).
        by_kind: per kind k, pairs where both are k over pairs where A's
            (precision) or B's (recall) claim is k.
        relations: relations in both maps over all of A's and all of B's
            relations (:mod:`argmap.analysis.relations`).
        by_type: the same per relation type (``supports``, ``linked``,
            ``attacks``, ``undercuts``), for the types either map has.
        diff: the relations shared, missing and extra, and those drawn in
            the wrong form (linked drawn as separate, undercut as attack…).
        roles: matched pairs whose claims play different roles.
        unmatched_a: ids of A's claims left unmatched; ``unmatched_b`` likewise.
    """

    matches: tuple[Match, ...]
    claims: Score
    kinds: Score
    by_kind: dict[Kind, Score] = field(default_factory=dict)
    relations: Score = Score(0, 0, 0)
    by_type: dict[str, Score] = field(default_factory=dict)
    diff: RelationDiff = RelationDiff((), (), (), 0, 0)
    roles: tuple[RoleMismatch, ...] = ()
    unmatched_a: tuple[str, ...] = ()
    unmatched_b: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The JSON form: ``claims``, ``kinds`` (with ``by_kind``), ``relations`` (with
        ``by_type``, ``missing``, ``extra`` and the wrong forms), ``matches``,
        ``role_mismatches``, ``unmatched_a``, ``unmatched_b``."""
        kinds = self.kinds.as_dict()
        kinds["by_kind"] = {k: s.as_dict() for k, s in self.by_kind.items()}
        relations = self.relations.as_dict()
        relations["by_type"] = {k: s.as_dict() for k, s in self.by_type.items()}
        rels = {
            "missing": self.diff.missing,
            "extra": self.diff.extra,
            "linked_drawn_separate": self.diff.linked_split,
            "separate_drawn_linked": self.diff.linked_joined,
            "undercut_drawn_as_attack": self.diff.undercut_as_attack,
            "attack_drawn_as_undercut": self.diff.attack_as_undercut,
        }
        relations.update({k: [r.as_dict() for r in v] for k, v in rels.items()})
        return {
            "claims": self.claims.as_dict(),
            "kinds": kinds,
            "relations": relations,
            "matches": [_match_dict(m) for m in self.matches],
            "role_mismatches": [r.as_dict() for r in self.roles],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
        }


def _match_dict(m: Match) -> dict[str, object]:
    out: dict[str, object] = {"a": m.a, "b": m.b, "score": round(m.score, 4)}
    if m.pinned:
        out["pinned"] = True
    return out


def _by_type(diff: RelationDiff, rel_a: list[Relation]) -> dict[str, Score]:
    out: dict[str, Score] = {}
    for kind in TYPES:
        hits = sum(1 for r in diff.shared if r.type == kind)
        of_a = sum(1 for r in rel_a if r.type == kind)
        of_b = hits + sum(1 for r in diff.missing if r.type == kind)
        if of_a or of_b:
            out[kind] = Score(hits, of_a, of_b)
    return out


def _by_kind(kind_pairs: list[tuple[Kind, Kind]]) -> dict[Kind, Score]:
    by_kind: dict[Kind, Score] = {}
    for kind in KINDS:
        hits = sum(1 for ka, kb in kind_pairs if ka == kb == kind)
        of_a = sum(1 for ka, _ in kind_pairs if ka == kind)
        of_b = sum(1 for _, kb in kind_pairs if kb == kind)
        if of_a or of_b:
            by_kind[kind] = Score(hits, of_a, of_b)
    return by_kind


def compare_maps(
    a: ArgumentMap, b: ArgumentMap, pairs: Pairs | None = None, threshold: float = THRESHOLD
) -> Comparison:
    """Compare map ``a`` (a draft or a student's map) with map ``b`` (the reference).

    Args:
        pairs: a teacher's pinned and forbidden pairs (None: none).
        threshold: smallest text similarity of a match, in (0, 1].
    """
    matches = match_claims(a, b, pairs, threshold)
    kind_pairs = [(a.claims[m.a].kind, b.claims[m.b].kind) for m in matches]
    same = sum(1 for ka, kb in kind_pairs if ka == kb)
    matched_a, matched_b = {m.a for m in matches}, {m.b for m in matches}
    diff = diff_relations(a, b, {m.a: m.b for m in matches})
    rel_a = list(diff.extra) + list(diff.shared)
    return Comparison(
        matches=tuple(matches),
        claims=Score(len(matches), len(a.claims), len(b.claims)),
        kinds=Score(same, len(matches), len(matches)),
        by_kind=_by_kind(kind_pairs),
        relations=Score(len(diff.shared), diff.of_a, diff.of_b),
        by_type=_by_type(diff, rel_a),
        diff=diff,
        roles=role_mismatches(a, b, matches),
        unmatched_a=tuple(c for c in a.claims if c not in matched_a),
        unmatched_b=tuple(c for c in b.claims if c not in matched_b),
    )
