"""Faults: a server killed with SIGKILL in the middle of intakes leaves no partial record."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pyotp
from sqlalchemy import func, select

from config import Config
from intake import auth, cases, migrate, users
from intake.extensions import build_services
from intake.keys import verify as keys_verify
from intake.models import AuditEvent, DataKey, MatterMember, Pseudonym, Subject, utcnow
from intake.records import Vault
from tests.functional.cli_support import clinic

CLINIC = str(Path(sys.executable).with_name("clinic"))
PASSWORD = "fault test passphrase"
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _setup(env):
    services = build_services(Config.from_env(env))
    migrate.upgrade(services.engine)
    with services.sessions() as session:
        vault = Vault(session, services.keyring)
        matter = cases.create_matter(session, vault, caption="Doe v. Fault Inns")
        user = users.create_user(session, "staff@clinic.test", "advocate", PASSWORD)
        secret = auth.enrolment_secret(session, vault, user)
        user.mfa_enrolled_at = utcnow()
        session.add(MatterMember(matter_id=matter.id, user_id=user.id))
        session.commit()
        return services, matter.id, secret


def _token(response: httpx.Response) -> str:
    match = _CSRF.search(response.text)
    assert match
    return match.group(1)


def serve_signed_in(env: dict[str, str], secret: str) -> tuple[subprocess.Popen[bytes],
                                                                httpx.Client]:
    """`clinic run` on a free port, and a client signed in as the staff member of `_setup`."""
    port = _free_port()
    server = subprocess.Popen([CLINIC, "run", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(f"{base}/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    client = httpx.Client(base_url=base, timeout=30)
    client.post("/login", data={"email": "staff@clinic.test", "password": PASSWORD,
                                "csrf_token": _token(client.get("/login"))})
    client.post("/login/mfa", data={"code": pyotp.TOTP(secret).now(),
                                    "csrf_token": _token(client.get("/login/mfa"))})
    return server, client


def test_sigkill_during_intakes_leaves_whole_records_and_a_valid_chain(env):
    services, matter_id, secret = _setup(env)
    server, client = serve_signed_in(env, secret)
    form_url = f"/matters/{matter_id}/subjects/new"
    token = _token(client.get(form_url))
    created: list[int] = []
    stop = threading.Event()

    def intakes(worker: int) -> None:
        n = 0
        while not stop.is_set():
            n += 1
            try:
                response = client.post(form_url, data={
                    "names": f"Fictional Person{worker}x{n}", "phones": f"(555) 010-{n:04d}",
                    "narrative": "x" * 2000, "csrf_token": token})
            except httpx.HTTPError:
                return
            if response.status_code == 302:
                created.append(1)

    threads = [threading.Thread(target=intakes, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    while len(created) < 5:
        time.sleep(0.05)
    server.send_signal(signal.SIGKILL)  # mid-flight: several intakes are being written
    server.wait(timeout=30)
    stop.set()
    for t in threads:
        t.join()
    client.close()
    with services.sessions() as session:
        subjects = list(session.scalars(select(Subject)))
        assert len(subjects) >= len(created) >= 5
        for subject in subjects:  # every record is whole: key, pseudonym, fields, event
            assert session.get(DataKey, subject.data_key_id) is not None
            assert session.scalar(select(Pseudonym.id).where(
                Pseudonym.subject_id == subject.id)) is not None
            assert Vault(session, services.keyring).open(subject)["names"]
        orphans = session.scalar(select(func.count()).select_from(Pseudonym).where(
            Pseudonym.subject_id.is_(None)))
        assert orphans == 0
        events = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "subject.create"))
        assert events == len(subjects)
        assert keys_verify(session, services.keyring).failures == []
    services.engine.dispose()
    assert clinic(env, "audit", "verify").returncode == 0
