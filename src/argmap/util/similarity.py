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
   A hyphen after a prefix is taken out (:data:`PREFIXES`: ``geo-political``
   and ``geopolitical``, ``e-mail`` and ``email`` are one word), since such
   compounds are written both ways (Huddleston & Pullum 2002, *The Cambridge
   Grammar of the English Language*, ch. 19 §5.1 on prefixes and §4.2 on
   hyphenation); other hyphenated compounds stay two words.
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
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from argmap.errors import UsageError
from argmap.util.text import STOP_WORDS, ochiai

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
#: Prefixes (Huddleston & Pullum 2002, ch. 19 §5.1) after which a hyphen is dropped.
PREFIXES = (
    "anti co counter cyber de e eco geo inter macro micro mid mini multi neo non over post "
    "pre pro pseudo re semi socio sub super trans ultra un under"
).split()
_PREFIX_HYPHEN = re.compile(r"\b(" + "|".join(PREFIXES) + r")-(?=[^\W\d_])")
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
            f"comparing claims (argmap compare, grade and draft) needs spaCy and its lookup "
            f"tables ({exc}): pip install 'argmap[grade]' (or run 'make demo', which installs it)"
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


#: Marks put in the word stream by :func:`_tokens` for :func:`stance`: a negator, a clause break.
NEG, CUT = "\x00not", "\x00cut"
#: Mark of a negator of a noun phrase (``no``, ``nothing``, ``without`` …): flips a stance
#: word like :data:`NEG` but does not negate a clause without one (:func:`stance`).
NEG_NOUN = "\x00none"
#: Negators of a verb (the others negate a noun phrase: ``no``, ``nobody``, ``without`` …).
VERB_NEGATORS = frozenset({"not", "n't", "never", "cannot"})
#: Words that end a clause for the scope of a negation (punctuation ends one too).
CLAUSE_WORDS = frozenset(
    {"because", "but", "although", "though", "since", "so", "while", "whereas", "unless", "if"}
)
#: Stop words that carry a stance (the Snowball list drops them): word → concept.
POLAR_STOP_WORDS = {"more": "more", "fewer": "less"}


@lru_cache(maxsize=65_536)
def _tokens(text: str) -> tuple[str, ...]:
    """The content lemmas of ``text`` in order, with :data:`NEG` for each negator of
    the lexicon's ``_negators`` (:data:`NEG_NOUN` for one that negates a noun
    phrase), :data:`CUT` at each clause break, and ``"\\x00"`` +
    concept for each word of :data:`POLAR_STOP_WORDS`."""
    nlp = _pipeline()
    negators = _polarity()[2]
    out: list[str] = []
    plain = _LONG_RUN.sub(_cut, text.lower().replace("’", "'"))
    plain = _PREFIX_HYPHEN.sub(r"\1", plain)
    for part in _slices(plain):
        doc = nlp(part)
        quoted = _quoted(doc)
        for token in doc:
            word = token.text
            if word in negators or token.lemma_ in negators:
                if quoted[token.i] or _not_only(doc, token.i):
                    continue  # someone else's words, or "not only … but also"
                verbal = word in VERB_NEGATORS or token.lemma_ in VERB_NEGATORS
                out.append(NEG if verbal else NEG_NOUN)
                continue
            if word in CLAUSE_WORDS or (token.is_punct and word not in "'-"):
                out.append(CUT)
                continue
            if word in POLAR_STOP_WORDS:
                out.append("\x00" + POLAR_STOP_WORDS[word])
                continue
            if word.startswith("'"):  # a clitic: 's, 're, 'll …
                continue
            lemma = (token.lemma_ or word).replace("'", "").replace(".", "")
            if word in _DROP or lemma in _DROP or len(lemma) < 2:
                continue
            if any(ch.isalnum() for ch in lemma):
                out.append(lemma)
    return tuple(out)


_QUOTE_PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’"}


def _quoted(doc: Any) -> list[bool]:
    """For each token, whether it stands inside quotation marks or brackets."""
    out: list[bool] = []
    stack: list[str] = []
    straight = False
    for tok in doc:
        if tok.text == '"':
            straight = not straight
        elif stack and tok.text == stack[-1]:
            stack.pop()
        elif tok.text in _QUOTE_PAIRS:
            stack.append(_QUOTE_PAIRS[tok.text])
        out.append(bool(stack) or straight)
    return out


def _not_only(doc: Any, i: int) -> bool:
    """Whether token ``i`` is the "not" of the correlative "not only … (but) also"
    (Huddleston & Pullum 2002, *The Cambridge Grammar of the English Language*,
    ch. 15 §2.6: an additive, not a negation of the clause)."""
    return doc[i].text == "not" and i + 1 < len(doc) and doc[i + 1].text in ("only", "just")


def lemmas(text: str) -> list[str]:
    """The content lemmas of ``text`` in order (steps 1 and 2 of the module docstring)."""
    return [w for w in _tokens(text) if not w.startswith("\x00")]


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
    return ochiai(concepts(a), concepts(b))


@lru_cache(maxsize=1)
def _polarity() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The lexicon's ``_positive`` and ``_negative`` concepts and ``_negators`` words."""
    raw = json.loads(resources.files("argmap.util").joinpath("lexicon.json").read_text("utf-8"))
    return frozenset(raw["_positive"]), frozenset(raw["_negative"]), frozenset(raw["_negators"])


def _clauses(text: str) -> list[list[str]]:
    """``text`` as clauses (cut at :data:`CUT`), each a list of concepts and :data:`NEG`."""
    table = lexicon()
    clauses: list[list[str]] = [[]]
    words = _tokens(text)
    i = 0
    while i < len(words):
        word = words[i]
        if word == CUT:
            clauses.append([])
            i += 1
            continue
        for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            concept = table.get(tuple(words[i : i + size]))
            if concept is not None:
                clauses[-1].append(concept)
                i += size
                break
        else:
            marker = word in (NEG, NEG_NOUN)
            clauses[-1].append(word if marker else word.removeprefix("\x00"))
            i += 1
    return [c for c in clauses if c]


@lru_cache(maxsize=65_536)
def stance(text: str) -> tuple[int, int]:
    """``(valence, negated)`` of ``text`` (docs/grading.md, "Opposite claims").

    ``valence`` is the sign (−1, 0 or 1) of the sum over the stance concepts
    of the text (the lexicon's ``_positive`` +1, ``_negative`` −1), each one
    flipped once per negator before it in its clause that no earlier stance
    concept of the clause took; ``negated`` is 1 when the first clause has an
    odd number of negators of a verb (``not``, ``n't``, ``never``, ``cannot``),
    else 0 (used only when neither text has a stance word).
    """
    positive, negative, _ = _polarity()
    total = 0
    clauses = _clauses(text)
    for clause in clauses:
        pending = 0
        for item in clause:
            if item in (NEG, NEG_NOUN):
                pending += 1
            elif item in positive or item in negative:
                sign = 1 if item in positive else -1
                total += sign * (-1) ** pending
                pending = 0
    first = clauses[0].count(NEG) % 2 if clauses else 0
    return (total > 0) - (total < 0), first


def opposed(a: str, b: str) -> bool:
    """Whether two texts take opposite stances (:func:`stance`): both have a valence
    and the two differ, or neither has one and exactly one first clause is negated.

    Meant for texts already found similar (about the same thing): alone it says
    nothing about the topic.
    """
    (va, na), (vb, nb) = stance(a), stance(b)
    if va and vb:
        return va != vb
    return not va and not vb and na != nb
