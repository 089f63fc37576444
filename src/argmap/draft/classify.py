"""Proposing each unit's kind from cues, and ranking thesis candidates.

Scoring (weights and thresholds are in ``patterns/cues.json``):

* A unit's *basis score* is the sum of the weights of its ``precedent``,
  ``evidence``, ``basis`` and ``modal`` cues (each cue counted once). It is a
  precedent or evidence claim when the score reaches ``basis_threshold``, or
  ``basis_threshold_after_basis`` when the unit before it in the same
  paragraph is one (a second sentence about the same case).
* Precedent or evidence: whichever of the ``precedent`` and ``evidence`` cue
  sums is larger; a unit that only reached the lower threshold takes its
  neighbour's kind; a tie is a precedent when it has a precedent cue.
* An ``objection`` cue sum reaching ``objection_threshold`` makes an objection.
* Everything else is a premise. Rebuttals come from relations (an answer to an
  objection), see :mod:`argmap.draft.relations`.
* Thesis candidates are the title and the units of the opening and closing
  paragraphs with a ``thesis`` cue. A candidate's score is the largest thesis
  cue weight, plus a position bonus (``thesis_bonus``), plus ``thesis_echo``
  times its largest text similarity to a candidate of another paragraph (a
  thesis is usually stated in the headline or opening and restated at the
  end; the similarity is :func:`argmap.util.similarity.text_similarity`). Ranked highest
  first, ties in text order.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from argmap.draft.patterns import Cue, Patterns
from argmap.draft.segment import Segmented, Unit, within
from argmap.model import BASIS_KINDS, Kind
from argmap.util.similarity import concepts
from argmap.util.text import ochiai

#: At most this many thesis candidates are listed.
MAX_CANDIDATES = 5
#: Cue kinds not counted inside quotation marks (they are someone else's words).
_OWN_VOICE = frozenset({"thesis", "modal"})


@dataclass(frozen=True)
class Candidate:
    """A thesis candidate: unit index, rank (1 = the thesis) and score."""

    unit: int
    rank: int
    score: float


def find_cues(seg: Segmented, patterns: Patterns, entities: bool) -> None:
    """Fill each unit's ``cues`` (cue id → :class:`Cue`) from the matches and entities."""
    by_id = {c.id: c for c in patterns.cues}
    by_label: dict[str, list[Cue]] = {}
    ents: dict[int, tuple[list[Any], list[int]]] = {}
    for cue in patterns.cues:
        for label in cue.entities if entities else ():
            by_label.setdefault(label, []).append(cue)
    for unit in seg.units:
        shielded = seg.shielded[unit.para]
        for group, key, start, end in within(seg.matches[unit.para], unit.i, unit.j):
            found = by_id.get(key) if group == "cue" else None
            if found is None or not (unit.i <= start and end <= unit.j):
                continue
            cue = found
            if cue.kind in _OWN_VOICE and shielded[start]:
                continue
            unit.cues[cue.id] = cue
        for ent in _entities(unit, ents) if entities else ():
            if unit.i <= ent.start and ent.end <= unit.j:
                for cue in by_label.get(ent.label_, []):
                    unit.cues[cue.id] = cue


def _entities(unit: Unit, cache: dict[int, tuple[list[Any], list[int]]]) -> list[Any]:
    """The entities of the unit's paragraph that start inside the unit, in order
    (``cache``: per paragraph, its entities and their start tokens)."""
    if unit.para not in cache:
        spans = list(unit.doc.ents)
        cache[unit.para] = (spans, [e.start for e in spans])
    spans, starts = cache[unit.para]
    return spans[bisect_left(starts, unit.i) : bisect_left(starts, unit.j)]


def cue_sum(unit: Unit, *kinds: str) -> float:
    """Sum of the weights of the unit's cues of these kinds."""
    return sum(c.weight for c in unit.cues.values() if c.kind in kinds)


def thesis_cue(unit: Unit) -> float:
    """The largest weight of the unit's thesis cues (0 when none)."""
    return max((c.weight for c in unit.cues.values() if c.kind == "thesis"), default=0.0)


def _kind(unit: Unit, before: Unit | None, settings: dict[str, Any]) -> tuple[Kind, bool]:
    """(kind, ambiguous) of one unit; ``before``: the previous unit of its paragraph."""
    after_basis = before is not None and before.kind in BASIS_KINDS
    basis = cue_sum(unit, "precedent", "evidence", "basis", "modal")
    need = settings["basis_threshold_after_basis" if after_basis else "basis_threshold"]
    is_basis = basis >= need
    if cue_sum(unit, "objection") >= settings["objection_threshold"]:
        return "objection", is_basis
    if not is_basis:
        return "premise", False
    if after_basis and basis < settings["basis_threshold"]:
        assert before is not None
        return before.kind, False
    pre, ev = cue_sum(unit, "precedent"), cue_sum(unit, "evidence")
    if pre != ev:
        return ("precedent" if pre > ev else "evidence"), False
    return ("precedent" if pre > 0 else "evidence"), pre > 0


def classify(units: list[Unit], settings: dict[str, Any]) -> set[int]:
    """Set each unit's ``kind``; return the indices of units whose kind is ambiguous."""
    ambiguous = set()
    before: Unit | None = None
    for unit in units:
        if before is not None and before.para != unit.para:
            before = None
        unit.kind, unsure = _kind(unit, before, settings)
        if unsure:
            ambiguous.add(unit.index)
        before = unit
    return ambiguous


def _position_bonus(unit: Unit, order: dict[int, int], settings: dict[str, Any]) -> float | None:
    bonus = settings["thesis_bonus"]
    if unit.title:
        return float(bonus["title"])
    k, last = order[unit.para], len(order) - 1
    options = []
    if k == 0:
        options.append(bonus["first"])
    elif k < settings["opening_paragraphs"]:
        options.append(bonus["opening"])
    if k == last:
        options.append(bonus["last"])
    elif k > last - settings["closing_paragraphs"]:
        options.append(bonus["closing"])
    return float(max(options)) if options else None


def _echoes(units: list[Unit], chosen: list[int]) -> dict[int, float]:
    """For each unit index of ``chosen``, its largest
    :func:`~argmap.util.similarity.text_similarity` to a chosen unit of another
    paragraph (0.0 when there is none). Only pairs sharing a concept are
    compared (the others' similarity is 0), found through an index of concepts.
    """
    sets = {index: concepts(units[index].text) for index in chosen}
    holders: dict[str, dict[int, list[int]]] = {}  # concept → paragraph → unit indices
    for index in chosen:
        for concept in sets[index]:
            holders.setdefault(concept, {}).setdefault(units[index].para, []).append(index)
    out = {}
    for index in chosen:
        para = units[index].para
        near = {
            other
            for concept in sets[index]
            for where, others in holders[concept].items()
            if where != para
            for other in others
        }
        out[index] = max((ochiai(sets[index], sets[o]) for o in near), default=0.0)
    return out


def thesis_candidates(units: list[Unit], settings: dict[str, Any]) -> list[Candidate]:
    """Ranked thesis candidates (see the module docstring); never empty if units exist.

    With no title and no normative sentence in the opening or closing
    paragraphs, the first unit is the only candidate, with score 0.
    """
    paras = sorted({u.para for u in units if not u.title})
    order = {number: k for k, number in enumerate(paras)}
    base: dict[int, float] = {}
    for unit in units:
        cue = thesis_cue(unit)
        bonus = _position_bonus(unit, order, settings)
        if bonus is not None and (unit.title or cue > 0):
            base[unit.index] = cue + bonus
    scored = []
    echoes = _echoes(units, list(base))
    for index, score in base.items():
        echo = echoes[index]
        scored.append((-round(score + settings["thesis_echo"] * echo, 2), index))
    if not scored and units:
        scored.append((0.0, units[0].index))
    scored.sort()
    return [
        Candidate(index, rank, round(-neg, 2) + 0.0)
        for rank, (neg, index) in enumerate(scored[:MAX_CANDIDATES], start=1)
    ]
