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
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select

from intake.audit import GENESIS_HASH, event_hash
from intake.db import make_engine
from intake.models import AuditEvent, from_epoch_us, utcnow

_CHECKPOINT_TAG = b"clinic/audit/checkpoint/v1"
_SELECT = (
    "SELECT seq, occurred_us, actor, action, object_type, object_id, matter_id, outcome, "
    "request_id, details, prev_hash, hash FROM audit_events "
)
_VERIFY_SQL = _SELECT + "ORDER BY seq"
# Only integers are ever formatted in (see _scan).
_RANGE_SQL = _SELECT + "WHERE seq BETWEEN {lo} AND {hi} ORDER BY seq"


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


PARALLEL_FROM = 200_000  # events; below this one process is quicker than starting more


@dataclass(frozen=True)
class _Span:
    """What verifying one run of consecutive events found."""

    first_link: str | None  # the first event's stored previous hash
    head: str
    count: int
    last_us: int | None
    bad: int | None = None
    problem: str | None = None


def _scan(conn: Connection, lo: int, hi: int | None, prev: str | None,
          batch: int = 20_000) -> _Span:
    """Verify events lo..hi (to the end when hi is None) in order.

    With `prev` None the first event's link is taken as stored; the caller checks it
    against the previous span's head.
    """
    sql = _VERIFY_SQL if hi is None else _RANGE_SQL.format(lo=int(lo), hi=int(hi))
    expected, count, last_us, first_link = lo, 0, None, prev
    digest = event_hash
    # Raw driver rows, streamed: no ORM or type processing on a million rows.
    cursor = conn.exec_driver_sql(sql, execution_options={"stream_results": True})
    with cursor:
        while rows := cursor.fetchmany(batch):
            for row in rows:
                seq = row[0]
                if seq != expected:
                    problem = "missing event" if seq > expected else "sequence out of order"
                    return _Span(first_link, prev or "", count, last_us, expected, problem)
                if prev is None:
                    prev = first_link = row[10]
                elif row[10] != prev:
                    return _Span(first_link, prev, count, last_us, seq,
                                 "link to previous hash broken")
                if digest(prev, *row[:10]) != row[11]:
                    return _Span(first_link, prev, count, last_us, seq,
                                 "content does not match hash")
                prev, expected, count, last_us = row[11], seq + 1, count + 1, row[1]
    if hi is not None and expected != hi + 1:
        return _Span(first_link, prev or "", count, last_us, expected, "missing event")
    return _Span(first_link, prev or GENESIS_HASH, count, last_us)


def verify(bind: Engine | Connection, *, workers: int | None = None,
           parallel_from: int = PARALLEL_FROM) -> VerifyResult:
    """Recompute the whole chain; report the first sequence number that is wrong.

    Given an Engine and a large log, ranges of the log are verified in parallel
    processes and their boundaries linked here. Pass a Connection to verify inside a
    transaction already open (SQLite allows one writer-capable transaction at a time).
    """
    if isinstance(bind, Engine):
        workers = workers or min(os.cpu_count() or 1, 4)
        with bind.connect() as conn:
            low, high, total = conn.execute(
                select(func.min(AuditEvent.seq), func.max(AuditEvent.seq), func.count())
            ).one()
            if workers < 2 or total < parallel_from or low != 1 or high != total:
                return verify(conn)
        return _verify_parallel(bind, high, workers)
    span = _scan(bind, 1, None, GENESIS_HASH)
    return _result(span.count, span.head, span.last_us, span.bad, span.problem)


def _scan_range(url: str, lo: int, hi: int) -> _Span:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return _scan(conn, lo, hi, None)
    finally:
        engine.dispose()


def _verify_parallel(engine: Engine, high: int, workers: int) -> VerifyResult:
    url = engine.url.render_as_string(hide_password=False)
    step = -(-high // workers)
    bounds = [(lo, min(lo + step - 1, high)) for lo in range(1, high + 1, step)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        spans = list(pool.map(_scan_range, [url] * len(bounds), *zip(*bounds, strict=True)))
    prev, count, last_us = GENESIS_HASH, 0, None
    for (lo, _hi), span in zip(bounds, spans, strict=True):
        if span.first_link != prev and (span.count or span.bad is None):
            return _result(count, prev, last_us, lo, "link to previous hash broken")
        if span.bad is not None:
            return _result(count + span.count, span.head, span.last_us or last_us, span.bad,
                           span.problem)
        prev, count, last_us = span.head, count + span.count, span.last_us
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
