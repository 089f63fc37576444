"""argmap's exceptions: one base class with structured attributes.

Findings about a map are values (:class:`argmap.findings.Finding`); exceptions
are for what stops a command: an invalid map, a missing program, a timeout.
Exit codes are the CLI's business alone (:func:`argmap.cli.common.exit_code_for`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.findings import Finding


class ArgmapError(Exception):
    """Base of argmap's errors; ``str(error)`` is a message for the user."""


class MapLoadError(ArgmapError):
    """A map (or another input file) is invalid.

    Attributes:
        findings: one ``invalid-map`` (AM000) finding per problem, each with
            file, 1-based line and column, message and fix hint.
    """

    def __init__(self, findings: Sequence[Finding]):
        self.findings = tuple(findings)
        super().__init__("\n".join(f.format_text() for f in self.findings))


class GraphvizNotFound(ArgmapError):
    """The Graphviz ``dot`` program is not installed (exit code 2)."""


class RenderError(ArgmapError):
    """Graphviz failed on a graph argmap produced (exit code 2)."""


class LayoutTimeout(ArgmapError):
    """Graphviz did not finish within the layout time limit (exit code 3)."""


class UsageError(ArgmapError):
    """The command line asks for something impossible (exit code 2)."""


class ArgmapWarning(UserWarning):
    """What a drawing did without being asked (an overview and pages for a map too
    large for one diagram, the spread layout for a dense one, a slide drawn too
    small to read). ``argmap`` prints each on standard error as
    ``argmap: warning: …``; from Python, :mod:`warnings` shows it."""
