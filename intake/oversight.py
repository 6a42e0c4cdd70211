"""What waits for the clinic's overseers: accounts and teams for an admin, alerts and the
audit chain for an auditor. Ids, staff names and emails, captions and counts only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from intake.audit_review import Alert, AlertRules, IntegrityMonitor, actor_labels, alerts
from intake.audit_verify import VerifyResult
from intake.models import Matter, MatterMember, User, utcnow

RECENT_ALERT_LIMIT = 10


@dataclass(frozen=True)
class StaffSummary:
    """The staff accounts by state, and the locked ones by name."""

    total: int
    active: int
    disabled: int
    awaiting_first_sign_in: int
    locked: list[User]


def staff_summary(session: Session, now: datetime | None = None) -> StaffSummary:
    """How many accounts are in each state; the locked accounts, soonest unlocked first."""
    now = now or utcnow()
    users = list(session.scalars(select(User).order_by(User.email)))
    locked = sorted((u for u in users if u.locked_until is not None and u.locked_until > now
                     and not u.disabled), key=lambda u: (u.locked_until, u.email))
    disabled = sum(u.disabled for u in users)
    waiting = sum(not u.disabled and u.mfa_enrolled_at is None for u in users)
    return StaffSummary(total=len(users), active=len(users) - disabled - waiting,
                        disabled=disabled, awaiting_first_sign_in=waiting, locked=locked)


@dataclass(frozen=True)
class TeamRow:
    """A matter whose team needs an admin: nobody on it, or no attorney."""

    matter: Matter
    members: int
    attorneys: int


def teams_needing_staff(session: Session) -> tuple[int, list[TeamRow]]:
    """How many open matters there are, and those of them without an attorney on the team."""
    matters = list(session.scalars(select(Matter).where(Matter.status == "open")
                                   .order_by(Matter.created_at.desc())))
    counts: dict[str, tuple[int, int]] = {}
    for matter_id, role, n in session.execute(
            select(MatterMember.matter_id, User.role, func.count())
            .join(User, User.id == MatterMember.user_id)
            .where(User.disabled.is_(False))
            .group_by(MatterMember.matter_id, User.role)).tuples():
        members, attorneys = counts.get(matter_id, (0, 0))
        counts[matter_id] = (members + n, attorneys + (n if role == "attorney" else 0))
    rows = [TeamRow(m, *counts.get(m.id, (0, 0))) for m in matters]
    return len(matters), [r for r in rows if r.attorneys == 0]


@dataclass(frozen=True)
class AuditOverview:
    """The state of the audit chain and the alerts of the last 30 days."""

    integrity: VerifyResult
    checked_at: datetime
    alerts: list[Alert]
    alert_count: int
    people: dict[str, str]  # "user:<id>" -> "Name <email> (role)", for the alerts' actors


def audit_overview(session: Session, monitor: IntegrityMonitor,
                   rules: AlertRules) -> AuditOverview:
    """The chain verified to its newest event, and the newest alerts."""
    result, checked_at = monitor.status(session)
    found = alerts(session, rules)
    people = actor_labels(session, (a.actor for a in found))
    return AuditOverview(result, checked_at, found[:RECENT_ALERT_LIMIT], len(found), people)
