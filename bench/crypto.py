"""Cost of encryption: 10,000 full survivor records written and read back through the ORM.

Runs the same work twice in one process on a fresh SQLite database (or CLINIC_BENCH_DB_URL):
once with every identifying field sealed by the vault under its own data key, and once
with the same values stored as plain bytes in the same columns (the baseline). Then times
encrypt+decrypt of all fields of one record alone.

    .venv/bin/python bench/crypto.py [--records N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import delete, select  # noqa: E402

from crypto import FieldCipher, Keyring, new_data_key  # noqa: E402
from intake import migrate  # noqa: E402
from intake.db import make_engine, make_session_factory  # noqa: E402
from intake.models import DataKey, Matter, Subject, new_id  # noqa: E402
from intake.records import Vault  # noqa: E402

FIELDS = {
    "names": ["Perpetua Ximena Vandergriff", "Perpetua Vandergriff"],
    "aliases": ["Petty", "Moonbeam"],
    "date_of_birth": "2007-10-05",
    "phones": ["(312) 555-0199", "+1 312 555 0123"],
    "emails": ["petty.vgriff@example.com"],
    "addresses": ["5519 N Quintessa Blvd, Apt 12, Chicago, IL 60640"],
    "handles": ["@moonbeam_pv"],
    "identifiers": ["SSN 611-42-9087", "IL DL V53120077421"],
    "narrative": "Met the recruiter online in 2022; moved between three motels. " * 8,
    "safety_notes": "Do not call after 8pm; text only from the clinic phone.",
    "guardian": "Octavia Vandergriff",
}


def _plain(record: Subject) -> None:
    for name, kind in Subject.ENCRYPTED.items():
        value = FIELDS[name]
        text = json.dumps(value) if kind == "list" else str(value)
        setattr(record, f"{name}_ct", text.encode("utf-8"))


def _unplain(record: Subject) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, kind in Subject.ENCRYPTED.items():
        text = getattr(record, f"{name}_ct").decode("utf-8")
        out[name] = json.loads(text) if kind == "list" else text
    return out


def run(url: str, count: int, encrypted: bool, keyring: Keyring) -> tuple[float, float]:
    """Seconds to write `count` records and to read them all back."""
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as session:
        session.execute(delete(Subject))
        session.execute(delete(Matter))
        session.execute(delete(DataKey))
        matter_key = DataKey(id=new_id(), owner_type="matter", kek_version=1, wrapped=b"x")
        matter = Matter(id=new_id(), caption="Bench v. Bench", data_key_id=matter_key.id)
        session.add_all([matter_key, matter])
        session.commit()
        matter_id, shared_key = matter.id, matter_key.id
    start = time.perf_counter()
    with sessions() as session:
        vault = Vault(session, keyring)
        for i in range(count):
            subject = Subject(id=new_id(), matter_id=matter_id, pseudonym=f"Jane Doe {i}")
            if encrypted:
                subject.data_key_id = vault.create_data_key("subject", subject.id)
                vault.seal(subject, **FIELDS)
            else:
                subject.data_key_id = shared_key
                _plain(subject)
            session.add(subject)
        session.commit()
    written = time.perf_counter() - start
    start = time.perf_counter()
    with sessions() as session:
        vault = Vault(session, keyring)
        subjects = session.scalars(select(Subject)).all()
        if encrypted:  # unwrap the keys with a few queries, as a listing page does
            vault.unlock(subjects)
        for subject in subjects:
            fields = vault.open(subject) if encrypted else _unplain(subject)
            assert fields["names"] == FIELDS["names"]
    read = time.perf_counter() - start
    engine.dispose()
    return written, read


def field_micro(rounds: int = 2000) -> float:
    """Microseconds to encrypt and decrypt every field of one record (no database)."""
    cipher = FieldCipher(new_data_key(), new_id())
    plains = {name: v if isinstance(v, str) else json.dumps(v) for name, v in FIELDS.items()}
    start = time.perf_counter()
    for _ in range(rounds):
        row = new_id()
        for name, text in plains.items():
            blob = cipher.encrypt("subjects", name, row, text)
            cipher.decrypt("subjects", name, row, blob)
    return (time.perf_counter() - start) / rounds * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="interleaved rounds of each variant; the fastest of each counts")
    args = parser.parse_args()
    keyring = Keyring.generate()
    plains: list[tuple[float, float]] = []
    encs: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("CLINIC_BENCH_DB_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(make_engine(url))
        run(url, 200, True, keyring)  # warm up imports, caches and the database file
        # Interleaved, so a burst of load on a shared machine hits both variants alike.
        for _ in range(args.rounds):
            plains.append(run(url, args.records, False, keyring))
            encs.append(run(url, args.records, True, keyring))
    plain_w, plain_r = min(plains, key=sum)
    enc_w, enc_r = min(encs, key=sum)
    micro = min(field_micro() for _ in range(3))
    plain, enc = plain_w + plain_r, enc_w + enc_r
    print(f"records: {args.records} on {url.split(':', 1)[0]}, fastest of {args.rounds} rounds")
    print(f"plain     write {plain_w:.2f}s read {plain_r:.2f}s total {plain:.2f}s")
    print(f"encrypted write {enc_w:.2f}s read {enc_r:.2f}s total {enc:.2f}s")
    print(f"ratio {enc / plain:.2f}x (target <= 1.30x)")
    print(f"encrypt+decrypt of all {len(FIELDS)} fields: {micro:.1f} us/record (target < 100)")
    print(f"RESULT records={args.records} plain_s={plain:.3f} encrypted_s={enc:.3f} "
          f"ratio={enc / plain:.3f} fields_us_per_record={micro:.1f}")


if __name__ == "__main__":
    main()
