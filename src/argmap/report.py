"""Reporters: findings as text or JSON (the output contract of ``argmap check``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from argmap.findings import Finding


def as_text(findings: Sequence[Finding]) -> str:
    """One line per finding, ``file:line:col: severity CODE check-name: message``."""
    return "".join(f.format_text() + "\n" for f in sorted(findings))


def as_json(findings: Sequence[Finding]) -> str:
    """``{"findings": [{file, line, column, code, check, severity, message, claims}]}``."""
    doc = {"findings": [f.as_dict() for f in sorted(findings)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Callable[[Sequence[Finding]], str]] = {"text": as_text, "json": as_json}


def _rules() -> list[dict[str, object]]:
    from argmap.analysis.checks import CHECKS
    from argmap.findings import INVALID_CHECK, INVALID_CODE

    rows = [(INVALID_CODE, INVALID_CHECK, "error", "The map is not valid input.", "")]
    rows += [(c.code, c.name, c.severity, c.summary, c.doc) for c in CHECKS]
    return [
        {
            "id": code,
            "name": name,
            "shortDescription": {"text": summary},
            "help": {"text": doc or summary},
            "defaultConfiguration": {"level": severity if severity != "info" else "note"},
        }
        for code, name, severity, summary, doc in rows
    ]


def as_sarif(findings: Sequence[Finding]) -> str:
    """SARIF 2.1.0: one run, one rule per check, one result per finding.

    Reference: OASIS, *Static Analysis Results Interchange Format (SARIF)
    Version 2.1.0* (2020), §3.13 (run), §3.19 (toolComponent), §3.27 (result).
    """
    from argmap import __version__

    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": {"error": "error", "warning": "warning"}.get(f.severity, "note"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.file.replace("\\", "/")},
                        "region": {"startLine": f.line, "startColumn": f.column},
                    }
                }
            ],
            "properties": {"check": f.check, "claims": list(f.claims)},
        }
        for f in sorted(findings)
    ]
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "argmap", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def as_github(findings: Sequence[Finding]) -> str:
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


REPORTERS.update({"sarif": as_sarif, "github": as_github})
