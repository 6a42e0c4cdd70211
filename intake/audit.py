"""Appending to the hash-chained audit log.

Each event's hash covers its own content and the previous event's hash, under a leaf
prefix and a domain tag, so any edit, deletion, reordering or truncation of the log shows.
Events are appended in the caller's transaction: an event exists exactly when the change
it records was committed. Never pass identifying values here: ids, pseudonyms and
categories only.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import re
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from intake.models import AuditEvent, epoch_us, utcnow

GENESIS_HASH = "0" * 64
# RFC 6962-style leaf prefix (0x00), then a domain tag; fields are separated by 0x1f and
# a missing value is 0x00, which is unambiguous because no field may hold control
# characters (details are JSON with every non-ASCII and control character escaped).
LEAF_PREFIX = b"\x00clinic/audit/event/v1\x1f"
_SEP = "\x1f"
_NONE = "\x00"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A fixed key for PostgreSQL's advisory lock that serializes appends across workers.
_APPEND_LOCK_ID = 0x0C11A0D1


class AuditError(ValueError):
    """An event field is not acceptable (control characters, over-long values)."""


def canonical_details(details: dict[str, Any] | None) -> str | None:
    """The canonical JSON text of an event's details (sorted keys, ASCII, no spaces)."""
    if details is None:
        return None
    return json.dumps(details, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def event_hash(prev_hash: str, seq: int, occurred_us: int, actor: str, action: str,
               object_type: str | None, object_id: str | None, matter_id: str | None,
               outcome: str, request_id: str | None, details: str | None) -> str:
    """SHA-256 over the leaf prefix, the previous hash and the event's fields."""
    body = _SEP.join((
        prev_hash, str(seq), str(occurred_us), actor, action,
        _NONE if object_type is None else object_type,
        _NONE if object_id is None else object_id,
        _NONE if matter_id is None else matter_id,
        outcome,
        _NONE if request_id is None else request_id,
        _NONE if details is None else details,
    ))
    return hashlib.sha256(LEAF_PREFIX + body.encode("utf-8")).hexdigest()


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
    for name, value in (("actor", actor), ("action", action), ("object_type", object_type),
                        ("object_id", object_id), ("matter_id", matter_id),
                        ("outcome", outcome), ("request_id", request_id)):
        if value is not None and _CONTROL.search(value):
            raise AuditError(f"audit field {name} holds a control character")
    detail_text = canonical_details(details)
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # Serializes appends across workers; released when the transaction ends.
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _APPEND_LOCK_ID})
    session.flush()
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    occurred = epoch_us(utcnow())
    event = AuditEvent(
        seq=seq, occurred_us=occurred, actor=actor, action=action, object_type=object_type,
        object_id=object_id, matter_id=matter_id, outcome=outcome, request_id=request_id,
        details=detail_text, prev_hash=prev,
        hash=event_hash(prev, seq, occurred, actor, action, object_type, object_id,
                        matter_id, outcome, request_id, detail_text),
    )
    session.add(event)
    session.flush()
    return event
