"""Pausing Python's cyclic garbage collector while large acyclic structures are built.

Loading a 100,000-claim map allocates millions of small objects (YAML nodes,
claims, graph dictionaries), none of them in reference cycles. Each allocation
burst makes the collector traverse every live object again and again, which
took about half of the load time; reference counting alone frees all of these
objects, so pausing the collector changes no result and no memory bound.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Disable automatic cyclic garbage collection inside the ``with`` block.

    The collector's previous state is restored on exit, also on an exception.
    Nested use is fine: only the outermost block re-enables it.

    Before re-enabling, the objects made in the block are moved to the oldest
    generation (``gc.freeze()`` then ``gc.unfreeze()``, which "put them back into
    the oldest generation": Python's ``gc`` documentation); both only relink
    lists. Otherwise the first allocation after the block would make the
    collector traverse all of them as young objects: about a second for a
    100,000-claim map, which Ctrl-C and SIGTERM paid on their way out. They are
    still collected, by the next full collection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
