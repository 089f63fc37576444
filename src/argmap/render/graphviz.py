"""The one module that runs Graphviz.

``dot`` (or another layout program) is run as a subprocess with UTF-8 bytes in
and out and a time limit (pydot's own ``create`` writes temporary files in the
locale's encoding and raises ``AssertionError`` on failure); its failures
become argmap errors that say how to fix them.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence

from argmap.errors import GraphvizNotFound, LayoutTimeout, RenderError
from argmap.render.budget import Deadline

DEFAULT_TIMEOUT = 60.0
DEFAULT_DPI = 96
INSTALL_HINT = (
    "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' "
    "(macOS), or run 'make demo', which installs it"
)


def run_dot(
    dot_source: str,
    fmt: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    dpi: int = DEFAULT_DPI,
    engine: str = "dot",
    deadline: Deadline | None = None,
    options: Sequence[str] = (),
) -> bytes:
    """Lay out ``dot_source`` with Graphviz and return the output bytes.

    Args:
        dot_source: DOT text.
        fmt: Graphviz output format (``svg``, ``png``, ``pdf``).
        timeout: seconds before the layout is abandoned.
        dpi: resolution for raster output (dots per inch).
        engine: Graphviz layout program (``dot``, ``neato``, ``sfdp`` …).
        deadline: the whole rendering's deadline; Graphviz gets only the time
            left (and at most ``timeout``).
        options: more options for the program (``-n2``: neato keeps the DOT's positions).

    Raises:
        GraphvizNotFound: the program is not installed.
        LayoutTimeout: the layout took longer than ``timeout`` seconds, or than
            the time left before ``deadline``.
        RenderError: Graphviz failed (its message is included).
    """
    exe = shutil.which(engine)
    if exe is None:
        raise GraphvizNotFound(f"Graphviz's '{engine}' program was not found: {INSTALL_HINT}")
    limit = timeout if deadline is None else min(timeout, deadline.left())
    if deadline is not None and limit <= 0:
        raise deadline.error("laying the diagram out")
    args = [exe, f"-T{fmt}", *options, *([f"-Gdpi={dpi}"] if fmt == "png" else [])]
    try:
        source = dot_source.encode("utf-8")
        done = subprocess.run(args, input=source, capture_output=True, timeout=limit, check=False)
    except subprocess.TimeoutExpired:
        raise _late(timeout, limit, deadline) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RenderError(f"Graphviz failed: {message}")
    return _pinned(done.stdout) if fmt == "pdf" else done.stdout


def _pinned(pdf: bytes) -> bytes:
    """Graphviz's PDF with its creation time fixed (:func:`argmap.render.pdf.pin_dates`)."""
    from argmap.render.pdf import pin_dates

    return pin_dates(pdf)


def _late(timeout: float, limit: float, deadline: Deadline | None) -> LayoutTimeout:
    """The error for a layout stopped after ``limit`` seconds: the rendering's budget
    ran out (``limit`` was the time left before ``deadline``), or ``timeout`` did."""
    if deadline is not None and limit < timeout:
        return deadline.error("Graphviz laid the diagram out")
    return LayoutTimeout(
        f"Graphviz did not finish the layout within {timeout:g} s; render part of the map "
        "with --focus ID --depth K, --collapse DEPTH or --split, raise --layout-timeout, "
        "or output .dot and lay it out elsewhere"
    )
