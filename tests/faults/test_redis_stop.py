"""Redis stopped (and its memory lost) while export jobs are queued: no job is lost.

Stops and restarts the machine's Redis, so it runs on its own after the parallel suite.
"""

from __future__ import annotations

import subprocess
import time

import pytest
from redis import Redis
from redis.exceptions import RedisError

from tests.conftest import REDIS_URL
from tests.functional.export_support import TEXT, documents, exports_of, start_export, upload
from tests.functional.test_exports_queue import _worker
from tests.functional.web_support import make_staff, seed_matter, sign_in


def _restart_redis() -> None:
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], check=False,
                   capture_output=True, timeout=30)
    subprocess.run(["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1",
                    "--port", "6379", "--save", "", "--appendonly", "no",
                    "--dir", "/var/lib/redis", "--logfile", "/var/log/redis/ci.log"],
                   check=True, timeout=30)
    for _ in range(100):
        try:
            Redis.from_url(REDIS_URL).ping()
            return
        except RedisError:
            time.sleep(0.1)
    raise AssertionError("Redis did not come back")


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_jobs_queued_when_redis_stops_all_finish_after_it_returns(rq_app, queue_name):
    app, env = rq_app
    svc = app.extensions["clinic"]
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)
    client = app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(TEXT.encode(), f"{i}.txt") for i in range(3)],
           subject_id=seeded.subject_id)
    docs = documents(svc, seeded.matter_id)
    resp = start_export(client, seeded.matter_id, [d.id for d in docs], "County Victim Services")
    batch_id = resp.headers["Location"].rsplit("/", 1)[-1]
    assert Redis.from_url(REDIS_URL).llen(f"rq:queue:{queue_name}") == 3
    _restart_redis()  # keeps nothing on disk: the queue is gone
    assert Redis.from_url(REDIS_URL).llen(f"rq:queue:{queue_name}") == 0
    done = _worker(env, "after-restart")
    assert done.returncode == 0, done.stderr[-2000:]
    status = client.get(f"/batches/{batch_id}/status").get_json()
    assert status["done"] and status["failed"] == 0, status
    assert sorted(e.status for e in exports_of(svc, batch_id)) == ["review"] * 3
