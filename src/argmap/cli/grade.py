"""``argmap grade``: score a class's maps against a model map (docs/grading.md)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import click

from argmap.cli.common import audience_option, exit_codes, to_stdout

if TYPE_CHECKING:
    from argmap.cli.grading import Row
    from argmap.model import ArgumentMap

#: Exit code when some student map could not be read (it still gets a row).
EXIT_UNREAD = 1


@click.command(
    epilog=exit_codes(
        {
            0: "every student map was graded",
            EXIT_UNREAD: "a student map could not be read (its row gives the error; "
            "the others are graded)",
            2: "the model, the rubric or the pairs file is invalid, a bad command line, "
            "or FILE cannot be written",
        }
    )
)
@click.argument("model_path", metavar="MODEL", type=click.Path(dir_okay=False))
@click.argument("students", metavar="STUDENT...", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write the HTML report to FILE (each student's diagram and the model's: "
    "side by side when both fit, else one above the other).",
)
@click.option(
    "--csv",
    "csv_path",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write one row per student (file, score, each part) to FILE.",
)
@click.option(
    "--each",
    metavar="DIR",
    type=click.Path(file_okay=False),
    help="Also write one report per student in DIR (NAME.html and NAME.txt, named after "
    "the student's file) and the class table (index.html); DIR is made when missing.",
)
@click.option("--rubric", metavar="FILE", help="Weights of the score (YAML; see docs/grading.md).")
@click.option("--pairs", metavar="FILE", help="Pairs of claims to pin or forbid (YAML).")
@audience_option("teacher")
def grade(
    model_path: str,
    students: tuple[str, ...],
    output: str | None,
    csv_path: str | None,
    each: str | None,
    rubric: str | None,
    pairs: str | None,
    audience: str,
) -> None:
    """Grade student maps against MODEL, the teacher's model map.

    STUDENT... are map files (any format argmap reads) or folders of them
    (.yaml, .yml, .json, .argdown, .ad files). Claims are matched by text
    similarity that survives paraphrase (lemmas, synonyms) and kind; every
    relation of the model counts, linked and separate support and undercuts
    and attacks told apart. One score from 0 to 100 per student from the
    rubric in docs/grading.md, whose weights MODEL's 'grading:' block or
    --rubric sets. Prints the ranked table, then each student's feedback in
    plain words.

    Example: argmap grade model.yaml class/ --csv grades.csv -o report.html
    """
    from argmap.cli.common import load, refuse_overwrite
    from argmap.cli.grade_text import details, table
    from argmap.cli.grading import (
        grade_class,
        links_out,
        load_rules,
        rubric_for,
        student_files,
    )
    from argmap.errors import UsageError

    targets = [p for p in (output, csv_path) if p]
    if output and csv_path and os.path.abspath(output) == os.path.abspath(csv_path):
        raise UsageError(f"-o and --csv both name {output}: give them different files")
    files = student_files(students, model_path)
    for source in (model_path, *files, *(p for p in (rubric, pairs) if p)):
        refuse_overwrite(source, targets)
    model = load(model_path)
    chosen = rubric_for(model, rubric)
    rules = load_rules(pairs, model)
    words = audience == "student"
    rows = grade_class(model, files, chosen, rules, words, links_out(students))
    _write(rows, model, output, csv_path, words, each, [model_path, *files])
    to_stdout("\n".join(table(rows, words) + details(rows, words)) + "\n")
    if any(row.grade is None for row in rows):
        raise SystemExit(EXIT_UNREAD)


def _write(
    rows: list[Row],
    model: ArgumentMap,
    output: str | None,
    csv_path: str | None,
    words: bool,
    each: str | None,
    sources: list[str],
) -> None:
    """Write the CSV, the HTML report and the reports per student (each when
    asked), all or none.

    Raises:
        UsageError: a report per student would overwrite a file read (``sources``)
            or the file of ``-o`` or ``--csv``, or DIR cannot be made.
    """
    from argmap.cli.common import refuse_overwrite
    from argmap.cli.grade_text import csv_text
    from argmap.util.files import write_all

    writes: list[tuple[str, bytes]] = []
    if csv_path:
        writes.append((csv_path, csv_text(rows).encode("utf-8")))
    if output:
        from argmap.cli.grade_report import report_html

        writes.append((output, report_html(rows, model, words)))
    if each:
        from argmap.cli.grade_each import each_outputs
        from argmap.errors import UsageError

        writes += each_outputs(each, rows, model, words)
        for source in sources:
            refuse_overwrite(source, [path for path, _ in writes])
        targets = [os.path.abspath(path) for path, _ in writes]
        if len(set(targets)) < len(targets):
            raise UsageError(f"-o or --csv names a file that --each writes in {each}")
        try:
            os.makedirs(each, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot make the folder {each}: {exc.strerror}") from None
    write_all(writes)
    for path, _ in writes:
        click.echo(f"wrote {path}", err=True)
