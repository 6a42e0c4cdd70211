"""Single-document export through the web app: redact, review, approve, consent, download."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from intake import consents
from intake.models import AuditEvent, Export, Subject
from intake.records import Vault
from tests.functional.export_support import (
    TEXT,
    actions,
    documents,
    exports_of,
    start_export,
    upload,
    wait_jobs,
)
from tests.functional.web_support import (
    make_staff,
    post,
    seed_matter,
    sign_in,
)

RECIPIENT = "County Victim Services"
IDENTIFIERS = ("Marisol", "Quintanilla", "555-0187", "mari.qr", "Ostrander", "Barrowcliffe")


def _ready(engine_app, svc, recipient=RECIPIENT):
    advocate = make_staff(svc, "advocate")
    first = make_staff(svc, "attorney")
    second = make_staff(svc, "attorney")
    seeded = seed_matter(svc, advocate, first, second)
    client = engine_app.test_client()
    sign_in(client, advocate)
    resp = upload(client, seeded.matter_id, [(TEXT.encode(), "statement.txt")],
                  subject_id=seeded.subject_id)
    assert resp.status_code == 302
    doc = documents(svc, seeded.matter_id)[0]
    resp = start_export(client, seeded.matter_id, [doc.id], recipient)
    assert resp.status_code == 302, resp.get_data(as_text=True)[:300]
    wait_jobs(engine_app)
    export = exports_of(svc)[0]
    return advocate, first, second, seeded, client, export


def test_review_reject_add_approve_download(engine_app, svc):
    advocate, first, second, seeded, client, export = _ready(engine_app, svc)
    assert export.status == "review" and export.leak_check_passed
    page = client.get(f"/exports/{export.id}").get_data(as_text=True)
    assert 'class="redaction proposed"' in page and "known name of" in page
    items = export.proposals["items"]
    stranger = next(p for p in items if p["cat"] == "PERSON" and "private" in p["why"])
    # Rejecting a redaction of a stranger leaves the output clean of known identifiers.
    resp = post(client, f"/exports/{export.id}/reject",
                {k: stranger[k] for k in ("u", "s", "e", "cat")},
                form_path=f"/exports/{export.id}")
    assert resp.status_code == 302
    resp = post(client, f"/exports/{export.id}/add", {"phrase": "the car", "category": "OTHER"},
                form_path=f"/exports/{export.id}")
    assert resp.status_code == 302
    post(client, f"/exports/{export.id}/reviewed", form_path=f"/exports/{export.id}")
    # Not approved yet: no download.
    assert client.get(f"/exports/{export.id}/download").status_code == 302
    # The advocate cannot approve; an attorney who did not review does.
    assert post(client, f"/exports/{export.id}/approve",
                form_path=f"/exports/{export.id}").status_code in (403, 404)
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    resp = post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}")
    assert resp.status_code == 302
    done = exports_of(svc)[0]
    assert done.status == "approved" and done.approved_by == first.id
    assert done.consent_id == seeded.consent_id and done.reviewed_by == advocate.id
    out = attorney.get(f"/exports/{export.id}/download")
    assert out.status_code == 200
    text = out.get_data(as_text=True)
    for value in IDENTIFIERS[:5]:
        assert value not in text
    assert "Barrowcliffe" in text  # the rejected proposal stayed in clear
    assert "[OTHER]" in text and "the car" not in text
    import hashlib
    assert hashlib.sha256(out.data).hexdigest() == done.output_sha256
    log = attorney.get(f"/exports/{export.id}/log").get_data(as_text=True)
    assert log.startswith("page,category,detector,reason") and "Marisol" not in log
    assert client.get(f"/exports/{export.id}/reference").status_code in (403, 404)
    ref = attorney.get(f"/exports/{export.id}/reference")
    assert ref.status_code == 200 and "Marisol" in ref.get_data(as_text=True)
    steps = [a for a, _o in actions(svc, export.id)]
    for step in ("export.redact", "export.reject", "export.add", "export.reviewed",
                 "export.approve", "export.download", "export.reference_download"):
        assert step in steps
    with svc.sessions() as s:
        details = " ".join(e.details or "" for e in s.scalars(select(AuditEvent)))
    assert not any(v in details for v in IDENTIFIERS)


def test_reviewer_cannot_approve_own_review_unless_matter_allows(engine_app, svc):
    _adv, first, _second, seeded, _client, export = _ready(engine_app, svc)
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    post(attorney, f"/exports/{export.id}/reviewed", form_path=f"/exports/{export.id}")
    post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}")
    assert exports_of(svc)[0].status == "review"
    assert ("export.approve", "refused") in actions(svc, export.id)
    post(attorney, f"/matters/{seeded.matter_id}/export-settings",
         {"allow_self_approval": "y"}, form_path=f"/matters/{seeded.matter_id}/documents")
    post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}")
    assert exports_of(svc)[0].status == "approved"


def test_export_without_consent_is_refused(engine_app, svc):
    _adv, first, second, seeded, client, export = _ready(engine_app, svc)
    post(client, f"/exports/{export.id}/reviewed", form_path=f"/exports/{export.id}")
    with svc.sessions() as s:  # withdrawn after the export was started, before approval
        consents.withdraw_consent(s, s.get(consents.Consent, seeded.consent_id),
                                  withdrawn_by=None)
        s.commit()
    attorney = engine_app.test_client()
    sign_in(attorney, second)
    page = post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}",
                follow_redirects=True).get_data(as_text=True)
    assert "no valid consent" in page and "Jane Doe 1" in page
    assert exports_of(svc)[0].status == "review"
    assert attorney.get(f"/exports/{export.id}/download").status_code == 302
    assert ("export.approve", "refused") in actions(svc, export.id)


def test_withdrawn_consent_stops_download_after_approval(engine_app, svc):
    _adv, first, _second, seeded, client, export = _ready(engine_app, svc)
    post(client, f"/exports/{export.id}/reviewed", form_path=f"/exports/{export.id}")
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}")
    with svc.sessions() as s:
        consent = s.get(consents.Consent, seeded.consent_id)
        consents.withdraw_consent(s, consent, withdrawn_by=None)
        s.commit()
    assert attorney.get(f"/exports/{export.id}/download").status_code == 302
    assert ("export.download", "refused") in actions(svc, export.id)


def test_leak_check_failure_blocks_approval(engine_app, svc):
    _adv, first, _second, _seeded, client, export = _ready(engine_app, svc)
    known = next(p for p in export.proposals["items"] if p["det"].startswith("case"))
    post(client, f"/exports/{export.id}/reject", {k: known[k] for k in ("u", "s", "e", "cat")},
         form_path=f"/exports/{export.id}")
    post(client, f"/exports/{export.id}/reviewed", form_path=f"/exports/{export.id}")
    assert exports_of(svc)[0].leak_check_passed is False
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    page = post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}",
                follow_redirects=True).get_data(as_text=True)
    assert "leak check failed" in page
    assert exports_of(svc)[0].status == "review"


def test_same_stranger_same_placeholder_across_survivors(engine_app, svc):
    advocate, _first, _second, seeded, client, export = _ready(engine_app, svc)
    with svc.sessions() as s:
        from intake import cases

        matter = s.get(cases.Matter, seeded.matter_id)
        other = cases.add_subject(s, Vault(s, svc.keyring), svc.indexer, matter,
                                  cases.SubjectInput(names=["Odalys Fenwick-Marrero"]))
        consents.record_consent(s, Vault(s, svc.keyring), other, consents.ConsentInput(
            recipient=RECIPIENT, signed_on=date.today(),
            expires_on=date.today().replace(year=date.today().year + 1) .replace(day=1),
            signer="x", informed=True, written=True), recorded_by=None)
        s.commit()
        other_id = other.id
    text = ("Odalys Fenwick-Marrero met Marisol Quintanilla-Reyes. Gwendolyn Barrowcliffe "
            "was there too.\n")
    upload(client, seeded.matter_id, [(text.encode(), "second.txt")], subject_id=other_id)
    second_doc = documents(svc, seeded.matter_id)[1]
    start_export(client, seeded.matter_id, [second_doc.id], RECIPIENT)
    wait_jobs(engine_app)
    first_items = (export.proposals or {})["items"]
    later = exports_of(svc)[1]
    label = {p["rep"] for p in first_items if p["why"] == "private person"}
    assert label and label <= {p["rep"] for p in (later.proposals or {})["items"]}
    with svc.sessions() as s:
        pseudonym = s.get(Subject, seeded.subject_id).pseudonym
    assert pseudonym in {p["rep"] for p in (later.proposals or {})["items"]}


def test_export_rows_hold_no_identifying_values(engine_app, svc):
    _adv, _first, _second, _seeded, _client, _export = _ready(engine_app, svc)
    with svc.sessions() as s:
        row = s.scalars(select(Export)).one()
        blob = repr((row.proposals, row.log, row.decisions, row.error))
    assert not any(v in blob for v in IDENTIFIERS)


def test_reviewer_edits_on_a_pdf_reach_the_written_file(engine_app, svc):
    from tests.unit.formats.builders import mentions, pdf_attacker_text, reportlab_pdf

    advocate = make_staff(svc, "advocate")
    first, second = make_staff(svc, "attorney"), make_staff(svc, "attorney")
    seeded = seed_matter(svc, advocate, first, second)
    client = engine_app.test_client()
    sign_in(client, advocate)
    lines = [line.strip() + "." for line in TEXT.split(".") if line.strip()]
    body = reportlab_pdf(lines, author="Marisol Quintanilla-Reyes")
    upload(client, seeded.matter_id, [(body, "statement.pdf")], subject_id=seeded.subject_id)
    doc = documents(svc, seeded.matter_id)[0]
    assert doc.kind == "pdf"
    start_export(client, seeded.matter_id, [doc.id], RECIPIENT)
    wait_jobs(engine_app)
    export = exports_of(svc)[0]
    assert export.status == "review" and export.leak_check_passed
    # the neighbour's name (proposals hold positions, never the text: pick it by its length)
    stranger = next(p for p in (export.proposals or {})["items"]
                    if p["cat"] == "PERSON" and "private" in p["why"]
                    and p["e"] - p["s"] == len("Gwendolyn Barrowcliffe"))
    review = f"/exports/{export.id}"
    assert post(client, f"{review}/reject", {k: stranger[k] for k in ("u", "s", "e", "cat")},
                form_path=review).status_code == 302
    assert post(client, f"{review}/add", {"phrase": "the car", "category": "OTHER"},
                form_path=review).status_code == 302
    post(client, f"{review}/reviewed", form_path=review)
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    assert post(attorney, f"{review}/approve", form_path=review).status_code == 302
    out = attorney.get(f"{review}/download")
    assert out.status_code == 200 and out.data.startswith(b"%PDF")
    seen = pdf_attacker_text(out.data)  # page text, metadata, every stream and string
    for value in IDENTIFIERS[:5]:
        assert not mentions(seen, value), value
    assert mentions(seen, "Barrowcliffe")  # the rejected proposal stayed in clear
    assert not mentions(seen, "the car")  # the reviewer's addition was removed, not covered
    assert exports_of(svc)[0].status == "approved"


def test_a_refusal_names_the_leak_check_even_before_a_review(engine_app, svc):
    _adv, first, _second, _seeded, client, export = _ready(engine_app, svc)
    known = next(p for p in export.proposals["items"] if p["det"].startswith("case"))
    post(client, f"/exports/{export.id}/reject", {k: known[k] for k in ("u", "s", "e", "cat")},
         form_path=f"/exports/{export.id}")  # no review yet
    attorney = engine_app.test_client()
    sign_in(attorney, first)
    page = post(attorney, f"/exports/{export.id}/approve", form_path=f"/exports/{export.id}",
                follow_redirects=True).get_data(as_text=True)
    assert "leak check failed" in page and "has not been reviewed" not in page
    assert exports_of(svc)[0].status == "review"
