#!/usr/bin/env python3
"""Print hashed 10-word runs of a source text, for the paraphrase guard test.

Usage::

    python3 tests/data/make_10gram_hashes.py ARTICLE.txt > tests/data/article_10gram_hashes.txt

The text is lower-cased, curly apostrophes (U+2019, U+2018) become ``'`` and it
is split into words with ``[a-z0-9]+(?:'[a-z0-9]+)*``. For every run of ten
consecutive words, the words are joined by single spaces and hashed with
SHA-256; the first 16 hex digits are kept. The output is the sorted, unique
list of those digests, one per line. Only digests are written, never the text,
so the hash file can live in the repository without reproducing the source.

``tests/test_paraphrase.py`` imports :func:`words` and :func:`ngram_hashes`
from this file, so the generator and the guard always tokenise alike.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

#: Length of the word runs that are hashed.
N = 10

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Lower-case ``text``, unify apostrophes and return its words."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.findall(text)


def digest(run: list[str] | tuple[str, ...]) -> str:
    """The first 16 hex digits of SHA-256 of the words joined by single spaces."""
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def ngram_runs(tokens: list[str], n: int = N) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(start_index, run)`` for every run of ``n`` consecutive tokens."""
    for i in range(len(tokens) - n + 1):
        yield i, tokens[i : i + n]


def ngram_hashes(text: str, n: int = N) -> set[str]:
    """The set of digests of all ``n``-word runs in ``text``."""
    return {digest(run) for _, run in ngram_runs(words(text), n)}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print(f"usage: {argv[0]} ARTICLE", file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8")
    for h in sorted(ngram_hashes(text)):
        print(h)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
