"""``argmap draft``: propose a map from an article (spaCy, imported only here)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import click

from argmap.cli.common import exit_codes, output_option, refuse_overwrite, to_option, to_stdout

if TYPE_CHECKING:
    from argmap.api import DraftMap


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
    from argmap.api import draft_file

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
    made = draft_file(article, model=model, patterns=patterns_dir, name=output or "<stdout>")
    if made.pipeline != "blank":
        click.echo(
            f"argmap draft: using spaCy pipeline {made.pipeline} for sentence boundaries "
            "and named entities",
            err=True,
        )
    _write(made, fmt, output, save_text)
    click.echo(summary(made, output, save_text), err=True)


def _write(made: DraftMap, fmt: str, output: str | None, save_text: str | None) -> None:
    """The draft to ``output`` (None: standard output) in ``fmt``, and its text to
    ``save_text``; the files all or none."""
    import json

    from argmap.io.mapdata import map_to_dict
    from argmap.util.files import write_all

    if fmt == "json":
        data = json.dumps(map_to_dict(made.model), ensure_ascii=False, indent=2) + "\n"
    else:
        data = made.yaml
    files = [(output, data)] if output else []
    files += [(save_text, made.text)] if save_text and save_text != "-" else []
    write_all([(path, content.encode("utf-8")) for path, content in files])
    if not output:
        to_stdout(data)
    elif save_text == "-":
        to_stdout(made.text)


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


def summary(made: DraftMap, output: str | None, save_text: str | None = None) -> str:
    """One paragraph for stderr: what was drafted, dropped and written."""
    lines = list(made.report)
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
