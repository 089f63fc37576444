"""Make Graphviz's SVG embeddable (pure: bytes in, bytes out).

:func:`finish_svg` parses Graphviz's output with defusedxml and rewrites it:

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
* prefixes every ``id`` and every ``url(#…)``/``href="#…"`` reference with a
  per-map prefix so several maps can share a page;
* scales dash patterns with line width (Graphviz keeps them fixed);
* keeps the ``viewBox`` and replaces Graphviz's fixed ``pt`` size (see
  :func:`size_attributes`).

Text reaches the output only through ElementTree, which escapes it; nothing
in a map can add an element or attribute.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.render.labels import xml_safe
from argmap.util.urls import SAFE_SCHEMES, url_problem, url_scheme

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_S = f"{{{SVG_NS}}}"
_HREF = f"{{{XLINK_NS}}}href"
_URL_REF = re.compile(r"url\(#([^)]*)\)")
_COMMENT = re.compile(rb"<!--.*?-->\s*", re.S)
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>]*>\s*", re.S)
_UNSAFE_TAGS = frozenset({_S + "script", _S + "foreignObject", _S + "iframe", _S + "use"})
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def clean_svg(svg: bytes) -> bytes:
    """Strip what Graphviz adds that a page does not need (comments, DOCTYPE)."""
    return _DOCTYPE.sub(b"", _COMMENT.sub(b"", svg))


@dataclass(frozen=True)
class SvgExtras:
    """What :func:`finish_svg` adds to Graphviz's SVG.

    Attributes:
        prefix: prepended to every element id (e.g. ``"two-michaels-"``).
        title: the accessible name (the map's title).
        desc: the accessible description (the outline of the argument).
        titles: element id (as Graphviz wrote it, without prefix) → tooltip.
        links: element id → URL its content links to.
        width: None: ``width="100%"`` capped at the natural size; a number:
            that width in CSS px with the matching height.
    """

    prefix: str
    title: str
    desc: str
    titles: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    width: int | None = None


def id_prefix(name: str) -> str:
    """A per-map id prefix from a map name: ``"Two Michaels!"`` → ``"two-michaels-"``.

    Lower-case ASCII letters, digits, ``-`` and ``_``; starts with a letter
    (``"map-"`` is put in front otherwise), ends with ``-``.
    """
    base = re.sub(r"[^a-z0-9_]+", "-", name.lower()).strip("-")
    if not base or not base[0].isalpha():
        base = "map-" + base if base else "map"
    return base + "-"


def size_attributes(view_box: str, width: int | None) -> dict[str, str]:
    """``width``, ``height`` and ``style`` of the root for a ``viewBox``.

    One user unit is one CSS pixel at natural size. ``width=None`` gives
    ``width="100%"``, no height and ``style="max-width:Wpx;height:auto"``: an
    inline SVG fills its column but never grows past its natural width W, and
    an ``<img>`` (whose size the SVG's own style cannot set) fills its column
    in Chromium. A number N gives ``width="N" height="H"`` (H from the aspect
    ratio) and ``style="max-width:100%;height:auto"``, so inline SVG shrinks
    in narrow columns; an ``<img>`` is N px wide unless the page's CSS limits it.

    Raises:
        RenderError: the viewBox is not four numbers with positive size.
    """
    try:
        _, _, vb_w, vb_h = (float(v) for v in view_box.replace(",", " ").split())
    except ValueError:
        raise RenderError(f"Graphviz wrote an unreadable viewBox {view_box!r}") from None
    if vb_w <= 0 or vb_h <= 0:
        raise RenderError(f"Graphviz wrote an empty viewBox {view_box!r}")
    if width is None:
        return {"width": "100%", "style": f"max-width:{math.ceil(vb_w)}px;height:auto"}
    height = max(1, round(width * vb_h / vb_w))
    return {"width": str(width), "height": str(height), "style": "max-width:100%;height:auto"}


def _safe_href(url: str) -> bool:
    scheme = url_scheme(url)
    if scheme is None:  # a relative URL (a page beside this one), not "//host/…"
        return not url.strip().replace("\\", "/").startswith("//")  # browsers read \ as /
    return scheme in SAFE_SCHEMES and url_problem(url) is None


def _retitle(group: ET.Element, text: str | None) -> None:
    old = group.find(_S + "title")
    if old is not None:
        group.remove(old)
    if text is not None:
        title = ET.Element(_S + "title")
        title.text = xml_safe(text)
        title.tail = "\n"
        group.insert(0, title)


def _wrap_link(group: ET.Element, url: str) -> None:
    if not _safe_href(url):
        return
    external = url_scheme(url) is not None
    link = ET.Element(_S + "a", {_HREF: xml_safe(url), "target": "_blank" if external else "_top"})
    if external:
        link.set("rel", "noopener noreferrer")
    link.text, link.tail = "\n", "\n"
    for child in [c for c in group if c.tag != _S + "title"]:
        group.remove(child)
        link.append(child)
    group.append(link)


def _prefix_refs(el: ET.Element, prefix: str) -> None:
    """Prefix ``el``'s id and its references to ids of the document (``href="#id"``,
    ``url(#id)`` in the other attributes: style, fill, clip-path …); a link's URL
    is never rewritten (an unsafe one is dropped), nor are event handlers kept."""
    for key, value in list(el.attrib.items()):
        if key == "id":
            el.set(key, prefix + value)
        elif key in (_HREF, "href"):
            if value.startswith("#"):
                el.set(key, "#" + prefix + value[1:])
            elif not _safe_href(value):
                del el.attrib[key]
        elif key.startswith("on"):
            del el.attrib[key]
        elif "url(#" in value:
            el.set(key, _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value))


def _scale_dashes(el: ET.Element) -> None:
    """Graphviz writes ``dashed`` as ``5,2`` and ``dotted`` as ``1,5`` whatever the
    line width, so thick dashed lines look dotted; scale both with the width
    (dashed: 4w on, 2.5w off; dotted: round dots w apart)."""
    dashes = el.get("stroke-dasharray")
    if dashes not in ("5,2", "1,5"):
        return
    try:
        w = float(el.get("stroke-width", "1"))
    except ValueError:
        return
    if dashes == "5,2":
        el.set("stroke-dasharray", f"{4 * w:g},{2.5 * w:g}")
    else:
        el.set("stroke-dasharray", f"0.01,{2 * w:g}")
        el.set("stroke-linecap", "round")


def _sanitize(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in _UNSAFE_TAGS:
                parent.remove(child)


def _root(root: ET.Element, extras: SvgExtras) -> None:
    sizes = size_attributes(root.get("viewBox", ""), extras.width)
    view_box = root.get("viewBox", "")
    root.attrib.clear()
    p = extras.prefix
    root.attrib.update(
        {
            **sizes,
            "viewBox": view_box,
            "role": "img",
            "aria-labelledby": f"{p}title",
            "aria-describedby": f"{p}desc",
        }
    )
    for i, (tag, text) in enumerate((("title", extras.title), ("desc", extras.desc))):
        el = ET.Element(_S + tag, {"id": f"{p}{tag}"})
        el.text, el.tail = xml_safe(text), "\n"
        root.insert(i, el)


def finish_svg(svg: bytes, extras: SvgExtras) -> bytes:
    """Graphviz's SVG → an embeddable, accessible, self-contained SVG (UTF-8 bytes).

    Deterministic: the same input gives the same bytes.

    Raises:
        RenderError: ``svg`` is not well-formed SVG with a viewBox.
    """
    from defusedxml.ElementTree import fromstring  # only SVG output needs the parser

    try:
        root = fromstring(svg)
    except (ET.ParseError, ValueError) as exc:  # ValueError: defusedxml's refusals
        raise RenderError(f"Graphviz wrote SVG that cannot be read: {exc}") from None
    if root.tag != _S + "svg":
        raise RenderError(f"Graphviz wrote no <svg> root but {root.tag!r}")
    _sanitize(root)
    for group in list(root.iter(_S + "g")):
        gid, classes = group.get("id", ""), group.get("class", "").split()
        if "graph" in classes:
            _retitle(group, None)
        elif gid in extras.titles:
            _retitle(group, extras.titles[gid])
        if gid in extras.links:
            _wrap_link(group, extras.links[gid])
    for el in root.iter():
        _prefix_refs(el, extras.prefix)
        _scale_dashes(el)
    _root(root, extras)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return _DECLARATION + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
