"""The drafting rules kept as data: cues, discourse markers and boilerplate.

The files live in ``argmap/draft/patterns/`` (``cues.json``, ``markers.json``,
``boilerplate.json``) and are documented in ``docs/draft.md``. A folder given
with ``argmap draft --patterns DIR`` may hold files of the same names whose
entries are added to the built-in ones (its ``settings`` override theirs).
No spaCy here: spaCy token patterns are kept as plain data and handed to
spaCy's ``Matcher`` later (which validates them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, cast

from argmap.draft.regex import Regex, compile_regex
from argmap.draft.values import count, number, token_problem
from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.util.files import read_text

#: Kinds a cue may point at: claim kinds, plus ``basis`` (precedent or
#: evidence alike), ``modal`` (a negative weight for basis claims) and
#: ``reason`` (a sign that the sentence gives a reason for another, which
#: counts against it as the thesis) and ``signpost`` (words that announce the
#: text's structure: a sentence with little else is not a claim).
CUE_KINDS = (
    "thesis",
    "precedent",
    "evidence",
    "basis",
    "objection",
    "rebuttal",
    "modal",
    "reason",
    "signpost",
)
#: Token-pattern keys that test letter case (meaningless in a sentence in capitals).
CASE_KEYS = frozenset({"IS_TITLE", "IS_UPPER", "IS_LOWER"})
ROLES = {
    "opener": ("previous", "this"),
    "subordinator": ("clause", "main"),
    "connective": ("before", "after"),
}
TYPES = ("support", "attack", "none")
FILES = ("cues.json", "markers.json", "boilerplate.json")
#: Numbers every ``settings`` block must leave defined (see ``docs/draft.md``).
SETTINGS = (
    "min_content_words",
    "min_question_content_words",
    "min_part_content_words",
    "basis_threshold",
    "basis_threshold_after_basis",
    "objection_threshold",
    "rebuttal_threshold",
    "thesis_echo",
    "opening_paragraphs",
    "closing_paragraphs",
    "default_confidence",
)
#: Settings that count words or paragraphs: whole numbers.
COUNTS = (
    "min_content_words",
    "min_question_content_words",
    "min_part_content_words",
    "opening_paragraphs",
    "closing_paragraphs",
)
#: Keys of ``settings.thesis_bonus``.
BONUSES = ("title", "first", "opening", "last", "closing", "lead", "end")
#: Source fields that ``metadata`` expressions may read (see the map format's ``source``).
META_KEYS = ("author", "publication", "year", "url")


@dataclass(frozen=True)
class Cue:
    """A sign of a claim's kind (see ``cues.json``).

    Attributes:
        id: unique name; a cue counts once per sentence.
        kind: one of :data:`CUE_KINDS`.
        weight: points it adds (negative: takes away).
        phrases: phrases matched whole-word, case-insensitively.
        tokens: spaCy ``Matcher`` patterns (lists of token dicts).
        entities: named-entity labels; with a trained pipeline they replace ``tokens``.
        at_start: the cue counts only as the first words of a claim
            (a sentence-initial linking adverbial such as "Moreover,").
        origin: the file, line and column it is written at.
    """

    id: str
    kind: str
    weight: float
    phrases: tuple[str, ...] = ()
    tokens: tuple[Any, ...] = ()
    entities: tuple[str, ...] = ()
    at_start: bool = False
    origin: tuple[str, int, int] = ("", 1, 1)

    @property
    def by_case(self) -> bool:
        """Whether a token pattern of the cue tests letter case (``IS_TITLE`` …)."""
        return any(
            isinstance(t, dict) and CASE_KEYS & set(t) for pattern in self.tokens for t in pattern
        )


@dataclass(frozen=True)
class Marker:
    """A discourse marker (see ``markers.json``).

    Attributes:
        phrase: the words (and punctuation) matched, case-insensitively.
        role: ``opener``, ``subordinator`` or ``connective``.
        type: ``support``, ``attack`` or ``none``.
        source: which part the relation starts at (the JSON key ``from``).
        confidence: 0 to 1, copied to the draft's relation.
        starts_with: the marker applies only in sentences starting with this.
    """

    phrase: str
    role: str
    type: str
    source: str
    confidence: float
    starts_with: str | None = None


@dataclass(frozen=True)
class Rule:
    """A boilerplate rule: paragraphs matching it are dropped under ``name``."""

    name: str
    patterns: tuple[Regex, ...]
    whole: bool = True
    max_words: int | None = None
    rest: bool = False


@dataclass(frozen=True)
class Boilerplate:
    """Boilerplate rules, trailing trims and source-metadata patterns."""

    rules: tuple[Rule, ...] = ()
    trim: tuple[Regex, ...] = ()
    metadata: dict[str, tuple[Regex, ...]] = field(default_factory=dict)

    @property
    def rest(self) -> frozenset[str]:
        """Names of rules that drop the rest of the article (footers)."""
        return frozenset(r.name for r in self.rules if r.rest)


@dataclass(frozen=True)
class Patterns:
    """All drafting rules: ``settings`` (numbers), cues, markers, boilerplate."""

    settings: dict[str, Any]
    cues: tuple[Cue, ...]
    markers: tuple[Marker, ...]
    boilerplate: Boilerplate


class _Source:
    """One JSON file being read: its name and text, for messages with positions."""

    def __init__(self, path: str, text: str):
        self.path, self.text = path, text

    def where(self, near: str | None = None) -> tuple[str, int, int]:
        """The file, line and column of the first ``near`` in it (else 1, 1)."""
        line, column = 1, 1
        at = self.text.find(near) if near else -1
        if at >= 0:
            line = self.text.count("\n", 0, at) + 1
            column = at - (self.text.rfind("\n", 0, at) + 1) + 1
        return self.path, line, column

    def fail(self, message: str, near: str | None = None) -> MapLoadError:
        return MapLoadError([invalid(*self.where(near), message)])


def _read(path: str, text: str) -> tuple[_Source, dict[str, Any]]:
    source = _Source(path, text)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        found = invalid(path, exc.lineno, exc.colno, f"malformed JSON: {exc.msg}")
        raise MapLoadError([found]) from None
    except RecursionError:
        raise source.fail("the JSON is nested too deeply: no patterns file needs that") from None
    except ValueError:  # an integer of more than 4,300 digits
        raise source.fail("a number is too long: write numbers up to 1,000,000") from None
    if not isinstance(data, dict):
        raise source.fail("a patterns file must hold one JSON object")
    return source, data


def _regex(src: _Source, pattern: object) -> Regex:
    if not isinstance(pattern, str):
        raise src.fail(f"expected a regular expression string, not {pattern!r}")
    try:
        return compile_regex(pattern)
    except ValueError as exc:
        hint = " (RE2 syntax: no look-around or back-references)"
        raise src.fail(f"bad regular expression {pattern!r}: {exc}{hint}", pattern[:20]) from None


#: Where the built-in files are said to be (see :func:`_texts`).
BUILT_IN = "argmap/draft/patterns/"


def _strings(src: _Source, entry: dict, key: str, near: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise src.fail(f"{near}: '{key}' must be a list of non-empty strings", near)
    return tuple(value)


def _cue(src: _Source, entry: object) -> Cue:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise src.fail(f"each cue must be an object with an 'id' string, not {entry!r}")
    cid = entry["id"]
    near = f'"{cid}"'
    if entry.get("kind") not in CUE_KINDS:
        raise src.fail(f"cue {cid}: 'kind' must be one of {', '.join(CUE_KINDS)}", near)
    weight = entry.get("weight")
    if not number(weight):
        raise src.fail(f"cue {cid}: 'weight' must be a number from -1,000,000 to 1,000,000", near)
    tokens = entry.get("tokens", [])
    if not isinstance(tokens, list) or not all(isinstance(t, list) and t for t in tokens):
        raise src.fail(f"cue {cid}: 'tokens' must be a list of spaCy token patterns (lists)", near)
    if not src.path.startswith(BUILT_IN):
        problem = token_problem(tokens)
        if problem:
            raise src.fail(f"cue {cid}: {problem}", near)
    if not isinstance(entry.get("at_start", False), bool):
        raise src.fail(f"cue {cid}: 'at_start' must be true or false", near)
    cue = Cue(
        cid,
        entry["kind"],
        float(cast(float, weight)),
        _strings(src, entry, "phrases", near),
        tuple(tokens),
        _strings(src, entry, "entities", near),
        entry.get("at_start", False),
        src.where(near),
    )
    if not (cue.phrases or cue.tokens or cue.entities):
        raise src.fail(f"cue {cid}: give 'phrases', 'tokens' or 'entities'", near)
    return cue


def _marker(src: _Source, entry: object) -> Marker:
    phrase = entry.get("phrase") if isinstance(entry, dict) else None
    role = entry.get("role") if isinstance(entry, dict) else None
    if not isinstance(phrase, str) or not (
        phrase.strip(" ,;") or (role == "connective" and phrase.strip() in (";", ":"))
    ):
        raise src.fail(f"each marker must be an object with a 'phrase' of words, not {entry!r}")
    assert isinstance(entry, dict)
    near = f'"{phrase}"'
    kind, source = entry.get("type"), entry.get("from")
    if role not in ROLES:
        raise src.fail(f"marker {near}: 'role' must be one of {', '.join(ROLES)}", near)
    if kind not in TYPES:
        raise src.fail(f"marker {near}: 'type' must be one of {', '.join(TYPES)}", near)
    if source not in ROLES[role]:
        allowed = ", ".join(ROLES[role])
        raise src.fail(f"marker {near}: 'from' must be one of {allowed} for {role}", near)
    conf = entry.get("confidence", 0.5)
    if not number(conf) or not 0 <= conf <= 1:
        raise src.fail(f"marker {near}: 'confidence' must be a number from 0 to 1", near)
    starts = entry.get("sentence_starts_with")
    if starts is not None and not (isinstance(starts, str) and starts.strip()):
        raise src.fail(f"marker {near}: 'sentence_starts_with' must be a phrase", near)
    return Marker(phrase, role, kind, source, float(conf), starts)


def _rule(src: _Source, entry: object) -> Rule:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        raise src.fail(f"each boilerplate rule must be an object with a 'name', not {entry!r}")
    near = f'"{entry["name"]}"'
    if entry.get("match", "whole") not in ("whole", "search"):
        raise src.fail(f"rule {near}: 'match' must be 'whole' or 'search'", near)
    max_words = entry.get("max_words")
    if max_words is not None and (not count(max_words) or max_words < 1):
        raise src.fail(f"rule {near}: 'max_words' must be a whole number ≥ 1", near)
    if not isinstance(entry.get("rest", False), bool):
        raise src.fail(f"rule {near}: 'rest' must be true or false", near)
    patterns = tuple(_regex(src, p) for p in _strings(src, entry, "patterns", near))
    return Rule(
        entry["name"],
        patterns,
        entry.get("match", "whole") == "whole",
        max_words,
        entry.get("rest", False),
    )


def _settings(src: _Source, settings: dict[str, Any], data: dict) -> None:
    new = data.get("settings", {})
    if not isinstance(new, dict):
        raise src.fail("'settings' must be an object", '"settings"')
    settings.update(new)
    for key in SETTINGS:
        if not number(settings.get(key)):
            raise src.fail(
                f"settings: {key!r} must be a number from -1,000,000 to 1,000,000", f'"{key}"'
            )
        if key in COUNTS and not count(settings[key]):
            raise src.fail(f"settings: {key!r} must be a whole number ≥ 0", f'"{key}"')
    if not 0 <= settings["default_confidence"] <= 1:
        raise src.fail(
            "settings: 'default_confidence' must be from 0 to 1", '"default_confidence"'
        )
    bonus = settings.get("thesis_bonus")
    if not isinstance(bonus, dict) or not all(number(bonus.get(k)) for k in BONUSES):
        names = ", ".join(BONUSES)
        raise src.fail(
            f"settings: 'thesis_bonus' must give a number for each of {names}", '"thesis_bonus"'
        )


def _metadata(src: _Source, data: dict) -> dict[str, list]:
    """The ``metadata`` object: source field → list of expressions."""
    value = data.get("metadata", {})
    if not isinstance(value, dict):
        raise src.fail("'metadata' must be an object of lists of expressions", '"metadata"')
    for key, patterns in value.items():
        if key not in META_KEYS:
            raise src.fail(f"metadata {key!r}: keys are {', '.join(META_KEYS)}", key)
        if not isinstance(patterns, list):
            raise src.fail(f"metadata {key}: give a list of expressions", f'"{key}"')
    return value


def _entries(src: _Source, data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise src.fail(f"'{key}' must be a list", f'"{key}"')
    return value


def _texts(folder: Path | None) -> list[tuple[str, str, str]]:
    """(file name, path for messages, text) for the built-in files, then the extra folder's."""
    out = []
    base = resources.files("argmap.draft") / "patterns"
    for name in FILES:
        out.append((name, f"{BUILT_IN}{name}", (base / name).read_text("utf-8")))
    if folder is not None:
        if not folder.is_dir():
            raise MapLoadError([invalid(str(folder), 1, 1, "--patterns must name a folder")])
        for name in FILES:
            path = folder / name
            if path.is_file():
                out.append((name, str(path), read_text(path)))
    return out


def load_patterns(folder: str | Path | None = None) -> Patterns:
    """The built-in drafting rules, extended by the files in ``folder`` if given.

    The extra files are read by :func:`argmap.util.files.read_text`.

    Raises:
        MapLoadError: ``folder`` is no folder; a file cannot be read, is not
            UTF-8 or not valid JSON; or an entry is malformed (file, line and
            column of the entry, what is wrong).
    """
    settings: dict[str, Any] = {}
    cues: dict[str, Cue] = {}
    markers: list[Marker] = []
    rules: list[Rule] = []
    trim: list[Regex] = []
    metadata: dict[str, list[Regex]] = {}
    for name, path, text in _texts(Path(folder) if folder is not None else None):
        src, data = _read(path, text)
        if name == "cues.json":
            _settings(src, settings, data)
            cues.update((c.id, c) for c in (_cue(src, e) for e in _entries(src, data, "cues")))
        elif name == "markers.json":
            markers.extend(_marker(src, e) for e in _entries(src, data, "markers"))
        else:
            rules.extend(_rule(src, e) for e in _entries(src, data, "rules"))
            trim.extend(_regex(src, p) for p in _entries(src, data, "trim"))
            for key, patterns in _metadata(src, data).items():
                compiled = [_regex(src, p) for p in patterns]
                if any("value" not in p.groupindex for p in compiled):
                    message = f"metadata {key}: each expression needs a group named 'value'"
                    raise src.fail(message, key)
                metadata.setdefault(key, []).extend(compiled)
    boiler = Boilerplate(tuple(rules), tuple(trim), {k: tuple(v) for k, v in metadata.items()})
    return Patterns(settings, tuple(cues.values()), tuple(markers), boiler)
