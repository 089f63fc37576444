"""The pages ``argmap serve`` writes itself: the list of maps, the page of a map that
cannot be drawn, and the live script every page runs.

Every text from a map or a file name goes through :func:`html.escape`. Each page
carries a Content-Security-Policy that lets only its own inline script run (by
its SHA-256 hash) and connect only to the server it came from; the server
sends the same policy as a header, with ``frame-ancestors 'none'``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from urllib.parse import quote, urlencode

from argmap.render.html.addon import PageAddon, script_hash
from argmap.render.html.page import script_json
from argmap.server.files import MAP_ENDINGS

_ASSETS = files("argmap.server") / "assets"

#: The policy of the pages written here (``script-src`` gets the live script's hash).
PAGE_CSP = (
    "default-src 'none'; script-src {hash}; style-src 'unsafe-inline'; img-src data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'"
)


def asset(name: str) -> str:
    """The text of ``argmap/server/assets/<name>``."""
    return (_ASSETS / name).read_text(encoding="utf-8")


def shown(text: str) -> str:
    """A file name for people: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def map_url(rel: str, projection: bool = False) -> str:
    """The address of a map's page (``/map/<rel>``, percent-encoded; ``?projection=1``)."""
    url = "/map/" + quote(rel, safe="/", errors="surrogateescape")
    return url + ("?projection=1" if projection else "")


def events_url(rel: str | None, since: str) -> str:
    """The address of the Server-Sent Events of one map (``rel``) or of the list (None),
    ``since`` the stamp of what the page shows."""
    query = {"since": since} | ({"map": rel} if rel is not None else {})
    return "/events?" + urlencode(query, errors="surrogateescape")


def live_script(rel: str | None, since: str, projection: bool = False) -> str:
    """The live script of one page: reloads on a change after ``since``; on a map's page
    (``rel``), links to the list and to the other view (normal or projector)."""
    config = {
        "events": events_url(rel, since),
        "index": "/" if rel is not None else None,
        "projection": projection,
        "toggle": map_url(rel, not projection) if rel is not None else None,
    }
    return asset("live.js").replace("AM_LIVE", script_json(config), 1)


def live_addon(rel: str, since: str, projection: bool) -> PageAddon:
    """What a map's interactive page adds when served (:class:`PageAddon`)."""
    css = asset("live.css") + (asset("projection.css") if projection else "")
    return PageAddon(script=live_script(rel, since, projection), css=css)


@dataclass(frozen=True)
class Entry:
    """One row of the list of maps.

    Attributes:
        rel: the map's path in the folder (``/`` between parts).
        title: the map's title (its name when it has none); "" when broken.
        claims: its number of claims.
        problems: why it cannot be read, as ``argmap check`` prints it (empty: it loads).
    """

    rel: str
    title: str = ""
    claims: int = 0
    problems: tuple[str, ...] = ()


def _page(title: str, body: str, script: str, projection: bool = False) -> bytes:
    """A whole page with the live ``script``, its policy and the site's style sheet."""
    csp = PAGE_CSP.format(hash=script_hash(script))
    klass = ' class="am-projection"' if projection else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">\n'
        f"<title>{title}</title>\n<style>\n{asset('site.css')}</style>\n</head>\n"
        f"<body{klass}>\n{body}<script>{script}</script>\n</body>\n</html>\n"
    ).encode()


def _row(entry: Entry) -> str:
    """One ``<tr>`` of the list."""
    link = f'<a href="{escape(map_url(entry.rel))}">{escape(shown(entry.rel))}</a>'
    project = f'<a href="{escape(map_url(entry.rel, True))}">projector view</a>'
    if entry.problems:
        first = escape(entry.problems[0])
        more = len(entry.problems) - 1
        extra = f" (and {more} more)" if more else ""
        return (
            f'<tr class="am-broken"><td>{link}</td><td colspan="2">'
            f'<span class="am-bad">cannot be read:</span> {first}{extra}</td><td></td></tr>\n'
        )
    return (
        f"<tr><td>{link}</td><td>{escape(entry.title)}</td>"
        f'<td class="am-n">{entry.claims}</td><td>{project}</td></tr>\n'
    )


def index_page(folder: str, entries: Sequence[Entry], since: str) -> bytes:
    """The list of maps under ``folder`` (as the user typed it): each map's file, title,
    number of claims and projector view, a broken one marked with its first problem.
    Reloads itself when a map is saved, added or removed (stamp ``since``)."""
    where = escape(shown(folder))
    if entries:
        head = '<tr><th>Map</th><th>Title</th><th class="am-n">Claims</th><th></th></tr>\n'
        rows = "".join(_row(e) for e in entries)
        table = f"<table>\n<thead>\n{head}</thead>\n<tbody>\n{rows}</tbody>\n</table>\n"
    else:
        table = (
            '<p class="am-muted">No maps here: files ending in '
            + escape(", ".join(MAP_ENDINGS))
            + ".</p>\n"
        )
    body = (
        f"<h1>Maps in {where}</h1>\n"
        '<p class="am-muted">Open a map: its page redraws itself each time the file is '
        "saved. The projector view shows the map alone in large text.</p>\n" + table
    )
    return _page(f"Maps in {where}", body, live_script(None, since))


def error_page(rel: str, lines: Sequence[str], since: str, projection: bool = False) -> bytes:
    """The page of a map that cannot be drawn: its problems as ``argmap check`` prints
    them (``file:line:col: severity CODE check: message``); redraws when it is saved."""
    name = escape(shown(rel))
    problems = "\n".join(escape(line) for line in lines)
    body = (
        '<nav class="am-links" aria-label="Pages"></nav>\n'
        f"<h1>{name} cannot be drawn</h1>\n"
        "<p>Fix what is listed below and save the file: this page redraws by itself.</p>\n"
        f'<pre class="am-errors" role="alert">\n{problems}</pre>\n'
    )
    script = live_script(rel, since, projection)
    return _page(f"{name}: cannot be drawn", body, script, projection)


def not_found_page() -> bytes:
    """A plain 404 body (no file name from the request is echoed)."""
    return b"Not found: this server shows only the maps it lists at /\n"
