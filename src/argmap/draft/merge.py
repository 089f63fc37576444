"""Merging claims that say the same: restatements and duplicates by meaning.

A later claim that says what an earlier claim of the draft says, in the same
or other words, is merged into the earlier one: it is not drafted as a claim
of its own (its span is listed under ``draft.restatements``). The thesis's
restatements are found by :func:`argmap.draft.thesis.restatements`; other
duplicates here: two claims of the same side (neither an objection while the
other is not) whose texts are at least :data:`DUPLICATE_SIMILARITY` alike
(:func:`argmap.util.similarity.text_similarity`: lemmas, stop words and a
lexicon of paraphrases) and that do not take opposite stances
(:func:`argmap.util.similarity.opposed`: negation and stance words), within
:data:`WINDOW` claims of each other, so the time stays linear. Only pairs
sharing at least two content words are compared by meaning.
"""

from __future__ import annotations

from argmap.draft.segment import Split, Unit
from argmap.draft.thesis import Candidate
from argmap.util.similarity import opposed, text_similarity

#: Two claims at least this alike say the same.
DUPLICATE_SIMILARITY = 0.7
#: Only claims at most this many claims apart are compared.
WINDOW = 12


def _words(unit: Unit) -> frozenset[str]:
    """The unit's content words, lower-cased (read off its tokens, no new parse)."""
    return frozenset(t.lower_ for t in unit.doc[unit.i : unit.j] if t.is_alpha and not t.is_stop)


def duplicates(units: list[Unit], thesis: int, merged: dict[int, int]) -> dict[int, int]:
    """``merged`` (unit index → the index it is merged into) extended by the
    duplicates of the module docstring; the thesis is never merged away and a
    unit is merged into the first unit it repeats."""
    out = dict(merged)
    words = {u.index: _words(u) for u in units}
    for unit in units:
        if unit.index == thesis or unit.index in out or unit.title or unit.signpost:
            continue
        for back in range(max(unit.index - WINDOW, 0), unit.index):
            other = units[back]
            if (
                back in out
                or other.title
                or other.signpost
                or (other.kind == "objection") != (unit.kind == "objection")
            ):
                continue
            if len(words[unit.index] & words[back]) < 2:
                continue  # too little in common to be worth comparing by meaning
            if text_similarity(unit.text, other.text) < DUPLICATE_SIMILARITY:
                continue
            if not opposed(unit.text, other.text):
                out[unit.index] = back
                break
    return out


def without_merged(
    units: list[Unit], splits: list[Split], candidates: list[Candidate], merged: dict[int, int]
) -> tuple[list[Unit], list[Split], list[Candidate], list[tuple[int, tuple[int, int]]]]:
    """``units``, ``splits`` and ``candidates`` without the ``merged`` units, the
    signposts and the title when it is not the thesis (it stays the map's
    ``title``: a headline such as "Why our town needs a library" names the
    topic, it does not support the thesis), renumbered (each kept unit's
    ``index`` is set to its new place), and each merged unit as (the new index
    of the claim it restates, its span)."""
    thesis = {candidates[0].unit} if candidates else set()
    kept = [
        u
        for u in units
        if u.index not in merged and not u.signpost and (not u.title or u.index in thesis)
    ]
    new = {u.index: k for k, u in enumerate(kept)}
    restated = [(new[merged[u.index]], (u.start, u.end)) for u in units if u.index in merged]
    for unit in kept:
        unit.index = new[unit.index]
    splits = [
        Split(new[s.first], new[s.second], s.marker)
        for s in splits
        if s.first in new and s.second in new
    ]
    kept_candidates = [c for c in candidates if c.unit in new]
    candidates = [  # ranked 1, 2, 3 … again
        Candidate(new[c.unit], rank, c.score) for rank, c in enumerate(kept_candidates, start=1)
    ]
    return kept, splits, candidates, restated
