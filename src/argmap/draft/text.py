"""An article as paragraphs with offsets into the original file, boilerplate removed.

No spaCy here: this module only cuts the article's text into paragraphs and
drops what is not the article (navigation, photo credits, share widgets,
hashtags, a comments footer), following the rules in
``patterns/boilerplate.json``. :func:`load_article` reads the file with
:func:`argmap.util.files.read_text`, line endings kept.

Offsets count characters (Unicode code points) of the file decoded as UTF-8,
after a byte-order mark, with line endings kept as they are, so for every
paragraph ``text[p.start:p.end] == p.text``. Paragraph numbers always refer to
the original file: for ``.txt`` a paragraph is a non-empty line (as in the map
format's ``para``), for ``.md`` a block of lines between blank lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.draft.patterns import Boilerplate
from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.model import UNSHOWABLE
from argmap.util.files import read_text

# A paragraph starts at a line's start; the possessive runs never backtrack, so a long
# line of spaces costs time linear in its length (not quadratic).
_LINE = re.compile(r"(?<![^\r\n])[^\S\r\n]*+\S[^\r\n]*+")
_BLOCK = re.compile(r"(?<![^\r\n])(?:[^\S\r\n]*+\S[^\r\n]*+(?:\r\n|\r|\n|$))+")
_MD_LEAD = re.compile(r"(?:[ \t]*(?:#{1,6}|[-*+]|\d{1,3}[.)]|>)[ \t]+)+")
_MD_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]")
_MD_TRAIL = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
_FENCE = re.compile(r"[ \t]*(```|~~~)")
#: A title is at most this many words.
TITLE_MAX_WORDS = 20
#: File extensions read as Markdown (others are plain text, but for HTML_SUFFIXES).
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: File extensions read as HTML pages (by :mod:`argmap.draft.html`).
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the original file.

    Attributes:
        number: 1-based paragraph number in the original file.
        start: offset of its first character (after Markdown markers and spaces).
        end: offset just past its last kept character.
        text: ``file_text[start:end]``.
        heading: a heading (Markdown ``# ...``; an HTML page's title and headings).
        code: a block of code (a Markdown fence, an HTML ``<pre>``), dropped.
    """

    number: int
    start: int
    end: int
    text: str
    heading: bool = False
    code: bool = False


@dataclass(frozen=True)
class Dropped:
    """A paragraph left out of the draft and why (a boilerplate rule's name)."""

    number: int
    reason: str


@dataclass(frozen=True)
class Page:
    """What reading an HTML page left out (see :mod:`argmap.draft.html`).

    Attributes:
        blocks: blocks of the page's visible text that are not in the article text.
        characters: their characters (runs of white space counted as one space).
        stopped: where and why the HTML parser stopped before the end of the page
            (``"line 3: elements nested more than 256 deep"``), or None when it
            read it all.
    """

    blocks: int
    characters: int
    stopped: str | None = None


@dataclass(frozen=True)
class Article:
    """An article ready for segmentation.

    Attributes:
        path: the file name used in messages.
        text: the whole file, decoded (offsets refer to it).
        paragraphs: kept paragraphs, in file order (the title first, if any).
        dropped: paragraphs left out, in file order.
        title: the kept paragraph taken as the title, or None.
        meta: source fields the text states: ``author``, ``year`` (int), ``url``,
            and for an HTML page ``publication`` (its site's name).
        page: for an HTML page, what was left out of it; else None.
    """

    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    dropped: tuple[Dropped, ...] = ()
    title: Paragraph | None = None
    meta: dict[str, object] = field(default_factory=dict)
    page: Page | None = None


def load_article(path: str | Path, rules: Boilerplate) -> Article:
    """The article in the file at ``path``, cut into paragraphs (see :func:`parse_article`).

    The file is read by :func:`argmap.util.files.read_text` with its line
    endings kept, so offsets count the file's own characters; a
    :data:`MARKDOWN_SUFFIXES` file is Markdown, any other plain text.

    Raises:
        MapLoadError: the file cannot be read (missing, a folder, a FIFO or
            device, over 512 MiB), is not UTF-8 (at the line and column of the
            first bad byte), or holds nothing to draft.
    """
    name = str(path)
    markdown = Path(name).suffix.lower() in MARKDOWN_SUFFIXES
    try:
        text = read_text(path, keep_line_endings=True)
    except MapLoadError as exc:
        raise _not_text(name, exc) from None
    if text.startswith("{\\rtf"):
        raise MapLoadError([invalid(name, 1, 1, _document("an RTF document"))])
    for magic, what in _MAGIC[:3]:  # a document whose first bytes happen to be UTF-8
        if text.startswith(magic.decode("latin-1")):
            raise MapLoadError([invalid(name, 1, 1, _document(what))])
    return parse_article(text, name, rules, markdown)


#: The first bytes of document formats that are not plain text.
_MAGIC = (
    (b"PK\x03\x04", "a Word (.docx), OpenDocument (.odt) or other zipped document"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 (.doc) document"),
    (b"%PDF-", "a PDF document"),
    (b"\xff\xfe", "UTF-16 text"),
    (b"\xfe\xff", "UTF-16 text"),
)


def _document(what: str) -> str:
    return (
        f"this is {what}, not plain text: save it from your editor as plain text "
        f"(.txt, UTF-8) or Markdown and draft that file"
    )


def _not_text(name: str, exc: MapLoadError) -> MapLoadError:
    """``exc``, or for a file that is not UTF-8, a message naming its format when its
    first bytes tell (a Word, PDF or UTF-16 file) or the usual other encodings."""
    found = exc.findings[0] if exc.findings else None
    if found is None or "not UTF-8" not in found.message:
        return exc
    try:
        with open(name, "rb") as handle:  # a regular file: read_text checked that
            head = handle.read(8)
    except OSError:
        return exc
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return MapLoadError([invalid(name, 1, 1, _document(what))])
    where = found.position
    message = (
        "the file is not UTF-8 text (it may be Windows-1252 or Latin-1, as older "
        "editors save): save it again choosing the UTF-8 encoding"
    )
    return MapLoadError([invalid(name, where.line, where.column, message)])


def _trimmed(number: int, text: str, start: int, end: int, heading: bool = False) -> Paragraph:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Paragraph(number, start, end, text[start:end], heading)


def split_paragraphs(text: str, markdown: bool = False) -> list[Paragraph]:
    """All paragraphs of ``text``, numbered from 1 (see the module docstring).

    In Markdown, leading heading (``#``), list (``-``, ``1.``) and quote (``>``)
    markers are left out of the paragraph's span; fenced code blocks are
    paragraphs too (they are dropped later as ``code``).
    """
    pattern = _BLOCK if markdown else _LINE
    out: list[Paragraph] = []
    for number, match in enumerate(pattern.finditer(text), start=1):
        start, end = match.start(), match.end()
        heading = False
        if markdown:
            block = match.group()
            heading = bool(_MD_HEADING.match(block))
            lead = _MD_LEAD.match(block)
            if lead and not _FENCE.match(block):
                start += lead.end()
            if heading:
                trail = _MD_TRAIL.search(block.rstrip("\r\n"))
                if trail:
                    end = match.start() + trail.start()
        par = _trimmed(number, text, start, end, heading)
        if markdown and _FENCE.match(par.text):
            par = Paragraph(par.number, par.start, par.end, par.text, par.heading, code=True)
        out.append(par)
    return out


def _is_title(par: Paragraph) -> bool:
    words = par.text.split()
    one_line = "\n" not in par.text and "\r" not in par.text
    return one_line and 0 < len(words) <= TITLE_MAX_WORDS and not par.text.endswith(".")


def _trim(par: Paragraph, rules: Boilerplate) -> Paragraph:
    end = par.end
    for pattern in rules.trim:
        match = pattern.search(par.text)
        if match:
            end = min(end, par.start + match.start())
    if end == par.end:
        return par
    full = par.text[: end - par.start]
    return Paragraph(par.number, par.start, end, full.rstrip(), par.heading, par.code)


def parse_article(text: str, path: str, rules: Boilerplate, markdown: bool = False) -> Article:
    """Cut ``text`` into paragraphs, drop boilerplate, find the title and source fields.

    A control character (:data:`argmap.model.UNSHOWABLE`) becomes a space, one
    for one, so offsets still count the text's characters. See
    :func:`select_paragraphs`.

    Raises:
        MapLoadError: nothing of the article is left (an empty file, or only
            boilerplate).
    """
    text = UNSHOWABLE.sub(" ", text)
    return select_paragraphs(text, path, split_paragraphs(text, markdown), rules)


def select_paragraphs(
    text: str,
    path: str,
    paragraphs: list[Paragraph],
    rules: Boilerplate,
    meta: dict[str, object] | None = None,
    page: Page | None = None,
) -> Article:
    """The article of ``paragraphs`` (of ``text``): boilerplate dropped, title and source found.

    The title is the first heading when the first kept paragraph is a heading,
    else the first kept paragraph when it is one line of at most
    :data:`TITLE_MAX_WORDS` words not ending with a full stop. Later headings
    are dropped (reason ``heading``), and so is code (reason ``code``). Source
    fields the paragraphs state are added to ``meta`` unless it has them.

    Raises:
        MapLoadError: nothing of the article is left (no paragraph, or only
            boilerplate).
    """
    kept: list[Paragraph] = []
    dropped: list[Dropped] = []
    meta = dict(meta or {})
    rest_reason: str | None = None
    for par in paragraphs:
        reason = rest_reason or _drop_reason(par, rules, meta)
        if reason is None and par.heading and kept:
            reason = "heading"
        if reason is not None:
            dropped.append(Dropped(par.number, reason))
            rest_reason = rest_reason or (reason if reason in rules.rest else None)
            continue
        par = _trim(par, rules)
        if par.text:
            kept.append(par)
    if not kept:
        what = "holds only boilerplate (navigation, credits, widgets)" if dropped else "is empty"
        raise MapLoadError([invalid(path, 1, 1, f"the article {what}: there is nothing to draft")])
    first = kept[0]
    title = first if (first.heading or _is_title(first)) and len(kept) > 1 else None
    return Article(path, text, tuple(kept), tuple(dropped), title, meta, page)


def _drop_reason(par: Paragraph, rules: Boilerplate, meta: dict[str, object]) -> str | None:
    if par.code:
        return "code"
    words = len(par.text.split())
    plain = par.text.rstrip(".").strip()
    for rule in rules.rules:
        if rule.max_words is not None and words > rule.max_words:
            continue
        for pattern in rule.patterns:
            hit = pattern.fullmatch(plain) if rule.whole else pattern.search(par.text)
            if hit:
                return rule.name
    for key, patterns in rules.metadata.items():
        for pattern in patterns:
            hit = pattern.fullmatch(par.text.strip())
            if hit:
                value = hit.group("value")
                if key != "year":
                    meta.setdefault(key, value)
                elif value.isascii() and value.isdigit() and 1 <= len(value) <= 4:
                    meta.setdefault(key, int(value))  # a year no map could hold is left out
                return f"source {key}"
    return None
