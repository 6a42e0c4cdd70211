"""Export jobs: one row per document, run by RQ workers on Redis or an in-process thread.

The database row is the truth: a job is claimed with a conditional UPDATE (so a job that
was enqueued twice runs once), and a worker that starts re-enqueues every unfinished row
it or a dead worker left behind. Errors stored on a row never quote document text.

Run an RQ worker with `python -m intake.jobs` (CLINIC_REDIS_URL must be set).
"""

from __future__ import annotations

import errno
import logging
import os
import queue
import socket
import threading
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Protocol

from sqlalchemy import or_, select, update

from intake import audit
from intake.blobstore import BlobStore
from intake.exports import create_export, redact_export
from intake.extensions import Services
from intake.models import Document, Export, ExportJob, new_id, utcnow
from intake.redact_document import RedactionFailed

QUEUE_NAME = os.environ.get("CLINIC_JOB_QUEUE", "") or "clinic-exports"
LEASE = timedelta(minutes=int(os.environ.get("CLINIC_JOB_LEASE_MINUTES", "10") or 10))
_NO_SPACE = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
log = logging.getLogger(__name__)


class Dispatcher(Protocol):
    """Something that runs export jobs by id."""

    def enqueue(self, job_ids: Sequence[str]) -> None:
        """Hand jobs to the workers."""
        ...


def worker_name() -> str:
    """This worker's name: $CLINIC_WORKER_NAME, else host and process id."""
    return os.environ.get("CLINIC_WORKER_NAME") or f"{socket.gethostname()}-{os.getpid()}"


def start_batch(session: Any, documents: Sequence[Document], *, profile: str, recipient: str,
                created_by: str | None) -> tuple[str, list[str]]:
    """Create an export and a queued job row per document; the caller commits, then enqueues."""
    batch_id = new_id()
    job_ids = []
    for document in documents:
        export = create_export(session, document, profile=profile, recipient=recipient,
                               created_by=created_by, batch_id=batch_id)
        job = ExportJob(id=new_id(), export_id=export.id, batch_id=batch_id,
                        matter_id=document.matter_id, status="queued", progress=0)
        session.add(job)
        job_ids.append(job.id)
    session.flush()
    return batch_id, job_ids


def execute(services: Services, engine: Any, job_id: str, worker: str) -> str:
    """Run one job if it is still queued; return its final status."""
    with services.sessions() as session:
        claimed = session.execute(
            update(ExportJob).where(ExportJob.id == job_id, ExportJob.status == "queued")
            .values(status="running", progress=10, worker=worker, updated_at=utcnow(),
                    attempts=ExportJob.attempts + 1)
        ).rowcount  # type: ignore[attr-defined]
        job = session.get(ExportJob, job_id)
        if not claimed or job is None:
            session.rollback()
            return job.status if job is not None else "missing"
        session.execute(update(Export).where(Export.id == job.export_id)
                        .values(status="running"))
        session.commit()
        export_id, batch_id, matter_id = job.export_id, job.batch_id, job.matter_id
    blobs = BlobStore(services.config.blob_dir)
    status, error = "done", None
    try:
        redact_export(services.sessions, services.keyring, blobs, engine, export_id)
    except RedactionFailed as exc:
        status, error = "failed", str(exc)[:300]
    except OSError as exc:
        full = exc.errno in _NO_SPACE
        status, error = "failed", ("no disk space to store the output; free space and retry"
                                   if full else f"internal error ({type(exc).__name__})")
        log.error("export job %s failed: %s", job_id, "disk full" if full else "OSError")
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        status, error = "failed", f"internal error ({type(exc).__name__}); see the worker log"
        log.error("export job %s failed: %s", job_id, type(exc).__name__)
    with services.sessions() as session:
        session.execute(update(ExportJob).where(ExportJob.id == job_id).values(
            status=status, progress=100, error=error, updated_at=utcnow()))
        if status == "failed":
            session.execute(update(Export).where(Export.id == export_id)
                            .values(status="failed", error=error))
        audit.record(session, actor=f"worker:{worker}"[:300], action="export.redact",
                     object_type="export", object_id=export_id, matter_id=matter_id,
                     outcome="ok" if status == "done" else "failed",
                     details={"job": job_id, "batch": batch_id})
        session.commit()
    return status


def unfinished(services: Services, worker: str, *, every_running: bool = False) -> list[str]:
    """Put back jobs a dead worker left running; return every queued job id, oldest first."""
    stale = utcnow() - LEASE
    with services.sessions() as session:
        running = ExportJob.status == "running"
        cond = running if every_running else running & or_(
            ExportJob.worker == worker, ExportJob.updated_at < stale)
        session.execute(update(ExportJob).where(cond).values(status="queued", progress=0,
                                                             updated_at=utcnow()))
        session.commit()
        return list(session.scalars(select(ExportJob.id).where(ExportJob.status == "queued")
                                    .order_by(ExportJob.created_at)))


def batch_status(session: Any, batch_id: str) -> dict[str, Any]:
    """Progress of a batch: per job status and error, and the overall percentage."""
    jobs = list(session.scalars(select(ExportJob).where(ExportJob.batch_id == batch_id)
                                .order_by(ExportJob.created_at, ExportJob.id)))
    items = [{"job": j.id, "export": j.export_id, "status": j.status, "progress": j.progress,
              "error": j.error} for j in jobs]
    finished = sum(1 for j in jobs if j.status in ("done", "failed"))
    percent = round(sum(j.progress if j.status == "running" else
                        (100 if j.status in ("done", "failed") else 0) for j in jobs)
                    / max(1, len(jobs)))
    return {"batch": batch_id, "total": len(jobs), "finished": finished,
            "failed": sum(1 for j in jobs if j.status == "failed"), "percent": percent,
            "done": finished == len(jobs), "jobs": items}


# ---------------------------------------------------------------- RQ on Redis
class RQDispatcher:
    """Jobs on an RQ queue in Redis; the job id is derived from the row id."""

    def __init__(self, redis_url: str) -> None:
        from redis import Redis
        from rq import Queue

        name = os.environ.get("CLINIC_JOB_QUEUE", "") or QUEUE_NAME
        self.queue = Queue(name, connection=Redis.from_url(redis_url))

    def enqueue(self, job_ids: Sequence[str]) -> None:
        """Push jobs onto the queue (a duplicate runs once: the row is claimed)."""
        for job_id in job_ids:
            self.queue.enqueue_call("intake.jobs.run_job", args=(job_id,),
                                    job_id=f"export-{job_id}-{new_id()[:8]}",
                                    timeout=900, result_ttl=0, failure_ttl=86_400)


_WORKER: dict[str, Any] = {}


def run_job(job_id: str) -> str:
    """The RQ entry point: run a job with this worker process's services and engine."""
    return execute(_WORKER["services"], _WORKER["engine"], job_id, _WORKER["name"])


def run_rq_worker(services: Services, engine: Any, *, burst: bool = False,
                  name: str | None = None) -> None:
    """Resume unfinished jobs, then serve the queue (SimpleWorker: the engine stays loaded)."""
    from rq import SimpleWorker

    assert services.config.redis_url, "CLINIC_REDIS_URL is not set"
    name = name or worker_name()
    _WORKER.update(services=services, engine=engine, name=name)
    dispatcher = RQDispatcher(services.config.redis_url)
    dispatcher.enqueue(unfinished(services, name))
    worker = SimpleWorker([dispatcher.queue], connection=dispatcher.queue.connection,
                          name=f"{name}-{new_id()[:6]}")
    worker.work(burst=burst, logging_level="WARNING")


# ---------------------------------------------------------------- in-process
class ThreadDispatcher:
    """Embedded mode without Redis: one worker thread in the web process."""

    def __init__(self, services: Services, engine_provider: Any) -> None:
        self._services = services
        self._engine_provider = engine_provider
        self._queue: queue.Queue[str] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self.name = f"inprocess-{socket.gethostname()}-{os.getpid()}"
        for job_id in unfinished(services, self.name, every_running=True):
            self._put(job_id)
        threading.Thread(target=self._run, name="clinic-export-worker", daemon=True).start()

    def _put(self, job_id: str) -> None:
        self._idle.clear()
        self._queue.put(job_id)

    def enqueue(self, job_ids: Sequence[str]) -> None:
        """Queue jobs for the worker thread."""
        for job_id in job_ids:
            self._put(job_id)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued job has run (for tests and the command line)."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                execute(self._services, self._engine_provider(), job_id, self.name)
            except Exception as exc:  # noqa: BLE001 - the thread must outlive a bad job
                log.error("export job %s could not run: %s", job_id, type(exc).__name__)
            finally:
                self._queue.task_done()
                if self._queue.unfinished_tasks == 0:
                    self._idle.set()
