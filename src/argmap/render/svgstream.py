"""Finish Graphviz's SVG in one pass: a parser target that writes as it reads.

:class:`Finisher` is the target of defusedxml's parser
(:func:`argmap.render.svg.finish_svg`) and takes over the element and text
callbacks of the expat parser inside it (:meth:`Finisher.attach`: expat's own
names, ``namespace}name``, and attribute lists, with no tree and no dict per
element); defusedxml's refusals of entity declarations and external
references stay on that parser. It writes the finished SVG as text chunks. Each element is
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

import re
from typing import Any

from argmap.errors import RenderError
from argmap.render.labels import xml_safe
from argmap.render.svgattrs import (
    SVG_NS,
    UNSAFE_TAGS,
    XLINK_NS,
    XML_NS,
    SvgExtras,
    escape_attr,
    escape_text,
    rewrite,
    safe_href,
    size_attributes,
)
from argmap.util.urls import url_scheme

_SVG = SVG_NS + "}"  # expat's names: "namespace}name"
_TITLE, _G, _A = _SVG + "title", _SVG + "g", _SVG + "a"
_UNSAFE = frozenset(tag.replace("{", "", 1) for tag in UNSAFE_TAGS)
_PREFIXES = {SVG_NS: "", XLINK_NS: "xlink", XML_NS: "xml"}
#: Attributes :func:`~argmap.render.svgattrs.rewrite` may change (``on…`` and ``id`` aside).
_REWRITTEN = frozenset({"href", XLINK_NS + "}href", "stroke-dasharray"})
_ESCAPED = re.compile(r'[&<>"\r\n\t]')


class _Open:
    """An element being written.

    Attributes:
        end: its end tag.
        at: the chunk list its start tag went to (its text and titles go there too).
        kids: where its other children go (``at``, or a linked group's collection).
        bare: its start tag still lacks its closing ``>`` (nothing written inside yet).
        drop_title: its first ``<title>`` child is yet to be dropped.
        insert: markup to write before its first kept child (a new title; the root's
            title and description).
        link: the start tag of the ``<a>`` its children go into, or None.
    """

    __slots__ = ("end", "at", "kids", "bare", "drop_title", "insert", "link")

    def __init__(self, end: str, at: list[str], bare: bool = True) -> None:
        self.end, self.at, self.kids, self.bare = end, at, at, bare
        self.drop_title = False
        self.insert: str | None = None
        self.link: str | None = None


class Finisher:
    """A parser target writing the finished SVG (see the module docstring).

    Args:
        extras: what to add (:class:`~argmap.render.svgattrs.SvgExtras`).
    """

    def __init__(self, extras: SvgExtras) -> None:
        self.extras, self.prefix = extras, extras.prefix
        self.out: list[str] = [""]  # [0]: the root's start tag, written at the end
        self.open: list[_Open] = []
        self.skipping = 0  # depth inside a dropped element
        self.tail: list[str] | None = None  # where text goes after an element ends
        self.names: dict[str, str] = {}
        self.ends: dict[str, str] = {}  # element → its end tag
        self.heads = {"id": ' id="'}  # attribute → ' name="', for those written directly
        self.spaces: dict[str, str] = {}  # namespace → prefix, in order of first use
        self.root_attrs = ""
        self.text = ""  # the finished SVG, once closed

    def attach(self, expat: Any) -> None:
        """Take the element and text callbacks of ``expat`` (an
        ``xml.parsers.expat`` parser with ``}`` as namespace separator and
        ``ordered_attributes`` set, as :class:`xml.etree.ElementTree.XMLParser` makes it)."""
        expat.StartElementHandler = self.start
        expat.EndElementHandler = self.end
        expat.CharacterDataHandler = self.data

    def _name(self, key: str) -> str:
        """The serialized name of expat's ``namespace}name`` (ElementTree's prefixes)."""
        name = self.names.get(key)
        if name is None:
            name = key
            if "}" in key:
                uri, local = key.rsplit("}", 1)
                prefix = self.spaces.get(uri)
                if prefix is None:
                    prefix = _PREFIXES.get(uri, f"ns{len(self.spaces)}")
                    if prefix != "xml":
                        self.spaces[uri] = prefix
                name = f"{prefix}:{local}" if prefix else local
            self.names[key] = name
        return name

    def _tag(self, tag: str, name: str, attrs: list[str]) -> str:
        """``<name k="v" …`` (without its closing ``>``) of element ``tag`` (serialized
        ``name``) with expat's flat attribute list, rewritten by
        :func:`~argmap.render.svgattrs.rewrite`."""
        heads = self.heads
        keys, values = attrs[::2], attrs[1::2]
        for key in keys:
            if key not in heads:
                if key in _REWRITTEN or key.startswith("on"):
                    return self._rewritten(tag, attrs)
                heads[key] = f' {self._name(key)}="'
        if "id" in keys:  # rewrite's first rule, before any url(#…) is looked for
            at = keys.index("id")
            values[at] = self.prefix + values[at]
        joined = "\0".join(values)  # no value holds NUL (XML has none)
        if "url(#" in joined:
            return self._rewritten(tag, attrs)
        if _ESCAPED.search(joined):
            values = [escape_attr(v) for v in values]
        return "<" + name + "".join([f'{heads[k]}{v}"' for k, v in zip(keys, values, strict=True)])

    def _rewritten(self, tag: str, attrs: list[str]) -> str:
        """:meth:`_tag` for an element whose attributes :func:`rewrite` changes."""
        attrib = {
            "{" + k if "}" in k else k: v for k, v in zip(attrs[::2], attrs[1::2], strict=True)
        }
        return self._tag_of(tag, rewrite(attrib, self.prefix))

    def _tag_of(self, tag: str, attrib: dict[str, str]) -> str:
        """``<name k="v" …`` of ``attrib`` (ElementTree names), as it is."""
        parts = [f"<{self._name(tag)}"]
        for key, value in attrib.items():
            parts.append(f' {self._name(key.replace("{", "", 1))}="{escape_attr(value)}"')
        return "".join(parts)

    def _written_in(self, el: _Open) -> None:
        """Something is written inside ``el``: close its start tag if still open."""
        if el.bare:
            el.at.append(">")
            el.bare = False

    def _kept_child(self, parent: _Open, tag: str) -> list[str]:
        """Make room for a kept child of ``parent``; the chunk list it goes to."""
        if parent.bare:
            parent.at.append(">")
            parent.bare = False
        if parent.insert is not None:
            parent.at.append(parent.insert)
            parent.insert = None
        return parent.at if tag == _TITLE else parent.kids

    def start(self, tag: str, attrs: list[str]) -> None:
        """An element starts (expat's name and flat attribute list)."""
        if self.skipping:
            self.skipping += 1
            return
        if not self.open:
            self._root(tag, attrs)
            return
        parent = self.open[-1]
        if tag in _UNSAFE or (tag == _TITLE and parent.drop_title):
            parent.drop_title = parent.drop_title and tag != _TITLE
            self.skipping = 1
            return
        if parent.bare or parent.insert is not None:
            self._kept_child(parent, tag)
        at = parent.at if tag == _TITLE else parent.kids
        name = self.names.get(tag) or self._name(tag)
        el = _Open(self.ends.get(tag) or self.ends.setdefault(tag, f"</{name}>"), at)
        if tag == _G:
            self._group(el, attrs)
        at.append(self._tag(tag, name, attrs))
        self.open.append(el)
        self.tail = None

    def _group(self, el: _Open, attrs: list[str]) -> None:
        """Plan a ``<g>``'s changes from its id and class as Graphviz wrote them."""
        attrib = dict(zip(attrs[::2], attrs[1::2], strict=True))
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
            link = {"{" + XLINK_NS + "}href": xml_safe(url)}
            link["target"] = "_blank" if external else "_top"
            if external:
                link["rel"] = "noopener noreferrer"
            el.link = self._tag_of(_A, rewrite(link, self.prefix))
            el.kids = []

    def data(self, text: str) -> None:
        """Character data: the text of the innermost open element, or the text after
        the element that just ended (dropped after a dropped element)."""
        if self.skipping:
            return
        if "&" in text or "<" in text or ">" in text:
            text = escape_text(text)
        if self.tail is not None:
            self.tail.append(text)
        elif self.open:
            el = self.open[-1]
            if el.bare:
                el.at.append(">")
                el.bare = False
            el.at.append(text)

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
            el.at.append(f"{el.link}>\n{''.join(el.kids)}</a>\n")
        el.at.append(" />" if el.bare else el.end)
        self.tail = el.at

    def _root(self, tag: str, attrs: list[str]) -> None:
        """The ``<svg>`` root: its new attributes now, its start tag at :meth:`close`."""
        if tag != _SVG + "svg":
            name = "{" + tag if "}" in tag else tag
            raise RenderError(f"Graphviz wrote no <svg> root but {name!r}")
        extras, p = self.extras, self.prefix
        view_box = dict(zip(attrs[::2], attrs[1::2], strict=True)).get("viewBox", "")
        attrib = {
            **size_attributes(view_box, extras.width),
            "viewBox": view_box,
            "role": "img",
            "aria-labelledby": f"{p}title",
            "aria-describedby": f"{p}desc",
        }
        self.root_attrs = "".join(f' {k}="{escape_attr(v)}"' for k, v in attrib.items())
        root = _Open(f"</{self._name(tag)}>", self.out, bare=False)
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
        self.out[0] = f"<{self.names.get(_SVG + 'svg', 'svg')}{spaces}{self.root_attrs}>"
        self.text = "".join(self.out)
