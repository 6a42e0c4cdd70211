"""Canonical forms of identifying values, so that equal people produce equal blind indexes."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import phonenumbers

# Latin letters that carry a stroke or ligature rather than a combining accent, so NFKD leaves
# them alone; intake staff type "Lukasz" and "Dang" for "Łukasz" and "Đặng".
_FOLD_LETTERS = str.maketrans(
    {"ł": "l", "đ": "d", "ð": "d", "ø": "o", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)
# Apostrophe look-alikes; dropped inside names so "O'Brien", "O’Brien" and "OBrien" agree.
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘ʼʹ`´′"), None)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def normalize_text(s: str) -> str:
    """Return s with compatibility forms, accents, case and extra whitespace removed."""
    # casefold can emit new combining marks ("İ" -> "i̇"), so decompose again after it.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", s).casefold())
    # Category Cf (zero-width spaces, soft hyphens, BOMs) arrives invisibly with pasted text.
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf"
    )
    return " ".join(kept.translate(_FOLD_LETTERS).split())


def normalize_name(s: str) -> str:
    """Return a person's name normalized, apostrophes dropped and other punctuation as spaces."""
    text = normalize_text(s.translate(_APOSTROPHES))
    # Hyphens and other punctuation separate words: "García-López" matches "Garcia Lopez".
    spaced = "".join(ch if ch.isalnum() else " " for ch in text)
    return " ".join(spaced.split())


def name_parts(s: str) -> set[str]:
    """The forms that give a name away: every run of its neighbouring words (the whole name,
    each word, "maria elena"), normalized, with spaces and joined ("mariaelena"). Single
    letters (initials) are left out."""
    words = normalize_name(s).split()
    parts: set[str] = set()
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            run = words[start:end]
            if len(run) == 1 and len(run[0]) < 2:
                continue
            parts.add(" ".join(run))
            parts.add("".join(run))
    return parts


def normalize_phone(s: str, default_region: str = "US") -> str | None:
    """Return the number in E.164 form, or None if it cannot be a phone number."""
    try:
        number = phonenumbers.parse(s, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalize_email(s: str) -> str | None:
    """Return the address casefolded without whitespace, or None if it has no local@domain."""
    address = "".join(unicodedata.normalize("NFKC", s).casefold().split())
    local, at, domain = address.rpartition("@")
    if not (at and local and domain):
        return None
    return address


def normalize_dob(s: str) -> str | None:
    """Return an ISO yyyy-mm-dd date of birth, or None if s is not a real ISO date."""
    text = s.strip()
    # date.fromisoformat alone also accepts "19900501" and week dates; the app stores yyyy-mm-dd.
    if not _ISO_DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def normalize_identifier(s: str) -> str:
    """Return the uppercase letters and digits of an identifier (passport, A-number, case no.)."""
    text = normalize_text(s).upper()
    return "".join(ch for ch in text if ch.isalnum())
