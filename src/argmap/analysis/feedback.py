"""Feedback for a student in plain words: per claim of the model, per extra claim,
per relation drawn in the wrong form or missing. No finding codes, no jargon
beyond the words of the field (premise, objection, rebuttal, linked premises)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from argmap.analysis.compare import Comparison
from argmap.analysis.matching import ROLES
from argmap.analysis.relations import Relation, translate
from argmap.model import ArgumentMap, Kind

#: What each role does, in plain words.
ROLE_WORDS: Mapping[str, str] = {
    "thesis": "the main claim",
    "reason": "a reason for another claim",
    "objection": "a reason against another claim",
    "rebuttal": "an answer to an objection",
}
#: Longest claim text quoted in a sentence (longer texts end with "…").
QUOTE = 70


def _finish(sentence: str) -> str:
    """Capitalised, with one full stop at the end (none after a closing quote that has one)."""
    sentence = sentence[:1].upper() + sentence[1:]
    if sentence.endswith(("”", ")")) and sentence[:-1].endswith((".", "?", "!", "…")):
        return sentence
    return sentence if sentence.endswith((".", "?", "!")) else sentence + "."


@dataclass(frozen=True)
class Feedback:
    """One sentence of feedback.

    Attributes:
        status: ``found``, ``kind`` (found, another kind of the same role),
            ``role`` (found, in another role), ``missing``, ``opposite`` (missing,
            and a student's claim says its opposite), ``extra`` or ``relation``.
        model: the model claim it is about (None for an extra claim).
        student: the student's claim it is about (None for a missing claim).
        sentence: the feedback in plain words.
    """

    status: str
    model: str | None
    student: str | None
    sentence: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "sentence", _finish(self.sentence))

    def as_dict(self) -> dict[str, object]:
        """``{"status", "model", "student", "sentence"}``."""
        return {
            "status": self.status,
            "model": self.model,
            "student": self.student,
            "sentence": self.sentence,
        }


def quote(text: str) -> str:
    """A claim's text in quotation marks, cut to :data:`QUOTE` characters."""
    text = " ".join(text.split())
    return "“" + (text if len(text) <= QUOTE else text[: QUOTE - 1].rstrip() + "…") + "”"


def article(kind: Kind | str) -> str:
    """``"a premise"``, ``"an objection"``, ``"evidence"``."""
    if kind == "evidence":
        return "evidence"
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _model_role(kind: Kind) -> str:
    """``"main claim"`` for a thesis, else the kind (``"premise"``, ``"objection"`` …)."""
    return "main claim" if kind == "thesis" else str(kind)


def _claim_sentence(
    cid: str, model: ArgumentMap, student: ArgumentMap, mine: str | None, opposite: str | None
) -> Feedback:
    ref = model.claims[cid]
    theirs = f"the model's {_model_role(ref.kind)}"
    if mine is None and opposite is not None:
        return Feedback(
            "opposite",
            cid,
            opposite,
            f"Your {opposite} argues the opposite of {theirs}: "
            f"you say {quote(student.claims[opposite].text)}, "
            f"the model says {quote(ref.text)}",
        )
    if mine is None:
        return Feedback(
            "missing",
            cid,
            None,
            f"Missing: {theirs} {quote(ref.text)} ({ROLE_WORDS[ROLES[ref.kind]]}).",
        )
    kind = student.claims[mine].kind
    if kind == ref.kind:
        return Feedback("found", cid, mine, f"Found: {theirs} {quote(ref.text)} is your {mine}.")
    if ROLES[kind] == ROLES[ref.kind]:
        return Feedback(
            "kind",
            cid,
            mine,
            f"Found: {theirs} {quote(ref.text)} is your {mine}, drawn as {article(kind)}; "
            f"the model answer has {article(ref.kind)}.",
        )
    return Feedback(
        "role",
        cid,
        mine,
        f"Wrong place: your {mine} says {quote(student.claims[mine].text)} as {article(kind)} "
        f"({ROLE_WORDS[ROLES[kind]]}), but the model's {quote(ref.text)} is "
        f"{ROLE_WORDS[ROLES[ref.kind]]}.",
    )


def _namer(model: ArgumentMap, to_a: Mapping[str, str]) -> Callable[[str], str]:
    def name(cid: str) -> str:
        return f"your {to_a[cid]}" if cid in to_a else quote(model.claims[cid].text)

    return name


def _step_words(target: str, name: Callable[[str], str]) -> str:
    premises, _, conclusion = target.rpartition("->")
    reasons = " and ".join(name(p) for p in premises.split("+"))
    return f"the step from {reasons} to {name(conclusion)}"


def _relation_sentences(
    model: ArgumentMap, result: Comparison, to_a: Mapping[str, str]
) -> list[Feedback]:
    name = _namer(model, to_a)
    diff = result.diff
    out: list[Feedback] = []
    for rel in diff.linked_split:
        partners = [
            r.source for r in diff.missing if r.type == "linked" and r.target == rel.target
        ]
        if rel.source == min(partners):
            together = " and ".join(name(p) for p in sorted(partners))
            out.append(
                Feedback(
                    "relation",
                    rel.target,
                    to_a.get(rel.target),
                    f"{together} support {name(rel.target)} only together (linked premises); "
                    "you drew them as separate reasons.",
                )
            )
    for rel in diff.linked_joined:
        out.append(
            _one(
                rel,
                to_a,
                f"{name(rel.source)} supports {name(rel.target)} on its own; "
                "you linked it with other premises.",
            )
        )
    for rel in diff.undercut_as_attack:
        out.append(
            _one(
                rel,
                to_a,
                f"{name(rel.source)} questions "
                f"{_step_words(rel.target, name)} (an undercut); you drew it as an attack.",
            )
        )
    for rel in diff.attack_as_undercut:
        out.append(
            _one(
                rel,
                to_a,
                f"{name(rel.source)} attacks {name(rel.target)} itself; "
                "you drew it as an undercut of a step.",
            )
        )
    return out


def _ends(rel: Relation) -> list[str]:
    """The claims a relation touches, its source first and its conclusion last."""
    if rel.type != "undercuts":
        return [rel.source, rel.target]
    premises, _, conclusion = rel.target.rpartition("->")
    return [rel.source, *premises.split("+"), conclusion]


def _phrase(rel: Relation, name: Callable[[str], str]) -> str:
    if rel.type == "undercuts":
        return f"{name(rel.source)} questions {_step_words(rel.target, name)}"
    verb = "supports, with other premises," if rel.type == "linked" else rel.type
    return f"{name(rel.source)} {verb} {name(rel.target)}"


def _link_sentences(
    model: ArgumentMap, result: Comparison, to_a: Mapping[str, str]
) -> list[Feedback]:
    """Links missing between claims the student has, and links the model lacks
    between claims it has; those already told as drawn in the wrong form are left out."""
    diff = result.diff
    name = _namer(model, to_a)
    told = {*diff.linked_split, *diff.linked_joined, *diff.undercut_as_attack}
    told |= set(diff.attack_as_undercut)
    near = {(r.source, end) for r in told for end in _ends(r)[1:]}
    out = [
        _one(rel, to_a, f"Missing link: {_phrase(rel, name)}.")
        for rel in diff.missing
        if rel not in told and all(end in to_a for end in _ends(rel))
    ]
    to_b = {a: b for b, a in to_a.items()}
    for rel in diff.extra:
        moved = translate(rel, to_b)
        if moved is not None and (moved.source, _ends(moved)[-1]) not in near:
            sentence = f"Not in the model answer: {_phrase(moved, name)}."
            out.append(Feedback("relation", moved.source, rel.source, sentence))
    return out


def _one(rel: Relation, to_a: Mapping[str, str], sentence: str) -> Feedback:
    return Feedback("relation", rel.source, to_a.get(rel.source), sentence)


def claim_feedback(
    student: ArgumentMap,
    model: ArgumentMap,
    result: Comparison,
    unanswered: Sequence[str],
    opposites: Mapping[str, str] | None = None,
) -> tuple[Feedback, ...]:
    """Sentences in this order: each model claim (in the model's order; one a
    student's claim says the opposite of, model id → student id in ``opposites``,
    is told so), each extra claim of the student that is not such an opposite,
    each relation drawn in the wrong form, each link missing between claims the
    student has and each link the model lacks,
    each objection the model answers and the student leaves unanswered."""
    to_a = {m.b: m.a for m in result.matches}
    opposites = opposites or {}
    out = [
        _claim_sentence(cid, model, student, to_a.get(cid), opposites.get(cid))
        for cid in model.claims
    ]
    told = set(opposites.values())
    for cid in (c for c in result.unmatched_a if c not in told):
        text = quote(student.claims[cid].text)
        out.append(Feedback("extra", None, cid, f"Not in the model answer: your {cid}, {text}"))
    out += _relation_sentences(model, result, to_a)
    out += _link_sentences(model, result, to_a)
    name = _namer(model, to_a)
    for cid in unanswered:
        if cid in to_a:
            out.append(
                Feedback(
                    "relation",
                    cid,
                    to_a[cid],
                    f"{name(cid)} is an objection the model answers; "
                    "nothing in your map answers it.",
                )
            )
    return tuple(out)
