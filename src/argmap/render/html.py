"""The interactive HTML page of a map: one self-contained file.

The page holds the diagram's SVG inline, the map's data as JSON in a
``<script type="application/json">`` block, and a small script and style sheet
shipped as package data (``argmap/render/assets/``). Nothing is loaded from
elsewhere, so the file works offline, from a USB stick or as an e-mail
attachment. A Content-Security-Policy lets only that one script run (by its
SHA-256 hash), so even markup that slipped into the page could not run code.

Escaping: every map text written as HTML goes through :func:`html.escape`;
the JSON block has ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX``
escapes so that no claim text can end the script element (HTML Standard,
"Restrictions for contents of script elements"); the script builds its DOM with
``textContent`` only.

The page finds a claim's shape in the SVG through its DOT node name (the
``<title>`` Graphviz writes in each ``<g class="node">``): the JSON maps claim
ids to those names (:func:`argmap.render.dot.node_names`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape
from importlib.resources import files
from string import Template
from typing import Iterable, Sequence

from argmap.model import KINDS, ArgumentMap, MapSource
from argmap.problems import Finding
from argmap.render.dot import RenderOptions, node_names, to_dot
from argmap.render.html_parts import filters_html, findings_html, outline_html
from argmap.render.html_outline import build_outline
from argmap.render.output import DEFAULT_TIMEOUT, clean_svg, run_dot

_ASSETS = files("argmap.render") / "assets"
_SAFE_HREF = re.compile(r"^(https?|mailto):", re.I)
_JSON_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)
HINT = (
    "Click a claim in the diagram, the outline or the findings: it and every claim that "
    "argues about it, directly or through others, stay lit; the rest dims."
)


def diagram_svg(amap: ArgumentMap, findings: Sequence[Finding], opts: RenderOptions,
                timeout: float) -> bytes:  # fmt: skip
    """The diagram as SVG bytes: the one place the page asks for the SVG pipeline.

    Raises:
        GraphvizNotFound, LayoutTimeout, RenderError: as :func:`run_dot`.
    """
    return clean_svg(run_dot(to_dot(amap, findings, opts), "svg", timeout=timeout))


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside ``<script type="application/json">``.

    Keys sorted, no spaces; ``<``, ``>``, ``&``, U+2028 and U+2029 escaped as
    ``\\u003c`` … so neither ``</script>`` nor ``<!--`` can appear.
    ``JSON.parse`` gives back exactly ``data``.
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def inline_svg(svg: bytes) -> str:
    """Graphviz SVG made ready to sit inside HTML.

    Drops the XML declaration (and any comment or DOCTYPE), and gives the root
    ``<svg>`` width and height of 100% so the page's viewport sizes it; the
    ``viewBox`` is kept (the script pans and zooms by changing it).
    """
    text = clean_svg(svg).decode("utf-8")
    text = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", text)
    match = re.search(r"<svg\b[^>]*>", text)
    if match is None:
        raise ValueError("no <svg> element in the diagram")
    tag = re.sub(r'\s(?:width|height)="[^"]*"', "", match.group(0))
    sized = '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet"'
    tag = tag.replace("<svg", sized, 1)
    return text[: match.start()] + tag + text[match.end() :]


def safe_href(url: str | None) -> str | None:
    """``url`` when it is http, https or mailto, else None (never a ``javascript:`` link)."""
    return url if url and _SAFE_HREF.match(url.strip()) else None


def page_data(amap: ArgumentMap, findings: Iterable[Finding], opts: RenderOptions) -> dict:
    """The map's data as the page's script reads it (JSON-ready, deterministic).

    Shape: ``{"title", "hint", "claims": [{"id", "kind", "label", "text", "para",
    "source", "href", "tags", "node", "findings"}], "relations": [{"from", "to",
    "type", "inference", "junction"}]}``. ``claims`` are in file order; ``node``
    is the claim's DOT node name; ``relations`` run from the arguing claim to
    the claim argued about (``type`` ``support``, ``attack`` or ``undercut``;
    an undercut points at the conclusion of the inference it undercuts) and
    ``junction`` names the inference's junction dot, if drawn.
    """
    names = node_names(amap)
    codes = claim_codes(findings)
    claims = [
        {
            "id": c.id, "kind": c.kind, "label": opts.theme.kinds[c.kind].label.title(),
            "text": c.text, "para": list(c.para), "source": c.source,
            "href": safe_href(c.source), "tags": list(c.tags), "node": names[c.id],
            "findings": codes.get(c.id, []),
        }
        for c in amap.claims.values()
    ]  # fmt: skip
    return {"title": amap.title or amap.name, "hint": HINT, "claims": claims,
            "relations": _relations(amap, names)}  # fmt: skip


def _relations(amap: ArgumentMap, names: dict[str, str]) -> list[dict]:
    claims = amap.claims
    rels: list[dict] = []
    conclusion = {inf.id: inf.conclusion for inf in amap.inferences}
    for inf in amap.inferences:
        for p in inf.premises:
            if p in claims and inf.conclusion in claims:
                rels.append({"from": p, "to": inf.conclusion, "type": "support",
                             "inference": inf.id, "junction": names.get(inf.id)})  # fmt: skip
    for att in amap.attacks:
        rels.append({"from": att.attacker, "to": att.target, "type": "attack",
                     "inference": None, "junction": None})  # fmt: skip
    for und in amap.undercuts:
        target = conclusion.get(und.inference)
        if target in claims:
            junction = names.get(und.inference)
            rels.append({"from": und.attacker, "to": target, "type": "undercut",
                         "inference": und.inference, "junction": junction})  # fmt: skip
    return [r for r in rels if r["from"] in claims and r["to"] in claims]


def claim_codes(findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Finding codes by claim (a finding belongs to its first claim, as on the diagram)."""
    codes: dict[str, list[str]] = {}
    for f in sorted(findings):
        if f.claims and f.code not in codes.setdefault(f.claims[0], []):
            codes[f.claims[0]].append(f.code)
    return codes


def _asset(name: str) -> str:
    text = (_ASSETS / name).read_text(encoding="utf-8")
    if name != "page.html" and re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"asset {name} must not contain a closing script or style tag")
    return text


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _source_line(src: MapSource | None) -> str:
    if src is None:
        return ""
    bits = [f"“{escape(src.title)}”" if src.title else ""]
    bits += [escape(str(v)) for v in (src.publication, src.author, src.year) if v]
    text = ", ".join(b for b in bits if b)
    href = safe_href(src.url)
    if href:
        link = f'<a href="{escape(href)}" rel="noopener noreferrer">{escape(src.url or "")}</a>'
        text = f"{text} · {link}" if text else link
    return f'<p class="am-source">Argument map of {text}</p>' if text else ""


def render_html(amap: ArgumentMap, findings: Sequence[Finding] = (),
                opts: RenderOptions | None = None, *,
                timeout: float = DEFAULT_TIMEOUT) -> bytes:  # fmt: skip
    """The interactive page of ``amap`` as UTF-8 bytes (byte-identical for the same map).

    Args:
        amap: the map.
        findings: findings from ``argmap check`` (listed on the page and marked
            on their claims; with ``opts.show_findings`` false, left out).
        opts: diagram options (defaults: :class:`RenderOptions`).
        timeout: seconds Graphviz may take to lay the diagram out.

    Raises:
        GraphvizNotFound, LayoutTimeout, RenderError: the diagram could not be laid out.
    """
    opts = opts or RenderOptions()
    findings = sorted(findings) if opts.show_findings else []
    css, js = _asset("argmap.css"), _asset("argmap.js")
    present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
    csp = (f"default-src 'none'; script-src 'sha256-{_sha256(js)}'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")  # fmt: skip
    fields = {
        "csp": csp, "title": escape(amap.title or amap.name), "css": css, "js": js,
        "source": _source_line(amap.source), "filters": filters_html(present, opts.theme),
        "svg": inline_svg(diagram_svg(amap, findings, opts, timeout)), "hint": escape(HINT),
        "findings": findings_html(findings) if opts.show_findings else "",
        "outline": outline_html(build_outline(amap), amap, claim_codes(findings), opts.theme),
        "data": script_json(page_data(amap, findings, opts)),
    }  # fmt: skip
    # One pass: substituted values are never scanned for placeholders again.
    return Template(_asset("page.html")).substitute(fields).encode("utf-8")
