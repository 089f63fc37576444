"""Candidate pairs for matching claims, scored in bulk from an inverted index of concepts.

The pairs scored are those of :func:`argmap.analysis.matching.match_claims`: a
claim of A and a claim of B that share a concept found in at most
:data:`MAX_POSTING` of B's claims (pairs sharing none are never scored). The
shared concepts of all such pairs are counted at once as a sparse product of
the claim × concept incidence matrices (SciPy's ``scipy.sparse``), a block of
A's claims at a time so memory stays bounded; each pair's similarity is then
the same Ochiai coefficient :func:`argmap.util.similarity.text_similarity`
computes, ``|A ∩ B| / sqrt(|A| · |B|)`` (same floating-point operations, so the
same values), plus the paragraph bonus.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, TypeVar

from argmap.model import Claim
from argmap.util.similarity import concepts, stance

if TYPE_CHECKING:
    import numpy as np
    from scipy import sparse

#: A concept found in more of B's claims than this does not propose candidates
#: (too common to tell claims apart; keeps matching two huge maps near-linear).
MAX_POSTING = 1000
K = TypeVar("K")

#: About this many candidate pairs are scored at once (bounds the memory used).
BLOCK = 1_000_000


def _need_scipy() -> None:
    """Refuse to go on without NumPy and SciPy.

    Raises:
        UsageError: one of them is not installed (``argmap[grade]`` installs both).
    """
    try:
        import numpy  # noqa: F401
        import scipy.sparse  # noqa: F401
    except ImportError:
        from argmap.errors import UsageError

        raise UsageError(
            "matching claims (argmap compare and grade) needs SciPy: "
            "pip install 'argmap[grade]' (or run 'make demo', which installs it)"
        ) from None


def _incidence(rows: Sequence[Collection[K]], columns: Mapping[K, int]) -> sparse.csr_matrix:
    """0/1 matrix (len(rows) × len(columns)) of which row holds which key."""
    import numpy as np
    from scipy import sparse

    indptr, indices = [0], []
    for row in rows:
        indices += [columns[k] for k in row if k in columns]
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.int64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), len(columns)))


def _shared(
    left: sparse.csr_matrix, right: sparse.csr_matrix, i: np.ndarray, j: np.ndarray
) -> np.ndarray:
    """For each pair (i[k], j[k]), how many columns row i of ``left`` and row j of
    ``right`` both hold."""
    import numpy as np

    if left.shape[1] == 0 or len(i) == 0:
        return np.zeros(len(i), dtype=np.int64)
    return np.asarray(left[i].multiply(right[j]).sum(axis=1)).ravel()


class _Index:
    """The incidence matrices of A's and B's claims (concepts rare in B, common
    in B, paragraphs) and their concept counts."""

    def __init__(self, a: Sequence[Claim], b: Sequence[Claim]) -> None:
        import numpy as np

        sets_a = [concepts(c.text) for c in a]
        sets_b = [concepts(c.text) for c in b]
        freq: dict[str, int] = {}
        for s in sets_b:
            for concept in s:
                freq[concept] = freq.get(concept, 0) + 1
        rare = {c: n for n, c in enumerate(c for c, f in freq.items() if f <= MAX_POSTING)}
        common = {c: n for n, c in enumerate(c for c, f in freq.items() if f > MAX_POSTING)}
        paras = {p: n for n, p in enumerate({p for c in b for p in c.para})}
        self.rare_a, self.rare_b = _incidence(sets_a, rare), _incidence(sets_b, rare)
        self.common_a, self.common_b = _incidence(sets_a, common), _incidence(sets_b, common)
        self.para_a = _incidence([set(c.para) for c in a], paras)
        self.para_b = _incidence([set(c.para) for c in b], paras)
        self.size_a = np.array([len(s) for s in sets_a], dtype=np.int64)
        self.size_b = np.array([len(s) for s in sets_b], dtype=np.int64)


def _stances(claims: Sequence[Claim], which: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(valence, negated) arrays of :func:`stance` for every claim, computed only
    for the claims in ``which`` (0 elsewhere)."""
    import numpy as np

    valence = np.zeros(len(claims), dtype=np.int64)
    negated = np.zeros(len(claims), dtype=np.int64)
    for k in np.unique(which).tolist():
        valence[k], negated[k] = stance(claims[k].text)
    return valence, negated


def _block(
    index: _Index, rows: np.ndarray, keep_b: np.ndarray, para_bonus: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of A's claims ``rows`` sharing a rare concept with a claim of B
    whose ``keep_b`` is true: (i, j, similarity) in row-major order."""
    import numpy as np

    product = (index.rare_a[rows] @ index.rare_b.T).tocoo()
    i, j, count = rows[product.row], product.col, product.data.astype(np.int64)
    order = np.lexsort((j, i))
    i, j, count = i[order], j[order], count[order]
    mask = keep_b[j]
    i, j, count = i[mask], j[mask], count[mask]
    count = count + _shared(index.common_a, index.common_b, i, j)
    score = count / np.sqrt((index.size_a[i] * index.size_b[j]).astype(np.float64))
    para = _shared(index.para_a, index.para_b, i, j) > 0
    return i, j, np.where(para, score + para_bonus, score)


def _top(
    a: Sequence[Claim],
    b: Sequence[Claim],
    block: tuple[np.ndarray, np.ndarray, np.ndarray],
    kinds: tuple[np.ndarray, np.ndarray, float],
    keep: int,
) -> list[tuple[float, int, int, float]]:
    """Of the eligible pairs (not opposed) of a block, each row's best ``keep``."""
    import numpy as np

    i, j, score = block
    (va, na), (vb, nb) = _stances(a, i), _stances(b, j)
    both = (va[i] != 0) & (vb[j] != 0)
    opposed = np.where(both, va[i] != vb[j], (va[i] == 0) & (vb[j] == 0) & (na[i] != nb[j]))
    i, j, score = i[~opposed], j[~opposed], score[~opposed]
    total = np.where(kinds[0][i] == kinds[1][j], score + kinds[2], score + 0.0)
    key = np.array([-round(x, 9) for x in total.tolist()], dtype=np.float64)
    order = np.lexsort((j, key, i))
    i, j, score, key = i[order], j[order], score[order], key[order]
    top = np.arange(len(i)) - np.searchsorted(i, i, side="left") < keep
    columns = (key[top].tolist(), i[top].tolist(), j[top].tolist(), score[top].tolist())
    return list(zip(*columns, strict=True))


def best_pairs(
    a: Sequence[Claim],
    b: Sequence[Claim],
    skip: tuple[set[int], set[int], set[tuple[int, int]]],
    threshold: float,
    bonuses: tuple[float, float],
    keep: int,
) -> list[tuple[float, int, int, float]]:
    """Each claim of A's best ``keep`` eligible pairs, as ``(-round(pair score, 9),
    i, j, similarity)``, sorted; i and j index ``a`` and ``b``.

    ``skip`` is (indices of A to leave out, indices of B to leave out, (i, j)
    pairs forbidden); a pair is eligible when its similarity is at least
    ``threshold`` and the two texts are not :func:`argmap.util.similarity.opposed`.
    ``bonuses`` is (paragraph bonus, kind bonus); pair score = similarity + the
    kind bonus when both claims have the same kind. Time and memory linear in
    the number of pairs sharing a concept, scored :data:`BLOCK` at a time.

    Raises:
        UsageError: NumPy or SciPy is not installed.
    """
    _need_scipy()
    import numpy as np

    if not a or not b:
        return []
    index = _Index(a, b)
    keep_b = np.ones(len(b), dtype=bool)
    keep_b[list(skip[1])] = False
    names = {k: n for n, k in enumerate({c.kind for c in (*a, *b)})}
    kinds = (np.array([names[c.kind] for c in a]), np.array([names[c.kind] for c in b]))
    rows = np.array([n for n in range(len(a)) if n not in skip[0]], dtype=np.int64)
    step = max(1, BLOCK // len(b))
    out: list[tuple[float, int, int, float]] = []
    for start in range(0, len(rows), step):
        i, j, score = _block(index, rows[start : start + step], keep_b, bonuses[0])
        mask = score >= threshold
        if skip[2]:
            pairs = zip(i.tolist(), j.tolist(), strict=True)
            mask &= np.array([p not in skip[2] for p in pairs], dtype=bool)
        block = (i[mask], j[mask], score[mask])
        out += _top(a, b, block, (*kinds, bonuses[1]), keep)
    out.sort()
    return out
