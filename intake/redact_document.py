"""Redacting one stored document: engine proposals, reviewer decisions, the final output.

Knows the database only through ids on the export; it never logs or raises document text.
The final output is always the engine's proposals minus what a reviewer rejected plus what
a reviewer added, followed by the fail-closed leak check on the written file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, object_session

from intake.blobstore import BlobStore
from intake.cases import case_context
from intake.models import Document, Export, Matter
from intake.records import Vault
from redaction.context import CaseContext
from redaction.formats import FormatError, UnreadablePage, prepare_docx, prepare_pdf
from redaction.placeholders import placeholder
from redaction.profiles import load_profile
from redaction.session import RedactionSession
from redaction.types import RedactedText, Redaction

CATEGORIES = ("PERSON", "ADDRESS", "PHONE", "EMAIL", "DOB", "ID", "HANDLE", "URL", "LOCATION",
              "ACCOUNT", "SSN", "VEHICLE", "ROOM", "LISTING", "CODE", "IP", "OTHER")


class RedactionFailed(Exception):
    """A document could not be redacted; the message is safe to show and store."""


@dataclass(frozen=True)
class Outcome:
    """The final output of an export and what the leak check found."""

    data: bytes
    log: list[dict[str, Any]]
    leaks: list[dict[str, Any]]
    reference: list[dict[str, Any]]


def engine_session(session: Session, vault: Vault, engine: Any, matter: Matter,
                   profile: str) -> RedactionSession:
    """A redaction session over the whole matter's case context (every survivor in it)."""
    context = CaseContext.from_dict(case_context(session, vault, matter))
    rsession: RedactionSession = engine.session(context, load_profile(profile))
    return rsession


def unit_texts(kind: str, data: bytes, keep_images: bool) -> tuple[list[str], Any]:
    """The text units of a document, and its prepared form for DOCX and PDF."""
    try:
        if kind == "txt":
            return [data.decode("utf-8")], None
        prepared = prepare_docx(data, keep_images=keep_images) if kind == "docx" else \
            prepare_pdf(data, keep_images=keep_images)
    except UnreadablePage as exc:
        raise RedactionFailed(f"page {exc.page} has images but no text layer") from None
    except FormatError as exc:
        raise RedactionFailed(str(exc)[:200]) from None
    except UnicodeDecodeError:
        raise RedactionFailed("the text file is not UTF-8") from None
    return prepared.texts, prepared


def read_texts(kind: str, data: bytes, keep_images: bool) -> list[str]:
    """Only the text units of a document (the prepared file is closed again)."""
    texts, prepared = unit_texts(kind, data, keep_images)
    doc = getattr(prepared, "_doc", None)
    if doc is not None:
        doc.close()  # an open PDF holds memory until finished
    return texts


def proposals_of(results: Sequence[RedactedText]) -> dict[str, Any]:
    """What the engine proposed, by position (never the original text)."""
    items = []
    for unit, rt in enumerate(results):
        for r in rt.redactions:
            items.append({"u": unit, "s": r.start, "e": r.end, "cat": r.category,
                          "det": r.detector, "why": r.reason, "rep": r.replacement,
                          "score": round(r.score, 3)})
    return {"units": len(results), "items": items}


def decision_key(item: dict[str, Any]) -> tuple[int, int, int, str]:
    """How a proposal or decision is identified: unit, start, end, category."""
    return int(item["u"]), int(item["s"]), int(item["e"]), str(item["cat"])


def final_redactions(export: Export, units: int) -> list[list[Redaction]]:
    """Per unit: the engine's proposals minus rejected ones plus added ones, merged."""
    decisions = export.decisions or {}
    rejected = {decision_key(d) for d in decisions.get("rejected", [])}
    per_unit: list[list[Redaction]] = [[] for _ in range(units)]
    for p in (export.proposals or {}).get("items", []):
        if decision_key(p) not in rejected:
            per_unit[p["u"]].append(Redaction(p["s"], p["e"], p["cat"], p["rep"], p["det"],
                                              float(p.get("score", 1.0)), p["why"]))
    for a in decisions.get("added", []):
        if 0 <= a["u"] < units:
            per_unit[a["u"]].append(Redaction(a["s"], a["e"], a["cat"], placeholder(a["cat"]),
                                              "reviewer", 1.0, "added by reviewer"))
    return [_merge(reds) for reds in per_unit]


def _merge(reds: list[Redaction]) -> list[Redaction]:
    """Overlapping spans become one (the widest span keeps its replacement)."""
    out: list[Redaction] = []
    for r in sorted(reds, key=lambda r: (r.start, -r.end)):
        if out and r.start < out[-1].end:
            last = out[-1]
            if r.end > last.end:
                out[-1] = Redaction(last.start, r.end, last.category, last.replacement,
                                    last.detector, last.score, last.reason)
            continue
        out.append(r)
    return out


def rebuild(text: str, reds: list[Redaction]) -> RedactedText:
    """Apply redactions to a text (positions in the input)."""
    pieces, pos = [], 0
    for r in reds:
        pieces += [text[pos:r.start], r.replacement]
        pos = r.end
    pieces.append(text[pos:])
    return RedactedText("".join(pieces), tuple(reds))


def produce(kind: str, data: bytes, export: Export, rsession: RedactionSession) -> Outcome:
    """Write the final output of an export and run the leak check on what was written."""
    texts, prepared = unit_texts(kind, data, rsession.profile.keep_images)
    units = (export.proposals or {}).get("units", len(texts))
    if units != len(texts):
        raise RedactionFailed("the document no longer matches its proposals")
    finals = [rebuild(t, reds) for t, reds in zip(texts, final_redactions(export, units),
                                                  strict=True)]
    log: list[dict[str, Any]] = []
    leaks: list[dict[str, Any]] = []
    if prepared is None:
        out = finals[0].text.encode("utf-8")
        leaks = [{"page": None, "category": lk.category} for lk in rsession.leaks(finals[0].text)]
        pages: list[int | None] = [None] * len(finals[0].redactions)
        reds = list(finals[0].redactions)
    else:
        try:
            result = prepared.finish(finals, rsession)
        except FormatError as exc:
            raise RedactionFailed(str(exc)[:200]) from None
        out = result.data
        leaks = [{"page": pg, "category": lk.category} for pg, lk in result.leaks]
        pages = [pg for pg, _r in result.redactions]
        reds = [r for _pg, r in result.redactions]
    for pg, r in zip(pages, reds, strict=True):
        log.append({"page": pg, "category": r.category, "detector": r.detector,
                    "reason": r.reason})
    return Outcome(out, log, leaks, _reference(texts, finals))


def _reference(texts: list[str], finals: list[RedactedText]) -> list[dict[str, Any]]:
    """Each replacement and what it stood for (FRCP 5.2(g)); sealed before storage."""
    entries: dict[str, dict[str, Any]] = {}
    for text, rt in zip(texts, finals, strict=True):
        for r in rt.redactions:
            entry = entries.setdefault(r.replacement, {"replacement": r.replacement,
                                                       "category": r.category, "replaced": []})
            original = " ".join(text[r.start:r.end].split())
            if original not in entry["replaced"]:
                entry["replaced"].append(original)
    return [entries[k] for k in sorted(entries)]


def store_outcome(vault: Vault, blobs: BlobStore, document: Document, export: Export,
                  outcome: Outcome) -> None:
    """Seal the output and the reference list under the document's key; record the result.

    Both new files are written before the export points at them (a failure, such as a full
    disk, removes what was written); the files they replace go once the change commits.
    """
    reference = json.dumps({"reference_list": outcome.reference}, ensure_ascii=False, indent=1)
    written: list[str] = []
    try:
        out_name, out_sha = blobs.put_bytes(vault, document.data_key_id, outcome.data)
        written.append(out_name)
        ref_name, _ = blobs.put_bytes(vault, document.data_key_id, reference.encode("utf-8"))
        written.append(ref_name)
    except BaseException:
        for name in written:
            blobs.delete(name)
        raise
    old = [n for n in (export.output_blob_name, export.reference_blob_name) if n]
    export.output_blob_name, export.output_sha256 = out_name, out_sha
    export.reference_blob_name = ref_name
    session = object_session(export)
    if old and session is not None:
        def _drop_replaced(_session: object) -> None:
            for name in old:
                blobs.delete(name)

        event.listen(session, "after_commit", _drop_replaced, once=True)
    export.log = {"items": outcome.log, "leaks": outcome.leaks}
    export.leak_check_passed = not outcome.leaks
