"""``argmap draft``: propose a map from an article (spaCy, imported only here)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from argmap.cli.common import exit_codes, output_option, refuse_overwrite, to_option, to_stdout

if TYPE_CHECKING:
    from argmap.draft import Draft
    from argmap.model import ArgumentMap


@click.command(
    epilog=exit_codes(
        {
            0: "drafted",
            2: "an unreadable article, a bad patterns file, spaCy or the pipeline "
            "missing, a bad command line, or FILE cannot be written",
        }
    )
)
@click.argument("article", type=click.Path(dir_okay=False))
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
def draft(
    article: str, output: str | None, fmt: str | None, model: str | None, patterns_dir: str | None
) -> None:
    """Draft an argument map from an article (.txt or .md) for you to review.

    Paragraphs are the non-empty lines of a .txt file, or the blank-line
    separated blocks of a .md file. Web boilerplate is dropped; each claim
    keeps its paragraph and character span; a 'draft:' block lists thesis
    candidates, every proposed relation with its marker and confidence, the
    claims to review first, and the dropped paragraphs. A draft copies the
    article's sentences: never publish or commit a draft of a text you do
    not own. --to json writes the same data as JSON.

    Example: argmap draft article.txt -o /tmp/article-draft.yaml
    """
    import json

    from argmap.draft import draft_file
    from argmap.io.mapdata import map_to_dict
    from argmap.util.files import write_atomic

    patterns = sorted(str(f) for f in Path(patterns_dir).glob("*.json")) if patterns_dir else []
    refuse_overwrite(article, [output] if output else [], also=patterns)
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
    text, loaded = map_file(made)
    if fmt == "json":
        data = json.dumps(map_to_dict(loaded), ensure_ascii=False, indent=2) + "\n"
    else:
        data = text
    if output:
        write_atomic(output, data.encode("utf-8"))
    else:
        to_stdout(data)
    click.echo(summary(made, output), err=True)


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
    ) + dump_map(made.map)
    return text, loads_map(text, made.map.path)


def summary(made: Draft, output: str | None) -> str:
    """One paragraph for stderr: what was drafted, dropped and written."""
    from argmap.model import KINDS

    found = [c.kind for c in made.map.claims.values()]
    kinds = ", ".join(f"{found.count(k)} {k}" for k in KINDS if k in found)
    block = cast("dict[str, list[str]]", made.map.extra["draft"])
    dropped = ", ".join(f"¶{d.number} ({d.reason})" for d in made.article.dropped) or "nothing"
    review = ", ".join(block["review"]) or "none"
    lines = [
        f"drafted {len(made.map.claims)} claims ({kinds}) from {made.article.path}",
        f"thesis candidates: {len(block['thesis_candidates'])}; to review: {review}",
        f"dropped: {dropped}",
    ]
    if output:
        lines.append(f"wrote {output}")
        if "maps" in Path(output).resolve().parent.parts:
            lines.append(
                "note: maps/ is rendered by 'make demo'; keep drafts of texts you do "
                "not own out of it"
            )
    return "\n".join(lines)
