"""Staff accounts: creation and password hashing (argon2id)."""

from __future__ import annotations

import re
import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session
from zxcvbn import zxcvbn

from intake.models import ROLES, User, new_id

# argon2id, above OWASP's minimum (m=19 MiB, t=2, p=1): RFC 9106 low-memory profile.
PASSWORDS = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)
MIN_PASSWORD_LENGTH = 12
# zxcvbn's score 0-4; 3 is "safely unguessable" against an offline attack on a slow hash.
MIN_PASSWORD_SCORE = 3
ZXCVBN_MAX_LENGTH = 72  # its own limit; longer passwords are judged by their start
CLINIC_WORDS = ("clinic", "intake", "legal", "survivor", "trafficking")
_ZXCVBN_LOCK = threading.Lock()
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class UserError(Exception):
    """An account could not be created or changed; the message says why."""


def hash_password(password: str) -> str:
    """An argon2id hash of the password."""
    return PASSWORDS.hash(password)


def check_password(user: User, password: str) -> bool:
    """Whether the password matches the user's hash."""
    try:
        return PASSWORDS.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def validate_password(password: str, *context: str) -> None:
    """Refuse passwords that are too short, or easy to guess: common and breached passwords,
    keyboard walks, dates, repeats, or the account's own email (`context`), as zxcvbn's
    offline lists and patterns judge them."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"password must be at least {MIN_PASSWORD_LENGTH} characters")
    inputs = [*CLINIC_WORDS]
    for value in context:
        inputs += [value, *re.split(r"[@._+-]+", value)]
    # zxcvbn keeps the user inputs in a module-level dictionary while it runs.
    with _ZXCVBN_LOCK:
        result = zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=inputs,
                        max_length=ZXCVBN_MAX_LENGTH)
    if result["score"] < MIN_PASSWORD_SCORE:
        raise UserError("password is too easy to guess (a common or breached password, a "
                        "name, a date or a simple pattern); try a few unrelated words")


def generate_password() -> str:
    """A random one-time password for a new account."""
    return secrets.token_urlsafe(15)


def create_user(session: Session, email: str, role: str, password: str,
                *, must_change_password: bool = False) -> User:
    """Create a staff account; raises UserError for a bad email, role, password or duplicate."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise UserError("email address is not valid")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    validate_password(password, email)
    if session.scalar(select(User.id).where(User.email == email)):
        raise UserError("an account with that email already exists")
    user = User(id=new_id(), email=email, role=role, password_hash=hash_password(password),
                must_change_password=must_change_password)
    session.add(user)
    session.flush()
    return user
