"""PostgreSQL restarted under traffic: a clear page for requests in flight, then recovery.

Restarts the machine's PostgreSQL, so `make test` runs this folder on its own, after the
parallel suite.
"""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.functional.cli_support import clinic
from tests.functional.test_faults import _setup, _token, serve_signed_in


def _restart_postgresql() -> None:
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",
                    "-m", "fast"], check=True, timeout=120)


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_postgresql_restart_gives_a_clear_page_then_recovers(env):
    services, matter_id, secret = _setup(env)
    services.engine.dispose()
    server, client = serve_signed_in(env, secret)
    try:
        form_url = f"/matters/{matter_id}/subjects/new"
        token = _token(client.get(form_url))
        seen: list[tuple[float, int, str]] = []
        stop = threading.Event()

        def traffic(worker: int) -> None:
            n = 0
            while not stop.is_set():
                n += 1
                try:
                    if n % 2:
                        response = client.get(f"/matters/{matter_id}")
                    else:
                        response = client.post(form_url, data={
                            "names": f"Fictional Person{worker}x{n}", "csrf_token": token})
                except httpx.HTTPError:
                    continue
                seen.append((time.monotonic(), response.status_code, response.text))

        threads = [threading.Thread(target=traffic, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        _restart_postgresql()
        restarted = time.monotonic()
        time.sleep(6)
        stop.set()
        for t in threads:
            t.join()
        client.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    statuses = {status for _, status, _ in seen}
    assert 500 not in statuses
    assert statuses <= {200, 302, 503}
    for _, status, body in seen:
        assert "Traceback" not in body
        if status == 503:
            assert "Briefly unavailable" in body
    recovered = [s for when, s, _ in seen if when > restarted + 3]
    assert recovered and all(s in (200, 302) for s in recovered)
    assert clinic(env, "audit", "verify").returncode == 0
