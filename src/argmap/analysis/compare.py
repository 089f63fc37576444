"""Comparing two maps of the same text: a draft or a student's map (A) against a reference (B).

Claims are matched one to one; then precision and recall are counted for
claims, for kinds (over matched claims) and for relations (over pairs of
matched claims).

Text similarity of two claims (:func:`similarity`):

1. Words: the text is lower-cased, curly apostrophes made straight, dotted
   acronyms joined (``U.S.`` → ``us``), a possessive ``'s`` dropped; a word
   is a run of letters and digits, and a hyphenated word counts as its parts
   and as the parts joined (``geo-political`` → ``geo``, ``political``,
   ``geopolitical``).
2. Words of one character and English stop words (the Snowball list,
   https://snowballstem.org/algorithms/english/stop.txt) are dropped, except
   acronyms written in capitals (``US``); the rest lose their apostrophes and
   are stemmed with the Snowball English (Porter 2) stemmer.
3. The score is the Ochiai (cosine) coefficient of the two sets of stems,
   ``|A ∩ B| / sqrt(|A| · |B|)``, plus :data:`PARA_BONUS` when they share a
   stem and both claims give paragraphs (``para``) and share one.

Two claims can be matched when they share at least one stem and score at
least :data:`THRESHOLD`; the matching is a maximum-weight matching of the
bipartite graph of such pairs (networkx ``max_weight_matching``, Galil 1986),
so each claim is matched at most once and the total score is as high as it
can be.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from argmap.model import KINDS, ArgumentMap, Claim, Kind
from argmap.util.text import stem_overlap, stems

#: Smallest score of a match.
THRESHOLD = 0.3
#: Added when the two claims share a paragraph.
PARA_BONUS = 0.15


def similarity(a: Claim, b: Claim) -> float:
    """Similarity of two claims' texts, with the paragraph bonus (see the module docstring)."""
    score = stem_overlap(a.text, b.text)
    if score and a.para and b.para and set(a.para) & set(b.para):
        score += PARA_BONUS
    return score


@dataclass(frozen=True)
class Match:
    """Claim ``a`` of map A matched to claim ``b`` of map B, with their similarity."""

    a: str
    b: str
    score: float


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
        relations: relations between matched claims found in both maps, over
            A's and B's relations whose two ends are matched.
        unmatched_a: ids of A's claims left unmatched; ``unmatched_b`` likewise.
    """

    matches: tuple[Match, ...]
    claims: Score
    kinds: Score
    by_kind: dict[Kind, Score] = field(default_factory=dict)
    relations: Score = Score(0, 0, 0)
    unmatched_a: tuple[str, ...] = ()
    unmatched_b: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """The JSON form: ``claims``, ``kinds`` (with ``by_kind``), ``relations``, ``matches``."""
        kinds = self.kinds.as_dict()
        kinds["by_kind"] = {k: s.as_dict() for k, s in self.by_kind.items()}
        return {
            "claims": self.claims.as_dict(),
            "kinds": kinds,
            "relations": self.relations.as_dict(),
            "matches": [{"a": m.a, "b": m.b, "score": round(m.score, 4)} for m in self.matches],
            "unmatched_a": list(self.unmatched_a),
            "unmatched_b": list(self.unmatched_b),
        }


def match_claims(a: ArgumentMap, b: ArgumentMap) -> list[Match]:
    """One-to-one matching of A's claims to B's (see the module docstring), in A's order."""
    graph: nx.Graph[tuple[str, str]] = nx.Graph()
    stems_b = {cid: stems(c.text) for cid, c in b.claims.items()}
    for ida, ca in a.claims.items():
        sa = stems(ca.text)
        for idb, cb in b.claims.items():
            if not sa & stems_b[idb]:
                continue
            score = similarity(ca, cb)
            if score >= THRESHOLD:
                graph.add_edge(("a", ida), ("b", idb), weight=round(score * 10_000))
    pairs: dict[str, str] = {}
    for u, v in nx.max_weight_matching(graph):
        (_, ida), (_, idb) = (u, v) if u[0] == "a" else (v, u)
        pairs[ida] = idb
    rank = {cid: i for i, cid in enumerate(a.claims)}
    return [
        Match(ida, pairs[ida], similarity(a.claims[ida], b.claims[pairs[ida]]))
        for ida in sorted(pairs, key=rank.__getitem__)
    ]


def relation_set(amap: ArgumentMap) -> set[tuple[str, str, str]]:
    """``(source, target, type)`` for every relation: ``supports`` (each premise of
    each inference to its conclusion), ``attacks``, and ``undercuts`` (attacker
    to the undercut inference's conclusion)."""
    out = {(p, inf.conclusion, "supports") for inf in amap.inferences for p in inf.premises}
    out |= {(att.attacker, att.target, "attacks") for att in amap.attacks}
    for und in amap.undercuts:
        inf = amap.inference(und.inference)
        if inf is not None:
            out.add((und.attacker, inf.conclusion, "undercuts"))
    return out


def _relations(a: ArgumentMap, b: ArgumentMap, matches: Iterable[Match]) -> Score:
    to_b = {m.a: m.b for m in matches}
    matched_b = set(to_b.values())
    mapped = {(to_b[s], to_b[t], k) for s, t, k in relation_set(a) if s in to_b and t in to_b}
    ref = {(s, t, k) for s, t, k in relation_set(b) if s in matched_b and t in matched_b}
    return Score(len(mapped & ref), len(mapped), len(ref))


def compare_maps(a: ArgumentMap, b: ArgumentMap) -> Comparison:
    """Compare map ``a`` (a draft or a student's map) with map ``b`` (the reference)."""
    matches = match_claims(a, b)
    kind_pairs = [(a.claims[m.a].kind, b.claims[m.b].kind) for m in matches]
    same = sum(1 for ka, kb in kind_pairs if ka == kb)
    by_kind: dict[Kind, Score] = {}
    for kind in KINDS:
        hits = sum(1 for ka, kb in kind_pairs if ka == kb == kind)
        of_a = sum(1 for ka, _ in kind_pairs if ka == kind)
        of_b = sum(1 for _, kb in kind_pairs if kb == kind)
        if of_a or of_b:
            by_kind[kind] = Score(hits, of_a, of_b)
    matched_a, matched_b = {m.a for m in matches}, {m.b for m in matches}
    return Comparison(
        matches=tuple(matches),
        claims=Score(len(matches), len(a.claims), len(b.claims)),
        kinds=Score(same, len(matches), len(matches)),
        by_kind=by_kind,
        relations=_relations(a, b, matches),
        unmatched_a=tuple(c for c in a.claims if c not in matched_a),
        unmatched_b=tuple(c for c in b.claims if c not in matched_b),
    )
