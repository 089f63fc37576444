"""The check catalogue: one check per module, each with a stable code.

Each check module defines ``CHECK``, a :class:`Check` made of its code
(``AM1xx``), kebab-case name, severity, module docstring and the function
``(ArgumentMap, ArgumentGraph) -> Iterator[Finding]`` that finds the problem.
The docstring gives the definition, the source it follows, a fix, and maps
that trigger the check and maps that pass it, each with the findings the whole
catalogue reports on it (see :mod:`argmap.analysis.checks._base` for the
format); ``docs/checks.md`` is generated from them.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.analysis.checks import (
    attacks_nothing,
    circular,
    contradiction,
    dangling_inference,
    disconnected,
    duplicate,
    no_thesis,
    self_support,
    unanswered,
    undefended,
    unsourced,
    unsupported,
)
from argmap.analysis.checks._base import Check, CheckFunction, Example, Reported
from argmap.analysis.graph import ArgumentGraph, build_graph, release
from argmap.errors import UsageError
from argmap.findings import BUILTIN_RULES, Finding
from argmap.model import ArgumentMap
from argmap.util.suggest import did_you_mean

__all__ = [
    "CHECKS",
    "Check",
    "CheckFunction",
    "Example",
    "Reported",
    "catalogue_markdown",
    "resolve",
    "run_checks",
    "selected",
]

#: Every check, in code order.
CHECKS: tuple[Check, ...] = tuple(
    sorted(
        (
            unsupported.CHECK,
            circular.CHECK,
            self_support.CHECK,
            no_thesis.CHECK,
            attacks_nothing.CHECK,
            disconnected.CHECK,
            unanswered.CHECK,
            dangling_inference.CHECK,
            undefended.CHECK,
            unsourced.CHECK,
            duplicate.CHECK,
            contradiction.CHECK,
        ),
        key=lambda c: c.code,
    )
)


def resolve(names: Iterable[str]) -> set[str]:
    """Turn check codes or names into codes.

    Raises:
        UsageError: a name is neither a code nor a check name (with a suggestion).
    """
    known = {c.code: c.code for c in CHECKS} | {c.name: c.code for c in CHECKS}
    for rule in BUILTIN_RULES:
        known |= {rule.code: rule.code, rule.name: rule.code}
    codes = set()
    for name in names:
        key = name.strip()
        if key.upper() in known:
            key = key.upper()
        if key not in known:
            raise UsageError(f"unknown check {name!r}{did_you_mean(name, known)}")
        codes.add(known[key])
    return codes


def selected(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Check]:
    """The checks to run: ``select`` (all when empty) minus ``ignore``.

    Raises:
        UsageError: an unknown check name or code.
    """
    chosen = resolve(select) or {c.code for c in CHECKS}
    dropped = resolve(ignore)
    return [c for c in CHECKS if c.code in chosen and c.code not in dropped]


def run_checks(
    amap: ArgumentMap,
    checks: Iterable[Check] | None = None,
    graph: ArgumentGraph | None = None,
) -> list[Finding]:
    """Run checks on a map and return the findings sorted by position.

    Findings on a claim whose ``ignore:`` lists the check's code or name are
    dropped.

    Args:
        amap: the map.
        checks: which checks (default: the map's own ``checks:`` selection).
        graph: a prebuilt graph of ``amap`` (built when omitted).
    """
    if checks is None:
        checks = selected(amap.checks.select, amap.checks.ignore)
    own, graph = graph is None, graph or build_graph(amap)
    found = []
    for chk in checks:
        for f in chk.run(amap, graph):
            subject = amap.claims.get(f.claims[0]) if f.claims else None
            if subject is None or not ({f.code, f.check} & subject.ignore):
                found.append(f)
    if own:
        release(graph)
    return sorted(found)


def catalogue_markdown() -> str:
    """The check catalogue as Markdown (``docs/checks.md`` is this text)."""
    out = [
        "# Checks\n",
        "Generated from the check modules' docstrings by `argmap checks --format markdown`.\n",
        "Codes below AM100 are not checks but the reading and writing of files: invalid "
        "input is reported as `AM000 invalid-map` (error, exit code 2), what a reader of "
        "a foreign format guessed or left out as `AM001 import-note` (warning) and what an "
        "output format of `argmap convert` cannot hold as `AM002 export-loss` (warning). "
        "`--select` and `--ignore` take them like the checks' codes.\n",
        "Each check shows maps that trigger it and maps that pass it. The `Reports:` line "
        "under a map lists every finding `argmap check` gives on it, in the order it prints "
        "them: the code, then the claims the finding names (none when it is about the map "
        "as a whole). The test suite runs every example and compares.\n",
        "| code | check | severity | summary |",
        "|---|---|---|---|",
    ]
    out += [f"| {c.code} | `{c.name}` | {c.severity} | {c.summary} |" for c in CHECKS]
    for c in CHECKS:
        body = c.doc.split("\n", 1)[1].strip() if "\n" in c.doc else ""
        out += ["", f"## {c.code} `{c.name}` ({c.severity})", "", c.summary, "", body]
    return "\n".join(out) + "\n"
