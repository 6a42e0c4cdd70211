"""Export batches through the RQ queue: 200 documents with one worker, then with two.

Each run gets a fresh matter (imported from a dev-set case) with --docs encrypted documents,
real RQ worker processes on Redis (started and warmed before timing), and PostgreSQL (or
SQLite with --sqlite). Timing runs from enqueueing the batch to the last job row finishing.

    .venv/bin/python bench/export.py [--docs 200] [--sqlite]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SET = ROOT / "tests" / "data" / "eval_dev"
PG_ADMIN = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CLINIC_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def _database(use_sqlite: bool, work: Path) -> tuple[str, str | None]:
    if use_sqlite:
        return f"sqlite:///{work / 'bench.sqlite3'}", None
    import psycopg

    name = f"clinic_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return PG_ADMIN.rpartition("/")[0] + f"/{name}", name


def _seed(svc, n_docs: int) -> list:
    """A matter from the Starlite case and n_docs documents of it (replicated)."""
    from intake import cases, uploads
    from intake.blobstore import BlobStore
    from intake.records import Vault

    context = json.loads((SET / "cases" / "starlite-motel.json").read_text())
    texts = [p.read_text() for p in sorted((SET / "docs").glob("sl*.txt"))]
    with svc.sessions() as session:
        vault = Vault(session, svc.keyring)
        matter = cases.import_case_context(session, vault, svc.indexer, context)
        blobs = BlobStore(svc.config.blob_dir)
        docs = []
        for i in range(n_docs):
            body = f"{texts[i % len(texts)]}\n[copy {i}]\n".encode()
            docs.append(uploads.store_document(session, vault, blobs, matter, None,
                                               f"{i}.txt", body, uploaded_by=None))
        session.commit()
        return docs


def _workers(env: dict[str, str], count: int, queue: str) -> list[subprocess.Popen]:
    """Start RQ worker processes and wait until each has registered (engine loaded)."""
    from redis import Redis
    from rq import Queue, Worker

    clinic = str(Path(sys.executable).with_name("clinic"))
    procs = [subprocess.Popen([clinic, "worker"], cwd=ROOT,
                              env=dict(env, CLINIC_WORKER_NAME=f"bench-{i}"),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
             for i in range(count)]
    q = Queue(queue, connection=Redis.from_url(REDIS_URL))
    deadline = time.monotonic() + 120
    while len(Worker.all(queue=q)) < count:
        if time.monotonic() > deadline:
            raise RuntimeError("workers did not start")
        time.sleep(0.2)
    return procs


def _run(svc, env: dict[str, str], n_docs: int, workers: int) -> float:
    """Documents per second for one batch with `workers` worker processes."""
    from sqlalchemy import func, select

    from intake.jobs import RQDispatcher, start_batch
    from intake.models import ExportJob

    queue = f"clinic-bench-{uuid.uuid4().hex[:8]}"
    os.environ["CLINIC_JOB_QUEUE"] = queue
    env = dict(env, CLINIC_JOB_QUEUE=queue)
    docs = _seed(svc, n_docs)
    procs = _workers(env, workers, queue)
    try:
        with svc.sessions() as session:
            batch_id, job_ids = start_batch(session, docs, profile="court",
                                            recipient="Court", created_by=None)
            session.commit()
        started = time.perf_counter()
        RQDispatcher(REDIS_URL).enqueue(job_ids)
        while True:
            with svc.sessions() as session:
                left = session.scalar(select(func.count()).select_from(ExportJob).where(
                    ExportJob.batch_id == batch_id, ExportJob.status.in_(("queued", "running"))))
                failed = session.scalar(select(func.count()).select_from(ExportJob).where(
                    ExportJob.batch_id == batch_id, ExportJob.status == "failed"))
            if not left:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - started
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
    if failed:
        print(f"warning: {failed} of {n_docs} jobs failed", file=sys.stderr)
    return n_docs / elapsed


def main() -> None:
    """Run the benchmark and print documents per second for one and two workers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--sqlite", action="store_true")
    args = parser.parse_args()
    from config import Config
    from intake import migrate
    from intake.extensions import build_services

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url, pg_name = _database(args.sqlite, work)
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
        env.update(CLINIC_INSTANCE_DIR=str(work / "instance"), CLINIC_DATABASE_URL=url,
                   CLINIC_ENV="test", CLINIC_REDIS_URL=REDIS_URL,
                   PYTHONPATH=str(ROOT))
        svc = build_services(Config.from_env(env))
        try:
            migrate.upgrade(svc.engine)
            one = _run(svc, env, args.docs, 1)
            two = _run(svc, env, args.docs, 2)
        finally:
            svc.engine.dispose()
            if pg_name:
                import psycopg

                with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
    backend = "sqlite" if args.sqlite else "postgresql"
    print(f"export batch of {args.docs} documents via RQ on Redis ({backend})")
    print(f"  1 worker : {one:7.2f} docs/s")
    print(f"  2 workers: {two:7.2f} docs/s  ({two / one:.2f}x)")
    print(f"RESULT docs={args.docs} one_worker_docs_s={one:.2f} two_workers_docs_s={two:.2f} "
          f"speedup={two / one:.2f}")


if __name__ == "__main__":
    main()
