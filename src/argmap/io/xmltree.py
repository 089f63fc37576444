"""Parse untrusted XML into a small tree whose elements know their line and column.

The parser is defusedxml's SAX reader (expat with entity expansion, external
entities and DTD retrieval refused), so a hostile file cannot make argmap
expand entities or fetch anything; expat reads in linear time. Elements are
collected with an explicit stack (no recursion), so deep nesting is no risk.
Malformed XML is refused with expat's line and column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.expatreader import ExpatLocator
from xml.sax.handler import ContentHandler, feature_namespaces
from xml.sax.xmlreader import Locator

from defusedxml.sax import make_parser

from argmap.errors import MapLoadError
from argmap.findings import invalid


@dataclass
class XmlElement:
    """One element.

    Attributes:
        tag: ``"{namespace}name"``, or ``"name"`` outside any namespace.
        attrib: attributes by local name (namespaced ones as ``"{namespace}name"``).
        line: 1-based line of its start tag.
        column: 1-based column of its start tag's ``<``.
        children: child elements in document order.
        text: all character data directly inside it (CDATA included), joined.
    """

    tag: str
    attrib: dict[str, str]
    line: int
    column: int
    children: list[XmlElement] = field(default_factory=list)
    text: str = ""

    @property
    def local(self) -> str:
        """The tag without its namespace."""
        return self.tag.rsplit("}", 1)[-1]

    def iter(self) -> list[XmlElement]:
        """This element and every element below it, in document order."""
        out, stack = [], [self]
        while stack:
            element = stack.pop()
            out.append(element)
            stack.extend(reversed(element.children))
        return out


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.stack: list[XmlElement] = []
        self.root: XmlElement | None = None
        self.texts: list[list[str]] = []

    def setDocumentLocator(self, locator: Locator) -> None:  # noqa: N802 (SAX's name)
        self.locator = locator

    def startElementNS(self, name, qname, attrs) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        def named(pair: tuple[str | None, str]) -> str:
            return f"{{{pair[0]}}}{pair[1]}" if pair[0] else pair[1]

        line = (self.locator.getLineNumber() or 1) if self.locator else 1
        column = (self.locator.getColumnNumber() or 0) + 1 if self.locator else 1
        element = XmlElement(named(name), {named(k): v for k, v in attrs.items()}, line, column)
        if self.stack:
            self.stack[-1].children.append(element)
        else:
            self.root = element
        self.stack.append(element)
        self.texts.append([])

    def endElementNS(self, name, qname) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.stack.pop().text = "".join(self.texts.pop())

    def characters(self, content: str) -> None:
        if self.texts:
            self.texts[-1].append(content)


def parse_xml(text: str, path: str, what: str) -> XmlElement:
    """The root element of ``text``.

    Args:
        text: the document (already decoded; an encoding declaration is ignored).
        path: the file named in messages.
        what: the format's name for messages (``"arggraph XML"``).

    Raises:
        MapLoadError: malformed XML at expat's line and column, or a DTD or
            entity declaration (refused at line 1, column 1 when expat does not
            say where).
    """
    handler = _Builder()
    parser = make_parser()
    parser.setFeature(feature_namespaces, True)
    parser.setContentHandler(handler)
    handler.locator = ExpatLocator(parser)  # parse() would set it; feed() does not
    try:
        parser.feed(text.lstrip("\ufeff"))
        parser.close()
    except SAXParseException as exc:
        line, column = exc.getLineNumber() or 1, (exc.getColumnNumber() or 0) + 1
        message = f"this {what} file is not well-formed XML: {exc.getMessage()}"
        raise MapLoadError([invalid(path, line, column, message)]) from None
    except ValueError as exc:  # defusedxml's refusals (DTD, entities)
        locator = handler.locator
        line = locator.getLineNumber() if locator else 1
        kind = {
            "DTDForbidden": "a document type (DTD)",
            "EntitiesForbidden": "an entity",
            "ExternalReferenceForbidden": "an external reference",
        }.get(type(exc).__name__, "a construct argmap does not read")
        message = (
            f"this {what} file declares {kind}, which could make a reader fetch files or "
            f"expand text without end: argmap refuses it; remove the declaration ({exc})"
        )
        raise MapLoadError([invalid(path, line or 1, 1, message)]) from None
    assert handler.root is not None
    return handler.root
