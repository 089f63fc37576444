"""Findings: what checks (and the loader) report about a map, as plain values."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Severities, least to most severe.
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")

#: Code and name under which invalid input is reported.
INVALID_CODE = "AM000"
INVALID_CHECK = "invalid-map"


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One finding.

    Ordered by file, then position, then code, so sorting a list of findings
    gives the output order the CLI promises.

    Attributes:
        file: path of the file as given on the command line.
        line: 1-based line.
        column: 1-based column.
        code: stable code such as ``AM101``.
        check: kebab-case check name such as ``unsupported-claim``.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        message: what is wrong and how to fix it.
        claims: ids of the claims involved (for a cycle, in loop order).
    """

    file: str
    line: int
    column: int
    code: str
    check: str
    severity: str
    message: str
    claims: tuple[str, ...] = field(default=())

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
    return Finding(file, line, column, INVALID_CODE, INVALID_CHECK, "error", message)
