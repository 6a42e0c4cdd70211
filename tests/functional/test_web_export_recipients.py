"""An export's recipient is chosen from the consents in force, spellings matched as one."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from intake import cases, consents
from intake.models import Export, Matter, Subject
from intake.records import Vault
from tests.functional.export_support import documents, upload, wait_jobs
from tests.functional.web_support import make_staff, post, seed_matter, sign_in


@pytest.mark.parametrize(("written", "asked", "same"), [
    ("U.S. District Court", "US District Court", True),
    ("U.S. District Court", "  u.s.   district court ", True),
    ("St. Mary's Legal-Aid & Co.", "St Marys Legal Aid and Co", True),
    ("St. Mary’s Legal Aid", "ST. MARY'S LEGAL AID", True),
    ("U.S. District Court", "U.S. District Court of Appeals", False),
    ("U.S. District Court", "US Bankruptcy Court", False),
    ("County Victim Services", "County Victim Service", False),
])
def test_recipient_names_match_whatever_the_punctuation(written, asked, same):
    assert (consents.normalize_recipient(written)
            == consents.normalize_recipient(asked)) is same


def _consent(session, svc, subject, recipient, **kw):
    today = date.today()
    return consents.record_consent(session, Vault(session, svc.keyring), subject,
                                   consents.ConsentInput(
                                       recipient=recipient, signed_on=kw.get("signed", today),
                                       expires_on=kw.get("expires", today + timedelta(days=90)),
                                       signer="Signer", guardian="Guardian", informed=True,
                                       written=True), recorded_by=None)


def _setup(svc):
    """A matter with two survivors; their consents spell one court two ways."""
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)  # Jane Doe 1: County Victim Services
    with svc.sessions() as s:
        vault = Vault(s, svc.keyring)
        first = s.get(Subject, seeded.subject_id)
        second = cases.add_subject(s, vault, svc.indexer, s.get(Matter, seeded.matter_id),
                                   cases.SubjectInput(names=["Odalys Fenwick-Marrero"]))
        _consent(s, svc, first, "U.S. District Court")
        _consent(s, svc, second, "US District Court")
        withdrawn = _consent(s, svc, second, "Daily Courier News")
        consents.withdraw_consent(s, withdrawn, withdrawn_by=None)
        old = date.today() - timedelta(days=200)
        _consent(s, svc, second, "Harbor Shelter", signed=old, expires=old + timedelta(days=30))
        s.commit()
    return advocate, seeded


def test_the_export_form_offers_the_recipients_of_consents_in_force(app, svc):
    advocate, seeded = _setup(svc)
    with svc.sessions() as s:
        found = consents.recipients_in_force(s, seeded.matter_id)
    assert [(r.name, r.pseudonyms) for r in found] == [
        ("County Victim Services", ("Jane Doe 1",)),
        ("US District Court", ("Jane Doe 1", "Jane Doe 2")),
    ]
    client = app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(b"A statement.\n", "statement.txt")])
    page = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert '<select id="recipient" name="recipient"' in page
    first = re.search(r'<select id="recipient"[^>]*>\s*<option([^>]*)>([^<]*)</option>', page)
    assert first and first.group(2) == "Choose the recipient"  # no recipient preselected
    assert 'value=""' in first.group(1) and 'selected value="U' not in page
    assert ">US District Court (consent from Jane Doe 1, Jane Doe 2)</option>" in page
    assert "Daily Courier News" not in page and "Harbor Shelter" not in page


@pytest.mark.parametrize("typed", ["Daily Courier News", "Harbor Shelter", "Someone Else", ""])
def test_an_export_to_a_recipient_without_consent_is_not_started(app, svc, typed):
    advocate, seeded = _setup(svc)
    client = app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(b"A statement.\n", "statement.txt")])
    doc = documents(svc, seeded.matter_id)[0]
    resp = post(client, f"/matters/{seeded.matter_id}/exports",
                {"documents": [doc.id], "profile": "court", "recipient": typed},
                form_path=f"/matters/{seeded.matter_id}/documents")
    assert resp.status_code == 302
    assert resp.headers["Location"] == f"/matters/{seeded.matter_id}/documents"
    with svc.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Export)) == 0
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "a recipient from the consents in force" in page


def test_a_matter_without_consent_in_force_says_so(app, svc):
    advocate, seeded = _setup(svc)
    with svc.sessions() as s:
        for consent in s.scalars(select(consents.Consent)):
            if consent.withdrawn_at is None:
                consents.withdraw_consent(s, consent, withdrawn_by=None)
        s.commit()
    client = app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(b"A statement.\n", "statement.txt")])
    page = client.get(f"/matters/{seeded.matter_id}/documents").get_data(as_text=True)
    assert 'id="no-recipient"' in page and 'name="recipient"' not in page


def test_starting_an_export_says_who_has_not_consented_yet(engine_app, svc):
    advocate, seeded = _setup(svc)  # Jane Doe 2 has no consent for County Victim Services
    client = engine_app.test_client()
    sign_in(client, advocate)
    upload(client, seeded.matter_id, [(b"A statement.\n", "statement.txt")])  # the matter's
    doc = documents(svc, seeded.matter_id)[0]
    resp = post(client, f"/matters/{seeded.matter_id}/exports",
                {"documents": [doc.id], "profile": "court", "recipient": "County Victim Services"},
                form_path=f"/matters/{seeded.matter_id}/documents", follow_redirects=True)
    page = resp.get_data(as_text=True)
    assert "Jane Doe 2 has no consent in force for this recipient" in page
    assert "Jane Doe 1 has" not in page
    wait_jobs(engine_app)
    resp = post(client, f"/matters/{seeded.matter_id}/exports",
                {"documents": [doc.id], "profile": "court", "recipient": "US District Court"},
                form_path=f"/matters/{seeded.matter_id}/documents", follow_redirects=True)
    assert "no consent in force" not in resp.get_data(as_text=True)  # both consented
    wait_jobs(engine_app)
