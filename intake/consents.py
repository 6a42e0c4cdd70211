"""Consent records (VAWA, 34 U.S.C. 12291(b)(2)): informed, written, time-limited, per recipient.

A survivor's personally identifying information may be shared with a recipient only under
a consent that names that recipient, was signed by the survivor (and, for a minor, also by
a parent or guardian), has not expired and has not been withdrawn. The signer's and
guardian's names are sealed under the survivor's data key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from intake.models import Consent, Subject, new_id, utcnow
from intake.records import Vault

MAX_TERM_DAYS = 366
# Punctuation that never tells two recipients apart: "U.S. District Court" is
# "US District Court", "St. Mary's" is "St Marys", "Legal-Aid" is "Legal Aid".
_IGNORED = re.compile(r"[.,'\u2019\u2018`\"]")
_SPACED = re.compile(r"[-\u2010-\u2015/]")


class ConsentError(Exception):
    """A consent could not be recorded or changed; the message names the field."""


@dataclass(frozen=True)
class ConsentInput:
    """What the written consent form says."""

    recipient: str
    signed_on: date
    expires_on: date
    signer: str
    informed: bool
    written: bool
    scope: str = ""
    guardian: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Recipient:
    """A recipient that consents in force name, and the survivors whose consents they are."""

    name: str  # as written on the newest of those consents
    pseudonyms: tuple[str, ...]


def normalize_recipient(recipient: str) -> str:
    """The form of a recipient's name used for matching: case, spacing, "&" and punctuation
    such as the periods of an abbreviation do not count."""
    text = unicodedata.normalize("NFKC", recipient).casefold().replace("&", " and ")
    text = _SPACED.sub(" ", _IGNORED.sub("", text))
    return " ".join(text.split())


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def record_consent(session: Session, vault: Vault, subject: Subject, data: ConsentInput,
                   *, recorded_by: str | None, today: date | None = None) -> Consent:
    """Record a signed consent for one recipient; raises ConsentError when incomplete."""
    today = today or utcnow().date()
    recipient = " ".join(data.recipient.split())
    if not recipient:
        raise ConsentError("recipient: name the one recipient this consent covers")
    if not data.informed:
        raise ConsentError("informed: the survivor must have been told what is shared and why")
    if not data.written:
        raise ConsentError("written: a signed written consent must be on file")
    if not data.signer.strip():
        raise ConsentError("signer: who signed the consent is required")
    if subject.minor and not (data.guardian or "").strip():
        raise ConsentError("guardian: a parent or guardian must also sign for a minor")
    if data.signed_on > today:
        raise ConsentError("signed_on: the signing date cannot be in the future")
    if data.expires_on <= data.signed_on:
        raise ConsentError("expires_on: the consent must end after the day it was signed")
    if (data.expires_on - data.signed_on).days > MAX_TERM_DAYS:
        raise ConsentError("expires_on: consent is time-limited to at most one year")
    consent = Consent(id=new_id(), subject_id=subject.id, data_key_id=subject.data_key_id,
                      recipient=recipient[:300], scope=data.scope.strip()[:500],
                      signed_at=_start_of(data.signed_on),
                      expires_at=_start_of(data.expires_on + timedelta(days=1)),
                      recorded_by=recorded_by)
    vault.seal(consent, signer=data.signer.strip(), guardian=(data.guardian or "").strip(),
               notes=(data.notes or "").strip())
    session.add(consent)
    session.flush()
    return consent


def withdraw_consent(session: Session, consent: Consent, *, withdrawn_by: str | None) -> None:
    """Withdraw a consent from now on; raises ConsentError if it was already withdrawn."""
    if consent.withdrawn_at is not None:
        raise ConsentError("consent: already withdrawn")
    consent.withdrawn_at = utcnow()
    consent.withdrawn_by = withdrawn_by
    session.flush()


def is_valid(consent: Consent, subject: Subject, at: datetime) -> bool:
    """Whether a consent is in force at a moment (signed, not expired, not withdrawn)."""
    if consent.withdrawn_at is not None and consent.withdrawn_at <= at:
        return False
    if subject.minor and consent.guardian_ct is None:
        return False
    return consent.signed_at <= at < consent.expires_at


def consents_for(session: Session, subject: Subject) -> list[Consent]:
    """Every consent of a survivor, newest first."""
    return list(session.scalars(select(Consent).where(Consent.subject_id == subject.id)
                                .order_by(Consent.signed_at.desc(), Consent.recorded_at.desc())))


def valid_consent(session: Session, subject: Subject, recipient: str,
                  at: datetime | None = None) -> Consent | None:
    """The consent in force for sharing the survivor's data with `recipient`, or None."""
    at = at or utcnow()
    wanted = normalize_recipient(recipient)
    for consent in consents_for(session, subject):
        if normalize_recipient(consent.recipient) == wanted and is_valid(consent, subject, at):
            return consent
    return None


def recipients_in_force(session: Session, matter_id: str,
                        at: datetime | None = None) -> list[Recipient]:
    """Every recipient named by a consent in force in a matter, spellings that match as one."""
    at = at or utcnow()
    rows = session.execute(
        select(Consent, Subject).join(Subject, Subject.id == Consent.subject_id)
        .where(Subject.matter_id == matter_id, Subject.deleted_at.is_(None),
               Consent.withdrawn_at.is_(None), Consent.expires_at > at)
        .order_by(Consent.signed_at.desc(), Consent.recorded_at.desc()))
    grouped: dict[str, tuple[str, set[str]]] = {}
    for consent, subject in rows.tuples():
        if is_valid(consent, subject, at):
            _name, who = grouped.setdefault(normalize_recipient(consent.recipient),
                                            (consent.recipient, set()))
            who.add(subject.pseudonym)
    found = [Recipient(name, tuple(sorted(who))) for name, who in grouped.values()]
    return sorted(found, key=lambda r: normalize_recipient(r.name))
