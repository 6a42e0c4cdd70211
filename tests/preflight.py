"""Checks `make test` runs first, so a missing service fails with one clear line."""

from __future__ import annotations

import os
import sys

import psycopg
import redis

PG_URL = os.environ.get("CLINIC_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CLINIC_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def main() -> int:
    """Exit non-zero naming the first service the test suite cannot reach."""
    try:
        with psycopg.connect(PG_URL, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        print(f"preflight: PostgreSQL not reachable at {PG_URL}: {exc}", file=sys.stderr)
        return 1
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=5).ping()
    except redis.RedisError as exc:
        print(f"preflight: Redis not reachable at {REDIS_URL}: {exc}", file=sys.stderr)
        return 1
    print("preflight: PostgreSQL and Redis reachable")
    return 0


if __name__ == "__main__":
    sys.exit(main())
