"""Findings: every problem argmap reports about an input, as one kind of plain value.

Load errors (the input is not a valid map), check findings (the map is valid
but has a weakness) and conversion notes (what a reader guessed or left out,
what a writer's format cannot hold) are all :class:`Finding` values with a
stable code, a severity, a message and a :class:`~argmap.model.Position`, so
every reporter (text, JSON, SARIF, GitHub) and ``--select``/``--ignore`` treat
them alike. Codes below ``AM100`` are not checks but the reading and writing of
files (:data:`BUILTIN_RULES`); ``AM1xx`` are the checks of
:mod:`argmap.analysis.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from argmap.model import Position

#: How serious a finding is.
Severity = Literal["info", "warning", "error"]

#: Severities, least to most severe.
SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")

#: Code and name under which invalid input is reported.
INVALID_CODE = "AM000"
INVALID_CHECK = "invalid-map"
#: Code and name of what a reader guessed, renamed or left out of an input.
NOTE_CODE = "AM001"
NOTE_CHECK = "import-note"
#: Code and name of what an output format cannot hold.
LOSS_CODE = "AM002"
LOSS_CHECK = "export-loss"


@dataclass(frozen=True, slots=True)
class Rule:
    """What a finding code means (one row of the catalogue; a SARIF rule).

    Attributes:
        code: stable code such as ``AM101``.
        name: kebab-case name such as ``unsupported-claim``.
        severity: the severity its findings have.
        summary: one line.
        doc: the full explanation (definition, source, fix, examples).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str = ""


#: The codes that are not checks: reading and writing files.
BUILTIN_RULES: tuple[Rule, ...] = (
    Rule(INVALID_CODE, INVALID_CHECK, "error", "The map is not valid input."),
    Rule(
        NOTE_CODE,
        NOTE_CHECK,
        "warning",
        "A reader guessed, renamed or left out part of a foreign file.",
    ),
    Rule(LOSS_CODE, LOSS_CHECK, "warning", "The output format cannot hold part of the map."),
)


#: Each code in plain words, for readers who do not know the codes (students, a
#: diagram's badges, a slide): what the reader should notice, never the code.
#: Diagrams show these words and keep the code for the tooltip.
PLAIN_WORDS: dict[str, str] = {
    INVALID_CODE: "not a valid map",
    NOTE_CODE: "guessed when read",
    LOSS_CODE: "lost when written",
    "AM101": "no reason given",
    "AM102": "goes in a circle",
    "AM103": "supports itself",
    "AM104": "no main claim",
    "AM105": "attacks nothing",
    "AM106": "not connected",
    "AM107": "unanswered",
    "AM108": "incomplete step",
    "AM109": "main claim undefended",
    "AM110": "no source given",
    "AM111": "said twice",
    "AM112": "contradicts another claim",
}


def plain_words(code: str) -> str:
    """A finding code in plain words (:data:`PLAIN_WORDS`); an unknown code as itself."""
    return PLAIN_WORDS.get(code, code)


#: Each finding code as a sentence for students: ``{claims}`` stands for the
#: claims involved ("P1", "P1 and P2", "P1, P2 and P3"). Same vocabulary as
#: :data:`PLAIN_WORDS`, no codes; used by ``--audience student``.
PLAIN_SENTENCES: dict[str, str] = {
    INVALID_CODE: "The map cannot be read here: {message}",
    NOTE_CODE: "This part was guessed when the file was read: {message}",
    LOSS_CODE: "This part is lost in the other format: {message}",
    "AM101": "{claims}: no reason given. "
    "Add a premise that supports it, say where it comes from, or remove it if it does not belong.",
    "AM102": "{claims}: these claims support each other in a circle, "
    "so none of them is shown to be true.",
    "AM103": "{claims}: this claim is given as a reason for itself.",
    "AM104": "The map has no main claim: mark the claim everything else argues for as the thesis.",
    "AM105": "{claims}: this objection or rebuttal does not say what it argues against.",
    "AM106": "{claims}: not connected to the rest of the argument. "
    "Link it to the claim it argues about, or remove it.",
    "AM107": "{claims}: this objection is unanswered; nothing replies to it.",
    "AM108": "{claims}: this step is incomplete; a premise or the claim it leads to is missing.",
    "AM109": "{claims}: the main claim is attacked and nothing defends it.",
    "AM110": "{claims}: no source given for this evidence.",
    "AM111": "{claims}: the same claim is said twice; keep one and join its links.",
    "AM112": "{claims}: these claims contradict each other.",
}


def and_names(names: tuple[str, ...] | list[str]) -> str:
    """``("P1", "P2", "P3")`` → ``"P1, P2 and P3"``; one name as itself; none → ``""``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One finding.

    Ordered by position (file, line, column), then code, so sorting a list of
    findings gives the output order the CLI promises.

    Attributes:
        position: where it is: file as given on the command line, 1-based
            line and column.
        code: stable code such as ``AM101``.
        check: kebab-case name such as ``unsupported-claim``.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        message: what is wrong and how to fix it.
        claims: ids of the claims involved (for a cycle, in loop order).
    """

    position: Position
    code: str
    check: str
    severity: Severity
    message: str
    claims: tuple[str, ...] = field(default=())

    @property
    def file(self) -> str:
        """The file the finding is about."""
        return self.position.file

    @property
    def line(self) -> int:
        """Its 1-based line."""
        return self.position.line

    @property
    def column(self) -> int:
        """Its 1-based column."""
        return self.position.column

    def format_text(self) -> str:
        """``file:line:col: severity CODE check-name: message`` on one line."""
        message = " ".join(self.message.split())
        return (
            f"{self.file}:{self.line}:{self.column}: "
            f"{self.severity} {self.code} {self.check}: {message}"
        )

    def as_dict(self) -> dict[str, object]:
        """The JSON form: keys file, line, column, code, check, severity, message, claims."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "check": self.check,
            "severity": self.severity,
            "message": self.message,
            "claims": list(self.claims),
        }


def invalid(file: str, line: int, column: int, message: str) -> Finding:
    """An ``invalid-map`` (AM000) error finding at a 1-based position."""
    return Finding(Position(file, line, column), INVALID_CODE, INVALID_CHECK, "error", message)


def note(position: Position, message: str) -> Finding:
    """An ``import-note`` (AM001) warning: a reader guessed or left out something."""
    return Finding(position, NOTE_CODE, NOTE_CHECK, "warning", message)


def loss(position: Position, message: str) -> Finding:
    """An ``export-loss`` (AM002) warning: the output format cannot hold something."""
    return Finding(position, LOSS_CODE, LOSS_CHECK, "warning", message)


def student_sentence(finding: Finding) -> str:
    """One finding as a sentence for students (:data:`PLAIN_SENTENCES`): no code.

    Args:
        finding: any finding; an unknown code falls back to its own message.

    Returns:
        A sentence naming the finding's claims in plain words, e.g.
        ``"P4: no reason given. Add a premise that supports it, or say where
        it comes from."``; a finding with no claims drops the ``"{claims}: "`` part.
    """
    template = PLAIN_SENTENCES.get(finding.code)
    if template is None:
        return finding.message
    names = and_names(list(finding.claims))
    if not names:
        template = template.removeprefix("{claims}: ")
        names = "This claim" if "{claims}" in template else ""
    text = template.replace("{message}", finding.message).replace("{claims}", names)
    if not text.endswith((".", "!", "?")):
        text += "."
    return text[:1].upper() + text[1:]
