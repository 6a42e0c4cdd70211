"""True redaction of Word (.docx) files, working on the package XML directly."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence

from lxml import etree

from redaction.formats.base import FormatError, FormatResult, TextRedactor, check_batch
from redaction.formats.docx_clean import clean_part, hidden_styles
from redaction.formats.docx_package import Package, live_rel_ids, prune, scrub_settings
from redaction.formats.docx_text import Unit, part_units
from redaction.formats.images import strip_image_metadata
from redaction.formats.leakview import docx_view
from redaction.formats.ooxml import STRICT_W_NS, W_NS
from redaction.formats.safety import parse_xml, read_zip, serialize_xml
from redaction.types import Leak, RedactedText, Redaction

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def redact_docx(data: bytes, redactor: TextRedactor, *, keep_images: bool) -> FormatResult:
    """Redact a DOCX: all visible text, alt text and field codes; drop hidden content."""
    prepared = prepare_docx(data, keep_images=keep_images)
    return prepared.finish(redactor.redact_many(prepared.texts), redactor)


def prepare_docx(data: bytes, *, keep_images: bool) -> PreparedDocx:
    """Open a DOCX within limits, drop hidden content and collect its text units."""
    pkg = prune(read_zip(data), keep_images)
    return PreparedDocx(pkg, _prepare(pkg, keep_images))


class PreparedDocx:
    """A cleaned DOCX package and the text units still to be written back."""

    def __init__(self, pkg: Package, units: list[Unit]) -> None:
        self._pkg = pkg
        self._units = units

    @property
    def texts(self) -> list[str]:
        """The text units to redact, main document first."""
        return [u.text for u in self._units]

    def finish(self, redacted: Sequence[RedactedText], redactor: TextRedactor) -> FormatResult:
        """Write the redacted units into the runs, save and read the result as an attacker."""
        check_batch(self.texts, redacted)
        redactions: list[tuple[int | None, Redaction]] = []
        for unit, rt in zip(self._units, redacted, strict=True):
            unit.write_back(rt)
            redactions.extend((None, r) for r in rt.redactions)
        out = _write(self._pkg)
        leaks: list[tuple[int | None, Leak]] = [
            (None, leak) for text in docx_view(out) for leak in redactor.leaks(text)
        ]
        return FormatResult(out, redactions, leaks)


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels")) or name == "[Content_Types].xml"


def _prepare(pkg: Package, keep_images: bool) -> list[Unit]:
    """Parse and clean every kept part; return its text units, main document first."""
    roots: dict[str, etree._Element] = {}
    for name, body in sorted(pkg.parts.items()):
        if _is_xml(name) and name not in pkg.xml:
            roots[name] = parse_xml(body)
    for root in roots.values():
        if etree.QName(root).namespace == STRICT_W_NS:
            raise FormatError("Strict Open XML is not supported; save as a standard .docx")
    # Word keeps both styles.xml and stylesWithEffects.xml; a style hidden in either counts.
    hidden: set[str] = set()
    for root in roots.values():
        if etree.QName(root).localname == "styles" and etree.QName(root).namespace == W_NS:
            hidden |= hidden_styles(root)
    units: list[Unit] = []
    order = sorted(roots, key=lambda n: (not n.endswith("document.xml"), n))
    for name in order:
        root = roots[name]
        if etree.QName(root).namespace != W_NS:
            continue
        clean_part(root, live_rel_ids(pkg, name), keep_images, hidden)
        scrub_settings(root)
        units.extend(part_units(root))
    for rel in pkg.hyperlinks:
        units.append(Unit(rel.get("Target", ""), _link_writer(rel)))
    pkg.xml.update(roots)
    return units


def _link_writer(rel: etree._Element) -> Callable[[RedactedText], None]:
    def write(rt: RedactedText) -> None:
        # A redacted URL is no longer a working link; keep the reader away from a guess.
        if rt.redactions:
            rel.set("Target", "about:blank")
    return write


def _write(pkg: Package) -> bytes:
    buf = io.BytesIO()
    names = ["[Content_Types].xml"] + sorted(
        n for n in set(pkg.parts) | set(pkg.xml) if n != "[Content_Types].xml"
    )
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            if name in pkg.xml:
                body = serialize_xml(pkg.xml[name])
            else:
                body = strip_image_metadata(name, pkg.parts[name])
            # Fixed timestamps: entry dates would tell when and where the file was made.
            info = zipfile.ZipInfo(name, date_time=_ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, body)
    return buf.getvalue()
