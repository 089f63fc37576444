"""AIF JSON, as AIFdb and OVA use it (read and write).

The Argument Interchange Format (Chesñevar et al. 2006, "Towards an argument
interchange format", Knowledge Engineering Review 21(4); JSON as served by
AIFdb, ARG-tech) is a graph of *nodes* (``nodeID``, ``text``, ``type``) and
*edges* (``fromID``, ``toID``). Claims are ``I`` nodes; an ``RA`` node is an
inference (premise I → RA → conclusion I; several premises are linked); a
``CA`` node a conflict (attacker I → CA → target; a CA aimed at an RA is an
undercut); ``MA`` a rephrase (original I → MA → its rephrasing I); ``PA`` a
preference; ``L``, ``YA`` and ``TA`` belong to the dialogue layer. OVA and
xAIF wrap the graph as ``{"AIF": {...}, "OVA": {...}, "text": ...}``.

:mod:`~argmap.io.aif.reader` reads it (:func:`loads_aif`),
:mod:`~argmap.io.aif.writer` writes it (:func:`dump_aif`).
"""

from __future__ import annotations

from argmap.io.aif.reader import loads_aif, looks_like_aif
from argmap.io.aif.writer import dump_aif

__all__ = ["dump_aif", "loads_aif", "looks_like_aif"]
