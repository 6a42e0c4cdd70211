"""Where a person can be found: street addresses, rooms, shelters, vehicles; and birth dates."""

from __future__ import annotations

import re

from redaction.lexicon import STATE_NAMES
from redaction.recognizers.base import RegexRecognizer
from redaction.record_variants import SUFFIX_ALT

_UNIT = r"(?:Apt|Apartment|Unit|Suite|Ste|Rm|Room|Lot|Trlr|Fl|Floor|#)"
_CITY_STATE = (
    rf"(?:,\s*(?P<city>[A-Z][a-zA-Z]+(?:\s[A-Z][a-zA-Z]+){{0,2}})"
    rf"(?:,?\s*(?P<state>[A-Z]{{2}}|{STATE_NAMES}))?(?:\s+\d{{5}}(?:-\d{{4}})?)?)?"
)
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{2,4})"
)


class StreetAddressRecognizer(RegexRecognizer):
    """A house number, street name and suffix; unit, city, state and ZIP when present."""

    ENTITY = "ADDRESS"
    DETECTOR = "pattern:address"
    PATTERNS = [
        ("street", r"(?<![\w\-$.,/#])\d{1,6}[A-Z]?\s+"
                   r"(?:(?:[NSEW]|North|South|East|West|NE|NW|SE|SW)\.?\s+)?"
                   r"(?:(?:[A-Z][\w'\-]*|\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))\.?\s+){0,3}?"
                   rf"(?i:{SUFFIX_ALT})\.?(?:\s+(?:[NSEW]|NE|NW|SE|SW)\.?)?(?![\w])"
                   rf"(?:,?\s*{_UNIT}\.?\s*#?\s*[\w\-]+)?" + _CITY_STATE, 0.7),
    ]


class DobRecognizer(RegexRecognizer):
    """A date given as someone's date of birth."""

    ENTITY = "DOB"
    DETECTOR = "pattern:dob"
    GROUP = "d"
    PATTERNS = [
        ("labeled", r"(?i:\bDOB|D\.O\.B\.|date of birth|birth ?date|born(?: on)?|birthday"
                    r"(?: is)?|b\.)[:\s,]*(?:\w+\s){0,2}?(?P<d>" + _DATE + r")(?![\w/])", 0.8),
    ]


class PlateRecognizer(RegexRecognizer):
    """Licence plates after a label, or in common US plate shapes."""

    ENTITY = "VEHICLE"
    DETECTOR = "pattern:plate"
    GROUP = "p"
    PATTERNS = [
        ("labeled", r"(?i:plates?|tags?|licen[cs]e plate|LP)\s*(?i:no\.?|number|#)?[:\s#]*"
                    r"(?P<p>[A-Z0-9]{1,4}[\s\-]?[A-Z0-9]{2,5})(?![\w\-])", 0.7),
        ("shape", r"(?<![\w\-])(?P<p>[A-Z]{3}[\-]?\d{4}|\d[A-Z]{3}\d{3})(?![\w\-])", 0.5),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        p = re.sub(r"[\s\-]", "", match.group("p"))
        return (5 <= len(p) <= 8 and bool(re.search(r"\d", p)) and bool(re.search(r"[A-Z]", p))
                and p.isupper())


class RoomRecognizer(RegexRecognizer):
    """Hotel and motel room numbers."""

    ENTITY = "ROOM"
    DETECTOR = "pattern:room"
    GROUP = "r"
    PATTERNS = [
        ("labeled", r"(?i:\brooms?|\brm\.?)\s*(?i:no\.?|number)?\s*#?\s*(?P<r>\d{1,4}[A-Za-z]?)"
                    r"(?![\w/:])", 0.7),
        ("moved", r"(?i:stay(?:s|ed|ing)?|mov(?:e|ed|es|ing)|put|kept|back|go|went|come|sent)"
                  r"\s+(?:\w+\s+){0,2}?(?i:in|to|into)\s+(?P<r>\d{3,4})(?![\w/:.,]\d|[\w/:])"
                  r"(?!\s*(?i:days|hours|minutes|miles|dollars|people|am|pm|a\.m|p\.m))", 0.5),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return not re.fullmatch(r"(?:19|20)\d\d", match.group("r"))


class ShelterRecognizer(RegexRecognizer):
    """Named shelters and residential programs where a survivor lives."""

    ENTITY = "LOCATION"
    DETECTOR = "pattern:shelter"
    PATTERNS = [
        ("named", r"(?<![\w])(?:[A-Z][a-z]+\s){1,2}(?:House|Home|Haven|Shelter|Lodge|Residence)"
                  r"(?![\w])", 0.6),
        ("caps", r"(?<![\w])(?:[A-Z]{3,}\s){1,2}(?:HOUSE|HOME|HAVEN|SHELTER|LODGE)(?![\w])", 0.6),
    ]
    _GENERIC = re.compile(
        r"(?i)^(?:the|a|an|her|his|our|their|my|your|this|that|group|nursing|foster|halfway|"
        r"white|safe|open|court|public|full|care|new|same|own|at|in|to|from)\b"
    )

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return not self._GENERIC.match(match.group(0))
