"""Ranking the thesis candidates of a draft.

Where the thesis stands and how it is worded (weights in ``patterns/cues.json``):

* **Who may be the thesis.** The title; a sentence set in capital letters
  (like a headline); in an article of several paragraphs, the claims of the
  opening and closing paragraphs whose ``thesis`` cues weigh 1 or more; in an
  article of one paragraph, its first and last claims and every claim with a
  ``thesis`` cue in its first ``opening_paragraphs`` and last
  ``closing_paragraphs`` sentences (the sentences of a one-paragraph text
  play the part of an article's paragraphs). Never a question, nor a claim the
  author concedes or reports as someone else's view (an ``objection`` cue,
  or the first part of ``"X, but Y"`` / ``"Although X, Y"``).
* **Score** = the claim's thesis cues (a recommendation such as *should*, the
  author's own stance such as *I think*, an evaluation such as *is unfair*,
  a concluding adverbial such as *Therefore*; together at most
  :data:`~argmap.draft.classify.THESIS_CUE_CAP`) + a position bonus
  (``thesis_bonus``) + its ``reason`` cues (negative: a sentence opening with
  *Moreover*, *For example*, *Because* gives a reason for something else) −
  :data:`REASON_PENALTY` when a discourse marker makes it the reason of
  another claim (``"X because Y"``: Y; ``"X. So Y"``: X) + ``thesis_echo``
  times its largest text similarity to another candidate (a thesis stated
  in the headline or opening is restated at the end).
* **Position.** ``title`` for the title and sentences in capitals. In an
  article of several paragraphs, by paragraph: ``first`` (the first),
  ``opening`` (the others of the first ``opening_paragraphs``), ``last``,
  ``closing``. In an article of one paragraph, by sentence: ``lead`` for its
  first claim (the topic sentence), ``end`` for its last.

The cues follow the descriptions of linking adverbials (Biber et al. 1999,
*Longman Grammar of Spoken and Written English*, §10.2: enumeration and
addition, summation, result/inference, concession) and of stance and
attitude markers (Hyland 2005, *Metadiscourse*, ch. 3); the placement of a
thesis or topic sentence first in a paragraph and its restatement in the
conclusion is the composition handbooks' (e.g. Oshima & Hogue, *Writing
Academic English*, ch. 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.draft.classify import conceded, cue_sum, shouted, thesis_cue
from argmap.draft.segment import Split, Unit
from argmap.util.similarity import concepts, text_similarity
from argmap.util.text import ochiai

#: At most this many thesis candidates are listed.
MAX_CANDIDATES = 5
#: At most this many candidates, the best before the echo, are compared with
#: each other for the echo (keeps ranking linear in the article's length).
ECHO_POOL = 64
#: Taken off a claim that a discourse marker makes the reason of another.
REASON_PENALTY = 2.0


@dataclass(frozen=True)
class Candidate:
    """A thesis candidate: unit index, rank (1 = the thesis) and score."""

    unit: int
    rank: int
    score: float


def marker_roles(units: list[Unit], splits: list[Split]) -> tuple[set[int], set[int]]:
    """(reasons, disputed): the units a discourse marker makes the reason of
    another, and the units a marker makes the author attack."""
    reasons: set[int] = set()
    disputed: set[int] = set()
    for split in splits:
        m = split.marker
        forward = m.source in ("before", "clause")
        source, target = (split.first, split.second) if forward else (split.second, split.first)
        if m.type == "support":
            reasons.add(source)
        elif m.type == "attack":
            disputed.add(target)
    for unit in units:
        lead = unit.opener
        if lead is None or lead.type == "none" or unit.index == 0:
            continue
        ends = (unit.index, unit.index - 1)
        source, target = ends if lead.source == "this" else ends[::-1]
        if lead.type == "support":
            reasons.add(source)
        else:
            disputed.add(target)
    return reasons, disputed


def _position(unit: Unit, place: dict[int, int], one: bool, settings: dict[str, Any]) -> float:
    """The position bonus (see the module docstring); -1.0 when it gets none."""
    bonus = settings["thesis_bonus"]
    if unit.title or shouted(unit.text):
        return float(bonus["title"])
    if one:
        first, last = min(place.values()), max(place.values())
        k = place[unit.index]
        return float(bonus["lead"] if k == first else bonus["end"] if k == last else 0.0)
    k, last = place[unit.para], len(place) - 1
    options = [-1.0]
    if k == 0:
        options.append(bonus["first"])
    elif k < settings["opening_paragraphs"]:
        options.append(bonus["opening"])
    if k == last:
        options.append(bonus["last"])
    elif k > last - settings["closing_paragraphs"]:
        options.append(bonus["closing"])
    return float(max(options))


def _echoes(units: list[Unit], chosen: list[int], group: dict[int, int]) -> dict[int, float]:
    """For each unit index of ``chosen``, its largest
    :func:`~argmap.util.similarity.text_similarity` to a chosen unit of another
    ``group`` (0.0 when there is none). Only pairs sharing a concept are
    compared (the others' similarity is 0), found through an index of concepts.
    """
    sets = {index: concepts(units[index].text) for index in chosen}
    holders: dict[str, dict[int, list[int]]] = {}  # concept → group → unit indices
    for index in chosen:
        for concept in sets[index]:
            holders.setdefault(concept, {}).setdefault(group[index], []).append(index)
    out = {}
    for index in chosen:
        near = {
            other
            for concept in sets[index]
            for where, others in holders[concept].items()
            if where != group[index]
            for other in others
        }
        out[index] = max((ochiai(sets[index], sets[o]) for o in near), default=0.0)
    return out


def _question(unit: Unit) -> bool:
    """Whether the unit is a question (never the thesis: its answer is)."""
    return unit.text.rstrip().endswith("?")


def _asserted(units: list[Unit], disputed: set[int], settings: dict[str, Any]) -> list[Unit]:
    """The units the author asserts: not disputed, conceded or reported as
    someone else's view, no signpost and no question (the answer is the claim)."""
    limit = settings["objection_threshold"]
    return [
        u
        for u in units
        if u.index not in disputed
        and not u.signpost
        and not conceded(units, u.index, settings)
        and cue_sum(u, "objection") < limit
        and not _question(u)
    ]


def thesis_candidates(
    units: list[Unit], splits: list[Split], settings: dict[str, Any]
) -> list[Candidate]:
    """Ranked thesis candidates (see the module docstring); empty only when
    every unit is a signpost or a question.

    Ranked by score, highest first, ties in text order. With no candidate at
    all, the first unit the author asserts (else the first statement that is
    not a signpost) is the only one, with score 0.
    """
    reasons, disputed = marker_roles(units, splits)
    own = _asserted(units, disputed, settings)
    paras = sorted({u.para for u in units if not u.title})
    one = len(paras) == 1
    if one:  # the sentence of each claim the author asserts
        place = {u.index: u.sentence for u in own if not u.title}
        said = sorted(set(place.values()))
        near = set(said[: settings["opening_paragraphs"]])
        near |= set(said[-settings["closing_paragraphs"] :])
        own = [u for u in own if u.title or place[u.index] in near]
    else:
        place = {p: k for k, p in enumerate(paras)}
    base: dict[int, float] = {}
    for unit in own:
        cue = thesis_cue(unit)
        bonus = _position(unit, place, one, settings)
        headline = unit.title or shouted(unit.text)
        if bonus < 0 or not (headline or cue >= 1 or (one and (bonus > 0 or cue > 0))):
            continue
        penalty = REASON_PENALTY if unit.index in reasons else 0.0
        base[unit.index] = cue + bonus + cue_sum(unit, "reason") - penalty
    if len(base) > ECHO_POOL:  # only the best are compared with each other
        best = sorted(base, key=lambda i: (-base[i], i))[:ECHO_POOL]
        base = {i: base[i] for i in sorted(best)}
    group = {i: (i if one else units[i].para) for i in base}
    echoes = _echoes(units, list(base), group)
    scored = sorted(
        (-round(score + settings["thesis_echo"] * echoes[i], 2), i) for i, score in base.items()
    )
    if not scored:
        fallback = _fallback(units, own)
        if fallback is not None:
            scored.append((0.0, fallback))
    return [
        Candidate(index, rank, round(-neg, 2) + 0.0)
        for rank, (neg, index) in enumerate(scored[:MAX_CANDIDATES], start=1)
    ]


def _fallback(units: list[Unit], own: list[Unit]) -> int | None:
    """The thesis when no unit has a cue: the first unit the author asserts,
    else the first statement that is not a signpost; None when there is none
    (a question is never the thesis)."""
    for pool in (own, [u for u in units if not u.signpost and not _question(u)]):
        if pool:
            return min(u.index for u in pool)
    return None


#: Two thesis candidates this similar say the same (a restatement).
RESTATE_SIMILARITY = 0.7
#: ... or this similar when one opens the article and the other closes it.
RESTATE_SIMILARITY_APART = 0.5


def _concludes(unit: Unit) -> bool:
    """Whether the unit opens with a concluding adverbial ("In conclusion", "Therefore")."""
    return any(c.kind == "thesis" and c.at_start for c in unit.cues.values())


def restatements(
    units: list[Unit], candidates: list[Candidate], settings: dict[str, Any]
) -> tuple[list[Candidate], dict[int, int]]:
    """The candidates with the thesis's restatements merged into it, and the
    merged units (unit index → the thesis's unit index).

    A candidate restates the top candidate (or the other way round) when one
    opens the argument and the other closes it, and either their texts are
    alike (:data:`RESTATE_SIMILARITY`, or :data:`RESTATE_SIMILARITY_APART` for
    claims paragraphs apart) or the closing one opens with a concluding
    adverbial (a topic sentence and the concluding sentence that restates
    it). Opening and closing: in an article of one paragraph, its first and
    last sentences among the candidates; otherwise an earlier and a later
    paragraph within the first ``opening_paragraphs`` and last
    ``closing_paragraphs``, the earlier with a thesis cue of 1 or more. The
    earliest stays the thesis (but a concluding sentence of a one-paragraph
    text whose first sentence has no thesis cue: it states the thesis more
    plainly), with the top candidate's score; the others are merged into it
    and are not claims. A top candidate that is a headline (the title, a
    sentence in capitals) is restated by the article's claims, not merged.
    """
    if not candidates:
        return candidates, {}
    top = units[candidates[0].unit]
    if top.title or shouted(top.text):  # a headline: the article restates it
        return candidates, {}
    place = _places(units, candidates, settings)
    same = [top.index]
    keep: int | None = None  # the concluding sentence, when the first has no thesis cue
    for cand in candidates[1:]:
        verdict = _restates(top, units[cand.unit], place)
        if verdict is not None:
            same.append(cand.unit)
            keep = verdict if verdict >= 0 else keep
    if len(same) == 1:
        return candidates, {}
    thesis = keep if keep is not None else min(same)
    merged = {index: thesis for index in same if index != thesis}
    kept = [c for c in candidates if c.unit not in merged and c.unit != thesis]
    ranked = [Candidate(thesis, 1, candidates[0].score)]
    ranked += [Candidate(c.unit, rank, c.score) for rank, c in enumerate(kept, start=2)]
    return ranked, merged


def _restates(top: Unit, other: Unit, place: dict[int, str]) -> int | None:
    """None when ``other`` does not restate ``top`` (see :func:`restatements`);
    else the index of the unit to keep as the thesis when that is not simply
    the earliest, or -1."""
    if other.title:
        return None
    pair = place.get(top.index), place.get(other.index)
    if None in pair or pair[0] == pair[1]:
        return -1 if text_similarity(top.text, other.text) >= RESTATE_SIMILARITY else None
    first, last = (top, other) if pair[0] == "open" else (other, top)
    apart = first.para != last.para
    alike = text_similarity(top.text, other.text) >= (
        RESTATE_SIMILARITY_APART if apart else RESTATE_SIMILARITY
    )
    if not (alike or _concludes(last)) or (apart and thesis_cue(first) < 1):
        return None
    return last.index if not alike and not apart and thesis_cue(first) <= 0 else -1


def _places(
    units: list[Unit], candidates: list[Candidate], settings: dict[str, Any]
) -> dict[int, str]:
    """For candidates that open or close the argument (see :func:`restatements`),
    ``"open"`` or ``"close"``; in an article of one paragraph, the first claim
    of its first and of its last sentence among the candidates."""
    body = [units[c.unit] for c in candidates if not units[c.unit].title]
    paras = sorted({u.para for u in units if not u.title})
    if len(paras) == 1:
        said = [u.sentence for u in body]
        if not said or min(said) == max(said):
            return {}
        ends = {min(said): "open", max(said): "close"}
        out: dict[int, str] = {}
        for u in sorted(body, key=lambda u: u.index):  # the first claim of each sentence
            if u.sentence in ends and ends[u.sentence] not in out.values():
                out[u.index] = ends[u.sentence]
        return out
    order = {p: k for k, p in enumerate(paras)}
    first = min((order[u.para] for u in body), default=0)
    last = max((order[u.para] for u in body), default=0)
    out = {}
    for u in body:
        k = order[u.para]
        if k == first and k < settings["opening_paragraphs"]:
            out[u.index] = "open"
        elif k == last and k > first and k >= len(paras) - settings["closing_paragraphs"]:
            out[u.index] = "close"
    return out
