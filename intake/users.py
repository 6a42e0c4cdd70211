"""Staff accounts: creation, full names, how a colleague is shown, and password hashing
(argon2id)."""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterable

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
MAX_NAME_LENGTH = 120
# Control characters, and the invisible ones that reorder or hide text, which could make a
# name beside an email read as something else.
_NOT_IN_NAMES = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


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


def clean_display_name(name: str) -> str:
    """A staff member's full name, trimmed; raises UserError when it is empty, longer than
    MAX_NAME_LENGTH or holds a control character (a line break, a tab) or an invisible one
    (a direction override, a zero-width space)."""
    name = name.strip()
    if not name:
        raise UserError("the full name is required")
    if len(name) > MAX_NAME_LENGTH:
        raise UserError(f"the full name can be at most {MAX_NAME_LENGTH} characters")
    if _NOT_IN_NAMES.search(name):
        raise UserError("the full name cannot hold line breaks, control or invisible characters")
    return name


def staff_label(display_name: str, email: str, role: str | None = None) -> str:
    """How a colleague is shown: `Name <email> (role)`, or the email alone for an account
    that has no name yet; without the role when `role` is None."""
    who = f"{display_name} <{email}>" if display_name else email
    return f"{who} ({role})" if role else who


def staff_labels(session: Session, ids: Iterable[str | None]) -> dict[str, str]:
    """The label (with role) of each of these user ids that is an account."""
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(User.id, User.display_name, User.email, User.role)
                           .where(User.id.in_(wanted))).tuples()
    return {user_id: staff_label(name, email, role) for user_id, name, email, role in rows}


def create_user(session: Session, email: str, role: str, password: str,
                *, display_name: str | None = None, must_change_password: bool = False) -> User:
    """Create a staff account; raises UserError for a bad email, name, role, password or
    duplicate. Without `display_name` the account is shown by its email until it has one."""
    email = email.strip().lower()
    if not _EMAIL.match(email):
        raise UserError("email address is not valid")
    name = "" if display_name is None else clean_display_name(display_name)
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}")
    validate_password(password, email)
    if session.scalar(select(User.id).where(User.email == email)):
        raise UserError("an account with that email already exists")
    user = User(id=new_id(), email=email, display_name=name, role=role,
                password_hash=hash_password(password),
                must_change_password=must_change_password)
    session.add(user)
    session.flush()
    return user


def rename_user(user: User, display_name: str) -> bool:
    """Give an account a new full name; whether it changed. Raises UserError for a bad name."""
    name = clean_display_name(display_name)
    if name == user.display_name:
        return False
    user.display_name = name
    return True
