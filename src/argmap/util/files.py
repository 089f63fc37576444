"""Reading and writing files safely: one :func:`read_text` for every reader, atomic writes.

Every input (maps in any format, articles, included Argdown files, pattern
files) is read by :func:`read_text`, or by :func:`read_bytes` when the reader
decodes the bytes itself (an HTML page may declare another charset): regular
files only (never a FIFO, device or folder, which could hang or be huge), at
most :data:`argmap.util.limits.FILE_BYTES` (512 MiB unless
``ARGMAP_MAX_FILE_BYTES`` says otherwise); :func:`read_text` reads UTF-8
with an optional BOM, any line endings (made ``\\n``, or kept as they are for
articles, whose offsets count the file's own characters). Every output is
written by :func:`write_atomic`, so no reader ever sees a half-written file.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.util.limits import FILE_BYTES


def _read_regular(path: Path, name: str) -> bytes:
    """The bytes of a regular file within the file size limit (never a FIFO or device)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise MapLoadError([invalid(name, 1, 1, f"cannot read the file: it is {what}")])
    limit = FILE_BYTES.value()
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        found = max(info.st_size, len(data))
        raise MapLoadError([invalid(name, 1, 1, FILE_BYTES.message(found, limit))])
    return data


def read_bytes(path: str | Path) -> bytes:
    """The bytes of a file, under the same rules as :func:`read_text` (for a reader
    that decodes them itself, such as an HTML page that declares its charset).

    Raises:
        MapLoadError: the file cannot be read (missing, unreadable, a folder, not a
            regular file such as a FIFO or device, over the size limit).
    """
    name = str(path)
    if "\x00" in name:
        raise MapLoadError([invalid(name, 1, 1, "cannot read the file: its name holds a NUL")])
    try:
        return _read_regular(Path(path), name)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise MapLoadError([invalid(name, 1, 1, f"cannot read the file: {reason}")]) from None


def read_text(path: str | Path, *, keep_line_endings: bool = False) -> str:
    """Read a UTF-8 file (BOM optional, any line endings) whatever the locale.

    Args:
        path: a regular file within the file size limit (``ARGMAP_MAX_FILE_BYTES``).
        keep_line_endings: return ``\\r\\n`` and ``\\r`` as they are, so that
            offsets into the text are offsets into the file's characters (after
            a BOM); by default every line ending becomes ``\\n``.

    Returns:
        The text, without a leading BOM.

    Raises:
        MapLoadError: the file cannot be read (missing, unreadable, a folder,
            not a regular file such as a FIFO or device, over the size limit) or is not
            UTF-8 (with the line and column of the first bad byte).
    """
    name = str(path)
    data = read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise MapLoadError(
            [invalid(name, line, column, "the file is not UTF-8 text: save it as UTF-8")]
        ) from None
    if keep_line_endings:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to the file ``path`` without ever leaving it half-written.

    A regular file (new or existing) is replaced atomically: the data go to a
    temporary file in the same folder, which is then renamed over the target,
    with ordinary permissions (0666 less the umask, e.g. 0644); on failure the
    temporary file is removed and the target is untouched. A symbolic link is
    followed: the file it points to is replaced and the link is kept. A target
    that exists and is not a regular file (``/dev/null``, another device, a
    FIFO, or a link to one) is written in place and never renamed over; a FIFO
    that no process reads is refused rather than waited for. Missing parent
    folders are created.

    Raises:
        OSError: the target is a folder or is named like one (``out/``), its
            folder cannot be written, or a FIFO has no reader; the error names
            ``path`` (never the temporary file) and says why in words.
    """
    write_all([(os.fspath(path), data)])


def write_all(outputs: Sequence[tuple[str | Path, bytes]]) -> None:
    """Write several files as :func:`write_atomic` does, all or none of the regular ones.

    Every regular target's data first go to a temporary file beside it; then
    devices and FIFOs are written; only when all of that succeeded are the
    temporary files renamed into place, so a target that cannot be written (a
    full device, a FIFO nobody reads, a folder) leaves every regular file
    untouched.

    Raises:
        OSError: as :func:`write_atomic`, naming the first target that fails.
    """
    staged: list[tuple[str, str, Path]] = []  # (name, temporary file, target)
    in_place: list[tuple[str, Path, bytes, bool]] = []
    try:
        for path, data in outputs:
            name = os.fspath(path)
            with _named(name):
                target, mode = _resolve(name)
                if mode is not None and not stat.S_ISREG(mode):
                    in_place.append((name, target, data, stat.S_ISFIFO(mode)))
                else:
                    staged.append((name, _stage(target, data), target))
        for name, target, data, fifo in in_place:
            with _named(name):
                _write_in_place(target, data, fifo)
        for name, tmp, target in staged:
            with _named(name):
                os.replace(tmp, target)
    except BaseException:
        for _, tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _named(name: str) -> Iterator[None]:
    """Turn an OSError inside the block into one naming ``name`` and saying why."""
    try:
        yield
    except OSError as exc:
        raise OSError(exc.errno, f"cannot write: {exc.strerror or exc}", name) from None


def _resolve(name: str) -> tuple[Path, int | None]:
    """The file ``name`` writes to (links followed) and its mode (None: nothing there).

    Raises:
        IsADirectoryError: ``name`` is a folder or ends with a slash.
    """
    if name.endswith(("/", os.sep)):
        raise IsADirectoryError(21, "the name ends with a slash, like a folder's")
    target = Path(os.path.realpath(name))
    mode = _mode(target)
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "it is a folder")
    return target, mode


def _mode(path: Path) -> int | None:
    """``path``'s file mode, or None when nothing is there."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None


def _write_in_place(target: Path, data: bytes, fifo: bool) -> None:
    """Write into an existing device or FIFO (opened for writing, never replaced)."""
    flags = os.O_WRONLY | (os.O_NONBLOCK if fifo else 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "it is a FIFO that no process reads") from None
        raise
    if fifo:
        os.set_blocking(fd, True)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _stage(target: Path, data: bytes) -> str:
    """A temporary file beside ``target`` holding ``data`` with ordinary permissions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".argmap-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp
