"""Work queues of case workers: exports to review or approve, batches running, conflicts
flagged, recent intakes, consents about to end, and a matter's exports by stage.

Every query is limited to the matters given: those the user works on
(`access.member_matter_ids`). Rows carry ids, pseudonyms,
captions, recipients and staff names and emails: never a survivor's identifying value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from intake.consents import is_valid
from intake.models import (
    AuditEvent,
    Consent,
    Document,
    Export,
    ExportJob,
    Matter,
    Subject,
    User,
    epoch_us,
    utcnow,
)
from intake.users import staff_labels

# The stages of an export as staff speak of them, in the order they happen.
EXPORT_STAGES = {
    "in-progress": "Being redacted",
    "awaiting-review": "Awaiting review",
    "awaiting-approval": "Awaiting approval",
    "approved": "Approved",
    "failed": "Failed",
}
RECENT_INTAKE_DAYS = 14
EXPIRING_WITHIN_DAYS = 30
CONFLICT_DAYS = 30
QUEUE_LIMIT = 50


def export_stage(export: Export) -> str:
    """Where an export stands: one of EXPORT_STAGES (or "withdrawn", its document deleted)."""
    if export.status in ("queued", "running"):
        return "in-progress"
    if export.status == "review":
        return "awaiting-approval" if export.reviewed_by else "awaiting-review"
    return export.status


@dataclass(frozen=True)
class ExportRow:
    """One export as a queue shows it."""

    export: Export
    stage: str
    caption: str
    document: str  # "Document 3": its place among the matter's documents, as listed there
    created_by: str
    reviewed_by: str
    approved_by: str

    @property
    def stage_label(self) -> str:
        return EXPORT_STAGES.get(self.stage, self.stage.capitalize())


def _captions(session: Session, ids: Iterable[str]) -> dict[str, str]:
    """Matter captions by matter id (pseudonymous by design)."""
    wanted = set(ids)
    if not wanted:
        return {}
    rows = session.execute(select(Matter.id, Matter.caption).where(Matter.id.in_(wanted)))
    return {matter_id: caption for matter_id, caption in rows}


def _document_numbers(session: Session, matter_ids: Iterable[str]) -> dict[str, int]:
    """Each live document's number within its matter (the documents page's order)."""
    numbers: dict[str, int] = {}
    seen: dict[str, int] = {}
    for doc_id, matter_id in session.execute(
            select(Document.id, Document.matter_id)
            .where(Document.matter_id.in_(set(matter_ids)), Document.deleted_at.is_(None))
            .order_by(Document.created_at, Document.id)).tuples():
        seen[matter_id] = seen.get(matter_id, 0) + 1
        numbers[doc_id] = seen[matter_id]
    return numbers


def _rows(session: Session, exports: list[Export]) -> list[ExportRow]:
    matter_ids = {e.matter_id for e in exports}
    if not matter_ids:
        return []
    captions = _captions(session, matter_ids)
    numbers = _document_numbers(session, matter_ids)
    people = staff_labels(session, [x for e in exports
                                    for x in (e.created_by, e.reviewed_by, e.approved_by)])
    return [ExportRow(export=e, stage=export_stage(e), caption=captions.get(e.matter_id, ""),
                      document=f"Document {numbers[e.document_id]}"
                      if e.document_id in numbers else "A deleted document",
                      created_by=people.get(e.created_by or "", ""),
                      reviewed_by=people.get(e.reviewed_by or "", ""),
                      approved_by=people.get(e.approved_by or "", ""))
            for e in exports]


def matter_exports(session: Session, matter: Matter, stage: str | None = None
                   ) -> tuple[list[ExportRow], dict[str, int]]:
    """A matter's exports, newest first, optionally of one stage; and the count per stage."""
    every = list(session.scalars(select(Export).where(
        Export.matter_id == matter.id, Export.status != "withdrawn")
        .order_by(Export.created_at.desc(), Export.id)))
    counts = {name: 0 for name in EXPORT_STAGES}
    for export in every:
        counts[export_stage(export)] = counts.get(export_stage(export), 0) + 1
    chosen = [e for e in every if stage is None or export_stage(e) == stage]
    return _rows(session, chosen), counts


@dataclass(frozen=True)
class ExportQueues:
    """Exports waiting on this user: to review, and (attorneys) to approve."""

    to_review: list[ExportRow]
    to_approve: list[ExportRow]


def exports_waiting(session: Session, user: User, matter_ids: list[str]) -> ExportQueues:
    """Exports of the user's matters that wait for a review, or (attorneys) for the user's
    approval: an export the user reviewed is not theirs to approve unless its matter says so.
    """
    waiting = (select(Export).where(Export.matter_id.in_(matter_ids), Export.status == "review")
               .order_by(Export.created_at, Export.id).limit(QUEUE_LIMIT))
    to_review = list(session.scalars(waiting.where(Export.reviewed_by.is_(None))))
    to_approve: list[Export] = []
    if user.role == "attorney":
        self_approval = select(Matter.id).where(Matter.allow_self_approval.is_(True))
        to_approve = list(session.scalars(waiting.where(
            Export.reviewed_by.is_not(None),
            or_(Export.reviewed_by != user.id, Export.matter_id.in_(self_approval)))))
    return ExportQueues(_rows(session, to_review), _rows(session, to_approve))


@dataclass(frozen=True)
class BatchRow:
    """An export batch with documents still queued or being redacted."""

    batch_id: str
    caption: str
    total: int
    finished: int
    failed: int
    started_at: datetime


def running_batches(session: Session, matter_ids: list[str]) -> list[BatchRow]:
    """The batches of these matters that have not finished, oldest first."""
    open_ids = set(session.scalars(select(ExportJob.batch_id).where(
        ExportJob.matter_id.in_(matter_ids), ExportJob.status.in_(("queued", "running")))))
    if not open_ids:
        return []
    jobs = list(session.scalars(select(ExportJob).where(ExportJob.batch_id.in_(open_ids))))
    captions = _captions(session, {j.matter_id for j in jobs})
    rows = []
    for batch_id in open_ids:
        mine = [j for j in jobs if j.batch_id == batch_id]
        rows.append(BatchRow(
            batch_id=batch_id, caption=captions.get(mine[0].matter_id, ""), total=len(mine),
            finished=sum(j.status in ("done", "failed") for j in mine),
            failed=sum(j.status == "failed" for j in mine),
            started_at=min(j.created_at for j in mine)))
    return sorted(rows, key=lambda r: r.started_at)


@dataclass(frozen=True)
class ConflictRow:
    """A possible conflict touching one of the user's matters."""

    matter_id: str
    caption: str
    subject_id: str | None  # the new intake, when it is in this matter
    pseudonym: str | None
    kinds: tuple[str, ...]
    flagged_at: datetime


def conflicts_to_review(session: Session, matter_ids: list[str],
                        days: int = CONFLICT_DAYS) -> list[ConflictRow]:
    """Conflicts flagged in the last `days`, newest first: an intake in one of these
    matters that matched someone elsewhere, or an intake elsewhere that matched someone in
    one of these matters (of which only the fact is told, never who or where)."""
    mine = set(matter_ids)
    if not mine:
        return []
    since = epoch_us(utcnow() - timedelta(days=days))
    events = list(session.scalars(select(AuditEvent).where(
        AuditEvent.action == "conflict.flagged", AuditEvent.occurred_us >= since)
        .order_by(AuditEvent.seq.desc())))
    found: dict[tuple[str, str | None], ConflictRow] = {}
    for event in events:
        details = json.loads(event.details or "{}")
        other = details.get("other_matter")
        kinds = tuple(k.replace("dob", "date of birth") for k in details.get("kinds", []))
        if event.matter_id in mine and event.object_id:
            key: tuple[str, str | None] = (event.matter_id, event.object_id)
            found.setdefault(key, ConflictRow(event.matter_id, "", event.object_id, None,
                                              kinds, event.occurred_at))
        if other in mine and event.matter_id not in mine:
            found.setdefault((other, None), ConflictRow(other, "", None, None, (),
                                                        event.occurred_at))
    subjects = {s.id: s for s in session.scalars(select(Subject).where(
        Subject.id.in_({r.subject_id for r in found.values() if r.subject_id})))}
    captions = _captions(session, {r.matter_id for r in found.values()})
    rows = []
    for row in found.values():
        subject = subjects.get(row.subject_id or "")
        if row.subject_id and (subject is None or subject.deleted_at is not None):
            continue
        rows.append(ConflictRow(row.matter_id, captions.get(row.matter_id, ""), row.subject_id,
                                subject.pseudonym if subject else None, row.kinds,
                                row.flagged_at))
    return sorted(rows, key=lambda r: r.flagged_at, reverse=True)[:QUEUE_LIMIT]


@dataclass(frozen=True)
class MatterRow:
    """One of the user's matters with its number of survivors."""

    matter: Matter
    survivors: int


def my_matters(session: Session, matter_ids: list[str]) -> list[MatterRow]:
    """These matters with their number of survivors, open ones first, newest first."""
    counts: dict[str, int] = {matter_id: n for matter_id, n in session.execute(
        select(Subject.matter_id, func.count()).where(
            Subject.matter_id.in_(matter_ids), Subject.deleted_at.is_(None))
        .group_by(Subject.matter_id))}
    matters = session.scalars(select(Matter).where(Matter.id.in_(matter_ids))
                              .order_by(Matter.created_at.desc()))
    rows = [MatterRow(m, counts.get(m.id, 0)) for m in matters]
    return sorted(rows, key=lambda r: r.matter.status != "open")


@dataclass(frozen=True)
class IntakeRow:
    """A survivor taken in recently."""

    subject: Subject
    caption: str
    taken_by: str


def recent_intakes(session: Session, matter_ids: list[str],
                   days: int = RECENT_INTAKE_DAYS) -> list[IntakeRow]:
    """Survivors taken in over the last `days` in these matters, newest first."""
    subjects = list(session.scalars(select(Subject).where(
        Subject.matter_id.in_(matter_ids), Subject.deleted_at.is_(None),
        Subject.created_at >= utcnow() - timedelta(days=days))
        .order_by(Subject.created_at.desc()).limit(QUEUE_LIMIT)))
    captions = _captions(session, {s.matter_id for s in subjects})
    people = staff_labels(session, [s.created_by for s in subjects])
    return [IntakeRow(s, captions.get(s.matter_id, ""), people.get(s.created_by or "", ""))
            for s in subjects]


@dataclass(frozen=True)
class ExpiringConsent:
    """A consent in force that ends soon."""

    consent: Consent
    subject: Subject
    days_left: int  # 0: today is its last day


def expiring_consents(session: Session, matter_ids: list[str],
                      within_days: int = EXPIRING_WITHIN_DAYS) -> list[ExpiringConsent]:
    """Consents in force in these matters that end within `within_days`, soonest first."""
    now = utcnow()
    # A consent's last day is the day before `expires_at`; it counts when that day falls
    # within the window, today included.
    horizon = datetime.combine(now.date() + timedelta(days=within_days + 1), time.min, UTC)
    rows = session.execute(
        select(Consent, Subject).join(Subject, Subject.id == Consent.subject_id)
        .where(Subject.matter_id.in_(matter_ids), Subject.deleted_at.is_(None),
               Consent.withdrawn_at.is_(None), Consent.expires_at > now,
               Consent.expires_at <= horizon)
        .order_by(Consent.expires_at, Consent.id)).tuples()
    return [ExpiringConsent(c, s, (c.last_day - now.date()).days)
            for c, s in rows if is_valid(c, s, now)][:QUEUE_LIMIT]
