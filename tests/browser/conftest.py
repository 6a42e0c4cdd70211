"""A real server for the browser tests: `clinic bootstrap` then `clinic run` on a free port
(SQLite for the session; PostgreSQL for a test that asks for `pg_server`)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CLINIC = str(Path(sys.executable).with_name("clinic"))
CHROMIUM = os.environ.get("CLINIC_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@dataclass
class Server:
    url: str
    env: dict[str, str]
    admin_password: str
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serve(root: Path, database_url: str | None = None) -> Iterator[Server]:
    """Bootstrap a fresh instance and serve it with waitress until the block ends."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLINIC_")}
    env.update(CLINIC_INSTANCE_DIR=str(root / "instance"), CLINIC_ENV="development")
    if database_url:
        env["CLINIC_DATABASE_URL"] = database_url
    boot = subprocess.run([CLINIC, "bootstrap"], env=env, cwd=root, capture_output=True,
                          text=True, timeout=120, check=True)
    password = re.search(r"One-time password \(shown only now\): (\S+)", boot.stdout)
    assert password, boot.stdout + boot.stderr
    port = _free_port()
    log = root / "server.log"
    with log.open("w") as out:
        proc = subprocess.Popen([CLINIC, "run", "--port", str(port)], env=env, cwd=root,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=1):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start: " + log.read_text())
        yield Server(url, env, password[1], log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A fresh instance on SQLite, served for the whole session."""
    with _serve(tmp_path_factory.mktemp("browser")) as served:
        yield served


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[Server]:
    """A fresh instance on its own PostgreSQL database (dropped afterwards)."""
    import psycopg

    from tests.conftest import PG_ADMIN_URL, _pg_url

    name = f"clinic_b_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        if os.environ.get("CLINIC_REQUIRE_BROWSER") == "1":
            pytest.fail(f"PostgreSQL not reachable: {exc}")
        pytest.skip(f"PostgreSQL not reachable: {exc}")
    try:
        with _serve(tmp_path, _pg_url(name)) as served:
            yield served
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        if os.environ.get("CLINIC_REQUIRE_BROWSER") == "1":  # CI: a missing browser fails
            pytest.fail(f"Chromium not installed at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()
