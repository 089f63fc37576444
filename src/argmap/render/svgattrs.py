"""What the SVG finisher writes and keeps, element by element (pure: strings in, strings out).

:mod:`argmap.render.svgstream` applies these rules to each element of
Graphviz's SVG as it reads it; :mod:`argmap.render.svg` is the public face.
The escaping is ElementTree's (``xml.etree.ElementTree``, Python 3.11), so the
finished SVG has the same bytes ElementTree's ``tostring`` gave.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.util.urls import SAFE_SCHEMES, url_problem, url_scheme

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"
S = f"{{{SVG_NS}}}"
HREF = f"{{{XLINK_NS}}}href"
#: Elements dropped with everything in them (and the text after them).
UNSAFE_TAGS = frozenset({S + "script", S + "foreignObject", S + "iframe", S + "use"})
_URL_REF = re.compile(r"url\(#([^)]*)\)")


@dataclass(frozen=True)
class SvgExtras:
    """What :func:`~argmap.render.svg.finish_svg` adds to Graphviz's SVG.

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


def safe_href(url: str) -> bool:
    """Whether a link may point at ``url``: http, https or mailto that reads as one
    (:func:`~argmap.util.urls.url_problem`), or a relative URL (not ``//host``)."""
    scheme = url_scheme(url)
    if scheme is None:  # a relative URL (a page beside this one), not "//host/…"
        return not url.strip().replace("\\", "/").startswith("//")  # browsers read \ as /
    return scheme in SAFE_SCHEMES and url_problem(url) is None


def rewrite(attrib: dict[str, str], prefix: str) -> dict[str, str]:
    """``attrib`` (ElementTree names: ``{namespace}name``) as the finished SVG has it,
    changed in place and returned: ``id`` and references to ids (``href="#id"``,
    ``url(#id)`` in any other attribute) prefixed; a link's URL kept only when
    :func:`safe_href`, never rewritten; event handlers (``on…``) dropped; dash
    patterns scaled (:func:`_scale_dashes`)."""
    for key, value in list(attrib.items()):
        if key == "id":
            attrib[key] = prefix + value
        elif key == HREF or key == "href":
            if value.startswith("#"):
                attrib[key] = "#" + prefix + value[1:]
            elif not safe_href(value):
                del attrib[key]
        elif key.startswith("on"):
            del attrib[key]
        elif "url(#" in value:
            attrib[key] = _URL_REF.sub(lambda m: f"url(#{prefix}{m.group(1)})", value)
    if "stroke-dasharray" in attrib:
        _scale_dashes(attrib)
    return attrib


def _scale_dashes(attrib: dict[str, str]) -> None:
    """Graphviz writes ``dashed`` as ``5,2`` and ``dotted`` as ``1,5`` whatever the
    line width, so thick dashed lines look dotted; scale both with the width
    (dashed: 4w on, 2.5w off; dotted: round dots w apart)."""
    dashes = attrib.get("stroke-dasharray")
    if dashes not in ("5,2", "1,5"):
        return
    try:
        w = float(attrib.get("stroke-width", "1"))
    except ValueError:
        return
    if dashes == "5,2":
        attrib["stroke-dasharray"] = f"{4 * w:g},{2.5 * w:g}"
    else:
        attrib["stroke-dasharray"] = f"0.01,{2 * w:g}"
        attrib["stroke-linecap"] = "round"


def escape_text(text: str) -> str:
    """Character data escaped as ElementTree writes it (``&``, ``<``, ``>``)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


_ATTR_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("\r", "&#13;"),
    ("\n", "&#10;"),
    ("\t", "&#09;"),
)


def escape_attr(text: str) -> str:
    """An attribute value escaped as ElementTree writes it (``& < > "``, CR, LF, tab)."""
    for char, ref in _ATTR_ESCAPES:
        if char in text:
            text = text.replace(char, ref)
    return text
