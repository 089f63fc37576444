"""Drafting an argument map from prose (``argmap draft``).

The steps, one module each: :mod:`~argmap.draft.text` (paragraphs and
boilerplate, no spaCy; an HTML page's main text comes from
:mod:`~argmap.draft.html`, with trafilatura), :mod:`~argmap.draft.segment` (sentences and
marker splits), :mod:`~argmap.draft.classify` (kinds and thesis candidates),
:mod:`~argmap.draft.relations` (supports and attacks), and
:mod:`~argmap.draft.build` (the map). spaCy is imported only by
:mod:`~argmap.draft.nlp`, when a draft is made, so importing this package is
cheap. The rules are data in ``patterns/``; see ``docs/draft.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from argmap.draft.build import Draft
from argmap.draft.text import HTML_SUFFIXES, MARKDOWN_SUFFIXES

if TYPE_CHECKING:
    from argmap.draft.patterns import Patterns
    from argmap.draft.segment import Segmented
    from argmap.draft.text import Article


def draft_file(
    path: str | Path,
    *,
    model: str | None = None,
    patterns_dir: str | Path | None = None,
    out_path: str = "<draft>",
) -> Draft:
    """Draft a map from the article at ``path``: an HTML page (:data:`HTML_SUFFIXES`,
    see :func:`argmap.draft.html.load_page`) or a text (see
    :func:`argmap.draft.text.load_article`).

    Args:
        path: the article.
        model: spaCy pipeline (see :func:`argmap.draft.nlp.load_pipeline`).
        patterns_dir: a folder of extra pattern files (see ``docs/draft.md``).
        out_path: the name the draft map gets in messages.

    Returns:
        The :class:`Draft`: its ``map``, the pipeline used and the parsed article.

    Raises:
        MapLoadError: the article cannot be read (missing, a folder, a FIFO or
            device, over 512 MiB), is not UTF-8 (a page: not in the charset it
            declares, or in one argmap does not read), or has nothing to draft;
            or a patterns file is malformed.
        UsageError: spaCy, the named pipeline or (for a page) trafilatura is not
            installed.
    """
    from argmap.draft.patterns import load_patterns
    from argmap.draft.text import load_article

    patterns = load_patterns(patterns_dir)
    if Path(str(path)).suffix.lower() in HTML_SUFFIXES:
        from argmap.draft.html import load_page

        article = load_page(path, patterns.boilerplate)
    else:
        article = load_article(path, patterns.boilerplate)
    return _drafted(article, patterns, model, out_path)


_NOTHING = "the article has no sentence to draft from"


def draft_text(
    text: str,
    *,
    name: str = "<text>",
    markdown: bool = False,
    model: str | None = None,
    patterns_dir: str | Path | None = None,
) -> Draft:
    """Draft a map from the article ``text`` (plain text, or Markdown when
    ``markdown``), named ``name`` in messages; see :func:`draft_file`.

    Raises:
        MapLoadError: nothing to draft, or a patterns file is malformed.
        UsageError: spaCy or the named pipeline is not installed.
    """
    from argmap.draft.patterns import load_patterns
    from argmap.draft.text import parse_article

    patterns = load_patterns(patterns_dir)
    article = parse_article(text, name, patterns.boilerplate, markdown)
    return _drafted(article, patterns, model, name)


def _drafted(article: Article, patterns: Patterns, model: str | None, out_path: str) -> Draft:
    """The draft of a read article: segmented with the pipeline ``model``, then
    :func:`_assemble`.

    Raises:
        MapLoadError: the article has no sentence to draft from.
        UsageError: spaCy or the named pipeline is not installed.
    """
    from argmap.draft.nlp import build_matchers, load_pipeline
    from argmap.draft.segment import segment
    from argmap.errors import MapLoadError
    from argmap.findings import invalid

    pipeline = load_pipeline(model)
    seg = segment(article, pipeline.nlp, build_matchers(pipeline, patterns), patterns)
    if not seg.units:
        raise MapLoadError([invalid(article.path, 1, 1, _NOTHING)])
    return _assemble(seg, patterns, article, pipeline.name, pipeline.entities, out_path)


def _assemble(
    seg: Segmented,
    patterns: Patterns,
    article: Article,
    pipeline: str,
    entities: bool,
    out_path: str,
) -> Draft:
    """Kinds, thesis, relations and the map of the segmented article."""
    from argmap.draft.build import build_map
    from argmap.draft.classify import classify, find_cues
    from argmap.draft.merge import duplicates, without_merged
    from argmap.draft.relations import propose
    from argmap.draft.thesis import restatements, thesis_candidates
    from argmap.errors import MapLoadError
    from argmap.findings import invalid

    find_cues(seg, patterns, entities)
    review = classify(seg.units, patterns.settings)
    candidates = thesis_candidates(seg.units, seg.splits, patterns.settings)
    if not candidates:
        raise MapLoadError(
            [
                invalid(
                    article.path,
                    1,
                    1,
                    _NOTHING + " (it holds only questions and signposts such as"
                    ' "The first reason is cost.": write the claims themselves)',
                )
            ]
        )
    candidates, merged = restatements(seg.units, candidates, patterns.settings)
    merged = duplicates(seg.units, candidates[0].unit, merged)
    review = {i for i in review if i not in merged and not seg.units[i].signpost}
    old = {u.index: u for u in seg.units}
    units, splits, candidates, restated = without_merged(seg.units, seg.splits, candidates, merged)
    review = {old[i].index for i in review}
    thesis = candidates[0].unit
    relations, inferred = propose(units, splits, thesis, patterns.settings)
    units[thesis].kind = "thesis"
    return build_map(
        article, units, candidates, relations, review | inferred, pipeline, out_path, restated
    )


__all__ = ["HTML_SUFFIXES", "MARKDOWN_SUFFIXES", "Draft", "draft_file", "draft_text"]
