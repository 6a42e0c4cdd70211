"""Public facts a filing must keep readable: the keep list, statutes, rules, courts, dockets."""

from __future__ import annotations

import re

from anyascii import anyascii

from redaction.context import CaseContext
from redaction.gazetteer import (
    LARGE_CITY,
    city_population,
    is_first_name,
    is_region,
    is_world_region,
)
from redaction.lexicon import (
    RESPECT_WORDS,
    STATE_NAMES,
    STREAM_GAP,
    UKRAINIAN_LATIN,
    US_STATES,
)
from redaction.variants import fold, kept_form

_RESPECT = frozenset(fold(w) for w in RESPECT_WORDS)
# OCR's digits for the letters of a name, each way they are read
_OCR_LETTERS = (str.maketrans({"1": "l", "0": "o", "5": "s", "3": "e", "8": "b"}),
                str.maketrans({"1": "i", "0": "o", "5": "s", "3": "e", "8": "b"}))
# a filing named for its signer: "Olafsson Decl.", "Reyes Dep. Tr.", "Vance Aff."
_FILING_WORDS = frozenset({"decl", "dep", "depo", "aff", "tr", "exh", "ex", "mot", "opp", "br",
                           "supp", "reply", "resp", "compl"})

_REPORTER = (r"(?:U\.\s?S\.|S\.\s?Ct\.|L\.\s?Ed\.(?:\s?2d)?|F\.(?:\s?Supp\.)?(?:\s?[23]d|\s?4th)?|"
             r"F\.\s?App'x|[A-Z][a-z]?\.(?:\s?[A-Z][a-z]?\.)?(?:\s?[23]d|\s?4th)|"
             r"Cal\.\s?Rptr\.(?:\s?[23]d)?|So\.\s?[23]d|WL|U\.S\. Dist\. LEXIS)")
_PUBLIC_PATTERNS = [
    r"\b\d+\s+U\.?\s?S\.?\s?C\.?\s*(?:A\.?\s*)?§§?\s*\d+[\w().\-]*"
    r"(?:(?:,\s*|\s*,?\s*(?:and|or)\s+)\d+[\w().\-]*)*",
    r"§§?\s*\d+[\w().\-]*(?:(?:,\s*|\s*,?\s*(?:and|or)\s+)\d+[\w().\-]*)*",
    r"\b(?:Fed\.\s*R\.\s*(?:Civ|Crim|App|Evid|Bankr)\.\s*(?:P\.)?|FRCP|FRE|Rule)\s*\d+(?:\.\d+)?"
    r"(?:\([\w.]+\))*",
    r"\b\d+\s+C\.F\.R\.\s*§*\s*[\d.]+",
    r"\b\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}(?:-[A-Z]{2,5})*",
    r"\b(?:United States District Court|U\.S\. District Court|United States Court of Appeals)"
    r"(?:\s+for\s+the\s+[A-Z][a-z]+\s+(?:District|Circuit)(?:\s+of\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?)?",
    r"\b(?:Northern|Southern|Eastern|Western|Middle|Central)\s+District\s+of\s+"
    r"(?:" + STATE_NAMES + r")",
    r"\b[NSEWCM]\.\s?D\.\s?(?:[A-Z][a-z]{1,5}\.?)",
    r"\bSection\s+\d+[\w().]*",
    # a state code cited by its abbreviated name: "Welf. & Inst. Code § 300", "Pen. Code § 236.1"
    r"\b(?:[A-Z][a-z]{1,8}\.?\s+(?:&\s+)?){1,4}Code\s+(?:Ann\.\s+)?§§?\s*\d[\w.\-]*",
    r"\b(?:Hurricane|Tropical Storm|Typhoon|Cyclone)\s+[A-Z][a-z]+",
    # a state code by its initials, OCR'd too: "TCA 39-14-103", "O.C.G.A. § 16-5-46",
    # "TCA 39-l4-lO3"
    r"\b(?:T\.?C\.?A|O\.?C\.?G\.?A|A\.?C\.?A|RSMo|MCL|ORS|RCW|NRS|A\.?R\.?S|K\.?S\.?A|M\.?S\.?A)\.?"
    r"[ \t]*(?:§§?[ \t]*)?[\dlIO]{1,3}[A-Za-z]?[\-–][\dlIO]{1,3}[\-–][\dlIO]{1,4}(?:\.\d+)?"
    r"(?:\([\w.]+\))*",
]
# Rarer public facts, each looked for only where a cheap test says it may be: one alternation
# fewer at every position of every text
_GUARDED = [
    (("IMO", "O.N.", "Official No", "USDOT", "MMSI"),
     # a vessel's or a carrier's public registry numbers: "IMO 9786214", "USCG O.N. 1187342",
     # "Official No. 1221907", "USDOT 3318842", "MMSI 367123450"
     r"\b(?:IMO|(?:USCG[ \t]+)?O\.N\.|Official[ \t]+No\.|USDOT|MMSI)[ \t]*:?[ \t]*\d{6,9}\b"),
    (("Crim", "Civ", "CRIM", "CIV", "Criminal", "Civil", "CRIMINAL", "CIVIL"),
     # a federal docket by its kind: "Crim. No. 24-311 (PJO)", "Civil Action No. 3:24-cv-118"
     r"\b(?i:crim|civ|criminal|civil)\.?[ \t]+(?i:action[ \t]+(?:file[ \t]+)?|case[ \t]+)?"
     r"(?i:no|number)\.?"
     r"[ \t]*:?[ \t]*\d[\w:\-]*\d(?:[ \t]*\([A-Z]{2,4}\))?"),
    (("Ind", "IND", "Index", "INDEX", "Indictment", "INDICTMENT", "Docket", "DOCKET", "Cause",
      "CAUSE", "No", "NO"),
     # a state court's case number, public as the court is: "Ind. No. 71844-24", "Index No.
     # 712345/2024", "No. 24 CR 03117", "No. 2024 L 004412" (not a police or a juvenile case)
     r"\b(?i:ind(?:ictment)?|index|docket|cause)\.?[ \t]+(?i:no|number|#)\.?[ \t]*:?[ \t]*"
     r"\d{2,7}[\-/]\d{2,4}\b|"
     r"\b(?:No|NO|Case[ \t]+No|CASE[ \t]+NO|Cause[ \t]+No)\.?[ \t]*:?[ \t]*"
     # (spaced as a caption writes it; "STATE v. [her], Case No. 2024-CR-000419" is hers)
     r"(?:\d{2}|\d{4})[ \t]+(?:CR|CV|CF|CH|CM|DV|L|M|D|F|CA|CI)[ \t]+\d{3,7}\b"),
    (("Bar", "BAR"),  # counsel's bar number is on every filing: "Georgia Bar No. 553817"
     r"\b(?:Bar|BAR)[ \t]+(?i:no\.?|number|#|id)[ \t]*:?[ \t]*\d{4,8}\b"),
    (("otline", "OTLINE"),  # a number given as a public hotline's: "1-833-900-1010 (Canadian
     # Human Trafficking Hotline)", "Hotline: 1-866-528-7109"
     r"(?i:hotline)s?[ \t]*[:\-–][ \t]*\+?[\d(][\d\s().\-]{6,16}\d|"
     r"(?<![\w\-])\+?1?[\s.\-]?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}"
     r"(?=[ \t]*\((?:[A-Z][\w.'’]*[ \t]+){0,6}(?i:hotline|helpline|help line|crisis line|"
     r"tip line)\))"),
    (("888", "800", "233733"),  # hotlines: trafficking, its text line, domestic violence, NCMEC
     r"(?<![\d\-])(?:1[\s.\-]?)?\(?(?:888|800)\)?[\s.\-]?(?:373[\s.\-]?7888|"
     r"799[\s.\-]?(?:7233|SAFE)|843[\s.\-]?5678|THE[\s.\-]?LOST)(?!\d)|\b233733\b"),
    (("F.", "U.S.", "S. Ct", "S.Ct", "WL", "So.", "App'x", "d ", "th ", "Rptr", "LEXIS"),
     r"\b\d{1,4}\s+" + _REPORTER + r"\s+\d{1,5}(?:,\s*\d{1,5})?"),  # "653 F.2d 180"
    (("DISTRICT", "EVID", "FED."),  # the same in capitals, as captions and exhibits write them
     r"(?i:\bUNITED STATES DISTRICT COURT|\bU\.S\. DISTRICT COURT|\b(?:NORTHERN|SOUTHERN|"
     r"EASTERN|WESTERN|MIDDLE|CENTRAL)\s+DISTRICT\s+OF\s+(?:" + STATE_NAMES + r")|"
     r"\bFED\.\s*R\.\s*(?:CIV|CRIM|APP|EVID|BANKR)\.\s*(?:P\.\s*)?\d+(?:\.\d+)?)"),
    ((" to ", "thru", "through", "–"),  # a range of documents: "Photos WHD-0042 to WHD-0067"
     r"\b(?P<range>[A-Z]{2,6})-\d{3,7}\s*(?:to|through|thru|-|–)\s*(?P=range)-\d{3,7}\b"),
    (("RCW", "ORS", "MCL", "AS ", "Stat", "Code", "NRS", "KRS", "HRS", "ARS", "A.R.S", "R.C.",
      "ORC", "IC ", "G.S.", "O.C.G.A", "Laws", "M.G.L", "C.R.S", "ILCS"),
     # a state's statutes cited by the code's short name: "RCW 49.52.050", "AS 11.41.360",
     # "MCL 750.462e", "Minn. Stat. § 609.322", "720 ILCS 5/10-9"
     r"(?:\b\d{1,3}\s+ILCS\s+\d+/[\d\-.]+|\b(?:RCW|ORS|MCL|MSA|NRS|KRS|HRS|ARS|A\.R\.S\.|AS|ORC|"
     r"O\.R\.C\.|R\.C\.|IC|G\.S\.|N\.C\.G\.S\.|O\.C\.G\.A\.|M\.G\.L\.|C\.R\.S\.|"
     r"(?:[A-Z][a-z]{1,6}\.\s?){1,3}(?:Stat|Code|Laws)\.?(?:\s?Ann\.)?)"
     r"\s*(?:§§?\s*)?\d+[A-Za-z]?(?:[.\-:]\d+[A-Za-z]?)+(?:\([\w.]+\))*)"),
    (("MR.", "MS.", "MRS.", "MX."),  # counsel in a transcript: "BY MR. KESSLER", "MS. DUARTE:"
     r"\bBY\s+(?:MR|MS|MRS|MX)\.\s+[A-Z][A-Z'\-]+\b|"
     r"(?:^|(?<=\n))[ \t\d]*(?:MR|MS|MRS|MX)\.\s+[A-Z][A-Z'\-]+(?=:)"),
]
_ORG_WORDS = re.compile(r"(?i)\b(?:Inc|LLC|LLP|Corp|Co|Ltd|Court|District|County|Services|Group|"
                        r"Project|Clinic|Partners|Department|Office|Society|Association|Center|"
                        r"Lodge|Inn|Suites|Hotel|Media|Franchising|Holdings|Justice|Aid|Network|"
                        r"Resort|Motel|Motor|Lodging|Hotels|Casino|Club|Restaurant|Salon|"
                        r"Company|Farms?|Agency|Enterprises|Bank|Church|Store|Market|Cafe|Bar|"
                        r"Spa|Stay|Nails?|Lounge|Contractors|Framing|Drywall|Agricultural)\b")
_TITLES = (r"Judge|Justice|Magistrate|Hon|Honorable|Officer|Detective|Det|Sgt|Sergeant|Agent|"
           r"Deputy|Trooper|Lt|Captain|Capt|Chief|Dr|Mr|Mrs|Ms|Professor|Prof|Senator|Rep|"
           r"Counselor|Attorney|AUSA|Commissioner|Sheriff")
_PUBLIC = re.compile("|".join(f"(?:{p})" for p in _PUBLIC_PATTERNS))
# Bates numbers and ranges: STAR-000412, META-JD1-000221, BLOCK-000210-000246
# (five digits or more, and no digit group after: "IBAN DO62 BHDR 0000 0000" is no Bates)
# (a state and a ZIP that starts with 0 is an address's end, not a Bates number: "NJ 07501")
_BATES = re.compile(
    r"\b(?!(?:" + "|".join(sorted(US_STATES | {"AA", "AE", "AP"})) + r")[ \t]+0\d{4}(?:-\d{4})?\b)"
    r"(?:Bates\s+(?:No\.?\s*)?)?[A-Z][A-Z0-9]{1,9}(?:[-_][A-Z0-9]{1,6})?[-_ ]0\d{4,7}"
    r"(?:\s*[-–]\s*(?:[A-Z][A-Z0-9]{1,9}(?:[-_][A-Z0-9]{1,6})?[-_ ])?0?\d{4,7})?\b"
    r"(?![ \t]?\d)")
_LABEL_WORDS = {"ID", "NO", "CR", "DL", "SSN", "ACCT", "MRN", "DOB", "TEL", "PH", "FIN", "NR",
                "FBI", "CASE", "TIN", "PIN", "EIN", "ITIN", "CIN", "CNP", "CURP", "DNI", "MMC",
                "SIRB", "PP", "NIK", "PASSPORT",
                # a juvenile or dependency case's number is the child's, never a Bates number
                "JV", "JD", "JDL", "JUV", "JDP", "DP", "JC", "CHINS",
                # a caregiver's or nurse's licence: "GNA-MD 0211873", "CNA 0198840"
                "CNA", "GNA", "HHA", "CHHA", "LPN", "RN", "NPI", "LIC", "CERT"}
# ...but the same shape after a record's label is that record's number
# ("Student ID: BBE-2023-04417")
_RECORD_LABEL = re.compile(
    r"(?i)(?<!bates )(?<!bates stamp )\b(?:id|no\.?|number|#|mrn|chart|account|acct|encounter|kit|"
    r"event|entry|employee|member|patient|client|student|serial|order|booking|"
    r"conf(?:irmation)?|passport|seam[ae]n'?s? book|(?-i:SB|PP|SIRB|MMC|SID))"
    r"(?:\s+(?:is|was))?[:\s#.]*$")
_GUARDED_RE = [(guards, re.compile(p)) for guards, p in _GUARDED]
# a reported case: "Doe v. Stegall, 653 F.2d 180", "Ratha v. Phatthana Seafood Co., 35 F.4th"
# (looked for only where a text has " v. ": it tries every capitalised word)
_CAPTION = re.compile(
    r"(?:\b[A-Z][\w.'’&\-]*,?\s+(?:#\d+\s+)?){1,6}v\.\s+(?:[A-Z][\w.'’&\-]*,?\s+){1,8}"
    r"\d{1,4}\s+" + _REPORTER + r"\s+\d{1,5}")


# a run of capitalised words, with the particles of Spanish and Portuguese place names
_RUN = re.compile(r"(?<![\w'’\-])[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+(?:(?:de|do|da|del|dos|das|la|el)"
                  r"[ \t]+)?[A-ZÀ-Ý][\w'’\-]*){0,4}")
_BEFORE_PLACE = re.compile(r"(?:\b(?:in|from|of|near|to|at|across|throughout|outside)|,)[ \t]*$",
                           re.I)


def _world_regions(text: str) -> list[tuple[int, int]]:
    """A province or state of some country, where the text shows it is a place: before its
    country ("Alta Verapaz, Guatemala", "Oaxaca (Mexico)"), or of two words or more after "in",
    "from" or a town's comma ("people in Minas Gerais", "Itabirinha, Minas Gerais")."""
    out = []
    for m in _RUN.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        for i, w in enumerate(words):
            start = m.start() + w.start()
            name = text[start:m.end()]
            if not is_world_region(name) or 0 < city_population(name) < LARGE_CITY:
                continue  # "Cahul, Moldova": a district, and the town it is named for
            after = re.match(r"\s*(?:,|\()\s*([A-Z][\w ]{2,30}?)(?=\W|$)", text[m.end():])
            country = after is not None and any(
                is_region(" ".join(after.group(1).split()[:k])) for k in (1, 2, 3))
            placed = len(words) - i >= 2 and _BEFORE_PLACE.search(
                text, max(0, start - 16), start) is not None
            if country or placed:
                out.append((start, m.end()))
            break
    return out


def is_organisation(name: str) -> bool:
    """True for a keep-list entry that names a business or an office, not a person."""
    return bool(_ORG_WORDS.search(name))


def _record_word(word: str) -> str:
    """A kept name's word as a record writes it: an initial with or without its period, the
    parts of a hyphenated name with a space or nothing between ("MYUNG JA" of Myung-ja)."""
    if re.fullmatch(r"[^\W\d_]\.", word):
        return re.escape(word[0]) + r"\.?"
    return r"[\-\s]?".join(kept_form(part) for part in word.split("-"))


def _record_forms(words: list[str], shared: set[tuple[str, str]]) -> set[str]:
    """A kept person's name as records and signatures write it: "ASHBY, TERRELL DEVON" (and
    "ZHANG, LIQUN" for a surname written first), "L. Xol Ramírez", "LOWELL J TENNEY",
    "Travis D. Hatch" and "Roy Campbell" of Roy Lee Campbell, "G. Pruitt" unless a protected
    person's given name and surname begin and end the same way (`shared`)."""
    names = [w for w in words if not re.fullmatch(_TITLES, w.rstrip("."), re.I)]
    if len(names) < 2 or any(not re.fullmatch(r"[^\W\d_][\w'’\-.]*", w) for w in names):
        return set()
    esc = [_record_word(w) for w in names]
    gap = r"\s+"
    forms = {
        esc[-1] + r",\s+" + gap.join(esc[:-1]),  # last, first middle
        esc[-1] + r",\s+" + esc[0],
        esc[0] + r",\s+" + gap.join(esc[1:]),  # a surname written first
        re.escape(names[0][0]) + r"\.\s*" + gap.join(esc[1:]),  # initial and surnames
        gap.join(esc),  # "LOWELL J TENNEY", "CHO MYUNG JA"
    }
    if len(names) >= 3 and len(names[-1]) > 2:
        forms.add(esc[0] + gap + esc[-1])  # the middle name left out
        forms.add(esc[0] + gap + re.escape(names[1][0]) + r"\.?" + gap + esc[-1])
    if (fold(names[0][:1]), fold(names[-1])) not in shared and len(names[-1]) > 2:
        forms.add(re.escape(names[0][0]) + r"\.[ \t]*" + esc[-1])
    return forms


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


class PublicFacts:
    """Finds spans of text that are public and must stay as they are."""

    def __init__(self, context: CaseContext) -> None:
        entries = sorted({k for k in context.keep if k.strip()}, key=len, reverse=True)
        forms: set[str] = set()
        judged: set[str] = set()  # a kept person by title and one name: kept whole or in part
        mistered: set[str] = set()
        subject_words = {fold(w) for p in context.people if p.is_subject for n in p.names
                         for w in re.findall(r"[^\W\d_]+", n)}
        # a protected person's initial and surname: "K. Pruitt" is never a kept "Gary Pruitt"
        shared = {(fold(ws[0][:1]), fold(ws[-1])) for p in context.people for n in p.names
                  if len(ws := re.findall(r"[^\W\d_][\w'’\-]*", n)) >= 2}
        for k in entries:
            words = k.split()
            # a person's name as OCR reads it too ("Jirnmy Xiong" for Jimmy Xiong)
            forms.add(r"\s+".join(re.escape(w) if _ORG_WORDS.search(k) else kept_form(w)
                                   for w in words))
            if len(words) >= 3 and re.fullmatch(_TITLES, words[0].rstrip("."), re.I):
                forms.add(rf"{re.escape(words[0])}\s+{re.escape(words[-1])}")  # Judge Castillo
            if not _ORG_WORDS.search(k):  # a person: "Judge Quintero", "Mr. Tran"
                forms |= _record_forms(words, shared)
                if len(words) == 3 and all(w[:1].isupper() for w in words) and \
                        not re.fullmatch(_TITLES, words[0].rstrip("."), re.I):
                    # "Ramón Cruz" of Ramón Cruz Mejía: a given name and the first surname
                    forms.add(r"\s+".join(kept_form(w) for w in words[:2]))
                for w in re.findall(r"[^\W\d_][\w'’\-]{2,}", k):
                    if re.fullmatch(_TITLES, w, re.I):
                        continue
                    judged.add(re.escape(w))
                    if fold(w) not in subject_words:
                        mistered.add(re.escape(w))
            short = re.sub(r",?\s+(?:Inc|LLC|LLP|Corp|Co|Ltd|P\.?C|L\.?P)\.?$", "", k)
            if short != k and len(short) > 3:
                forms.add(r"\s+".join(re.escape(w) for w in short.split()))
            org = [w for w in short.split() if w[:1].isalpha()]
            if _ORG_WORDS.search(k) and len(org) == 3 and short != k:
                # "Bautista Manning" of Bautista Maritime Manning Corp.: its first word and last
                forms.add(rf"{re.escape(org[0])}\s+{re.escape(org[-1])}")
            if _ORG_WORDS.search(k) and len(org) >= 4:
                # a bank statement cuts a business's name to its width: "DIRECT DEP GENTLE
                # HARBOR HOME C PAYROLL" for Gentle Harbor Home Care Services, LLC
                forms.add(r"\s+".join(re.escape(w) for w in org[:3])
                          + rf"(?:\s+{re.escape(org[3][0])}[\w'’]*)?")
        titled = []  # one alternative per title group: a long alternation is slow at every position
        # the rest of a kept name after the title's word: "Mr. Ramón Cruz Mejía" whole
        more = r"(?:\s+(?:" + "|".join(sorted(judged, key=len, reverse=True)) + r")(?!\w)){0,3}"
        if judged:
            titled.append(r"(?:Judge|Justice|Magistrate(?:\s+Judge)?|Hon\.?|Honorable)\s+(?:"
                          + "|".join(sorted(judged, key=len, reverse=True)) + ")" + more)
        if mistered:
            titled.append(r"(?:Mr|Mrs|Ms|Dr|Miss)\.?\s+(?:"
                          + "|".join(sorted(mistered, key=len, reverse=True)) + ")" + more)
        talt = "|".join(titled)
        self._titled = re.compile(rf"(?<!\w)(?:{talt})(?!\w)", re.I) if talt else None
        # whole names first: an alternation takes the first that matches, not the longest
        alt = "|".join(sorted(forms, key=len, reverse=True) + titled)
        alt = alt.replace("'", "['’]").replace("’", "['’]")  # O'Donnell, O’Donnell
        self._keep = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I) if alt else None
        # the same names in an output read as an attacker reads it, where a PDF content stream
        # puts text operators between two words of a line ("Judge)Tj ET BT 54 569 TD (Castillo")
        loose = alt.replace(r"\s+", STREAM_GAP).replace(r"[ \t]*", f"(?:{STREAM_GAP})?")
        self._keep_loose = re.compile(rf"(?<!\w)(?:{loose})(?!\w)", re.I) if alt else None
        self.words = {fold(w) for k in entries for w in re.findall(r"[^\W\d_][\w'’\-]*", k)}
        self.names = {fold(k) for k in entries}
        # a kept person's given name made short, as people call him: "Brad" of Bradley Tomczak
        self._short_given: set[str] = set()
        for k in entries:
            given = [w for w in re.findall(r"[^\W\d_]+", k) if not re.fullmatch(_TITLES, w, re.I)]
            if len(given) >= 2 and not _ORG_WORDS.search(k) and len(given[0]) >= 5:
                first = fold(given[0])
                self._short_given |= {first[:n] for n in range(3, len(first) - 1)
                                      if is_first_name(first[:n])} - subject_words
        self._home_places = {fold(" ".join(part.split())) for p in context.people
                             for a in p.addresses for part in a.split(",") if part.strip()}
        self._last: tuple[str, list[tuple[int, int]]] | None = None
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def _in_home_place(self, region: str) -> bool:
        """True when a protected person's listed place begins with a region's name and is more:
        "Santa Cruz" for "Santa Cruz del Quiché" is her town's short form, not a province."""
        key = fold(" ".join(region.split()))
        return any(p != key and p.startswith(key + " ") for p in self._home_places)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Sorted (start, end) of every public fact in text (a batch's texts are remembered:
        a batch screens each text twice)."""
        spans = self._spans.get(text)
        if spans is None:
            out = [m.span() for m in _PUBLIC.finditer(text)] + self.keep_spans(text)
            out += [m.span() for m in _BATES.finditer(text) if not self._record(text, m)]
            for guards, pattern in _GUARDED_RE:
                if any(g in text for g in guards):
                    out += [m.span() for m in pattern.finditer(text)]
            if " v. " in text:
                out += [m.span() for m in _CAPTION.finditer(text)]
            out += [span for span in _world_regions(text)
                    if not self._in_home_place(text[span[0]:span[1]])]
            if len(self._spans) >= 256:
                self._spans.clear()
            spans = self._spans[text] = sorted(out)
        return spans

    @staticmethod
    def _record(text: str, m: re.Match[str]) -> bool:
        """A Bates-shaped number that is a record's: after its label ("Student ID: BBE-2023-
        04417", "kit # HX-22-01185"), a label inside it ("ID 0044172"), or a case's year before
        it ("22 CR 0418801")."""
        before = text[max(0, m.start() - 24):m.start()]
        prefix = re.match(r"[A-Za-z]+", m.group(0))
        return bool(_RECORD_LABEL.search(before)
                    or re.search(r"\b\d\d\s*$|\b(?:19|20)\d\d-$", before)  # "2022-JD-04417"
                    or (prefix and prefix.group(0).upper() in _LABEL_WORDS))

    def keep_spans(self, text: str) -> list[tuple[int, int]]:
        """Spans of the case's keep list only (the last text's are remembered)."""
        if self._keep is None:
            return []
        if self._last is None or self._last[0] is not text:
            spans = [m.span() for m in self._keep.finditer(text)]
            self._last = (text, spans + _kept_aliases(text, spans))
        return self._last[1]

    def inside_kept_name(self, text: str, start: int, end: int, *, stream: bool = False) -> bool:
        """True when [start, end) lies inside a keep-list name and is shorter than it;
        `stream` also reads names broken by PDF text operators (the leak check's view)."""
        spans = self.keep_spans(text)
        if stream and self._keep_loose is not None:
            spans = spans + [m.span() for m in self._keep_loose.finditer(text)]
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
            return True
        return self._titled is not None and any(
            m.start() <= start and end <= m.end()
            for m in self._titled.finditer(text, max(0, start - 40), min(len(text), end + 40)))

    def _latin(self, word: str) -> str:
        """A word folded; one in Cyrillic letters read in Latin ones, the Russian way or the
        Ukrainian ("Вадим" of a kept Vadim Ceban)."""
        if not _CYRILLIC.search(word):
            return fold(word)
        plain = fold(anyascii(word))
        return plain if plain in self.words else fold(anyascii(word.translate(UKRAINIAN_LATIN)))

    def is_kept_name(self, words: list[str]) -> bool:
        """True when every word of a candidate name belongs to a keep-list entry."""
        folded = [self._latin(w).strip(".,'’") for w in words]
        folded = [w for w in folded if len(w) > 1 and w not in _RESPECT
                  and w not in _FILING_WORDS]  # "Olafsson Decl.": her declaration
        if len(folded) == 1 and folded[0] in self._short_given:
            return True
        return bool(folded) and all(w in self.words or any(  # OCR's "Wi1mer" of a kept Wilmer
            w.translate(table) in self.words for table in _OCR_LETTERS) for w in folded)


_AKA_AFTER = re.compile(r"[ \t]*,?[ \t]*(?i:a/k/a|a\.k\.a\.|aka|also known as|alias)[ \t]+[\"“]"
                        r"(?P<a>[^\"”\n]{2,30})[\"”]")
_QUOTED_BEFORE = re.compile(r"[\"“](?P<a>[A-Z][\w'’\-]+(?:[ \t][A-Z][\w'’\-]+)?)[\"”][ \t]+$")


def _kept_aliases(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A kept defendant's alias beside the name: 'KUDIRAT OYEBANJI a/k/a "Alhaja"', 'by
    "Alhaja" Kudirat Oyebanji' (a title or nickname before it)."""
    out = []
    for start, end in spans:
        after = _AKA_AFTER.match(text, end)
        if after:
            out.append(after.span("a"))
        before = _QUOTED_BEFORE.search(text, max(0, start - 40), start)
        if before:
            out.append(before.span("a"))
    return out
