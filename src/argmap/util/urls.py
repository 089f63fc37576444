"""URL schemes and URLs of claim and map sources, read the way a browser reads them.

Shared by the loader and every importer (which refuse unsafe schemes and
malformed URLs, :func:`url_problem`) and the renderers (which turn safe, usable
URLs into links, :func:`usable_link`, so they never meet a URL they cannot split).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
    """The URL a source links to, or None for a citation, an unsafe scheme or a
    URL that :func:`url_problem` refuses.

    The URL is cleaned as a browser would (tabs, newlines, leading and trailing
    controls and spaces removed); what is returned can be split by
    :func:`urllib.parse.urlsplit` without error.
    """
    url = _cleaned(source)
    return url if url is not None and _split_problem(url) is None else None


def url_problem(source: str) -> str | None:
    """Why ``source``, written as an http, https or mailto URL, cannot be read as one.

    None for a usable URL and for text that is no such URL (a citation, or a
    scheme the loader refuses on its own). Python's :func:`urllib.parse.urlsplit`
    is the judge, so what passes here can be split by every renderer:

    - ``"https://]x"``: ``"its host has an unmatched '[' or ']'"``;
    - ``"https://exa\\uff0fmple.com"``: ``"its host holds a character that reads
      as '/', '?', '#', '@' or ':' once normalised (NFKC)"``;
    - ``"https://x:99999/"``, ``"https://x:port/"``: ``"its port must be a whole
      number from 0 to 65535"``;
    - ``"https://x y"``: ``"it holds a space: write spaces in a URL as %20"``;
    - ``"http://"``, ``"https:///path"``, ``"https://@/"``: ``"it names no host:
      write the address as https://host/path"``.
    """
    url = _cleaned(source)
    return None if url is None else _split_problem(url)


def _cleaned(source: str | None) -> str | None:
    if source is None or url_scheme(source) not in SAFE_SCHEMES:
        return None
    return _IGNORED_IN_URLS.sub("", source).strip(_LEADING)


def _split_problem(url: str) -> str | None:
    try:
        parts = urlsplit(url)
        _ = parts.port  # reading the port checks its range
    except ValueError as exc:
        return _reason(str(exc))
    if any(c.isspace() for c in url):
        return "it holds a space: write spaces in a URL as %20"
    if parts.scheme.lower() in ("http", "https") and not parts.hostname:
        return "it names no host: write the address as https://host/path"
    return None


def _reason(message: str) -> str:
    if "IPv6" in message:
        return "its host has an unmatched '[' or ']'"
    if "NFKC" in message:
        return (
            "its host holds a character that reads as '/', '?', '#', '@' or ':' "
            "once normalised (NFKC)"
        )
    if "Port" in message or "port" in message:
        return "its port must be a whole number from 0 to 65535"
    return message
