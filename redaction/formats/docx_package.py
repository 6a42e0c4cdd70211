"""Package level of a DOCX: which parts survive, their relationships and the metadata."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from lxml import etree

from redaction.formats.base import FormatError
from redaction.formats.ooxml import CT_NS, PKG_REL_NS, W_NS, q, remove, w
from redaction.formats.safety import parse_xml

# Relationship types (last path segment) whose targets carry content we never release:
# comments and their authors, customXml data stores, custom properties, thumbnails of the
# first page, OLE/ActiveX/macros, glossary building blocks, charts and SmartArt data
# (their cached text and embedded workbooks), imported chunks and sub-documents.
DROPPED_REL_TYPES = {
    "comments", "commentsExtended", "commentsIds", "commentsExtensible", "people",
    "customXml", "custom-properties", "thumbnail", "oleObject", "package", "control",
    "activeXControlBinary", "vbaProject", "wordVbaData", "keyMapCustomizations",
    "glossaryDocument", "chart", "chartUserShapes", "diagramData", "diagramLayout",
    "diagramQuickStyle", "diagramColors", "diagramDrawing", "aFChunk", "subDocument",
    "printerSettings", "attachedTemplate", "mailMergeSource", "mailMergeHeaderSource",
    "recipientData", "frame", "webextension", "webextensiontaskpanes", "digital-signature",
    "origin", "signature", "customData", "classificationlabels", "sensitivityLabels",
}
IMAGE_REL_TYPES = {"image", "hdphoto", "media", "video", "audio"}
KEPT_EXTERNAL_TYPES = {"hyperlink"}

CORE_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:dcterms="http://purl.org/dc/terms/"/>'
)
APP_PROPS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"><Application>Microsoft Office Word</Application></Properties>'
)
# settings.xml children that name people, paths or data sources, or fingerprint sessions.
SETTINGS_DROPPED = {
    "attachedTemplate", "docVars", "rsids", "mailMerge", "documentProtection",
    "writeProtection", "saveThroughXslt", "trackRevisions", "linkStyles",
}


@dataclass
class Package:
    """Parsed parts that survive, plus the external hyperlinks whose targets we redact."""

    parts: dict[str, bytes]
    xml: dict[str, etree._Element] = field(default_factory=dict)
    hyperlinks: list[etree._Element] = field(default_factory=list)


def rels_path(part: str) -> str:
    """Path of the relationships part belonging to `part` ('' is the package root)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _target(source: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), target))


def prune(parts: dict[str, bytes], keep_images: bool) -> Package:
    """Keep only parts reachable through allowed relationships; drop the rest."""
    if "[Content_Types].xml" not in parts or "_rels/.rels" not in parts:
        raise FormatError("not a valid DOCX file (package structure missing)")
    pkg = Package(parts={})
    seen: set[str] = set()
    queue = [""]
    main_found = False
    while queue:
        source = queue.pop()
        rpath = rels_path(source)
        if rpath not in parts:
            continue
        root = parse_xml(parts[rpath])
        pkg.xml[rpath] = root
        for rel in list(root):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            if rel.get("TargetMode") == "External":
                if kind in KEPT_EXTERNAL_TYPES:
                    pkg.hyperlinks.append(rel)
                else:
                    remove(rel)
                continue
            target = _target(source, rel.get("Target", ""))
            dropped = kind in DROPPED_REL_TYPES or (not keep_images and kind in IMAGE_REL_TYPES)
            if dropped or target not in parts or target.startswith(".."):
                remove(rel)
                continue
            if kind == "officeDocument" and source == "":
                main_found = True
            if target not in seen:
                seen.add(target)
                queue.append(target)
    if not main_found:
        raise FormatError("not a valid DOCX file (no main document part)")
    for name in seen:
        pkg.parts[name] = parts[name]
    pkg.parts["[Content_Types].xml"] = parts["[Content_Types].xml"]
    _scrub_metadata(pkg)
    _prune_content_types(pkg)
    return pkg


def _scrub_metadata(pkg: Package) -> None:
    root = pkg.xml.get("_rels/.rels")
    assert root is not None
    for rel in root:
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        target = _target("", rel.get("Target", ""))
        if kind == "core-properties":
            pkg.parts[target] = CORE_PROPS
        elif kind == "extended-properties":
            pkg.parts[target] = APP_PROPS


def _prune_content_types(pkg: Package) -> None:
    root = parse_xml(pkg.parts["[Content_Types].xml"])
    for el in list(root):
        if el.tag == q(CT_NS, "Override"):
            name = el.get("PartName", "").lstrip("/")
            if name not in pkg.parts:
                remove(el)
    pkg.xml["[Content_Types].xml"] = root


def scrub_settings(root: etree._Element) -> None:
    """Remove settings that name people, templates or data sources; ask Word to stay clean."""
    if root.tag != w("settings"):
        return
    for child in list(root):
        if child.tag.startswith(f"{{{W_NS}}}") and etree.QName(child).localname in SETTINGS_DROPPED:
            remove(child)
    if root.find(w("removePersonalInformation")) is None:
        root.insert(0, etree.Element(w("removePersonalInformation")))


def live_rel_ids(pkg: Package, part: str) -> set[str]:
    """Relationship ids of `part` that still point at something after pruning."""
    root = pkg.xml.get(rels_path(part))
    if root is None:
        return set()
    return {rel.get("Id", "") for rel in root if rel.tag == q(PKG_REL_NS, "Relationship")}
