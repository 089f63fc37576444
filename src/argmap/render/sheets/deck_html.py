"""The slides as one offline HTML presentation.

One self-contained file: every slide's finished SVG inline (the same SVGs as
``deck.N.svg``, ids prefixed per slide so none repeats), a small style sheet
and script shipped as package data (``argmap/render/sheets/assets/``), nothing
loaded from elsewhere. The script shows one slide at a time (arrow keys, Page
Up/Down, space, Home/End; F or the button for full screen through the
Fullscreen API), writes "3 / 12", keeps ``#slide-3`` in the address and
follows the reference boxes' ``#slide-N`` links. Without the script every
slide shows, one under the other (as in print).

Escaping as on the interactive page (:mod:`argmap.render.html.page`): text
through :func:`html.escape`, SVG through ElementTree (:func:`~argmap.render.svg.finish_svg`),
and a Content-Security-Policy that lets only this script run, by its SHA-256 hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from html import escape
from importlib.resources import files
from string import Template

from argmap.render.html.page import inline_svg

_ASSETS = files("argmap.render.sheets") / "assets"


def _asset(name: str) -> str:
    text = (_ASSETS / name).read_text(encoding="utf-8")
    if name != "deck.html" and re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"asset {name} must not contain a closing script or style tag")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def deck_html(title: str, slides: Sequence[bytes]) -> bytes:
    """The presentation of ``slides`` (finished SVGs, in order) titled ``title``
    (unescaped), as UTF-8 bytes; byte-identical for the same input.

    Raises:
        ValueError: a slide has no ``<svg>`` element.
    """
    js, css = _asset("deck.js"), _asset("deck.css")
    total = len(slides)
    sections = "".join(
        f'<section class="am-slide" id="slide-{k}" aria-roledescription="slide" '
        f'aria-label="{k} of {total}">\n{inline_svg(svg)}</section>\n'
        for k, svg in enumerate(slides, 1)
    )
    csp = (
        f"default-src 'none'; script-src 'sha256-{_sha256(js)}'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    fields = {
        "csp": csp,
        "title": escape(title),
        "css": css,
        "js": js,
        "slides": sections,
        "total": str(total),
    }
    return Template(_asset("deck.html")).substitute(fields).encode("utf-8")
