"""Regular expressions for every written form of a known identifier.

Each builder takes one value from the case context and returns the patterns that find it in
a document however it is written: a name in capitals or split over a line, a phone number in
any punctuation, a date of birth spelled out, an address by its street alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

import phonenumbers

from redaction.lexicon import COMMON_WORD_NAMES, NOT_DOTTED_INITIALS, NOT_INITIALS, STATE_NAMES

SEP = r"[\s.\-()/]{0,3}"  # between the digits of a phone number or identifier
_ID_SEP = r"[\s\-./]?"


@dataclass(frozen=True, slots=True)
class Variant:
    """A compiled pattern for one form of one known identifier."""

    category: str
    kind: str  # name, initials, alias, phone, email, handle, address, dob, id, last4 ...
    pattern: re.Pattern[str]
    weak: bool = False  # public facts (statutes, keep list) may veto a weak match
    folded: bool = False  # runs on the lower-case, accent-free view of the text (fold_view)
    digits: str = ""  # a match always holds these digits in a row: skip texts without them


def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


_FOLD_TABLE: dict[int, str] = {ord("’"): "'"}


def fold_view(text: str) -> str:
    """fold() for a whole text, keeping every character's position."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if low.isascii():
        return low
    for ch in set(low):
        if ord(ch) > 127 and ord(ch) not in _FOLD_TABLE:
            f = fold(ch)
            _FOLD_TABLE[ord(ch)] = f if len(f) == 1 else ch
    return low.translate(_FOLD_TABLE)


def _alt(options: set[str] | list[str]) -> str:
    return "|".join(sorted({o for o in options if o}, key=len, reverse=True))


# ---------------------------------------------------------------- names
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")


def name_words(name: str) -> list[str]:
    """The words of a name, without initials ("Kiara D. Whitfield" -> Kiara, Whitfield)."""
    return [w for w in _WORD.findall(name) if len(w) > 1 or not w.isupper()]


def name_tokens(names: tuple[str, ...]) -> set[str]:
    """Every word of every name, plus the parts of hyphenated or apostrophe names."""
    out: set[str] = set()
    for name in names:
        for word in name_words(name):
            out.add(word)
            for part in re.split(r"[\-'’]", word):
                if len(part) >= 3:
                    out.add(part)
    return {t for t in out if len(t) >= 2}


_ACCENTS = {
    "a": "aàáâãäåā", "c": "cçć", "e": "eèéêëē", "i": "iìíîïī", "n": "nñ", "o": "oòóôõöøō",
    "u": "uùúûüū", "y": "yýÿ", "s": "sšś", "z": "zžź",
}


def _loose(token: str) -> str:
    """A pattern for the token with or without accents, any apostrophe."""
    out = []
    for ch in token:
        base = fold(ch)
        if base in _ACCENTS:
            group = _ACCENTS[base]
            out.append(f"[{group.upper() if ch.isupper() else group}]")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _word_regex(words: set[str]) -> str:
    forms = {_loose(w) for w in words}
    return rf"(?<![\w@.])(?:{_alt(forms)})(?!\w|['’]\w\w)"


def name_variants(names: tuple[str, ...], aliases: tuple[str, ...]) -> list[Variant]:
    """Every word of the person's names alone, aliases, and initials."""
    tokens = name_tokens(names)
    plain = {t for t in tokens if fold(t) not in COMMON_WORD_NAMES}
    common = tokens - plain
    out = []
    if plain:
        forms = {re.escape(fold(t).replace("’", "'")) for t in plain}
        pat = rf"(?<![\w@.])(?:{_alt(forms)})(?!\w|'\w\w)"
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    if common:  # "Dawn" the name, not "at dawn"
        capital = {t[:1].upper() + t[1:].lower() for t in common} | {t.upper() for t in common}
        out.append(Variant("PERSON", "name", re.compile(_word_regex(capital))))
    alias_plain: set[str] = set()
    alias_common: set[str] = set()
    for alias in aliases:
        body = r"\s+".join(re.escape(fold(w).replace("’", "'")) for w in alias.split())
        (alias_common if fold(alias) in COMMON_WORD_NAMES else alias_plain).add(body)
    if alias_plain:
        pat = rf"(?<![\w@.])(?:{_alt(alias_plain)})(?!\w|'\w\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat), folded=True))
    if alias_common:
        forms = set()
        for a in aliases:
            if fold(a) in COMMON_WORD_NAMES:
                forms |= {re.escape(a[:1].upper() + a[1:]), re.escape(a.upper())}
        pat = rf"(?<![\w@.])(?:{_alt(forms)})(?!\w|['’]\w\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat)))
    out.extend(initials_variants(names))
    return out


def initials_sets(names: tuple[str, ...]) -> set[str]:
    """Letter sequences that abbreviate the person: first+last and every word."""
    seqs: set[str] = set()
    for name in names:
        words = list(_WORD.findall(name))
        split = [p for w in words for p in re.split(r"[\-'’]", w) if p]
        for parts in (words, split):  # "Alvarez-Ruiz" gives Y.A. and Y.A.R.
            letters = [w[0].upper() for w in parts if w[0].isalpha()]
            if len(letters) >= 2:
                seqs.add(letters[0] + letters[-1])
                seqs.add("".join(letters))
    return seqs


def initials_variants(names: tuple[str, ...]) -> list[Variant]:
    """M.L., M. L., K.D.W. always; KB or KDW without dots only when not an everyday word."""
    dotted = set()
    bare = set()
    for seq in initials_sets(names):
        if seq not in NOT_DOTTED_INITIALS:
            dotted.add(r"\.\s?".join(seq) + r"\.?")
        if len(seq) >= 2 and seq not in NOT_INITIALS:
            bare.add(seq)
    out = []
    if dotted:
        pat = rf"(?<![\w.])(?:{_alt(dotted)})(?![\w]|\.\w)"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    if bare:
        out.append(Variant("PERSON", "initials", re.compile(rf"(?<![\w.])(?:{_alt(bare)})(?!\w)")))
    return out


# ---------------------------------------------------------------- phones
def phone_digits(raw: str) -> tuple[str, str]:
    """(country code, national number) of a phone in the case file, US by default."""
    try:
        num = phonenumbers.parse(raw, "US")
        return str(num.country_code), str(num.national_number)
    except phonenumbers.NumberParseException:
        digits = re.sub(r"\D", "", raw)
        if len(digits) == 11 and digits.startswith("1"):
            return "1", digits[1:]
        return "", digits


def phone_variants(raw: str) -> list[Variant]:
    """The number in any punctuation, with or without its country code, and its local part."""
    cc, national = phone_digits(raw)
    if len(national) < 6:
        return []
    body = SEP.join(national)
    prefix = rf"(?:\+?\s*{cc}{SEP})?" if cc else ""
    trunk = r"(?:\(?0\)?[\s.\-]*)?" if cc and cc != "1" else ""
    out = [Variant("PHONE", "phone", re.compile(rf"(?<![\d+]){prefix}{trunk}\(?{body}(?!\d)"),
                   digits=national)]
    if cc == "1" and len(national) == 10:
        local = SEP.join(national[3:])
        out.append(Variant("PHONE", "phone_local", re.compile(rf"(?<![\d])\(?{local}(?!\d)"),
                           digits=national[3:]))
    out += last4_variants("PHONE", national[-4:])
    return out


def last4_variants(category: str, last4: str, *, bare: bool = False) -> list[Variant]:
    """Last four digits: masked (XXX-XX-1234, ****1234), after 'ending in', or bare."""
    masked = rf"(?<![\w*•])(?:[Xx*•#]+[\s\-.]?){{1,4}}{last4}(?!\w)"
    after = ("ending in ", "ending ", "ends in ", "ending with ", "last four ", "last 4 ",
             "last four digits ", "last 4 digits ", "ending in: ")
    ending = "|".join(f"(?<={re.escape(a)})" for a in after)
    out = [
        Variant(category, "last4", re.compile(masked), digits=last4),
        Variant(category, "last4", re.compile(rf"(?:{ending}){last4}(?!\w)", re.I), digits=last4),
    ]
    if bare and not re.fullmatch(r"(?:19|20)\d\d", last4):
        bare_re = rf"(?<![\w\-/.$,:]){last4}(?![\w\-/:]|[.,]\d)"
        out.append(Variant(category, "last4", re.compile(bare_re), weak=True, digits=last4))
    return out


# ---------------------------------------------------------------- email, handles
def email_variants(raw: str) -> list[Variant]:
    """The address, and its local part alone (it is a handle too)."""
    raw = raw.strip()
    out = [Variant("EMAIL", "email", re.compile(rf"(?<![\w.+\-]){re.escape(raw)}(?!\w)", re.I))]
    local = raw.split("@", 1)[0]
    if len(local) >= 4:
        pat = rf"(?<![\w.+\-]){re.escape(local)}(?!\w|[.\-]\w)"
        out.append(Variant("EMAIL", "email_local", re.compile(pat, re.I)))
    return out


def handle_variants(raw: str) -> list[Variant]:
    """@name or name, as a whole handle (not inside a longer one)."""
    core = raw.strip().lstrip("@$")
    core = re.sub(r"^https?://(?:www\.)?[\w.\-]+/", "", core).strip("/")
    if len(core) < 3:
        return []
    pat = rf"(?<![\w.@$]){'[@$]?'}{re.escape(core)}(?!\w|[.\-]\w)"
    return [Variant("HANDLE", "handle", re.compile(pat, re.I))]


# ---------------------------------------------------------------- addresses
_DIRS = {
    "n": "N|North", "s": "S|South", "e": "E|East", "w": "W|West",
    "ne": "NE|Northeast", "nw": "NW|Northwest", "se": "SE|Southeast", "sw": "SW|Southwest",
}
_SUFFIXES = [
    ("St", "Street"), ("Ave", "Avenue", "Av"), ("Rd", "Road"), ("Dr", "Drive"), ("Ln", "Lane"),
    ("Blvd", "Boulevard"), ("Ct", "Court"), ("Cir", "Circle"), ("Pl", "Place"), ("Way",),
    ("Ter", "Terrace"), ("Pkwy", "Parkway"), ("Hwy", "Highway"), ("Trl", "Trail"),
    ("Sq", "Square"), ("Loop",), ("Run",), ("Pike",), ("Row",), ("Aly", "Alley"),
    ("Cres", "Crescent"), ("Xing", "Crossing"), ("Pt", "Point"), ("Path",), ("Walk",),
    ("Cv", "Cove"), ("Holw", "Hollow"), ("Bnd", "Bend"),
]
SUFFIX_FORMS = {f.lower(): group for group in _SUFFIXES for f in group}
SUFFIX_ALT = _alt({f for g in _SUFFIXES for f in g})
_UNIT = r"(?:Apt|Apartment|Unit|Suite|Ste|No|Number|Rm|Room|Lot|Trlr|Fl|Floor|#)"


def _dir_re(word: str) -> str | None:
    d = _DIRS.get(word.lower().rstrip("."))
    if not d:
        return None
    alts = "|".join(rf"{form}\.?" for form in d.split("|"))
    return rf"(?:{alts})"


def _suffix_re(word: str) -> str | None:
    group = SUFFIX_FORMS.get(word.lower().rstrip("."))
    return rf"(?:{_alt(set(group))})\.?" if group else None


def address_variants(raw: str) -> list[Variant]:
    """Full address, street line, number and street, street alone, 'on W 36th'."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return []
    m = re.match(r"^(\d+[A-Za-z]?(?:-\d+)?)\s+(.+)$", parts[0])
    if not m:
        whole = r"\s+".join(map(re.escape, raw.split()))
        return [Variant("ADDRESS", "address", re.compile(whole, re.I))]
    number, street = m.group(1), m.group(2)
    unit = None
    um = re.search(rf"\s+({_UNIT}\.?\s*#?\s*[\w\-]+)$", street, re.I)
    if um:
        unit, street = um.group(1), street[: um.start()]
    rest = parts[1:]
    if rest and re.match(rf"^{_UNIT}\.?\s*#?\s*[\w\-]+$", rest[0], re.I):
        unit, rest = rest[0], rest[1:]
    words = street.split()
    pre = _dir_re(words[0]) if len(words) > 1 else None
    if pre:
        words = words[1:]
    post = _dir_re(words[-1]) if len(words) > 1 else None
    if post:
        words = words[:-1]
    suffix = _suffix_re(words[-1]) if len(words) > 1 else None
    if suffix:
        words = words[:-1]
    core = r"\s+".join(re.escape(w) for w in words)
    pre_o = rf"(?:{pre}\s+)?" if pre else ""
    suf_o = rf"(?:\s+{suffix})?" if suffix else ""
    post_o = rf"(?:\s+{post})?" if post else ""
    tail = ""
    if unit:
        unum = re.sub(rf"^{_UNIT}\.?\s*#?\s*", "", unit, flags=re.I)
        tail += rf"(?:,?\s*{_UNIT}\.?\s*#?\s*{re.escape(unum)}(?!\w))?"
    if rest:
        city = r"\s+".join(re.escape(w) for w in rest[0].split())
        tail += rf"(?:,?\s*{city})?"
        sm = re.match(r"^([A-Z]{2})(?:\s+(\d{5})(?:-\d{4})?)?$", rest[-1].strip())
        if sm:
            tail += rf"(?:,?\s*(?:{sm.group(1)}|{STATE_NAMES}))?"
            if sm.group(2):
                tail += rf"(?:\s*{sm.group(2)}(?:-\d{{4}})?)?"
    street_re = rf"{pre_o}{core}{suf_o}{post_o}"
    out = [
        Variant("ADDRESS", "address",
                re.compile(rf"(?<![\w\-]){re.escape(number)}\s+{street_re}{tail}(?!\w)", re.I)),
    ]
    if suffix:
        out.append(Variant("ADDRESS", "street", re.compile(
            rf"(?<![\w\-]){pre_o}{core}\s+{suffix}{post_o}{tail}(?!\w)", re.I)))
    if pre:
        out.append(Variant("ADDRESS", "street", re.compile(
            rf"(?<![\w\-]){pre}\s+{core}(?!\w)", re.I)))
    distinctive = len(words) > 1 or (len(words[0]) >= 6 and not words[0][0].isdigit()
                                     and not re.fullmatch(STATE_NAMES, words[0], re.I))
    if distinctive:
        out.append(Variant("ADDRESS", "street", re.compile(rf"(?<![\w\-]){core}(?!\w)", re.I)))
    return out


# ---------------------------------------------------------------- dates of birth
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _month_re(m: int) -> str:
    full = _MONTHS[m - 1]
    forms = {full, full[:3]}
    if m == 9:
        forms.add("Sept")
    return rf"(?:{_alt(forms)})\.?"


def dob_variants(dob: date) -> list[Variant]:
    """The date in numeric (US, ISO, European), long, short-month and ordinal forms."""
    y4, y2 = f"{dob.year}", f"{dob.year % 100:02d}"
    m, d = dob.month, dob.day
    mm = rf"0?{m}"
    dd = rf"0?{d}"
    yy = rf"(?:{y4}|'?{y2})"
    ords = r"(?:st|nd|rd|th)?"
    mon = _month_re(m)
    s = r"[/\-.]"
    forms = [
        rf"{y4}{s}{mm}{s}{dd}",
        rf"{mm}{s}{dd}{s}{yy}",
        rf"{dd}{s}{mm}{s}{yy}",
        rf"{mon}\s*{dd}{ords},?\s*{yy}",
        rf"{dd}{ords}\s*(?:of\s+)?{mon},?\s*{yy}",
        rf"{dd}{s}{mon}{s}{yy}",
        rf"{y4}{m:02d}{d:02d}",
        rf"{m:02d}{d:02d}{y4}",
    ]
    full = rf"(?<![\w/\-.])(?:{'|'.join(f for f in forms if f)})(?![\w/]|[\-.]\d)"
    no_year = (
        rf"(?<![\w/\-.])(?:{mon}\s*{dd}{ords}|{dd}{ords}\s*(?:of\s+)?{mon})"
        rf"(?!\w|,?\s*\d{{2,4}}|\s*/)"
    )
    return [
        Variant("DOB", "dob", re.compile(full, re.I)),
        Variant("DOB", "dob_day", re.compile(no_year, re.I), weak=True),
    ]


# ---------------------------------------------------------------- identifiers
def id_category(raw: str) -> str:
    """SSN, ACCOUNT or ID from the words around an identifier in the case file."""
    low = raw.lower()
    if re.search(r"\b(ssn|social security|tin|itin)\b", low):
        return "SSN"
    if re.search(r"\b(account|acct|card|bank|credit union|routing|iban)\b", low):
        return "ACCOUNT"
    return "ID"


def id_core(raw: str) -> str:
    """The identifying characters: the trailing words that contain a digit."""
    words = raw.split()
    core: list[str] = []
    for w in reversed(words):
        if re.search(r"\d", w):
            core.insert(0, w)
        elif core:
            break
    return re.sub(r"[^A-Za-z0-9]", "", "".join(core))


def id_variants(raw: str) -> list[Variant]:
    """The identifier with any separators, its digits alone, and its last four digits."""
    core = id_core(raw)
    digits = re.sub(r"\D", "", core)
    if len(digits) < 4:
        return []
    cat = id_category(raw)
    lead = re.match(r"^[A-Za-z]+", core)
    rest = core[lead.end():] if lead else core
    body = _ID_SEP.join(re.escape(c) for c in rest)
    if lead and len(re.sub(r"\D", "", rest)) < 6:
        body = _ID_SEP.join(re.escape(c) for c in core)
        pat = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
    else:
        pre = rf"(?:{re.escape(lead.group(0))}[\s\-#:]*)?" if lead else ""
        pat = rf"(?<![A-Za-z0-9]){pre}{body}(?![A-Za-z0-9])"
    out = [Variant(cat, "id", re.compile(pat, re.I), digits=re.sub(r"\D", "", rest)[-6:])]
    if len(digits) >= 6 and core[-4:].isdigit():
        out += last4_variants(cat, core[-4:], bare=True)
    return out
