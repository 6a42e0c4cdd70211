"""Identifiers nobody entered: SSNs, cards, accounts, record numbers, IPs, ad listing ids."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.recognizers.base import RegexRecognizer, result

DOCKET = re.compile(r"^\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}", re.I)


class SsnRecognizer(RegexRecognizer):
    """Social Security and taxpayer numbers."""

    ENTITY = "SSN"
    OCR_DIGITS = True
    DETECTOR = "pattern:ssn"
    GROUP = "n"
    PATTERNS = [
        ("dashed", r"(?<![\w\-/.])(?P<n>\d{3}-\d{2}-\d{4})(?![\w\-/]|\.\d)", 0.8),
        ("spaced", r"(?<![\w\-])(?P<n>\d{3} \d{2} \d{4})(?![\w\-])", 0.5),
        ("labeled", r"(?<!\d)(?P<n>\d{9})(?!\d)", 0.8),
    ]
    CUES = {"labeled": r"(?i:ssn|social security(?: number| no\.?)?|ss#|tin|itin)[:\s#]*"}

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        digits = re.sub(r"\D", "", match.group("n"))
        return digits[:3] not in ("000", "666") and digits[3:5] != "00"


class CardRecognizer(RegexRecognizer):
    """Payment card numbers (Luhn-checked)."""

    ENTITY = "CARD"
    OCR_DIGITS = True
    DETECTOR = "pattern:card"
    PATTERNS = [
        ("card", r"(?<![\d\-])(?:\d[ \-]?){12,18}\d(?![\d\-])", 0.8),
        ("grouped", r"(?<![\w\-.])\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?![\w\-]|[.,]\d)", 0.6),
    ]

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        return pattern_name == "grouped" or self.validate_result(match)

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
    OCR_DIGITS = True
    DETECTOR = "pattern:account"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:account|acct|a/c|routing|iban|checking|savings)\.?\s*"
                    r"(?i:number|no\.?|#)?[:\s#.]*(?P<n>(?:[Xx*•]+[\s\-]?)?\d[\d\- ]{4,}\d)"
                    r"(?![\w\-])", 0.7),
        # an IBAN after its label, in groups, whether or not its check digits add up
        ("iban", r"(?i:IBAN)[:\s#.]*(?P<n>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8})(?![\w\-])", 0.7),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return len(re.sub(r"\D", "", match.group("n"))) >= 6


class LabeledIdRecognizer(RegexRecognizer):
    """Record, employee, licence, passport and immigration numbers given after a label."""

    ENTITY = "ID"
    DETECTOR = "pattern:labeled_id"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?<![\w\-])(?=(?:[A-Za-z\-]*\d){4})(?P<n>[A-Za-z0-9][A-Za-z0-9\-]*\d"
                    r"[A-Za-z0-9\-]*)(?![\w\-])", 0.7),
    ]
    CUES = {"labeled": r"(?i:MRN|medical record(?: number| no\.?)?|patient (?:id|no\.?)|"
                       r"emp(?:loyee)?\.? (?:id|no\.?|number)|member id|client id|student id|"
                       r"inmate (?:id|no\.?|number)|booking (?:no\.?|number)|"
                       r"driver'?s? licen[cs]e(?: number| no\.?)?|\bDL(?: no\.?| #)?|"
                       r"passport(?: number| no\.?)?|A-?number|\bA#|alien (?:number|no\.?)|"
                       r"I-94(?: number| no\.?)?|visa (?:number|no\.?)|receipt (?:number|no\.?)|"
                       r"policy (?:number|no\.?)|ticket(?: no\.?)?|badge(?: no\.?)?|"
                       r"\bID(?: number| no\.?| #)?|record (?:number|no\.?)|file (?:number|no\.?)|"
                       # national ids and registry numbers abroad, police report numbers
                       r"\bCIN|\bNIF|\bDNI|\bCURP|\bRFC|\bNIN|\bBVN|\bCPF|\bRUT|\bSPN|\bNIE|"
                       r"c[eé]dula(?: no\.?)?|\bRPT|(?:incident|police) report(?: no\.?| number)?|"
                       r"report (?:no\.?|number)|folio(?: no\.?)?)"
                       r"(?:\s+(?:is|was|of))?[:\s#.]*(?:\((?-i:[A-Z]{2,3})\)\s*|(?-i:[A-Z]{2})\s+)?"}

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


class ReceiptRecognizer(RegexRecognizer):
    """USCIS receipt numbers, device ids (IMEI, ICCID, serials after a label), crypto wallets."""

    ENTITY = "ID"
    DETECTOR = "pattern:id_shape"
    GROUP = "n"
    PATTERNS = [
        ("uscis", r"(?<![\w\-])(?P<n>(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|CSC)[\s\-]?\d{10})"
                  r"(?![\w\-])", 0.8),
        ("long_digits", r"(?<![\w\-.,$/])(?P<n>\d{15,22})(?![\w\-]|[.,]\d)", 0.6),
        ("device", r"(?<![\w\-])(?P<n>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{7,24})(?![\w\-])", 0.7),
        ("btc", r"(?<![\w])(?P<n>bc1[02-9ac-hj-np-z]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})"
                r"(?![\w])", 0.7),
        ("eth", r"(?<![\w])(?P<n>0x[a-fA-F0-9]{40})(?![\w])", 0.8),
        ("tron", r"(?<![\w])(?P<n>T[1-9A-HJ-NP-Za-km-z]{33})(?![\w])", 0.7),
        ("ein", r"(?<![\w\-])(?P<n>\d{2}-\d{7})(?![\w\-])", 0.8),
    ]
    CUES = {
        "device": r"(?i:imei|meid|iccid|serial(?: no\.?| number)?|s/n|esn|device id|udid)[:\s#.]*",
        "ein": r"(?i:EIN|FEIN|employer identification(?: number| no\.?)?|tax id)[:\s#.]*",
    }

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if pattern_name == "tron":
            wallet = match.group("n")
            return bool(re.search(r"[a-z]", wallet) and re.search(r"\d", wallet))
        if pattern_name == "btc" and match.group("n")[0] in "13":
            wallet = match.group("n")
            return bool(re.search(r"[a-z]", wallet) and re.search(r"\d", wallet))
        return True


class LastFourRecognizer(RegexRecognizer):
    """Last four digits of cards and accounts, alone or in a list: "ending 9152", "**** 7702",
    "cards ending in 7702, 1185 and 3346"."""

    ENTITY = "ACCOUNT"
    OCR_DIGITS = True
    DETECTOR = "pattern:last4"
    PATTERNS = [
        ("masked", r"(?<![\w*•])(?:(?:[Xx*•#]{2,}|\.{3,}|…)[\s\-]?){1,4}\d{4}(?!\w)", 0.7),
        ("ending", r"(?i:ending(?: in| with)?|ends? (?:in|with)|last (?:four|4)(?: digits)?"
                   r"(?: of)?|acct\.?|account|card)[:\s#]*(?:(?:is|are|was|were|no\.?)\s+)?"
                   r"\d{4}(?:\s*(?:,|and|&|/|or)\s*\d{4})*(?![\w\-/:]|[.,]\d)", 0.6),
    ]

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Each four-digit group of a match, not the cue words."""
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            for m in re.finditer(r"(?<!\d)\d{4}(?!\d)", text[r.start:r.end]):
                if not re.fullmatch(r"(?:19|20)\d\d", m.group(0)) or "*" in text[r.start:r.end] \
                        or "X" in text[r.start:r.end].upper() or re.match(
                            r"(?i)end|last|\.\.\.|…", text[r.start:r.end]):
                    out.append(result(self.ENTITY, r.start + m.start(), r.start + m.end(),
                                      r.score, self, self.DETECTOR))
        return out


class MrzRecognizer(RegexRecognizer):
    """The machine-readable zone of a passport or visa: every line holds her name, number,
    nationality and birth date ("P<PHLDIMACULANGAN<<MERCY<...")."""

    ENTITY = "ID"
    DETECTOR = "pattern:mrz"
    GROUP = "z"
    PATTERNS = [
        ("line", r"(?<![A-Z0-9<])(?P<z>(?=[A-Z0-9<]*<<)[A-Z0-9<]{25,48})(?![A-Z0-9<])", 0.8),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return match.group("z").count("<") >= 3
