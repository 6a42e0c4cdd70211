"""Deleting a survivor crypto-shreds her; legal holds block it; retention purges old matters."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from crypto import BlindIndexer, KeyDestroyedError, Keyring
from intake import cases, keys, lifecycle
from intake.db import make_session_factory
from intake.models import AuditEvent, BlindIndex, Matter, Pseudonym, Subject, utcnow
from intake.records import Vault
from tests.functional.cli_support import clinic, clinic_inproc


@pytest.fixture
def keyring():
    return Keyring.generate()


@pytest.fixture
def sessions(engine):
    return make_session_factory(engine)


def _matter_with(sessions, keyring, n=2):
    with sessions() as session:
        vault = Vault(session, keyring)
        matter = cases.create_matter(session, vault, caption="Doe v. Example Inns")
        ids = []
        for i in range(n):
            subject = cases.add_subject(
                session, vault, BlindIndexer(keyring), matter,
                cases.SubjectInput(names=[f"Person Number{i} Testcase"], phones=[f"404555010{i}"]))
            cases.add_related_person(session, vault, BlindIndexer(keyring), matter,
                                     cases.RelatedInput(names=[f"Kin Of{i}"]), subject=subject)
            ids.append(subject.id)
        session.commit()
        return matter.id, ids


def test_deleted_survivor_is_unreadable_unindexed_and_recorded(sessions, keyring):
    matter_id, (gone, kept) = _matter_with(sessions, keyring)
    with sessions() as session:
        subject = session.get(Subject, gone)
        result = lifecycle.delete_subject(session, Vault(session, keyring), subject,
                                          actor="os:test")
        session.commit()
        assert result.related_people == 1
    with sessions() as session:
        subject = session.get(Subject, gone)
        assert subject.deleted_at is not None and subject.names_ct is None
        with pytest.raises(KeyDestroyedError):
            Vault(session, keyring).cipher(subject.data_key_id)
        assert session.scalar(select(func.count()).select_from(BlindIndex).where(
            BlindIndex.subject_id == gone)) == 0
        assert Vault(session, keyring).open(session.get(Subject, kept))["names"]
        reserved = session.scalars(select(Pseudonym).where(Pseudonym.subject_id == gone)).one()
        assert reserved.pseudonym == "Jane Doe 1" and reserved.released_at is not None
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "subject.delete")).one()
        assert event.object_id == gone and "Person" not in (event.details or "")
        report = keys.verify(session, keyring)
        assert report.failures == [] and report.data_keys_destroyed == 1


def test_legal_hold_blocks_deletion(sessions, keyring):
    matter_id, (sid, _) = _matter_with(sessions, keyring)
    with sessions() as session:
        lifecycle.set_legal_hold(session, session.get(Matter, matter_id), True, actor="os:t")
        with pytest.raises(lifecycle.LegalHoldError):
            lifecycle.delete_subject(session, Vault(session, keyring),
                                     session.get(Subject, sid), actor="os:test")


def test_retention_purges_old_closed_matters_but_not_held_or_recent(sessions, keyring):
    old, _ = _matter_with(sessions, keyring, 1)
    held, _ = _matter_with(sessions, keyring, 1)
    recent, _ = _matter_with(sessions, keyring, 1)
    long_ago = utcnow() - timedelta(days=365 * 8)
    with sessions() as session:
        for matter_id in (old, held, recent):
            matter = session.get(Matter, matter_id)
            lifecycle.close_matter(session, matter, actor="os:t",
                                   when=utcnow() if matter_id == recent else long_ago)
        lifecycle.set_legal_hold(session, session.get(Matter, held), True, actor="os:t")
        session.commit()
    with sessions() as session:
        due = lifecycle.due_for_retention(session)
        assert [m.id for m in due] == [old]
        assert lifecycle.purge_matter(session, Vault(session, keyring), due[0],
                                      actor="os:t") == 1
        session.commit()
        assert session.get(Matter, old).status == "purged"
        assert keys.verify(session, keyring).failures == []


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_cli_delete_needs_confirmation_and_respects_hold(env):
    def run(*args: str):
        return clinic_inproc(env, *args)

    assert run("bootstrap").returncode == 0
    from intake.db import make_engine

    engine = make_engine(env["CLINIC_DATABASE_URL"])
    with make_session_factory(engine)() as session:
        subject = session.scalars(select(Subject).order_by(Subject.pseudonym)).first()
        assert subject is not None
        subject_id, matter_id = subject.id, subject.matter_id
    engine.dispose()
    refused = run("subjects", "delete", subject_id)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert run("matters", "hold", matter_id).returncode == 0
    held = run("subjects", "delete", subject_id, "--yes")
    assert held.returncode == 2 and "legal hold" in held.stderr
    assert run("matters", "hold", matter_id, "--release").returncode == 0
    done = clinic(env, "subjects", "delete", subject_id, "--yes")  # the real console script
    assert done.returncode == 0, done.stderr
    assert "Jane Doe 1" in done.stdout
    verify = run("keys", "verify")
    assert verify.returncode == 0 and "1 destroyed" in verify.stdout
    assert run("audit", "verify").returncode == 0


def test_deleting_a_survivor_removes_her_encrypted_files(sessions, keyring, tmp_path):
    from intake.blobstore import BlobStore
    from intake.uploads import store_document

    matter_id, (sid, _) = _matter_with(sessions, keyring)
    blobs = BlobStore(tmp_path / "blobs")
    with sessions() as session:
        matter = session.get(Matter, matter_id)
        document = store_document(session, Vault(session, keyring), blobs, matter,
                                  session.get(Subject, sid), "statement.txt",
                                  b"A statement about the case.", uploaded_by=None)
        session.commit()
        stored = tmp_path / "blobs" / document.blob_name
        assert stored.exists()
        lifecycle.delete_subject(session, Vault(session, keyring), session.get(Subject, sid),
                                 actor="os:test", blob_dir=tmp_path / "blobs")
        session.commit()
    assert not stored.exists()
