"""Loading spaCy (the only module of argmap that imports it) and building the matchers.

Without a trained pipeline argmap drafts with ``spacy.blank("en")`` plus the
rule-based ``sentencizer``: tokens, sentences and the ``Matcher`` /
``PhraseMatcher`` patterns of ``patterns/*.json``, no model, no network. When
a trained English pipeline is installed (one of :data:`TRAINED`), or one is
named with ``--model``, it is used for sentence boundaries and named entities
(https://spacy.io/usage/processing-pipelines).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Any

from argmap.draft.patterns import Cue, Patterns
from argmap.errors import MapLoadError, UsageError
from argmap.findings import invalid

#: Trained English pipelines looked for, in this order, when no ``--model`` is given.
TRAINED = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
#: ``--model`` value that forces the rule-based pipeline.
BLANK = "blank"
#: Label of the phrase and token matches of each cue and marker.
_SEP = "\x1f"


@dataclass
class Pipeline:
    """A loaded spaCy pipeline.

    Attributes:
        nlp: the ``spacy.Language`` object.
        name: ``"blank"`` or the trained pipeline's name or folder.
        entities: the pipeline recognises named entities.
    """

    nlp: Any
    name: str
    entities: bool


def import_spacy() -> Any:
    """Import spaCy.

    Raises:
        UsageError: spaCy is not installed (with the command that installs it).
    """
    try:
        return importlib.import_module("spacy")
    except ImportError:
        raise UsageError(
            "argmap draft needs spaCy, which is not installed: pip install 'argmap[draft]' "
            "(or run 'make demo', which installs it)"
        ) from None


def _missing(model: str) -> UsageError:
    return UsageError(
        f"spaCy pipeline {model!r} is not installed: install it with "
        f"'python -m spacy download {model}' (this needs the network), give the folder of "
        f"a saved pipeline, or leave out --model to draft with the built-in rules"
    )


def load_pipeline(model: str | None = None) -> Pipeline:
    """The pipeline to draft with.

    Args:
        model: None (a trained pipeline of :data:`TRAINED` if one is
            installed, else the rule-based one), :data:`BLANK`, or a pipeline
            package name or folder for ``spacy.load``.

    Raises:
        UsageError: spaCy or the named pipeline is not installed, or it is not English.
    """
    spacy = import_spacy()
    if model is None:
        model = next((name for name in TRAINED if spacy.util.is_package(name)), BLANK)
    if model == BLANK:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model)
        except (OSError, ImportError, ValueError):
            raise _missing(model) from None
        if nlp.lang != "en":
            raise UsageError(
                f"spaCy pipeline {model!r} is for {nlp.lang!r}; argmap drafts English"
            )
    if not any(nlp.has_pipe(p) for p in ("parser", "senter", "sentencizer")):
        nlp.add_pipe("sentencizer")
    ents = any("doc.ents" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)
    return Pipeline(nlp, model, ents)


@dataclass
class Matchers:
    """spaCy matchers for the cues and markers of a :class:`Patterns`.

    Match labels are ``"cue<SEP>id"`` and ``"marker<SEP>index"``.
    """

    phrases: Any
    tokens: Any
    vocab: Any

    def matches(self, doc: Any) -> list[tuple[str, str, int, int]]:
        """``(group, key, start, end)`` for every match in ``doc``, sorted by position."""
        found = []
        for matcher in (self.phrases, self.tokens):
            for match_id, start, end in matcher(doc):
                group, key = self.vocab.strings[match_id].split(_SEP, 1)
                found.append((group, key, start, end))
        return sorted(found, key=lambda m: (m[2], m[3], m[0], m[1]))


#: Token-pattern attributes that a pipeline component must set, and what sets them.
_NEEDS = {
    "LEMMA": "token.lemma",
    "POS": "token.pos",
    "TAG": "token.tag",
    "DEP": "token.dep",
    "MORPH": "token.morph",
    "ENT_TYPE": "doc.ents",
    "ENT_IOB": "doc.ents",
    "ENT_ID": "doc.ents",
    "ENT_KB_ID": "doc.ents",
}


def _assigned(nlp: Any) -> set[str]:
    """What the pipeline's components set (``token.lemma``, ``doc.ents`` …)."""
    return {a for name in nlp.pipe_names for a in nlp.get_pipe_meta(name).assigns}


def _check_keys(cue: Cue, assigned: set[str]) -> None:
    """Refuse token patterns that test what the pipeline does not set (spaCy
    would fail while matching, E155) or custom extensions (E046).

    Raises:
        MapLoadError: at the cue, naming the attribute and what it needs.
    """
    for pattern in cue.tokens:
        for token in pattern:
            for key in token if isinstance(token, dict) else ():
                name = str(key).upper()
                what = None
                if name == "_":
                    what = "custom token extensions ('_') are not supported"
                elif name in _NEEDS and _NEEDS[name] not in assigned:
                    what = (
                        f"the token attribute {name} needs a pipeline that sets "
                        f"{_NEEDS[name]} (a trained one, such as --model en_core_web_sm)"
                    )
                if what:
                    raise MapLoadError([invalid(*cue.origin, f"cue {cue.id}: {what}")])


def build_matchers(pipeline: Pipeline, patterns: Patterns) -> Matchers:
    """Compile the cues' phrases and token patterns and the markers' phrases.

    A cue with ``entities`` uses them instead of its token patterns when the
    pipeline recognises entities.

    Raises:
        MapLoadError: a token pattern is not valid spaCy ``Matcher`` syntax, or
            tests what the pipeline does not set (at the cue).
    """
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = pipeline.nlp
    phrases = PhraseMatcher(nlp.vocab, attr="NORM")
    tokens = Matcher(nlp.vocab, validate=True)
    for cue in patterns.cues:
        label = f"cue{_SEP}{cue.id}"
        if cue.phrases:
            phrases.add(label, [nlp.make_doc(p) for p in cue.phrases])
        if cue.tokens and not (cue.entities and pipeline.entities):
            _check_keys(cue, _assigned(nlp))
            try:
                tokens.add(label, [list(t) for t in cue.tokens])
            except (ValueError, re.error) as exc:
                detail = " ".join(str(exc).replace(_SEP, " ").split())
                what = f"cue {cue.id}: invalid spaCy token pattern: {detail}"
                raise MapLoadError([invalid(*cue.origin, what)]) from None
    for index, marker in enumerate(patterns.markers):
        phrases.add(f"marker{_SEP}{index}", [nlp.make_doc(marker.phrase)])
    return Matchers(phrases, tokens, nlp.vocab)
