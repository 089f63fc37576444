"""What a worksheet asks and what its key answers (pure: a map in, words out).

Every box of a worksheet is numbered in reading order (the outline's order,
:func:`argmap.render.outline.outline`: the thesis 1, then its reasons and
objections depth first), and the map drawn is a copy of the map whose claim
ids are those numbers, so no id (``P3``, ``O2``) gives a kind away. Choices
(the blanked boxes, the word bank's order, the cards' order) come from one
:class:`random.Random` seeded with the sheet's seed: the same seed, the same
sheet.

* ``fill``: a share of the claims (never the thesis unless all of them) lose
  their text; the word bank lists those texts shuffled, lettered A, B, C …;
  the key pairs each empty box with its letter and text.
* ``classify``: every box in one look, a "kind: ____" line under its text;
  the list of kinds to choose from; the key gives each box's kind.
* ``flaw``: the boxes without the marks of the checks; one question per kind
  of finding ("Find 2 claims with no reason given."); the key gives each
  finding as a sentence for students naming its boxes.
* ``cards``: each claim on a card, the cards shuffled and numbered; the key
  names what each card does (supports card 3, argues against card 1), the
  thesis's card first and the others in reading order, and draws the map
  with the cards' numbers when it fits a page.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Literal

from argmap.findings import Finding, student_sentence
from argmap.model import KINDS, ArgumentMap, Attack, Claim, Inference, Undercut
from argmap.render.outline import outline
from argmap.render.sheets.numbering import letter
from argmap.render.worksheet.questions import QUESTIONS, question

__all__ = ["QUESTIONS", "Content", "Settings", "question", "worksheet_content"]

#: The kinds of worksheet.
SheetKind = Literal["fill", "classify", "flaw", "cards"]
SHEET_KINDS: tuple[SheetKind, ...] = ("fill", "classify", "flaw", "cards")

#: Each kind of claim in plain words, for the list students choose from.
KIND_WORDS: dict[str, str] = {
    "thesis": "the main claim the whole map argues for",
    "premise": "a reason given for another claim",
    "evidence": "a fact, figure or observation that backs a claim",
    "precedent": "an earlier case that shows the same thing",
    "objection": "a claim that argues against the thesis or one of its reasons",
    "rebuttal": "an answer to an objection",
}

#: The instructions of each kind of sheet: one or two plain sentences.
INSTRUCTIONS: dict[str, str] = {
    "fill": "Some boxes of this argument map are empty. Write in each empty box the "
    "letter of the claim from the word bank that belongs there.",
    "classify": "Each box of this argument map holds one claim. Write what kind of claim "
    "each box is on its line in the table under the map, choosing from the list of kinds.",
    "flaw": "This argument map has weak spots. Answer each question by writing the "
    "numbers of the boxes that show the flaw.",
    "cards": "Cut out the cards along the dashed lines. Arrange them on your desk as an "
    "argument map: the main claim at the top, each reason under what it supports.",
}

#: Where students write the boxes that answer a question of ``flaw``.
ANSWER_LINE = "   Boxes: " + "_" * 16

#: What the boxes of a blank hold: lines to write on.
BLANK_TEXT = "\n".join(["_" * 18] * 2)


@dataclass(frozen=True)
class Settings:
    """What the command line asks of a worksheet.

    Attributes:
        kind: one of :data:`SHEET_KINDS`.
        blank: the share of claims ``fill`` empties, in [0, 1].
        seed: the seed of every random choice.
        paper: ``"a4"`` or ``"letter"``.
        audience: ``"student"`` (no finding codes anywhere), ``"teacher"`` or ``"expert"``
            (the key of ``flaw`` adds each finding's code).
    """

    kind: SheetKind
    blank: float = 0.3
    seed: int = 1
    paper: str = "a4"
    audience: str = "student"


@dataclass(frozen=True)
class Content:
    """The words of one worksheet, before any layout.

    Attributes:
        kind: the kind of sheet.
        title: the map's title.
        instructions: what students do, in one or two sentences.
        shown: the map as drawn: claim ids are box (or card) numbers, texts of
            blanked boxes replaced by lines to write on, sources kept only for ``flaw``.
        list_title: the heading of the list under the map.
        items: that list: (label, text) pairs (the word bank's letters and
            claims, the kinds and their meanings, the questions).
        key_title: the heading of the answer key.
        key: the key's rows: (label, answer) pairs.
        cards: ``cards`` only: (card number, claim text) in the cards' order.
        blanked: ``fill`` only: the original ids of the emptied claims.
        answers: ``classify`` only: a label per box (``"Box 3"``), each given a
            "kind: ____" line to write on.
    """

    kind: SheetKind
    title: str
    instructions: str
    shown: ArgumentMap
    list_title: str
    items: tuple[tuple[str, str], ...]
    key_title: str
    key: tuple[tuple[str, str], ...]
    cards: tuple[tuple[str, str], ...] = ()
    blanked: tuple[str, ...] = ()
    answers: tuple[str, ...] = ()


def reading_order(amap: ArgumentMap) -> list[str]:
    """The map's claim ids in reading order: the outline's, then any claim it
    does not reach, in file order."""
    order = list(dict.fromkeys(item.claim for item in outline(amap) if item.claim in amap.claims))
    seen = set(order)
    return order + [cid for cid in amap.claims if cid not in seen]


def renamed(amap: ArgumentMap, names: dict[str, str], texts: dict[str, str]) -> ArgumentMap:
    """A copy of ``amap`` whose claims are renamed by ``names`` (every id), their
    texts replaced by ``texts`` where given, without paragraphs, tags or spans."""

    def claim(c: Claim) -> Claim:
        return Claim(names[c.id], c.kind, texts.get(c.id, c.text), source=c.source)

    def step(inf: Inference) -> Inference:
        return Inference(
            _step_id(inf, names),
            tuple(names.get(p, p) for p in inf.premises),
            names.get(inf.conclusion, inf.conclusion),
            inf.linked,
        )

    steps = {inf.id: _step_id(inf, names) for inf in amap.inferences}
    return replace(
        amap,
        claims={names[c.id]: claim(c) for c in amap.claims.values()},
        inferences=tuple(step(inf) for inf in amap.inferences),
        attacks=tuple(Attack(names[a.attacker], names[a.target]) for a in amap.attacks),
        undercuts=tuple(
            Undercut(names[u.attacker], steps.get(u.inference, u.inference))
            for u in amap.undercuts
        ),
        source=None,
    )


def _step_id(inf: Inference, names: dict[str, str]) -> str:
    return (
        "step "
        + " + ".join(names.get(p, p) for p in inf.premises)
        + " -> "
        + (names.get(inf.conclusion, inf.conclusion))
    )


def worksheet_content(
    amap: ArgumentMap, findings: tuple[Finding, ...], settings: Settings
) -> Content:
    """The words of the worksheet ``settings`` asks for (see the module docstring).

    Args:
        amap: the map (loaded and valid).
        findings: the checks' findings on ``amap`` (used by ``flaw``).
        settings: the sheet's kind, share of blanks, seed and audience.

    Raises:
        ValueError: an unknown kind of sheet.
    """
    rng = random.Random(settings.seed)
    order = reading_order(amap)
    numbers = {cid: str(k) for k, cid in enumerate(order, 1)}
    title = " ".join((amap.title or amap.name).split())
    if settings.kind == "fill":
        return _fill(amap, order, numbers, title, rng, settings.blank)
    if settings.kind == "classify":
        return _classify(amap, order, numbers, title)
    if settings.kind == "flaw":
        return _flaw(amap, numbers, title, findings, settings.audience != "student")
    if settings.kind == "cards":
        return _cards(amap, order, title, rng)
    raise ValueError(f"unknown kind of worksheet: {settings.kind!r}")


def blank_count(amap: ArgumentMap, share: float) -> int:
    """How many claims ``fill`` empties: ``share`` of the claims other than the
    thesis, rounded, at least one when ``share`` > 0 (every claim when ``share`` is 1)."""
    if share >= 1:
        return len(amap.claims)
    others = sum(1 for c in amap.claims.values() if c.kind != "thesis")
    return min(others, max(1 if share > 0 else 0, round(share * others)))


def _fill(
    amap: ArgumentMap,
    order: list[str],
    numbers: dict[str, str],
    title: str,
    rng: random.Random,
    share: float,
) -> Content:
    count = blank_count(amap, share)
    pool = order if share >= 1 else [c for c in order if amap.claims[c].kind != "thesis"]
    chosen = sorted(rng.sample(pool, count), key=order.index)
    bank = list(chosen)
    rng.shuffle(bank)
    letters = {cid: letter(k).upper() for k, cid in enumerate(bank)}  # A … Z, AA …
    texts = {cid: BLANK_TEXT for cid in chosen}
    key = tuple(
        (f"Box {numbers[cid]}", f"{letters[cid]}. {_flat(amap.claims[cid].text)}")
        for cid in chosen
    ) or (("-", "No box was left empty."),)
    return Content(
        "fill",
        title,
        INSTRUCTIONS["fill"],
        _without_sources(renamed(amap, numbers, texts)),
        "Word bank",
        tuple((f"{letters[cid]}.", _flat(amap.claims[cid].text)) for cid in bank),
        "Answer key: the empty boxes",
        key,
        blanked=tuple(chosen),
    )


def _classify(amap: ArgumentMap, order: list[str], numbers: dict[str, str], title: str) -> Content:
    present = {c.kind for c in amap.claims.values()}
    kinds = tuple((k, KIND_WORDS[k]) for k in KINDS if k in present)
    key = tuple((f"Box {numbers[cid]}", amap.claims[cid].kind) for cid in order)
    return Content(
        "classify",
        title,
        INSTRUCTIONS["classify"],
        _without_sources(renamed(amap, numbers, {})),
        "Kinds of claim",
        kinds,
        "Answer key: the kind of each box",
        key,
        answers=tuple(f"Box {numbers[cid]}" for cid in order),
    )


def _flaw(
    amap: ArgumentMap,
    numbers: dict[str, str],
    title: str,
    findings: tuple[Finding, ...],
    teacher: bool,
) -> Content:
    found = [f for f in findings if f.code.startswith("AM1")]
    counts: dict[str, int] = {}
    for f in found:
        counts[f.code] = counts.get(f.code, 0) + 1
    items = tuple(
        (f"{k}.", question(code, n) + ANSWER_LINE) for k, (code, n) in enumerate(counts.items(), 1)
    )
    key = []

    def place(f: Finding) -> tuple[int, list[int]]:
        return list(counts).index(f.code), [int(numbers.get(c, "0")) for c in f.claims]

    for f in sorted(found, key=place):
        boxes = tuple(f"box {numbers[c]}" for c in f.claims if c in numbers)
        sentence = student_sentence(replace(f, claims=boxes))
        label = f"{list(counts).index(f.code) + 1}."
        key.append((label, sentence + (f" [{f.code}]" if teacher else "")))
    if not items:
        items = (("1.", "Find a claim with no reason given, or an objection nobody answers."),)
        key = [("1.", "The checks found no flaw in this map.")]
    return Content(
        "flaw",
        title,
        INSTRUCTIONS["flaw"],
        renamed(amap, numbers, {}),
        "Questions",
        items,
        "Answer key: the flaws",
        tuple(key),
    )


def _cards(amap: ArgumentMap, order: list[str], title: str, rng: random.Random) -> Content:
    shuffled = list(order)
    rng.shuffle(shuffled)
    numbers = {cid: str(k) for k, cid in enumerate(shuffled, 1)}
    key = tuple((f"Card {numbers[cid]}", _role(amap, cid, numbers)) for cid in order)
    return Content(
        "cards",
        title,
        INSTRUCTIONS["cards"],
        _without_sources(renamed(amap, numbers, {})),
        "",
        (),
        "Answer key: what each card does",
        key,
        cards=tuple((numbers[cid], _flat(amap.claims[cid].text)) for cid in shuffled),
    )


def _role(amap: ArgumentMap, cid: str, numbers: dict[str, str]) -> str:
    """``"premise: supports card 3"``: a card's kind and the relations it starts."""
    says = []
    for inf in amap.inferences:
        if cid in inf.premises and inf.conclusion in numbers:
            others = [numbers[p] for p in inf.premises if p != cid and p in numbers]
            joint = f" together with {_cards_named(others)}" if others else ""
            says.append(f"supports card {numbers[inf.conclusion]}{joint}")
    says += [f"argues against card {numbers[a.target]}" for a in amap.attacks if a.attacker == cid]
    for u in amap.undercuts:
        undercut = amap.inference(u.inference)
        if u.attacker == cid and undercut is not None and undercut.conclusion in numbers:
            step = [numbers.get(p, p) for p in undercut.premises]
            verb = "does" if len(step) == 1 else "together do"
            says.append(
                f"says {_cards_named(step)} {verb} not show card {numbers[undercut.conclusion]}"
            )
    kind = amap.claims[cid].kind
    return kind + (": " + "; ".join(says) if says else "")


def _cards_named(numbers: list[str]) -> str:
    """``"card 6"``, ``"cards 6 and 2"``, ``"cards 6, 2 and 9"``."""
    if len(numbers) == 1:
        return f"card {numbers[0]}"
    return f"cards {', '.join(numbers[:-1])} and {numbers[-1]}"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _without_sources(amap: ArgumentMap) -> ArgumentMap:
    claims = {cid: replace(c, source=None) for cid, c in amap.claims.items()}
    return replace(amap, claims=claims)
