"""Contact details nobody entered: phone numbers, emails, handles, links to a person."""

from __future__ import annotations

import re

import phonenumbers

from redaction.recognizers.base import RegexRecognizer

SOCIAL = (
    r"instagram|facebook|fb|tiktok|twitter|x|snapchat|t|onlyfans|linkedin|cash|venmo|wa|"
    r"youtube|reddit|telegram|tinder|bumble|grindr|megapersonals|skipthegames|listcrawler|"
    r"doublelist|craigslist|kik|threads|discord|twitch|pinterest|tumblr|vk|ok|whatsapp|"
    r"fansly|linktr|allmylinks|swaphaven"
)


class PhoneNumberRecognizer(RegexRecognizer):
    """North American numbers in any punctuation; international ones checked by phonenumbers."""

    ENTITY = "PHONE"
    DETECTOR = "pattern:phone"
    PATTERNS = [
        ("nanp", r"(?<![\w+\-/.])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)[\s.\-]?|\d{3}[\s.\-])\d{3}"
                 r"[\s.\-]\d{4}(?![\d\-/])", 0.7),
        ("nanp_run", r"(?<![\w\-/.+])(?:\+?1)?[2-9]\d{2}[2-9]\d{6}(?![\w\-/])", 0.5),
        ("intl", r"(?<![\w+])\+[2-9]\d{0,2}[\s.\-]?(?:\(?\d{1,4}\)?[\s.\-]?){2,5}\d{2,4}(?!\d)",
         0.6),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        text = match.group(0)
        if not text.startswith("+") or text.startswith("+1"):
            return True
        try:
            return phonenumbers.is_possible_number(phonenumbers.parse(text, None))
        except phonenumbers.NumberParseException:
            return False


class EmailAddressRecognizer(RegexRecognizer):
    """Email addresses (no public-suffix lookup, so nothing is ever downloaded)."""

    ENTITY = "EMAIL"
    DETECTOR = "pattern:email"
    PATTERNS = [("email", r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?!\w)",
                 0.9)]


class HandleRecognizer(RegexRecognizer):
    """@handles, $cashtags and user names given after a label."""

    ENTITY = "HANDLE"
    DETECTOR = "pattern:handle"
    GROUP = "h"
    PATTERNS = [
        ("at", r"(?<![\w@.])(?P<h>@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)", 0.8),
        ("cash", r"(?<![\w$])(?P<h>\$[A-Za-z][A-Za-z0-9_\-]{2,})", 0.8),
        ("labeled", r"(?i:user ?name|screen ?name|handle|gamer ?tag|snapchat|telegram|tiktok|"
                    r"kik|accounts?|profile)\s*(?:name|id)?\s*[:\s]\s*"
                    r"(?P<h>@?(?=[\w.]*[A-Za-z])[A-Za-z0-9][\w.]*[._\d][\w.]*[A-Za-z0-9_])"
                    r"(?![\w@])", 0.6),
    ]


class PersonalUrlRecognizer(RegexRecognizer):
    """Links that point to a person: social profiles, ads, any non-public page."""

    ENTITY = "URL"
    DETECTOR = "pattern:url"
    PATTERNS = [
        ("scheme", r"(?i)\b(?:https?://|www\.)[^\s<>\"')\]]+", 0.7),
        ("social", rf"(?i)(?<![\w.@])(?:{SOCIAL})\.(?:com|me|app|net|org|tv|ee|gg)/"
                   r"[^\s<>\"')\]]+", 0.8),
    ]
    _PUBLIC = re.compile(r"(?i)^(?:https?://)?(?:www\.)?[\w.\-]*\.(?:gov|mil|edu|courts?)"
                         r"(?:[/:]|$)")

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return not self._PUBLIC.match(match.group(0).rstrip(".,;"))
