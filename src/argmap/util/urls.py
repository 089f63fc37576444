"""URL schemes of claim and map sources, read the way a browser reads them.

Shared by the loader (which refuses unsafe schemes) and the renderers (which
turn safe ones into links).
"""

from __future__ import annotations

import re

#: The only URL schemes a source may use; anything else is refused at load.
SAFE_SCHEMES: tuple[str, ...] = ("http", "https", "mailto")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):(?=\S)")
#: Schemes that run code or read local data: refused even when written with
#: spaces around the colon or nothing after it ("javascript: alert(1)").
_DANGEROUS = re.compile(r"^(javascript|vbscript|livescript|data|file|blob|filesystem)\s*:", re.I)
_IGNORED_IN_URLS = re.compile(r"[\t\n\r]")
_LEADING = "".join(chr(c) for c in range(0x21))  # C0 controls and space


def url_scheme(source: str) -> str | None:
    """The URL scheme of ``source`` (lower-cased) as a browser would read it, or None.

    Browsers drop tabs and newlines inside a URL and leading control characters
    and spaces (WHATWG URL standard, "basic URL parser"), so
    ``" java\\tscript:x"`` has scheme ``javascript``. A citation such as
    ``"Smith (2019), p. 4"`` has none. Code-running and local schemes
    (``javascript``, ``data``, ``file`` …) are recognised even when a space
    follows the colon.
    """
    cleaned = _IGNORED_IN_URLS.sub("", source).lstrip(_LEADING)
    match = _DANGEROUS.match(cleaned) or _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def link_target(source: str | None) -> str | None:
    """The URL a source links to, or None for a citation (or an unsafe scheme).

    The URL is cleaned as a browser would (tabs, newlines, leading and trailing
    controls and spaces removed).
    """
    if source is None or url_scheme(source) not in SAFE_SCHEMES:
        return None
    return _IGNORED_IN_URLS.sub("", source).strip(_LEADING)
