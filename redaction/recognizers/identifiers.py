"""Identifiers nobody entered: SSNs, cards, accounts, record numbers, IPs, ad listing ids."""

from __future__ import annotations

import re

from redaction.recognizers.base import RegexRecognizer

DOCKET = re.compile(r"^\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}", re.I)


class SsnRecognizer(RegexRecognizer):
    """Social Security and taxpayer numbers."""

    ENTITY = "SSN"
    DETECTOR = "pattern:ssn"
    GROUP = "n"
    PATTERNS = [
        ("dashed", r"(?<![\w\-/.])(?P<n>\d{3}-\d{2}-\d{4})(?![\w\-/]|\.\d)", 0.8),
        ("spaced", r"(?<![\w\-])(?P<n>\d{3} \d{2} \d{4})(?![\w\-])", 0.5),
        ("labeled", r"(?i:ssn|social security(?: number| no\.?)?|ss#|tin|itin)[:\s#]*"
                    r"(?P<n>\d{9})(?!\d)", 0.8),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        digits = re.sub(r"\D", "", match.group("n"))
        return digits[:3] not in ("000", "666") and digits[3:5] != "00"


class CardRecognizer(RegexRecognizer):
    """Payment card numbers (Luhn-checked)."""

    ENTITY = "CARD"
    DETECTOR = "pattern:card"
    PATTERNS = [("card", r"(?<![\d\-])(?:\d[ \-]?){12,18}\d(?![\d\-])", 0.8)]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        digits = [int(c) for c in re.sub(r"\D", "", match.group(0))]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        return total % 10 == 0


class AccountRecognizer(RegexRecognizer):
    """Bank and other account numbers given after a label."""

    ENTITY = "ACCOUNT"
    DETECTOR = "pattern:account"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:account|acct|a/c|routing|iban|checking|savings)\.?\s*"
                    r"(?i:number|no\.?|#)?[:\s#.]*(?P<n>(?:[Xx*•]+[\s\-]?)?\d[\d\- ]{4,}\d)"
                    r"(?![\w\-])", 0.7),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return len(re.sub(r"\D", "", match.group("n"))) >= 6


class LabeledIdRecognizer(RegexRecognizer):
    """Record, employee, licence, passport and immigration numbers given after a label."""

    ENTITY = "ID"
    DETECTOR = "pattern:labeled_id"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:MRN|medical record(?: number| no\.?)?|patient (?:id|no\.?)|"
                    r"emp(?:loyee)?\.? (?:id|no\.?|number)|member id|client id|student id|"
                    r"inmate (?:id|no\.?|number)|booking (?:no\.?|number)|"
                    r"driver'?s? licen[cs]e(?: number| no\.?)?|\bDL(?: no\.?| #)?|"
                    r"passport(?: number| no\.?)?|A-?number|\bA#|alien (?:number|no\.?)|"
                    r"I-94(?: number| no\.?)?|visa (?:number|no\.?)|receipt (?:number|no\.?)|"
                    r"policy (?:number|no\.?)|ticket(?: no\.?)?|badge(?: no\.?)?|"
                    r"\bID(?: number| no\.?| #)?|record (?:number|no\.?)|file (?:number|no\.?))"
                    r"(?:\s+(?:is|was|of))?[:\s#.]*(?:\([A-Z]{2,3}\)\s*)?"
                    r"(?P<n>[A-Za-z0-9][A-Za-z0-9\-]*\d[A-Za-z0-9\-]*)(?![\w\-])", 0.7),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        token = match.group("n")
        return len(re.sub(r"\D", "", token)) >= 4 and not DOCKET.match(token)


class IpAddressRecognizer(RegexRecognizer):
    """IPv4 addresses."""

    ENTITY = "IP"
    DETECTOR = "pattern:ip"
    PATTERNS = [("ipv4", r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}"
                         r"(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d]|\.\d)", 0.7)]


class ListingIdRecognizer(RegexRecognizer):
    """Ids of online ads and listings."""

    ENTITY = "LISTING"
    DETECTOR = "pattern:listing"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:listing|ad|ad id|advert(?:isement)?|posting|post)\s*"
                    r"(?i:id|no\.?|number|#)?[:\s#]*(?P<n>[A-Z]{1,6}-?\d{5,}|\d{6,})(?![\w\-])",
         0.7),
    ]
