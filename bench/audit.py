"""Audit log throughput: appends/s under concurrent writers, and verification events/s.

For SQLite (a temporary file) and PostgreSQL (a temporary database on
CLINIC_TEST_PG_URL's server), in one run:
  - appends per second with 1 and with 4 concurrent writer processes, each event in its
    own transaction through `audit.record`; the chain is verified afterwards (no gaps or
    forks);
  - verification of a log of --events events (default 1,000,000) beside a plain scan of
    the same rows (the baseline: reading without hashing).

    .venv/bin/python bench/audit.py [--events N] [--appends N] [--backends sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import psycopg  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from intake import audit, migrate  # noqa: E402
from intake.audit_verify import verify  # noqa: E402
from intake.db import make_engine, make_session_factory  # noqa: E402
from intake.models import AuditEvent, epoch_us, utcnow  # noqa: E402

PG_ADMIN_URL = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _writer(url: str, count: int, start: mp.Event) -> None:  # type: ignore[valid-type]
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    start.wait()  # type: ignore[attr-defined]
    for i in range(count):
        with sessions() as session:
            audit.record(session, actor="user:bench", action="subject.view",
                         object_type="subject", object_id=str(i), outcome="ok")
            session.commit()
    engine.dispose()


def appends_per_second(url: str, writers: int, per_writer: int) -> float:
    """Events appended per second by `writers` processes, each committing every event."""
    start = mp.Event()
    procs = [mp.Process(target=_writer, args=(url, per_writer, start)) for _ in range(writers)]
    for proc in procs:
        proc.start()
    time.sleep(1.0)  # let every process import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            raise SystemExit(f"a writer failed with exit code {proc.exitcode}")
    return writers * per_writer / (time.perf_counter() - began)


def fill(url: str, events: int) -> None:
    """Append `events` chained events quickly (bulk inserts with precomputed hashes)."""
    engine = make_engine(url)
    with engine.connect() as conn:
        last = conn.execute(select(AuditEvent.seq, AuditEvent.hash)
                            .order_by(AuditEvent.seq.desc()).limit(1)).first()
    seq, prev = (last[0], last[1]) if last else (0, audit.GENESIS_HASH)
    base = epoch_us(utcnow())
    batch: list[dict[str, object]] = []
    with engine.begin() as conn:
        for i in range(events):
            seq += 1
            details = f'{{"n":{i % 7}}}' if i % 3 == 0 else None
            row: dict[str, object] = {
                "seq": seq, "occurred_us": base + i, "actor": f"user:{i % 50}",
                "action": "subject.view", "object_type": "subject",
                "object_id": str(uuid.UUID(int=i)), "matter_id": None, "outcome": "ok",
                "request_id": None, "details": details, "prev_hash": prev}
            prev = audit.event_hash(prev, seq, base + i, f"user:{i % 50}", "subject.view",
                                    "subject", str(uuid.UUID(int=i)), None, "ok", None, details)
            row["hash"] = prev
            batch.append(row)
            if len(batch) == 5000:
                conn.execute(insert(AuditEvent), batch)
                batch = []
        if batch:
            conn.execute(insert(AuditEvent), batch)
    engine.dispose()


def scan_per_second(url: str) -> float:
    """Rows per second for a plain streamed read of the log (the baseline)."""
    engine = make_engine(url)
    began = time.perf_counter()
    n = 0
    with engine.connect() as conn:
        cursor = conn.execution_options(stream_results=True).exec_driver_sql(
            "SELECT * FROM audit_events ORDER BY seq")
        while rows := cursor.fetchmany(20_000):
            n += len(rows)
    elapsed = time.perf_counter() - began
    engine.dispose()
    return n / elapsed


def bench_backend(name: str, url: str, events: int, appends: int) -> dict[str, float]:
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    one = appends_per_second(url, 1, appends)
    four = appends_per_second(url, 4, appends // 4 * 2)
    check = verify(make_engine(url))
    if not check.ok:
        raise SystemExit(f"{name}: chain broken after concurrent appends at {check.first_bad_seq}")
    fill(url, events - check.count)
    scan = scan_per_second(url)
    began = time.perf_counter()
    result = verify(make_engine(url))
    per_s = result.count / (time.perf_counter() - began)
    if not result.ok:
        raise SystemExit(f"{name}: verification failed at {result.first_bad_seq}")
    print(f"{name}: appends/s 1 writer {one:,.0f}, 4 writers {four:,.0f} "
          f"(chain intact after concurrency: {check.count} events)")
    print(f"{name}: verify {result.count:,} events at {per_s:,.0f} events/s "
          f"(plain scan of the same rows: {scan:,.0f} rows/s)")
    return {f"{name}_append_1w": one, f"{name}_append_4w": four, f"{name}_verify": per_s,
            f"{name}_scan": scan}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--appends", type=int, default=400)
    parser.add_argument("--backends", default="sqlite,postgresql")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                figures |= bench_backend("sqlite", f"sqlite:///{tmp}/audit.sqlite3",
                                         args.events, args.appends)
            elif backend == "postgresql":
                name = f"clinic_bench_{uuid.uuid4().hex[:8]}"
                with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                try:
                    url = PG_ADMIN_URL.rpartition("/")[0] + "/" + name
                    figures |= bench_backend("postgresql", url, args.events, args.appends)
                finally:
                    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
                        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    print("RESULT " + " ".join(f"{k}={v:.0f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
