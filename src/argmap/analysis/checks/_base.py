"""The check type, and the examples each check's docstring gives.

Every check module defines one :class:`Check` value, ``CHECK``, built from its
code, name, severity, module docstring and the function that finds the
problem::

    CHECK = Check(
        code="AM102", name="circular-support", severity="error", doc=__doc__ or "", run=check
    )

The docstring's examples (:class:`Example`) are maps written as indented
blocks under a ``Triggers::`` or ``Passes::`` heading (optionally with a
parenthesised title before the ``::``), each followed by a ``Reports:`` line
giving every finding the whole catalogue reports on that map, in the order
``argmap check`` prints them::

    Reports: AM107 on O1; AM109 on T1, O1.
    Reports: AM104; AM101 on P1.
    Reports: nothing.

A finding is its code followed by ``on`` and the ids of the claims it names,
in the finding's own order; a finding about the map as a whole names no claim
and is its code alone.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding, Severity
from argmap.model import ArgumentMap, Position

#: What a check does: every finding it has on a map, given the map's graph.
CheckFunction = Callable[[ArgumentMap, ArgumentGraph], Iterator[Finding]]

#: One reported finding as an example states it: its code and the claim ids it names.
Reported = tuple[str, tuple[str, ...]]

_CODE = re.compile(r"AM1\d\d")
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
_HEADING = re.compile(r"(?P<kind>Triggers|Passes)(?: \((?P<title>[^()]+)\))?::")
_REPORTS = "Reports: "


@dataclass(frozen=True)
class Example:
    """One example map of a check's docstring.

    Attributes:
        triggers: True under a ``Triggers`` heading (the check reports the
            map), False under ``Passes`` (it does not).
        title: what the example shows (the heading's parenthesised text; ``""``
            when it has none).
        text: the map as YAML, dedented.
        reports: every finding of the whole catalogue on the map, in output
            order, as ``(code, claim ids)``.
    """

    triggers: bool
    title: str
    text: str
    reports: tuple[Reported, ...]


def parse_reports(line: str) -> tuple[Reported, ...]:
    """The findings a ``Reports:`` line states (the text after ``Reports: ``).

    ``"AM107 on O1; AM109 on T1, O1."`` gives
    ``(("AM107", ("O1",)), ("AM109", ("T1", "O1")))``; ``"nothing."`` gives ``()``.

    Raises:
        ValueError: a part does not start with a check code ``AM1xx``.
    """
    body = line.strip().removesuffix(".")
    if body == "nothing":
        return ()
    found: list[Reported] = []
    for part in body.split("; "):
        code, _, ids = part.partition(" on ")
        if not _CODE.fullmatch(code):
            raise ValueError(f"{part!r} in 'Reports: {line}' does not start with a check code")
        found.append((code, tuple(ids.split(", ")) if ids else ()))
    return tuple(found)


def parse_examples(doc: str) -> tuple[Example, ...]:
    """Every example of a check docstring, in the order given (see the module docstring).

    Raises:
        ValueError: an example's map is not followed by a ``Reports:`` line,
            or that line is malformed.
    """
    lines = inspect.cleandoc(doc).splitlines()
    found = []
    for i, line in enumerate(lines):
        head = _HEADING.fullmatch(line)
        if head is None:
            continue
        end = i + 1
        while end < len(lines) and (not lines[end] or lines[end].startswith("    ")):
            end += 1
        if end == len(lines) or not lines[end].startswith(_REPORTS):
            raise ValueError(f"the example under {line!r} has no 'Reports:' line after its map")
        text = textwrap.dedent("\n".join(lines[i + 1 : end])).strip("\n") + "\n"
        reports = parse_reports(lines[end].removeprefix(_REPORTS))
        found.append(Example(head["kind"] == "Triggers", head["title"] or "", text, reports))
    return tuple(found)


@dataclass(frozen=True)
class Check:
    """One check of the catalogue.

    Attributes:
        code: stable code ``AM1xx`` (``AM102``).
        name: kebab-case name (``circular-support``).
        severity: the severity of its findings.
        doc: its documentation, cleaned of indentation: a summary line, then
            definition, source, fix and examples (``docs/checks.md`` is made
            of these).
        run: the function giving its findings on a map and the map's graph.

    Raises:
        ValueError: on construction, a code that is not ``AM1xx`` or a name
            that is not kebab-case.
    """

    code: str
    name: str
    severity: Severity
    doc: str
    run: CheckFunction = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        if not _CODE.fullmatch(self.code):
            raise ValueError(f"check code {self.code!r} is not AM1xx")
        if not _NAME.fullmatch(self.name):
            raise ValueError(f"check name {self.name!r} is not kebab-case")
        object.__setattr__(self, "doc", inspect.cleandoc(self.doc))

    @property
    def summary(self) -> str:
        """The first line of :attr:`doc` (``""`` when there is no documentation)."""
        return self.doc.split("\n", 1)[0]

    @property
    def examples(self) -> tuple[Example, ...]:
        """The examples of :attr:`doc` (see :func:`parse_examples`, which may raise ValueError)."""
        return parse_examples(self.doc)

    def finding(
        self,
        amap: ArgumentMap,
        loc: Position | None,
        message: str,
        claims: tuple[str, ...] = (),
    ) -> Finding:
        """A finding of this check at ``loc``, naming ``claims``.

        ``loc`` None means the map as a whole: the ``claims:`` key, else line 1.
        """
        where = loc or amap.claims_loc or Position(amap.path)
        return Finding(where, self.code, self.name, self.severity, message, claims)

    def at_claim(
        self,
        amap: ArgumentMap,
        cid: str,
        message: str,
        claims: tuple[str, ...] | None = None,
    ) -> Finding:
        """A finding of this check at the line of claim ``cid``'s id, naming
        ``claims`` (default: ``cid`` alone)."""
        return self.finding(amap, amap.claims[cid].loc, message, claims or (cid,))
