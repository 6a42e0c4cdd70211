"""Exports: redact a document for one recipient, reviewer QC, attorney approval, consent gate.

Life of an export: "queued" -> "running" -> "review" (or "failed") -> "approved". A reviewer
rejects or adds redactions and marks it reviewed; an attorney (by default someone else)
approves it if the leak check passed and every survivor concerned has a valid consent for
the recipient. Only approved exports are downloaded.

Consent rule: every export needs a valid consent naming the recipient from each survivor
the document concerns (its survivor, or every survivor of the matter for a matter
document; minors need a guardian's signature too), whatever the profile. Pseudonymous
output still tells a survivor's story, and facts alone can identify; so no profile
counts as removing every identifier.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake import consents
from intake.blobstore import BlobStore
from intake.models import Document, Export, Matter, Subject, User, new_id, utcnow
from intake.pseudomap import MapConflict, apply_map, load_map, save_map, snapshot
from intake.records import Vault
from intake.redact_document import (
    CATEGORIES,
    RedactionFailed,
    decision_key,
    engine_session,
    produce,
    proposals_of,
    read_texts,
    store_outcome,
)
from redaction.profiles import list_profiles

MAP_RETRIES = 5


class ExportError(Exception):
    """An export step was refused; the message carries ids and reasons, never values."""


class ConsentMissing(ExportError):
    """A survivor concerned has no valid consent for this recipient."""


class LeakDetected(ExportError):
    """The fail-closed leak check found a known identifier in the output."""


class ApprovalRefused(ExportError):
    """The export cannot be approved by this person or in this state."""


def profile_names() -> list[str]:
    """The redaction profiles a user may choose."""
    return [p.name for p in list_profiles()]


def create_export(session: Session, document: Document, *, profile: str, recipient: str,
                  created_by: str | None, batch_id: str | None = None) -> Export:
    """A new export of a document, waiting for its redaction job."""
    recipient = " ".join(recipient.split())[:300]
    if profile not in profile_names():
        raise ExportError("unknown profile")
    if not recipient:
        raise ExportError("name the recipient")
    export = Export(id=new_id(), matter_id=document.matter_id, document_id=document.id,
                    profile=profile, recipient=recipient, status="queued",
                    created_by=created_by, batch_id=batch_id, decisions={})
    session.add(export)
    session.flush()
    return export


def redact_export(sessions: Any, keyring: Any, blobs: BlobStore, engine: Any,
                  export_id: str) -> None:
    """Run the engine on an export's document and store proposals and output.

    The matter's placeholder map is read before and saved after; when another worker saved
    it meanwhile, the document is redacted again with the newer map.
    """
    for _attempt in range(MAP_RETRIES):
        with sessions() as session:
            vault = Vault(session, keyring)
            export = session.get(Export, export_id)
            if export is None:
                raise RedactionFailed("the export no longer exists")
            document = session.get(Document, export.document_id)
            matter = session.get(Matter, export.matter_id)
            if document is None or matter is None or document.deleted_at is not None:
                raise RedactionFailed("the document was deleted")
            data = blobs.get(vault, document.data_key_id, document.blob_name, document.sha256)
            rsession = engine_session(session, vault, engine, matter, export.profile)
            row = load_map(session, vault, matter)
            version = apply_map(vault, row, rsession)
            before = snapshot(rsession)
            session.commit()  # hold no lock while the engine runs
            texts = read_texts(document.kind, data, rsession.profile.keep_images)
            results = rsession.redact_many(texts)
            try:
                if snapshot(rsession) != before:
                    save_map(session, vault, row, rsession, version)
            except MapConflict:
                session.rollback()
                continue
            export = session.get(Export, export_id)
            assert export is not None
            export.proposals = proposals_of(results)
            export.decisions = {}
            outcome = produce(document.kind, data, export, rsession)
            store_outcome(vault, blobs, document, export, outcome)
            export.status = "review"
            export.error = None
            session.commit()
            return
    raise RedactionFailed("the matter's placeholder map kept changing; try again")


def refinalize(session: Session, vault: Vault, blobs: BlobStore, engine: Any,
               export: Export) -> None:
    """Write the output again after a reviewer decision, and re-run the leak check."""
    document = session.get(Document, export.document_id)
    matter = session.get(Matter, export.matter_id)
    assert document is not None and matter is not None
    data = blobs.get(vault, document.data_key_id, document.blob_name, document.sha256)
    rsession = engine_session(session, vault, engine, matter, export.profile)
    apply_map(vault, load_map(session, vault, matter), rsession)
    store_outcome(vault, blobs, document, export, produce(document.kind, data, export, rsession))


def document_data(vault: Vault, blobs: BlobStore, document: Document) -> bytes:
    """The original file of a document, decrypted in memory (for the review page only)."""
    return blobs.get(vault, document.data_key_id, document.blob_name, document.sha256)


def output_data(vault: Vault, blobs: BlobStore, export: Export, document: Document) -> bytes:
    """The export's output as it stands (for the review page; downloads use `release`)."""
    if not export.output_blob_name:
        raise ExportError(f"export {export.id} has no output")
    return blobs.get(vault, document.data_key_id, export.output_blob_name, export.output_sha256)


def document_texts(vault: Vault, blobs: BlobStore, export: Export,
                   document: Document, data: bytes | None = None) -> list[str]:
    """The original text units of an export's document (for the review page only)."""
    from redaction.profiles import load_profile

    if data is None:
        data = document_data(vault, blobs, document)
    return read_texts(document.kind, data, load_profile(export.profile).keep_images)


def _editable(export: Export) -> None:
    if export.status != "review":
        raise ExportError(f"export {export.id} is {export.status}; decisions are closed")


def _stamp(user: User) -> dict[str, str]:
    return {"by": user.id, "at": utcnow().isoformat()}


def reject(export: Export, key: tuple[int, int, int, str], user: User) -> None:
    """Reject one proposed redaction (kept with who rejected it)."""
    _editable(export)
    proposals = {decision_key(p) for p in (export.proposals or {}).get("items", [])}
    if key not in proposals:
        raise ExportError("no such proposal")
    _decide(export, key, "rejected", user)
    _touch_review(export, user)


def accept(export: Export, key: tuple[int, int, int, str], user: User) -> bool:
    """Accept one proposed redaction; True when it had been rejected (the output changes)."""
    _editable(export)
    proposals = {decision_key(p) for p in (export.proposals or {}).get("items", [])}
    if key not in proposals:
        raise ExportError("no such proposal")
    was_rejected = key in {decision_key(d) for d in (export.decisions or {}).get("rejected", [])}
    _decide(export, key, "accepted", user)
    if was_rejected:
        _touch_review(export, user)
    return was_rejected


def _decide(export: Export, key: tuple[int, int, int, str], verdict: str, user: User) -> None:
    # A proposal is pending, accepted or rejected: one verdict replaces the other.
    decisions = dict(export.decisions or {})
    for name in ("accepted", "rejected"):
        decisions[name] = [d for d in decisions.get(name, []) if decision_key(d) != key]
    decisions[verdict].append({"u": key[0], "s": key[1], "e": key[2], "cat": key[3],
                               **_stamp(user)})
    export.decisions = decisions


def restore(export: Export, key: tuple[int, int, int, str], user: User) -> bool:
    """Back to pending: undo a rejection or an acceptance, or remove an added redaction.

    True when the output changes (a rejection undone or an addition removed)."""
    _editable(export)
    decisions = dict(export.decisions or {})
    changed = False
    for name in ("rejected", "added", "accepted"):
        kept = [d for d in decisions.get(name, []) if decision_key(d) != key]
        changed = changed or (name != "accepted" and len(kept) != len(decisions.get(name, [])))
        decisions[name] = kept
    export.decisions = decisions
    if changed:
        _touch_review(export, user)
    return changed


def add_phrase(export: Export, texts: list[str], phrase: str, category: str,
               user: User) -> int:
    """Redact every occurrence of a phrase the reviewer selected; return how many."""
    _editable(export)
    phrase = phrase.strip()
    if category not in CATEGORIES:
        raise ExportError("unknown category")
    if len(phrase) < 2:
        raise ExportError("select at least two characters")
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)",
                         re.IGNORECASE)
    decisions = dict(export.decisions or {})
    added = list(decisions.get("added", []))
    have = {decision_key(d) for d in added}
    count = 0
    for unit, text in enumerate(texts):
        for m in pattern.finditer(text):
            key = (unit, m.start(), m.end(), category)
            if key not in have:
                have.add(key)
                added.append({"u": unit, "s": m.start(), "e": m.end(), "cat": category,
                              **_stamp(user)})
                count += 1
    if not count:
        raise ExportError("the selected text was not found in the document")
    decisions["added"] = added
    export.decisions = decisions
    _touch_review(export, user)
    return count


def _touch_review(export: Export, user: User) -> None:
    # A change after "reviewed" needs a new review: the approver must see what was checked.
    export.reviewed_by = None
    export.reviewed_at = None


def mark_reviewed(export: Export, user: User) -> None:
    """The reviewer has checked every redaction."""
    _editable(export)
    export.reviewed_by = user.id
    export.reviewed_at = utcnow()


def subjects_concerned(session: Session, document: Document) -> list[Subject]:
    """The survivors a document concerns: its own, or every survivor of its matter."""
    query = select(Subject).where(Subject.matter_id == document.matter_id,
                                  Subject.deleted_at.is_(None))
    if document.subject_id is not None:
        query = query.where(Subject.id == document.subject_id)
    return list(session.scalars(query.order_by(Subject.pseudonym)))


def consents_in_force(session: Session, document: Document, recipient: str,
                      at: datetime | None = None) -> tuple[list[str], list[str]]:
    """For sharing a document with a recipient: the ids of the consents in force, and the
    pseudonyms of the survivors concerned who have none."""
    found, missing = [], []
    for subject in subjects_concerned(session, document):
        consent = consents.valid_consent(session, subject, recipient, at=at)
        if consent is None:
            missing.append(subject.pseudonym)
        else:
            found.append(consent.id)
    return found, missing


def consent_gate(session: Session, export: Export, at: datetime | None = None) -> list[str]:
    """The ids of the consents that allow this export; ConsentMissing names who lacks one."""
    document = session.get(Document, export.document_id)
    assert document is not None
    found, missing = consents_in_force(session, document, export.recipient, at)
    if missing:
        raise ConsentMissing("no valid consent for this recipient from " + ", ".join(missing))
    return found


def approval_blockers(session: Session, export: Export, user: User) -> list[ExportError]:
    """Everything that stops this user approving the export, the real cause first."""
    matter = session.get(Matter, export.matter_id)
    assert matter is not None
    if user.role != "attorney":
        return [ApprovalRefused("only an attorney can approve an export")]
    if export.status != "review":
        return [ApprovalRefused(f"the export is {export.status}")]
    if not export.leak_check_passed:  # the real cause alone: no review can make it pass
        return [LeakDetected(f"export {export.id}: the leak check failed, so it cannot be "
                             "approved: a known identifier is still in the output (take back "
                             "a rejection or add a redaction)")]
    found: list[ExportError] = []
    if export.reviewed_by is None:
        found.append(ApprovalRefused("the export has not been reviewed"))
    elif export.reviewed_by == user.id and not matter.allow_self_approval:
        found.append(ApprovalRefused("the reviewer cannot also approve (ask another attorney)"))
    try:
        consent_gate(session, export)
    except ConsentMissing as exc:
        found.append(exc)
    return found


def approve(session: Session, export: Export, user: User) -> None:
    """Approve an export for download; ApprovalRefused, LeakDetected or ConsentMissing."""
    problems = approval_blockers(session, export, user)
    if problems:
        raise problems[0]
    ids = consent_gate(session, export)
    export.consent_id = ids[0] if ids else None
    export.consent_ids = {"ids": ids}
    export.status = "approved"
    export.approved_by = user.id
    export.approved_at = utcnow()


def approved_under(session: Session, consent_id: str, matter_id: str) -> list[Export]:
    """The approved exports of a matter whose download relies on a consent."""
    approved = session.scalars(select(Export).where(Export.matter_id == matter_id,
                                                    Export.status == "approved"))
    return [e for e in approved if consent_id in (e.consent_ids or {}).get("ids", [])]


def release(session: Session, vault: Vault, blobs: BlobStore, export: Export) -> bytes:
    """The approved output, after checking the consent still holds and the digest matches."""
    if export.status != "approved" or not export.output_blob_name:
        raise ApprovalRefused("only approved exports can be downloaded")
    if not export.leak_check_passed:
        raise LeakDetected(f"export {export.id}: the leak check failed")
    consent_gate(session, export)  # a consent withdrawn since approval stops the download
    document = session.get(Document, export.document_id)
    assert document is not None
    return blobs.get(vault, document.data_key_id, export.output_blob_name, export.output_sha256)


def reference_list(vault: Vault, blobs: BlobStore, session: Session, export: Export) -> bytes:
    """The sealed reference list of an export (attorneys only; the caller records it)."""
    document = session.get(Document, export.document_id)
    if document is None or not export.reference_blob_name:
        raise ExportError("no reference list for this export")
    return blobs.get(vault, document.data_key_id, export.reference_blob_name)


def log_csv(export: Export) -> str:
    """The redaction log: page, category, detector and reason for each redaction."""
    rows = ["page,category,detector,reason"]
    for item in (export.log or {}).get("items", []):
        cells = [str(item.get("page") or ""), item["category"], item["detector"],
                 item["reason"]]
        rows.append(",".join('"' + c.replace('"', '""') + '"' for c in cells))
    return "\n".join(rows) + "\n"
