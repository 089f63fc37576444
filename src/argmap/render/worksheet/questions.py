"""The questions of a ``flaw`` worksheet: one per kind of finding, in plain words,
its nouns and verbs agreeing with the number of findings asked for."""

from __future__ import annotations

from argmap.findings import plain_words

#: Each finding code as a question for students, (for one finding, for ``{n}`` of them).
#: AM101 names the kinds it asks about: objections, evidence and precedents need no
#: reason (:mod:`argmap.analysis.checks.unsupported`), and the sheet shows each box's kind.
QUESTIONS: dict[str, tuple[str, str]] = {
    "AM101": (
        "Find 1 premise, rebuttal or thesis with no reason given "
        "(objections, evidence and precedents need none).",
        "Find {n} premises, rebuttals or theses with no reason given "
        "(objections, evidence and precedents need none).",
    ),
    "AM102": (
        "Find 1 group of claims that support each other in a circle.",
        "Find {n} groups of claims that support each other in a circle.",
    ),
    "AM103": (
        "Find 1 claim given as a reason for itself.",
        "Find {n} claims given as a reason for themselves.",
    ),
    "AM104": ("Which claim should be the main claim? The map does not say.",) * 2,
    "AM105": (
        "Find 1 objection or rebuttal that argues against nothing.",
        "Find {n} objections or rebuttals that argue against nothing.",
    ),
    "AM106": (
        "Find 1 claim not connected to the rest of the argument.",
        "Find {n} claims not connected to the rest of the argument.",
    ),
    "AM107": (
        "Find 1 objection that nobody answers.",
        "Find {n} objections that nobody answers.",
    ),
    "AM108": (
        "Find 1 incomplete step: a premise or the claim it leads to is missing.",
        "Find {n} incomplete steps: in each, a premise or the claim it leads to is missing.",
    ),
    "AM109": ("The main claim is attacked: find the attack that nothing answers.",) * 2,
    "AM110": (
        "Find 1 claim of evidence or precedent with no source given.",
        "Find {n} claims of evidence or precedent with no source given.",
    ),
    "AM111": ("Find 1 claim said twice.", "Find {n} claims said twice."),
    "AM112": (
        "Find 1 pair of claims that contradict each other.",
        "Find {n} pairs of claims that contradict each other.",
    ),
}


def question(code: str, n: int) -> str:
    """The question asking students to find the ``n`` findings of ``code``, in plain
    words, its nouns and verbs agreeing with ``n``."""
    words = plain_words(code)
    one, many = QUESTIONS.get(
        code,
        (
            f"Find 1 place where the map shows this: {words}.",
            f"Find {{n}} places where the map shows this: {words}.",
        ),
    )
    return (one if n == 1 else many).replace("{n}", str(n))
