"""An HTML page as an article: its main text, extracted by trafilatura, one paragraph a line.

A page saved from a news site holds the article and much else: menus, share
buttons, related links, a footer, comments. :func:`load_page` reads the file
(the size limit of :func:`argmap.util.files.read_bytes`; the charset from
:func:`argmap.draft.charset.decode_page`), parses it with lxml's HTML parser
(no network, no external entities, no scripts; comments and processing
instructions left out) and gives the tree to ``trafilatura.bare_extraction``,
which finds the main text and the page's metadata. trafilatura runs in its
``fast`` mode, its own extractor without the readability and jusText
fallbacks (whose time grows faster than the page on some shapes of page:
jusText's with long runs of short paragraphs), and favouring precision: for a
short article its "baseline" rescue, which would take every ``<p>`` of the
page (a newsletter box, a footer), is not tried.

The **article text** is then built as plain text, one paragraph a line: the
page's title first (trafilatura's, from the ``<title>``, Open Graph or JSON-LD
data), then each block of the main text in order: a paragraph, a heading, each
list item, each table row (the text of its cells separated by ``|``),
each line of a quotation;
runs of white space become one space, and characters no diagram can show
become spaces. Paragraph numbers are its line numbers and claim spans are
offsets into it (:attr:`argmap.draft.text.Article.text`), so ``argmap draft
--save-text FILE`` can write it. Headings after the title and ``<pre>`` code
are dropped as in Markdown; the boilerplate rules of ``patterns/`` still apply
to the lines kept.

What trafilatura left out is counted, not listed (:class:`~argmap.draft.text.Page`):
the blocks of the page's visible text (the text of each block element, such as
``<p>``, ``<li>``, ``<div>`` or ``<td>``, without the blocks inside it; not
``<head>``, ``<script>``, ``<style>``, ``<template>``, ``<noscript>``,
``<iframe>`` or ``<object>``) that do not occur in the article text, and their
characters.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from pathlib import Path
from typing import Any

from argmap.draft.charset import decode_page
from argmap.draft.patterns import Boilerplate
from argmap.draft.text import Article, Page, Paragraph, select_paragraphs
from argmap.errors import MapLoadError, UsageError
from argmap.findings import invalid
from argmap.model import UNSHOWABLE
from argmap.util.files import read_bytes
from argmap.util.urls import url_problem, url_scheme

_LIST_MARKER = re.compile(r"^- ")
_YEAR = re.compile(r"^([0-9]{4})-")
#: Elements whose text a browser does not show.
_HIDDEN = frozenset({"head", "script", "style", "template", "noscript", "iframe", "object"})
#: Elements that start a new block of text (HTML's block-level and table elements).
_BLOCKS = frozenset(
    "html body address article aside blockquote caption center dd details dialog dir div dl "
    "dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li "
    "main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
#: How far past the last match a block of page text is looked for in the article text.
_WINDOW = 1000
_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def load_page(path: str | Path, rules: Boilerplate) -> Article:
    """The article of the HTML page at ``path`` (see the module docstring).

    Raises:
        MapLoadError: the file cannot be read (missing, a folder, a FIFO or
            device, over 512 MiB), declares a charset argmap does not read or
            is not valid in its charset (at the first bad byte), or holds no
            article text.
        UsageError: trafilatura is not installed.
    """
    name = str(path)
    text, _ = decode_page(read_bytes(path), name)
    return parse_page(text, name, rules)


def _libraries() -> tuple[Any, Any]:
    """trafilatura and lxml.html, imported when a page is read."""
    try:
        import lxml.html
        import trafilatura
    except ImportError:
        raise UsageError(
            "argmap draft needs trafilatura to read an HTML page, and it is not installed: "
            "pip install 'argmap[draft]' (or run 'make demo', which installs it)"
        ) from None
    for logger in _LOGGERS:  # their warnings are not argmap's output
        logging.getLogger(logger).addHandler(logging.NullHandler())
    return trafilatura, lxml.html


def clean(text: str) -> str:
    """``text`` with characters no diagram can show made spaces, then runs of
    white space made one space, without spaces at either end."""
    return " ".join(UNSHOWABLE.sub(" ", text).split())


def parse_page(html: str, path: str, rules: Boilerplate) -> Article:
    """The article of the page ``html`` (decoded), named ``path`` in messages.

    Raises:
        MapLoadError: the page holds no article text.
        UsageError: trafilatura is not installed.
    """
    trafilatura, lxml_html = _libraries()
    tree, stopped = _parse(html, lxml_html)
    doc, lines = _extract(trafilatura, tree, path) if tree is not None else (None, [])
    text = "".join(f"{line}\n" for line, _ in lines)
    paragraphs, start = [], 0
    for number, (line, kind) in enumerate(lines, start=1):
        end = start + len(line)
        paragraphs.append(Paragraph(number, start, end, line, kind == "head", kind == "code"))
        start = end + 1
    page = Page(*_left_out(tree, text), stopped) if tree is not None else Page(0, 0, stopped)
    if not paragraphs:
        what = "has no article text" if page.blocks or stopped else "has no text"
        note = f" (the HTML parser stopped at {stopped})" if stopped else ""
        raise MapLoadError(
            [invalid(path, 1, 1, f"the page {what}{note}: there is nothing to draft")]
        )
    meta = _meta(doc) if doc is not None else {}
    return select_paragraphs(text, path, paragraphs, rules, meta, page)


#: A numeric character reference (``&#1;``, ``&#x1b;``, ``&#150;``).
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]+)|0*([0-9]+));?")


def _showable_reference(match: re.Match[str]) -> str:
    """A numeric character reference as the HTML standard decodes it when that
    character can be shown (a reference from 128 to 159 is the windows-1252
    character, §13.2.5.80 "Numeric character reference end state"), else a
    space: libxml2 would drop the text holding a control character."""
    hexadecimal, decimal = match.groups()
    digits = hexadecimal or decimal or "0"
    if len(digits) > 8:  # past U+10FFFF (and int() of 5,000 digits is refused)
        return " "
    code = int(hexadecimal, 16) if hexadecimal else int(digits)
    if 0x80 <= code <= 0x9F:
        char = bytes([code]).decode("cp1252", errors="replace")
        return " " if char == "\ufffd" else char
    if code > 0x10FFFF or UNSHOWABLE.match(chr(code)):
        return " "
    return match.group(0)


def _parse(html: str, lxml_html: Any) -> tuple[Any, str | None]:
    """The page's lxml tree (None when it has none) and where and why the parser
    stopped early (``"line 3: why"``), or None."""
    parser = lxml_html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
    )
    html = _CHARACTER_REFERENCE.sub(_showable_reference, UNSHOWABLE.sub(" ", html))
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except lxml_html.etree.LxmlError:  # ParserError: a page without elements
        tree = None
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if not fatal:
        return tree, None
    error = fatal[0]  # its line is libxml2's; its column is not reliable
    why = (
        "elements nested more than 256 deep"
        if "depth" in error.message.lower()
        else "a text, name or attribute value over 10,000,000 characters"
    )
    return tree, f"line {error.line}: {why}"


#: A JSON-LD block longer than this is not read for metadata.
MAX_JSON_LD = 100_000


def _drop_bad_json_ld(tree: Any) -> None:
    """Remove the page's JSON-LD metadata blocks that are not valid JSON or longer
    than :data:`MAX_JSON_LD` characters: trafilatura falls back to searching a
    broken block with patterns whose time grows with the square of the number
    of author entries (2,000 of them took minutes), and a broken block's
    metadata cannot be trusted anyway."""
    import json

    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        try:
            ok = len(text) <= MAX_JSON_LD and json.loads(text) is not None
        except (ValueError, RecursionError):
            ok = False
        if not ok:
            script.text = ""


#: An element with more inline children than this is read as plain text.
MAX_INLINE_CHILDREN = 256
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data dfn em font i kbd mark q s samp small span strong sub "
    "sup time u var".split()
)


def _flatten_crowded(tree: Any) -> None:
    """Replace the children of each element with more than
    :data:`MAX_INLINE_CHILDREN` inline children (links, spans) by their text,
    keeping its attributes; one whose text is mostly link text becomes a
    ``<nav>`` (a list of links, left out). trafilatura's time grows with the
    square of an element's inline children (20,000 links in one paragraph
    took a minute); the text and the blocks of the page stay the same."""
    crowded = [
        e for e in tree.iter() if sum(1 for c in e if c.tag in _INLINE) > MAX_INLINE_CHILDREN
    ]
    for element in reversed(crowded):  # the innermost first
        text = element.text_content()
        links = sum(len(a.text_content()) for a in element.iter("a"))
        tail, attributes = element.tail, dict(element.attrib)
        element.clear()
        element.text, element.tail = text, tail
        element.attrib.update(attributes)
        if links * 2 > len(text):
            element.tag = "nav"


def _drop_hidden(tree: Any) -> None:
    """Remove what a browser never shows: elements with the ``hidden``
    attribute and ``<template>`` contents (WHATWG HTML §6.1 and §4.12.3)."""
    gone = [e for e in tree.iter() if e.tag == "template" or e.get("hidden") is not None]
    for element in gone:
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()  # keeps the text after it (its tail)


#: Author ``<meta>`` elements past this many are removed before extraction.
MAX_AUTHOR_METAS = 16


def _cap_author_metas(tree: Any) -> None:
    """Remove the page's author ``<meta>`` elements after the first
    :data:`MAX_AUTHOR_METAS`: trafilatura normalises author lists in time that
    grows faster than their length, and no article has more authors."""
    seen = 0
    for meta in list(tree.iter("meta")):
        names = f"{meta.get('name') or ''} {meta.get('property') or ''}".lower()
        if "author" in names:
            seen += 1
            if seen > MAX_AUTHOR_METAS and meta.getparent() is not None:
                meta.getparent().remove(meta)


def _extract(trafilatura: Any, tree: Any, path: str) -> tuple[Any, list[tuple[str, str]]]:
    """trafilatura's document (main text and metadata) of ``tree``, or None, and
    the lines of its article text (see :func:`_lines`)."""
    _drop_bad_json_ld(tree)
    _drop_hidden(tree)
    _flatten_crowded(tree)
    _cap_author_metas(tree)
    try:
        doc = trafilatura.bare_extraction(
            tree,
            fast=True,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
        return doc, _lines(doc) if doc is not None else []
    except Exception as exc:  # an untrusted page must not end in a traceback
        why = f"the HTML extractor failed on it ({type(exc).__name__})"
        raise MapLoadError([invalid(path, 1, 1, f"{why}: there is nothing to draft")]) from None


def _lines(doc: Any) -> list[tuple[str, str]]:
    """The article text's lines (see the module docstring), each with its kind:
    ``head`` (the title or a heading), ``code`` or ``text``."""
    from trafilatura.xml import xmltotxt

    title = clean(doc.title or "")
    out = [(title, "head")] if title else []
    body = doc.body if doc.body is not None else []
    for child in body:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":  # a row a line: its cells' own text (no Markdown escapes)
            for row in child.iter("row"):
                cells = (clean("".join(cell.itertext())) for cell in row.iter("cell"))
                out.append((" | ".join(cell for cell in cells if cell), "text"))
            continue
        rendered = xmltotxt(child, False)
        if tag in ("p", "head", "code"):
            line = clean(rendered)
            if tag == "head" and len(out) == 1 and line.casefold() == title.casefold():
                continue  # the title again, as the article's first heading
            out.append((line, tag if tag != "p" else "text"))
            continue
        for raw in rendered.split("\n"):
            line = clean(raw)
            if tag == "list":
                line = _LIST_MARKER.sub("", line)
            out.append((line, "text"))
    return [(line, kind) for line, kind in out if line]


def _meta(doc: Any) -> dict[str, object]:
    """The source fields of the page's metadata: ``author``, ``year``,
    ``publication`` (the site's name) and ``url`` (http or https only)."""
    meta: dict[str, object] = {}
    for key, value in (("author", doc.author), ("publication", doc.sitename)):
        value = clean(value or "")
        if value:
            meta[key] = value
    year = _YEAR.match(doc.date or "")
    if year:
        meta["year"] = int(year.group(1))
    url = clean(doc.url or "")
    if url and url_scheme(url) in ("http", "https") and url_problem(url) is None:
        meta["url"] = url
    return meta


def page_blocks(tree: Any) -> list[str]:
    """The blocks of visible text of the page ``tree``, in page order (see the
    module docstring), each :func:`clean`; empty blocks left out."""
    from lxml import etree

    blocks: list[list[str]] = [[]]
    stack = [0]
    hidden = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if hidden or tag in _HIDDEN:
                hidden += 1
                continue
            if tag in _BLOCKS or tag == "br":
                blocks[stack[-1]].append(" ")  # a block or line break parts the text around it
            if tag in _BLOCKS:
                stack.append(len(blocks))
                blocks.append([])
            blocks[stack[-1]].append(element.text or "")
            continue
        if hidden:
            hidden -= 1
        elif tag in _BLOCKS:
            stack.pop()
        if not hidden:
            blocks[stack[-1]].append(element.tail or "")
    return [text for text in (clean("".join(parts)) for parts in blocks) if text]


def _left_out(tree: Any, text: str) -> tuple[int, int]:
    """How many blocks of the page's text (and their characters) do not occur in
    the article ``text``. A block is found as a whole paragraph not yet matched
    (the first such), else as a run of text at most :data:`_WINDOW` characters
    after the previous match (trafilatura keeps the page's order)."""
    lines = text.split("\n")[:-1]
    article = " ".join(lines)
    offsets: dict[str, deque[int]] = {}
    start = 0
    for line in lines:
        offsets.setdefault(line, deque()).append(start)
        start += len(line) + 1
    cursor, blocks, characters = 0, 0, 0
    for block in page_blocks(tree):
        found = offsets[block].popleft() if offsets.get(block) else -1
        if found < 0:
            found = article.find(block, cursor, cursor + len(block) + _WINDOW)
        if found >= 0:
            cursor = max(cursor, found + len(block))
        else:
            blocks += 1
            characters += len(block)
    return blocks, characters
