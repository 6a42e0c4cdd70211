"""Export batches on RQ with a real Redis and a real worker process; a restart resumes jobs."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from redis import Redis
from sqlalchemy import select, update

from intake.models import ExportJob, utcnow
from tests.conftest import REDIS_URL
from tests.functional.export_support import TEXT, documents, exports_of, start_export, upload
from tests.functional.web_support import make_staff, seed_matter, sign_in


def _worker(env: dict[str, str], name: str) -> subprocess.CompletedProcess[str]:
    """Run a real RQ worker process in burst mode (it exits once the queue is empty)."""
    clinic = str(Path(sys.executable).with_name("clinic"))
    return subprocess.run([clinic, "worker", "--burst"],
                          env=dict(env, CLINIC_WORKER_NAME=name), capture_output=True,
                          text=True, timeout=300, check=False)


def test_batch_runs_on_rq_and_survives_a_worker_restart(rq_app, queue_name):
    app, env = rq_app
    svc = app.extensions["clinic"]
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)
    client = app.test_client()
    sign_in(client, advocate)
    files = [(TEXT.encode(), f"{i}.txt") for i in range(3)] + [(b"%PDF-1.4 broken", "x.pdf")]
    upload(client, seeded.matter_id, files, subject_id=seeded.subject_id)
    docs = documents(svc, seeded.matter_id)
    resp = start_export(client, seeded.matter_id, [d.id for d in docs], "County Victim Services")
    batch_id = resp.headers["Location"].rsplit("/", 1)[-1]
    redis = Redis.from_url(REDIS_URL)
    assert redis.llen(f"rq:queue:{queue_name}") == 4
    # A worker died holding the first job, and the queue lost everything it held.
    redis.delete(f"rq:queue:{queue_name}")
    with svc.sessions() as s:
        first = s.scalars(select(ExportJob).where(ExportJob.batch_id == batch_id)
                          .order_by(ExportJob.created_at, ExportJob.id)).first()
        s.execute(update(ExportJob).where(ExportJob.id == first.id).values(
            status="running", worker="w1", updated_at=utcnow() - timedelta(seconds=5)))
        s.commit()
    status = client.get(f"/batches/{batch_id}/status").get_json()
    assert status["finished"] == 0 and not status["done"]
    done = _worker(env, "w1")  # the restarted worker resumes every unfinished row
    assert done.returncode == 0, done.stderr[-2000:]
    status = client.get(f"/batches/{batch_id}/status").get_json()
    assert status["done"] and status["failed"] == 1, status
    states = sorted(e.status for e in exports_of(svc, batch_id))
    assert states == ["failed", "review", "review", "review"]
    page = client.get(f"/batches/{batch_id}").get_data(as_text=True)
    assert 'max="100" value="100"' in page and "Review export" in page
    assert "Marisol" not in done.stderr and "Marisol" not in done.stdout
