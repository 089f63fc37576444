"""argmap's own map format in JSON syntax (read and write).

The JSON document has exactly the shape of the YAML format of
``docs/format.md`` (``claims`` keyed by id, ``supports``/``attacks``/``undercuts``
on the claims, an ``inferences`` block for linked premises), plus
``"version": 1``; the same JSON Schema (``argmap schema``) describes both. It
is read by the YAML loader's own rules from a position-carrying tree, so every
problem names its line and column. Nothing is lost either way.
"""

from __future__ import annotations

import json

from argmap.io.exchange import Exported, Imported
from argmap.io.json.tree import compose_json
from argmap.io.mapdata import map_to_dict
from argmap.io.yaml.reader import map_from_tree
from argmap.model import ArgumentMap


def loads_json_map(text: str, path: str = "<string>") -> Imported:
    """Read an argmap JSON map.

    Raises:
        MapLoadError: malformed JSON or an invalid map (all problems, with positions).
    """
    return Imported(map_from_tree(compose_json(text, path), path))


def dump_json_map(amap: ArgumentMap) -> Exported:
    """The map as argmap JSON: two-space indented, UTF-8 characters kept, deterministic."""
    doc = {"version": 1, **map_to_dict(amap)}
    return Exported(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
