"""Reading what ``argmap grade`` and ``argmap compare`` need: student files (folders
expanded), the rubric, the teacher's pairs; and grading each student, a file
that fails to load becoming a row with its error instead of stopping the class."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.errors import ArgmapError, MapLoadError, UsageError
from argmap.findings import invalid, student_sentence

if TYPE_CHECKING:
    from argmap.analysis.grade import Grade, Rubric
    from argmap.analysis.matching import Pairs
    from argmap.io.yaml.grading import PairRule
    from argmap.model import ArgumentMap

#: File endings of student maps taken from a folder.
MAP_SUFFIXES = (".yaml", ".yml", ".json", ".argdown", ".ad")


def student_files(paths: Sequence[str], model_path: str) -> list[str]:
    """The student map files: each file as given, each folder's files ending in one
    of :data:`MAP_SUFFIXES` (not recursing, sorted by name), the model itself left out.

    Raises:
        UsageError: a path does not exist, or no student file is found.
    """
    model = Path(model_path).resolve()
    out: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix in MAP_SUFFIXES and p.is_file())
            out += [str(p) for p in found if p.resolve() != model]
        elif path.exists():
            out.append(given)
        else:
            raise UsageError(f"no such file or folder: {given}")
    if not out:
        raise UsageError(
            "no student map found: give map files or a folder of .yaml, .json or .argdown files"
        )
    return out


def links_out(paths: Sequence[str]) -> frozenset[str]:
    """The files :func:`student_files` takes from the folders among ``paths`` that are
    symbolic links to a file outside their folder (never read: a link in a folder of
    hand-ins could show another file's first line in an error message)."""
    out: set[str] = set()
    for given in paths:
        folder = Path(given)
        if folder.is_dir():
            real = folder.resolve()
            for p in folder.iterdir():
                if p.suffix in MAP_SUFFIXES and p.is_symlink() and p.resolve().parent != real:
                    out.add(str(p))
    return frozenset(out)


def load_rules(path: str | None, model: ArgumentMap) -> tuple[PairRule, ...]:
    """A pairs file's rules, each model id checked against ``model``.

    Raises:
        MapLoadError: the file is invalid or names a claim the model lacks.
    """
    if path is None:
        return ()
    from argmap.io.yaml.grading import load_pairs

    rules = load_pairs(path)
    bad = [r for r in rules if r.model not in model.claims]
    if bad:
        raise MapLoadError(
            [
                invalid(
                    r.loc.file, r.loc.line, r.loc.column, f"the model has no claim {r.model!r}"
                )
                for r in bad
            ]
        )
    return rules


def pairs_for(rules: Sequence[PairRule], student_file: str) -> Pairs:
    """The pins and forbidden pairs that apply to one student file (rules for
    every file, then those under its file name)."""
    from argmap.analysis.matching import Pairs

    name = Path(student_file).name
    mine = [r for r in rules if r.file is None or r.file == name]
    pin: dict[str, str] = {}
    for rule in mine:
        if rule.pin:
            pin[rule.student] = rule.model
    forbid = frozenset((r.student, r.model) for r in mine if not r.pin)
    return Pairs(pin, forbid)


def rubric_for(model: ArgumentMap, path: str | None) -> Rubric:
    """The model's ``grading:`` block, overridden by the rubric file at ``path``.

    Raises:
        MapLoadError: the rubric file is invalid (with line and column).
    """
    from argmap.analysis.grade import Rubric

    blocks = []
    own = model.extra.get("grading")
    if isinstance(own, dict):
        blocks.append(own)
    if path is not None:
        from argmap.io.yaml.grading import load_rubric

        blocks.append(load_rubric(path))
    return Rubric.from_blocks(*blocks)


@dataclass(frozen=True)
class Row:
    """One student: the map and its grade, or the error that stopped it."""

    file: str
    grade: Grade | None = None
    student: ArgumentMap | None = None
    error: str | None = None


def _error_text(exc: ArgmapError, student: bool) -> str:
    if isinstance(exc, MapLoadError) and exc.findings:
        first = exc.findings[0]
        more = f" (and {len(exc.findings) - 1} more problems)" if len(exc.findings) > 1 else ""
        text = student_sentence(first) if student else first.format_text()
        return text + more
    return str(exc)


def grade_class(
    model: ArgumentMap,
    files: Sequence[str],
    rubric: Rubric,
    rules: Sequence[PairRule],
    student_words: bool,
    refused: frozenset[str] = frozenset(),
) -> list[Row]:
    """Each file graded against ``model``, ranked: by score (highest first), then
    file name; files that could not be graded last, by name. A file in ``refused``
    (:func:`links_out`) is not read: its row says why."""
    from argmap import api
    from argmap.cli.common import read_map

    answer = api.Map(model, model.path)
    rows: list[Row] = []
    for file in files:
        if file in refused:
            rows.append(Row(file, error=f"{file}: a link to a file outside its folder: not read"))
            continue
        try:
            mine = read_map(file)
        except ArgmapError as exc:
            rows.append(Row(file, error=_error_text(exc, student_words)))
            continue
        (grade,) = api.grade(answer, [mine], rubric, pairs=pairs_for(rules, file))
        rows.append(Row(file, grade, mine.model))
    return sorted(
        rows, key=lambda r: (r.grade is None, -(r.grade.score if r.grade else 0), r.file)
    )
