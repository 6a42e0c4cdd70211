"""Verifying the audit chain and signing checkpoints of its head.

`verify` streams the log in sequence order, recomputes every hash and checks the links;
it names the first bad sequence number. A checkpoint is the count and head hash of the
log signed with HMAC-SHA256 under a key kept apart from the database, written to a file;
verifying against it detects a log cut short after the checkpoint was taken.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, select

from intake.audit import GENESIS_HASH, event_hash
from intake.models import AuditEvent, from_epoch_us, utcnow

_CHECKPOINT_TAG = b"clinic/audit/checkpoint/v1"
_VERIFY_SQL = (
    "SELECT seq, occurred_us, actor, action, object_type, object_id, matter_id, outcome, "
    "request_id, details, prev_hash, hash FROM audit_events ORDER BY seq"
)


class CheckpointError(Exception):
    """A checkpoint file is unreadable, malformed or its signature does not match."""


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of a verification: how far the chain is good, and where it broke."""

    count: int
    head_hash: str
    last_time: datetime | None
    first_bad_seq: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.first_bad_seq is None


def verify(bind: Engine | Connection, batch: int = 20_000) -> VerifyResult:
    """Recompute the whole chain; report the first sequence number that is wrong.

    Pass a Connection to verify inside a transaction already open (SQLite allows one
    writer-capable transaction at a time).
    """
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            return verify(conn, batch)
    expected_seq, prev, count, last_us = 1, GENESIS_HASH, 0, None
    digest = event_hash
    # Raw driver rows, streamed: no ORM or type processing on a million rows.
    cursor = bind.exec_driver_sql(_VERIFY_SQL, execution_options={"stream_results": True})
    with cursor:
        while rows := cursor.fetchmany(batch):
            for row in rows:
                seq = row[0]
                if seq != expected_seq:
                    problem = "missing event" if seq > expected_seq else "sequence out of order"
                    return _result(count, prev, last_us, expected_seq, problem)
                if row[10] != prev:
                    return _result(count, prev, last_us, seq, "link to previous hash broken")
                if digest(prev, *row[:10]) != row[11]:
                    return _result(count, prev, last_us, seq, "content does not match hash")
                prev, expected_seq, count, last_us = row[11], seq + 1, count + 1, row[1]
    return _result(count, prev, last_us)


def _result(count: int, head: str, last_us: int | None, bad: int | None = None,
            problem: str | None = None) -> VerifyResult:
    when = from_epoch_us(last_us) if last_us is not None else None
    return VerifyResult(count, head, when, bad, problem)


def _signature(key: bytes, count: int, head_hash: str, taken_at: str) -> str:
    message = b"|".join((_CHECKPOINT_TAG, str(count).encode(), head_hash.encode(),
                         taken_at.encode()))
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def read_key(path: Path) -> bytes:
    """The checkpoint signing key from its file."""
    try:
        return bytes.fromhex(path.read_text().strip())
    except (OSError, ValueError) as exc:
        raise CheckpointError(f"audit key not readable: {path}") from exc


def write_checkpoint(result: VerifyResult, key: bytes, path: Path) -> dict[str, object]:
    """Write a signed head (count and hash) of a verified log to `path`, atomically."""
    taken_at = utcnow().isoformat()
    head = {"format": 1, "count": result.count, "head_hash": result.head_hash,
            "taken_at": taken_at,
            "signature": _signature(key, result.count, result.head_hash, taken_at)}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(head, indent=1) + "\n")
    os.replace(tmp, path)
    return head


def read_checkpoint(path: Path, key: bytes) -> tuple[int, str]:
    """The (count, head hash) of a checkpoint file whose signature checks out."""
    try:
        head = json.loads(path.read_text())
        count, head_hash = int(head["count"]), str(head["head_hash"])
        taken_at, signature = str(head["taken_at"]), str(head["signature"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CheckpointError(f"checkpoint not readable: {path}") from exc
    if not hmac.compare_digest(signature, _signature(key, count, head_hash, taken_at)):
        raise CheckpointError(f"checkpoint signature does not match: {path}")
    return count, head_hash


def verify_against_head(engine: Engine, count: int, head_hash: str) -> VerifyResult:
    """Verify the chain and that it still holds the checkpointed head at `count`."""
    with engine.connect() as conn:
        result = verify(conn)
        if not result.ok:
            return result
        if result.count < count:
            return VerifyResult(result.count, result.head_hash, result.last_time,
                                result.count + 1,
                                f"log cut short: the checkpoint has {count} events")
        stored = conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == count)).scalar()
    if count and stored != head_hash:
        return VerifyResult(result.count, result.head_hash, result.last_time, count,
                            "event differs from the checkpointed head")
    return result
