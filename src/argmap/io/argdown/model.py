"""The second half of the Argdown reader: from statements, arguments and relations to a map.

:mod:`argmap.io.argdown.reader` collects what the files say; :func:`assemble` decides
what it means in argmap's model: a sketched argument (no premise–conclusion
structure) is a claim, a reconstructed one a chain of linked inferences;
support and attack of a reconstructed argument concern its conclusion, an
undercut its last inference (or the inference step it is written under).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from argmap.io.builder import MapBuilder, MapMeta, safe_id
from argmap.io.exchange import Imported
from argmap.io.tree import Map, Scalar
from argmap.io.yaml.fields import ClaimFields
from argmap.model import Position

#: Relation symbols: (relation, direction); -1 means the child relates to its parent.
SYMBOLS: dict[str, tuple[str, int]] = {
    "+": ("support", -1),
    "<+": ("support", -1),
    "+>": ("support", 1),
    "-": ("attack", -1),
    "<-": ("attack", -1),
    "->": ("attack", 1),
    "_": ("undercut", -1),
    "<_": ("undercut", -1),
    "_>": ("undercut", 1),
    "><": ("contradiction", 1),
}


class Ref(NamedTuple):
    """What one line of a relation tree or premise–conclusion structure names.

    Attributes:
        kind: ``"stmt"`` (a statement), ``"arg"`` (an argument) or ``"step"``
            (an inference line of a premise–conclusion structure).
        name: the statement's claim id, or the argument's title.
        step: for ``"step"``, the inference line's index in its argument (from 0).
    """

    kind: Literal["stmt", "arg", "step"]
    name: str
    step: int = 0


#: A relation as written: (symbol, parent line, child line, position of the symbol).
Relation = tuple[str, Ref, Ref, Position]


@dataclass
class ClaimDraft:
    """A statement (equivalence class) while reading.

    Attributes:
        cid: its claim id.
        title: its Argdown title (the text when it is never given one).
        pos: where it is defined (or first named).
        text: its text; None until defined.
        order: sort key: ``(0, n)`` for the n-th definition, ``(1, n)`` when never defined.
        tags: hashtags and heading groups, in order (a dict used as an ordered set).
        fields: validated claim fields from its ``{...}`` data.
        pinned: its text is the one marked ``{isCanonical: true}``.
    """

    cid: str
    title: str
    pos: Position
    text: str | None = None
    order: tuple[int, int] = (1, 0)
    tags: dict[str, None] = field(default_factory=dict)
    fields: ClaimFields = field(default_factory=ClaimFields)
    pinned: bool = False


@dataclass
class ArgDraft:
    """An argument while reading.

    Attributes:
        title: its title.
        pos: where it is described (or first named).
        description: its first description, if any.
        order: as for :class:`ClaimDraft`.
        tags: its hashtags, in order (a dict used as an ordered set).
        data: its ``{...}`` data (``id``, ``shorthand``, claim fields).
        steps: its premise–conclusion structure: ``(premise ids, conclusion id,
            position of the inference line)`` per inference step.
    """

    title: str
    pos: Position
    description: str | None = None
    order: tuple[int, int] = (1, 0)
    tags: dict[str, None] = field(default_factory=dict)
    data: Map | None = None
    steps: list[tuple[list[str], str, Position]] = field(default_factory=list)


def add_tags(tags: dict[str, None], more: Iterable[str]) -> None:
    """Add to the ordered set ``tags`` each tag of ``more`` it does not hold yet, in order."""
    for tag in more:
        tags.setdefault(tag)


def _scalar(data: Map | None, key: str) -> object:
    node = data.pairs.get(key, (None, None))[1] if data is not None else None
    return node.value if isinstance(node, Scalar) else None


class _Assembly:
    """Adds claims, inferences and relations to the builder in a stable order."""

    def __init__(self, b: MapBuilder, claims: dict[str, ClaimDraft], args: dict[str, ArgDraft]):
        self.b = b
        self.drafts = dict(claims)
        self.args = args
        self.arg_claim: dict[str, str] = {}
        self.step_ids: dict[str, list[str]] = {}
        self.conclusion: dict[str, str] = {}
        self.supports_of: dict[str, list[str]] | None = None

    def sketched_arguments(self) -> None:
        for title, arg in self.args.items():
            if arg.steps:
                continue
            stored = _scalar(arg.data, "id")
            cid = (
                str(stored).replace("->", "→")
                if isinstance(stored, (str, int))
                else safe_id(title)
            )
            if cid in self.drafts:
                cid = f"{cid} (argument)"
            if arg.description is None:
                self.b.note(
                    arg.pos, f"argument <{title}> has no description: its title is its text"
                )
            draft = ClaimDraft(
                cid, title, arg.pos, arg.description or title, arg.order, dict(arg.tags)
            )
            if arg.data is not None:
                draft.fields = self.b.claim_fields(cid, arg.data, arg.pos)
            self.drafts[cid] = draft
            self.arg_claim[title] = cid

    def claims(self) -> None:
        for draft in sorted(self.drafts.values(), key=lambda d: d.order):
            if draft.text is None:
                self.b.note(
                    draft.pos,
                    f"statement [{draft.title}] is never given a text: its title is its text",
                )
                draft.text = draft.title
            fields = draft.fields.copy()
            tags = dict(draft.tags)
            add_tags(tags, fields.pop("tags", ()))
            if tags:
                fields["tags"] = tuple(tags)
            self.b.add_claim(draft.cid, draft.text, draft.pos, fields)

    def inferences(self) -> None:
        for title, arg in self.args.items():
            if not arg.steps:
                continue
            if arg.description is not None:
                self.b.note(
                    arg.pos,
                    f"the description of argument <{title}> is not kept: "
                    "argmap keeps its premises and conclusion",
                )
            stored = _scalar(arg.data, "id")
            main = str(stored) if isinstance(stored, (str, int)) else safe_id(title)
            ids = []
            for k, (premises, conclusion, pos) in enumerate(arg.steps, 1):
                last = k == len(arg.steps)
                if last and _scalar(arg.data, "shorthand") is True and len(premises) == 1:
                    ids.append(self.b.add_inference(premises, conclusion, pos))
                else:
                    ids.append(
                        self.b.add_inference(
                            premises, conclusion, pos, main if last else f"{main} ({k})"
                        )
                    )
            self.step_ids[title] = ids
            self.conclusion[title] = arg.steps[-1][1]

    def node(self, ref: Ref, pos: Position) -> str | None:
        """The claim a statement or argument stands for in a support or attack."""
        if ref.kind == "stmt":
            return ref.name
        if ref.kind == "arg":
            return self.arg_claim.get(ref.name) or self.conclusion.get(ref.name)
        if ref.kind == "step":
            self.b.note(
                pos,
                "support or attack of an inference line is not kept: "
                "argmap attacks inferences by undercuts only",
            )
        return None

    def inference_of(self, ref: Ref, pos: Position) -> str | None:
        """The inference an undercut is aimed at."""
        if ref.kind == "step":
            ids = self.step_ids.get(ref.name, [])
            return ids[ref.step] if ref.step < len(ids) else None
        if ref.kind == "arg" and ref.name in self.step_ids:
            return self.step_ids[ref.name][-1]
        cid = self.node(ref, pos)
        if self.supports_of is None:
            self.supports_of = {}
            for iid, (inf, _) in self.b.inferences.items():
                if len(inf.premises) == 1:
                    self.supports_of.setdefault(inf.premises[0], []).append(iid)
        found = self.supports_of.get(cid, []) if cid is not None else []
        if len(found) == 1:
            return found[0]
        self.b.note(
            pos,
            f"the undercut of {cid} is not kept: argmap undercuts a support, and {cid} "
            f"supports {'no claim' if not found else 'several claims'}",
        )
        return None

    def relations(self, relations: list[Relation]) -> None:
        undercuts: list[tuple[Ref, Ref, Position]] = []
        for symbol, parent, child, pos in relations:
            relation, direction = SYMBOLS[symbol]
            src, dst = (child, parent) if direction < 0 else (parent, child)
            if relation == "undercut":
                undercuts.append((src, dst, pos))
                continue
            a, c = self.node(src, pos), self.node(dst, pos)
            if a is None or c is None:
                continue
            if relation == "support" and a == c and "arg" in (src.kind, dst.kind):
                continue  # an argument and its own conclusion: its last inference says it
            if relation == "support":
                self.b.add_inference([a], c, pos)
            else:
                self.b.add_attack(a, c, pos)
                if relation == "contradiction":
                    self.b.add_attack(c, a, pos)
        for src, dst, pos in undercuts:
            attacker, inference = self.node(src, pos), self.inference_of(dst, pos)
            if attacker is not None and inference is not None:
                self.b.add_undercut(attacker, inference, pos)


def assemble(
    b: MapBuilder,
    claims: dict[str, ClaimDraft],
    args: dict[str, ArgDraft],
    relations: list[Relation],
    meta: MapMeta,
) -> Imported:
    """Build the map from what the Argdown reader collected.

    Raises:
        MapLoadError: any problem recorded while reading or found here.
    """
    work = _Assembly(b, claims, args)
    work.sketched_arguments()
    work.claims()
    work.inferences()
    work.relations(relations)
    return b.build(**meta)
