"""What a page served live adds to the interactive page: a script and style rules.

``argmap serve`` shows a map as the same page ``argmap render -o map.html``
writes (:func:`argmap.render.html.page.render_html`), plus a script that
redraws it when the file is saved (and a few rules for a projector). The
page's Content-Security-Policy stays strict: the added script is allowed by
its SHA-256 hash, like the page's own, and ``connect-src 'self'`` lets it
reach only the server the page came from.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

_CSP = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')


@dataclass(frozen=True)
class PageAddon:
    """More for the whole page (not the ``embed`` one).

    Attributes:
        script: a script run after the page's own; must not contain ``</script``.
        css: style rules added after the page's own; must not contain ``</style``.
    """

    script: str = ""
    css: str = ""


def script_hash(script: str) -> str:
    """The CSP source that allows the inline ``script``: ``'sha256-<base64>'``
    (Content Security Policy Level 3, "hash-source") of its UTF-8 bytes."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def add_to_page(page: bytes, addon: PageAddon) -> bytes:
    """The page of :func:`~argmap.render.html.page.render_html` with ``addon``: its
    rules at the end of the page's style sheet (the first ``</style>``, in the head,
    before any map text), its script just before ``</body>`` (the last; map text
    on the page is escaped, so it holds no tag), its script's hash in the policy's
    ``script-src`` and ``connect-src 'self'`` added.

    Raises:
        ValueError: the addon's script or style could end its element, or ``page``
            is not such a page (no policy, style sheet or body).
    """
    if re.search(r"</(script|style)", addon.script + addon.css, re.I):
        raise ValueError("a page addon must not contain a closing script or style tag")
    meta = _CSP.search(page)
    style, body = page.find(b"</style>"), page.rfind(b"</body>")
    if meta is None or style < 0 or body < style:
        raise ValueError("not an interactive page: no policy, style sheet or body")
    policy = meta.group(2)
    if addon.script:
        allowed = script_hash(addon.script).encode("ascii")
        policy = policy.replace(b"script-src ", b"script-src " + allowed + b" ", 1)
        policy += b"; connect-src 'self'"
    script = f"<script>{addon.script}</script>\n" if addon.script else ""
    return b"".join(
        [
            page[: meta.start(2)],
            policy,
            page[meta.end(2) : style],
            addon.css.encode("utf-8"),
            page[style:body],
            script.encode("utf-8"),
            page[body:],
        ]
    )
