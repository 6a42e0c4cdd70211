"""The vault: encrypts and decrypts the identifying fields of records with per-owner data keys.

Every survivor has a data key of their own (related people, consents and documents of
that survivor use it too), and every matter has one for matter-level data. Data keys are
stored only wrapped by the keyring's key-encryption keys. Destroying a data key
(crypto-shredding) makes everything encrypted under it unreadable.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from sqlalchemy import Select, event, insert, select, update
from sqlalchemy.orm import Session

from crypto import (
    FieldCipher,
    KeyDestroyedError,
    Keyring,
    new_data_key,
    unwrap_key,
    wrap_key,
)
from intake.models import DataKey, EncryptedRecord, new_id, utcnow

_PENDING = "clinic.pending_data_keys"
# One encoder for every list field (json.dumps builds a new one for non-default options).
_encode_list = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_R = TypeVar("_R", bound=EncryptedRecord)
# model class -> (table, {field: (column, is_list)}), built once per model.
_LAYOUTS: dict[type, tuple[str, dict[str, tuple[str, bool]]]] = {}


def _layout(model: type[EncryptedRecord]) -> tuple[str, dict[str, tuple[str, bool]]]:
    layout = _LAYOUTS.get(model)
    if layout is None:
        specs = {name: (f"{name}_ct", kind == "list") for name, kind in model.ENCRYPTED.items()}
        layout = _LAYOUTS[model] = (model.__tablename__, specs)  # type: ignore[attr-defined]
    return layout


def _insert_pending_keys(session: Session, _context: Any, _instances: Any) -> None:
    """Write data keys made since the last flush, ahead of the records that use them."""
    pending = session.info.get(_PENDING)
    if pending:
        session.info[_PENDING] = []
        session.connection().execute(insert(DataKey), pending)


class Vault:
    """Seals and opens encrypted records within one database session."""

    def __init__(self, session: Session, keyring: Keyring) -> None:
        self.session = session
        self.keyring = keyring
        self._ciphers: dict[str, FieldCipher] = {}

    def create_data_key(self, owner_type: str, owner_id: str | None) -> str:
        """Make a fresh data key for an owner, store it wrapped, and return its id.

        The row is written with one multi-row INSERT just before the session's next flush:
        a survivor record costs one ORM object, not two.
        """
        key_id = new_id()
        key = new_data_key()
        version, wrapped = wrap_key(self.keyring, key, key_id)
        pending = self.session.info.get(_PENDING)
        if pending is None:
            pending = self.session.info[_PENDING] = []
            event.listen(self.session, "before_flush", _insert_pending_keys)
        pending.append({"id": key_id, "owner_type": owner_type, "owner_id": owner_id,
                        "kek_version": version, "wrapped": wrapped, "created_at": utcnow()})
        self._ciphers[key_id] = FieldCipher(key, key_id)
        return key_id

    def cipher(self, data_key_id: str) -> FieldCipher:
        """The field cipher for a data key, unwrapping it once per session."""
        cached = self._ciphers.get(data_key_id)
        if cached is not None:
            return cached
        row = self.session.execute(
            select(DataKey.kek_version, DataKey.wrapped).where(DataKey.id == data_key_id)
        ).first()
        if row is None or row.wrapped is None:
            raise KeyDestroyedError(f"data key {data_key_id} has been destroyed")
        key = unwrap_key(self.keyring, row.kek_version, row.wrapped, data_key_id)
        cipher = FieldCipher(key, data_key_id)
        self._ciphers[data_key_id] = cipher
        return cipher

    def seal(self, record: EncryptedRecord, **values: Any) -> None:
        """Encrypt the given fields into the record's `*_ct` columns (None clears a field)."""
        cipher = self.cipher(record.data_key_id)
        table, specs = _layout(type(record))
        cells: list[tuple[str, str]] = []
        for name, value in values.items():
            spec = specs.get(name)
            if spec is None:
                raise KeyError(f"{table} has no encrypted field {name}")
            column, is_list = spec
            if value is None or value == [] or value == "":
                setattr(record, column, None)
            else:
                cells.append((column, _encode_list(list(value)) if is_list else str(value)))
        for (column, _), blob in zip(cells, cipher.encrypt_row(table, record.id, cells),
                                     strict=True):
            setattr(record, column, blob)

    def open(self, record: EncryptedRecord) -> dict[str, Any]:
        """Decrypt every encrypted field of a record (lists come back as lists)."""
        cipher = self.cipher(record.data_key_id)
        table, specs = _layout(type(record))
        out: dict[str, Any] = {}
        names: list[tuple[str, bool]] = []
        present: list[tuple[str, bytes]] = []
        for name, (column, is_list) in specs.items():
            blob = getattr(record, column)
            if blob is None:
                out[name] = [] if is_list else None
            else:
                names.append((name, is_list))
                present.append((column, blob))
        loads = json.loads
        for (name, is_list), text in zip(names, cipher.decrypt_row(table, record.id, present),
                                         strict=True):
            out[name] = loads(text) if is_list else text
        return out

    def load(self, statement: Select[_R]) -> list[_R]:
        """Run a select of encrypted records, unwrapping their data keys in the same query.

        For listings: one round trip fetches the records and their wrapped keys, where
        opening them one by one would look up each key on its own.
        """
        model = statement.column_descriptions[0]["entity"]
        joined = statement.add_columns(DataKey.kek_version, DataKey.wrapped).outerjoin(
            DataKey, DataKey.id == model.data_key_id)
        ciphers = self._ciphers
        keyring = self.keyring
        records: list[_R] = []
        for record, version, wrapped in self.session.execute(joined):
            key_id = record.data_key_id
            if wrapped is not None and key_id not in ciphers:
                ciphers[key_id] = FieldCipher(
                    unwrap_key(keyring, version, wrapped, key_id), key_id)
            records.append(record)
        return records

    def shred(self, data_key_id: str) -> None:
        """Destroy a data key: everything encrypted under it becomes unreadable for good."""
        self.session.flush()
        self.session.execute(
            update(DataKey).where(DataKey.id == data_key_id)
            .values(wrapped=None, destroyed_at=utcnow())
        )
        self._ciphers.pop(data_key_id, None)


def live_data_keys(session: Session) -> list[DataKey]:
    """Every data key that has not been destroyed."""
    return list(session.scalars(select(DataKey).where(DataKey.wrapped.is_not(None))))
