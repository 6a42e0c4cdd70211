"""Where a person can be found: street addresses, rooms, shelters, vehicles; and birth dates."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.gazetteer import (
    is_everyday,
    is_large_city,
    is_ordinary,
    is_place,
    is_small_place,
    is_world_region,
)
from redaction.lexicon import STATE_NAMES, US_STATES, VEHICLE_MAKES
from redaction.recognizers.base import RegexRecognizer, result
from redaction.record_variants import SUFFIX_ALT, SUFFIX_FORMS
from redaction.variants import ocr_digits

_UNIT = (r"(?:Apt|Apartment|Unit|Suite|Ste|Rm|Room|Lot|Trlr|Trailer|Space|Fl|Floor|Lote|Casa|"
         r"Depto|Departamento|Interior|#)")
_UNIT_WORDS = r"(?i:apt|apartment|unit|suite|ste|lot|trlr|trailer|space|fl|floor|#)"
# the city, state and ZIP that end a street address
# a US ZIP, or a Canadian postal code ("Tecumseh ON N8N 1X2")
_ZIP = r"(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)"
_CITY_TAIL = re.compile(rf",\s*(?P<city>[A-Z][a-zA-Z]+(?:[ \t][A-Z][a-zA-Z]+){{0,2}}?)"
                        rf"(?:,?\s*(?P<state>[A-Z]{{2}}|{STATE_NAMES}))?"
                        rf"(?:\s+(?P<zip>{_ZIP}))?$")
_CITY_STATE = (
    # a city's words on one line: "Kodiak AK" then "Coverage:" on the next is no city
    rf"(?:,\s*(?P<city>[A-Z][a-zA-Z]+(?:[ \t][A-Z][a-zA-Z]+){{0,2}})"
    rf"(?:,?\s*(?P<state>[A-Z]{{2}}|{STATE_NAMES}))?(?:\s+{_ZIP})?)?"
)
_DATE = (
    r"(?:\d{4}[\-./]\d{1,2}[\-./]\d{1,2}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2,4}|"
    r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?i:[a-z]*)\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?i:[a-z]*)\.?,?\s+\d{2,4})"
)


# a public institution's name, then its address on the same line: a hotel's, a bank branch's,
# a police station's or a court's address is no one's home
_INSTITUTION_BEFORE = re.compile(
    r"(?i:\b(?:inn|hotel|motel|lodge|branch|hq|headquarters|detention center|police department|"
    r"police service|police|sheriff'?s? office|precinct|courthouse|hospital|bank|"
    r"records office))[ \t]*"
    r"(?:[-–—,:(]|\bat\b)[ \t]*$")


# a signature block: the office address under counsel's name is the firm's, and public
_COUNSEL_BLOCK = re.compile(r"(?i)respectfully submitted|^\s*/s/|\b(?:bar|vsb|sbn|osb|wsba|"
                            r"state bar) (?:no\.|#|number)|\b(?:attorneys?|counsel) for "
                            r"(?:plaintiffs?|defendants?|petitioners?|respondents?)", re.M)


def in_counsel_block(text: str, start: int) -> bool:
    """True under a signature: up to four lines before, with no blank line between, sign it."""
    block = re.split(r"\n[ \t]*\n", text[max(0, start - 400):start])[-1]
    return _COUNSEL_BLOCK.search("\n".join(block.split("\n")[-5:])) is not None


class StreetAddressRecognizer(RegexRecognizer):
    """A house number, street name and suffix; unit, city, state and ZIP when present."""

    ENTITY = "ADDRESS"
    DETECTOR = "pattern:address"
    OCR_DIGITS = True  # "2Ol9 E 23rd St": OCR's letters in the house number
    PATTERNS = [
        # the number and the street's first word a space or a line break apart: a wider gap is
        # a table's column ("2023        Place:") and a number after a colon is a time's minutes
        ("street", r"(?<![\w\-$.,/#:])\d{1,6}(?:-\d{1,4})?[A-Z]?(?:[ \t]{1,3}|[ \t]*\n[ \t]*)"
                   r"(?:(?:[NSEW]|North|South|East|West|NE|NW|SE|SW)\.?\s+)?"
                   r"(?:(?:[A-Z][\w'\-]*|\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))\.?\s+){0,3}?"
                   rf"(?i:{SUFFIX_ALT})\.?(?:\s+(?:[NSEW]|NE|NW|SE|SW)\.?)?(?![\w])"
                   r"(?![ \t]*:)"  # a form's label: "N0. 0O4417 / Date ln: 05/20" (OCR's "In")
                   rf"(?:,?\s*{_UNIT}\.?\s*#?\s*[\w\-]+)?" + _CITY_STATE, 0.7),
        # a lettered avenue: "34 Avenue C", "210 Street K" (no name before the street's kind)
        ("lettered", r"(?<![\w\-$.,/#:])\d{1,6}[ \t]{1,3}(?:Avenue|Ave\.?|Street|St\.?|Road|Rd\.?)"
                     rf"[ \t]+[A-Z](?![\w'’.])(?:,?\s*{_UNIT}\.?\s*#?\s*[\w\-]+)?" + _CITY_STATE,
         0.7),
        # the street's kind first, in Spanish, Portuguese, Italian or Romanian: "11 Calle
        # Altamira", "Str. Lăpușneanu nr. 14, bl. B2, ap. 7", "Rua das Flores 120"
        ("calle", r"(?<![\w\-$.,/#])(?:\d{1,6}\s+)?(?:Calle|Avenida|Av\.|Camino|Paseo|Carrera|Rue|"
                  r"Rua|Travessa|Via|Viale|Strada|Str\.|Bulevardul|Bd\.|Ulica|ul\.|Jl\.|Jln\.|"
                  r"Jalan|Gg\.)\s+"
                  r"(?:(?:de|del|la|las|los|das|dos|da|do|di)\s+)?[A-ZÀ-Ý][\w'’\-]+"
                  r"(?:\s+(?!N[or]\.)[A-ZÀ-Ý][\w'’\-]+){0,2}"
                  r"(?:,?\s*(?:nr\.?|no\.?|N[or]\.|n[º°]|#)?\s*\d{1,5}[A-Z]?)?"
                  r"(?:,\s*(?:bl|sc|et|ap|apt|int|depto|piso)\.?\s*[\w\-]{1,4})*"
                  r"(?![\w\-])", 0.6),
        # the same in a chat's lower case, with its number: "calle Bravo Murillo 212, 3ºB"
        ("calle_lower", r"(?<![\w\-])(?:calle|avenida|avda\.|carrera|rua|paseo)\s+"
                        r"(?:(?:de|del|la|las|los|das|dos|da|do)\s+)?[A-ZÀ-Ý][\w'’\-]+"
                        r"(?:\s+[A-ZÀ-Ý][\w'’\-]+){0,2},?\s*(?:n[º°]\.?\s*)?\d{1,5}[A-Z]?"
                        r"(?:,\s*\d{1,2}[º°ª]?\s*[A-Z]?)?(?![\w\-])", 0.6),
        # a numbered street and the house number after it, as Latin America writes them:
        # "calle 12 #10-43", "Carrera 7 No. 45-12", "Av. 6 nº 1043"
        ("numbered_calle", r"(?<![\w\-])(?i:calle|avenida|av\.|carrera|cra\.?|kra\.?|diagonal|"
                           r"transversal|rua)[ \t]+\d{1,3}[A-Za-z]?[ \t]*(?:#|(?i:no\.?|n[º°]))"
                           r"[ \t]*\d{1,5}(?:-\d{1,4})?(?![\w\-])", 0.6),
        # a highway address by its mile: "Mile 9.5 Chiniak Highway", "MP 112 Parks Hwy"
        ("mile", r"(?<![\w\-])(?:Mile|MP|Milepost)\s+\d{1,4}(?:\.\d{1,2})?\s+(?:of\s+(?:the\s+)?)?"
                 r"(?:[A-Z][\w'\-]*\s+){1,3}(?i:highway|hwy|road|rd|route|rte)\.?(?![\w])", 0.6),
        # the route first, then its mile: "Navajo Route 12, Mile 41.3", "N-9402 (Navajo Route
        # 9402), Mile 6.5", "Hwy 49, MM 12"
        ("route_mile", r"(?<![\w\-])(?:[A-Z]-?\d{1,5}[ \t]+\()?(?:[A-Z][\w'\-]*[ \t]+){0,2}"
                       r"(?i:highway|hwy|route|rte|road|rd|BIA|N)\.?[ \t\-]*\d{1,5}\)?,?[ \t]+"
                       r"(?i:mile|MM|MP|milepost|mile marker)[ \t]+\d{1,4}(?:\.\d{1,2})?"
                       r"(?![\w])", 0.6),
        # a plot or house number before its road, as West Africa writes it: "Plot 44, Sekondi
        # Road"; a number, a direction and a street's name before its suite: "5120 S Halsted,
        # Suite 210"
        ("plot", r"(?<![\w\-])(?:Plot|House|Hse|H/No\.?)[ \t]*(?:No\.?[ \t]*)?\d{1,5}[A-Z]?,?[ \t]+"
                 r"(?:[A-Z][\w'’\-]+[ \t]+){1,3}(?i:road|rd|street|st|avenue|ave|lane|close|"
                 r"crescent)\.?(?![\w])", 0.6),
        ("before_suite", r"(?<![\w\-$.,/#:])\d{2,6}[ \t]+[NSEW]\.?[ \t]+[A-Z][a-z]{2,}"
                         r"(?:[ \t]+[A-Z][a-z]{2,})?(?=,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Unit|#)"
                         r"[ \t]*\d)", 0.6),
        # a street without its number, then a unit: "Story Rd, unit C"
        ("street_unit", r"(?<![\w\-])(?:[A-Z][\w'\-]*\s+){1,3}"
                        rf"(?i:{SUFFIX_ALT})\.?,?\s+{_UNIT_WORDS}\.?\s*#?\s*[A-Z\d][\w\-]{{0,4}}"
                        r"(?![\w\-])", 0.6),
    ]

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if re.match(r"(?:19|20)\d\d\s", match.group(0)) and re.search(
                r"(?i)\b(?:in|of|since|until|by|during|summer|winter|spring|fall|autumn|early|late|"
                r"mid|year|january|february|march|april|may|june|july|august|september|october|"
                r"november|december)[ \t,]*$",
                match.string[max(0, match.start() - 12):match.start()]):
            return False  # "in the summer of 2023 Pike approached her": a year, then a name
        if pattern_name == "calle":
            return bool(re.search(r"\d", match.group(0))) or match.group(0)[:1].isdigit()
        if pattern_name == "street" and re.fullmatch(r"\d{1,3}[ \t]+[A-Za-z]{2,3}\.?",
                                                     match.group(0)) and \
                re.match(r"-[A-Z\d]", match.string[match.end():match.end() + 2]):
            return False  # a subway station named by its streets: "149 St-Grand Concourse"
        bare = re.match(r"\d[\d\-]*[A-Z]?\s+([a-z]{1,3})\b", match.group(0))
        if pattern_name == "street" and bare and re.fullmatch(SUFFIX_ALT, bare.group(1), re.I):
            return False  # "Tide Pods 81 ct.": a count, no street ("13 St." is one)
        return True

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Street addresses; the city and state after one stay readable (the ZIP goes), as FRCP
        5.2 lets a filing keep: "[ADDRESS], Atlanta, GA [ADDRESS]". A protected person's own
        town is a known identifier and goes by the known-identifier matcher."""
        out = []
        numeric = ocr_digits(text)  # "..., Ketchum, ID 8334O": the ZIP as OCR read it
        for r in super().analyze(text, entities, nlp_artifacts):
            if _INSTITUTION_BEFORE.search(text, max(0, r.start - 60), r.start):
                continue  # "LAKEHEAD WATERFRONT INN - 40 Water Street South": its own address
            if in_counsel_block(text, r.start):
                continue  # counsel's office under the signature: "/s/ ...", "(VSB No. 88213)"
            m = _CITY_TAIL.search(numeric, r.start, r.end)
            if m is None or m.end() != r.end:
                out.append(r)
                continue
            if not m.group("state") and not is_large_city(m.group("city")) and not \
                    is_small_place(m.group("city")):
                out.append(r)  # "12 Elm St, Maria": no state to say the last words are a town
                continue  # (but GeoNames knows "..., Suite 210, Massillon")
            out.append(result(self.ENTITY, r.start, m.start(), r.score, self, self.DETECTOR))
            if m.group("zip"):
                out.append(result(self.ENTITY, m.start("zip"), m.end("zip"), r.score, self,
                                  self.DETECTOR))
        return out


class DobRecognizer(RegexRecognizer):
    """A date given as someone's date of birth."""

    ENTITY = "DOB"
    OCR_DIGITS = True
    DETECTOR = "pattern:dob"
    GROUP = "d"
    PATTERNS = [
        # (labels begin at a word: "Dearborn Police ... on March 3" is no birth date)
        ("labeled", r"(?i:\bD[O0]B|D\.[O0]\.B\.|\bdate of birth|\bbirth ?date|\bborn(?: on)?|"
                    r"\bbirthday|生日|出生日期|出生|생년월일|생일|"
                    # in the clients' languages: "născut la 12.04.1986", "nacida el", "nascido em"
                    r"\bn[ăa]scut[ăa]?(?: la| în)?|\bnacid[oa](?: el)?|\bnascid[oa](?: em)?|"
                    r"\bfecha de nacimiento|\bdata de nascimento|\bdata na[șşs]terii|"
                    r"\bn[ée]e? le|\bdate de naissance|дата рождения|д\.\s?р\.|ngày sinh"
                    # "b." for born, not the end of initials: "Client: M.D.B. ... Date: ..."
                    r"(?: is)?|(?<![\w.])b\.)[:\s,.?]*(?:\([^)\n]{1,40}\)[:\s]*)?"
                    r"(?:\w+[:.]?\s+){0,3}?"
                    r"(?P<d>" + _DATE + r")(?![\w/])",
         0.8),
        # a birthday without its year, as a chat gives it: "my bday is 4/7", "cumple 8/19"
        ("birthday", r"(?i:b-?day|birthday|cumple(?:años)?|bornday)(?:\s+(?:is|was|on|be))?"
                     r"[:\s,]*(?P<d>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))(?![\w/]|\.\d)",
         0.7),
    ]


_STATE_CODE = "(?:" + "|".join(sorted(US_STATES)) + ")"
_VEHICLE_WORD = (r"\b(?:van|truck|car|SUV|sedan|pickup|Transit|Sprinter|Express|Econoline|"
                 r"Caravan|Odyssey|Sienna|Tahoe|Suburban|Camry|Civic|Altima|Impala|Malibu)")


_RO_COUNTIES = ("(?:AB|AR|AG|BC|BH|BN|BT|BV|BR|BZ|CS|CL|CJ|CT|CV|DB|DJ|GL|GR|GJ|HR|HD|IL|IS|IF|"
                "MM|MH|MS|NT|OT|PH|SM|SJ|SB|SV|TR|TM|TL|VS|VL|VN)")


class PlateRecognizer(RegexRecognizer):
    """Licence plates after a label, or in common US plate shapes."""

    ENTITY = "VEHICLE"
    OCR_DIGITS = True
    DETECTOR = "pattern:plate"
    GROUP = "p"
    PATTERNS = [
        ("labeled", r"(?i:p[l1]ates?|placas?|tags?|licen[cs]e p[l1]ate|LP|biển(?: số)?|"
                    r"matr[ií]cula|(?:nr\.?[ \t]+)?[îi]nmatriculare|"
                    r"nr\.(?=[ \t]+[A-Z]{1,2}[ \t]\d))"
                    r"(?:\s+(?i:is|was|es))?\s*"
                    r"(?i:no\.?|number|#)?[:\s#]*(?:" + _STATE_CODE + r"\s+(?=[A-Z0-9]{2,4}[\s\-]?"
                    r"[A-Z0-9]))?"
                    r"(?P<p>[A-Z0-9]{1,4}(?:[\s\-]?[A-Z0-9]{2,5}|-[A-Z0-9]{2,3}-[A-Z0-9]{2,3}))"
                    r"(?![\w\-])", 0.7),
        # a state's registration: "MA reg. 2XKL47", "CT REG AK-71302"
        ("registered", r"\b[A-Z]{2}[ \t]+(?:reg\.?|REG\.?|registration)[ \t]*#?[ \t]*"
                       r"(?P<p>[A-Z0-9]{1,4}[\-]?[A-Z0-9]{2,5})(?![\w\-])", 0.7),
        ("shape", r"(?<![\w\-])(?P<p>[A-Z]{3}[\-]?\d{4}|\d[A-Z]{3}\d{3})(?![\w\-])", 0.5),
        # Romania's plates: a county's code, two digits (three in Bucharest), three letters
        ("romanian", r"(?<![\w\-])(?P<p>(?:B[ \-]\d{2,3}|" + _RO_COUNTIES + r"[ \-]\d{2})"
                     r"[ \-](?!(?:USC|CFR|AND|THE|FOR|PER)\b)[A-Z]{3})(?![\w\-])", 0.6),
        # after a vehicle or a form's plate field: "waiting in van NSV-216", "Lic/St: 7PKR-228"
        ("vehicle", r"(?:\b(?i:van|truck|car|suv|sedan|pickup|semi|tractor|trailer|rig|bus)"
                    r"[ \t]+|\b(?i:lic(?:ense|ence)?)(?:[ \t]*/[ \t]*(?i:st(?:ate)?))?[ \t]*"
                    r"(?:#|no\.?)?[ \t]*:[ \t]*)"
                    r"(?P<p>(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{2,4}-[A-Z0-9]{2,4})"
                    r"(?![\w\-])", 0.6),
        # a state's code before it where a vehicle is described: "(white Ford Transit, IL CV
        # 48812)"
        ("vehicle_state", r"(?:" + _VEHICLE_WORD + r")[\w \t\-,]{0,30}?,?[ \t]+" + _STATE_CODE
                          + r"[ \t]+(?P<p>[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{2,5})(?![\w\-])", 0.6),
        # a chat's lower case: "the other man truck plate is mo 7hj-r22"
        ("chat", r"(?i:plate|tag)[ \t]+(?i:is|was|es|#|number)[: \t]*(?:[a-z]{2}[ \t]+)?"
                 r"(?P<p>(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{1,4}[ \-]?[a-z0-9]{2,5})(?![\w\-])", 0.6),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        p = re.sub(r"[\s\-]", "", match.group("p"))
        return (5 <= len(p) <= 8 and bool(re.search(r"\d", p))
                and bool(re.search(r"[A-Za-z]", p)) and (p.isupper() or p.islower()))

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Plates; not a run of record numbers that share their letters ("SMS-0041",
        "SMS-0042", ... in an extraction), which only look like plates."""
        found = super().analyze(text, entities, nlp_artifacts)
        prefix = [re.match(r"[A-Z]+", text[r.start:r.end]) for r in found]
        values: dict[str, set[str]] = {}
        for r, m in zip(found, prefix, strict=True):
            if m:
                values.setdefault(m.group(0), set()).add(text[r.start:r.end])
        counts = {k: len(v) for k, v in values.items()}  # one plate seen thrice is one plate
        labelled = re.compile(r"(?i)(?:plates?|placas?|tags?|plate|LP|reg\.?|registration)"
                              r"[\s:#]*(?:no\.?|number)?[\s:#]*(?:[A-Z]{2}\s+)?$")
        return [r for r, m in zip(found, prefix, strict=True)
                if not (m and counts[m.group(0)] >= 3 and not labelled.search(
                    text, max(0, r.start - 24), r.start))]


class RoomRecognizer(RegexRecognizer):
    """Hotel and motel room numbers."""

    ENTITY = "ROOM"
    OCR_DIGITS = True
    DETECTOR = "pattern:room"
    GROUP = "r"
    PATTERNS = [
        ("labeled", r"(?i:\br[o0][o0]ms?|\brms?\.?|\bsuite|\btrailer|\bcabin|\bchanm|\bchambre|"
                    r"\bcuarto|\bhabitaci[oó]n|\bhab\.|\bquarto|\bkwarto|\bphòng|\bcamarote|"
                    # Romanian ("camera nr. 5"; an English "camera 3" is a CCTV camera)
                    r"\bcamera(?=[ \t]+nr\b|[ \t]+\d+\b(?![ \t]+(?i:footage|shows|angle|view))))"
                    r"[ \t]*(?i:no\.?|nr\.?|number)?[ \t]*[#:]?[ \t]*"
                    r"(?P<r>(?:[A-Z]-?)?\d{1,4}[A-Za-z]?)"
                    r"(?![\w/]|:\d)", 0.7),
        ("moved", r"(?i:stay(?:s|ed|ing)?|mov(?:e|ed|es|ing)|put|kept|back|go|went|come|sent)"
                  r"\s+(?:\w+\s+){0,2}?(?i:in|to|into)\s+(?P<r>\d{3,4})(?![\w/:.,]\d|[\w/:])"
                  r"(?!\s*(?i:days|hours|minutes|miles|dollars|people|am|pm|a\.m|p\.m))", 0.5),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return not re.fullmatch(r"(?:19|20)\d\d", match.group("r"))

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Labelled rooms, and the rest of a list that follows one ("Rooms: 112, 114, 116");
        not counsel's suite under a signature."""
        return [r for r in self.with_lists(text, super().analyze(text, entities, nlp_artifacts),
                                           _MORE_ROOMS, "r")
                if not in_counsel_block(text, r.start)]


class ShelterRecognizer(RegexRecognizer):
    """Named shelters and residential programs where a survivor lives."""

    ENTITY = "LOCATION"
    DETECTOR = "pattern:shelter"
    PATTERNS = [
        ("named", r"(?<![\w])(?:[A-Z][a-z]+\s){1,2}(?:House|Home|Haven|Shelter|Lodge|Residence|"
                  r"Residential|Group Home|Youth Home|Children's Home)"
                  r"(?![\w])(?!\s+(?:Advocacy|Center|Centre|Project|Network|Services|Program|"
                  r"Coalition|Foundation|Inc|LLC|Ministries|Alliance|Society|Association|"
                  r"Inn|Hotel|Motel|Suites|Resort|Lounge|Bar|Grill|Restaurant|Cafe|Casino)\b)",
         0.6),
        ("caps", r"(?<![\w])(?:[A-Z]{3,}\s){1,2}(?:HOUSE|HOME|HAVEN|SHELTER|LODGE)(?![\w])"
                 r"(?!\s+(?:INN|HOTEL|MOTEL|SUITES|RESORT|LOUNGE|BAR|GRILL|RESTAURANT|CAFE)\b)",
         0.6),
    ]
    # a restaurant, a shop or a public building: "Waffle House", "Opera House", "Field House"
    _COMMERCE = re.compile(
        r"(?i)^(?:waffle|pancake|steak|coffee|pizza|burger|chicken|noodle|crab|fish|ale|beer|tap|"
        r"opera|fire|field|club|guest|boarding|ware|boat|bath|packing|pawn|trading|auction|"
        r"dog|cat|green|glass|farm|ranch|light|pump|school|custom|meeting|play|dollhouse)"
        r"\s+(?:house|home|lodge)\b")
    _GENERIC = re.compile(
        r"(?i)^(?:the|a|an|her|his|our|their|my|your|this|that|group|nursing|foster|halfway|"
        r"white|safe|open|court|public|full|care|new|same|own|at|in|to|from|legal|permanent|"
        r"temporary|primary|current|previous|former|usual|principal|country|place|state)\b"
    )

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return not self._GENERIC.match(match.group(0)) and not self._COMMERCE.match(
            match.group(0))


_MORE_ROOMS = re.compile(
    r"\s*(?:,|and|&|/|or)\s*(?:#\s*)?(?P<r>\d{1,4}[A-Za-z]?)(?![\w/:.,]\d|[\w/:])"
)
_LINE_LEAD = r"(?m)^[ \t>?*•\-]*"
_STREET_WORD = r"[^\W\d_][\w'’.\-]*"
_HOUSE = r"\d{1,6}[A-Za-z]?[ \t]+"
_WORDS = _STREET_WORD + r"(?:[ \t]+" + _STREET_WORD + r"){0,4}"
_BLOCK_STREET = re.compile(
    _LINE_LEAD + r"(?P<a>(?:" + _HOUSE + r"){0,2}" + _WORDS + r"[ \t]+\d{1,3}[A-Za-z]?\.?"
    + r"|(?:" + _HOUSE + r"){1,2}" + _WORDS + r")"
    + r"(?P<unit>,?[ \t]+" + _UNIT + r"\.?[ \t]*#?[ \t]*\d+[A-Za-z]?)?" + r"(?P<more>"
    + r"(?:,[ \t]*" + r"(?:Int|Interior|Col|Colonia|Apto|Depto|kv|Apt|Piso|Casa|Sector|Bloque|"
    + r"Manzana|Mz|Lote|Fracc|Barrio|Bairro|Flat|Block|Blk)\.?[ \t]*[\w .'’\-]{1,30}?)*)"
    + r"[ \t]*,?[ \t]*$"
)
_BOX = (
    r"(?:(?i:P\.?[ \t]?[O0]\.?[ \t]*B[o0]x)|PSC|Unit|CMR)[ \t]+\d+(?:,?[ \t]+Box[ \t]+\d+)?"
    r"|(?i:PSC|Unit|CMR)[ \t]+\d+,?[ \t]+(?i:Box)[ \t]+\d+"
    r"|(?i:APO|FPO|DPO)[ \t]+(?i:AA|AE|AP)[ \t]+\d{5}"
    # a road a rural home is on, named alone: "her place on County Road 39"
    r"|(?i:County[ \t]+Road|Rural[ \t]+Route|Farm[ \t]+to[ \t]+Market[ \t]+Road)[ \t]+\d{1,4}"
    # a place on a highway: "mile marker 88 on US-81", "MM 12 off SR-82", "US-59, mile marker 88"
    r"|(?:(?:I|US|SR|SH|KY|FM|CR|Hwy|Highway|Route)[ \t\-]?\d{1,4}[ \t]*,?[ \t]+(?:at[ \t]+)?)?"
    r"(?i:mile[ \t]+marker|mile[ \t]+post)[ \t]+\d{1,4}(?:\.\d)?(?![ \t]+(?i:on|of|off|at)\b)"
    r"|(?i:mile[ \t]+marker|mile[ \t]+post|MM)[ \t]+\d{1,4}(?:\.\d)?[ \t]+(?i:on|of|off|at)[ \t]+"
    r"(?:(?i:I|US|SR|SH|FM|CR|State Road|State Route|County Road|Highway|Hwy\.?|Route|Rte\.?)"
    r"[ \t\-]*\d{1,4}[A-Z]?|(?i:Interstate|Highway)[ \t]+\d{1,4})"
    # a rural route's box, its number after a line break too, and its letter ("Box 47-B")
    r"|(?i:R\.?R\.?|Rural\s+Route|HC|Star\s+Route)[ \t]*(?:\d+,?[ \t]+)?(?i:B[o0]x)"
    r"[ \t]*\n?[ \t]*\d+(?:-?[A-Z](?!\w))?"
    r"|\d{1,6}[ \t]+(?:(?:[NSEW]|North|South|East|West)\.?[ \t]+)?"
    r"(?i:State |U\.?S\.? |County |Farm to Market |FM |Interstate |I-)?"
    r"(?i:Highway|Hwy\.?|Route|Rte\.?|Road|Rd\.?|County Road|CR|FM)[ \t\-]*\d{1,4}[A-Z]?"
    r"(?:[ \t]+(?:[NSEW]|North|South|East|West)\b\.?)?"
)
_UNIT_ALONE = re.compile(
    r"(?<![\w#])(?P<a>(?:(?i:Apt|Apartment|Apartamento|Suite|Ste|Depto|Departamento)|Unit|Flat|"
    r"Lot|Trlr|"
    r"Trailer|Space|Lote|Interior|"
    # in lower case after a comma: "Haitian, lot 14", "(neighbor, lot 19)"
    r"(?<=, )(?:lot|trailer|trlr|space))\.?[ \t]*#?[ \t]*"
    r"\d{1,5}[A-Za-z]?)(?![\w\-/])"
)
_POSTAL_LINE = re.compile(
    r"^[ \t>?*•\-]*(?:[^\W\d_][\w'’()., \-]{1,40}[ \t,]+)?(?P<z>\d{4,6}(?:-\d{3,4})?)[ \t]*$"
    # the code before the town, as most of the world writes it: "29000 Tuxtla Gutiérrez, Chis."
    r"|^[ \t>?*•\-]*(?P<z2>\d{4,6}(?:-\d{3,4})?)[ \t]+[^\W\d_][\w'’.\-]*(?:[ \t,]+[^\W\d_]"
    r"[\w'’().\-]*){0,4}[ \t]*$"
)
_INLINE_STREET = re.compile(
    r"(?<![\w.,/$\-:#])(?P<a>\d{1,6}[ \t]+(?:\d{1,5}[ \t]+)?" + _STREET_WORD
    + r"(?:[ \t]+" + _STREET_WORD + r"){0,3}[ \t]+\d{1,4}[A-Za-z]?)(?![\w\-/:]|[.,]\d)"
)
_CUE_BEFORE_ADDRESS = (
    r"(?i:lives? at|living at|lived at|address(?:\s+(?:is|abroad|on file|of record|in \w+))?:?|"
    r"moved to|staying at|stays at|"
    r"located at|drops? (?:you|me|her|him) off at|meet (?:me|us) at|send (?:it|them) to|"
    r"mailed to|ship(?:ped)? to)[ \t]+"
)
# the street's name first, then its number ("Address abroad: Bygdøy allé 41B",
# "Home address: vul. Sadova 14, kv. 7")
_CUED_STREET = (
    r"(?<![\w\-])(?P<a>[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,3}[ \t]+\d{1,5}[A-Za-z]?"
    r"(?:,[ \t]*(?:Int|Interior|Col|Apto|Depto|kv|Apt|Piso|Casa|Flat)\.?[ \t]*\w{1,6})?)"
    r"(?![\w\-/:]|[.,]\d)"  # not a date or a time: "as Ozark on 07/01/2023"
)
# (the sentence goes on after the street: "lived at 302 Front Street and went to school")
_NOT_STREET_WORD = (r"(?!(?i:and|or|but|then|to|with|in|on|at|for|from|where|when|until|since|"
                    r"so|the|a|an|is|was|were|went|had|has|have|because|while|after|before|now|"
                    r"my|his|her|he|she|they|we|i|it|you|u)"
                    r"(?![\w'’\-]))")
_CUED_ADDRESS = (
    r"(?<![\w\-])(?P<a>\d{1,6}[A-Za-z]?(?:[ \t]+\d{1,5})?(?:[ \t]+" + _NOT_STREET_WORD
    + _STREET_WORD + r"){1,4}(?:[ \t]+\d{1,5}[A-Za-z]?\b)?)"
)


_AT_LODGING = re.compile(r"[ \t]+(?:at|of|in)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’&]*[ \t]+){0,3}"
                         r"(?:Motel|Inn|Hotel|Lodge|Suites|Motor Court)\b")


class AddressBlockRecognizer(RegexRecognizer):
    """Mailing addresses in any country's layout: a street line with its house number (before
    or after the street), PO boxes, military and rural-route addresses, highway addresses,
    apartment and suite numbers, and the postal code that closes an address block. The city
    and country lines stay (FRCP 5.2 lets a filing keep city and state)."""

    ENTITY = "ADDRESS"
    DETECTOR = "pattern:address_block"
    GROUP = "a"
    PATTERNS = [
        ("box", r"(?<![\w\-])(?P<a>" + _BOX + r")(?![\w\-])", 0.7),
        ("unit", _UNIT_ALONE.pattern, 0.6),
        ("cued", _CUED_ADDRESS, 0.7),
        # the cue inside the pattern: a match that began at "address" would hide the street
        ("cued_street", _CUE_BEFORE_ADDRESS + _CUED_STREET, 0.7),
        # the street someone lives on, without its number: "knew where my auntie lived on
        # Cardinal Drive"
        ("lives_on", r"\b(?i:lives|lived|living|live|stays|stayed|staying|moved)[ \t]+"
                     r"(?:[a-z]+[ \t]+){0,2}?(?i:on|off)[ \t]+(?P<a>(?:[A-Z][a-z]+[ \t]+){1,2}"
                     r"(?:" + SUFFIX_ALT + r"))(?![\w])", 0.6),
    ]
    CUES = {"cued": _CUE_BEFORE_ADDRESS}

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Pattern hits, plus street lines and the postal code of address blocks (none under a
        signature: counsel's office is public)."""
        return [r for r in self._blocks(text, entities, nlp_artifacts)
                if not in_counsel_block(text, r.start)]

    def _blocks(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        out = super().analyze(text, entities, nlp_artifacts)
        streets: list[tuple[int, int]] = []
        for m in _BLOCK_STREET.finditer(text):
            if self._street_like(m.group("a")):
                streets.append((m.start("a"), m.end()))
        for m in _INLINE_STREET.finditer(text):
            words = [w for w in m.group("a").split() if w[:1].isalpha()]
            if self._street_like(m.group("a")) and any(c.islower() for w in words for c in w):
                streets.append(m.span("a"))
        closing = [(r.start, r.end) for r in out  # a box or cued line that ends its line
                   if re.match(r"[ \t,]*(?:\n|$)", text[r.end:r.end + 40])]
        for start, end in streets + closing:
            if (start, end) not in closing:
                out.append(result(self.ENTITY, start, end, 0.6, self, self.DETECTOR))
            line_end = text.find("\n", end)
            for _ in range(4):  # the postal code closes the block within a few lines
                if line_end < 0:
                    break
                nxt = text.find("\n", line_end + 1)
                line = text[line_end + 1: nxt if nxt >= 0 else len(text)]
                z = _POSTAL_LINE.match(line)
                if z:
                    g = "z" if z.group("z") else "z2"
                    out.append(result(self.ENTITY, line_end + 1 + z.start(g),
                                      line_end + 1 + z.end(g), 0.6, self, self.DETECTOR))
                    break
                line_end = nxt
        return out

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if pattern_name in ("unit", "box") and re.match(r"(?i)unit|space|lot|trailer",
                                                        match.group("a")) and \
                _AT_LODGING.match(match.string, match.end("a")):
            return False  # "Unit 12 at the Palm Grove Motel": a room of the case, no home
        if pattern_name == "unit" and re.match(r"(?i)su?i?te", match.group("a")):
            text = match.string
            line = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            line_end = text.find("\n", match.end())
            rest = text[match.end():line_end if line_end >= 0 else len(text)]
            if not line.strip() and not rest.strip(" \t,."):
                return True  # a line of an address block: "Suite 501" under its street
            # "suite 14 tonite": a room of a hotel (RoomRecognizer), not part of an address
            return bool(re.search(rf"\d[\w\-]*\s+(?:\S+\s+){{0,3}}(?i:{SUFFIX_ALT})\.?,?\s*$",
                                  line))
        if pattern_name != "cued_street":
            return True
        words = [w.strip(".,") for w in match.group("a").split(",")[0].split()
                 if w[:1].isalpha()]
        if any(not w.replace("'", "").replace("’", "").replace("-", "").isalpha()
               for w in words) or not any(w[:1].isupper() for w in words):
            return False  # "(IP) address as ozark_outlaw417 on 07/01"
        if words and words[0].lower() in ("as", "on", "in", "at", "is", "of", "to", "for"):
            return False
        return any(w.lower() in SUFFIX_FORMS or (not is_ordinary(w.lower()) and len(w) > 2)
                   for w in words)

    @staticmethod
    def _street_like(line: str) -> bool:
        """A house number and at least one capitalised street word, short and not a sentence."""
        words = line.split()
        if len(words) > 7 or not any(w[:1].isdigit() for w in words):
            return False
        alpha = [w.strip(".,") for w in words if w[:1].isalpha()]
        if not alpha or not alpha[0][:1].isupper() or _UNIT_ALONE.match(line.strip()):
            return False
        if any(w.lower() in _NOT_STREET for w in alpha):
            return False
        if re.match(rf"\s*(?:19|20)\d\d\s+(?:{VEHICLE_MAKES})\b", line):
            return False  # "2016 Chevrolet Express 3500": a vehicle, its year and model
        # a street has a suffix ("Consul Place") or a name no English dictionary knows
        # ("Gesterbyntie 68", "Via Roma 131"); "Children 0" and "A I know that" are not streets
        return any(w.lower() in SUFFIX_FORMS for w in alpha) or any(
            not is_ordinary(w) and not w.isupper() and len(w) > 2 for w in alpha)


_NOT_STREET = {"january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "jan", "feb", "mar", "apr",
               "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "of", "and", "or",
               "x", "per", "out", "from", "through", "between", "chapter", "ch", "vol", "no",
               "the", "a", "in", "on", "at", "to", "for", "is", "was", "am", "pm",
               "days", "hours", "minutes", "years", "people", "times", "dollars", "usc", "u.s.c.",
               "cfr", "page", "pages", "exhibit", "section", "rule", "count", "paragraph",
               "dept", "department", "courtroom", "ctrm", "div", "division", "judge"}


_DISTRICT_END = re.compile(r"(?i)[ \t]+(?:(?:public|unified|independent|consolidated|city|"
                           r"community|union|joint|local)[ \t]+)*"
                           r"(?:sch[o0][o0]ls|school district)$")


def _public_district(name: str) -> bool:
    """A school district named for a county or a large city ("Gilmer County Schools",
    "MINNEAPOLIS PUBLIC SCHOOLS"): as public as the county or the city. A small town's
    ("Soper Public Schools") still goes."""
    m = _DISTRICT_END.search(name)
    if m is None:
        return False
    place = name[:m.start()].strip()
    return bool(re.search(r"(?i)\b(?:county|parish)$", place)) or is_large_city(place)


_SCHOOL_LEAD = re.compile(r"(?:Enrolled|Enrolls|Attends|Attended|Attending|Transferred|"
                          r"Referred|Withdrawn|Withdrew|Student|Grade|School)[ \t]+(?:(?:at|to|in|"
                          r"from)[ \t]+)?")


# words that make no school's name in a heading ("JUNIOR HIGH SCHOOL", "POLICE ACADEMY")
_NO_SCHOOL_NAME = {"junior", "senior", "police", "military", "naval", "air", "force", "fire",
                   "law", "public", "private", "the", "our", "a", "new", "old", "middle", "upper",
                   "lower", "elementary", "high", "state", "national", "federal", "adult",
                   "community", "county", "city", "district", "local", "regional", "any", "this",
                   "that", "her", "his", "their", "my", "your", "summer", "night", "evening",
                   "online", "virtual", "charter", "alternative", "continuation", "boarding",
                   "language", "english", "spanish", "driving", "beauty", "nursing", "medical",
                   "training", "bible", "sunday", "citizens", "citizen", "and", "of", "for"}


class SchoolRecognizer(RegexRecognizer):
    """A named school: it tells where a minor can be found every weekday."""

    ENTITY = "SCHOOL"
    DETECTOR = "pattern:school"
    PATTERNS = [
        ("named", r"(?<![\w])(?:(?:St\.|Saint|San|Santa|Our Lady of)\s)?"
                  r"(?:[A-Z][\w'’.\-]+[ \t]){1,4}"
                  r"(?:Elementary|Middle|High|Junior High|Intermediate|Primary|Secondary|"
                  r"Preparatory|Prep|Academy|Montessori|Charter|(?:Ninth|Sixth|Freshman) Grade|"
                  r"Regional(?=\s+(?:High|Middle|School))|"
                  # where a survivor's small child spends the day
                  r"Learning Center|Daycare|Day Care|Child Care|Childcare|Preschool|Pre-K|"
                  r"Head Start|Nursery School)"
                  r"(?:\s+(?:School|Academy|Center|Campus))?(?![\w])"
                  # "Local Childcare Coordinator", "Head Start Program": a role, a programme
                  r"(?![ \t]+(?i:coordinator|worker|provider|director|teacher|staff|subsidy|"
                  r"program|assistance|licensing|voucher)\b)",
         0.7),
        # the same in capitals, as a record's heading writes it
        ("named_caps", r"(?<![\w])(?:(?:ST\.|SAINT|SAN|SANTA|OUR LADY OF)[ \t])?"
                       r"(?P<name>(?:[A-Z][A-Z'’.\-]+[ \t]){1,4})"
                       r"(?:ELEMENTARY|MIDDLE|HIGH|JUNIOR HIGH|INTERMEDIATE|PRIMARY|SECONDARY|"
                       r"PREPARATORY|PREP|ACADEMY|MONTESSORI|CHARTER|REGIONAL(?=[ \t]+SCHOOL)|"
                       r"LEARNING CENTER|DAYCARE|DAY CARE|CHILD CARE|CHILDCARE|PRESCHOOL|"
                       r"HEAD START|NURSERY SCHOOL)"
                       r"(?:[ \t]+(?:SCHOOL|ACADEMY|CENTER))?"
                       r"(?![\w])", 0.7),
        # (in a note's lower case too: "estudia en el colegio San Martín de Porres")
        # (and Peru's "Institución Educativa" or "I.E. N° 50412", Romania's "Școala Gimnazială",
        # "Centrul Educațional «Dnipro»")
        ("escuela", r"(?<![\w])(?:(?i:escuela|colegio)|Instituto|Liceo|[ÉE]cole|Escola|Col[eé]gio|"
                    r"Lyc[eé]e|Collège|Institut|Instituci[oó]n Educativa|Unidad Educativa|"
                    r"I\.[ \t]?E\.(?:[ \t]?N[°º]\.?)?|Centrul Educa[țţt]ional|[ȘŞS]coala|Liceul|"
                    r"Colegiul)[ \t]+(?:(?:[«\"“]?[A-Z\d][\w'’.\-]*[»\"”]?|de|del|la|des|"
                    r"du|da|do|dos)(?:[ \t]{1,2}|[ \t]*\n[ \t]*)){0,5}"
                    r"[«\"“]?[A-Z\d][\w'’.\-]*[»\"”]?",
         0.6),
        # in a chat's lower case, after a word that says where she goes: "from puyallup ave
        # academy", "i go to westfield high"
        ("lower", r"(?<![\w])(?P<name>(?:(?!(?:from|at|to|in|attends?|attended)[ \t])"
                  r"[a-z][a-z'’.\-]+[ \t]){1,3})(?:elementary|middle|high|academy|"
                  r"prep|charter|montessori)(?:[ \t]+school)?(?![\w])", 0.5),
        # the school's name in brackets after the word: "Baltazar's school (Okabena) called"
        ("bracketed", r"(?<=\()[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+){0,3}(?=\))", 0.6),
        # New York's numbered schools: "P.S. 20", "P.S./I.S. 499", "J.H.S. 189"
        ("numbered", r"(?<![\w.])(?:(?:P|I|M|J\.H|H)\.S\.\s*/?\s*){1,2}\d{1,3}(?!\d)", 0.7),
        # "Furman-Vance Newcomer HS", "Field Local Sch0ols" (a district, OCR'd)
        ("short", r"(?<![\w])(?:[A-Z][\w'’.\-]+[ \t]){1,4}(?:HS|MS|Elem\b\.?|Sch[o0][o0]ls?|"
                  r"School District|ISD|USD)(?![\w])"
                  # "Principal Designated School Official": a role, no school
                  r"(?![ \t]+(?i:official|officials|counselor|nurse|board|resource|officer|"
                  r"police|psychologist|social))", 0.6),
        # a district in a heading's capitals, OCR'd too: "SUNDAY CREEK VALLEY LOCAL SCH0OLS"
        ("short_caps", r"(?<![\w])(?:[A-Z][A-Z'’.\-]+[ \t]){2,4}(?:SCH[O0][O0]LS|"
                       r"SCHOOL DISTRICT)(?![\w])", 0.6),
    ]
    CUES = {"lower": r"\b(?:from|at|to|attend|attends|attended|in)[ \t]+",
            "bracketed": r"(?i:\bschool|\bescuela)[ \t]*\("}
    _PUBLIC = re.compile(r"(?i)^(?:Police|Fire|Law|Medical|Naval|Military|Air Force|FBI|"
                         r"National|Judicial|Federal)\b")

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if pattern_name in ("short", "short_caps") and _public_district(match.group(0)):
            return False
        if pattern_name == "short" and re.search(r"/|^[A-Z\W]+ MS$", match.group(0)):
            return False  # a manifest's "YUSUPOVA/NIGORA MS", "DEL ROSARIO MS": a title
        if pattern_name == "short" and match.group(0).endswith("USD"):
            # Kansas's "Wichita USD 259"; but "Wise USD acct", "Send USD": the currency
            name = match.group(0).split()[:-1]
            return re.match(r"[ \t]*#?\d{3}\b", match.string[match.end():]) is not None or (
                bool(name) and is_small_place(" ".join(name)))
        if pattern_name == "named_caps":  # "JUNIOR HIGH SCHOOL", "POLICE ACADEMY": no name
            # ("SUGAR CREEK ACADEMY" is a name of everyday words)
            return not all(w.lower().strip(".") in _NO_SCHOOL_NAME
                           for w in match.group("name").split())
        if pattern_name == "lower":  # "to the high school", "at junior high": no name
            return not any(w in ("the", "a", "my", "her", "his", "their", "your", "that", "this")
                           for w in match.group("name").split()) and not all(
                is_everyday(w.strip(".")) for w in match.group("name").split())
        return True

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Named schools, without a verb or a label the name was written after ("Enrolled
        Gilmer High School", "Attends Lakeview Elementary")."""
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            lead = _SCHOOL_LEAD.match(text, r.start, r.end)
            if lead and lead.end() < r.end:
                r.start = lead.end()
            out.append(r)
        return out

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        name = match.group(0).split()
        if len(name) == 2 and is_everyday(name[0].lower()):
            return False  # "Home School", "High School"
        return not self._PUBLIC.match(match.group(0))


class BirthplaceRecognizer(RegexRecognizer):
    """The town someone was born in ("I was born on August 8, 2005, in Cahul, Moldova"): with
    the birth date it points to one person. Countries, states, provinces and large cities stay
    (a one-word province may be a district town too: "Cahul" goes)."""

    ENTITY = "LOCATION"
    DETECTOR = "pattern:birthplace"
    GROUP = "t"
    PATTERNS = [
        ("born_in", r"\b(?i:born|nacid[ao]|nasc(?:eu|ida|ido))\b[^.;\n]{0,40}?\b(?i:in|en|em)[ \t]+"
                    r"(?:the[ \t]+(?:village|town)[ \t]+of[ \t]+)?"
                    r"(?P<t>[A-ZÀ-Ý][\w'’\-]+(?:[ \t](?:de[ \t]|del[ \t]|do[ \t]|da[ \t])?"
                    r"[A-ZÀ-Ý][\w'’\-]+){0,2})", 0.6),
        # a settlement named as one: "in the village of Naytahwaush", "la aldea de Chuicacá"
        ("village_of", r"\b(?i:village|hamlet|settlement|township|aldea|caser[ií]o|barangay|"
                       r"pueblo)[ \t]+(?i:of|de)[ \t]+"
                       r"(?P<t>[A-ZÀ-Ý][\w'’\-]+(?:[ \t][A-ZÀ-Ý][\w'’\-]+)?)",
         0.6),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        town = match.group("t")
        first = town.split()[0].lower()
        return not (is_place(town) or is_large_city(town) or is_everyday(first)
                    or (len(town.split()) > 1 and is_world_region(town)))


class GpsRecognizer(RegexRecognizer):
    """Latitude and longitude pairs: a place to the metre."""

    ENTITY = "LOCATION"
    DETECTOR = "pattern:gps"
    PATTERNS = [("pair", r"(?<![\w.\-])-?\d{1,2}\.\d{3,},\s*-?\d{1,3}\.\d{3,}(?![\w.])", 0.8)]
