"""OOXML namespaces and small element helpers shared by the DOCX modules."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V_NS = "urn:schemas-microsoft-com:vml"
O_NS = "urn:schemas-microsoft-com:office:office"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


def q(ns: str, tag: str) -> str:
    """Clark name in any namespace."""
    return f"{{{ns}}}{tag}"


def remove(el: etree._Element) -> None:
    """Remove an element, keeping the tail text of mixed content (rare in OOXML)."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def unwrap(el: etree._Element) -> None:
    """Replace an element by its children (accepting a tracked insertion)."""
    parent = el.getparent()
    if parent is None:
        return
    idx = parent.index(el)
    for offset, child in enumerate(list(el)):
        parent.insert(idx + offset, child)
    parent.remove(el)


def is_off(el: etree._Element) -> bool:
    """True when an on/off property such as w:vanish is explicitly switched off."""
    return el.get(w("val"), "true").lower() in {"0", "false", "off"}
