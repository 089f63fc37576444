"""Write an argument map as Argdown that :mod:`argmap.io.argdown.reader` reads back unchanged.

Layout: front matter (the title, and an ``argmap`` block with the map's
source and settings), then one definition per claim, ``[P1]: text #(tag)
{kind: premise, para: 5}``, with its relations indented below it (``+>``
supports, ``->`` attacks, ``_>`` undercuts), then one argument with a
premise–conclusion structure per linked inference (and per one-premise
support that something undercuts, marked ``{shorthand: true}``). Argdown has no
kinds or paragraphs: they travel in the ``{...}`` YAML data, which Argdown
tools keep and ignore. Text is escaped with ``\\`` wherever Argdown would read
syntax; ids that cannot be titles (which have no escapes) and tags that cannot
be ``#(tags)`` travel in the data, whose strings are JSON with ``\\u`` escapes
for what Argdown or YAML would read otherwise (``docs/interchange.md`` lists
the rules). Only runs of whitespace in texts are lost (each becomes a space).
"""

from __future__ import annotations

import json
import re

from argmap.io.builder import DATA_KEYS
from argmap.io.exchange import Exported
from argmap.io.mapdata import claim_dicts, map_to_dict
from argmap.model import ArgumentMap, Inference, complete_parts

_SPECIAL = frozenset("\\[]<>{}#*_@")
#: A title runs to its first closing bracket, has no escapes and is read through the
#: comment pass, so it holds no bracket, brace, backslash, slash, ``@`` or line break.
_SAFE_TITLE = re.compile(r"[^\[\]<>{}\\\n\r@/]+")
#: Bracketed tags ``#(...)`` end at the first ``)`` and have no escapes either.
_SAFE_TAG = re.compile(r"[^()\[\]<>{}\\\n\r/]+")
#: Characters a YAML double-quoted scalar must hold as escapes: braces (Argdown
#: data ends at ``}``), ``=`` (front matter fences), line breaks YAML folds, and
#: characters YAML refuses as they are.
_YAML_ESCAPE = re.compile("[{}=\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
#: The same for front matter, where the JSON's own braces must stay.
_FRONT_ESCAPE = re.compile("[=\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_BARE = re.compile(r"[a-z]+")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n"})
_DATA_ORDER = DATA_KEYS


def escape_text(text: str) -> str:
    """Text as an Argdown statement shows it: whitespace collapsed, syntax characters escaped."""
    text = " ".join(text.split())
    out = []
    for i, char in enumerate(text):
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if (
            char in _SPECIAL
            or (char == "/" and after in "/*" and after)
            or (char == "=" and "=" in (before, after))
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def _flow(value: object) -> str:
    """A value in YAML flow style that Argdown's ``{...}`` data and argmap read alike."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if _BARE.fullmatch(str(value)) and str(value) not in _YAML_WORDS:
        return str(value)
    return _json(str(value))


def _json(value: object, indent: int | None = None, escape: re.Pattern[str] = _YAML_ESCAPE) -> str:
    """``value`` as JSON that YAML reads back unchanged (``escape``: what to write as ``\\u``)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return escape.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _usable_title(title: str, argument: bool = False) -> bool:
    """Whether ``title`` reads back as itself (an argument's ``<+``, ``<-``, ``<_`` would not)."""
    if argument and title.startswith(("+", "-", "_")):
        return False
    return bool(_SAFE_TITLE.fullmatch(title)) and title == title.strip() and "->" not in title


def _hashtags(tags: list[str]) -> bool:
    return all(_SAFE_TAG.fullmatch(t) and t == t.strip() for t in tags)


class _Writer:
    """Builds the lines of one document."""

    def __init__(self, amap: ArgumentMap):
        self.amap = amap
        self.doc = map_to_dict(amap)
        self.infs, self.unds, self.lost = complete_parts(amap)
        self.titles = self._claim_titles()
        undercut = {u.inference for u in self.unds}
        self.as_args = [i for i in self.infs if i.linked or i.id in undercut]
        shown = {i.id for i in self.as_args}
        self.arg_titles = self._arg_titles()
        self.by_attacker: dict[str, list[str]] = {cid: [] for cid in amap.claims}
        for inf in self.infs:
            if inf.id not in shown:
                self.by_attacker[inf.premises[0]].append(f"+> {self.ref(inf.conclusion)}")
        for att in amap.attacks:
            self.by_attacker[att.attacker].append(f"-> {self.ref(att.target)}")
        for und in self.unds:
            self.by_attacker[und.attacker].append(f"_> {self.arg_ref(und.inference)}")

    def _claim_titles(self) -> dict[str, str]:
        titles, n = {}, 0
        for cid in self.amap.claims:
            if _usable_title(cid):
                titles[cid] = cid
                continue
            n += 1
            while f"claim {n}" in self.amap.claims:
                n += 1
            titles[cid] = f"claim {n}"
        return titles

    def _arg_titles(self) -> dict[str, tuple[str, dict[str, object]]]:
        out: dict[str, tuple[str, dict[str, object]]] = {}
        used: set[str] = set()
        for n, inf in enumerate(self.as_args, 1):
            data: dict[str, object]
            if inf.linked:
                title, data = inf.id, {}
            else:
                title = f"{inf.premises[0]} supports {inf.conclusion}"
                data = {"shorthand": True}
            if not _usable_title(title, argument=True) or title in used:
                title = f"inference {n}"
                data = data if not inf.linked else {"id": inf.id}
            used.add(title)
            out[inf.id] = (title, data)
        return out

    def ref(self, cid: str) -> str:
        title = self.titles[cid]
        return f"[{title}]" if title == cid else f"[{title}] {_flow({'id': cid})}"

    def arg_ref(self, iid: str) -> str:
        title, data = self.arg_titles[iid]
        return f"<{title}>" + (f" {_flow(data)}" if data else "")

    def front_matter(self) -> list[str]:
        front: dict[str, object] = {}
        if "title" in self.doc:
            front["title"] = self.doc["title"]
        meta = {
            k: v
            for k, v in self.doc.items()
            if k in ("source", "theme", "checks", "draft", "evaluation")
        }
        if meta:
            front["argmap"] = meta
        if not front:
            return []
        body = _json(front, indent=2, escape=_FRONT_ESCAPE)
        return ["===", body, "===", ""]

    def claim_lines(self, cid: str, body: dict[str, object]) -> list[str]:
        tags = list(self.amap.claims[cid].tags)
        data: dict[str, object] = {"id": cid} if self.titles[cid] != cid else {}
        data.update(
            {k: body[k] for k in _DATA_ORDER if k in body and (k != "tags" or not _hashtags(tags))}
        )
        line = f"[{self.titles[cid]}]: {escape_text(str(body['text']))}"
        if tags and _hashtags(tags):
            line += "".join(f" #({t})" for t in tags)
        return [line + f" {_flow(data)}"] + [f"    {r}" for r in self.by_attacker[cid]] + [""]

    def argument_lines(self, inf: Inference) -> list[str]:
        lines = [self.arg_ref(inf.id), ""]
        lines += [f"({n}) {self.ref(p)}" for n, p in enumerate(inf.premises, 1)]
        lines += ["----", f"({len(inf.premises) + 1}) {self.ref(inf.conclusion)}", ""]
        return lines

    def write(self) -> Exported:
        lines = self.front_matter()
        for cid, body in claim_dicts(self.amap).items():
            lines += self.claim_lines(cid, body)
        for inf in self.as_args:
            lines += self.argument_lines(inf)
        while lines and not lines[-1]:
            lines.pop()
        return Exported("\n".join(lines) + "\n", tuple(self.lost))


def dump_argdown(amap: ArgumentMap) -> Exported:
    """The map as Argdown text (deterministic; reads back into an equal map).

    Claim texts are written on one line, so line breaks inside a text become
    spaces. Inferences naming no claim cannot be written and are listed in
    :attr:`~argmap.io.exchange.Exported.lost`.
    """
    return _Writer(amap).write()
