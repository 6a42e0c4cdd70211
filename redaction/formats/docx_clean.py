"""Structural cleaning of one WordprocessingML part before its text is redacted.

Tracked changes are resolved (insertions accepted, deletions dropped), comment anchors,
hidden runs, embedded objects and (per profile) pictures are removed, so the only text left
is the text a reader sees, and all of it goes through the redactor.
"""

from __future__ import annotations

from lxml import etree

from redaction.formats.ooxml import (
    A_NS,
    C_NS,
    DGM_NS,
    O_NS,
    PIC_NS,
    R_NS,
    V_NS,
    W_NS,
    is_off,
    q,
    remove,
    unwrap,
    w,
)

_DROP_WITH_CONTENT = [
    # deleted or moved-away text and its markers
    "del", "moveFrom", "delText", "delInstrText", "moveFromRangeStart", "moveFromRangeEnd",
    "moveToRangeStart", "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
    "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    # the previous formatting of a change carries the reviser's name and date
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange",
    "tcPrChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
    # comment anchors (the comments part itself is dropped)
    "commentRangeStart", "commentRangeEnd",
    # embedded objects, controls, imported chunks, sub-documents, data bindings
    "object", "control", "altChunk", "subDoc", "dataBinding", "background",
]
_UNWRAP = ["ins", "moveTo"]
_RSID_PREFIX = "rsid"


def hidden_styles(styles: etree._Element) -> set[str]:
    """Ids of character and paragraph styles that hide their text (following basedOn)."""
    based: dict[str, str] = {}
    vanish: dict[str, bool] = {}
    for style in styles.iter(w("style")):
        sid = style.get(w("styleId"), "")
        base = style.find(w("basedOn"))
        if base is not None:
            based[sid] = base.get(w("val"), "")
        flag = style.find(f"{w('rPr')}/{w('vanish')}")
        if flag is not None:
            vanish[sid] = not is_off(flag)
    hidden = set()
    for sid in list(based) + list(vanish):
        cur, depth = sid, 0
        while cur and depth < 20:  # basedOn loops exist in damaged files
            if cur in vanish:
                if vanish[cur]:
                    hidden.add(sid)
                break
            cur, depth = based.get(cur, ""), depth + 1
    return hidden


def clean_part(root: etree._Element, live_ids: set[str], keep_images: bool,
               hidden: set[str]) -> None:
    """Resolve revisions and drop comments, hidden runs, objects and pictures in one part."""
    _resolve_revisions(root)
    for tag in _DROP_WITH_CONTENT:
        for el in list(root.iter(w(tag))):
            remove(el)
    for el in list(root.iter(q(O_NS, "OLEObject"))):
        _remove_container(el)
    for ref in list(root.iter(w("commentReference"))):
        _remove_run_of(ref)
    _drop_hidden_runs(root, hidden)
    _drop_drawings(root, keep_images)
    _drop_dangling_refs(root, live_ids)
    _strip_rsids(root)


def _resolve_revisions(root: etree._Element) -> None:
    # A row marked deleted keeps its cells' text in place; the row itself must go.
    for tr_pr in list(root.iter(w("trPr"))):
        if tr_pr.find(w("del")) is not None:
            row = tr_pr.getparent()
            if row is not None:
                remove(row)
    for tag in _UNWRAP:
        for el in list(root.iter(w(tag))):
            unwrap(el)


def _remove_run_of(el: etree._Element) -> None:
    run = el.getparent()
    if run is not None and run.tag == w("r"):
        remove(run)
    else:
        remove(el)


def _remove_container(el: etree._Element) -> None:
    """Remove the run-level container (w:pict / w:object / w:drawing) holding `el`."""
    cur: etree._Element | None = el
    while cur is not None and cur.tag not in {w("pict"), w("object"), w("drawing")}:
        cur = cur.getparent()
    remove(cur if cur is not None else el)


def _drop_hidden_runs(root: etree._Element, hidden: set[str]) -> None:
    for run in list(root.iter(w("r"))):
        if _run_hidden(run, hidden):
            remove(run)
    # The paragraph mark's own vanish only hides the pilcrow; clearing it is harmless.
    for flag in list(root.iter(w("vanish"), w("specVanish"))):
        remove(flag)


def _run_hidden(run: etree._Element, hidden: set[str]) -> bool:
    rpr = run.find(w("rPr"))
    if rpr is not None:
        flag = rpr.find(w("vanish"))
        if flag is not None:
            return not is_off(flag)
        style = rpr.find(w("rStyle"))
        if style is not None and style.get(w("val")) in hidden:
            return True
    para = run.getparent()
    while para is not None and para.tag != w("p"):
        para = para.getparent()
    if para is not None:
        pstyle = para.find(f"{w('pPr')}/{w('pStyle')}")
        if pstyle is not None and pstyle.get(w("val")) in hidden:
            return True
    return False


def _is_picture(el: etree._Element) -> bool:
    for _ in el.iter(q(A_NS, "blip"), q(PIC_NS, "pic"), q(V_NS, "imagedata")):
        return True
    return False


def _is_chart_or_diagram(el: etree._Element) -> bool:
    for _ in el.iter(q(C_NS, "chart"), q(DGM_NS, "relIds")):
        return True
    return False


def _drop_drawings(root: etree._Element, keep_images: bool) -> None:
    for el in list(root.iter(w("drawing"), w("pict"))):
        if _is_chart_or_diagram(el) or (not keep_images and _is_picture(el)):
            remove(el)


def _drop_dangling_refs(root: etree._Element, live_ids: set[str]) -> None:
    """Anything still pointing at a relationship we removed goes too (or loses the link)."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for attr, value in list(el.attrib.items()):
            if attr.startswith(f"{{{R_NS}}}") and value not in live_ids:
                container = el
                while container is not None and container.tag not in {
                    w("drawing"), w("pict"), w("object")
                }:
                    container = container.getparent()
                if container is not None:
                    remove(container)
                    break
                del el.attrib[attr]


def _strip_rsids(root: etree._Element) -> None:
    # Revision-session ids let documents from the same computer be linked to each other.
    prefix = f"{{{W_NS}}}{_RSID_PREFIX}"
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in [a for a in el.attrib if a.startswith(prefix)]:
            del el.attrib[attr]
