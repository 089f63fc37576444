"""argmap's Python API: load, check, evaluate, render, convert, draft and grade.

Every name here is also reachable from the top-level package (``argmap.load``
…), imported on first use (PEP 562), so ``import argmap`` stays cheap. The
stability policy is in ``docs/api.md``: these functions, their keyword
arguments and the attributes of what they return change only with a new
major version; anything else in the package may change in any release.

Example::

    >>> import argmap
    >>> m = argmap.loads("claims:\\n  T1: {kind: thesis, text: Cities should plant trees.}\\n")
    >>> [f.code for f in argmap.check(m)]
    ['AM101']
    >>> argmap.render(m, "dot").startswith(b"digraph")
    True
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from argmap.api.arguments import (
    claim_ids,
    format_name,
    names,
    need,
    no_surrogate,
    path_text,
)
from argmap.api.drafting import DraftMap, draft, draft_file
from argmap.api.objects import NOTEBOOK_WIDTH as NOTEBOOK_WIDTH
from argmap.api.objects import Findings, Map
from argmap.api.rendering import render, render_files
from argmap.errors import ArgmapError, ArgmapWarning, MapLoadError, UsageError

if TYPE_CHECKING:
    from argmap.analysis.checks import Check
    from argmap.analysis.evaluate import Evaluation
    from argmap.analysis.grade import Grade, Rubric
    from argmap.analysis.matching import Pairs
    from argmap.io.exchange import Exported
    from argmap.model import ArgumentMap


def load(path: str | os.PathLike[str], format: str | None = None) -> Map:
    """Read a map file in any format argmap reads.

    Args:
        path: the file (UTF-8; a BOM and Windows line endings are accepted).
        format: a format name (``argmap``, ``json``, ``aif``, ``argdown``,
            ``kialo`` … see ``docs/interchange.md``), or None to tell it from
            the file's name and content.

    Returns:
        The :class:`Map`.

    Raises:
        MapLoadError: the file is unreadable or the map invalid; its
            ``findings`` give each problem's file, line and column.
        UsageError: the format cannot be told or is not one argmap reads.
    """
    from argmap.io.formats import read_input

    if format is not None:
        format_name(format)
    name = path_text(path, "path")
    if "\n" in name:
        raise UsageError("path looks like a map's text, not a file's path: use argmap.loads(text)")
    fmt, imported = read_input(name, format)
    return Map(imported.map, name, fmt, tuple(imported.notes))


def loads(text: str, format: str = "argmap", *, name: str = "<string>") -> Map:
    """Read a map from ``text`` in ``format`` (default: argmap's YAML).

    Args:
        text: the document.
        format: a format name, as for :func:`load`.
        name: the file name messages give.

    Raises:
        MapLoadError: the map is invalid (positions are lines of ``text``).
        UsageError: an unknown format, or one argmap only writes.
    """
    from argmap.io.formats import reader

    need(text, str, "text", "a str (decode bytes first)")
    need(name, str, "name", "a str")
    format_name(format)
    no_surrogate(text, name)
    imported = reader(format)(text, name)
    return Map(imported.map, name, format, tuple(imported.notes))


def _map(value: Map | ArgumentMap | str | os.PathLike[str]) -> Map:
    """``value`` as a :class:`Map` (a path is loaded; a map built with no file name
    gets ``<map>``).

    Raises:
        UsageError: ``value`` is no map and no path.
        MapLoadError: a path whose map is invalid.
    """
    from dataclasses import replace

    from argmap.model import ArgumentMap

    if isinstance(value, Map):
        if not isinstance(value.model, ArgumentMap):
            raise UsageError(f"Map.model must be an ArgumentMap, not {type(value.model).__name__}")
        if not isinstance(value.model.path, str):
            value = replace(value, model=replace(value.model, path="<map>"))
        return value if isinstance(value.path, str) else replace(value, path=value.model.path)
    if isinstance(value, ArgumentMap):
        return _map(Map(value, value.path))
    if not isinstance(value, (str, os.PathLike)):
        kind = type(value).__name__
        raise UsageError(f"expected a map: an argmap.Map, an ArgumentMap or a path, not {kind}")
    return load(value)


def check(
    map: Map | ArgumentMap | str | os.PathLike[str],
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> Findings:
    """Run the checks (``docs/checks.md``) on a map, as ``argmap check`` does.

    Args:
        map: the map, or a path to load.
        select: check codes or names to run (``["AM101",
            "unsupported-claim"]``, or one string ``"AM101,AM102"``);
            empty: the map's own ``checks:`` selection, else ``[tool.argmap]`` of the nearest
            ``pyproject.toml`` above the map's file, else every check.
        ignore: check codes or names to leave out.

    Returns:
        The import notes and the findings, sorted by position.

    Raises:
        UsageError: an unknown check code or name in ``select`` or ``ignore``
            (with a suggestion).
        MapLoadError: a path whose map is invalid, or an unknown check in the
            map's ``checks:`` or in ``pyproject.toml`` (at its position).
    """
    from argmap.analysis.checks import run_checks

    loaded = _map(map)
    chosen = chosen_checks(
        loaded.model, loaded.path, names(select, "select"), names(ignore, "ignore")
    )
    return Findings(sorted([*loaded.notes, *run_checks(loaded.model, chosen)]))


def chosen_checks(
    amap: ArgumentMap, path: str, select: Sequence[str] = (), ignore: Sequence[str] = ()
) -> list[Check]:
    """The checks to run on a map (see :func:`check`).

    Raises:
        UsageError: an unknown check in ``select`` or ``ignore``.
        MapLoadError: an unknown check in the map or in pyproject.toml (with its position).
    """
    from argmap.analysis.checks import resolve, selected
    from argmap.errors import MapLoadError, UsageError
    from argmap.findings import invalid
    from argmap.io.pyproject import effective, nearest_pyproject, project_settings

    resolve([*select, *ignore])  # a typo in the arguments is a usage error
    # a map read from a string (``loads``) has no folder: no pyproject.toml applies
    project = project_settings(path) if os.path.isfile(path) else None
    chosen = effective(amap, list(select), list(ignore), project)
    try:
        return selected(chosen.select, chosen.ignore)
    except UsageError as exc:
        mine = amap.checks.select or amap.checks.ignore
        where = amap.checks.loc if mine else None
        file = path if mine else str(nearest_pyproject(path))
        line, col = (where.line, where.column) if where else (1, 1)
        raise MapLoadError([invalid(file, line, col, str(exc))]) from None


def evaluate(
    map: Map | ArgumentMap | str | os.PathLike[str],
    *,
    semantics: str = "carneades",
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    support: str | None = None,
    standard: str | None = None,
    grant: str | None = None,
) -> Evaluation:
    """Which claims stand: each claim's status and DF-QuAD strength.

    See :func:`argmap.analysis.evaluate.evaluate` and ``docs/evaluate.md``
    (Carneades: Gordon, Prakken & Walton 2007; grounded extension: Dung 1995;
    DF-QuAD: Rago et al. 2016).

    Returns:
        The :class:`~argmap.analysis.evaluate.Evaluation`.

    Raises:
        UsageError: an unknown semantics, standard or grant, or an accepted or
            rejected id that is no claim.
        MapLoadError: a path whose map is invalid.
    """
    from argmap.analysis.evaluate import evaluate as run

    need(semantics, str, "semantics", "a str")
    for value, what in ((support, "support"), (standard, "standard"), (grant, "grant")):
        if value is not None:
            need(value, str, what, "a str or None")
    return run(
        _map(map).model,
        list(claim_ids(accept, "accept")),
        list(claim_ids(reject, "reject")),
        support,
        semantics=semantics,
        standard=standard,
        grant=grant,
    )


def convert(map: Map | ArgumentMap | str | os.PathLike[str], to: str) -> str:
    """The map written in another format (``argmap``, ``json``, ``aif``,
    ``sadface``, ``argdown``, ``graphml``, ``mermaid``, ``apx``, ``tgf``,
    ``iccma``; ``docs/interchange.md``).

    Raises:
        UsageError: an unknown format, or one argmap only reads.
        MapLoadError: a path whose map is invalid.
    """
    return export(map, to).text


def export(map: Map | ArgumentMap | str | os.PathLike[str], to: str) -> Exported:
    """:func:`convert` with what the format could not hold
    (:class:`~argmap.io.exchange.Exported`: ``text`` and ``lost``), as
    ``argmap convert`` reports it.

    Raises:
        UsageError: an unknown format, or one argmap only reads.
        MapLoadError: a path whose map is invalid.
    """
    from argmap.io.formats import writer

    return writer(format_name(to))(_map(map).model)


def grade(
    model: Map | ArgumentMap | str | os.PathLike[str],
    students: Sequence[Map | ArgumentMap | str | os.PathLike[str]],
    rubric: Rubric | None = None,
    *,
    pairs: Pairs | None = None,
) -> list[Grade]:
    """Grade each student's map against the model answer (``docs/grading.md``).

    Args:
        model: the model answer.
        students: the students' maps (one map or path alone is one student).
        rubric: weights and threshold (:class:`~argmap.analysis.grade.Rubric`);
            None: the defaults.
        pairs: claim pairs pinned or forbidden for every student
            (:class:`~argmap.analysis.matching.Pairs`, as a pairs file gives).

    Returns:
        One :class:`~argmap.analysis.grade.Grade` per student, in order
        (``score`` out of 100, ``parts``, the matches and what is missing).

    Raises:
        MapLoadError: a path whose map is invalid.
    """
    from argmap.analysis.grade import Rubric, findings_of, grade_map

    if rubric is not None:
        need(rubric, Rubric, "rubric", "an argmap.analysis.grade.Rubric or None")
    if isinstance(students, (str, os.PathLike, Map)) or not isinstance(students, Sequence):
        students = [students]
    answer = _map(model).model
    known = findings_of(answer)
    return [grade_map(_map(s).model, answer, rubric, pairs, known) for s in students]


__all__ = [
    "ArgmapError",
    "ArgmapWarning",
    "DraftMap",
    "Findings",
    "Map",
    "MapLoadError",
    "UsageError",
    "check",
    "convert",
    "draft",
    "draft_file",
    "evaluate",
    "grade",
    "load",
    "loads",
    "render",
    "render_files",
]
