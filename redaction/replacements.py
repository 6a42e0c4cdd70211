"""FRCP 5.2(a) partial forms: birth year, city and state; numbers without their digits."""

from __future__ import annotations

import re

from redaction.recognizers.places import StreetAddressRecognizer


def partial_form(category: str, span: str) -> str | None:
    """What FRCP 5.2(a) lets a public filing show of an identifier, or None for nothing."""
    # FRCP 5.2(a) would allow the last four digits of a number; a survivor's clinic shows none,
    # since the last four alone let someone who holds the record match it to her
    if category == "SSN":
        return "XXX-XX-XXXX"
    if category == "DOB":
        m = re.search(r"(?<!\d)(\d{4})(?!\d)", span)
        if m:
            return m.group(1)
        # a two-digit year only closes a whole date ("4/7/09", "Apr 7 '09"): "8/19" is a
        # birthday without its year, not one in 2019
        m = re.search(r"(?:\d{1,2}[/\-.]\d{1,2}[/\-.]|[A-Za-z]\.?,?\s+\d{1,2},?\s+'?|"
                      r"[A-Za-z],?\s+'?)(\d{2})\s*$", span)
        if m:
            yy = int(m.group(1))
            return str(2000 + yy if yy < 30 else 1900 + yy)
        return None
    if category == "ADDRESS":
        for _name, pattern, _score in StreetAddressRecognizer.compiled():
            m = pattern.fullmatch(span)
            if m and "city" in pattern.groupindex and m.group("city"):
                place = m.group("city")
                if m.group("state"):
                    place += f", {m.group('state')}"
                return f"[ADDRESS], {place}"
    return None
