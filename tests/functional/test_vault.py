"""Encrypted records through the ORM on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event, select, update

from crypto import BlindIndexer, DecryptionError, KeyDestroyedError, Keyring
from intake import cases
from intake.db import make_session_factory
from intake.models import BlindIndex, Pseudonym, Subject
from intake.records import Vault


@pytest.fixture
def keyring():
    return Keyring.generate()


@pytest.fixture
def sessions(engine):
    return make_session_factory(engine)


def _intake(sessions, keyring, names):
    with sessions() as session:
        vault = Vault(session, keyring)
        matter = cases.create_matter(session, vault, caption="Doe v. Example Inns")
        subjects = [
            cases.add_subject(session, vault, BlindIndexer(keyring), matter,
                              cases.SubjectInput(names=[name], date_of_birth="2012-01-02",
                                                 phones=["(404) 555-0101"]))
            for name in names
        ]
        session.commit()
        return matter.id, [s.id for s in subjects]


def test_fields_round_trip_and_columns_hold_no_plaintext(sessions, keyring):
    _, (sid,) = _intake(sessions, keyring, ["Nadia Quintero"])
    with sessions() as session:
        subject = session.get(Subject, sid)
        assert b"Nadia" not in subject.names_ct
        fields = Vault(session, keyring).open(subject)
        assert fields["names"] == ["Nadia Quintero"]
        assert fields["phones"] == ["(404) 555-0101"]
        assert subject.minor is True
        assert subject.pseudonym == "Jane Doe 1"


def test_copied_ciphertext_fails_in_other_row(sessions, keyring):
    _, (first, second) = _intake(sessions, keyring, ["Nadia Quintero", "Lucia Ferreira"])
    with sessions() as session:
        src = session.get(Subject, first)
        session.execute(update(Subject).where(Subject.id == second)
                        .values(names_ct=src.names_ct, data_key_id=src.data_key_id))
        session.commit()
    with sessions() as session:
        with pytest.raises(DecryptionError) as err:
            Vault(session, keyring).open(session.get(Subject, second))
        assert second in str(err.value)
        assert "Nadia" not in str(err.value)


def test_copied_ciphertext_fails_in_other_column(sessions, keyring):
    _, (sid,) = _intake(sessions, keyring, ["Nadia Quintero"])
    with sessions() as session:
        subject = session.get(Subject, sid)
        subject.aliases_ct = subject.names_ct
        session.commit()
    with sessions() as session, pytest.raises(DecryptionError):
        Vault(session, keyring).open(session.get(Subject, sid))


def test_shredded_subject_is_unreadable_and_pseudonym_stays_reserved(sessions, keyring):
    matter_id, (sid,) = _intake(sessions, keyring, ["Nadia Quintero"])
    with sessions() as session:
        subject = session.get(Subject, sid)
        Vault(session, keyring).shred(subject.data_key_id)
        session.commit()
    with sessions() as session:
        with pytest.raises(KeyDestroyedError):
            Vault(session, keyring).open(session.get(Subject, sid))
        matter = session.get(cases.Matter, matter_id)
        vault = Vault(session, keyring)
        newcomer = cases.add_subject(session, vault, BlindIndexer(keyring), matter,
                                     cases.SubjectInput(names=["Ines Navarro"]))
        assert newcomer.pseudonym == "Jane Doe 2"
        assert session.scalar(select(Pseudonym.pseudonym).where(
            Pseudonym.subject_id == sid)) == "Jane Doe 1"


def test_load_fetches_records_and_keys_in_one_query(sessions, keyring, engine):
    matter_id, (first, second, third) = _intake(
        sessions, keyring, ["Nadia Quintero", "Lucia Ferreira", "Ines Navarro"])
    with sessions() as session:
        Vault(session, keyring).shred(session.get(Subject, third).data_key_id)
        session.commit()
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with sessions() as session:
        vault = Vault(session, keyring)
        session.connection()  # open the transaction before counting
        event.listen(engine, "before_cursor_execute", count)
        try:
            records = vault.load(select(Subject).where(Subject.matter_id == matter_id)
                                 .order_by(Subject.pseudonym))
            opened = [vault.open(r)["names"] for r in records[:2]]
        finally:
            event.remove(engine, "before_cursor_execute", count)
        assert len(statements) == 1
        assert [r.id for r in records] == [first, second, third]
        assert opened == [["Nadia Quintero"], ["Lucia Ferreira"]]
        with pytest.raises(KeyDestroyedError):  # a shredded survivor is listed, never opened
            vault.open(records[2])


def test_blind_index_finds_same_phone_in_another_matter(sessions, keyring):
    _intake(sessions, keyring, ["Nadia Quintero"])
    digest = BlindIndexer(keyring).index("phone", "+1 404 555 0101")
    with sessions() as session:
        hits = session.scalars(select(BlindIndex).where(
            BlindIndex.kind == "phone", BlindIndex.digest == digest)).all()
        assert len(hits) == 1


def test_pseudonym_given_twice_in_a_matter_is_refused(sessions, keyring):
    with sessions() as session:
        vault = Vault(session, keyring)
        matter = cases.create_matter(session, vault, caption="Doe v. Example Inns")
        indexer = BlindIndexer(keyring)
        cases.add_subject(session, vault, indexer, matter,
                          cases.SubjectInput(names=["A Person"]), pseudonym="Jane Doe 4")
        with pytest.raises(cases.PseudonymTakenError):
            cases.add_subject(session, vault, indexer, matter,
                              cases.SubjectInput(names=["B Person"]), pseudonym="Jane Doe 4")


def test_an_imported_pseudonym_cannot_be_a_name_of_the_case(sessions, keyring):
    context: dict = {"matter": "Doe v. Example Inns",
                     "subjects": [{"names": ["Nadia Quintero"], "aliases": ["Nani"],
                                   "pseudonym": "Jane Doe 1"},
                                  {"names": ["Rosa Ibarra"], "pseudonym": "Nani Q"}]}
    with sessions() as session:
        with pytest.raises(cases.PseudonymIsANameError) as refused:
            cases.import_case_context(session, Vault(session, keyring), BlindIndexer(keyring),
                                      context)
        assert "Nani" not in str(refused.value)
        session.rollback()
        context["subjects"][1]["pseudonym"] = "Jane Doe 2"
        matter = cases.import_case_context(session, Vault(session, keyring),
                                           BlindIndexer(keyring), context)
        assert [s.pseudonym for s in matter.subjects] == ["Jane Doe 1", "Jane Doe 2"]


def test_database_errors_do_not_carry_values(engine):
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    with engine.connect() as conn, pytest.raises(SQLAlchemyError) as err:
        conn.execute(text("SELECT no_such_column FROM subjects WHERE id = :v"),
                     {"v": "Nadia Quintero"})
    assert "Nadia" not in str(err.value)


def test_concurrent_intakes_in_one_matter_get_distinct_pseudonyms(sessions, keyring):
    import threading

    with sessions() as session:
        matter = cases.create_matter(session, Vault(session, keyring), caption="Doe v. Inns")
        session.commit()
        matter_id = matter.id
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def intake(i: int) -> None:
        try:
            with sessions() as session:
                vault = Vault(session, keyring)
                barrier.wait()
                cases.add_subject(session, vault, BlindIndexer(keyring),
                                  session.get(cases.Matter, matter_id),
                                  cases.SubjectInput(names=[f"Person {i}"]))
                session.commit()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=intake, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sessions() as session:
        names = sorted(session.scalars(select(Subject.pseudonym).where(
            Subject.matter_id == matter_id)))
    assert names == ["Jane Doe 1", "Jane Doe 2", "Jane Doe 3", "Jane Doe 4"]
