"""The audit-log review page: who may see it, filters, keyset pages, banner, CSV, alerts."""

from __future__ import annotations

import re

from sqlalchemy import select, text

from intake import audit
from intake.models import AuditEvent
from tests.functional.web_support import make_staff, post, sign_in


def _append(svc, n, **kw):
    with svc.sessions() as session:
        for i in range(n):
            audit.record(session, actor=kw.get("actor", "user:someone"),
                         action=kw.get("action", "subject.view"),
                         object_type="subject", object_id=kw.get("object_id", f"obj-{i}"),
                         outcome=kw.get("outcome", "ok"))
        session.commit()


def test_only_auditors_and_admins_see_the_log(app, svc):
    advocate = make_staff(svc, "advocate")
    client = app.test_client()
    sign_in(client, advocate)
    assert client.get("/audit/").status_code == 403
    assert client.get("/audit/export.csv").status_code == 403
    auditor = make_staff(svc, "auditor")
    other = app.test_client()
    sign_in(other, auditor)
    page = other.get("/audit/")
    assert page.status_code == 200
    assert "Chain verified through event" in page.get_data(as_text=True)


def test_filters_and_keyset_pages(app, svc):
    auditor = make_staff(svc, "auditor")
    _append(svc, 120, actor="user:alpha", action="subject.reveal")
    _append(svc, 5, actor="user:beta", action="subject.view")
    client = app.test_client()
    sign_in(client, auditor)
    first = client.get("/audit/?actor=user:alpha&action=subject.reveal").get_data(as_text=True)
    assert first.count("<td>user:alpha</td>") == 50
    assert "user:beta" not in first.split("<tbody>")[1]
    with svc.sessions() as session:
        seqs = list(session.scalars(select(AuditEvent.seq).where(
            AuditEvent.actor == "user:alpha").order_by(AuditEvent.seq.desc())))
    assert f"before={seqs[49]}" in first
    second = client.get(f"/audit/?actor=user:alpha&action=subject.reveal&before={seqs[49]}")
    body = second.get_data(as_text=True)
    assert f"<td>{seqs[50]}</td>" in body and f"<td>{seqs[49]}</td>" not in body
    bad = client.get("/audit/?since=yesterday").get_data(as_text=True)
    assert "since must be a date" in bad


def test_csv_export_is_recorded(app, svc):
    auditor = make_staff(svc, "auditor")
    _append(svc, 3, actor="user:gamma")
    client = app.test_client()
    sign_in(client, auditor)
    response = client.get("/audit/export.csv?actor=user:gamma")
    assert response.status_code == 200
    lines = response.get_data(as_text=True).strip().splitlines()
    response.close()
    assert lines[0].startswith("seq,occurred_at,actor,action")
    assert len(lines) == 4
    with svc.sessions() as session:
        exported = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "audit.export")).one()
        assert exported.actor == f"user:{auditor.id}"
        assert '"actor":"user:gamma"' in (exported.details or "")


def test_banner_shows_a_broken_chain(app, svc):
    auditor = make_staff(svc, "auditor")
    _append(svc, 4)
    client = app.test_client()
    sign_in(client, auditor)
    with svc.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        conn.execute(text("UPDATE audit_events SET object_id = 'edited' WHERE seq = 2"))
    post(client, "/audit/verify", {}, form_path="/audit/")
    page = client.get("/audit/").get_data(as_text=True)
    assert "Chain BROKEN at event 2" in page


def test_alerts_flag_repeated_failed_sign_ins_and_many_reveals(app, svc):
    auditor = make_staff(svc, "auditor")
    _append(svc, 6, actor="anonymous", action="auth.login", outcome="failed",
            object_id="mallory")
    _append(svc, 25, actor="user:curious", action="subject.reveal")
    client = app.test_client()
    sign_in(client, auditor)
    page = client.get("/audit/alerts").get_data(as_text=True)
    assert "failed sign-ins</td><td>user:mallory</td><td>6</td>" in page
    assert "many reveals</td><td>user:curious</td><td>25</td>" in page


def test_the_log_names_staff_and_matters_and_filters_from_lists(app, svc):
    from tests.functional.web_support import seed_matter

    auditor = make_staff(svc, "auditor")
    advocate = make_staff(svc, "advocate")
    seeded = seed_matter(svc, advocate, caption="Doe v. Audit Lodge")
    with svc.sessions() as session:
        audit.record(session, actor=f"user:{advocate.id}", action="subject.reveal",
                     object_type="subject", object_id=str(seeded.subject_id),
                     matter_id=str(seeded.matter_id), outcome="ok")
        session.commit()
    client = app.test_client()
    sign_in(client, auditor)
    body = client.get(f"/audit/?actor=user:{advocate.id}").get_data(as_text=True)
    rows = body.split("<tbody>")[1]
    assert f"{advocate.email} (advocate)" in rows and "Doe v. Audit Lodge" in rows
    assert f"user:{advocate.id}" not in rows and str(seeded.matter_id) not in rows
    assert "Marisol" not in body and "Quintanilla" not in body  # never survivor data
    filters = body.split('class="filters"')[1].split("</form>")[0]
    assert f'<option value="user:{advocate.id}" selected>{advocate.email} (advocate)' in filters
    assert f'<option value="{seeded.matter_id}">Doe v. Audit Lodge</option>' in filters
    assert '<option value="subject.reveal">subject.reveal</option>' in filters
    assert '<input id="actor"' not in filters  # chosen, not pasted


def test_the_log_and_its_alerts_name_staff_by_name_and_email(app, svc):
    auditor = make_staff(svc, "auditor")
    named = make_staff(svc, "advocate", name="Thandiwe Nkosi")
    unnamed = make_staff(svc, "attorney")
    _append(svc, 25, actor=f"user:{named.id}", action="subject.reveal")
    _append(svc, 1, actor=f"user:{unnamed.id}", action="subject.view")
    client = app.test_client()
    sign_in(client, auditor)
    body = client.get(f"/audit/?actor=user:{named.id}").get_data(as_text=True)
    label = f"Thandiwe Nkosi &lt;{named.email}&gt; (advocate)"
    assert f"<td>{label}</td>" in body.split("<tbody>")[1]
    filters = body.split('class="filters"')[1].split("</form>")[0]
    assert f'<option value="user:{named.id}" selected>{label}</option>' in filters
    assert f'<option value="user:{unnamed.id}">{unnamed.email} (attorney)</option>' in filters
    # the choices read in the order of their labels: by name, or by email while unnamed
    labels = re.findall(r'<option value="user:[^"]+"(?: selected)?>([^<]+)</option>', filters)
    assert labels == sorted(labels, key=str.lower)
    alerts = client.get("/audit/alerts").get_data(as_text=True)
    assert f"many reveals</td><td>{label}</td><td>25</td>" in alerts
