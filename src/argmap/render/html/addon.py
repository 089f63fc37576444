"""What a page served live adds to the interactive page: a script and style rules.

``argmap serve`` shows a map as the same page ``argmap render -o map.html``
writes, plus a script that redraws it when the file is saved (and a few rules
for a projector). The page's Content-Security-Policy stays strict: the added
script is allowed by its SHA-256 hash, like the page's own, and
``connect-src 'self'`` lets it reach only the server the page came from.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass


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


def addon_fields(addon: PageAddon | None, csp: str) -> dict[str, str]:
    """The page template's fields for ``addon``: ``addon_css``, ``addon_script``
    (both empty without an addon, so the page is the one written to a file) and
    ``csp``, the policy ``csp`` with the script's hash and ``connect-src 'self'``.

    Raises:
        ValueError: the addon's script or style could end its element.
    """
    if addon is None:
        return {"csp": csp, "addon_css": "", "addon_script": ""}
    if re.search(r"</(script|style)", addon.script + addon.css, re.I):
        raise ValueError("a page addon must not contain a closing script or style tag")
    if addon.script:
        csp = csp.replace("script-src ", f"script-src {script_hash(addon.script)} ", 1)
        csp = f"{csp}; connect-src 'self'"
    script = f"<script>{addon.script}</script>" if addon.script else ""
    return {"csp": csp, "addon_css": addon.css, "addon_script": script}
