"""No lost work: an intake form submitted after the idle timeout signed its author out is
kept, sealed under the matter's key, for DRAFT_MINUTES, and put back in the form when the same
person signs in again and opens it."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from intake.models import FormDraft, Matter, utcnow
from intake.records import Vault

DRAFT_MINUTES = 30
_NOT_KEPT = {"csrf_token", "conflict_reviewed"}


def keep(session: Session, vault: Vault, user_id: str, matter: Matter, path: str,
         fields: dict[str, str]) -> FormDraft:
    """Seal what was typed (no CSRF token) for `user_id`; one draft per user and form."""
    purge(session)
    session.execute(delete(FormDraft).where(FormDraft.user_id == user_id,
                                            FormDraft.path == path))
    now = utcnow()
    draft = FormDraft(user_id=user_id, matter_id=matter.id, path=path[:300],
                      data_key_id=matter.data_key_id, created_at=now,
                      expires_at=now + timedelta(minutes=DRAFT_MINUTES))
    session.add(draft)
    session.flush()
    kept = {k: v for k, v in fields.items() if k not in _NOT_KEPT}
    vault.seal(draft, payload=json.dumps({"user": user_id, "fields": kept}))
    return draft


def take(session: Session, vault: Vault, user_id: str, path: str) -> dict[str, str] | None:
    """The fields this user left in the form at `path`, once (the draft is deleted)."""
    purge(session)
    draft = session.scalar(select(FormDraft).where(
        FormDraft.user_id == user_id, FormDraft.path == path))
    if draft is None:
        return None
    payload = json.loads(vault.open(draft).get("payload") or "{}")
    session.delete(draft)
    if payload.get("user") != user_id:  # sealed for someone else: never shown
        return None
    fields = payload.get("fields")
    return {str(k): str(v) for k, v in fields.items()} if isinstance(fields, dict) else None


def purge(session: Session) -> int:
    """Delete drafts past their time."""
    result = session.execute(delete(FormDraft).where(FormDraft.expires_at < utcnow()))
    return int(getattr(result, "rowcount", 0) or 0)
