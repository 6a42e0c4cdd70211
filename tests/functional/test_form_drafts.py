"""No lost work: an intake submitted after the idle timeout signed its author out is kept,
sealed, and put back in the form once they sign in again; no one else gets it."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from intake.models import AuditEvent, FormDraft, Subject, UserSession, utcnow
from tests.functional.web_support import SURVIVOR, csrf, make_staff, seed_matter, sign_in

TYPED = dict(SURVIVOR, names="Evangelina Marsh", phones="(212) 555-0199",
             narrative="She was moved between three motels in one week.")


def _idle(svc, user_id: str) -> None:
    with svc.sessions() as s:
        live = s.scalar(select(UserSession).where(UserSession.user_id == user_id,
                                                  UserSession.ended_at.is_(None)))
        live.last_seen_at = utcnow() - timedelta(minutes=16)
        s.commit()


def test_a_form_sent_after_the_idle_timeout_comes_back_after_sign_in(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff, caption="Doe v. Draft Motel")
    client = app.test_client()
    sign_in(client, staff)
    path = f"/matters/{seeded.matter_id}/subjects/new"
    token = csrf(client, path)
    _idle(svc, staff.id)
    sent = client.post(path, data=dict(TYPED, csrf_token=token))
    assert sent.status_code == 302 and sent.headers["Location"].startswith("/login")
    assert "next=" in sent.headers["Location"]
    with svc.sessions() as s:
        drafts = s.scalars(select(FormDraft)).all()
        assert len(drafts) == 1 and drafts[0].user_id == staff.id
        assert b"Evangelina" not in (drafts[0].payload_ct or b"")
        assert s.scalars(select(Subject).where(Subject.matter_id == seeded.matter_id,
                                               Subject.pseudonym != "Jane Doe 1")).all() == []
        events = " ".join(f"{e.action} {e.details or ''}" for e in s.scalars(select(AuditEvent)))
    assert "draft.kept" in events and "Evangelina" not in events and "motels" not in events

    sign_in(client, staff)
    page = client.get(path).get_data(as_text=True)
    assert "back in the form" in page and "Evangelina Marsh" in page
    assert "three motels in one week" in page
    with svc.sessions() as s:
        assert s.scalars(select(FormDraft)).all() == []  # used once
    again = client.get(path).get_data(as_text=True)
    assert "Evangelina" not in again


def test_someone_else_never_gets_the_draft_and_it_expires(app, svc):
    staff = make_staff(svc, "advocate")
    colleague = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff, colleague, caption="Doe v. Other Motel")
    client = app.test_client()
    sign_in(client, staff)
    path = f"/matters/{seeded.matter_id}/subjects/new"
    token = csrf(client, path)
    _idle(svc, staff.id)
    client.post(path, data=dict(TYPED, csrf_token=token))
    other = app.test_client()
    sign_in(other, colleague)
    assert "Evangelina" not in other.get(path).get_data(as_text=True)
    with svc.sessions() as s:
        draft = s.scalars(select(FormDraft)).one()
        draft.expires_at = utcnow() - timedelta(minutes=1)
        s.commit()
    sign_in(client, staff)
    assert "Evangelina" not in client.get(path).get_data(as_text=True)
    with svc.sessions() as s:
        assert s.scalars(select(FormDraft)).all() == []  # purged


def test_a_post_without_any_session_keeps_nothing(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    anonymous = app.test_client()
    path = f"/matters/{seeded.matter_id}/subjects/new"
    anonymous.get("/login")
    resp = anonymous.post(path, data=TYPED)
    assert resp.status_code in (302, 400)
    with svc.sessions() as s:
        assert s.scalars(select(FormDraft)).all() == []
    assert re.search("Evangelina", resp.get_data(as_text=True)) is None
