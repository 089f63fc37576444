"""Sentences into claim-sized units, split at discourse markers.

Each kept paragraph is run through the spaCy pipeline on its own, so token
offsets plus the paragraph's start are offsets into the original file. A
sentence becomes one unit, or two when a marker splits it (``"X, but Y"``,
``"Because X, Y"``); sentences with too few content words (``"Sound
confusing?"``) are left out. Markers inside brackets or quotation marks are
ignored. A run of more than :data:`~argmap.util.similarity.LONGEST_WORD`
characters without a space is broken by spaces before spaCy sees it (its
tokenizer takes time quadratic in such a run's length), character for
character, so offsets stay right.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from argmap.draft.nlp import Matchers
from argmap.draft.patterns import Marker, Patterns
from argmap.draft.text import Article, Paragraph
from argmap.model import Kind
from argmap.util.similarity import LONGEST_WORD
from argmap.util.text import break_long_runs

_EDGE_PUNCT = frozenset(",;:-–—")
#: A sentence is cut into at most this many claims.
MAX_PIECES = 4
_OPEN = {"(": ")", "[": "]", "“": "”"}


@dataclass
class Unit:
    """A proposed claim: a sentence or part of one.

    Attributes:
        index: position in the article (0-based, in text order).
        para: paragraph number in the original file.
        start: offset of its first character in the original file.
        end: offset just past its last character.
        text: ``file_text[start:end]`` with runs of white space made single spaces.
        doc: the paragraph's spaCy ``Doc``; ``i``, ``j``: its token range.
        sentence: index of its sentence in the article.
        title: the unit is the article's title.
        opener: a sentence-initial marker relating it to the unit before.
        cues: cue ids found in it, with their kinds (filled in by ``classify``).
        kind: proposed kind (filled in by ``classify`` and ``relations``).
        signpost: the unit only announces what comes next ("The first reason
            is cost."), so it is not a claim (set by ``find_cues``).
    """

    index: int
    para: int
    start: int
    end: int
    text: str
    doc: Any
    i: int
    j: int
    sentence: int
    title: bool = False
    opener: Marker | None = None
    cues: dict[str, Any] = field(default_factory=dict)
    kind: Kind = "premise"
    signpost: bool = False


@dataclass(frozen=True)
class Split:
    """A sentence split at ``marker`` into units ``first`` and ``second`` (indices)."""

    first: int
    second: int
    marker: Marker


@dataclass
class Segmented:
    """Units, the splits between them, and each paragraph's matches.

    Attributes:
        units: in text order.
        splits: within-sentence marker splits.
        matches: per paragraph number, ``(group, key, start, end)`` matcher hits.
        shielded: per paragraph number, for each token whether it is inside
            brackets or quotation marks.
    """

    units: list[Unit]
    splits: list[Split]
    matches: dict[int, list[tuple[str, str, int, int]]]
    shielded: dict[int, list[bool]]


def shield(doc: Any) -> list[bool]:
    """For each token, whether it stands inside brackets or quotation marks."""
    out: list[bool] = []
    stack: list[str] = []
    straight = False
    for tok in doc:
        text = tok.text
        if text == '"':
            straight = not straight
            out.append(True)
            continue
        if stack and text == stack[-1]:
            stack.pop()
            out.append(True)
            continue
        if text in _OPEN:
            stack.append(_OPEN[text])
        out.append(bool(stack) or straight)
    return out


def is_content(token: Any) -> int:
    """1 for a word or number that is not a stop word, else 0."""
    return int(not token.is_stop and (token.is_alpha or token.like_num))


def content_words(doc: Any, i: int, j: int) -> int:
    """Number of tokens in ``doc[i:j]`` that are words or numbers and not stop words."""
    return sum(is_content(t) for t in doc[i:j])


def within(found: list[tuple[str, str, int, int]], i: int, j: int) -> list:
    """The matches of ``found`` (sorted by start) that start in tokens ``i`` to ``j - 1``,
    in their order; time logarithmic in ``len(found)`` plus the matches returned."""
    lo = bisect_left(found, i, key=lambda m: m[2])
    hi = bisect_left(found, j, lo=lo, key=lambda m: m[2])
    return found[lo:hi]


def starts_with(text: str, doc: Any, i: int, prefix: str) -> bool:
    """Whether ``doc[i:].text`` starts with ``prefix``, ignoring case, reading only a
    slice of ``text`` (``doc.text``) about as long as ``prefix``, not the rest of it.

    Case is ignored by case folding (Unicode §3.13), which needs no context:
    lower-casing would turn a capital sigma into a final or medial sigma
    depending on the letters after it.
    """
    start = doc[i].idx
    end = doc[-1].idx + len(doc[-1].text)
    wanted = prefix.casefold()
    # a folded character is at least one character: the prefix's length is enough
    return text[start : min(end, start + len(wanted))].casefold().startswith(wanted)


def _trim(doc: Any, i: int, j: int, keep_end: bool) -> tuple[int, int]:
    while i < j and (doc[i].is_space or doc[i].text in _EDGE_PUNCT):
        i += 1
    while j > i and (doc[j - 1].is_space or (not keep_end and doc[j - 1].text in _EDGE_PUNCT)):
        j -= 1
    return i, j


class _Segmenter:
    def __init__(self, article: Article, nlp: Any, matchers: Matchers, patterns: Patterns):
        self.article, self.nlp, self.matchers, self.patterns = article, nlp, matchers, patterns
        self.settings = patterns.settings
        self.units: list[Unit] = []
        self.splits: list[Split] = []
        self.sentence = 0
        self.text = ""  # the paragraph's text as spaCy read it
        self.counts: list[int] = [0]  # content words before each token of the paragraph

    def unit(self, par: Paragraph, doc: Any, i: int, j: int, **extra: Any) -> Unit:
        start = par.start + doc[i].idx
        end = par.start + doc[j - 1].idx + len(doc[j - 1].text)
        text = " ".join(self.article.text[start:end].split())
        index = len(self.units)
        unit = Unit(index, par.number, start, end, text, doc, i, j, self.sentence, **extra)
        self.units.append(unit)
        return unit

    def markers(self, found: list, shielded: list[bool], i: int, j: int, role: str) -> list:
        out = []
        for group, key, start, end in found:
            marker = self.patterns.markers[int(key)] if group == "marker" else None
            if marker is None or marker.role != role or not i <= start < end <= j:
                continue
            if shielded[start] or (role == "connective") == (start == i):
                continue
            out.append((start, end, marker))
        return out

    def applies(self, marker: Marker, doc: Any, i: int) -> bool:
        if marker.starts_with is None:
            return True
        return starts_with(self.text, doc, i, marker.starts_with)

    def pick(self, options: list, doc: Any, i: int) -> tuple[int, int, Marker] | None:
        """The leftmost applicable marker; a conditional one wins over the plain one."""
        good = [o for o in options if self.applies(o[2], doc, i)]
        good.sort(key=lambda o: (o[0], o[2].starts_with is None, o[0] - o[1]))
        return good[0] if good else None

    def sentence_units(
        self, par: Paragraph, doc: Any, i: int, j: int, found: list, shielded: list[bool]
    ) -> None:
        words = content_words(doc, i, j)
        question = doc[j - 1].text == "?"
        if words < self.settings["min_content_words"] or (
            question and words < self.settings["min_question_content_words"]
        ):
            return
        found = within(found, i, j)
        lead = self.pick(self.markers(found, shielded, i, j, "opener"), doc, i)
        sub = self.pick(self.markers(found, shielded, i, j, "subordinator"), doc, i)
        pieces: list[tuple[int, int]] = []
        joins: list[Marker] = []
        start = self.subordinate(doc, i, j, sub, shielded, pieces, joins)
        self.cut(doc, start, j, found, shielded, pieces, joins)
        made = []
        for k, (a, b) in enumerate(pieces):
            made.append(self.unit(par, doc, a, b, opener=lead[2] if lead and k == 0 else None))
        for k, marker in enumerate(joins):
            self.splits.append(Split(made[k].index, made[k + 1].index, marker))

    def subordinate(
        self,
        doc: Any,
        i: int,
        j: int,
        sub: tuple[int, int, Marker] | None,
        shielded: list[bool],
        pieces: list[tuple[int, int]],
        joins: list[Marker],
    ) -> int:
        """Cut off the clause of a sentence-initial subordinator ``sub`` at its first
        comma into ``pieces``; return where the rest of the sentence starts."""
        if sub is None:
            return i
        commas = (k for k in range(sub[1], j) if doc[k].text == "," and not shielded[k])
        comma = next(commas, None)
        if comma is None or not (
            self.enough(doc, sub[1], comma) and self.enough(doc, comma + 1, j)
        ):
            return i
        pieces.append(_trim(doc, sub[1], comma, keep_end=False))
        joins.append(sub[2])
        return comma + 1

    def enough(self, doc: Any, i: int, j: int) -> bool:
        """Whether ``doc[i:j]`` has enough content words to be a claim of its own
        (in constant time, from the paragraph's running count)."""
        words = self.counts[j] - self.counts[i]
        return bool(words >= self.settings["min_part_content_words"])

    def cut(
        self,
        doc: Any,
        i: int,
        j: int,
        found: list,
        shielded: list[bool],
        pieces: list[tuple[int, int]],
        joins: list[Marker],
    ) -> None:
        """Append the pieces of ``doc[i:j]`` split at its connectives to ``pieces``
        (and the connective between each two to ``joins``), left to right: at each
        step the leftmost applicable connective that leaves both sides enough
        content words (at most :data:`MAX_PIECES` pieces a sentence)."""
        while len(pieces) < MAX_PIECES - 1:
            options = self.markers(found, shielded, i, j, "connective")
            options = [o for o in options if self.applies(o[2], doc, i)]
            options.sort(key=lambda o: (o[0], o[2].starts_with is None, o[0] - o[1]))
            done: set[int] = set()
            cut = None
            for start, end, marker in options:
                if start in done:
                    continue
                done.add(start)
                if self.enough(doc, i, start) and self.enough(doc, end, j):
                    cut = (start, end, marker)
                    break
            if cut is None:
                break
            pieces.append(_trim(doc, i, cut[0], keep_end=False))
            joins.append(cut[2])
            i = cut[1]
        pieces.append(_trim(doc, i, j, keep_end=True))

    def run(self) -> Segmented:
        pars = self.article.paragraphs
        longest = max((len(p.text) for p in pars), default=0)
        self.nlp.max_length = max(self.nlp.max_length, longest + 1)  # blank pipeline: no parser
        texts = [break_long_runs(p.text, LONGEST_WORD) for p in pars]
        docs = list(self.nlp.pipe(texts))
        matches, shields = {}, {}
        for par, doc, self.text in zip(pars, docs, texts, strict=True):
            self.counts = list(accumulate((is_content(t) for t in doc), initial=0))
            found = self.matchers.matches(doc)
            shielded = shield(doc)
            matches[par.number], shields[par.number] = found, shielded
            if par is self.article.title:
                i, j = _trim(doc, 0, len(doc), keep_end=True)
                if i < j:
                    self.unit(par, doc, i, j, title=True)
                    self.sentence += 1
                continue
            for start, end in sentences(doc):
                i, j = _trim(doc, start, end, keep_end=True)
                if i < j:
                    self.sentence_units(par, doc, i, j, found, shielded)
                    self.sentence += 1
        return Segmented(self.units, self.splits, matches, shields)


#: Abbreviations that spaCy's English tokenizer leaves apart from their full stop.
ABBREVIATIONS = frozenset({"etc", "approx", "incl", "esp", "cf", "vs", "al", "resp", "ca", "viz"})


def _abbreviated(doc: Any, end: int) -> bool:
    """Whether the sentence ending before token ``end`` ends with an abbreviation."""
    last = doc[end - 1].text
    if last == "." and end >= 2:
        return doc[end - 2].lower_ in ABBREVIATIONS
    return len(last) > 1 and last.endswith(".")


def sentences(doc: Any) -> list[tuple[int, int]]:
    """Token ranges of the sentences of ``doc``: spaCy's, except that a sentence
    starting with a small letter right after an abbreviation ("etc.", "p.m.")
    continues the one before: that full stop ended the abbreviation."""
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        first = doc[sent.start]
        if out and first.is_alpha and first.text[0].islower() and _abbreviated(doc, out[-1][1]):
            out[-1] = (out[-1][0], sent.end)
        else:
            out.append((sent.start, sent.end))
    return out


def segment(article: Article, nlp: Any, matchers: Matchers, patterns: Patterns) -> Segmented:
    """Units of ``article`` (see the module docstring), in text order."""
    return _Segmenter(article, nlp, matchers, patterns).run()
