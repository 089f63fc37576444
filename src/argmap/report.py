"""Reporters: findings as text, JSON, SARIF or GitHub annotations.

Every reporter is ``(findings, rules) -> str``: the findings in any order (each
reporter sorts them by position) and the rule catalogue, the
:class:`~argmap.findings.Rule` of every code that may occur (the command line
builds it from :data:`~argmap.findings.BUILTIN_RULES` and the check registry).
Only SARIF uses the catalogue; the others take it so that all four are called
alike. This module knows no checks: it reports whatever it is given.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from urllib.parse import quote

from argmap.findings import Finding, Rule, student_sentence

#: A reporter: ``(findings, rule catalogue) -> document``.
Reporter = Callable[[Sequence[Finding], Sequence[Rule]], str]


def as_text(findings: Sequence[Finding], rules: Sequence[Rule] = ()) -> str:
    """One line per finding, ``file:line:col: severity CODE check-name: message``."""
    return "".join(f.format_text() + "\n" for f in sorted(findings))


def as_student_text(findings: Sequence[Finding], rules: Sequence[Rule] = ()) -> str:
    """One line per finding for students, ``file, line N: sentence`` with no code
    (:func:`argmap.findings.student_sentence`); a closing line when there is none."""
    if not findings:
        return "Nothing to report: every claim has its reasons and answers.\n"
    lines = [f"{f.file}, line {f.line}: {student_sentence(f)}\n" for f in sorted(findings)]
    return "".join(lines)


def as_json(findings: Sequence[Finding], rules: Sequence[Rule] = ()) -> str:
    """``{"findings": [{file, line, column, code, check, severity, message, claims}]}``."""
    doc = {"findings": [f.as_dict() for f in sorted(findings)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _level(severity: str) -> str:
    """The SARIF level of a severity: ``info`` is ``note``."""
    return {"error": "error", "warning": "warning"}.get(severity, "note")


def _sarif_rules(findings: Sequence[Finding], rules: Sequence[Rule]) -> list[Rule]:
    """The catalogue, first occurrence of each code, plus a rule for any code it lacks."""
    listed: dict[str, Rule] = {}
    for rule in rules:
        listed.setdefault(rule.code, rule)
    for f in sorted(findings):
        listed.setdefault(f.code, Rule(f.code, f.check, f.severity, f.check))
    return list(listed.values())


def _sarif_rule(rule: Rule) -> dict[str, object]:
    """One rule, a SARIF ``reportingDescriptor``."""
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "help": {"text": rule.doc or rule.summary},
        "defaultConfiguration": {"level": _level(rule.severity)},
    }


def _sarif_result(f: Finding, rule_index: int) -> dict[str, object]:
    """One SARIF ``result`` with one physical location."""
    return {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": _level(f.severity),
        "message": {"text": f.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(f.file)},
                    "region": {"startLine": f.line, "startColumn": f.column},
                }
            }
        ],
        "properties": {"check": f.check, "claims": list(f.claims)},
    }


def artifact_uri(file: str) -> str:
    """A file name as a SARIF ``artifactLocation.uri``: a relative URI reference.

    Backslashes become slashes and every character a URI cannot hold literally
    is percent-encoded (RFC 3986, §2.1; SARIF 2.1.0, §3.4.3), so ``a b#1.yaml``
    is ``a%20b%231.yaml`` and ``x:y.yaml`` cannot be read as a URI scheme.
    """
    return quote(file.replace("\\", "/"), safe="/")


def as_sarif(findings: Sequence[Finding], rules: Sequence[Rule]) -> str:
    """SARIF 2.1.0: one run, one rule per catalogue entry, one result per finding.

    The run's rules are ``rules`` in their order; a finding whose code the
    catalogue lacks gets a rule made from the finding itself, so every
    result's ``ruleIndex`` points at its rule.

    Reference: OASIS, *Static Analysis Results Interchange Format (SARIF)
    Version 2.1.0* (2020), §3.13 (run), §3.19 (toolComponent), §3.27 (result).
    """
    from argmap import __version__

    catalogue = _sarif_rules(findings, rules)
    index = {rule.code: i for i, rule in enumerate(catalogue)}
    results = [_sarif_result(f, index[f.code]) for f in sorted(findings)]
    driver = {
        "name": "argmap",
        "version": __version__,
        "rules": [_sarif_rule(rule) for rule in catalogue],
    }
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(findings: Sequence[Finding], rules: Sequence[Rule] = ()) -> str:
    """GitHub Actions workflow commands: ``::error file=F,line=L,col=C,title=T::message``.

    Reference: GitHub Docs, "Workflow commands for GitHub Actions" (setting
    error and warning messages; ``%``, CR, LF, ``:`` and ``,`` escaped).
    """
    lines = []
    for f in sorted(findings):
        level = {"error": "error", "warning": "warning"}.get(f.severity, "notice")
        props = (
            f"file={_gh_escape(f.file, True)},line={f.line},col={f.column},"
            f"title={_gh_escape(f'{f.code} {f.check}', True)}"
        )
        lines.append(f"::{level} {props}::{_gh_escape(f.message)}\n")
    return "".join(lines)


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Reporter] = {
    "text": as_text,
    "json": as_json,
    "sarif": as_sarif,
    "github": as_github,
}
