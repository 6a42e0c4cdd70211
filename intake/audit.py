"""Appending to the hash-chained audit log.

Each event's hash covers its own content and the previous event's hash, under a domain
tag, so any edit, deletion, reordering or truncation of the log shows. Events are
appended in the caller's transaction: an event exists exactly when the change it records
was committed. Never pass identifying values here: ids, pseudonyms and categories only.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from intake.models import AuditEvent, utcnow

GENESIS_HASH = "0" * 64
_LEAF_TAG = b"clinic/audit/event/v1\x00"
# A fixed key for PostgreSQL's advisory lock that serializes appends across workers.
_APPEND_LOCK_ID = 0x0C11A0D1


def event_hash(prev_hash: str, content: dict[str, Any]) -> str:
    """SHA-256 over the domain tag, the previous hash and the canonical event content."""
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    digest = hashlib.sha256(_LEAF_TAG)
    digest.update(bytes.fromhex(prev_hash))
    digest.update(canonical.encode("ascii"))
    return digest.hexdigest()


def event_content(event: AuditEvent) -> dict[str, Any]:
    """The fields of an event that its hash covers."""
    occurred: datetime = event.occurred_at
    return {
        "seq": event.seq,
        "occurred_at": occurred.isoformat(timespec="microseconds"),
        "actor": event.actor,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "matter_id": event.matter_id,
        "outcome": event.outcome,
        "request_id": event.request_id,
        "details": event.details,
    }


def cli_actor() -> str:
    """The actor name for command-line actions: the operating-system user."""
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return "os:unknown"


def record(
    session: Session,
    *,
    actor: str,
    action: str,
    object_type: str | None = None,
    object_id: str | None = None,
    matter_id: str | None = None,
    outcome: str = "ok",
    request_id: str | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the chain inside the caller's transaction."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _APPEND_LOCK_ID})
    session.flush()
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    event = AuditEvent(
        seq=seq,
        occurred_at=utcnow(),
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=object_id,
        matter_id=matter_id,
        outcome=outcome,
        request_id=request_id,
        details=details,
        prev_hash=prev,
    )
    event.hash = event_hash(prev, event_content(event))
    session.add(event)
    session.flush()
    return event
