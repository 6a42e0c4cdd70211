"""Load: 50 concurrent staff sessions against gunicorn (4 workers) on PostgreSQL and Redis.

Each simulated staff member signs in (password and TOTP) from an address of its own
(127.0.0.x, as staff on their own machines), then for --seconds repeats: the matter list,
the matter page (the survivor listing staff search), an intake of a fictional survivor,
and that survivor's page. Prints requests/s, p50/p95/p99 latency and errors, then checks
the audit chain. The baseline in the same run is the health check under the same load
pattern (no sign-in, no database writes), which shows the server's own floor.

    .venv/bin/python bench/load.py [--users 50] [--workers 4] [--seconds 30]

Runs in development mode over plain HTTP (production mode marks cookies Secure, which
an HTTP client will not send back); the database, Redis and gunicorn are as in production.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
import psycopg  # noqa: E402
import pyotp  # noqa: E402

PG_ADMIN_URL = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CLINIC_BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
BIN = Path(sys.executable).parent
PASSWORD = "load-test passphrase 1"  # noqa: S105 - fictional accounts in a throwaway database
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(env: dict[str, str], users: int) -> tuple[str, list[tuple[str, str]]]:
    """A matter and `users` enrolled advocates on its team; returns (matter id, accounts)."""
    from config import Config
    from intake import auth, cases, migrate
    from intake import users as accounts
    from intake.extensions import build_services
    from intake.models import MatterMember, utcnow
    from intake.records import Vault

    services = build_services(Config.from_env(env))
    migrate.upgrade(services.engine)
    staff = []
    with services.sessions() as session:
        vault = Vault(session, services.keyring)
        matter = cases.create_matter(session, vault, caption="Doe v. Load Test Inns")
        for i in range(users):
            user = accounts.create_user(session, f"staff{i}@clinic.test", "advocate", PASSWORD)
            secret = auth.enrolment_secret(session, vault, user)
            user.mfa_enrolled_at = utcnow()
            session.add(MatterMember(matter_id=matter.id, user_id=user.id))
            staff.append((user.email, secret))
        session.commit()
    services.engine.dispose()
    return matter.id, staff


class Recorder:
    """Latencies and errors from every thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []

    def call(self, client: httpx.Client, method: str, url: str, ok: tuple[int, ...] = (200,),
             **kw: object) -> httpx.Response | None:
        began = time.perf_counter()
        try:
            response = client.request(method, url, **kw)  # type: ignore[arg-type]
        except httpx.HTTPError as exc:
            with self.lock:
                self.errors.append(f"{method} {url.split('?')[0]}: {type(exc).__name__}")
            return None
        elapsed = time.perf_counter() - began
        with self.lock:
            self.latencies.append(elapsed)
            if response.status_code not in ok:
                self.errors.append(f"{method} {url}: {response.status_code}")
        return response


def _token(response: httpx.Response | None) -> str:
    match = _CSRF.search(response.text if response is not None else "")
    return match.group(1) if match else ""


def staff_session(base: str, index: int, account: tuple[str, str], matter_id: str,
                  until: float, rec: Recorder) -> None:
    """One staff member: sign in, then intake and views until the clock runs out."""
    transport = httpx.HTTPTransport(local_address=f"127.0.0.{10 + index}")
    with httpx.Client(base_url=base, transport=transport, timeout=60) as client:
        email, secret = account
        page = rec.call(client, "GET", "/login")
        rec.call(client, "POST", "/login", ok=(302,),
                 data={"email": email, "password": PASSWORD, "csrf_token": _token(page)})
        page = rec.call(client, "GET", "/login/mfa")
        rec.call(client, "POST", "/login/mfa", ok=(302,),
                 data={"code": pyotp.TOTP(secret).now(), "csrf_token": _token(page)})
        n = 0
        while time.monotonic() < until:
            n += 1
            rec.call(client, "GET", "/matters")
            rec.call(client, "GET", f"/matters/{matter_id}")
            form = rec.call(client, "GET", f"/matters/{matter_id}/subjects/new")
            made = rec.call(client, "POST", f"/matters/{matter_id}/subjects/new", ok=(302,), data={
                "names": f"Fictional Person{index}x{n} Loadtest", "aliases": f"Nick{n}",
                "date_of_birth": f"1999-05-0{1 + n % 9}",
                "phones": f"(555) 010-{n % 10000:04d}",
                "emails": f"p{index}.{n}@example.org", "addresses": f"{n} Test Way, Springfield",
                "narrative": "Fictional narrative for load testing.", "safe_text": "y",
                "csrf_token": _token(form)})
            if made is not None and made.status_code == 302:
                rec.call(client, "GET", made.headers["location"])


def health_baseline(base: str, users: int, seconds: float) -> float:
    """Requests/s of /healthz with the same number of concurrent clients."""
    count = [0]
    lock = threading.Lock()
    until = time.monotonic() + seconds

    def loop(i: int) -> None:
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{10 + i}")
        with httpx.Client(base_url=base, transport=transport, timeout=30) as client:
            while time.monotonic() < until:
                client.get("/healthz")
                with lock:
                    count[0] += 1

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return count[0] / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    name = f"clinic_load_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    tmp = tempfile.mkdtemp(prefix="clinic-load-")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
    env.update(CLINIC_ENV="development", CLINIC_INSTANCE_DIR=f"{tmp}/instance",
               CLINIC_DATABASE_URL=PG_ADMIN_URL.rpartition("/")[0] + "/" + name,
               CLINIC_REDIS_URL=REDIS_URL, CLINIC_SECRET_KEY=secrets.token_urlsafe(48))
    server = None
    try:
        matter_id, staff = _prepare(env, args.users)
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
             "--timeout", "120", "intake.wsgi:app"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        floor = health_baseline(base, args.users, 5)
        rec = Recorder()
        began = time.monotonic()
        until = began + args.seconds
        threads = [threading.Thread(target=staff_session,
                                    args=(base, i, staff[i], matter_id, until, rec))
                   for i in range(args.users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - began
        verify = subprocess.run([str(BIN / "clinic"), "audit", "verify"], env=env,  # noqa: S603
                                capture_output=True, text=True, check=False)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    lat = sorted(rec.latencies)
    q = statistics.quantiles(lat, n=100) if len(lat) > 1 else [0.0] * 99
    rps = len(lat) / elapsed
    print(f"{args.users} staff sessions, {args.workers} gunicorn workers, {elapsed:.0f}s: "
          f"{len(lat)} requests, {rps:.1f} req/s (health-check floor {floor:.0f} req/s)")
    print(f"latency p50 {q[49] * 1000:.0f} ms, p95 {q[94] * 1000:.0f} ms, "
          f"p99 {q[98] * 1000:.0f} ms; errors {len(rec.errors)}")
    for error in rec.errors[:10]:
        print(f"  error: {error}")
    print(f"audit chain after the run: {verify.stdout.strip() or verify.stderr.strip()}")
    print(f"RESULT users={args.users} workers={args.workers} requests={len(lat)} "
          f"rps={rps:.1f} p50_ms={q[49] * 1000:.0f} p95_ms={q[94] * 1000:.0f} "
          f"p99_ms={q[98] * 1000:.0f} errors={len(rec.errors)} "
          f"audit_ok={int(verify.returncode == 0)} health_floor_rps={floor:.0f}")


if __name__ == "__main__":
    main()
