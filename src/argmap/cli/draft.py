"""``argmap draft``: propose a map from an article (spaCy, imported only here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from argmap.cli.common import exit_codes, output_option, refuse_overwrite, to_option, to_stdout

if TYPE_CHECKING:
    from argmap.draft import Draft
    from argmap.draft.text import Page
    from argmap.model import ArgumentMap


@click.command(
    epilog=exit_codes(
        {
            0: "drafted",
            2: "an unreadable article, a bad patterns file, spaCy, the pipeline or "
            "(for a page) trafilatura missing, a bad command line, or a file cannot be "
            "written",
        }
    )
)
@click.argument("article", type=click.Path())
@output_option("the draft")
@to_option("argmap", "json", default="json when -o ends in .json, else argmap (YAML)")
@click.option(
    "--model",
    default=None,
    help="spaCy pipeline: a package name (en_core_web_sm) or folder, or 'blank' "
    "for the built-in rules only. Default: en_core_web_sm/md/lg/trf if "
    "installed, else blank.",
)
@click.option(
    "--patterns",
    "patterns_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with extra cues.json, markers.json or boilerplate.json.",
)
@click.option(
    "--save-text",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also write the text the claims' spans count in (atomically): for an HTML "
    "page the article text extracted from it, one paragraph a line; for .txt and .md "
    "the file's own text. '-' writes it to standard output (with -o FILE for the map).",
)
def draft(
    article: str,
    output: str | None,
    fmt: str | None,
    model: str | None,
    patterns_dir: str | None,
    save_text: str | None,
) -> None:
    """Draft an argument map from an article (.txt, .md or .html) for you to review.

    Paragraphs are the non-empty lines of a .txt file, or the blank-line
    separated blocks of a .md file. Of an HTML page (.html, .htm, .xhtml)
    only the article's main text is read (found by trafilatura), one
    paragraph a line; menus, footers, comments and the like are left out and
    counted. Web boilerplate is dropped; each claim keeps its paragraph and
    character span (for a page, into the extracted text: --save-text writes
    it); a 'draft:' block lists thesis candidates, every proposed relation
    with its marker and confidence, the claims to review first, and the
    dropped paragraphs. A draft copies the article's sentences: never publish
    or commit a draft of a text you do not own. --to json writes the same data
    as JSON.

    Example: argmap draft article.txt -o /tmp/article-draft.yaml
    """
    from argmap.draft import draft_file

    patterns = sorted(str(f) for f in Path(patterns_dir).glob("*.json")) if patterns_dir else []
    if save_text == "-" and not output:
        from argmap.errors import UsageError

        raise UsageError(
            "--save-text - writes the text to standard output, where the map goes: "
            "give -o FILE for the map, or a file name for the text"
        )
    targets = [path for path in (output, save_text) if path and path != "-"]
    refuse_overwrite(article, targets, also=patterns)
    _refuse_same_file(output, save_text)
    fmt = fmt or ("json" if output and Path(output).suffix.lower() == ".json" else "yaml")
    made = draft_file(
        article, model=model, patterns_dir=patterns_dir, out_path=output or "<stdout>"
    )
    if made.pipeline != "blank":
        click.echo(
            f"argmap draft: using spaCy pipeline {made.pipeline} for sentence boundaries "
            "and named entities",
            err=True,
        )
    _write(made, fmt, output, save_text)
    click.echo(summary(made, output, save_text), err=True)


def _write(made: Draft, fmt: str, output: str | None, save_text: str | None) -> None:
    """The draft to ``output`` (None: standard output) in ``fmt``, and its text to
    ``save_text``; the files all or none."""
    import json

    from argmap.io.mapdata import map_to_dict
    from argmap.util.files import write_all

    text, loaded = map_file(made)
    if fmt == "json":
        data = json.dumps(map_to_dict(loaded), ensure_ascii=False, indent=2) + "\n"
    else:
        data = text
    files = [(output, data)] if output else []
    files += [(save_text, made.article.text)] if save_text and save_text != "-" else []
    write_all([(path, content.encode("utf-8")) for path, content in files])
    if not output:
        to_stdout(data)
    elif save_text == "-":
        to_stdout(made.article.text)


def _refuse_same_file(output: str | None, save_text: str | None) -> None:
    """Refuse ``-o`` and ``--save-text`` naming one file."""
    from argmap.errors import UsageError

    if not (output and save_text) or save_text == "-":
        return
    # realpath: a symbolic link, even a dangling one, to the other file is the same file
    same = os.path.realpath(output) == os.path.realpath(save_text) or (
        os.path.exists(output)
        and os.path.exists(save_text)
        and os.path.samefile(output, save_text)
    )
    if same:
        raise UsageError(f"-o and --save-text both name {save_text}: give two files")


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


def summary(made: Draft, output: str | None, save_text: str | None = None) -> str:
    """One paragraph for stderr: what was drafted, dropped and written."""
    from argmap.model import KINDS

    found = [c.kind for c in made.map.claims.values()]
    kinds = ", ".join(f"{found.count(k)} {k}" for k in KINDS if k in found)
    block = cast("dict[str, list[str]]", made.map.extra["draft"])
    dropped = ", ".join(f"¶{d.number} ({d.reason})" for d in made.article.dropped)
    page = made.article.page
    if page is not None and (page.blocks or page.stopped):
        dropped = "; ".join(part for part in (_left_out(page), dropped) if part)
    review = ", ".join(block["review"]) or "none"
    lines = [
        f"drafted {len(made.map.claims)} claims ({kinds}) from {made.article.path}",
        f"thesis candidates: {len(block['thesis_candidates'])}; to review: {review}",
        f"dropped: {dropped or 'nothing'}",
    ]
    if output:
        lines.append(f"wrote {output}")
        if "maps" in Path(output).resolve().parent.parts:
            lines.append(
                "note: maps/ is rendered by 'make demo'; keep drafts of texts you do "
                "not own out of it"
            )
    if save_text:
        lines.append(f"wrote {save_text}" if save_text != "-" else "wrote the text to stdout")
    return "\n".join(lines)
