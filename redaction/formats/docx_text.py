"""Text units of a DOCX part and how redacted text goes back into its runs.

A part's paragraphs are joined with newlines into one unit so a name split across runs
(or a sentence spread over table cells) is seen whole; each redaction is then mapped back:
the replacement goes into the first run it touches and the rest of the span is removed
from the following runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from redaction.formats.ooxml import A_NS, M_NS, O_NS, PIC_NS, V_NS, WP_NS, XML_SPACE, q, remove, w
from redaction.types import RedactedText, Redaction

_TEXT = {w("t"), q(M_NS, "t")}
_FIXED = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
_P = {w("p"), q(A_NS, "p")}
# Attributes that hold free text a reader of the file can see (alt text, tooltips, form help).
_TEXT_ATTRS = [
    (q(WP_NS, "docPr"), "descr"), (q(WP_NS, "docPr"), "title"),
    (q(PIC_NS, "cNvPr"), "descr"), (q(PIC_NS, "cNvPr"), "title"),
    (q(V_NS, "shape"), "alt"), (q(V_NS, "shape"), "title"), (q(V_NS, "rect"), "alt"),
    (w("hyperlink"), w("tooltip")), (w("fldSimple"), w("instr")),
    (w("alias"), w("val")), (w("tag"), w("val")), (w("bookmarkStart"), w("name")),
]
# Legacy form fields keep a name, help texts and a default value inside w:ffData.
_FORM_ATTRS = ["name", "helpText", "statusText", "default", "listEntry"]
# Names of drawing objects default to file names ("kiara_whitfield.jpg"); make them generic.
_NAME_ATTRS = [(q(WP_NS, "docPr"), "name"), (q(PIC_NS, "cNvPr"), "name"),
               (q(V_NS, "imagedata"), q(O_NS, "title"))]


@dataclass
class Segment:
    """One piece of a unit's text: an editable text element or a fixed character."""

    el: etree._Element
    start: int
    end: int
    editable: bool


@dataclass
class Unit:
    """A text given to the redactor and how to write its redacted form back."""

    text: str
    write_back: Callable[[RedactedText], None]
    segments: list[Segment] = field(default_factory=list)


def _owner(el: etree._Element) -> etree._Element | None:
    cur = el.getparent()
    while cur is not None and cur.tag not in _P:
        cur = cur.getparent()
    return cur


STORY_ROOTS = {w("document"), w("hdr"), w("ftr"), w("footnotes"), w("endnotes")}


def part_units(root: etree._Element) -> list[Unit]:
    """All text units of one story part: joined paragraphs, field codes, text attributes."""
    units: list[Unit] = []
    if root.tag not in STORY_ROOTS:
        return units
    body = _paragraph_unit(root)
    if body is not None:
        units.append(body)
    for instr in root.iter(w("instrText")):
        if instr.text:
            units.append(Unit(instr.text, _set_text(instr)))
    for tag, attr in _TEXT_ATTRS:
        for el in root.iter(tag):
            value = el.get(attr)
            if value:
                units.append(Unit(value, _set_attr(el, attr)))
    for data in root.iter(w("ffData")):
        for el in data.iter(*(w(t) for t in _FORM_ATTRS)):
            value = el.get(w("val"))
            if value:
                units.append(Unit(value, _set_attr(el, w("val"))))
    for n, (tag, attr) in enumerate(_NAME_ATTRS):
        for el in root.iter(tag):
            if el.get(attr) is not None:
                el.set(attr, f"Object {n + 1}")
    return units


def _set_text(el: etree._Element) -> Callable[[RedactedText], None]:
    def write(rt: RedactedText) -> None:
        el.text = rt.text
    return write


def _set_attr(el: etree._Element, attr: str) -> Callable[[RedactedText], None]:
    def write(rt: RedactedText) -> None:
        el.set(attr, rt.text)
    return write


def _paragraph_unit(root: etree._Element) -> Unit | None:
    pieces: list[str] = []
    segments: list[Segment] = []
    pos = 0
    paragraphs = [p for p in root.iter(*_P)]
    interesting = {*_TEXT, *_FIXED, q(A_NS, "t")}
    by_para: dict[int, list[etree._Element]] = {id(p): [] for p in paragraphs}
    for el in root.iter(*interesting):
        owner = _owner(el)
        if owner is not None:
            by_para[id(owner)].append(el)
    for para in paragraphs:
        if pieces:
            pieces.append("\n")
            pos += 1
        for el in by_para[id(para)]:
            if el.tag in _FIXED:
                text, editable = _FIXED[el.tag], False
            else:
                text, editable = el.text or "", True
            if not text:
                continue
            segments.append(Segment(el, pos, pos + len(text), editable))
            pieces.append(text)
            pos += len(text)
    if not segments:
        return None
    unit = Unit("".join(pieces), lambda rt: None, segments)
    unit.write_back = lambda rt: apply_to_segments(unit, rt)
    return unit


def apply_to_segments(unit: Unit, rt: RedactedText) -> None:
    """Write a unit's redactions back into its text elements."""
    spans = sorted(rt.redactions, key=lambda r: r.start)
    if not _consistent(unit.text, spans, rt.text):
        # The engine's spans do not reproduce its own output; put the output in the first
        # element and empty the rest rather than guess which characters to keep.
        _write_whole(unit, rt.text)
        return
    anchors: dict[int, list[Redaction]] = {}
    for r in spans:
        first = next((s for s in unit.segments if s.editable and s.end > r.start), None)
        if first is not None:
            anchors.setdefault(id(first), []).append(r)
    for seg in unit.segments:
        covered = [r for r in spans if r.start < seg.end and r.end > seg.start]
        if not covered and id(seg) not in anchors:
            continue
        if not seg.editable:
            if covered:
                remove(seg.el)  # a tab or break inside a redacted span
            continue
        seg.el.text = _rewrite(seg, unit.text, covered, anchors.get(id(seg), []))
        seg.el.set(XML_SPACE, "preserve")


def _rewrite(seg: Segment, text: str, covered: list[Redaction], anchored: list[Redaction]) -> str:
    out: list[str] = []
    cursor = seg.start
    spans = sorted({id(r): r for r in [*covered, *anchored]}.values(), key=lambda r: r.start)
    anchored_ids = {id(r) for r in anchored}
    for r in spans:
        cut_start = max(r.start, seg.start)
        if cut_start > cursor:
            out.append(text[cursor:cut_start])
        if id(r) in anchored_ids:
            out.append(r.replacement)
        cursor = max(cursor, min(r.end, seg.end))
    if cursor < seg.end:
        out.append(text[cursor:seg.end])
    return "".join(out)


def _consistent(text: str, spans: list[Redaction], expected: str) -> bool:
    out, cursor = [], 0
    for r in spans:
        if r.start < cursor or r.end > len(text) or r.start > r.end:
            return False
        out.append(text[cursor:r.start])
        out.append(r.replacement)
        cursor = r.end
    out.append(text[cursor:])
    return "".join(out) == expected


def _write_whole(unit: Unit, text: str) -> None:
    editable = [s for s in unit.segments if s.editable]
    for seg in unit.segments:
        if not seg.editable:
            remove(seg.el)
    for i, seg in enumerate(editable):
        seg.el.text = text if i == 0 else ""
        seg.el.set(XML_SPACE, "preserve")
