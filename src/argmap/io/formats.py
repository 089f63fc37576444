"""The format registry: names, file extensions, readers and writers, and detection.

Detection by file name (``argmap convert`` without ``--from``/``--to``):

========================  =========================================================
``.yaml`` ``.yml``        ``argmap`` (the YAML map), unless it is a Carneades argument
                          graph (``statements:`` and no ``claims:``): ``carneades``
``.argdown`` ``.ad``      ``argdown``
``.aif.json``             ``aif``
``.json``                 ``json`` (argmap's JSON map), unless the content is AIF
                          (``nodes`` and ``edges``, or OVA's ``AIF`` wrapper): ``aif``
``.txt``                  ``kialo`` when it starts with ``Discussion Title:``
``.graphml``              ``graphml`` (written only)
``.mmd`` ``.mermaid``     ``mermaid`` (written only)
``.apx`` ``.tgf``         ``apx``, ``tgf`` (Dung frameworks)
``.af`` ``.i23``          ``iccma`` (Dung framework, ICCMA 2023)
========================  =========================================================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argmap.errors import UsageError
from argmap.io.aif import dump_aif, loads_aif, looks_like_aif
from argmap.io.argdown.reader import loads_argdown
from argmap.io.argdown.writer import dump_argdown
from argmap.io.carneades.reader import loads_carneades, looks_like_carneades
from argmap.io.dung.apx import dump_apx, loads_apx
from argmap.io.dung.iccma import dump_iccma, loads_iccma
from argmap.io.dung.tgf import dump_tgf, loads_tgf
from argmap.io.exchange import Exported, Imported
from argmap.io.graphml import dump_graphml
from argmap.io.json.mapjson import dump_json_map, loads_json_map
from argmap.io.kialo import loads_kialo, looks_like_kialo
from argmap.io.mermaid import dump_mermaid
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map
from argmap.model import ArgumentMap
from argmap.util.files import read_text


def _read_yaml(text: str, path: str) -> Imported:
    return Imported(loads_map(text, path))


def _write_yaml(amap: ArgumentMap) -> Exported:
    return Exported(dump_map(amap))


@dataclass(frozen=True)
class Format:
    """One interchange format.

    Attributes:
        name: the name ``--from``/``--to`` take.
        summary: one line for help and docs.
        extensions: file name endings that select it (lower case).
        read: ``(text, path) -> Imported``, or None when argmap only writes it.
        write: ``(map) -> Exported``, or None when argmap only reads it.
    """

    name: str
    summary: str
    extensions: tuple[str, ...]
    read: Callable[[str, str], Imported] | None
    write: Callable[[ArgumentMap], Exported] | None


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("argmap", "argmap's YAML map", (".yaml", ".yml"), _read_yaml, _write_yaml),
        Format("json", "argmap's map as JSON", (".json",), loads_json_map, dump_json_map),
        Format("aif", "AIF JSON (AIFdb, OVA)", (".aif.json",), loads_aif, dump_aif),
        Format("argdown", "Argdown", (".argdown", ".ad"), loads_argdown, dump_argdown),
        Format("kialo", "Kialo text export", (".txt",), loads_kialo, None),
        Format("graphml", "GraphML for Gephi and yEd", (".graphml",), None, dump_graphml),
        Format("mermaid", "Mermaid flowchart", (".mmd", ".mermaid"), None, dump_mermaid),
        Format("carneades", "Carneades argument graph (YAML)", (), loads_carneades, None),
        Format("apx", "Dung framework, ASPARTIX APX", (".apx",), loads_apx, dump_apx),
        Format("tgf", "Dung framework, Trivial Graph Format", (".tgf",), loads_tgf, dump_tgf),
        Format("iccma", "Dung framework, ICCMA 2023", (".af", ".i23"), loads_iccma, dump_iccma),
    )
}


def _by_extension(path: str) -> str | None:
    name = Path(path).name.lower()
    for ending in (".aif.json",) + tuple(e for f in FORMATS.values() for e in f.extensions):
        if name.endswith(ending):
            return next(f.name for f in FORMATS.values() if ending in f.extensions)
    return None


def _names(kind: str) -> str:
    return ", ".join(n for n, f in FORMATS.items() if getattr(f, kind) is not None)


def input_format(path: str, text: str) -> str:
    """The format of an input file, from its name and (for ``.json``/``.txt``) its content.

    Raises:
        UsageError: the name does not tell, or a ``.txt`` file is no Kialo export.
    """
    fmt = _by_extension(path)
    if fmt == "json" and looks_like_aif(text):
        return "aif"
    if fmt == "argmap" and looks_like_carneades(text):
        return "carneades"
    if fmt == "kialo" and not looks_like_kialo(text):
        raise UsageError(
            f"{path}: a .txt file is read as a Kialo export only when it starts with "
            "'Discussion Title:'; name the format with --from"
        )
    if fmt is None:
        raise UsageError(
            f"{path}: cannot tell the format from the file name; "
            f"name it with --from ({_names('read')})"
        )
    return fmt


def output_format(path: str) -> str:
    """The format named by an output file's name.

    Raises:
        UsageError: the name does not tell (``--to`` is needed).
    """
    fmt = _by_extension(path)
    if fmt is None or (fmt == "kialo"):
        raise UsageError(
            f"{path}: cannot tell the output format from the file name; "
            f"name it with --to ({_names('write')})"
        )
    return fmt


def reader(fmt: str) -> Callable[[str, str], Imported]:
    """The reader of format ``fmt``.

    Raises:
        UsageError: argmap only writes that format.
    """
    read = FORMATS[fmt].read
    if read is None:
        raise UsageError(f"argmap writes {fmt} but cannot read it; it reads {_names('read')}")
    return read


def writer(fmt: str) -> Callable[[ArgumentMap], Exported]:
    """The writer of format ``fmt``.

    Raises:
        UsageError: argmap only reads that format.
    """
    write = FORMATS[fmt].write
    if write is None:
        raise UsageError(f"argmap reads {fmt} but cannot write it; it writes {_names('write')}")
    return write


def read_input(path: str, fmt: str | None = None) -> tuple[str, Imported]:
    """Read a map from a file in any readable format.

    Args:
        path: the file (UTF-8, BOM and Windows line endings accepted).
        fmt: a format name, or None to detect it (:func:`input_format`).

    Returns:
        ``(format name, imported map)``.

    Raises:
        MapLoadError: the file is unreadable or invalid (with positions).
        UsageError: the format cannot be told or is not readable.
    """
    text = read_text(path)
    fmt = fmt or input_format(path, text)
    return fmt, reader(fmt)(text, path)


def read_any(path: str) -> Imported:
    """Read a map for ``check`` and ``evaluate``: a file whose name names another
    readable format (``.apx``, ``.af``, ``.aif.json`` …) by that format's reader,
    anything else as argmap's YAML map.

    Raises:
        MapLoadError: the file is unreadable or invalid (with positions).
        UsageError: the file's content does not fit its name (see :func:`input_format`).
    """
    text = read_text(path)
    fmt = _by_extension(path)
    if fmt == "json":
        fmt = "aif" if looks_like_aif(text) else None
    if fmt == "kialo" and not looks_like_kialo(text):
        fmt = None
    if fmt == "argmap" and looks_like_carneades(text):
        fmt = "carneades"
    read = FORMATS[fmt].read if fmt is not None else None
    return read(text, path) if read is not None else _read_yaml(text, path)
