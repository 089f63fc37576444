"""The format registry: names, file extensions, readers and writers, and detection.

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
=======
Detection (every command, and ``argmap convert`` without ``--from``/``--to``): a
file ending of one format decides (``.argdown``, ``.aif.json``, ``.graphml``,
...); for the endings in :data:`GENERIC` (``.json``, ``.yaml``, ``.txt``, ``.xml``,
``.md`` ...) and for none, the content does (:func:`argmap.io.detect.sniff`).
docs/interchange.md has the table of formats.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argmap.errors import UsageError
from argmap.io.detect import describe, sniff
from argmap.io.exchange import Exported, Imported
from argmap.model import ArgumentMap
from argmap.util.files import read_text


@dataclass(frozen=True)
class Lazy:
    """The function ``name`` of the module ``argmap.io.<module>``, imported at its first
    call, so that a command pays only for the formats it reads or writes; called with
    the function's own arguments, it returns what the function returns."""

    module: str
    name: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Import the module (once: Python keeps it) and call the function."""
        return getattr(importlib.import_module(f"argmap.io.{self.module}"), self.name)(
            *args, **kwargs
        )


def _lazy(module: str, name: str) -> Callable[..., Any]:
    return Lazy(module, name)


loads_map = _lazy("yaml.reader", "loads_map")
dump_map = _lazy("yaml.writer", "dump_map")
loads_json_map, dump_json_map = (
    _lazy("json.mapjson", "loads_json_map"),
    _lazy("json.mapjson", "dump_json_map"),
)
loads_aif, dump_aif = _lazy("aif", "loads_aif"), _lazy("aif", "dump_aif")
loads_sadface, dump_sadface = _lazy("sadface", "loads_sadface"), _lazy("sadface", "dump_sadface")
loads_argdown, dump_argdown = (
    _lazy("argdown.reader", "loads_argdown"),
    _lazy("argdown.writer", "dump_argdown"),
)
loads_argdown_markdown = _lazy("argdown.markdown", "loads_argdown_markdown")
loads_kialo = _lazy("kialo", "loads_kialo")
loads_graphml, dump_graphml = _lazy("graphml", "loads_graphml"), _lazy("graphml", "dump_graphml")
dump_mermaid = _lazy("mermaid", "dump_mermaid")
loads_arggraph = _lazy("arggraph", "loads_arggraph")
loads_dsanson = _lazy("dsanson", "loads_dsanson")
loads_carneades = _lazy("carneades.reader", "loads_carneades")
loads_apx, dump_apx = _lazy("dung.apx", "loads_apx"), _lazy("dung.apx", "dump_apx")
loads_tgf, dump_tgf = _lazy("dung.tgf", "loads_tgf"), _lazy("dung.tgf", "dump_tgf")
loads_iccma, dump_iccma = _lazy("dung.iccma", "loads_iccma"), _lazy("dung.iccma", "dump_iccma")


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
        Format("sadface", "SADFace JSON", (".sadface.json",), loads_sadface, dump_sadface),
        Format("argdown", "Argdown", (".argdown", ".ad"), loads_argdown, dump_argdown),
        Format("argdown-md", "Argdown in Markdown", (".md",), loads_argdown_markdown, None),
        Format("kialo", "Kialo text export", (".txt",), loads_kialo, None),
        Format("graphml", "GraphML for Gephi and yEd", (".graphml",), loads_graphml, dump_graphml),
        Format("mermaid", "Mermaid flowchart", (".mmd", ".mermaid"), None, dump_mermaid),
        Format(
            "arggraph", "arggraph XML (microtext corpus)", (".arggraph.xml",), loads_arggraph, None
        ),
        Format("dsanson", "dsanson/argmap YAML map", (), loads_dsanson, None),
        Format("carneades", "Carneades argument graph (YAML)", (), loads_carneades, None),
        Format("apx", "Dung framework, ASPARTIX APX", (".apx",), loads_apx, dump_apx),
        Format("tgf", "Dung framework, Trivial Graph Format", (".tgf",), loads_tgf, dump_tgf),
        Format("iccma", "Dung framework, ICCMA 2023", (".af", ".i23"), loads_iccma, dump_iccma),
    )
}


def _by_extension(path: str) -> tuple[str, str] | None:
    """``(format, ending)`` of the longest registered ending ``path`` has, or None."""
    name = Path(path).name.lower()
    endings = sorted(
        ((e, f.name) for f in FORMATS.values() for e in f.extensions), key=lambda p: -len(p[0])
    )
    for ending, fmt in endings:
        if name.endswith(ending):
            return fmt, ending
    return None


def _names(kind: str) -> str:
    return ", ".join(n for n, f in FORMATS.items() if getattr(f, kind) is not None)


#: File name endings that say little about the content: the content decides.
GENERIC = (".json", ".yaml", ".yml", ".txt", ".xml", ".md", ".markdown")


def input_format(path: str, text: str) -> str:
    """The format of an input file, from its name and (for :data:`GENERIC` names
    or none) its content (:func:`argmap.io.detect.sniff`).

    Raises:
        UsageError: neither tells, or the content is a format argmap does not read
            ("this looks like X; argmap reads ...").
    """
    named = _by_extension(path)
    if named is not None and named[1] not in GENERIC:
        return named[0]
    fmt = named[0] if named else None
    seen = sniff(text)
    seen = "aif" if seen == "xaif" else seen
    if seen is not None and seen in FORMATS and FORMATS[seen].read is not None:
        return seen
    if seen is not None:
        raise UsageError(f"{path}: this looks like {describe(seen)}; argmap reads {_described()}")
    if fmt in ("argmap", "json"):
        return fmt
    why = _HINTS.get(named[1] if named else "", "cannot tell the format from the file name")
    raise UsageError(
        f"{path}: {why} or its content; argmap reads {_names('read')} "
        "(docs/interchange.md; argmap convert also takes --from)"
    )


#: What a generic ending is read as, for the message when the content does not say.
_HINTS = {
    ".md": "a .md file is read as Argdown when it holds a fenced ```argdown block; "
    "this one holds none, and nothing else tells the format from the file name",
    ".txt": "a .txt file is read as a Kialo export when it starts with 'Discussion Title:' "
    "(or as a Dung framework); nothing else tells the format from the file name",
}


def _described() -> str:
    return ", ".join(f"{describe(n)} ({n})" for n, f in FORMATS.items() if f.read is not None)


def output_format(path: str) -> str:
    """The format named by an output file's name.

    Raises:
        UsageError: the name does not tell (``--to`` is needed).
    """
    named = _by_extension(path)
    fmt = named[0] if named else None
    if fmt is None or FORMATS[fmt].write is None:
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
