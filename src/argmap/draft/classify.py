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
* Thesis candidates are ranked in :mod:`argmap.draft.thesis`.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from argmap.draft.patterns import Cue, Patterns
from argmap.draft.segment import Segmented, Unit, is_content, within
from argmap.model import BASIS_KINDS, Kind

#: Cue kinds not counted inside quotation marks (they are someone else's words).
_OWN_VOICE = frozenset({"thesis", "modal"})


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
        loud = shouted(unit.text)
        first = _first_word(unit)
        spans: list[tuple[int, int, Cue]] = []
        for group, key, start, end in within(seg.matches[unit.para], unit.i, unit.j):
            found = by_id.get(key) if group == "cue" else None
            if found is None or not (unit.i <= start and end <= unit.j):
                continue
            cue = found
            if cue.kind in _OWN_VOICE and shielded[start]:
                continue
            if (cue.at_start and start != first) or (loud and cue.by_case):
                continue
            spans.append((start, end, cue))
        _signpost(unit, spans, patterns.settings)
        for cue in outermost(spans):
            unit.cues[cue.id] = cue
        for ent in _entities(unit, ents) if entities else ():
            if unit.i <= ent.start and ent.end <= unit.j:
                for cue in by_label.get(ent.label_, []):
                    unit.cues[cue.id] = cue


def outermost(spans: list[tuple[int, int, Cue]]) -> list[Cue]:
    """The cues of ``spans`` (token start, end, cue) that lie inside no longer
    match of a cue of their kind ("must" inside "we must" counts once), in
    time O(n log n) for n matches."""
    out: list[Cue] = []
    reach: dict[str, tuple[int, int]] = {}  # kind → (furthest end so far, its start)
    for start, end, cue in sorted(spans, key=lambda s: (s[0], -s[1])):
        far, at = reach.get(cue.kind, (-1, start))
        if end < far or (end == far and at < start):
            continue
        out.append(cue)
        if end > far:
            reach[cue.kind] = (end, start)
    return out


def _signpost(unit: Unit, spans: list[tuple[int, int, Cue]], settings: dict[str, Any]) -> None:
    """Mark the unit a signpost when, outside its ``signpost`` cues, it has fewer
    than ``min_content_words`` content words ("The first reason is cost.")."""
    marks = [(a, b) for a, b, cue in spans if cue.kind == "signpost"]
    if not marks:
        return
    inside = {k for a, b in marks for k in range(a, b)}
    rest = sum(1 for k in range(unit.i, unit.j) if k not in inside and is_content(unit.doc[k]))
    unit.signpost = rest < settings["min_content_words"]


def shouted(text: str) -> bool:
    """Whether ``text`` is written in capital letters (at least two words with a
    capital letter, none with a small letter): set like a headline. A script
    without letter case (Chinese, Arabic) is never shouted."""
    if any(ch.islower() for ch in text):
        return False
    return sum(1 for w in text.split() if any(ch.isupper() for ch in w)) >= 2


def _first_word(unit: Unit) -> int:
    """The token index of the unit's first word (after opening quotes, brackets and
    an "and" that joins it to the sentence before)."""
    k = unit.i
    while k < unit.j - 1 and (unit.doc[k].is_punct or unit.doc[k].lower_ == "and"):
        k += 1
    return k


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


#: The thesis cues of one claim add up to at most this ("I think we should …"
#: counts a stance and a recommendation, not every synonym it uses).
THESIS_CUE_CAP = 4.0


def thesis_cue(unit: Unit) -> float:
    """The sum of the weights of the unit's thesis cues, at most :data:`THESIS_CUE_CAP`."""
    return min(cue_sum(unit, "thesis"), THESIS_CUE_CAP)


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


def conceded(units: list[Unit], index: int, settings: dict[str, Any]) -> bool:
    """Whether the unit at ``index`` is a point the author concedes before
    answering it: it opens with a concession cue too weak to make an objection
    alone ("Sure, …", "Of course …") and the next claim of its paragraph opens
    with a contrast ("But …", "Still, …": an attacking opener or a
    ``rebuttal`` cue). Biber et al. 1999, §10.2.8: concessive linking
    adverbials and the contrast that completes them."""
    unit = units[index]
    if not 0 < cue_sum(unit, "objection") < settings["objection_threshold"]:
        return False
    if index + 1 >= len(units) or units[index + 1].para != unit.para:
        return False
    after = units[index + 1]
    opener = after.opener
    contrast = opener is not None and opener.type == "attack"
    return contrast or cue_sum(after, "rebuttal") >= settings["rebuttal_threshold"]
