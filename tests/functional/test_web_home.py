"""Home pages are work queues, one per role, limited to the user's own matters."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select

from intake import audit, consents, exports
from intake.models import AuditEvent, Document, ExportJob, Matter, Subject, User, new_id, utcnow
from intake.records import Vault
from tests.functional.export_support import documents, upload
from tests.functional.web_support import (
    SECRET_VALUES,
    SURVIVOR,
    make_staff,
    post,
    seed_matter,
    sign_in,
)


def _section(page: str, heading_id: str) -> str:
    """The HTML of one queue section of the home page."""
    found = re.search(rf'<section aria-labelledby="{heading_id}".*?</section>', page, re.S)
    assert found, f"no section {heading_id}"
    return found.group(0)


def _export(svc, document_id: str, *, status: str = "review", reviewed_by: str | None = None,
            approved_by: str | None = None, created_by: str | None = None,
            batch_id: str | None = None, leak: bool = True) -> str:
    """An export in a given state, made through the service (no redaction run)."""
    with svc.sessions() as s:
        export = exports.create_export(s, s.get(Document, document_id), profile="court",
                                       recipient="County Victim Services",
                                       created_by=created_by, batch_id=batch_id)
        export.status = status
        export.leak_check_passed = leak
        export.reviewed_by = reviewed_by
        export.reviewed_at = utcnow() if reviewed_by else None
        export.approved_by = approved_by
        export.approved_at = utcnow() if approved_by else None
        if batch_id:
            s.add(ExportJob(export_id=export.id, batch_id=batch_id, matter_id=export.matter_id,
                            status="queued" if status == "queued" else "done"))
        s.commit()
        return export.id


def _documents(app, svc, staff, matter_id: str, n: int) -> list[str]:
    client = app.test_client()
    sign_in(client, staff)
    upload(client, matter_id, [(f"Statement {i}.\n".encode(), f"s{i}.txt") for i in range(n)])
    return [d.id for d in documents(svc, matter_id)]


def _home(app, staff) -> str:
    client = app.test_client()
    sign_in(client, staff)
    resp = client.get("/")
    assert resp.status_code == 200
    page = resp.get_data(as_text=True)
    assert not any(value in page for value in SECRET_VALUES)
    return page


def test_attorneys_see_what_awaits_their_review_or_approval(app, svc):
    first, second = make_staff(svc, "attorney"), make_staff(svc, "attorney")
    advocate = make_staff(svc, "advocate", name="Amara Osei")
    outsider = make_staff(svc, "attorney")
    seeded = seed_matter(svc, first, second, advocate)
    elsewhere = seed_matter(svc, outsider, caption="Doe v. Far Away Motel")
    docs = _documents(app, svc, advocate, seeded.matter_id, 5)
    [far] = _documents(app, svc, outsider, elsewhere.matter_id, 1)
    unreviewed = _export(svc, docs[0], created_by=advocate.id)
    by_advocate = _export(svc, docs[1], reviewed_by=advocate.id)
    by_first = _export(svc, docs[2], reviewed_by=first.id)
    approved = _export(svc, docs[3], status="approved", reviewed_by=advocate.id,
                       approved_by=second.id)
    batch = new_id()
    _export(svc, docs[4], status="queued", batch_id=batch)
    other_matter = _export(svc, far, reviewed_by=outsider.id)

    page = _home(app, first)
    to_approve = _section(page, "approve-heading")
    assert "Exports awaiting your approval (1)" in to_approve
    assert f"/exports/{by_advocate}" in to_approve
    assert f"/exports/{by_first}" not in to_approve  # reviewed it: someone else approves
    assert "Document 2" in to_approve and "Doe v. Example Inns" in to_approve
    to_review = _section(page, "review-heading")
    assert "Exports awaiting review (1)" in to_review and f"/exports/{unreviewed}" in to_review
    assert f"Amara Osei &lt;{advocate.email}&gt; (advocate)" in to_review
    assert f"/exports/{approved}" not in page and f"/exports/{other_matter}" not in page
    batches = _section(page, "batches-heading")
    assert "Batches running (1)" in batches and f"/batches/{batch}" in batches
    assert "0 of 1 finished" in batches

    to_approve = _section(_home(app, second), "approve-heading")
    assert f"/exports/{by_advocate}" in to_approve and f"/exports/{by_first}" in to_approve

    with svc.sessions() as s:
        s.get(Matter, seeded.matter_id).allow_self_approval = True
        s.commit()
    assert f"/exports/{by_first}" in _section(_home(app, first), "approve-heading")

    page = _home(app, advocate)  # advocates review; they never approve
    assert 'aria-labelledby="approve-heading"' not in page
    assert f"/exports/{unreviewed}" in _section(page, "review-heading")


def _intake(client, matter_id: str, data: dict) -> str:
    resp = post(client, f"/matters/{matter_id}/subjects/new", data)
    assert resp.status_code == 302
    return resp.headers["Location"].rsplit("/", 1)[1]


def test_attorneys_see_conflicts_in_their_matters_and_only_the_fact_from_elsewhere(app, svc):
    first_attorney, second_attorney = make_staff(svc, "attorney"), make_staff(svc, "attorney")
    advocate, bystander = make_staff(svc, "advocate"), make_staff(svc, "attorney")
    first = seed_matter(svc, first_attorney)  # Jane Doe 1, phone (404) 555-0187
    second = seed_matter(svc, second_attorney, advocate, caption="Doe v. Second Motel")
    bystanders = app.test_client()  # a matter of their own, with no one in it who matches
    sign_in(bystanders, bystander)
    post(bystanders, "/matters/new", {"caption": "Doe v. Bystander Inn", "scheme": "jane"})
    client = app.test_client()
    sign_in(client, advocate)
    new_id_ = _intake(client, second.matter_id,  # past the check step, once read
                      dict(SURVIVOR, names="Someone Else", phones="404.555.0187", emails="",
                           conflict_reviewed="y"))
    with svc.sessions() as s:
        pseudonym = s.get(Subject, new_id_).pseudonym

    conflicts = _section(_home(app, second_attorney), "conflicts-heading")
    assert "Conflicts to look at (1)" in conflicts
    assert f"/subjects/{new_id_}" in conflicts and pseudonym in conflicts
    assert "Doe v. Second Motel" in conflicts and "phone" in conflicts
    assert "Example Inns" not in conflicts  # the other matter is not named

    conflicts = _section(_home(app, first_attorney), "conflicts-heading")
    assert "Conflicts to look at (1)" in conflicts
    assert f"/matters/{first.matter_id}" in conflicts
    assert "Second Motel" not in conflicts and pseudonym not in conflicts
    assert new_id_ not in conflicts

    assert "Conflicts to look at (0)" in _home(app, bystander)


def test_advocates_see_their_matters_recent_intakes_and_consents_ending(app, svc):
    advocate, outsider = make_staff(svc, "advocate"), make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate)
    elsewhere = seed_matter(svc, outsider, caption="Doe v. Far Away Motel")
    today = date.today()

    def consent(subject_id: str, recipient: str, last_day: date, signed: date | None = None):
        with svc.sessions() as s:
            found = consents.record_consent(
                s, Vault(s, svc.keyring), s.get(Subject, subject_id), consents.ConsentInput(
                    recipient=recipient, signed_on=signed or today - timedelta(days=10),
                    expires_on=last_day, signer="S", guardian="G", informed=True,
                    written=True), recorded_by=None)
            s.commit()
            return found.id

    in_30 = consent(seeded.subject_id, "Legal Aid North", today + timedelta(days=30))
    in_31 = consent(seeded.subject_id, "Legal Aid South", today + timedelta(days=31))
    ends_today = consent(seeded.subject_id, "Harbor Shelter", today)
    withdrawn = consent(seeded.subject_id, "Daily Courier", today + timedelta(days=5))
    ended = consent(seeded.subject_id, "Old Recipient", today - timedelta(days=1),
                    signed=today - timedelta(days=40))
    theirs = consent(elsewhere.subject_id, "Their Recipient", today + timedelta(days=3))
    with svc.sessions() as s:
        consents.withdraw_consent(s, s.get(consents.Consent, withdrawn), withdrawn_by=None)
        old = s.get(Subject, seeded.subject_id)
        old.created_at = utcnow() - timedelta(days=20)
        s.commit()
    client = app.test_client()
    sign_in(client, advocate)
    recent = _intake(client, seeded.matter_id, dict(SURVIVOR, names="Nadia Okonkwo-Baptiste",
                                                    phones="", emails=""))

    page = _home(app, advocate)
    expiring = _section(page, "expiring-heading")
    assert "Consents ending within 30 days (2)" in expiring
    assert f"/consents/{in_30}" in expiring and f"/consents/{ends_today}" in expiring
    assert "Last day today" in expiring and "<td>30</td>" in expiring
    for absent in (in_31, withdrawn, ended, theirs, seeded.consent_id):
        assert f"/consents/{absent}" not in expiring
    assert expiring.index(ends_today) < expiring.index(in_30)  # soonest first
    intakes = _section(page, "intakes-heading")
    assert "Recent intakes (1)" in intakes and f"/subjects/{recent}" in intakes
    assert f"/subjects/{seeded.subject_id}" not in intakes and "You" in intakes
    assert "Nadia" not in page
    matters = _section(page, "matters-heading")
    assert "My matters (1)" in matters and "Doe v. Example Inns" in matters
    assert "<td>2</td>" in matters and f"/matters/{seeded.matter_id}/exports" in matters
    assert "Far Away" not in page
    assert 'aria-labelledby="approve-heading"' not in page


def test_auditors_start_from_the_log_the_alerts_and_the_chain(app, svc):
    auditor = make_staff(svc, "auditor")
    attorney = make_staff(svc, "attorney", name="Joaquín Herrera")
    with svc.sessions() as s:
        for _ in range(20):
            audit.record(s, actor=f"user:{attorney.id}", action="export.download",
                         object_type="export", object_id=new_id())
        s.commit()
    page = _home(app, auditor)
    assert 'href="/audit/"' in _section(page, "audit-heading")
    assert 'href="/audit/">Audit log</a>' in page.split("</nav>")[0]  # and on every page
    integrity = _section(page, "integrity-heading")
    assert "Chain verified through event" in integrity
    alerts = _section(page, "alerts-heading")
    assert "Open alerts (" in alerts and "bulk export" in alerts
    assert f"Joaquín Herrera &lt;{attorney.email}&gt; (attorney)" in alerts  # not by id
    assert f"<td>user:{attorney.id}</td>" not in alerts
    assert 'href="/audit/alerts"' in alerts
    assert "My matters" not in page


def test_admins_see_locked_accounts_staff_and_teams_and_unlock_from_home(app, svc):
    admin, attorney = make_staff(svc, "admin"), make_staff(svc, "attorney")
    advocate = make_staff(svc, "advocate")
    locked = make_staff(svc, "advocate", name="Lorenzo Bianchi")
    staffed = seed_matter(svc, attorney, advocate)
    unstaffed = seed_matter(svc, advocate, caption="Doe v. Unstaffed Inn")
    for _ in range(5):
        post(app.test_client(), "/login", {"email": locked.email, "password": "wrong password!"},
             form_path="/login")
    client = app.test_client()
    sign_in(client, admin)
    page = client.get("/").get_data(as_text=True)
    rows = _section(page, "locked-heading")
    assert "Locked accounts (1)" in rows
    assert f"<td>Lorenzo Bianchi &lt;{locked.email}&gt;</td><td>Advocate</td>" in rows
    assert f'aria-label="Unlock Lorenzo Bianchi &lt;{locked.email}&gt;"' in rows
    assert advocate.email not in rows
    assert "4 accounts: 4 active, 0 awaiting their first sign-in, 0 disabled." in page
    teams = _section(page, "teams-heading")
    assert f"/admin/matters/{unstaffed.matter_id}/members" in teams
    assert f"/admin/matters/{staffed.matter_id}/members" not in teams
    assert 'href="/audit/"' in _section(page, "audit-heading")
    action = f"/admin/users/{locked.id}/unlock"
    assert f'action="{action}"' in rows
    resp = post(client, action, {"next": "/"}, form_path="/")
    assert resp.status_code == 302 and resp.headers["Location"] == "/"  # back home
    with svc.sessions() as s:
        assert s.get(User, locked.id).locked_until is None
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "user.unlock",
                                                 AuditEvent.object_id == locked.id))
    assert "Locked accounts (0)" in client.get("/").get_data(as_text=True)


def test_a_matters_exports_are_listed_and_filtered_by_stage(app, svc):
    attorney = make_staff(svc, "attorney", name="Grace Mensah")
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, attorney, advocate)
    docs = _documents(app, svc, advocate, seeded.matter_id, 4)
    review = _export(svc, docs[0], created_by=advocate.id)
    approval = _export(svc, docs[1], reviewed_by=advocate.id)
    approved = _export(svc, docs[2], status="approved", reviewed_by=advocate.id,
                       approved_by=attorney.id)
    failed = _export(svc, docs[3], status="failed")
    client = app.test_client()
    sign_in(client, attorney)
    base = f"/matters/{seeded.matter_id}/exports"
    page = client.get(base).get_data(as_text=True)
    assert "All (4)" in page and "Awaiting approval (1)" in page and "Failed (1)" in page
    for export_id in (review, approval, approved, failed):
        assert f"/exports/{export_id}" in page
    cases = {"awaiting-review": review, "awaiting-approval": approval, "approved": approved,
             "failed": failed}
    for stage, export_id in cases.items():
        page = client.get(f"{base}?stage={stage}").get_data(as_text=True)
        listed = set(re.findall(r'href="/exports/([0-9a-f-]{36})"', page))
        assert listed == {export_id}, stage
        assert f'stage={stage}" aria-current="page"' in page
    page = client.get(f"{base}?stage=approved").get_data(as_text=True)
    assert f"Approved by Grace Mensah &lt;{attorney.email}&gt; (attorney)" in page
    assert f"Reviewed by {advocate.email} (advocate)" in page  # no name yet: the email
    assert "Document 3" in page
    page = client.get(f"{base}?stage=in-progress").get_data(as_text=True)
    assert "No export is being redacted." in page
    page = client.get(f"{base}?stage=bogus").get_data(as_text=True)
    assert len(set(re.findall(r'href="/exports/([0-9a-f-]{36})"', page))) == 4
    with svc.sessions() as s:
        listed = s.scalars(select(AuditEvent).where(AuditEvent.action == "export.list")).all()
        assert listed and all(e.matter_id == seeded.matter_id for e in listed)
    outsider = make_staff(svc, "attorney")
    other = app.test_client()
    sign_in(other, outsider)
    assert other.get(base).status_code == 404
