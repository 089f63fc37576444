"""Write an :class:`~argmap.model.ArgumentMap` as the YAML map format (version 1).

The output loads back with :func:`argmap.io.yaml.reader.loads_map` into an equal
map: claims in order, shorthand supports on their premises, linked premises in
an ``inferences:`` block, attacks and undercuts on their attackers.
"""

from __future__ import annotations

import yaml

from argmap.io.mapdata import map_to_dict
from argmap.model import ArgumentMap

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def dump_map(amap: ArgumentMap) -> str:
    """The map as YAML text (UTF-8 characters kept, deterministic)."""
    return yaml.dump(
        map_to_dict(amap),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
