"""The statements and arguments part of the Argdown reader: ids, texts, data, links.

:class:`MemberReader` is a base of the reader in :mod:`argmap.io.argdown.reader`;
it turns each :class:`~argmap.io.argdown.member.Member` into the drafts that
:func:`argmap.io.argdown.model.assemble` builds the map from.
"""

from __future__ import annotations

import re

from argmap.io.argdown.data import compose_data
from argmap.io.argdown.member import Member
from argmap.io.argdown.model import ArgDraft, ClaimDraft, add_tags
from argmap.io.builder import DATA_KEYS, MapBuilder, safe_id
from argmap.io.tree import Map, Scalar
from argmap.io.yaml.parse import YamlError
from argmap.model import Position


def _scalar_is(data: Map, key: str, value: object) -> bool:
    node = data.pairs.get(key, (None, None))[1]
    return isinstance(node, Scalar) and node.value is value


class MemberReader:
    """Statements and arguments into drafts; the reader sets these attributes.

    Attributes:
        b: the map builder (errors and notes go there).
        claims: claim drafts by claim id.
        titles: claim id by statement title.
        args: argument drafts by title.
        anonymous: how many untitled statements have been read.
        heading: the current heading, if any.
    """

    b: MapBuilder
    claims: dict[str, ClaimDraft]
    titles: dict[str, str]
    args: dict[str, ArgDraft]
    anonymous: int
    heading: str | None

    def tick(self) -> tuple[int, int]:
        """The next sort key of a definition (see :class:`ClaimDraft`)."""
        raise NotImplementedError

    def _data(self, member: Member, allowed: tuple[str, ...] = ()) -> Map | None:
        merged: Map | None = None
        for raw, pos in member.data:
            try:
                node = compose_data(raw, pos)
            except YamlError as exc:
                self.b.errors.append(exc.finding)
                continue
            if node is not None and not isinstance(node, Map):
                self.b.error(pos, "the data in { } must be a mapping (key: value)")
                continue
            merged = merged or Map({}, pos.line, pos.column)
            merged.pairs.update(node.pairs if node is not None else {})
        for key, (knode, _) in merged.pairs.items() if merged and allowed else ():
            if key not in allowed:
                self.b.note(
                    Position(member.pos.file, knode.line, knode.column),
                    f"data key {key!r} has no place in argmap: not kept",
                )
        return merged

    def _statement(self, member: Member) -> ClaimDraft:
        data = self._data(member, ("id", "isCanonical", *DATA_KEYS))
        if member.kind == "anon":
            self.anonymous += 1
            while f"s{self.anonymous}" in self.claims:
                self.anonymous += 1
            cid = f"s{self.anonymous}"
        else:
            cid = self.titles.get(member.title) or self._new_id(member, data)
            self.titles[member.title] = cid
        claim = self.claims.setdefault(cid, ClaimDraft(cid, member.title or cid, member.pos))
        add_tags(claim.tags, member.tags)
        if data is not None:
            claim.fields.update(self.b.claim_fields(cid, data, member.pos))
        self._links(claim, member)
        if member.text and (member.defined or member.kind == "anon"):
            canonical = data is not None and _scalar_is(data, "isCanonical", True)
            self._define(claim, member.text, member.pos, canonical)
        elif member.text:
            self.b.note(
                member.pos,
                f"text after the reference [{member.title}] is not kept; "
                f"write [{member.title}]: to define the statement",
            )
        return claim

    def _links(self, claim: ClaimDraft, member: Member) -> None:
        """A link's web address becomes the claim's source when it has none; others are noted."""
        for url, pos in member.links:
            if "source" not in claim.fields and re.match(r"https?://\S+$", url):
                node = Map(
                    {
                        "source": (
                            Scalar("source", pos.line, pos.column),
                            Scalar(url, pos.line, pos.column),
                        )
                    },
                    pos.line,
                    pos.column,
                )
                claim.fields.update(self.b.claim_fields(claim.cid, node, pos))
                if claim.fields.get("source") == url:
                    continue
            self.b.note(
                pos,
                f"the link to {url!r} is not kept (the claim keeps one source); "
                "its words stay in the text",
            )

    def _new_id(self, member: Member, data: Map | None) -> str:
        stored = data.pairs.get("id") if data is not None else None
        if stored and isinstance(stored[1], Scalar):
            raw = str(stored[1].value)
            cid = raw.replace("->", "→")  # an id given in data is kept as written
        else:
            raw = member.title
            cid = safe_id(raw)
        if cid != raw:
            self.b.note(member.pos, f"title {raw!r} becomes the claim id {cid!r}")
        return cid

    def _define(self, claim: ClaimDraft, text: str, pos: Position, canonical: bool) -> None:
        """Give ``claim`` a text; of several, the last (or the ``isCanonical`` one) is kept.

        That is the Argdown model's canonical member (``getCanonicalMember`` in
        ``@argdown/core``): the last statement of the class that is not a mere
        reference, unless one says ``{isCanonical: true}``.
        """
        if claim.text is None:
            claim.text, claim.pos, claim.order = text, pos, self.tick()
            claim.pinned = canonical
            if self.heading:
                claim.tags.setdefault(f"group:{self.heading}")
            return
        if claim.text == text:
            return
        if claim.pinned and not canonical:
            kept, dropped = claim.text, text
        else:
            kept, dropped = text, claim.text
            claim.text, claim.pos, claim.pinned = text, pos, canonical
        self.b.note(
            pos,
            f"statement [{claim.title}] has several texts; as in Argdown the last one "
            f"(or the one with {{isCanonical: true}}) is kept: {kept!r}, not {dropped!r}",
        )

    def _argument(self, member: Member) -> ArgDraft:
        arg = self.args.setdefault(member.title, ArgDraft(member.title, member.pos))
        add_tags(arg.tags, member.tags)
        for url, pos in member.links:
            self.b.note(
                pos, f"the link to {url!r} in an argument is not kept; its words stay in the text"
            )
        data = self._data(member, ("id", "shorthand", *DATA_KEYS))
        arg.data = data if data is not None else arg.data
        if member.text and arg.description is None:
            arg.description, arg.pos, arg.order = member.text, member.pos, self.tick()
            if self.heading:
                arg.tags.setdefault(f"group:{self.heading}")
        elif arg.order == (1, 0):
            arg.order = (1, self.tick()[1])
        return arg
