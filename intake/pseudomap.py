"""One placeholder map per matter: "[Person 3]" is the same person in every document.

The engine's session gives each private person a placeholder as it meets them. Before a
document is redacted the matter's saved map is loaded into the session; afterwards the
grown map is saved back, sealed under the matter's data key. Two workers that grew the map
at once are told by `version`: the loser redacts its document again with the new map.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from intake.models import Matter, PseudonymMap, new_id, utcnow
from intake.records import Vault
from redaction.placeholders import PersonPlaceholders
from redaction.session import RedactionSession

# The session's placeholder registries (private to redaction.session; read and written here
# only, so a change there shows up as a failing test of this module).
_REGISTRIES = ("_persons", "_related")


class MapConflict(Exception):
    """Another worker saved the matter's map first; redact the document again."""


def _dump(reg: PersonPlaceholders) -> dict[str, Any]:
    names = [[list(key), label] for key, label in reg._by_name.items()]
    return {"count": reg._count, "names": names}


def _load(reg: PersonPlaceholders, state: dict[str, Any]) -> None:
    reg._count = int(state.get("count", 0))
    reg._by_name = {}
    reg._by_word = {}
    for key, label in state.get("names", []):
        words = tuple(key)
        reg._by_name[words] = label
        for w in words:
            reg._by_word.setdefault(w, set()).add(label)


def load_map(session: Session, vault: Vault, matter: Matter) -> PseudonymMap:
    """The matter's map row (created empty on first use)."""
    row = session.query(PseudonymMap).filter_by(matter_id=matter.id).one_or_none()
    if row is None:
        row = PseudonymMap(id=new_id(), matter_id=matter.id, data_key_id=matter.data_key_id,
                           version=0)
        vault.seal(row, state=json.dumps({}))
        session.add(row)
        session.flush()
    return row


def snapshot(rsession: RedactionSession) -> str:
    """The session's placeholders as canonical JSON (to tell whether the map grew)."""
    state = {attr.strip("_"): _dump(getattr(rsession, attr)) for attr in _REGISTRIES}
    return json.dumps(state, ensure_ascii=False, sort_keys=True)


def apply_map(vault: Vault, row: PseudonymMap, rsession: RedactionSession) -> int:
    """Load the saved placeholders into an engine session; return the version loaded."""
    state = json.loads(vault.open(row)["state"] or "{}")
    for attr in _REGISTRIES:
        _load(getattr(rsession, attr), state.get(attr.strip("_"), {}))
    return row.version


def save_map(session: Session, vault: Vault, row: PseudonymMap, rsession: RedactionSession,
             version: int) -> None:
    """Save the session's placeholders if nobody saved since `version`; else MapConflict."""
    probe = PseudonymMap(id=row.id, data_key_id=row.data_key_id)
    vault.seal(probe, state=snapshot(rsession))
    result = session.execute(
        update(PseudonymMap)
        .where(PseudonymMap.id == row.id, PseudonymMap.version == version)
        .values(state_ct=probe.state_ct, version=version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise MapConflict(f"pseudonym map of matter {row.matter_id} changed")
    session.expire(row)
