"""The Carneades project's example graphs, translated by hand, with their expected labels.

The carneades/carneades-4 repository's ``examples/AGs/YAML/`` files carry the
labels the Carneades engine gives (a ``tests: {in, out, undecided}`` block).
argmap reads that format (``argmap.io.carneades``, tested on graphs of the same
shapes in ``tests/test_io_carneades.py``); here the examples whose arguments
argmap's own format can hold are written by hand:

* ``assumptions: [...]`` → ``evaluation: {grant: assumptions}`` and
  ``granted: true`` on each assumption (a statement with no argument for it that
  is not assumed is out);
* an argument with one premise → ``supports:``; with several premises (linked)
  → an ``inferences:`` entry; the ``convergent`` scheme → one ``supports:``
  per premise;
* an argument's ``undercutter: S`` → ``S: {undercuts: <the argument's step>}``;
* an issue with positions [P, ¬P] → P and ¬P attack each other.

Examples using weights (``factorized``, MCDA), premise-less arguments or
proof standards other than the default are left for the reader.
"""

from __future__ import annotations

import pytest

from argmap.analysis.evaluate import evaluate

from conftest import make_map

EXAMPLES = {
    # support-loop.yml: a1: Q => P, a2: P => Q; tests: undecided [P, Q]
    "support-loop": (
        """
        evaluation: {grant: assumptions}
        claims:
          P: {kind: thesis, text: P., supports: Q}
          Q: {kind: premise, text: Q., supports: P}
        """,
        {"P": "UNDEC", "Q": "UNDEC"},
    ),
    # even-loop.yml: a1: P => Q, a2: Q => P; tests: undecided [P, Q]
    "even-loop": (
        """
        evaluation: {grant: assumptions}
        claims:
          P: {kind: premise, text: P., supports: Q}
          Q: {kind: premise, text: Q., supports: P}
        """,
        {"P": "UNDEC", "Q": "UNDEC"},
    ),
    # odd-loop.yml: P => Q, R => P, Q => R; tests: undecided [P, Q, R]
    "odd-loop": (
        """
        evaluation: {grant: assumptions}
        claims:
          P: {kind: premise, text: P., supports: Q}
          Q: {kind: premise, text: Q., supports: R}
          R: {kind: premise, text: R., supports: P}
        """,
        {"P": "UNDEC", "Q": "UNDEC", "R": "UNDEC"},
    ),
    # independent-support-loop.yml: Q => P, P => Q, R => P; assumptions [R]; in [P, Q, R]
    "independent-support-loop": (
        """
        evaluation: {grant: assumptions}
        claims:
          P: {kind: premise, text: P., supports: Q}
          Q: {kind: premise, text: Q., supports: P}
          R: {kind: premise, text: R., supports: P, granted: true}
        """,
        {"P": "IN", "Q": "IN", "R": "IN"},
    ),
    # linked-convergent.yml: a1 (convergent): p, s => t; a2 (linked): q, r => p;
    # assumptions [q, r]; in [q, r, p, t], out [s]
    "linked-convergent": (
        """
        evaluation: {grant: assumptions}
        claims:
          t: {kind: thesis, text: T.}
          p: {kind: premise, text: P., supports: t}
          s: {kind: premise, text: S., supports: t}
          q: {kind: premise, text: Q., granted: true}
          r: {kind: premise, text: R., granted: true}
        inferences:
          a2: {premises: [q, r], conclusion: p}
        """,
        {"t": "IN", "p": "IN", "s": "OUT", "q": "IN", "r": "IN"},
    ),
    # unsupported.yml: one statement, no argument, no assumption; out [p]
    "unsupported": (
        """
        evaluation: {grant: assumptions}
        claims:
          p: {kind: thesis, text: P.}
        """,
        {"p": "OUT"},
    ),
    # unreliable-witness.yml: a1: saysUnreliable => unreliable, undercutter ¬app(a1);
    # a2: unreliable => ¬app(a1); assumptions [saysUnreliable]; issue [reliable, unreliable];
    # tests: undecided [unreliable, ¬app(a1)], out [reliable], in [saysUnreliable]
    "unreliable-witness": (
        """
        evaluation: {grant: assumptions}
        claims:
          says: {kind: evidence, text: John says he is unreliable., supports: unreliable,
                 granted: true}
          unreliable: {kind: premise, text: John is unreliable., supports: notapp,
                       attacks: reliable}
          reliable: {kind: premise, text: John is reliable., attacks: unreliable}
          notapp: {kind: objection, text: Argument a1 is not applicable.,
                   undercuts: "says -> unreliable"}
        """,
        {"says": "IN", "unreliable": "UNDEC", "reliable": "OUT", "notapp": "UNDEC"},
    ),
    # self-defeat.yml: a1: ¬P => P, a2: P => ¬P; issue [P, ¬P]; undecided [P, ¬P]
    "self-defeat": (
        """
        evaluation: {grant: assumptions}
        claims:
          P: {kind: premise, text: P., supports: notP, attacks: notP}
          notP: {kind: premise, text: not P., supports: P, attacks: P}
        """,
        {"P": "UNDEC", "notP": "UNDEC"},
    ),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_carneades_example_labels(name):
    text, expected = EXAMPLES[name]
    assert evaluate(make_map(text)).labelling == expected
