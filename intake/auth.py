"""Staff sign-in: passwords with lockout, a TOTP second factor, and server-side sessions.

TOTP secrets are encrypted with a data key of the user's own (owner_type "user"), wrapped
by the keyring like every other data key; resetting a user's MFA shreds that key. The
last accepted TOTP time-step is remembered so that a code can be used only once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import pyotp
import qrcode
import qrcode.image.svg
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from intake import users
from intake.models import DataKey, MfaState, User, UserSession, utcnow
from intake.records import Vault

LOCK_AFTER_FAILURES = 5
LOCK_MINUTES = 15
TOTP_ISSUER = "Clinic intake"
TOTP_STEP_SECONDS = 30
STAGES = ("password", "mfa", "active")
_dummy_hash: str | None = None


class AuthError(Exception):
    """Sign-in did not succeed; `reason` is a category, never a typed value."""

    def __init__(self, reason: str, user: User | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.user = user


@dataclass(frozen=True)
class Timeouts:
    """How long a session may sit idle, and how long it may live at most."""

    idle: timedelta
    absolute: timedelta


def is_locked(user: User, now: datetime | None = None) -> bool:
    """Whether the account is inside a lockout window."""
    return user.locked_until is not None and user.locked_until > (now or utcnow())


def record_failure(user: User, now: datetime | None = None) -> bool:
    """Count one failed attempt; lock the account at the fifth in a row. True when it locked."""
    now = now or utcnow()
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= LOCK_AFTER_FAILURES:
        user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
        user.failed_logins = 0
        return True
    return False


def authenticate(session: Session, email: str, password: str,
                 now: datetime | None = None) -> User:
    """Check an email and password; raises AuthError(reason) with reason unknown, disabled,
    locked, lockout or password. A right password does not clear earlier failures."""
    global _dummy_hash
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        # Spend the same time as a real check so that timing does not reveal accounts.
        _dummy_hash = _dummy_hash or users.hash_password(secrets.token_hex(8))
        users.check_password(User(password_hash=_dummy_hash), password)
        raise AuthError("unknown")
    if is_locked(user, now):
        # Check the password anyway: a quick refusal would tell which accounts exist.
        users.check_password(user, password)
        raise AuthError("locked", user)
    if not users.check_password(user, password):
        locked_now = record_failure(user, now)
        session.flush()
        raise AuthError("lockout" if locked_now else "password", user)
    if user.disabled:
        raise AuthError("disabled", user)
    # The failure count stays as it is: only a whole sign-in (password and code) clears it,
    # or a right password would wipe out the wrong codes before it (see sign_in_complete).
    if users.PASSWORDS.check_needs_rehash(user.password_hash):
        user.password_hash = users.hash_password(password)
    session.flush()
    return user


def sign_in_complete(user: User) -> None:
    """The whole sign-in (password and second factor) succeeded: clear the failure count."""
    user.failed_logins = 0
    user.locked_until = None


def unlock(user: User, now: datetime | None = None) -> bool:
    """An administrator's unlock: end the lockout and clear the failure count. False when
    the account was not locked (nothing to do)."""
    if not is_locked(user, now):
        return False
    user.locked_until = None
    user.failed_logins = 0
    return True


def change_password(session: Session, user: User, current: str, new: str,
                    *, keep: UserSession) -> int:
    """Replace the password after checking the current one, and sign out every other
    session of the user (`keep`, the one making the change, stays); returns how many ended.
    Raises users.UserError."""
    if not users.check_password(user, current):
        raise users.UserError("the current password is not correct")
    if new == current:
        raise users.UserError("the new password must differ from the current one")
    users.validate_password(new, user.email)
    user.password_hash = users.hash_password(new)
    user.must_change_password = False
    ended = end_all_sessions(session, user.id, "password_changed", keep=keep.id)
    session.flush()
    return ended


# --- sessions ---------------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def start_session(session: Session, user: User, stage: str,
                  user_agent: str = "") -> tuple[UserSession, str]:
    """Open a new server-side session; returns it and its token (the only copy)."""
    token = secrets.token_urlsafe(32)
    started = UserSession(user_id=user.id, token_hash=_token_hash(token), stage=stage,
                          user_agent=user_agent[:200])
    session.add(started)
    session.flush()
    return started, token


def find_session(session: Session, token: str | None, timeouts: Timeouts,
                 now: datetime | None = None) -> UserSession | None:
    """The live session for a token, touched; expired ones are ended and give None."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    now = now or utcnow()
    found = session.scalar(select(UserSession).where(
        UserSession.token_hash == _token_hash(token), UserSession.ended_at.is_(None)))
    if found is None:
        return None
    if now - found.last_seen_at > timeouts.idle:
        end_session(found, "idle", now)
        return None
    if now - found.created_at > timeouts.absolute:
        end_session(found, "expired", now)
        return None
    user = session.get(User, found.user_id)
    if user is None or user.disabled:
        end_session(found, "disabled", now)
        return None
    found.last_seen_at = now
    return found


def idled_out(session: Session, token: str | None, within: timedelta,
              now: datetime | None = None) -> str | None:
    """The user whose session for this token ended by the idle timeout less than `within`
    ago (so what they just submitted can be kept for them), else None."""
    if not token or not isinstance(token, str) or len(token) > 100:
        return None
    now = now or utcnow()
    found = session.scalar(select(UserSession).where(
        UserSession.token_hash == _token_hash(token), UserSession.end_reason == "idle",
        UserSession.ended_at.is_not(None)))
    if found is None or found.ended_at is None or now - found.ended_at > within:
        return None
    return str(found.user_id)


def advance_session(session: Session, user_session: UserSession, stage: str) -> str:
    """Move a session to the next sign-in stage under a fresh token (the old one dies)."""
    token = secrets.token_urlsafe(32)
    user_session.token_hash = _token_hash(token)
    user_session.stage = stage
    session.flush()
    return token


def end_session(user_session: UserSession, reason: str, now: datetime | None = None) -> None:
    """End one session."""
    user_session.ended_at = now or utcnow()
    user_session.end_reason = reason


def end_all_sessions(session: Session, user_id: str, reason: str,
                     *, keep: str | None = None) -> int:
    """End every live session of a user but `keep` (after a reset, a password change or when
    disabled); returns how many ended."""
    query = update(UserSession).where(UserSession.user_id == user_id,
                                      UserSession.ended_at.is_(None))
    if keep is not None:
        query = query.where(UserSession.id != keep)
    result = session.execute(query.values(ended_at=utcnow(), end_reason=reason))
    return int(getattr(result, "rowcount", 0) or 0)


def live_sessions(session: Session, user_id: str) -> list[UserSession]:
    """The user's sessions that have not ended, newest first."""
    return list(session.scalars(select(UserSession).where(
        UserSession.user_id == user_id, UserSession.ended_at.is_(None)
    ).order_by(UserSession.created_at.desc())))


# --- TOTP -----------------------------------------------------------------------------

def _user_key(session: Session, user_id: str) -> str | None:
    return session.scalar(select(DataKey.id).where(
        DataKey.owner_type == "user", DataKey.owner_id == user_id,
        DataKey.wrapped.is_not(None)).order_by(DataKey.created_at.desc()).limit(1))


def _secret(session: Session, vault: Vault, user: User) -> str | None:
    key_id = _user_key(session, user.id)
    if key_id is None or user.totp_secret_ct is None:
        return None
    return vault.cipher(key_id).decrypt("users", "totp_secret_ct", user.id,
                                        user.totp_secret_ct)


def enrolment_secret(session: Session, vault: Vault, user: User) -> str:
    """The pending TOTP secret of a user who is enrolling (made on first call)."""
    if user.mfa_enrolled_at is not None:
        raise AuthError("already_enrolled", user)
    secret = _secret(session, vault, user)
    if secret is None:
        key_id = _user_key(session, user.id) or vault.create_data_key("user", user.id)
        secret = pyotp.random_base32()
        user.totp_secret_ct = vault.cipher(key_id).encrypt("users", "totp_secret_ct",
                                                          user.id, secret)
        session.flush()
    return secret


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// URI an authenticator app scans."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=TOTP_ISSUER)


def qr_data_uri(uri: str) -> str:
    """The URI as an SVG QR code in a data: URI (no script, no external request)."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def verify_totp(session: Session, vault: Vault, user: User, code: str,
                now: datetime | None = None) -> bool:
    """Check a 6-digit code (one step of clock drift either way); each step works once."""
    code = "".join(code.split())
    secret = _secret(session, vault, user)
    if secret is None or len(code) != 6 or not code.isdigit():
        return False
    now = now or utcnow()
    state = session.get(MfaState, user.id)
    if state is None:
        state = MfaState(user_id=user.id, last_step=0)
        session.add(state)
    totp = pyotp.TOTP(secret)
    step = int(now.timestamp()) // TOTP_STEP_SECONDS
    for candidate in (step - 1, step, step + 1):
        expected = totp.at(candidate * TOTP_STEP_SECONDS)
        if hmac.compare_digest(expected, code) and candidate > state.last_step:
            state.last_step = candidate
            session.flush()
            return True
    return False


def confirm_enrolment(session: Session, vault: Vault, user: User, code: str) -> bool:
    """Finish enrolment when the first code from the authenticator is right."""
    if not verify_totp(session, vault, user, code):
        return False
    user.mfa_enrolled_at = utcnow()
    session.flush()
    return True


def reset_mfa(session: Session, vault: Vault, user: User) -> None:
    """Forget a user's second factor: shred its key so the old secret is gone for good."""
    for key_id in session.scalars(select(DataKey.id).where(
            DataKey.owner_type == "user", DataKey.owner_id == user.id,
            DataKey.wrapped.is_not(None))):
        vault.shred(key_id)
    user.totp_secret_ct = None
    user.mfa_enrolled_at = None
    state = session.get(MfaState, user.id)
    if state is not None:
        state.last_step = 0
    session.flush()
