"""Shared helpers for check modules: making findings at claims and relations."""

from __future__ import annotations

from types import ModuleType

from argmap.findings import Finding
from argmap.model import ArgumentMap, Position


def finding(
    module: ModuleType,
    amap: ArgumentMap,
    loc: Position | None,
    message: str,
    claims: tuple[str, ...] = (),
) -> Finding:
    """A finding of the check defined in ``module`` (its CODE, NAME, SEVERITY).

    ``loc`` None means the map as a whole: the ``claims:`` key, else line 1.
    """
    where = loc or amap.claims_loc or Position(amap.path)
    return Finding(
        where,
        module.CODE,
        module.NAME,
        module.SEVERITY,
        message,
        claims,
    )


def at_claim(
    module: ModuleType,
    amap: ArgumentMap,
    cid: str,
    message: str,
    claims: tuple[str, ...] | None = None,
) -> Finding:
    """A finding located at the line of claim ``cid``'s id."""
    return finding(module, amap, amap.claims[cid].loc, message, claims or (cid,))
