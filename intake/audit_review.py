"""Finding what matters in the audit log: filters, keyset pages, CSV and alerts."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from config import Config
from intake.audit import GENESIS_HASH, event_hash
from intake.audit_verify import VerifyResult, verify
from intake.models import AuditEvent, Matter, User, epoch_us, from_epoch_us, utcnow
from intake.users import staff_label, staff_labels

PAGE_SIZE = 50
CSV_COLUMNS = ("seq", "occurred_at", "actor", "action", "object_type", "object_id",
               "matter_id", "outcome", "request_id", "details", "hash")


@dataclass(frozen=True)
class AuditFilter:
    """What the auditor asked for; every part optional."""

    actor: str | None = None
    action: str | None = None
    matter_id: str | None = None
    outcome: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive

    def apply(self, query: Select[AuditEvent]) -> Select[AuditEvent]:
        """The query narrowed by this filter."""
        if self.actor:
            query = query.where(AuditEvent.actor == self.actor)
        if self.action:
            query = query.where(AuditEvent.action == self.action)
        if self.matter_id:
            query = query.where(AuditEvent.matter_id == self.matter_id)
        if self.outcome:
            query = query.where(AuditEvent.outcome == self.outcome)
        if self.since:
            start = datetime.combine(self.since, time.min, tzinfo=UTC)
            query = query.where(AuditEvent.occurred_us >= epoch_us(start))
        if self.until:
            end = datetime.combine(self.until + timedelta(days=1), time.min, tzinfo=UTC)
            query = query.where(AuditEvent.occurred_us < epoch_us(end))
        return query

    def describe(self) -> dict[str, str]:
        """The non-empty parts, for the audit event that records an export."""
        return {k: str(v) for k, v in vars(self).items() if v}


@dataclass(frozen=True)
class Directory:
    """Names for the ids an audit event holds, for auditors: staff as `Name <email> (role)`
    (the email alone while unnamed), matters by caption (pseudonymous by design), and the
    choices the filters offer."""

    people: dict[str, str]
    matters: dict[str, str]
    actors: list[tuple[str, str]]
    actions: list[str]


def directory(session: Session) -> Directory:
    """Who and what the log names; no survivor data (captions are pseudonymous)."""
    people = {f"user:{u.id}": staff_label(u.display_name, u.email, u.role)
              for u in session.scalars(select(User))}
    matters = {str(m.id): m.caption for m in session.scalars(select(Matter))}
    logged = session.scalars(select(AuditEvent.actor).distinct()).all()
    actors = sorted(((a, people.get(a, a)) for a in logged if a), key=lambda p: p[1].lower())
    actions = sorted(a for a in session.scalars(select(AuditEvent.action).distinct()) if a)
    return Directory(people, matters, actors, actions)


def actor_labels(session: Session, actors: Iterable[str]) -> dict[str, str]:
    """The label of each `user:<id>` among these actors that is an account."""
    ids = {a.removeprefix("user:") for a in actors if a.startswith("user:")}
    return {f"user:{uid}": label for uid, label in staff_labels(session, ids).items()}


def page(session: Session, flt: AuditFilter, before: int | None = None,
         size: int = PAGE_SIZE) -> tuple[list[AuditEvent], int | None]:
    """Newest-first events older than `before`; and the cursor of the next page, if any."""
    query = flt.apply(select(AuditEvent))
    if before is not None:
        query = query.where(AuditEvent.seq < before)
    rows = list(session.scalars(query.order_by(AuditEvent.seq.desc()).limit(size + 1)))
    more = len(rows) > size
    rows = rows[:size]
    return rows, (rows[-1].seq if more and rows else None)


def csv_lines(session: Session, flt: AuditFilter) -> Iterator[str]:
    """The filtered log as CSV lines, oldest first, streamed in batches."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    last = 0
    while True:
        batch = list(session.scalars(flt.apply(select(AuditEvent))
                                     .where(AuditEvent.seq > last)
                                     .order_by(AuditEvent.seq).limit(2000)))
        for e in batch:
            writer.writerow((e.seq, e.occurred_at.isoformat(), e.actor, e.action,
                             e.object_type or "", e.object_id or "", e.matter_id or "",
                             e.outcome, e.request_id or "", e.details or "", e.hash))
        session.rollback()  # read-only: hold no lock while the client downloads
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if len(batch) < 2000:
            return
        last = batch[-1].seq


class IntegrityMonitor:
    """Remembers how far the chain was verified, and extends it with the events since.

    A full verification of a million events takes seconds; the review page instead
    checks only the events appended since the last verification (each linked to the
    verified head), and an auditor can ask for a full verification at any time.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._result: VerifyResult | None = None
        self._checked_at: datetime | None = None

    def status(self, session: Session) -> tuple[VerifyResult, datetime]:
        """The verified head, extended to the newest event."""
        with self._lock:
            if self._result is None or not self._result.ok:
                return self._full(session)
            result = self._extend(session, self._result)
            self._result, self._checked_at = result, utcnow()
            return result, self._checked_at

    def full(self, session: Session) -> tuple[VerifyResult, datetime]:
        """Verify the whole chain now, on the session's connection."""
        with self._lock:
            return self._full(session)

    def _full(self, session: Session) -> tuple[VerifyResult, datetime]:
        result = verify(session.connection())
        self._result, self._checked_at = result, utcnow()
        return result, self._checked_at

    @staticmethod
    def _extend(session: Session, known: VerifyResult) -> VerifyResult:
        prev, count, last = known.head_hash, known.count, known.last_time
        stored_head = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == count))
        if count and stored_head != prev:
            return VerifyResult(count, prev, last, count, "verified head has changed")
        for e in session.scalars(select(AuditEvent).where(AuditEvent.seq > count)
                                 .order_by(AuditEvent.seq)):
            if e.seq != count + 1:
                return VerifyResult(count, prev, last, count + 1, "missing event")
            if e.prev_hash != prev or event_hash(
                    prev, e.seq, e.occurred_us, e.actor, e.action, e.object_type, e.object_id,
                    e.matter_id, e.outcome, e.request_id, e.details) != e.hash:
                return VerifyResult(count, prev, last, e.seq, "content does not match hash")
            prev, count, last = e.hash, e.seq, e.occurred_at
        return VerifyResult(count, prev or GENESIS_HASH, last)


# What the bulk-export alert counts: exports that left, or were cleared to leave, the clinic.
# Views, reviews, rejections and refused attempts are not exports.
EXPORT_ACTIONS = ("export.approve", "export.download")
UNKNOWN_ACCOUNT = "unknown account"


@dataclass(frozen=True)
class Alert:
    """A pattern worth an auditor's look (ids and counts only).

    `actor` is whom it is about: `user:<id>` of the person acting, or, for failed sign-ins,
    of the account signed in to (`unknown account` for emails that have none).
    """

    kind: str
    actor: str
    day: date
    count: int

    def filter_args(self) -> dict[str, str]:
        """The audit-log filter that lists the events of that day behind this alert."""
        args = {"since": self.day.isoformat(), "until": self.day.isoformat()}
        if self.kind == "failed sign-ins":
            return {"action": "auth.login", **args}
        return {"actor": self.actor, **args}


@dataclass(frozen=True)
class AlertRules:
    """Thresholds per person (or account) per day, and the clinic's working hours."""

    exports_per_day: int = 20
    reveals_per_day: int = 20
    failed_sign_ins_per_day: int = 5
    work_start: int = 7
    work_end: int = 20
    timezone: str = "UTC"

    @classmethod
    def from_config(cls, config: Config) -> AlertRules:
        """The rules a clinic configured (see `config.AlertThresholds`)."""
        limits = config.alerts
        return cls(exports_per_day=limits.exports_per_day,
                   reveals_per_day=limits.reveals_per_day,
                   failed_sign_ins_per_day=limits.failed_sign_ins_per_day,
                   work_start=config.work_hours[0], work_end=config.work_hours[1],
                   timezone=config.timezone)


def alerts(session: Session, rules: AlertRules, days: int = 30) -> list[Alert]:
    """Bulk exports, many reveals, repeated failed sign-ins and out-of-hours access."""
    since = epoch_us(utcnow() - timedelta(days=days))
    day = (AuditEvent.occurred_us / 86_400_000_000).cast(AuditEvent.seq.type)
    ok = AuditEvent.outcome == "ok"
    account = func.coalesce(AuditEvent.object_id, UNKNOWN_ACCOUNT)
    found: list[Alert] = []
    checks = (
        ("bulk export", AuditEvent.actor, AuditEvent.action.in_(EXPORT_ACTIONS) & ok,
         rules.exports_per_day),
        ("many reveals", AuditEvent.actor, (AuditEvent.action == "subject.reveal") & ok,
         rules.reveals_per_day),
        # Counted per account signed in to: a wrong password is made by no one signed in.
        ("failed sign-ins", account, (AuditEvent.action == "auth.login") & ~ok,
         rules.failed_sign_ins_per_day),
    )
    for kind, who, condition, threshold in checks:
        rows = session.execute(
            select(who, day.label("day"), func.count())
            .where(AuditEvent.occurred_us >= since, condition)
            .group_by(who, day)
            .having(func.count() >= threshold)
        )
        found += [Alert(kind, _as_actor(kind, subject), _day(d), n) for subject, d, n in rows]
    zone = ZoneInfo(rules.timezone)
    out_of_hours: dict[tuple[str, date], int] = {}
    for actor, stamp in session.execute(
            select(AuditEvent.actor, AuditEvent.occurred_us)
            .where(AuditEvent.occurred_us >= since, AuditEvent.actor.like("user:%"))):
        local = from_epoch_us(stamp).astimezone(zone)
        if not rules.work_start <= local.hour < rules.work_end:
            key = (actor, local.date())
            out_of_hours[key] = out_of_hours.get(key, 0) + 1
    found += [Alert("outside working hours", a, d, n) for (a, d), n in out_of_hours.items()]
    return sorted(found, key=lambda a: (a.day, a.kind, a.actor), reverse=True)


def _as_actor(kind: str, subject: str) -> str:
    if kind == "failed sign-ins" and subject != UNKNOWN_ACCOUNT:
        return f"user:{subject}"
    return subject


def _day(value: int) -> date:
    return date(1970, 1, 1) + timedelta(days=int(value))
