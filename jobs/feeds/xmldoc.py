"""Safe XML: defusedxml refuses entities and external references, so no XXE and no bombs."""

from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring


class XmlRefusedError(ValueError):
    """The document is not well-formed XML or tries something XML must not do here."""


def parse_xml(data: bytes) -> Element:
    """Parse a document without resolving any entity or external reference."""
    try:
        root: Element = fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise XmlRefusedError(f"XML geweigerd ({type(error).__name__})") from None
    except ParseError as error:
        raise XmlRefusedError(f"geen geldige XML ({error})") from None
    return root


def local(tag: Any) -> str:
    """Return an element's tag without its namespace, in lower case."""
    return str(tag).rsplit("}", 1)[-1].lower()


def child_texts(element: Element) -> dict[str, str]:
    """Return the text of each direct child by local tag name (the first one wins)."""
    texts: dict[str, str] = {}
    for child in element:
        name = local(child.tag)
        if name not in texts:
            texts[name] = "".join(child.itertext()).strip()
    return texts
