"""Make Graphviz's SVG embeddable (pure: bytes in, bytes out).

:func:`finish_svg` reads Graphviz's output with defusedxml's parser (no
external entities, no entity declarations) and writes the finished SVG in the
same pass (:mod:`argmap.render.svgstream`; the rules per element are in
:mod:`argmap.render.svgattrs`). It:

* strips comments, the DOCTYPE and the generator line (:func:`clean_svg`
  alone does only this);
* makes the root accessible: ``role="img"``, named by its ``<title>`` (the
  map's title, ``aria-labelledby``) and described by its ``<desc>`` (a text
  outline of the whole argument, ``aria-describedby``), its first two
  children (WAI-ARIA Graphics Module; SVG 2 §5.9): the name stays short
  however long the argument, and a screen reader offers the outline after it;
* gives every node and edge a ``<title>`` tooltip (full text, kind, source)
  and wraps linked nodes in ``<a>`` (http, https, mailto and relative URLs
  only; anything else is dropped);
* drops scripts, ``foreignObject``, ``iframe`` and ``use`` elements, event
  handler attributes and links to anything but those URLs;
* prefixes every ``id`` and every ``url(#…)``/``href="#…"`` reference with a
  per-map prefix so several maps can share a page;
* scales dash patterns with line width (Graphviz keeps them fixed);
* keeps the ``viewBox`` and replaces Graphviz's fixed ``pt`` size (see
  :func:`size_attributes`).

Text reaches the output only escaped (as ElementTree escapes it); nothing in
a map can add an element or attribute.
"""

from __future__ import annotations

import re

from argmap.errors import RenderError
from argmap.render.svgattrs import SVG_NS as SVG_NS
from argmap.render.svgattrs import XLINK_NS as XLINK_NS
from argmap.render.svgattrs import SvgExtras as SvgExtras
from argmap.render.svgattrs import size_attributes as size_attributes

_COMMENT = re.compile(rb"<!--.*?-->\s*", re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>]*>\s*", re.S)
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def clean_svg(svg: bytes) -> bytes:
    """Strip what Graphviz adds that a page does not need (comments, DOCTYPE)."""
    return _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg))


def id_prefix(name: str) -> str:
    """A per-map id prefix from a map name: ``"Two Michaels!"`` → ``"two-michaels-"``.

    Lower-case ASCII letters, digits, ``-`` and ``_``; starts with a letter
    (``"map-"`` is put in front otherwise), ends with ``-``.
    """
    base = re.sub(r"[^a-z0-9_]+", "-", name.lower()).strip("-")
    if not base or not base[0].isalpha():
        base = "map-" + base if base else "map"
    return base + "-"


def finish_svg(svg: bytes, extras: SvgExtras) -> bytes:
    """Graphviz's SVG → an embeddable, accessible, self-contained SVG (UTF-8 bytes).

    Deterministic: the same input gives the same bytes.

    Raises:
        RenderError: ``svg`` is not well-formed SVG with a viewBox.
    """
    from xml.etree.ElementTree import ParseError  # only SVG output needs the parser

    from defusedxml.ElementTree import DefusedXMLParser

    from argmap.render.svgstream import Finisher  # nor the finisher (pages import id_prefix)

    finisher = Finisher(extras)
    parser = DefusedXMLParser(target=finisher)
    finisher.attach(parser.parser)  # the same expat parser, with defusedxml's refusals
    try:
        parser.feed(svg)
        parser.close()
    except (ParseError, ValueError) as exc:  # ValueError: defusedxml's refusals
        raise RenderError(f"Graphviz wrote SVG that cannot be read: {exc}") from None
    return _DECLARATION + finisher.text.encode("utf-8", "xmlcharrefreplace") + b"\n"
