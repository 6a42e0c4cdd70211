"""Audit alerts count what they say; their thresholds come from the configuration."""

from __future__ import annotations

import dataclasses
import uuid

import pytest

from config import AlertThresholds, Config, ConfigError
from intake import audit, create_app
from intake.audit_review import AlertRules, alerts
from tests.functional.web_support import make_staff, sign_in


def _events(svc, actor: str, action: str, n: int, *, outcome: str = "ok",
            object_id: str | None = "00000000-0000-4000-8000-000000000001") -> None:
    with svc.sessions() as session:
        for _ in range(n):
            audit.record(session, actor=actor, action=action, object_type="export",
                         object_id=object_id, outcome=outcome)
        session.commit()


def _found(svc, rules: AlertRules | None = None) -> set[tuple[str, str, int]]:
    with svc.sessions() as session:
        return {(a.kind, a.actor, a.count)
                for a in alerts(session, rules or AlertRules.from_config(svc.config))
                if a.kind != "outside working hours"}


def test_one_reviewed_batch_is_not_a_bulk_export(app, svc):
    # A two-document batch, read closely: many views and rejections, two approvals and two
    # downloads. Only the four exports that left count.
    who = "user:careful-reviewer"
    for action, n in (("export.batch", 1), ("export.view", 30), ("export.reject", 12),
                      ("export.add", 3), ("export.reviewed", 2), ("export.approve", 2),
                      ("export.download", 2), ("export.log_download", 2)):
        _events(svc, who, action, n)
    _events(svc, who, "export.download", 10, outcome="refused")
    assert _found(svc) == set()


def test_bulk_export_counts_approvals_and_downloads(app, svc):
    _events(svc, "user:bulk", "export.approve", 12)
    _events(svc, "user:bulk", "export.download", 8)
    _events(svc, "user:below", "export.download", 19)
    assert _found(svc) == {("bulk export", "user:bulk", 20)}


def test_failed_sign_ins_are_counted_per_account(app, svc):
    target, other = str(uuid.uuid4()), str(uuid.uuid4())
    # Wrong passwords come from no one signed in; wrong codes from the half signed-in account.
    _events(svc, "anonymous", "auth.login", 3, outcome="failed", object_id=target)
    _events(svc, f"user:{target}", "auth.login", 2, outcome="locked", object_id=target)
    _events(svc, "anonymous", "auth.login", 4, outcome="failed", object_id=other)
    _events(svc, "anonymous", "auth.login", 5, outcome="failed", object_id=None)
    _events(svc, "anonymous", "auth.login", 9, outcome="ok", object_id=other)
    assert _found(svc) == {("failed sign-ins", f"user:{target}", 5),
                           ("failed sign-ins", "unknown account", 5)}


def test_thresholds_come_from_the_configuration(app, svc):
    _events(svc, "user:a", "export.download", 3)
    _events(svc, "user:b", "subject.reveal", 2)
    strict = dataclasses.replace(svc.config, alerts=AlertThresholds(
        exports_per_day=3, reveals_per_day=2, failed_sign_ins_per_day=50))
    assert _found(svc, AlertRules.from_config(strict)) == {
        ("bulk export", "user:a", 3), ("many reveals", "user:b", 2)}
    assert _found(svc) == set()


def test_the_alerts_page_states_the_configured_thresholds(config, engine, fast_passwords):
    strict = dataclasses.replace(config, alerts=AlertThresholds(exports_per_day=3))
    app = create_app(strict, TESTING=True, RATELIMIT_KEY_PREFIX=f"t{uuid.uuid4().hex}")
    svc = app.extensions["clinic"]
    auditor = make_staff(svc, "auditor")
    _events(svc, "user:a", "export.approve", 3)
    client = app.test_client()
    sign_in(client, auditor)
    page = client.get("/audit/alerts").get_data(as_text=True)
    assert "approved or downloaded at least 3 exports" in page
    assert "<td>bulk export</td><td>user:a</td><td>3</td>" in page
    app.extensions["clinic"].engine.dispose()


def test_thresholds_are_read_from_the_environment(tmp_path):
    env = {"CLINIC_INSTANCE_DIR": str(tmp_path / "i"), "CLINIC_ALERT_EXPORTS_PER_DAY": "40",
           "CLINIC_ALERT_FAILED_SIGN_INS_PER_DAY": " 8 "}
    assert Config.from_env(env).alerts == AlertThresholds(exports_per_day=40,
                                                          failed_sign_ins_per_day=8)
    assert Config.from_env({"CLINIC_INSTANCE_DIR": str(tmp_path / "i")}).alerts == (
        AlertThresholds())
    for bad in ("0", "-3", "many", "1e3", "100001"):
        with pytest.raises(ConfigError, match="CLINIC_ALERT_REVEALS_PER_DAY"):
            Config.from_env(dict(env, CLINIC_ALERT_REVEALS_PER_DAY=bad))
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config.from_env(env).alerts.exports_per_day = 1  # type: ignore[misc]
