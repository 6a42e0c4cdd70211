"""Cost of encryption: 10,000 full survivor records written and read back through the ORM.

Runs the same work twice in one process on a fresh SQLite database (or CLINIC_BENCH_DB_URL):
once with every identifying field sealed by the vault under the survivor's own data key
(a fresh key per record, wrapped and stored), and once with the same values stored as plain
bytes in the same columns (the baseline). The two variants alternate in batches of 1,000
records, each batch its own transaction; reads fetch each batch back by id and decode every
field. Then times encrypt+decrypt of all fields of one record alone.

    .venv/bin/python bench/crypto.py [--records N] [--rounds R]
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
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

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


BATCH = 1000


def _reset(sessions: sessionmaker[Session]) -> tuple[str, str, str]:
    """Empty the tables; return (plain matter, encrypted matter, the plain side's key id)."""
    with sessions() as session:
        session.execute(delete(Subject))
        session.execute(delete(Matter))
        session.execute(delete(DataKey))
        # The plain records still need a data_key_id (the column is NOT NULL): one dummy row.
        shared = DataKey(id=new_id(), owner_type="matter", kek_version=1, wrapped=b"x")
        plain = Matter(id=new_id(), caption="Plain v. Bench", data_key_id=shared.id)
        enc = Matter(id=new_id(), caption="Sealed v. Bench", data_key_id=shared.id)
        session.add_all([shared, plain, enc])
        session.commit()
        return plain.id, enc.id, shared.id


def _write(sessions: sessionmaker[Session], keyring: Keyring, matter_id: str, shared_key: str,
           first: int, count: int, encrypted: bool) -> tuple[float, list[str]]:
    """Seconds to write `count` records in one transaction, and their ids."""
    ids: list[str] = []
    start = time.perf_counter()
    with sessions() as session:
        vault = Vault(session, keyring)
        for i in range(first, first + count):
            subject = Subject(id=new_id(), matter_id=matter_id, pseudonym=f"Jane Doe {i}")
            if encrypted:
                subject.data_key_id = vault.create_data_key("subject", subject.id)
                vault.seal(subject, **FIELDS)
            else:
                subject.data_key_id = shared_key
                _plain(subject)
            session.add(subject)
            ids.append(subject.id)
        session.commit()
    return time.perf_counter() - start, ids


def _read(sessions: sessionmaker[Session], keyring: Keyring, ids: list[str],
          encrypted: bool) -> float:
    """Seconds to read the records with these ids and decrypt every field."""
    start = time.perf_counter()
    with sessions() as session:
        page = select(Subject).where(Subject.id.in_(ids))
        if encrypted:  # the records and their wrapped keys in one query, as listings do
            vault = Vault(session, keyring)
            subjects = vault.load(page)
            rows = [vault.open(subject) for subject in subjects]
        else:
            subjects = list(session.scalars(page))
            rows = [_unplain(subject) for subject in subjects]
    seconds = time.perf_counter() - start
    if len(rows) != len(ids) or any(row["names"] != FIELDS["names"] for row in rows):
        raise SystemExit("bench: records did not read back intact")
    return seconds


def run(url: str, count: int, keyring: Keyring) -> dict[str, float]:
    """One round: both variants write then read `count` records, batch by batch, alternating.

    Batches of 1,000 take a fraction of a second, so a burst of load on a shared machine
    hits both variants alike instead of landing on whichever ran during it.
    """
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    plain_matter, enc_matter, shared_key = _reset(sessions)
    matters = {False: plain_matter, True: enc_matter}
    times = {"plain_write": 0.0, "plain_read": 0.0, "enc_write": 0.0, "enc_read": 0.0}
    batches = [(first, min(BATCH, count - first)) for first in range(0, count, BATCH)]
    written: dict[bool, list[list[str]]] = {False: [], True: []}
    for n, (first, size) in enumerate(batches):
        for encrypted in ((False, True) if n % 2 == 0 else (True, False)):
            seconds, ids = _write(sessions, keyring, matters[encrypted], shared_key,
                                  first, size, encrypted)
            times[("enc" if encrypted else "plain") + "_write"] += seconds
            written[encrypted].append(ids)
    for n in range(len(batches)):
        for encrypted in ((False, True) if n % 2 == 0 else (True, False)):
            seconds = _read(sessions, keyring, written[encrypted][n], encrypted)
            times[("enc" if encrypted else "plain") + "_read"] += seconds
    engine.dispose()
    return times


def field_micro(rounds: int = 2000) -> float:
    """Microseconds to encrypt and decrypt every field of one record (no database).

    Through the row calls the vault uses: one per record each way, eleven AEAD operations.
    """
    cipher = FieldCipher(new_data_key(), new_id())
    cells = [(f"{name}_ct", v if isinstance(v, str) else json.dumps(v))
             for name, v in FIELDS.items()]
    columns = [column for column, _ in cells]
    start = time.perf_counter()
    for _ in range(rounds):
        row = new_id()
        blobs = cipher.encrypt_row("subjects", row, cells)
        texts = cipher.decrypt_row("subjects", row, list(zip(columns, blobs, strict=True)))
    elapsed = time.perf_counter() - start
    if texts != [text for _, text in cells]:
        raise SystemExit("bench: fields did not decrypt to their values")
    return elapsed / rounds * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of the whole workload; the median round's ratio counts")
    args = parser.parse_args()
    keyring = Keyring.generate()
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        url = os.environ.get("CLINIC_BENCH_DB_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(make_engine(url))
        run(url, 400, keyring)  # warm up imports, caches and the database file
        rounds = [run(url, args.records, keyring) for _ in range(args.rounds)]

    def ratio(r: dict[str, float]) -> float:
        return (r["enc_write"] + r["enc_read"]) / (r["plain_write"] + r["plain_read"])

    ratios = sorted(ratio(r) for r in rounds)
    median = ratios[len(ratios) // 2]
    best = min(rounds, key=lambda r: sum(r.values()))
    plain, enc = best["plain_write"] + best["plain_read"], best["enc_write"] + best["enc_read"]
    micro = min(field_micro() for _ in range(3))
    print(f"records: {args.records} per variant on {url.split(':', 1)[0]}, "
          f"{args.rounds} rounds, batches of {BATCH} alternating between the variants")
    print(f"fastest round: plain     write {best['plain_write']:.2f}s "
          f"read {best['plain_read']:.2f}s total {plain:.2f}s")
    print(f"               encrypted write {best['enc_write']:.2f}s "
          f"read {best['enc_read']:.2f}s total {enc:.2f}s")
    print("ratio per round: " + " ".join(f"{r:.2f}x" for r in ratios))
    print(f"ratio (median round) {median:.2f}x (target <= 1.30x)")
    print(f"encrypt+decrypt of all {len(FIELDS)} fields: {micro:.1f} us/record (target < 100)")
    print(f"RESULT records={args.records} plain_s={plain:.3f} encrypted_s={enc:.3f} "
          f"ratio={median:.3f} fields_us_per_record={micro:.1f}")


if __name__ == "__main__":
    main()
