"""Text similarity of two claims that survives paraphrase: lemmas, stop words, a lexicon.

Shared by ``argmap compare``, ``argmap grade`` and the drafting code (a thesis
restated at the end of a text). Steps (:func:`concepts`):

1. The text is lower-cased and split into words by spaCy's blank English
   pipeline (``spacy.blank("en")``, no trained model, no network); each word
   becomes its lemma from spaCy's lookup lemmatizer (tables from the
   ``spacy-lookups-data`` package, https://spacy.io/api/lemmatizer):
   ``wanders`` → ``wander``, ``centres`` → ``centre``.
2. Punctuation, words of one character, English stop words (the Snowball
   list, :data:`argmap.util.text.STOP_WORDS`) and the modal verbs it leaves
   out (:data:`MODALS`), tested on the word and on its lemma, are dropped;
   so are clitics (``'s``, ``'re``, ``n't``); apostrophes and dots are taken
   out of the rest (``U.S.`` → ``us``). A run of more than :data:`LONGEST_WORD`
   characters without a space is first cut into pieces of that length (linear time).
3. The lexicon (``lexicon.json`` beside this module, our own words) maps
   synonyms and paraphrases to one concept: each of its entries is a word or
   a phrase of up to :data:`MAX_PHRASE` words, lemmatised like a claim. At each
   position the longest entry that matches is taken (so time stays linear in
   the text's length); a lemma in no entry stands for itself.

The similarity (:func:`text_similarity`) is the Ochiai (cosine) coefficient of
the two sets of concepts, ``|A ∩ B| / sqrt(|A| · |B|)``, in [0, 1] (0 when a
text has no concept). The pipeline and the lexicon are loaded once, on first
use; each text's concepts are cached.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from argmap.errors import UsageError
from argmap.util.text import STOP_WORDS

#: Longest lexicon phrase, in words.
MAX_PHRASE = 3
#: Modal verbs dropped with the stop words (the Snowball list has ``should`` and
#: ``would`` but not these).
MODALS = frozenset({"can", "may", "might", "must", "shall", "will"})
_DROP = STOP_WORDS | MODALS
#: Texts are lemmatised in slices of at most this many characters (spaCy's limit is 10⁶).
CHUNK = 100_000
#: A run of characters without a space longer than this is cut into pieces of this
#: length before spaCy sees it: spaCy's tokenizer takes time quadratic in the length of
#: such a run (10,000 punctuation marks took 21 s), and no word is this long.
LONGEST_WORD = 40
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def _cut(match: re.Match[str]) -> str:
    run = match.group(0)
    return " ".join(run[i : i + LONGEST_WORD] for i in range(0, len(run), LONGEST_WORD))


@lru_cache(maxsize=1)
def _pipeline() -> Any:
    """spaCy's blank English pipeline with the lookup lemmatizer, initialised once.

    Raises:
        UsageError: spaCy or its lookup tables are not installed.
    """
    try:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ImportError, ValueError, OSError) as exc:
        raise UsageError(
            f"text similarity needs spaCy and its lookup tables ({exc}): "
            "pip install spacy spacy-lookups-data"
        ) from None
    return nlp


def _slices(text: str) -> list[str]:
    """``text`` cut at spaces into parts of at most about :data:`CHUNK` characters."""
    parts: list[str] = []
    start = 0
    while len(text) - start > CHUNK:
        cut = text.rfind(" ", start, start + CHUNK)
        end = cut if cut > start else start + CHUNK
        parts.append(text[start:end])
        start = end
    parts.append(text[start:])
    return parts


def lemmas(text: str) -> list[str]:
    """The content lemmas of ``text`` in order (steps 1 and 2 of the module docstring)."""
    nlp = _pipeline()
    out: list[str] = []
    plain = _LONG_RUN.sub(_cut, text.lower().replace("’", "'"))
    for part in _slices(plain):
        for token in nlp(part):
            word = token.text
            if word.startswith("'") or word == "n't":  # a clitic: 's, 're, 'll, n't …
                continue
            lemma = (token.lemma_ or word).replace("'", "").replace(".", "")
            if word in _DROP or lemma in _DROP or len(lemma) < 2:
                continue
            if any(ch.isalnum() for ch in lemma):
                out.append(lemma)
    return out


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, ...], str]:
    """The lexicon: each entry's lemmas (1 to :data:`MAX_PHRASE`) → its concept.

    Raises:
        ValueError: an entry is too long, empty after lemmatising, or listed
            under two concepts (the packaged file is tested not to be).
    """
    raw = json.loads(resources.files("argmap.util").joinpath("lexicon.json").read_text("utf-8"))
    table: dict[tuple[str, ...], str] = {}
    for concept, entries in raw.items():
        if concept.startswith("_"):
            continue
        for entry in entries:
            key = tuple(lemmas(entry))
            if not 1 <= len(key) <= MAX_PHRASE:
                raise ValueError(f"lexicon entry {entry!r} has {len(key)} content words")
            if table.get(key, concept) != concept:
                raise ValueError(f"lexicon entry {entry!r} is under {table[key]} and {concept}")
            table[key] = concept
    return table


@lru_cache(maxsize=65_536)
def concepts(text: str) -> frozenset[str]:
    """The set of concepts of ``text`` (see the module docstring); time linear in its length."""
    table = lexicon()
    words = lemmas(text)
    found: set[str] = set()
    i = 0
    while i < len(words):
        for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            concept = table.get(tuple(words[i : i + size]))
            if concept is not None:
                found.add(concept)
                i += size
                break
        else:
            found.add(words[i])
            i += 1
    return frozenset(found)


def text_similarity(a: str, b: str) -> float:
    """Ochiai coefficient of the concept sets of two texts, in [0, 1] (0 when one has none)."""
    ca, cb = concepts(a), concepts(b)
    if not ca or not cb:
        return 0.0
    return len(ca & cb) / math.sqrt(len(ca) * len(cb))
