"""Reporters: findings as text or JSON (the output contract of ``argmap check``)."""

from __future__ import annotations

import json
from typing import Callable, Sequence

from argmap.problems import Finding


def as_text(findings: Sequence[Finding]) -> str:
    """One line per finding, ``file:line:col: severity CODE check-name: message``."""
    return "".join(f.format_text() + "\n" for f in sorted(findings))


def as_json(findings: Sequence[Finding]) -> str:
    """``{"findings": [{file, line, column, code, check, severity, message, claims}]}``."""
    doc = {"findings": [f.as_dict() for f in sorted(findings)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


#: Reporters by ``--format`` name.
REPORTERS: dict[str, Callable[[Sequence[Finding]], str]] = {"text": as_text, "json": as_json}
