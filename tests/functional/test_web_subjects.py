"""Survivor intake: pseudonyms, masking, reveals, edits with history, conflicts, no leaks."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import delete, select

from intake.models import AuditEvent, BlindIndex, Pseudonym, Subject, SubjectRevision
from tests.functional.web_support import (
    SECRET_VALUES,
    SURVIVOR,
    make_staff,
    post,
    seed_matter,
    sign_in,
)


def _intake(client, matter_id, data=None):
    path = f"/matters/{matter_id}/subjects/new"
    return post(client, path, data or SURVIVOR)


def _subject_id(resp) -> str:
    found = re.search(r"/subjects/([0-9a-f-]{36})", resp.headers["Location"])
    assert found
    return found.group(1)


def _audit_text(svc) -> str:
    with svc.sessions() as session:
        rows = session.scalars(select(AuditEvent)).all()
        return json.dumps([[e.actor, e.action, e.object_type, e.object_id, e.matter_id,
                            e.outcome, e.details] for e in rows])


def test_intake_assigns_a_pseudonym_and_masks_every_identifying_field(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    resp = _intake(client, seeded.matter_id)
    assert resp.status_code == 302
    sid = _subject_id(resp)
    page = client.get(f"/subjects/{sid}").get_data(as_text=True)
    assert "Jane Doe 2" in page and "Intake saved as Jane Doe 2" in page
    for value in SECRET_VALUES:
        assert value not in page, value
    assert "Minor." in page
    matter_page = client.get(f"/matters/{seeded.matter_id}").get_data(as_text=True)
    assert "Jane Doe 2" in matter_page and "Marisol" not in matter_page
    with svc.sessions() as session:
        subject = session.get(Subject, sid)
        assert subject.minor and subject.safe_to_text and not subject.safe_to_call
    actions = _audit_text(svc)
    assert "subject.create" in actions and "subject.view" in actions


def test_reveal_is_a_deliberate_post_and_is_recorded(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    url = f"/subjects/{seeded.subject_id}"
    resp = post(client, f"{url}/reveal", {"field": "phones"}, form_path=url)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "(404) 555-0187" in page
    assert "Marisol" not in page
    assert resp.headers["Cache-Control"] == "no-store"
    with svc.sessions() as session:
        reveal = session.scalar(select(AuditEvent).where(AuditEvent.action == "subject.reveal"))
    assert reveal.details and "phones" in str(reveal.details)
    assert reveal.object_id == seeded.subject_id and reveal.actor == f"user:{staff.id}"
    bad = post(client, f"{url}/reveal", {"field": "password_hash"}, form_path=url)
    assert bad.status_code == 400


def test_bad_intake_re_renders_with_what_was_typed(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    data = dict(SURVIVOR, guardian="", emails="not-an-email", date_of_birth="2010-02-30")
    resp = _intake(client, seeded.matter_id, data)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "Marisol Quintanilla-Reyes" in page  # typed values come back in the form
    assert "Not a valid date value" in page and "needs an @" in page
    assert 'aria-invalid="true"' in page
    data = dict(SURVIVOR, guardian="")
    resp = _intake(client, seeded.matter_id, data)
    assert "A minor needs a parent or guardian" in resp.get_data(as_text=True)
    assert "Marisol" not in " ".join(m for m in re.findall(r'class="flash[^"]*"[^>]*>([^<]*)',
                                                          resp.get_data(as_text=True)))


def test_edit_keeps_a_sealed_history(app, svc):
    staff = make_staff(svc, "advocate", name="Mirela Popescu")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    url = f"/subjects/{seeded.subject_id}/edit"
    form = client.get(url).get_data(as_text=True)
    assert "Marisol Quintanilla-Reyes" in form  # opening the edit form is a reveal
    data = dict(SURVIVOR, phones="(404) 555-0199", date_of_birth="2013-03-14")
    resp = post(client, url, data)
    assert resp.status_code == 302
    history = client.get(f"/subjects/{seeded.subject_id}/history").get_data(as_text=True)
    assert "Phone numbers" in history and "555-0187" not in history
    assert f"<td>Mirela Popescu &lt;{staff.email}&gt; (advocate)</td>" in history  # who
    with svc.sessions() as session:
        revision = session.scalar(select(SubjectRevision))
        assert b"555-0187" not in revision.snapshot_ct
        assert "phones" in revision.changed_fields["fields"]
    actions = _audit_text(svc)
    assert "subject.edit" in actions and "purpose" in actions


def test_only_an_attorney_changes_a_pseudonym_and_it_is_never_reused(app, svc):
    attorney = make_staff(svc, "attorney")
    seeded = seed_matter(svc, attorney)
    client = app.test_client()
    sign_in(client, attorney)
    url = f"/subjects/{seeded.subject_id}/pseudonym"
    assert post(client, url, {"reason": "short"}).status_code == 400
    resp = post(client, url, {"pseudonym": "", "reason": "Client asked: old one was disclosed"})
    assert resp.status_code == 302
    taken = post(client, url, {"pseudonym": "Jane Doe 1", "reason": "Trying to reuse the old"})
    assert taken.status_code == 400 and "already registered" in taken.get_data(as_text=True)
    new = _intake(client, seeded.matter_id)
    page = client.get(new.headers["Location"]).get_data(as_text=True)
    assert "Jane Doe 3" in page
    with svc.sessions() as session:
        subject = session.get(Subject, seeded.subject_id)
        assert subject.pseudonym == "Jane Doe 2"
        names = sorted(session.scalars(select(Pseudonym.pseudonym)))
        assert names == ["Jane Doe 1", "Jane Doe 2", "Jane Doe 3"]


def _flashes(resp) -> str:
    return " ".join(re.findall(r'class="flash[^"]*"[^>]*>([^<]*)', resp.get_data(as_text=True)))


@pytest.mark.parametrize("wanted", [
    "Marisol Quintanilla-Reyes",   # her name
    "marisol quintanilla reyes",   # in any case, without the hyphen
    "Reyes",                       # a part of it
    "Jane Reyes",                  # a part of it in a pseudonym-like name
    "Mari",                        # her alias
    "QuintanillaReyes",            # parts joined
    "Ostrander",                   # a related person's surname
])
def test_a_pseudonym_cannot_be_a_real_name_of_anyone_in_the_matter(app, svc, wanted):
    attorney = make_staff(svc, "attorney")
    seeded = seed_matter(svc, attorney)
    client = app.test_client()
    sign_in(client, attorney)
    edit = f"/subjects/{seeded.subject_id}/edit"
    resp = post(client, edit, dict(SURVIVOR, names="Marisol Quintanilla-Reyes"))
    assert resp.status_code == 302
    url = f"/subjects/{seeded.subject_id}/pseudonym"
    resp = post(client, url, {"pseudonym": wanted, "reason": "Client asked for a new one"})
    page = resp.get_data(as_text=True)
    assert resp.status_code == 400
    assert "matches a name or alias, or part of one" in _flashes(resp)
    assert wanted not in page and wanted.lower() not in page.lower()
    with svc.sessions() as session:
        assert session.get(Subject, seeded.subject_id).pseudonym == "Jane Doe 1"
        assert wanted not in session.scalars(select(Pseudonym.pseudonym)).all()
        refused = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "pseudonym.change")).all()
    assert [e.outcome for e in refused] == ["refused"]
    assert wanted.lower() not in _audit_text(svc).lower()


def test_a_pseudonym_that_is_no_name_is_accepted_and_audited_by_ids_only(app, svc):
    attorney = make_staff(svc, "attorney")
    seeded = seed_matter(svc, attorney)
    client = app.test_client()
    sign_in(client, attorney)
    url = f"/subjects/{seeded.subject_id}/pseudonym"
    for wanted in ("Jane Doe 7", "Client Q"):
        resp = post(client, url, {"pseudonym": wanted, "reason": "Client asked for a new one"})
        assert resp.status_code == 302, _flashes(resp)
    with svc.sessions() as session:
        rows = {p.id: p.pseudonym for p in session.scalars(select(Pseudonym))}
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "pseudonym.change")).all()
    last = json.loads(events[-1].details)
    assert rows[last["registered"]] == "Client Q"
    assert [rows[i] for i in last["released"]] == ["Jane Doe 7"]
    text = _audit_text(svc)
    assert "Jane Doe 7" not in text and "Client Q" not in text


def test_records_indexed_before_name_parts_are_still_checked(app, svc):
    attorney = make_staff(svc, "attorney")
    seeded = seed_matter(svc, attorney)
    with svc.sessions() as session:
        session.execute(delete(BlindIndex).where(BlindIndex.kind == "name_part"))
        session.commit()
    client = app.test_client()
    sign_in(client, attorney)
    url = f"/subjects/{seeded.subject_id}/pseudonym"
    resp = post(client, url, {"pseudonym": "Quintanilla", "reason": "Client asked for a new one"})
    assert resp.status_code == 400
    with svc.sessions() as session:
        kinds = session.scalars(select(BlindIndex.kind).where(
            BlindIndex.matter_id == seeded.matter_id)).all()
    assert "name_part" in kinds  # filled in once, then answered from the index


def test_conflict_check_tells_non_members_only_that_a_match_exists(app, svc):
    insider = make_staff(svc, "attorney")
    outsider = make_staff(svc, "advocate")
    first = seed_matter(svc, insider)
    second = seed_matter(svc, insider, outsider, caption="Doe v. Second Motel")
    data = dict(SURVIVOR, names="Someone Else", phones="404.555.0187", emails="")
    outsider_client = app.test_client()
    sign_in(outsider_client, outsider)
    with svc.sessions() as session:
        before = len(session.scalars(select(Subject).where(
            Subject.matter_id == second.matter_id)).all())
    checked = _intake(outsider_client, second.matter_id, data)  # the check comes first
    page = checked.get_data(as_text=True)
    assert checked.status_code == 409 and "Nothing is saved yet" in page
    assert "A possible match exists in another matter" in page
    assert "Example Inns" not in page
    assert "Someone Else" in page  # what was typed is still in the form
    with svc.sessions() as session:
        assert len(session.scalars(select(Subject).where(
            Subject.matter_id == second.matter_id)).all()) == before
    resp = _intake(outsider_client, second.matter_id, dict(data, conflict_reviewed="y"))
    assert resp.status_code == 302
    page = outsider_client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "A possible match exists in another matter" in page
    assert "Example Inns" not in page
    insider_client = app.test_client()
    sign_in(insider_client, insider)
    page = _intake(insider_client, second.matter_id, data).get_data(as_text=True)
    assert "Possible conflict: Jane Doe 1" in page and "Example Inns" in page
    resp = _intake(insider_client, second.matter_id, dict(data, conflict_reviewed="y"))
    page = insider_client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Possible conflict: Jane Doe 1" in page and "Example Inns" in page
    audit_text = _audit_text(svc)
    assert first.matter_id in audit_text and "conflict.checked" in audit_text
    assert "Someone Else" not in audit_text and "555-0187" not in audit_text


def test_an_intake_without_a_match_saves_at_once(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    resp = _intake(client, seeded.matter_id, dict(SURVIVOR, names="Nobody Alike",
                                                   phones="(212) 555-0100", emails=""))
    assert resp.status_code == 302 and "conflict.checked" not in _audit_text(svc)


def test_related_people_are_shown_by_label(app, svc):
    staff = make_staff(svc, "advocate")
    seeded = seed_matter(svc, staff)
    client = app.test_client()
    sign_in(client, staff)
    url = f"/subjects/{seeded.subject_id}/related/new"
    resp = post(client, url, {"label": "Recruiter", "names": "Bartholomew Quince",
                              "phones": "(404) 555-0111"})
    assert resp.status_code == 302
    page = client.get(f"/matters/{seeded.matter_id}").get_data(as_text=True)
    assert "Recruiter" in page and "Bartholomew" not in page


def test_no_name_in_any_page_or_audit_row_after_a_full_session(app, svc):
    attorney = make_staff(svc, "attorney")
    client = app.test_client()
    sign_in(client, attorney)
    resp = post(client, "/matters/new", {"caption": "Doe v. Lantern Suites", "court": "N.D. Ga.",
                                         "scheme": "john"})
    matter_id = resp.headers["Location"].rsplit("/", 1)[1]
    seen = [client.get(resp.headers["Location"]).get_data(as_text=True)]
    resp = _intake(client, matter_id)
    sid = _subject_id(resp)
    assert "Marisol" not in resp.headers["Location"]
    for path in (f"/subjects/{sid}", f"/matters/{matter_id}", "/matters",
                 f"/subjects/{sid}/history", f"/subjects/{sid}/consents"):
        seen.append(client.get(path).get_data(as_text=True))
    assert "John Doe 1" in seen[1]
    text = "\n".join(seen) + _audit_text(svc)
    for value in SECRET_VALUES:
        assert value not in text, value
