"""FRCP 5.2(a) partial forms: last four digits, birth year, city and state."""

from __future__ import annotations

import re

from redaction.recognizers.places import StreetAddressRecognizer


def partial_form(category: str, span: str) -> str | None:
    """What FRCP 5.2(a) lets a public filing show of an identifier, or None for nothing."""
    digits = re.sub(r"\D", "", span)
    if category == "SSN" and len(digits) >= 4:
        return f"XXX-XX-{digits[-4:]}"
    if category == "ACCOUNT" and len(digits) >= 4:
        return f"XXXX{digits[-4:]}"
    if category == "CARD" and len(digits) >= 4:
        return f"XXXX-XXXX-XXXX-{digits[-4:]}"
    if category == "DOB":
        m = re.search(r"(?<!\d)(\d{4})(?!\d)", span)
        if m:
            return m.group(1)
        m = re.search(r"(?<!\d)(\d{2})\s*$", span)
        if m:
            yy = int(m.group(1))
            return str(2000 + yy if yy < 30 else 1900 + yy)
        return None
    if category == "ADDRESS":
        for _name, pattern, _score in StreetAddressRecognizer.compiled():
            m = pattern.fullmatch(span)
            if m and m.group("city"):
                place = m.group("city")
                if m.group("state"):
                    place += f", {m.group('state')}"
                return f"[ADDRESS], {place}"
    return None
