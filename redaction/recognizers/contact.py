"""Contact details nobody entered: phone numbers, emails, handles, links to a person."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.gazetteer import (
    english_zipf,
    is_everyday,
    is_first_name,
    is_ordinary,
    is_place,
    is_small_place,
    word_frequency,
)
from redaction.lexicon import NOT_PEOPLE
from redaction.recognizers.base import RegexRecognizer, result
from redaction.variants import spelled_numbers

_OCR_LETTERS = str.maketrans({"1": "l", "0": "o", "5": "s"})
_NOT_HANDLES = {"cashtag", "username", "handle", "account", "payment", "number", "name", "the",
                "and", "was", "from", "transfer", "sent", "received", "request", "history",
                "records"}

SOCIAL = (
    r"instagram|facebook|fb|tiktok|twitter|x|snapchat|t|onlyfans|linkedin|cash|venmo|wa|"
    r"youtube|reddit|telegram|tinder|bumble|grindr|megapersonals|skipthegames|listcrawler|"
    r"doublelist|craigslist|kik|threads|discord|twitch|pinterest|tumblr|vk|ok|whatsapp|"
    r"fansly|linktr|allmylinks|swaphaven|paypal|"
    # payment links, each a person's own: "revolut.me/sebiap22", "monzo.me/...", "ko-fi.com/..."
    r"revolut|monzo|ko-fi|buymeacoffee|throne|wise|patreon|chaturbate|stripchat|bongacams|"
    r"cam4|myfreecams|manyvids|fancentro|justfor"
)


# Regions whose national formats a clinic sees: the Americas its clients come from, and the
# countries of the people and firms in its cases. phonenumbers validates against each.
PHONE_REGIONS = (
    "US", "CA", "MX", "GT", "HN", "SV", "NI", "CR", "PA", "CO", "VE", "EC", "PE", "BR", "AR",
    "CL", "DO", "HT", "CU", "JM", "GB", "IE", "DE", "FR", "ES", "PT", "IT", "NL", "BE", "CH",
    "AT", "PL", "RO", "UA", "RU", "HU", "CZ", "SE", "NO", "DK", "FI", "IS", "GR", "CY", "TR",
    "IL", "IN", "PH", "VN", "TH", "CN", "KR", "JP", "ID", "NG", "GH", "KE", "ZA", "AU", "NZ",
    # South Asia, East Africa and the Horn, Southeast Asia, Eastern Europe
    "NP", "BD", "PK", "LK", "MM", "KH", "MY", "UG", "TZ", "ET", "SO", "MD", "BG",
)
_PHONE_CUE = (
    r"(?i:phone|tel|telephone|mobile|cell|cellphone|fax|desk|whats ?app|signal|viber|"
    r"telegram|wechat|imo|"
    r"(?:call|text|ring|reach|contact)(?:ed|ing|s)?(?:\s+(?:me|him|her|them|us))?"
    r"(?:\s+(?:on|at))?|answering at|number(?:\s+is)?|registered|no\.)"
)
_DIGITS = r"\+?\(?\d[\d ().\-]{4,18}\d"
_DATE_LIKE = re.compile(
    r"^(?:\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-](?:\d{2}|\d{4}))$|^\d{1,2}:\d{2}"
)

_DATE_OPENS = re.compile(
    r"(?:\d{4}[./\-]\d{1,2}[./\-]\d{1,2}|\d{1,2}[./\-]\d{1,2}[./\-]\d{4})(?!\d)")


_RECORD_NO = re.compile(r"(?i)\b(?:report|incident|case|claim|file|ticket|receipt|order|invoice|"
                        r"docket|cause|event|complaint)[ \t]*(?:no\.?|number|#)[ \t]*:?[ \t]*$")


class PhoneNumberRecognizer(RegexRecognizer):
    """Phone numbers: North American in any punctuation, international with a + or 00, and
    national formats of the regions a clinic sees (checked by phonenumbers, or after a cue)."""

    ENTITY = "PHONE"
    OCR_DIGITS = True
    DETECTOR = "pattern:phone"
    GROUP = "n"
    PATTERNS = [
        ("nanp", r"(?<![\w+\-/.])(?P<n>(?:(?:\+|00)?1[\s.\-]?)?(?:\(\d{3}\)[\s.\-]?|\d{3}[\s.\-])"
                 r"\d{3}[\s.\-]\d{4})(?![\d\-/])", 0.7),
        # split at a line end after its last separator: "337.555.\n0143", "(703) 555-\n   0183"
        ("nanp_broken", r"(?<![\w+\-/.])(?P<n>(?:\(\d{3}\)[\s.\-]?|\d{3}[.\-])\d{3}[.\-]"
                        r"[ \t]*\n[ \t]*\d{4})(?![\d\-/])", 0.7),
        ("nanp_run", r"(?<![\w\-/.+])(?P<n>(?:\+?1)?[2-9]\d{2}[2-9]\d{6})(?![\w\-/])", 0.5),
        ("intl", r"(?<![\w+])(?P<n>(?:\+|00)[1-9]\d{0,2}[\s.\-]?(?:\(?\d{1,4}\)?[\s.\-]?){2,5}"
                 r"\d{2,4})(?!\d)", 0.6),
        ("national", r"(?<![\w+\-/.,$])(?P<n>\(?0\d{1,4}\)?(?:[ .\-]\d{2,5}){1,4})"
                     r"(?![\w\-/]|[.,]\d)", 0.55),
        ("area_paren", r"(?<![\w+])(?P<n>\(\d{1,3}\)\s?\d{3,5}[\s\-]\d{3,4})(?![\w\-/])", 0.6),
        ("cued", r"(?<![\w+\-/.,$])(?P<n>" + _DIGITS + r")(?![\w\-/]|[.,]\d)", 0.6),
        ("labelled_after", r"(?<![\w+\-/.,$])(?P<n>" + _DIGITS + r")\s*[-,]?\s*"
                           r"(?i:office|fax|mobile|cell|home|work)\b", 0.6),
        ("grouped", r"(?<![\w+\-/.,$])(?P<n>\d{2,4}(?:[ .\-]\d{2,4}){2,4})(?![\w\-/]|[.,]\d)", 0.4),
        ("run", r"(?<![\w+\-/.,$])(?P<n>\d{10,11})(?![\w\-/]|[.,]\d)", 0.4),
    ]

    CUES = {"cued": _PHONE_CUE + r"\s*[:#.]?\s*(?:on\s+|at\s+)?"}

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        text = match.group("n")
        digits = re.sub(r"\D", "", text)
        if not 6 <= len(digits) <= 15 or _DATE_LIKE.match(text.strip("()")):
            return False
        if _DATE_OPENS.match(text) or re.match(r":\d\d", match.string[match.end():]):
            return False  # "2023-04-02 11:00", a time stamp
        if _RECORD_NO.search(match.string, max(0, match.start() - 40), match.start()):
            return False  # "INCIDENT REPORT  No. 1428877-24": a record's number
        if pattern_name in ("nanp", "nanp_run", "nanp_broken"):
            return True
        if pattern_name in ("cued", "labelled_after", "area_paren"):
            return len(digits) >= 7
        if pattern_name == "intl":
            number = "+" + text[2:] if text.startswith("00") else text
            try:
                return phonenumbers.is_possible_number(phonenumbers.parse(number, None))
            except phonenumbers.NumberParseException:
                return False
        if pattern_name == "national" and len(digits) >= 9:
            return True
        return _valid_somewhere(text)


    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Pattern hits, and numbers spelled partly in words ("8three2-555-01six4")."""
        out = super().analyze(text, entities, nlp_artifacts)
        for start, end, digits in spelled_numbers(text, least=10):
            if len(digits) <= 13:
                out.append(result(self.ENTITY, start, end, 0.6, self, "pattern:phone_spelled"))
        return out


@lru_cache(maxsize=4096)
def _valid_somewhere(text: str) -> bool:
    """True when text is a valid phone number in one of the regions a clinic sees."""
    for region in PHONE_REGIONS:
        try:
            if phonenumbers.is_valid_number(phonenumbers.parse(text, region)):
                return True
        except phonenumbers.NumberParseException:
            continue
    return False


class EmailAddressRecognizer(RegexRecognizer):
    """Email addresses (no public-suffix lookup, so nothing is ever downloaded)."""

    ENTITY = "EMAIL"
    DETECTOR = "pattern:email"
    PATTERNS = [("email", r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}(?!\w)",
                 0.9)]


_PAYMENT_TEXT = re.compile(r"(?i)\b(?:venmo|zelle|cash ?app|paypal|gcash|wise)\b")


def _payment_name(handle: str, text: str) -> bool:
    """A given name and a surname joined by hyphens, in a text about payments: an app's user
    name ("Dana-Kettleson-CDA"), not a hyphenated name ("Marie-Ange", "Smith-Jones") nor a
    place ("Winston-Salem") nor words ("follow-up")."""
    parts = handle.split("-")
    if not is_first_name(parts[0]) or english_zipf(parts[0]) >= 4.5 or is_place(handle) or \
            is_small_place(handle) or is_small_place(handle.replace("-", " ")):
        return False
    if len(parts) == 2 and (is_first_name(parts[1]) or len(parts[1]) < 3):
        return False  # "Mary-Kate", "Jean-Baptiste"
    if all(is_everyday(p.lower()) for p in parts):
        return False
    return _PAYMENT_TEXT.search(text) is not None


# an export's column or field name: words joined by underscores, the last one saying what the
# field holds ("conversation_id", "pay_tag", "legal_name", "created_at")
_FIELD_NAME = re.compile(r"(?:[a-z]+_){1,3}(?:id|ids|name|names|tag|type|date|time|ts|at|by|no|"
                         r"num|number|code|status|count|amount|email|phone|url|key|ref)")


class HandleRecognizer(RegexRecognizer):
    """@handles, $cashtags and user names given after a label."""

    ENTITY = "HANDLE"
    DETECTOR = "pattern:handle"
    GROUP = "h"
    PATTERNS = [
        ("at", r"(?<![\w@.])(?P<h>@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?)", 0.8),
        ("cash", r"(?<![\w$])(?P<h>\$[A-Za-z][A-Za-z0-9_\-]{2,})", 0.8),
        ("labeled", r"(?<![\w@.])(?P<h>@?(?=[\w.]*[A-Za-z])[A-Za-z0-9][\w.]*[._\d][\w.]*"
                    r"[A-Za-z0-9_])(?![\w@])", 0.6),
        # after a user-name label any shape is one: "Screen/User Name: xXDarkPaladinXx"
        ("named", r"(?<![\w@.])(?P<h>@?[A-Za-z][A-Za-z0-9_.]{2,}[A-Za-z0-9_])(?![\w@.\-])", 0.6),
        # user names and payment tags without @ or $: "desertrose_480", "jaxx.m_417",
        # "kwheels04", "Tavo-Ruiz-559"; never an email, a link, a file name or a record id
        ("shape", r"(?<![\w@.$/#\-])(?P<h>(?=[\w.\-]*[a-z])[A-Za-z][A-Za-z0-9]*(?:[._\-]"
                  r"[A-Za-z0-9]+)*(?:_[A-Za-z0-9]+|[A-Za-z]\d{2,}[A-Za-z0-9]*|\.\w*\d\w*|"
                  r"-\d{2,})(?:[._\-][A-Za-z0-9]+)*)(?![\w@]|[.\-/]\w)", 0.5),
        # lower case, capitals and a digit in one word: "KreiderK9", "r0ckyTopRunner"
        ("mixed", r"(?<![\w@.$/#\-])(?P<h>(?=[A-Za-z\d]*[a-z])(?=[A-Za-z\d]*[A-Z])"
                  r"(?=[A-Za-z\d]*[a-z][A-Za-z]*\d|[A-Za-z\d]*\d[A-Za-z]*[a-z])"
                  r"(?=[A-Za-z\d]*[a-z][A-Z])"  # not "PowerShell7": lower case first, a digit
                  r"(?=[a-z]|[A-Za-z]*\d+[A-Za-z]|[A-Za-z\d]*[a-z][A-Z]\d+(?!\w))"  # inside,
                  r"[A-Za-z][A-Za-z\d]{4,})(?![\w@]|[.\-/]\w)", 0.5),  # or a capital then digits
        # a given name and a surname run together, as a payment app shows an account:
        # "LeonaPetrak" (not "McDonald", "DeShawn", "MaryBeth")
        # an Instagram or Facebook export's folder is named for the other account
        ("inbox", r"(?<=inbox/)(?P<h>[a-z0-9._]{3,40}?)(?:_\d{6,})?(?=/)", 0.6),
        ("camel", r"(?<![\w@.$/#\-])(?P<h>[A-Z][a-z]{2,}[A-Z][a-z]{3,})(?![\w@]|[.\-/]\w)", 0.5),
        # a payment app's default user name, first-last-number: "Troy-Kessel-7", "keanu-ilalio-9"
        ("dashed", r"(?<![\w@.$/#\-])(?P<h>[A-Za-z]{2,}(?:-[A-Za-z]{2,}){1,2}-\d{1,4})"
                   r"(?![\w@\-]|\.\w)", 0.5),
        # a payment app's name without its number, where the text is a payment record:
        # "Marissa-Wennergren", "Russ-K-Sails", "derrick-vossberg-LL"
        ("dashed_name", r"(?<![\w@.$/#\-])(?P<h>[A-Za-z]{2,}(?:-[A-Za-z]+){1,3})"
                        r"(?![\w@\-]|\.\w)", 0.9),  # above NER's "person" on the same span
        # first.initial.last, as profiles name themselves: "mike.d.haulage", "dwayne.b.towing"
        ("dotted", r"(?<![\w@.$/#\-])(?P<h>(?!www\.)[a-z][a-z0-9]{2,}\.[a-z]\.[a-z][a-z0-9]{2,})"
                   r"(?![\w@]|[.\-/]\w)", 0.5),
        # a user name given with its app in lower case: "messaged me on Snapchat as
        # dezthekingg", "paga 400 por zelle a orquideamodels"
        ("app_as", r"(?i:(?:on|via|in|through)[ \t]+(?:snapchat|snap|instagram|ig|tiktok|kik|"
                   r"telegram|facebook|fb|twitter|whatsapp|discord)[ \t]+(?:as|under)|"
                   r"(?:zelle|venmo|cash ?app|paypal)[ \t]+(?:a|to|para))[ \t]+"
                   r"(?P<h>[a-z][a-z0-9_.]{4,29}[a-z0-9_])(?![\w@])", 0.6),
        # a payment app's user name with its dashes, after the app's name: "also uses a
        # Venmo, memo-ajanel-gt", "venmo: rosa-t-22"
        ("app_dashed", r"(?<![\w@.$/#\-])(?P<h>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+){1,3})"
                       r"(?![\w@\-]|\.\w)", 0.6),
        # a chat app's display name in quotes, in any script: 'the WeChat name "OK农场招工"'
        ("app_name", r"(?i:wechat|weixin|telegram|whatsapp|line|kakao(?:talk)?|zalo|viber|"
                     r"signal|facebook|messenger|instagram|tiktok|snapchat)[ \t]+"
                     r"(?i:display[ \t]+)?"
                     r"(?i:name|id|handle|user ?name|account)[ \t]*:?[ \t]*[\"“]"
                     r"(?P<h>[^\"”\n]{2,30}?)[,.]?[\"”]", 0.6),
        # a payment tag named as such, without its $: "cash app tag dezybarra01", "TrellBands"
        ("tag", r"(?<![\w@.$])(?P<h>(?=\w*[a-z])(?=[\w.]*[A-Z0-9_]|[a-z]+\.[a-z])"
                r"[A-Za-z][A-Za-z0-9_.]{2,}"
                r"[A-Za-z0-9_])(?![\w@])", 0.5),
    ]
    CUES = {
        "app_dashed": r"(?i:\b(?:venmo|cash ?app|paypal|zelle)(?:[ \t]+(?:tag|handle|user ?name|"
                      r"account|is))?)[ \t]*[,:]?[ \t]+",
        "named": r"(?i:\b(?:user ?name|screen ?name|display ?name|gamer ?tag|profile name|"
                 r"by user|logged in as|clerk id))\s*:\s*",
        "labeled": r"(?i:\b(?:user ?name|screen ?name|handle|gamer ?tag|snapchat|telegram|"
                   r"tiktok|kik|accounts?|profile))\s*(?:name|id)?\s*[:\s]\s*",
        "tag": r"(?i:\b(?:cash ?app|cashtag|venmo|zelle|paypal|gcash|paymaya|telebirr|m-?pesa|"
               r"tag|handle|ig|insta(?:gram)?|"
               r"snap(?:chat)?|tiktok|wechat(?: id)?|alipay(?: id)?|telegram))[:\s]+"
               r"(?:is\s+|tag\s+|still\s+|old tag\s+)?",
    }
    _FILE = re.compile(r"(?i)\.(?:pdf|docx?|txt|jpe?g|png|heic|gif|mp4|mov|csv|xlsx?|zip|html?|"
                       r"json|xml|log|db|sqlite|plist|vcf|js|m4a|mp3|wav|opus|webp)$")

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        handle = match.group("h")
        if pattern_name == "cash":  # "$Cashtag:" is the label, not a tag
            return handle[1:].lower() not in _NOT_HANDLES
        if pattern_name == "named":
            return handle.lower() not in _NOT_HANDLES and (
                handle[:1].isupper() or not is_ordinary(handle.lower()))  # "Paladin"
        if pattern_name == "dashed":  # "Dale-Marsh-4", not "follow-up-2" nor "long-term-3"
            words = re.findall(r"[A-Za-z]+", handle)
            if all(re.fullmatch(r"[Xx]+", w) for w in words):
                return False  # a masked number: "XXX-XX-1234"
            return all(w[0].isupper() for w in words) or not all(
                is_ordinary(w.lower()) for w in words)
        if pattern_name == "dashed_name":
            given = re.search(r"([A-Z][a-z]+)\.?[ \t]+$", match.string[max(0, match.start() - 20):
                                                                       match.start()])
            if given and handle[:1].isupper() and (is_first_name(given.group(1)) or re.fullmatch(
                    r"Sgt|Det|Dr|Ms|Mr|Mrs|Officer|Judge", given.group(1))):
                return False  # "Alma Reyes-Ybarra": her double surname after her given name
            if all(is_everyday(part) or part.lower() in NOT_PEOPLE for part in handle.split("-")):
                return False  # "Haitian-American", "Spanish-speaking": words, not a name
            return _payment_name(handle, match.string)
        if pattern_name == "app_dashed":  # right after the app's name; not "follow-up"
            before = match.string[max(0, match.start() - 30):match.start()]
            return re.search(r"(?i)(?:venmo|cash ?app|paypal|zelle)\W{0,3}(?:\w+\W{1,3})?$",
                             before) is not None and not all(
                is_ordinary(w.lower()) for w in re.findall(r"[A-Za-z]+", handle))
        if pattern_name == "camel":
            first, last = re.findall(r"[A-Z][a-z]+", handle)
            return is_first_name(first) and not is_first_name(last) and not (
                is_everyday(first) or is_everyday(last))
        if pattern_name == "app_as":  # not "on Snapchat as usual", "zelle to pay"
            return handle.lower() not in _NOT_HANDLES and not is_ordinary(handle.lower()) \
                and word_frequency(handle) < 3.0
        if pattern_name not in ("shape", "tag", "mixed"):
            return True
        if self._FILE.search(handle) or handle.isupper():
            return False
        if pattern_name == "tag":  # "Telegram Desktop": a capitalised word is the app's
            return not is_ordinary(handle) and handle.lower() not in _NOT_HANDLES and not (
                handle[1:].islower() and is_everyday(handle) and not is_first_name(handle))
        if is_everyday(handle.translate(_OCR_LETTERS)):
            return False  # "Payro11" is an OCR'd "Payroll", not a user name
        if _FIELD_NAME.fullmatch(handle):
            return False  # an export's field: "conversation_id", "acct_id", "legal_name"
        return len(handle) >= 5 and not re.fullmatch(r"[A-Za-z]{1,3}\d{1,3}", handle)


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
