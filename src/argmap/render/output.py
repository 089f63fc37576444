"""The one module that runs Graphviz, and atomic writing of outputs.

``dot`` is run as a subprocess with UTF-8 bytes in and out and a time limit
(pydot's own ``create`` writes temporary files in the locale's encoding and
raises ``AssertionError`` on failure).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from argmap.errors import GraphvizNotFound, LayoutTimeout, RenderError
from argmap.render.svg import clean_svg  # noqa: F401  (kept importable from here)

#: Output formats by file extension.
FORMATS = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot",
           ".html": "html", ".htm": "html"}  # fmt: skip
DEFAULT_TIMEOUT = 60.0
DEFAULT_DPI = 96
INSTALL_HINT = (
    "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' "
    "(macOS), or run 'make demo', which installs it"
)


def format_for(path: str | Path) -> str:
    """The output format named by a file's extension (``.svg`` → ``svg``).

    Raises:
        RenderError: the extension is not one of :data:`FORMATS`.
    """
    ext = Path(path).suffix.lower()
    if ext not in FORMATS:
        raise RenderError(
            f"{path}: cannot tell the output format from {ext or 'no extension'!r}; "
            f"use one of {', '.join(sorted(FORMATS))}"
        )
    return FORMATS[ext]


def run_dot(dot_source: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT,
            dpi: int = DEFAULT_DPI, engine: str = "dot") -> bytes:  # fmt: skip
    """Lay out ``dot_source`` with Graphviz and return the output bytes.

    Args:
        dot_source: DOT text.
        fmt: Graphviz output format (``svg``, ``png``, ``pdf``).
        timeout: seconds before the layout is abandoned.
        dpi: resolution for raster output (dots per inch).
        engine: Graphviz layout program (``dot``, ``neato``, ``sfdp`` …).

    Raises:
        GraphvizNotFound: the program is not installed.
        LayoutTimeout: the layout took longer than ``timeout`` seconds.
        RenderError: Graphviz failed (its message is included).
    """
    exe = shutil.which(engine)
    if exe is None:
        raise GraphvizNotFound(f"Graphviz's '{engine}' program was not found: {INSTALL_HINT}")
    args = [exe, f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={dpi}")
    try:
        done = subprocess.run(args, input=dot_source.encode("utf-8"), capture_output=True,
                              timeout=timeout, check=False)  # fmt: skip
    except subprocess.TimeoutExpired:
        raise LayoutTimeout(
            f"Graphviz did not finish the layout within {timeout:g} s; render part of the map "
            "with --focus ID --depth K, --collapse DEPTH or --split, raise --layout-timeout, "
            "or output .dot and lay it out elsewhere"
        ) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RenderError(f"Graphviz failed: {message}")
    return done.stdout


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, then rename).

    The file gets ordinary permissions (0666 less the umask, e.g. 0644); a
    failure never leaves a half-written file behind.

    Raises:
        OSError: the folder cannot be written, or ``path`` is a folder; the
            error names ``path`` (never the temporary file).
    """
    target = Path(path)
    try:
        _replace_with(target, data)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write: {exc.strerror or exc}", str(target)) from None


def _replace_with(target: Path, data: bytes) -> None:
    if target.is_dir():
        raise IsADirectoryError(21, "it is a folder", str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
