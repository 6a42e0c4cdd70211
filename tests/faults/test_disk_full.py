"""A full disk while exports are written: each job fails with a clear reason, no debris."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.functional.export_support import TEXT, documents, exports_of, start_export, upload
from tests.functional.web_support import make_staff, seed_matter, sign_in

CLINIC = str(Path(sys.executable).with_name("clinic"))


def _tiny_disk() -> None:
    # Any file the worker writes past 512 bytes fails with EFBIG, as on a full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_exports_fail_cleanly_when_the_disk_is_full(rq_app, queue_name):
    app, env = rq_app
    svc = app.extensions["clinic"]
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)
    client = app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(TEXT.encode(), f"{i}.txt") for i in range(2)],
           subject_id=seeded.subject_id)
    blob_dir = svc.config.blob_dir
    before = set(blob_dir.iterdir())
    docs = documents(svc, seeded.matter_id)
    resp = start_export(client, seeded.matter_id, [d.id for d in docs], "County Victim Services")
    batch_id = resp.headers["Location"].rsplit("/", 1)[-1]
    done = subprocess.run([CLINIC, "worker", "--burst"], env=env, preexec_fn=_tiny_disk,  # noqa: PLW1509
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    status = client.get(f"/batches/{batch_id}/status").get_json()
    assert status["done"] and status["failed"] == 2, status
    exports = exports_of(svc, batch_id)
    assert {e.status for e in exports} == {"failed"}
    assert all(e.error and "no disk space" in e.error for e in exports)
    assert all(e.output_blob_name is None for e in exports)
    assert set(blob_dir.iterdir()) == before  # no partial or temporary files left
    assert "Marisol" not in done.stderr
