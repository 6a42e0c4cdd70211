"""Consent records: recorded through the web, checked by `valid_consent`, withdrawn."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from intake.consents import valid_consent
from intake.models import AuditEvent, Consent, Subject, utcnow
from tests.functional.web_support import (
    make_staff,
    member_client,
    post,
    seed_matter,
    sign_in,
)


def _form(**overrides):
    today = date.today()
    data = {"recipient": "Legal Aid of the North", "scope": "Intake summary for co-counsel",
            "signed_on": today.isoformat(),
            "expires_on": (today + timedelta(days=180)).isoformat(),
            "signer": "Marisol Quintanilla-Reyes", "guardian": "Teodora Quintanilla",
            "informed": "y", "written": "y"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_consent_is_recorded_and_governs_sharing(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    url = f"/subjects/{seeded.subject_id}/consents/new"
    resp = post(client, url, _form())
    assert resp.status_code == 302
    with svc.sessions() as session:
        subject = session.get(Subject, seeded.subject_id)
        consent = valid_consent(session, subject, "  legal aid OF the north ")
        assert consent is not None and b"Teodora" not in (consent.guardian_ct or b"")
        assert valid_consent(session, subject, "Someone Else") is None
        assert valid_consent(session, subject, "Legal Aid of the North",
                             at=utcnow() + timedelta(days=182)) is None
    page = client.get(f"/subjects/{seeded.subject_id}/consents").get_data(as_text=True)
    assert "Legal Aid of the North" in page and "In force" in page and "Teodora" not in page
    resp = post(client, f"/consents/{consent.id}/withdraw", {"confirm": "y"})
    assert resp.status_code == 302
    with svc.sessions() as session:
        subject = session.get(Subject, seeded.subject_id)
        assert valid_consent(session, subject, "Legal Aid of the North") is None
        actions = [e.action for e in session.scalars(select(AuditEvent))]
    assert "consent.create" in actions and "consent.withdraw" in actions


def test_incomplete_consents_are_refused(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    url = f"/subjects/{seeded.subject_id}/consents/new"
    cases = [
        (_form(guardian=""), "parent or guardian"),
        (_form(informed=None), "informed"),
        (_form(written=None), "written"),
        (_form(expires_on=(date.today() + timedelta(days=400)).isoformat()), "one year"),
        (_form(expires_on=date.today().isoformat()), "after the day"),
    ]
    for data, message in cases:
        resp = post(client, url, data)
        assert resp.status_code == 400
        page = resp.get_data(as_text=True)
        assert message in page
        assert 'value="Legal Aid of the North"' in page
    with svc.sessions() as session:
        count = len(session.scalars(select(Consent)).all())
    assert count == 1  # only the seeded one


def test_withdrawing_a_consent_asks_for_an_explicit_confirmation(app, svc):
    client, _staff, seeded = member_client(app, svc)
    show = client.get(f"/consents/{seeded.consent_id}").get_data(as_text=True)
    withdraw = f"/consents/{seeded.consent_id}/withdraw"
    assert f'action="{withdraw}"' not in show  # no one-click withdrawal from the record
    assert f'href="{withdraw}"' in show
    page = client.get(withdraw).get_data(as_text=True)
    assert "Withdraw the consent to share with County Victim Services?" in page
    assert 'type="checkbox"' in page and "Jane Doe 1" in page
    refused = post(client, withdraw, {})  # the box is not ticked
    assert refused.status_code == 400
    assert "Tick the box to confirm the withdrawal." in refused.get_data(as_text=True)
    with svc.sessions() as session:
        subject = session.get(Subject, seeded.subject_id)
        assert valid_consent(session, subject, "County Victim Services") is not None
    done = post(client, withdraw, {"confirm": "y"})
    assert done.status_code == 302 and done.headers["Location"] == f"/consents/{seeded.consent_id}"
    with svc.sessions() as session:
        subject = session.get(Subject, seeded.subject_id)
        assert valid_consent(session, subject, "County Victim Services") is None
        events = [e for e in session.scalars(select(AuditEvent))
                  if e.action == "consent.withdraw"]
    assert len(events) == 1 and events[0].object_id == seeded.consent_id
    assert "Withdrawn on" in client.get(f"/consents/{seeded.consent_id}").get_data(as_text=True)
    again = client.get(withdraw)  # nothing left to confirm
    assert again.status_code == 302
