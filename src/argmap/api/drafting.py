""":func:`draft` (from a text) and :func:`draft_file` (from a .txt, .md or .html
file, as ``argmap draft`` reads it): a first map for a person to review
(``docs/draft.md``). spaCy is imported only when a draft is made."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from argmap.api.arguments import need, path_text
from argmap.api.objects import Map
from argmap.errors import UsageError

if TYPE_CHECKING:
    from argmap.draft import Draft
    from argmap.draft.text import Page
    from argmap.model import ArgumentMap


@dataclass(frozen=True, repr=False)
class DraftMap(Map):
    """A drafted map: a :class:`Map` (its ``model.extra["draft"]`` holds the thesis
    candidates, the relations with their confidence and the claims to review),
    and what ``argmap draft`` writes of it.

    A draft copies the article's sentences: never publish or commit a draft of a
    text you do not own.

    Attributes:
        yaml: the draft as a YAML map file: a header comment (the article, the
            pipeline, the warning above), then the map. It always loads.
        text: the article text the claims' ``para`` and ``span`` count in (for an
            HTML page, the text extracted from it, one paragraph a line).
        pipeline: the spaCy pipeline used (``"blank"``: the built-in rules only).
        report: what was drafted, the thesis candidates and claims to review,
            and what was dropped, a line each.
    """

    yaml: str = ""
    text: str = ""
    pipeline: str = "blank"
    report: tuple[str, ...] = ()


def draft(
    text: str,
    *,
    markdown: bool = False,
    model: str | None = "blank",
    patterns: str | os.PathLike[str] | None = None,
) -> DraftMap:
    """A first map drafted from the article ``text`` (``docs/draft.md``).

    Args:
        text: plain text, one paragraph a line (Markdown when ``markdown``:
            blank-line separated blocks).
        model: a spaCy pipeline (a package name or folder), ``"blank"`` for the
            built-in rules only, or None: ``en_core_web_sm/md/lg/trf`` if
            installed, else blank.
        patterns: a folder of extra ``cues.json``, ``markers.json`` or
            ``boilerplate.json`` (``docs/draft.md``).

    Returns:
        The :class:`DraftMap`.

    Raises:
        MapLoadError: nothing to draft, or a malformed patterns file.
        UsageError: spaCy or the pipeline is not installed.
    """
    from argmap.draft import draft_text

    need(text, str, "text", "a str (decode bytes first)")
    _arguments(markdown, model, patterns)
    made = draft_text(text, markdown=markdown, model=model, patterns_dir=_folder(patterns))
    return _draft_map(made)


def draft_file(
    path: str | os.PathLike[str],
    *,
    model: str | None = None,
    patterns: str | os.PathLike[str] | None = None,
    name: str | None = None,
) -> DraftMap:
    """A first map drafted from the article at ``path``, as ``argmap draft`` makes it:
    a ``.txt`` file (a paragraph a line), ``.md`` (blank-line separated blocks) or
    an HTML page (``.html``, ``.htm``, ``.xhtml``: only the article's main text,
    found by trafilatura; nothing is fetched).

    Args:
        path: the article.
        model, patterns: as for :func:`draft` (here None, the default, takes a
            trained pipeline when one is installed).
        name: the draft's name, which findings on it give with lines of its
            ``yaml`` (``argmap draft`` gives the output file's); None:
            ``<draft of ARTICLE>``.

    Returns:
        The :class:`DraftMap`.

    Raises:
        MapLoadError: the article cannot be read (missing, a folder, not UTF-8 or
            its declared charset, over 512 MiB), has nothing to draft, or a
            patterns file is malformed (each with file, line and column).
        UsageError: spaCy, the pipeline or (for a page) trafilatura is not installed.
    """
    from argmap.draft import draft_file as from_file

    article = path_text(path, "path")
    _arguments(False, model, patterns)
    if name is not None:
        need(name, str, "name", "a str or None")
        if not name:
            raise UsageError("name must be a non-empty str or None")
    called = name or f"<draft of {os.path.basename(article)}>"
    made = from_file(article, model=model, patterns_dir=_folder(patterns), out_path=called)
    return _draft_map(made)


def _arguments(markdown: object, model: object, patterns: object) -> None:
    """Refuse arguments of the wrong type.

    Raises:
        UsageError: naming the argument.
    """
    need(markdown, bool, "markdown", "True or False")
    if model is not None:
        need(model, str, "model", "a str or None")
    if patterns is not None:
        path_text(patterns, "patterns")


def _folder(patterns: str | os.PathLike[str] | None) -> str | None:
    """The patterns folder as a str."""
    return None if patterns is None else path_text(patterns, "patterns")


def _draft_map(made: Draft) -> DraftMap:
    """The :class:`DraftMap` of a finished draft (the map loaded back from its YAML)."""
    text, loaded = map_file(made)
    return DraftMap(
        loaded,
        made.map.path,
        "argmap",
        yaml=text,
        text=made.article.text,
        pipeline=made.pipeline,
        report=tuple(_report(made)),
    )


def map_file(made: Draft) -> tuple[str, ArgumentMap]:
    """The draft as a YAML map file, and the map loaded back from that text.

    The text is a header comment (the article, the pipeline, a warning that
    the draft copies the article), then :func:`argmap.io.yaml.writer.dump_map`.
    Every draft is read back with :func:`argmap.io.yaml.reader.loads_map`
    (named as the draft map is), so a draft always loads.

    Raises:
        MapLoadError: the text does not load back (a bug in argmap).
    """
    from argmap.io.yaml.reader import loads_map
    from argmap.io.yaml.writer import dump_map

    name = "".join(ch if ch.isprintable() else "?" for ch in Path(made.article.path).name)
    text = (
        f"# Draft argument map made by 'argmap draft' from {name} "
        f"(spaCy pipeline: {made.pipeline}).\n"
        "# It copies the article's sentences: check every claim (start with draft.review),\n"
        "# paraphrase, and never publish or commit a draft of a text you do not own.\n"
    )
    page = made.article.page
    if page is not None:
        text += (
            "# Read from an HTML page: 'para' counts the lines and 'span' the characters of\n"
            "# the article text extracted from it ('argmap draft --save-text FILE' writes it).\n"
            f"# Left out: {_left_out(page)}.\n"
        )
    text += dump_map(made.map)
    return text, loads_map(text, made.map.path)


def _left_out(page: Page) -> str:
    """What reading a page left out, in words."""
    blocks = "block" if page.blocks == 1 else "blocks"
    what = (
        f"page text outside the article (menus, links, footers, comments): "
        f"{page.blocks:,} {blocks}, {page.characters:,} characters"
        if page.blocks
        else "no page text outside the article"
    )
    if page.stopped:
        what += f"; the HTML parser stopped at {page.stopped}, leaving out the rest of the page"
    return what


def _report(made: Draft) -> list[str]:
    """What was drafted, the candidates and claims to review, and what was dropped."""
    from argmap.model import KINDS

    found = [c.kind for c in made.map.claims.values()]
    kinds = ", ".join(f"{found.count(k)} {k}" for k in KINDS if k in found)
    block = cast("dict[str, list[str]]", made.map.extra["draft"])
    dropped = ", ".join(f"¶{d.number} ({d.reason})" for d in made.article.dropped)
    page = made.article.page
    if page is not None and (page.blocks or page.stopped):
        dropped = "; ".join(part for part in (_left_out(page), dropped) if part)
    review = ", ".join(block["review"]) or "none"
    return [
        f"drafted {len(made.map.claims)} claims ({kinds}) from {made.article.path}",
        f"thesis candidates: {len(block['thesis_candidates'])}; to review: {review}",
        f"dropped: {dropped or 'nothing'}",
    ]
