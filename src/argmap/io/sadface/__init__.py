"""SADFace, the Simple Argument Description Format (read and write).

SADFace (Wells, Open-Argumentation/SADFace on GitHub; version 0.5) is JSON: a
``metadata`` object (its ``core`` block holds the document's ``id``,
``version``, analyst, dates, and optionally ``title``, ``description``,
``notes`` and ``claim``, the id of the main claim's atom; other blocks are
named namespaces), a ``resources`` list (source texts), a ``nodes`` list and
an ``edges`` list (``id``, ``source_id``, ``target_id``). A node is an
``atom`` (a claim: ``text``, ``sources`` — excerpts of resources with
``offset`` and ``length`` — and ``metadata``) or a ``scheme`` named by its
``name``: ``support`` (or ``inference``) between premises and a conclusion,
``conflict`` (or ``disagreement``, ``attack``, ``defeat``) between an attacker
and its target, aimed at a scheme for an undercut.

:mod:`~argmap.io.sadface.reader` reads it (:func:`loads_sadface`),
:mod:`~argmap.io.sadface.writer` writes it (:func:`dump_sadface`).
"""

from __future__ import annotations

from argmap.io.sadface.reader import loads_sadface, looks_like_sadface, sadface_shaped
from argmap.io.sadface.writer import dump_sadface

__all__ = ["dump_sadface", "loads_sadface", "looks_like_sadface", "sadface_shaped"]
