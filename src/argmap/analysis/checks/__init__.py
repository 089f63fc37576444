"""The check catalogue: one check per module, each with a stable code.

Each check module defines ``CODE`` (``AM1xx``), ``NAME`` (kebab-case),
``SEVERITY`` and ``check(amap, graph) -> Iterator[Finding]``; its docstring
gives the definition, the source it follows, a fix, and a triggering and a
passing map (``docs/checks.md`` is generated from them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType

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
from argmap.analysis.graph import ArgumentGraph, build_graph
from argmap.errors import UsageError
from argmap.findings import BUILTIN_RULES, Finding
from argmap.model import ArgumentMap
from argmap.util.suggest import did_you_mean

_MODULES: tuple[ModuleType, ...] = (
    unsupported,
    circular,
    self_support,
    no_thesis,
    attacks_nothing,
    disconnected,
    unanswered,
    dangling_inference,
    undefended,
    unsourced,
    duplicate,
    contradiction,
)


@dataclass(frozen=True)
class Check:
    """A registered check.

    Attributes:
        code: stable code (``AM101``).
        name: kebab-case name (``unsupported-claim``).
        severity: ``error`` or ``warning``.
        summary: one line.
        doc: the module docstring (definition, source, fix, examples).
        module: the module holding ``check``.
    """

    code: str
    name: str
    severity: str
    summary: str
    doc: str
    module: ModuleType


def _register(module: ModuleType) -> Check:
    doc = (module.__doc__ or "").strip()
    return Check(module.CODE, module.NAME, module.SEVERITY, doc.splitlines()[0], doc, module)


#: Every check, in code order.
CHECKS: tuple[Check, ...] = tuple(sorted((_register(m) for m in _MODULES), key=lambda c: c.code))


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
    graph = graph or build_graph(amap)
    found = []
    for chk in checks:
        for f in chk.module.check(amap, graph):
            subject = amap.claims.get(f.claims[0]) if f.claims else None
            if subject is None or not ({f.code, f.check} & subject.ignore):
                found.append(f)
    return sorted(found)


def catalogue_markdown() -> str:
    """The check catalogue as Markdown (``docs/checks.md`` is this text)."""
    out = [
        "# Checks\n",
        "Generated from the check modules' docstrings by `argmap checks --format markdown`.\n",
        "Invalid input is reported as `AM000 invalid-map` (error, exit code 2).\n",
        "| code | check | severity | summary |",
        "|---|---|---|---|",
    ]
    out += [f"| {c.code} | `{c.name}` | {c.severity} | {c.summary} |" for c in CHECKS]
    for c in CHECKS:
        body = c.doc.split("\n", 1)[1].strip() if "\n" in c.doc else ""
        out += ["", f"## {c.code} `{c.name}` ({c.severity})", "", c.summary, "", body]
    return "\n".join(out) + "\n"
