"""Removal of everything in a PDF besides page content: metadata, annotations, forms,
attachments, scripts, outlines, tags and layer names."""

from __future__ import annotations

import pymupdf

# Catalog entries that hold text or actions outside the page content: outlines and named
# destinations (bookmark titles), scripts and open actions, the structure tree (alt text,
# ActualText), page labels, article threads, forms, portfolios and XMP.
_CATALOG_KEYS = [
    "Outlines", "Names", "Dests", "OpenAction", "AA", "PieceInfo", "Metadata", "StructTreeRoot",
    "MarkInfo", "PageLabels", "Threads", "SpiderInfo", "AcroForm", "Collection", "URI",
    "Perms", "Legal", "OCProperties", "AF",
]
_PAGE_KEYS = ["PieceInfo", "Thumb", "AA", "Annots", "B", "StructParents", "Metadata", "AF"]


def reveal_layers(doc: pymupdf.Document) -> None:
    """Make every optional-content layer visible so hidden text is read and redacted."""
    for xref in doc.get_ocgs():
        doc.xref_set_key(xref, "Name", "(Layer)")  # layer names are free text
    doc.xref_set_key(doc.pdf_catalog(), "OCProperties", "null")


def drop_annotations(doc: pymupdf.Document) -> None:
    """Remove annotations, form widgets and links (their text is not page text)."""
    # Unlinking /Annots before any page is loaded avoids stale annotation objects.
    for pno in range(doc.page_count):
        doc.xref_set_key(doc.page_xref(pno), "Annots", "null")


def drop_images(page: pymupdf.Page) -> None:
    """Replace every image drawn on the page with an empty one."""
    for info in page.get_images(full=True):
        page.delete_image(info[0])


def scrub_document(doc: pymupdf.Document) -> None:
    """Clear Info and XMP metadata and every document-level carrier of hidden text."""
    doc.scrub(
        attached_files=True, clean_pages=False, embedded_files=True, hidden_text=False,
        javascript=True, metadata=True, redactions=False, remove_links=True,
        reset_fields=True, reset_responses=True, thumbnails=True, xml_metadata=True,
    )
    doc.set_metadata({})
    doc.del_xml_metadata()
    catalog = doc.pdf_catalog()
    for key in _CATALOG_KEYS:
        doc.xref_set_key(catalog, key, "null")
    for pno in range(doc.page_count):
        for key in _PAGE_KEYS:
            doc.xref_set_key(doc.page_xref(pno), key, "null")
    trailer_info = doc.xref_get_key(-1, "Info")
    if trailer_info[0] != "null":
        doc.xref_set_key(-1, "Info", "null")
