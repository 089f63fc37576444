"""The characters of an HTML page: its byte-order mark, its declared charset, or UTF-8.

A page saved from a browser may be in another encoding than UTF-8 and say so
in its first bytes. :func:`decode_page` follows a simplified form of the HTML
standard's encoding sniffing (WHATWG HTML, "determining the character
encoding"), with no guessing:

1. a byte-order mark (UTF-8, UTF-16 LE or BE) decides;
2. else the first declaration in the first 1024 bytes, outside comments:
   ``<meta charset="...">``, ``<meta http-equiv="Content-Type"
   content="text/html; charset=...">`` or an XML declaration's
   ``encoding="..."`` (XHTML);
3. else UTF-8.

Labels are read as the Encoding Standard reads them where Python's names
differ: ``iso-8859-1``, ``latin1`` and ``ascii`` mean windows-1252,
``gb2312`` means GBK, ``euc-kr`` means windows-949, ``shift_jis`` means
windows-31J, and ``utf-16`` in a declaration (which an ASCII scan could only
have read in an ASCII-compatible file) means UTF-8. Only the encodings in
:data:`ENCODINGS` are read; any other declared label, and bytes that are not
valid in the encoding used, are refused with the file, line and column.
"""

from __future__ import annotations

import codecs
import re

from argmap.errors import MapLoadError
from argmap.findings import invalid

#: How many bytes at the start of the page are searched for a declaration.
PRESCAN_BYTES = 1024
#: The encodings read (Python codec names), besides UTF-8 and UTF-16.
ENCODINGS = frozenset(
    {f"cp{n}" for n in range(1250, 1259)}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
    | {"koi8-r", "koi8-u", "cp866", "cp874", "mac-roman", "mac-cyrillic"}
    | {"cp932", "euc_jp", "iso2022_jp", "gbk", "gb18030", "big5", "big5hkscs", "cp949"}
)
#: Python codec name → the codec the Encoding Standard uses for that label.
_STANDARD = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gbk",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}
#: Labels of the Encoding Standard that Python does not know by that name.
_LABELS = {
    "windows-874": "cp874",
    "windows-31j": "cp932",
    "x-sjis": "cp932",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "unicode-1-1-utf-8": "utf-8",
    "x-gbk": "gbk",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.S)
_META = re.compile(rb"<meta(?=[\s/])[^>]*", re.I)
_ATTRIBUTE = re.compile(rb"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s;]+))""", re.I)
_XML = re.compile(rb"\A\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([^\"'>]*)", re.I)


def _meta_charset(tag: re.Match[bytes]) -> tuple[bytes, int] | None:
    """The label a ``<meta>`` tag declares and its offset, or None: its
    ``charset`` attribute, or the ``charset=`` of its ``content`` when its
    ``http-equiv`` is ``content-type`` (WHATWG HTML, "prescan a byte stream
    to determine its encoding" and "extracting a character encoding from a
    meta element"); a charset in any other attribute declares nothing."""
    attributes: dict[bytes, tuple[bytes, int]] = {}
    for attribute in _ATTRIBUTE.finditer(tag.group(), 5):
        name = attribute.group(1).lower()
        group = next((g for g in (2, 3, 4) if attribute.group(g) is not None), None)
        value = (attribute.group(group), attribute.start(group)) if group else (b"", 0)
        if group == 4:  # an unquoted value before "/>"
            value = (value[0].rstrip(b"/"), value[1])
        attributes.setdefault(name, value)  # the first of a repeated attribute counts
    if b"charset" in attributes:
        label, at = attributes[b"charset"]
        return label.strip(), tag.start() + at
    equiv = attributes.get(b"http-equiv", (b"", 0))[0].strip().lower()
    content = attributes.get(b"content")
    if equiv != b"content-type" or content is None:
        return None
    found = _CONTENT_CHARSET.search(content[0])
    if found is None:
        return None
    group = next(g for g in (1, 2, 3) if found.group(g) is not None)
    return found.group(group).strip(), tag.start() + content[1] + found.start(group)


def declared_encoding(data: bytes) -> tuple[str, int] | None:
    """The label the page declares in its first :data:`PRESCAN_BYTES` bytes, and
    its byte offset; None when it declares none (see :func:`_meta_charset`)."""
    head = _COMMENT.sub(lambda m: b" " * len(m.group()), data[:PRESCAN_BYTES])
    xml = _XML.search(head)
    if xml is not None:
        return xml.group(1).decode("ascii", "replace").strip(), xml.start(1)
    for tag in _META.finditer(head):
        found = _meta_charset(tag)
        if found is not None and found[0]:
            return found[0].decode("ascii", "replace"), found[1]
    return None


def codec_for(label: str) -> str | None:
    """The Python codec read for the declared ``label``, or None for one not read."""
    name = label.strip().lower()
    if name in _LABELS:
        return _LABELS[name]
    try:
        name = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a label holding a NUL
        return None
    name = _STANDARD.get(name, name)
    return name if name == "utf-8" or name in ENCODINGS else None


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of byte ``offset``."""
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


def decode_page(data: bytes, name: str) -> tuple[str, str]:
    """The page's text, without a byte-order mark, and the codec it was read with.

    Raises:
        MapLoadError: the page declares a charset argmap does not read (at the
            declaration), or its bytes are not valid in the encoding used (at
            the first bad byte).
    """
    codec, declared = "utf-8", None
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            codec = bom_codec
            break
    else:
        found = declared_encoding(data)
        if found is not None:
            declared = found[0]
            known = codec_for(declared)
            if known is None:
                line, column = _where(data, found[1])
                shown = "".join(ch if ch.isprintable() else "?" for ch in declared[:40])
                what = f"the page declares the charset {shown!r}, which argmap does not read"
                raise MapLoadError([invalid(name, line, column, f"{what}: save it as UTF-8")])
            codec = known
    try:
        return data.decode(codec), codec.removesuffix("-sig")
    except UnicodeDecodeError as exc:
        line, column = _where(data, exc.start)
        raise MapLoadError([invalid(name, line, column, _not_valid(codec, declared))]) from None


def _not_valid(codec: str, declared: str | None) -> str:
    if declared is not None:
        shown = "".join(ch if ch.isprintable() else "?" for ch in declared[:40])
        return (
            f"the file is not {shown} text, as its charset declaration says: "
            "save it as UTF-8 or correct the declaration"
        )
    if codec == "utf-16":
        return "the file is not UTF-16 text, as its byte-order mark says: save it as UTF-8"
    return "the file is not UTF-8 text: save it as UTF-8"
