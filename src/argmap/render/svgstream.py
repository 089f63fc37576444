"""Finish Graphviz's SVG in one pass: a parser target that writes as it reads.

:class:`Finisher` receives the parser's events (``start``, ``data``, ``end``,
``close``: the target interface of :class:`xml.etree.ElementTree.XMLParser`,
driven by defusedxml's parser in :func:`argmap.render.svg.finish_svg`) and
writes the finished SVG as text chunks; no tree is built. Each element is
written as ElementTree would serialize the rewritten tree, so the bytes are
those of the earlier tree-based finisher:

* an element of :data:`~argmap.render.svgattrs.UNSAFE_TAGS` is skipped with all
  it holds and the text after it;
* a ``<g>`` whose class holds ``graph`` loses its first ``<title>`` child; a
  ``<g>`` with a tooltip gets a new first ``<title>`` instead of its old one;
  a ``<g>`` with a safe link keeps its titles and gets the rest of its children
  inside one ``<a>`` (collected while its children are read);
* every kept element's attributes go through :func:`~argmap.render.svgattrs.rewrite`;
* the root gets its size, role and labels, then the ``<title>`` and ``<desc>``
  of the map as its first children; its start tag is written last, once the
  namespaces used are known (``xmlns:xlink`` only when a link is kept).

Memory beyond the output is the open elements and one linked group's children.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.render.labels import xml_safe
from argmap.render.svgattrs import (
    HREF,
    SVG_NS,
    UNSAFE_TAGS,
    XLINK_NS,
    XML_NS,
    S,
    SvgExtras,
    escape_attr,
    escape_text,
    rewrite,
    safe_href,
    size_attributes,
)
from argmap.util.urls import url_scheme

_TITLE = S + "title"
_PREFIXES = {SVG_NS: "", XLINK_NS: "xlink", XML_NS: "xml"}


@dataclass
class _Open:
    """An element being written.

    Attributes:
        name: its serialized name (for the end tag).
        at: the chunk list its start tag went to (its text and titles go there too).
        kids: where its other children go (``at``, or a linked group's collection).
        bare: its start tag still lacks its closing ``>`` (nothing written inside yet).
        drop_title: its first ``<title>`` child is yet to be dropped.
        insert: markup to write before its first kept child (a new title; the root's
            title and description).
        link: the start tag of the ``<a>`` its children go into, or None.
    """

    name: str
    at: list[str]
    kids: list[str]
    bare: bool = True
    drop_title: bool = False
    insert: str | None = None
    link: str | None = None
    collected: list[str] = field(default_factory=list)


class Finisher:
    """A parser target writing the finished SVG (see the module docstring).

    Args:
        extras: what to add (:class:`~argmap.render.svgattrs.SvgExtras`).
    """

    def __init__(self, extras: SvgExtras) -> None:
        self.extras = extras
        self.out: list[str] = [""]  # [0]: the root's start tag, written at the end
        self.open: list[_Open] = []
        self.skipping = 0  # depth inside a dropped element
        self.tail: list[str] | None = None  # where text goes after an element ends
        self.names: dict[str, str] = {}
        self.spaces: dict[str, str] = {}  # namespace → prefix, in order of first use
        self.root_attrs = ""
        self.text = ""  # the finished SVG, once closed

    def _name(self, key: str) -> str:
        """The serialized name of ``{namespace}name`` (ElementTree's prefixes)."""
        name = self.names.get(key)
        if name is None:
            name = key
            if key[:1] == "{":
                uri, local = key[1:].rsplit("}", 1)
                prefix = self.spaces.get(uri)
                if prefix is None:
                    prefix = _PREFIXES.get(uri, f"ns{len(self.spaces)}")
                    if prefix != "xml":
                        self.spaces[uri] = prefix
                name = f"{prefix}:{local}" if prefix else local
            self.names[key] = name
        return name

    def _tag(self, tag: str, attrib: dict[str, str]) -> str:
        """``<name k="v" …`` (without its closing ``>``)."""
        parts = [f"<{self._name(tag)}"]
        for key, value in attrib.items():
            parts.append(f' {self._name(key)}="{escape_attr(value)}"')
        return "".join(parts)

    def _written_in(self, el: _Open) -> None:
        """Something is written inside ``el``: close its start tag if still open."""
        if el.bare:
            el.at.append(">")
            el.bare = False

    def _kept_child(self, parent: _Open, tag: str) -> list[str]:
        """Make room for a kept child of ``parent``; the chunk list it goes to."""
        self._written_in(parent)
        if parent.insert is not None:
            parent.at.append(parent.insert)
            parent.insert = None
        return parent.at if tag == _TITLE else parent.kids

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """An element starts (``attrib`` in document order, ElementTree names)."""
        if self.skipping:
            self.skipping += 1
            return
        if not self.open:
            self._root(tag, attrib)
            return
        parent = self.open[-1]
        if tag in UNSAFE_TAGS or (tag == _TITLE and parent.drop_title):
            parent.drop_title = parent.drop_title and tag != _TITLE
            self.skipping = 1
            return
        at = self._kept_child(parent, tag)
        el = _Open(self._name(tag), at, at)
        if tag == S + "g":
            self._group(el, attrib)
        at.append(self._tag(tag, rewrite(attrib, self.extras.prefix)))
        self.open.append(el)
        self.tail = None

    def _group(self, el: _Open, attrib: dict[str, str]) -> None:
        """Plan a ``<g>``'s changes from its id and class as Graphviz wrote them."""
        gid, titles = attrib.get("id", ""), self.extras.titles
        if "graph" in attrib.get("class", "").split():
            el.drop_title = True
        elif gid in titles:
            el.drop_title = True
            text = escape_text(xml_safe(titles[gid]))
            el.insert = (f"<title>{text}</title>" if text else "<title />") + "\n"
        url = self.extras.links.get(gid)
        if url and safe_href(url):
            external = url_scheme(url) is not None
            attrs = {HREF: xml_safe(url), "target": "_blank" if external else "_top"}
            if external:
                attrs["rel"] = "noopener noreferrer"
            el.link = self._tag(S + "a", rewrite(attrs, self.extras.prefix))
            el.kids = el.collected

    def data(self, text: str) -> None:
        """Character data: the text of the innermost open element, or the text after
        the element that just ended (dropped after a dropped element)."""
        if self.skipping:
            return
        if self.tail is not None:
            self.tail.append(escape_text(text))
        elif self.open:
            el = self.open[-1]
            self._written_in(el)
            el.at.append(escape_text(text))

    def end(self, tag: str) -> None:
        """An element ends: write what it still lacks and its end tag."""
        if self.skipping:
            self.skipping -= 1
            if not self.skipping:
                self.tail = []  # the dropped element's tail is dropped with it
            return
        el = self.open.pop()
        if el.insert is not None:
            self._kept_child(el, _TITLE)
        if el.link is not None:
            self._written_in(el)
            el.at.append(f"{el.link}>\n{''.join(el.collected)}</a>\n")
        el.at.append(" />" if el.bare else f"</{el.name}>")
        self.tail = el.at

    def _root(self, tag: str, attrib: dict[str, str]) -> None:
        """The ``<svg>`` root: its new attributes now, its start tag at :meth:`close`."""
        if tag != S + "svg":
            raise RenderError(f"Graphviz wrote no <svg> root but {tag!r}")
        extras, p = self.extras, self.extras.prefix
        view_box = attrib.get("viewBox", "")
        attrs = {
            **size_attributes(view_box, extras.width),
            "viewBox": view_box,
            "role": "img",
            "aria-labelledby": f"{p}title",
            "aria-describedby": f"{p}desc",
        }
        self.root_attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in attrs.items())
        root = _Open(self._name(tag), self.out, self.out, bare=False)
        parts = []
        for name, text in (("title", extras.title), ("desc", extras.desc)):
            body = escape_text(xml_safe(text))
            head = f'<{name} id="{escape_attr(p + name)}"'
            parts.append((f"{head}>{body}</{name}>" if body else f"{head} />") + "\n")
        root.insert = "".join(parts)
        self.open.append(root)

    def close(self) -> None:
        """The document ended: :attr:`text` is the finished SVG (the root element,
        without XML declaration)."""
        declared = sorted(self.spaces.items(), key=lambda item: item[1])
        spaces = "".join(
            f' xmlns{":" + prefix if prefix else ""}="{escape_attr(uri)}"'
            for uri, prefix in declared
        )
        self.out[0] = f"<{self.names.get(S + 'svg', 'svg')}{spaces}{self.root_attrs}>"
        self.text = "".join(self.out)
