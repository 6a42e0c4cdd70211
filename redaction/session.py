"""One export: redact many documents of one case under one profile, then check them."""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from presidio_analyzer import (
    AnalyzerEngine,
    EntityRecognizer,
    RecognizerRegistry,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.context import CaseContext
from redaction.gazetteer import (
    city_population,
    is_first_name,
    is_ordinary,
    is_small_place,
    word_frequency,
)
from redaction.known import KnownMatcher
from redaction.lexicon import (
    HONORIFIC,
    NOT_NAMES,
    RELATIONS,
    RESPECT_WORDS,
    STATE_NAMES,
    VEHICLE_MAKES,
)
from redaction.placeholders import (
    PLACEHOLDER_RE,
    PersonPlaceholders,
    ReferenceList,
    placeholder,
)
from redaction.profiles import Profile
from redaction.propagation import Propagation
from redaction.public import PublicFacts, is_organisation
from redaction.recognizers import CaseRecognizer
from redaction.recognizers.case import KNOWN_PREFIX
from redaction.replacements import partial_form
from redaction.types import Leak, RedactedText, Redaction
from redaction.variants import NAME_PARTICLES, fold

if TYPE_CHECKING:
    from redaction.engine import RedactionEngine

# (an IP address is no case fact: a log's "home broadband" address leads to where she sleeps)
CASE_FACTS = {"ROOM", "VEHICLE", "LISTING", "LOCATION", "CODE"}
CONTAINERS = {"EMAIL", "URL", "HANDLE", "ADDRESS", "PHONE", "ID", "SSN", "ACCOUNT", "CARD"}
_HONORIFIC_LEAD = re.compile(rf"^{HONORIFIC}\.?\s+", re.I)
HONORIFIC_RE = re.compile(rf"{HONORIFIC}\.?", re.I)
# a case number's label, and the caption before it: "State v. Oberle, ... Case No. "
_DOCKET_LABEL = re.compile(r"(?i)\b(?:case|cause|docket|file|crim\.?|criminal|civ\.?|civil)"
                           r"[ \t]*(?:action[ \t]*)?(?:no\.?|number|#)[ \t]*:?[ \t]*$")
_CAPTION_BEFORE = re.compile(r"\bv(?:s)?\.[ \t]+(?P<party>(?:[A-Z][\w'’\-]*[ \t]*){1,4})"
                             r"(?:[^.\n]|\.(?![ \t]+[A-Z][a-z])){0,80}$")
_REL_BEFORE = re.compile(
    rf"(?i)(?:\b(?:emergency\s+)?contact(?:\s+person)?\s*[:\-]\s*|"
    rf"\b(?:her|his|their|my|our|your|tu|su|mi|client'?s|the client'?s|"
    rf"the(?=\s+(?:kids|children|twins|grandkids|grandchildren|mother|father|sister|brother|"
    rf"cousin|aunt|uncle|grandmother|grandfather|niece|nephew|son|daughter)\b)|"
    # a friend of hers the file names inside a sentence: "she named a girlfriend from
    # Newark, "Sveta"", "under the name of a neighbor, ..." (a sentence that opens "A
    # neighbour, ..." speaks of no one's)
    rf"(?<=[a-z] )an?(?=\s+(?:friend|girlfriend|boyfriend|neighbou?r|roommate|classmate|"
    rf"cousin)\b)|"
    rf"(?:youth|child|minor|juvenile|"
    rf"victim|survivor|pt|patient|student|declarant|plaintiff|complainant)['’]s|"
    rf"(?:jane|john) doe(?: \d+)?['’]s|"
    rf"paternal|maternal|(?P<who>[A-Z][\w\-]+)['’]s)\s+"
    rf"(?:[\w'’]+\s+){{0,2}}?|"  # "her Children's Aid worker"
    # at a line's start, no one's possessive before the relation: "A neighbour, ..." is no
    # one's, "thinks Vincent's sister" is Vincent's
    rf"(?<=\n)[ \t]*(?!(?:an?|the)\s)(?:assigned\s+)?(?:\w+\s+){{0,2}}?"
    rf"(?!(?i:coach|teacher|sponsor|pastor|advocate|worker)\b))"
    rf"{RELATIONS}s?"
    # where the relation works: "her counselor at the Decatur shelter, Gabriela Nunes Ferraz"
    rf"(?:\s+(?:at|with|from|in)\s+(?:the\s+)?[\w.'’\-]+(?:\s+[\w.'’\-]+){{0,3}}?\s*,)?"
    rf"\s*(?:[,:]|--?|–|—)?\s*(?:named\s+|is\s+|was\s+)?"
    rf"(?:{HONORIFIC}\.?\s+)?[\"“]?$"
)
# roles of care that a case file names only for its client: no "her" needed ("CVS caseworker
# Monique Ashby", "GAL is Patricia Olmsted-Kerr", "Foster mother: Denise Whitacre")
_CARE_BEFORE = re.compile(
    r"(?i)\b(?:case ?worker|case manager|social worker|GAL|guardian ad litem|CW|foster "
    r"(?:mother|father|parents?|mom|dad)|caregiver|sponsor|host (?:family|mother|father)|"
    r"kinship (?:caregiver|placement)|CPS (?:specialist|worker)|therapist|counsell?or|"
    r"public defender|fianc[ée]e?|foster (?:home|family) of|pastor(?: there| here)?|"
    # whoever took her in when she got away: they say where she is
    r"(?:ran|run|fled|escaped|went)(?: away)? to the (?:home|house|apartment) of|"
    r"(?:hid|hiding|hides|sheltered|sheltering) with|"
    # a name she was made to use is hers: "a false ID under the name Marleny Cac Tiul"
    r"(?:under|in) the name(?: of)?)s?\s*[,:]?\s*"
    r"(?:is\s+|was\s+)?(?:(?:attorney|atty\.?|deacon|pastor|imam|rabbi|rev\.|reverend)\s+)?$"
)
# a title of kinship she gives someone: her family, or the family that took her in ("Nanay
# Fely", "Hermana Cely", "Tía Rosa", "tante Wati"); respect alone is no tie ("Don Chepe"), and
# "Ate" and "Kuya" are said to any older man or woman
_KIN_TITLE = (r"(?:[Nn]anay|[Tt]atay|[Ii]nay|[Ii]tay|[Tt]ita|[Tt]ito|[Ll]ola|[Ll]olo|[Tt][ií]a|"
              r"[Tt][ií]o|[Aa]buel(?:it)?[ao]|[Tt]ante|[Tt]ant|[Tt]onton|[Mm]atant|[Mm]adan|"
              r"[Hh]erman[ao]|"
              r"Hna\.?|Hno\.?)")
# (English "Auntie Cher" is as often the woman who runs the girls as anyone's aunt, and
# Indonesian "Ibu Rania" or Nepali "Didi" is any older woman: the employer as well)
_TITLE_BEFORE = re.compile(rf"(?<![\w'’]){_KIN_TITLE}[ \t]+[\"“]?$")
_KIN_LEAD = re.compile(rf"[\"“]?{_KIN_TITLE}[ \t]+")
# a name, then another in brackets: the same person's other name
_OTHER_NAME = re.compile(r"(?P<n>(?<![\w'’])[A-ZÀ-Ý][\w'’\-]*(?:[ \t]+[A-ZÀ-Ý][\w'’\-]*){0,3})"
                         r"[\"”]?[ \t]*\([ \t]*(?:(?:full|real|legal|given)[ \t]+name:?[ \t]*)?$")
# kin words a phone's contacts add after a name, in the clients' languages: Mongolian "egch"
# and "akh" (older sister, brother), "eej" (mother); Spanish, Tagalog, Vietnamese, Korean
_KIN_SAVED = {"egch", "akh", "eej", "aav", "duu", "sister", "sis", "brother", "bro", "cousin",
              "mom", "mama", "mami", "mamá", "tia", "tio", "prima", "primo", "hermana", "hermano",
              "abuela", "abuelo", "auntie", "aunty", "aunt", "uncle", "nana", "lola", "lolo",
              "ate", "kuya", "unni", "oppa", "didi", "bhai", "cuz", "hooyo", "manman"}
_REL_AFTER = re.compile(
    rf"(?i)^\s*(?:,\s*|\(\s*|\s+(?:was|is|has been|had been)\s+(?:appointed|named|assigned)"
    rf"\s+(?:as\s+)?)(?:her|his|their|my|our|the client'?s|client'?s|the|"
    rf"(?P<who>[A-Z][\w\-]+)['’]s)?"
    rf"\s*(?:\w+\s+)?{RELATIONS}\b"
)
# (a coach, a teacher or a sponsor named at a sentence's start is anyone's: "Coach Dennis" is
# the recruiter, not her coach)
_REL_OPENS = re.compile(rf"(?:^|[.!?;:]\s+|\n[ \t]*)(?=[A-Z])"
                        rf"(?!(?i:coach|teacher|sponsor|pastor|advocate|worker)\b)"
                        rf"(?i:{RELATIONS})[ \t]+[\"“]?$")
# a name, then another after a slash: 'goes by: "Noodin" / "Noods"'
_SLASHED_NAME = re.compile(r"[\"“](?P<n>[^\"”\n]{2,30})[\"”][ \t]*/[ \t]*[\"“]?$")
# who shelters her: "staying with Katya Savchuk's family", "placed with the Ortiz family"
_STAYS_WITH = re.compile(r"(?i)\b(?:staying|stays|stay|stayed|living|lives|live|lived|placed|"
                         r"hiding|sheltering)[ \t]+with[ \t]+$")
_FAMILY_AFTER = re.compile(r"['’]s?[ \t]+(?:family|home|house|place|apartment|parents)\b")
# a name joined to the one before it: "Iker (9) and ", "Nimo, age 7, y "
_AND_BEFORE = re.compile(r"(?P<n>[A-ZÀ-Ý][\w'’\-]+)"
                         r"(?:[ \t]*\([^)\n]{1,12}\)|,[ \t]*age[ \t]*\d{1,2})?"
                         r",?[ \t]+(?:and|&|y|e)[ \t]+$")
# a law firm's name after a surname: "Xiong Law Office", "Tran & Associates"
_FIRM_AFTER = re.compile(r"[ \t]+(?:Law[ \t]+(?:Office|Offices|Firm|Group|Center|PLLC|LLC|"
                         r"P\.?C\.?)|"
                         r"&[ \t]+Associates|LLP|PLLC|P\.C\.)\b")
_CONTACT = {"EMAIL", "PHONE", "HANDLE"}  # a kept person's own are still theirs to remove
_PARTICLES = NAME_PARTICLES | {"thi", "van"}  # "Thị" and "Văn" say only a gender
_USED_FOR = re.compile(r"(?i)^\s*\(\s*(?:identity|name|alias|id)\s+(?:used|issued)\s+(?:for|by|to)")
_MINOR_AFTER = re.compile(
    r"(?i)^\s*(?:\(|,\s*)(?:age[d]?\s*)?(\d{1,2})\s*(?:\)|,|years?|yrs?|y/?o)"
)
_MINOR_BEFORE = re.compile(r"(?i)\b(\d{1,2})[- ]year[- ]old\s+(?:\w+\s+)?$")


# a given name beside a subject's surname: her family ("her aunt, Ratchanee "Nid" Srisuk", in
# the order Korean writes it "Park Min-ji")
# one space or a line's break between a name's words: a table's wider gap ends a cell
# ("2022-11-27  Remitly   K PRUITT" is a company's column, then hers)
_NAME_SPACE = r"(?:[ \t]|[ \t]*\n[ \t]*)"
_KIN_BEFORE = re.compile(r"(?:(?<=[\s(,;])|^)(?P<g>[A-Z][^\W\d_]+(?:[\-'’][^\W\d_]+)?"
                         rf"(?:{_NAME_SPACE}[A-Z][^\W\d_]+)?)(?:{_NAME_SPACE}[A-Z]\.?)?"
                         rf"(?:{_NAME_SPACE}[\"“][^\"”\n]{{1,20}}[\"”])?"
                         r"[ \t]$")  # "JOCELYN D MACARAEG": her surname, his initial
_KIN_AFTER = re.compile(r"[ \t](?P<g>[A-Z][^\W\d_]+(?:-[^\W\d_]+)?)(?![\w'’\-])")
_NUMBERS = {"ACCOUNT", "ID", "PHONE", "CODE", "DOB", "CARD"}
_FILE_NAME = re.compile(r"(?:IMG|VID|PTT|AUD|DOC|PXL|DSC|STK|Screenshot)[\w\-]*\."
                        r"(?:jpe?g|png|gif|heic|webp|pdf|mp4|mov|3gp|opus|m4a|aac|vcf|docx?|txt)"
                        r"(?!\w)", re.I)


def _in_file_name(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside a file name a phone or app gave a photo or note."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start), text.rfind("/", 0, start))
    m = _FILE_NAME.match(text, left + 1)
    return m is not None and m.end() >= end


_TRANSCRIPT_MARK = re.compile(r"(?:Q|A)\.?[ \t]+")


def _after_transcript_mark(text: str, r: RecognizerResult) -> RecognizerResult:
    """A name found with a transcript's question or answer mark at its line's start ("A.
    Darlene Combs."), without the mark: it is no initial."""
    m = _TRANSCRIPT_MARK.match(text, r.start, r.end)
    line = text[text.rfind("\n", 0, r.start) + 1:r.start]
    if m is None or m.end() >= r.end or line.strip(" \t0123456789") or \
            not text[m.end()].isupper():
        return r
    return RecognizerResult(r.entity_type, m.end(), r.end, r.score, r.analysis_explanation,
                            r.recognition_metadata)


class _Analyzer(AnalyzerEngine):
    """Presidio's analyzer without its context boost: every detection here is a candidate
    whatever its score, and the boost walks every result once per recognizer."""

    def _enhance_using_context(self, text: str, raw_results: list[RecognizerResult],
                               nlp_artifacts: NlpArtifacts, recognizers: list[EntityRecognizer],
                               context: list[str] | None = None) -> list[RecognizerResult]:
        return raw_results


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span some recognizer wants removed."""

    start: int
    end: int
    category: str
    detector: str
    score: float
    owner: int | None = None  # index into context.people for known identifiers
    weak: bool = False
    seed: bool = False
    related: bool = False

    @property
    def known(self) -> bool:
        """True for an identifier the case file holds."""
        return self.owner is not None

    @property
    def size(self) -> int:
        """Length of the span."""
        return self.end - self.start


# the rest of a word hyphenated across a line end
_LINE_END_SPLIT = re.compile(r"-[ \t]*\n[ \t]*[a-zà-ÿ]{2,}(?![\w\-])")


# what follows a place's name and never a person's: "Monroe counties", "Garfield Bay",
# "Annapolis, Maryland"
_PLACE_NEXT = re.compile(
    rf"(?:[ \t]+(?:County|Counties|counties|Parish|Bay|Lake|Creek|River|Harbor|Harbour|Beach|"
    rf"Island|Point|Springs|Falls|Valley|Ridge|Mountain|Hills?|Heights|Township|Twp)\b|"
    rf",[ \t]*(?:{STATE_NAMES})\b(?!['’]s))")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|near|outside)[ \t]+|\b[A-Z][a-z]+[ \t]+[dD]['’])$")


# a state's code and a ZIP code after a name: the name is a town of an address ("Kaycee, WY
# 82639"), whether or not the gazetteer knows so small a place
_STATE_ZIP_NEXT = re.compile(rf",?[ \t]+(?:[A-Z]{{2}}|{STATE_NAMES})[ \t]+\d{{5}}"
                             r"(?:-\d{4})?(?!\d)")


def _place_in_use(text: str, c: Candidate) -> bool:
    """True when an unknown one-word name is a town's name used as a place: after "in" or
    "near", before "County" or a state's name, or the end of "Coeur d'Alene"."""
    if c.known or c.seed or " " in text[c.start:c.end].strip():
        return False
    if _STATE_ZIP_NEXT.match(text, c.end) and text[c.start:c.start + 1].isupper():
        return True
    if re.match(r"['’]s?\b", text[c.end:c.end + 2]):
        return False  # "in Hailey's car": hers
    before = _PLACE_BEFORE.search(text, max(0, c.start - 20), c.start)
    if before and before.group(0).rstrip()[-1:] in "'’":
        return is_small_place(text[before.start():c.end])  # "Coeur d'Alene", not "D'Angelo"
    return is_small_place(text[c.start:c.end]) and (
        before is not None or _PLACE_NEXT.match(text, c.end) is not None)


# a list of counties, parishes or boroughs: "Harris / Fort Bend / Waller counties",
# "Anne Arundel, Baltimore and Kent counties"
_COUNTY_LIST_REST = re.compile(
    r"(?:[ \t]*(?:,|/|&|\band\b|\bor\b|,[ \t]*and\b)[ \t]*[A-Z][\w.'’\-]*"
    r"(?:[ \t][A-Z][\w.'’\-]*)?){0,6}[ \t]+(?i:counties|parishes|boroughs)\b")
_MAKE_WORD = re.compile(rf"(?:{VEHICLE_MAKES})")
_MAKE_AFTER_YEAR = re.compile(rf"\b(?:19|20)\d\d[ \t]+(?:{VEHICLE_MAKES})\b")


def _in_county_list(text: str, c: Candidate) -> bool:
    """True when an unknown name opens or stands in a list of counties that the text names
    as counties after its last one."""
    return not c.known and _COUNTY_LIST_REST.match(text, c.end) is not None


def _city_of_address(text: str, c: Candidate, cands: list[Candidate]) -> bool:
    """True when an unknown name is the place that ends a street address just before it: the
    city and state stay readable (FRCP 5.2), so the model's "person" there is the city."""
    if c.known or c.seed:
        return False
    name = text[c.start:c.end]
    if not (is_small_place(name) or city_population(name)):
        return False
    if not re.match(r"[ \t]*(?:$|\n|[,;)]|[A-Z]{2}\b|\d{5}\b)", text[c.end:]):
        return False  # "12 Elm St, Maria said": a person after all
    if _ADDRESS_END.search(text, max(0, c.start - 40), c.start):
        return True  # "..., Suite 120, Bloomington": a business's, which stayed
    return any(a.category in ("ADDRESS", "ROOM") and not a.known and a.end <= c.start and
               re.fullmatch(r",[ \t]*", text[a.end:c.start]) is not None for a in cands)


# the end of a street address's line: a unit, or a street's kind
_ADDRESS_END = re.compile(r"(?:\b(?:Suite|Ste|Apt|Unit|Bldg|Fl|Floor)\.?[ \t]*#?[ \t]*\w{1,5}|"
                          r"\d[ \t]+(?:[A-Z][\w'’]*[ \t]+){1,3}(?:St|Ave|Blvd|Rd|Dr|Ln|Hwy|Way|Ct|"
                          r"Pl|Pkwy|Street|Avenue|Road|Drive|Lane|Highway)\.?(?:[ \t]+[NSEW])?)"
                          r",[ \t]*$")


# a word in capitals OCR read with a lower-case l for I or a zero for O ("DlLNOZA RAKHlMOVA",
# "N0EL"): three capitals at least, so a postal code's "P0T" stays as it is
_CAPS_OCR = re.compile(r"(?<![\w\-])(?=[A-Zl0]*[l0])(?=(?:[l0]*[A-Z]){3})[A-Z][A-Zl0]+"
                       r"(?![\w\-])")
_CAPS_READ = str.maketrans({"l": "I", "0": "O"})


# a combining accent splits a word for every pattern and for the model: "Adébáyọ̀" is
# "Adébáyọ" and a mark; its letter written twice keeps the word whole
_COMBINING = re.compile(r"([^\W\d_])([\u0300-\u036f]+)")


def read_for_recognizers(text: str) -> str:
    """The text as the recognizers read it: capitals with OCR's letters restored, accents
    that combine kept inside their word; every character in its place (the output is cut from
    the text as it came)."""
    text = _COMBINING.sub(lambda m: m.group(1) * (1 + len(m.group(2))), text)
    return _CAPS_OCR.sub(lambda m: m.group(0).translate(_CAPS_READ), text)


class RedactionSession:
    """Per-export state: consistent placeholders across all documents of one export."""

    def __init__(self, engine: RedactionEngine, context: CaseContext, profile: Profile) -> None:
        self.context = context
        self.profile = profile
        self._engine = engine
        self.matcher = KnownMatcher(context, is_word=engine.is_word)
        self.public = PublicFacts(context)
        registry = RecognizerRegistry(
            recognizers=[*engine.recognizers, CaseRecognizer(self.matcher)],
            supported_languages=["en"],
        )
        self._analyzer = _Analyzer(registry=registry, nlp_engine=engine.nlp_engine,
                                   log_decision_process=False, supported_languages=["en"])
        self._persons = PersonPlaceholders("[Person {n}]")
        self._related = PersonPlaceholders("[Related Person {n}]")
        self._reference = ReferenceList()
        known_words = set().union(*(o.tokens for o in self.matcher.owners))
        self._propagation = Propagation(skip_words=known_words | self.public.words)
        self._surnames = set().union(*(o.surnames for o in self.matcher.owners))
        self._clean: set[bytes] = set()
        self._related_words: set[str] = set()  # given names of people tied to a subject
        self._protected = sorted({p.replacement for p in context.people}, key=len, reverse=True)

    # ------------------------------------------------------------ protocol
    def redact_many(self, texts: Sequence[str]) -> list[RedactedText]:
        """Redact documents in one batch (one nlp.pipe pass)."""
        texts = [str(t) for t in texts]
        self.matcher.observe(texts)
        pairs = self._engine.nlp_engine.process_batch(
            [read_for_recognizers(t) for t in texts], "en", batch_size=self._engine.batch_size,
            n_process=self._engine.ner_processes(len(texts)))
        found = []
        for item in pairs:
            text, artifacts = str(item[0]), item[1]
            results = self._analyzer.analyze(text=text, language="en", nlp_artifacts=artifacts)
            cands = self._candidates(text, results)
            found.append(cands + self._screen(text, self._kin(text, cands)))
        for text, cands in zip(texts, found, strict=True):
            names = self._propagation.learn(text, cands, court=self.profile.redacts_third_parties)
            for words in sorted(names, key=len, reverse=True):  # full names first
                self._persons.label(self._name_words(" ".join(words)))
        out = []
        for text, cands in zip(texts, found, strict=True):
            every = cands + self._screen(text, self._propagation.find(text))
            out.append(self._redact_checked(text, [self._inherit(text, c) for c in every]))
        return out

    def redact(self, text: str) -> RedactedText:
        """Redact one document."""
        return self.redact_many([text])[0]

    def leaks(self, text: str) -> list[Leak]:
        """Known identifiers of the context still present in text (the fail-closed scan)."""
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        if digest in self._clean:  # this exact text was scanned and found clean
            return []
        found = self._scan(text)
        if not found:
            self._clean.add(digest)
        return found

    def _scan(self, text: str) -> list[Leak]:
        shields = [m.span() for m in PLACEHOLDER_RE.finditer(text)]
        for rep in self._protected:
            shields += [m.span() for m in re.finditer(rf"(?<!\w){re.escape(rep)}(?!\w)", text)]
        public = self.public.spans(text)
        out = []
        for h in self.matcher.find(text):
            if any(s <= h.start and h.end <= e for s, e in shields):
                continue
            if h.weak and any(h.start < e and s < h.end for s, e in public):
                continue
            if self.public.inside_kept_name(text, h.start, h.end, stream=True):
                continue
            if self._kept_surname_use(text, h.category, h.start, h.end):
                continue
            out.append(Leak(h.category, h.start, h.end, self.context.people[h.owner].replacement))
        return out

    def reference_list(self) -> list[dict]:
        """Each pseudonym and placeholder with what it replaced (for filing under seal)."""
        return self._reference.entries()

    # ------------------------------------------------------------ detection
    def _candidates(self, text: str, results: list[RecognizerResult]) -> list[Candidate]:
        cands = []
        for r in results:
            meta = r.recognition_metadata or {}
            owner = meta.get("owner")
            cat = r.entity_type[len(KNOWN_PREFIX):] if owner is not None else r.entity_type
            if owner is None and cat in _NUMBERS and _in_file_name(text, r.start, r.end):
                continue  # "IMG-20220314-WA0031.jpg": a phone's photo, not an account
            if owner is None and cat == "PERSON":
                r = _after_transcript_mark(text, r)
                tail = _LINE_END_SPLIT.match(text, r.end - (text[r.end - 1:r.end] == "-"))
                if tail:  # "Marlon Esgu-⏎erra": the name goes on after the line break
                    r.end = tail.end()
            cands.append(Candidate(r.start, r.end, cat, str(meta.get("detector", "")),
                                   float(r.score), owner, bool(meta.get("weak")),
                                   bool(meta.get("seed"))))
        return self._screen(text, cands)

    def _kin(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """A given name written beside a subject's surname alone: a relative of hers, whom
        the model did not see as a person ("Ratchanee "Nid" Srisuk", "Park Min-ji")."""
        out = []
        for c in cands:
            if c.owner is None or c.category != "PERSON":
                continue
            owner = self.matcher.owners[c.owner]
            words = fold(text[c.start:c.end]).split()
            # her surname alone, or her middle name and surname ("Ama Serwaa Boateng" is not
            # Akosua Serwaa Boateng)
            if not words or words[-1] not in owner.family or len(words) > 2 or \
                    len(words) == 2 and words[0] in owner.given:
                continue
            before = _KIN_BEFORE.search(text, max(0, c.start - 60), c.start)
            if before and self._given(before.group("g")) and \
                    not is_small_place(text[before.start("g"):c.end]):  # "Palisades Park"
                out.append(Candidate(before.start("g"), c.end, "PERSON", "kin", 0.6,
                                     related=True, seed=True))
            after = _KIN_AFTER.match(text, c.end)
            if after and self._given(after.group("g")):
                out.append(Candidate(c.start, after.end("g"), "PERSON", "kin", 0.6,
                                     related=True, seed=True))
        return out

    def _given(self, words: str) -> bool:
        """True when every word reads as someone's given name, none of them a protected
        person's, a title or an everyday word ("Call Srisuk", "Ms. Srisuk", "Lopez Family")."""
        for w in words.split():
            f = fold(w)
            if self._is_protected_name(w) or f in NOT_NAMES or f in RESPECT_WORDS or \
                    (is_ordinary(f) and not is_first_name(f) and word_frequency(f) >= 3.0) or \
                    HONORIFIC_RE.fullmatch(w):  # "Yaw", "Ama": rare words, given names
                return False
        return True

    def _inherit(self, text: str, c: Candidate) -> Candidate:
        """A name of someone tied to a subject stays tied wherever it is written alone
        ("Elmer is scared", after "Elmer Tuy Xiloj, her cousin")."""
        if c.known or c.related or c.category != "PERSON" or not self._related_words:
            return c
        words = {fold(w).strip(".,'’\"“”()") for w in self._name_words(text[c.start:c.end])}
        words -= _PARTICLES
        # every word of it: "Ixchel Tambriz" is not the cousin Ixchel Batz
        return replace(c, related=True) if words and words <= self._related_words else c

    def _screen(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Drop what public facts or the keep list cover; mark people tied to a subject."""
        public = self.public.spans(text)
        out = []
        for c in cands:
            overlaps_public = any(c.start < e and s < c.end for s, e in public)
            if overlaps_public and c.category == "PERSON" and not c.known:
                part = self._outside_keep(text, c)  # "Omar Haddad": the son, not the kept father
                if part is None:
                    continue
                c, overlaps_public = part, False
            if overlaps_public and c.category in _CONTACT and not c.known and not any(
                    c.start < e and s < c.end for s, e in self._outside_keep_list(text)):
                overlaps_public = False  # a kept person's own email or phone is still theirs
            if overlaps_public and c.category == "ID" and c.detector == "table:id":
                overlaps_public = False  # "AB 044173" under "Seaman's Book": no Bates number
            if overlaps_public and (not c.known or c.weak):
                continue
            if c.known and self.public.inside_kept_name(text, c.start, c.end):
                continue  # "Judge Annie Carter" stays whole beside a subject "Maria Carter"
            if c.known and self._kept_surname_use(text, c.category, c.start, c.end):
                continue
            if c.category == "ID" and not c.known and self._kept_docket(text, c.start):
                continue  # "State v. Oberle, Dickinson County Case No. 2024-CR-000417"
            if c.category == "ADDRESS" and not c.known and any(
                    0 <= c.start - e <= 4 and text[e:c.start].strip(" ,") in ("", "at")
                    and is_organisation(text[s:e]) for s, e in self.public.keep_spans(text)):
                continue  # "Coral Key Resort, 4400 Collins Avenue": the business's address
            if c.category == "PERSON" and not c.known:
                words = self._name_words(text[c.start:c.end])
                if not words or self.public.is_kept_name(words):
                    continue
                if c.detector == "ner" and all(
                        fold(w).strip(".,'’") in self.matcher.place_words for w in words):
                    continue  # "Arkhangai": her province, from her listed address, is no one
                if _place_in_use(text, c) or _in_county_list(text, c):
                    continue  # "arrived in Hailey", "Monroe counties", "Coeur d'Alene"
                if _MAKE_AFTER_YEAR.search(text, max(0, c.start - 16), c.end) and \
                        _MAKE_WORD.fullmatch(text, c.start, c.end):
                    continue  # "a silver 2019 Lexus": the car's make
                if _city_of_address(text, c, cands):
                    continue  # "7702 Riva Road, Apt 210, Annapolis": the town, which stays
                c = replace(c, related=c.related or self._is_related(text, c, words))
                if c.related:
                    self._related_words |= {
                        f for w in words if len(f := fold(w).strip(".,'’\"“”()")) >= 3
                        and f not in _PARTICLES and not self._is_protected_name(w)}
            out.append(c)
        return out

    def _kept_docket(self, text: str, start: int) -> bool:
        """A case number after its caption, where the party the case is against is on the
        keep list: a trafficker's prosecution is public record (her own case is not)."""
        if not _DOCKET_LABEL.search(text, max(0, start - 30), start):
            return False
        caption = _CAPTION_BEFORE.search(text[max(0, start - 160):start])
        if caption is None:
            return False
        return any(fold(w) in self.public.words
                   for w in re.findall(r"[^\W\d_][\w'’\-]+", caption.group("party")))

    def _kept_surname_use(self, text: str, category: str, start: int, end: int) -> bool:
        """A kept name's surname naming a law firm or a party in a caption: "Xiong Law Office"
        is kept counsel Kou Xiong's and "Doe v. Tran" the kept defendant Kenny Vo Tran's, not
        the subjects Mai Yer Xiong's and Khoa Tran's."""
        return category == "PERSON" and (
            _FIRM_AFTER.match(text, end) is not None
            or re.search(r"\bv\.?[ \t]+$", text[max(0, start - 4):start]) is not None
        ) and self.public.is_kept_name(text[start:end].split())

    def _outside_keep_list(self, text: str) -> list[tuple[int, int]]:
        """Public spans other than the keep list's names."""
        keep = set(self.public.keep_spans(text))
        return [span for span in self.public.spans(text) if span not in keep]

    def _outside_keep(self, text: str, c: Candidate) -> Candidate | None:
        """The part of an unknown name outside the public spans it overlaps, when that part is
        a capitalised given name of its own; None when nothing of it is left."""
        public = self.public.spans(text)
        for m in re.finditer(r"[A-ZÀ-Ý][\w'’\-]+", text[c.start:c.end]):
            s, e = c.start + m.start(), c.start + m.end()
            if any(s < pe and ps < e for ps, pe in public):
                continue
            if is_first_name(m.group(0)) and not is_ordinary(m.group(0).lower()):
                return replace(c, start=s, end=e)
        return None

    @staticmethod
    def _name_words(span: str) -> list[str]:
        span = _HONORIFIC_LEAD.sub("", span)
        span = re.sub(r"['’]s?$", "", span)
        words = [w.strip('"“”') for w in span.split()]
        return [w for w in words if w and fold(w).strip(".") not in NOT_NAMES]

    def _is_related(self, text: str, c: Candidate, words: list[str], *, alias: bool = True
                    ) -> bool:
        if len(words) >= 2 and fold(words[-1]).strip(".,") in self._surnames:
            return True
        if _CARE_BEFORE.search(text[max(0, c.start - 40):c.start]):
            return True
        if _KIN_LEAD.match(text, c.start, c.end) or \
                _TITLE_BEFORE.search(text, max(0, c.start - 12), c.start):
            return True
        other = _OTHER_NAME.search(text, max(0, c.start - 60), c.start) if alias else None
        if other and self._is_related(text, replace(c, start=other.start("n"), end=other.end("n")),
                                      other.group("n").split(), alias=False):
            return True  # 'Nanay Fely (full name Felicidad Ocampo)': the same person
        slash = _SLASHED_NAME.search(text, max(0, c.start - 40), c.start)
        if slash and any(self._is_protected_name(w) for w in slash.group("n").split()):
            return True  # 'goes by: "Noodin" / "Noods"': her other name
        if _STAYS_WITH.search(text, max(0, c.start - 30), c.start) and \
                _FAMILY_AFTER.match(text, c.end):
            return True  # "is staying with Katya Savchuk's family": who shelters her
        joined = _AND_BEFORE.search(text, max(0, c.start - 40), c.start)
        if joined and fold(joined.group("n")) in self._related_words:
            return True  # "the kids, Iker (9) and Ximena (5)": both hers
        if _REL_OPENS.search(text, max(0, c.start - 30), c.start):
            return True  # 'Friend "Tanisha" in Miramar can host': a sentence opens with it
        if any(w.islower() and fold(w) in _KIN_SAVED for w in text[c.start:c.end].split()[1:]):
            return True  # a contact saved as "Naraa egch" (older sister), "Rosa prima"
        if _USED_FOR.match(text[c.end:c.end + 30]):
            return True  # "CAC TIUL, MARLENY (identity used for Jane Doe 1)"
        before = _REL_BEFORE.search(text[max(0, c.start - 60):c.start])
        if before and before.group("who") and not self._is_protected_name(before.group("who")):
            before = None  # "Hughes's girlfriend": tied to someone else, not to a subject
        after = _REL_AFTER.match(text[c.end:c.end + 50])
        if after and after.group("who") and not self._is_protected_name(after.group("who")):
            after = None
        return bool(before or after)

    def _is_protected_name(self, word: str) -> bool:
        folded = fold(word)
        return any(folded in o.tokens for o in self.matcher.owners) or folded in {"doe", "jane"}

    # ------------------------------------------------------------ replacement
    def _redact_checked(self, text: str, cands: list[Candidate]) -> RedactedText:
        """Redact, scan the output, and widen the redaction over anything the scan finds.

        The caller still runs the fail-closed scan; this pass only keeps a document from
        being held back for an identifier a second look can remove.
        """
        result = self._redact(text, cands)
        for _ in range(3):
            leaks = self.leaks(result.text) or self._blanked_leaks(result)
            if not leaks:
                break
            for leak in leaks:
                start = _to_input(leak.start, result.redactions, end=False)
                end = _to_input(leak.end, result.redactions, end=True)
                owner = next(i for i, p in enumerate(self.context.people)
                             if p.replacement == leak.owner)
                cands.append(Candidate(start, end, leak.category, "case:rescan", 1.0, owner))
            result = self._redact(text, cands)
        return result

    def _blanked_leaks(self, result: RedactedText) -> list[Leak]:
        """Leaks in the lines that hold a redaction, read with each replacement blanked, as a
        PDF page reads once its redactions are removed (positions in result.text)."""
        blank = _blanked(result)
        bounds = [0] + [m.end() for m in re.finditer("\n", blank)]  # where each line starts
        held = {bisect_right(bounds, a) - 1 for a, _b in _out_spans(result)}
        # (and the lines beside each: a kept name or a cue may run over a line end)
        keep = sorted({i + d for i in held for d in (-1, 0, 1) if 0 <= i + d < len(bounds)})
        if not keep:
            return []
        lines = [(bounds[i], bounds[i + 1] - 1 if i + 1 < len(bounds) else len(blank))
                 for i in keep]
        compact = "\n".join(blank[a:e] for a, e in lines)
        found = self.leaks(compact)
        out = []
        offset = 0
        for a, e in lines:  # each line's leaks, moved back to where the line stands
            out += [replace(lk, start=lk.start - offset + a, end=lk.end - offset + a)
                    for lk in found if offset <= lk.start and lk.end <= offset + (e - a)]
            offset += e - a + 1
        return out

    def _redact(self, text: str, cands: list[Candidate]) -> RedactedText:
        # a room or a plate beats the generic id shape; a code found by its shape alone does not
        specific = [c for c in cands
                    if not c.known and c.category in (CASE_FACTS | {"IP"}) - {"CODE"}]
        # (and so does any guess by shape alone: Presidio's bank number at 0.05 under an ad id)
        cands = [c for c in cands if not (
            (c.category == "ID" or c.score < 0.3 and c.category not in CASE_FACTS)
            and not c.known and any(c.start < s.end and s.start < c.end for s in specific))]
        cands = [c for c in cands if self._applies(c)]
        cands.sort(key=lambda c: (c.start, -c.end))
        groups: list[list[Candidate]] = []
        end = -1
        for c in cands:
            if groups and c.start < end:
                groups[-1].append(c)
                end = max(end, c.end)
            else:
                groups.append([c])
                end = c.end
        redactions = [self._decide(text, g) for g in groups]
        pieces = []
        pos = 0
        for r in redactions:
            pieces.append(text[pos:r.start])
            pieces.append(r.replacement)
            pos = r.end
        pieces.append(text[pos:])
        return RedactedText("".join(pieces), tuple(redactions))

    def _applies(self, c: Candidate) -> bool:
        if c.known:
            return True
        if c.category == "PERSON":
            return self.profile.redacts_third_parties or c.related
        if c.category in CASE_FACTS:
            return self.profile.redacts_case_facts
        return True

    def _decide(self, text: str, group: list[Candidate]) -> Redaction:
        start = min(c.start for c in group)
        end = max(c.end for c in group)
        lead = _HONORIFIC_LEAD.match(text[start:end])
        if lead and lead.end() < end - start and all(c.category == "PERSON" for c in group):
            start += lead.end()  # "Ms. Jane Doe 1", as "Dr. [Person 2]": the title says no one
        original = text[start:end]
        known = [c for c in group if c.known]
        largest = max(group, key=lambda c: (c.size, c.known, c.score))
        if known:
            main = max(known, key=lambda c: (c.size, c.category == "PERSON"))
            person = self.context.people[main.owner or 0]
            stranger = self._stranger(text, group, main)
            if stranger is not None:
                rep = self._related.label(self._name_words(text[stranger.start:stranger.end]))
                red = Redaction(start, end, "PERSON", rep, stranger.detector, stranger.score,
                                "person tied to a protected person")
            elif not largest.known and largest.category in CONTAINERS and largest.size > main.size:
                rep = placeholder(largest.category)
                red = Redaction(start, end, largest.category, rep, main.detector, 1.0,
                                f"contains a known identifier of {person.replacement}")
            elif main.category == "PERSON":
                red = Redaction(start, end, "PERSON", person.replacement, main.detector, 1.0,
                                f"known name of {person.replacement}")
            else:
                red = Redaction(start, end, main.category, placeholder(main.category),
                                main.detector, 1.0, f"known identifier of {person.replacement}")
        else:
            red = self._unknown(text, start, end, largest)
        self._reference.record(red.replacement, red.category, original)
        return red

    def _stranger(self, text: str, group: list[Candidate], main: Candidate) -> Candidate | None:
        """An unknown full name around a known surname: a relative, not the subject."""
        if main.category != "PERSON":
            return None
        owner = self.matcher.owners[main.owner or 0]
        for c in group:
            if c.known or c.category != "PERSON":
                continue
            if text[c.start:c.end].islower() and not text[main.start:main.end].islower():
                continue  # a lower-case word a pattern took beside her capitalised name
            words = self._name_words(text[c.start:c.end])
            if len(words) >= 3 and fold(words[0]) in owner.tokens and any(
                    re.fullmatch(r"[A-Z]\.?", w) and w[0] in owner.initials
                    for w in words[1:-1]):
                continue  # "Rowena P. Briggs": her given name and middle initial, a new surname
            extra = []
            for w in words:
                w = w.strip("()[]\"“”")  # "NGUYEN, NHUNG (ROSE)": her alias in brackets
                f = fold(w).strip(".,'’")
                if len(f) <= 1 or f in owner.tokens or f in _PARTICLES:
                    continue  # "Nguyen Thi Lan" is Nguyễn Thị Lan herself: Thị says no one
                if w[:1].islower() and any(x[:1].isupper() for x in words):
                    continue  # "Mai Anh nói" (said): the model's span ran on into a word
                covered = any(k.known and k.start <= c.start + text[c.start:c.end].find(w)
                              < k.end for k in group)
                if not covered:
                    extra.append(w)
            if extra:
                return c
        return None

    def _unknown(self, text: str, start: int, end: int, c: Candidate) -> Redaction:
        span = text[start:end]
        if c.category == "PERSON":
            words = self._name_words(span)
            if c.related:
                rep = self._related.label(words)
                return Redaction(start, end, "PERSON", rep, c.detector, c.score,
                                 "person tied to a protected person")
            rep = self._persons.label(words)
            if self.profile.minor_initials and self._is_minor(text, start, end):
                rep = "".join(w[0].upper() + "." for w in words if w[:1].isalpha())
                if self.matcher.find(rep):  # the same initials as a protected person
                    rep = self._persons.label(words)
                return Redaction(start, end, "PERSON", rep, c.detector, c.score,
                                 "minor: initials, FRCP 5.2(a)(3)")
            return Redaction(start, end, "PERSON", rep, c.detector, c.score, "private person")
        rep = placeholder(c.category)
        reason = "private identifier"
        if self.profile.partial_identifiers:
            partial = partial_form(c.category, span)
            if partial and not self.matcher.find(partial):
                rep, reason = partial, "FRCP 5.2(a)"
        return Redaction(start, end, c.category, rep, c.detector, c.score, reason)

    @staticmethod
    def _is_minor(text: str, start: int, end: int) -> bool:
        m = _MINOR_AFTER.match(text[end:end + 20]) or _MINOR_BEFORE.search(
            text[max(0, start - 30):start])
        return bool(m and int(m.group(1)) < 18)


def _blanked(result: RedactedText) -> str:
    """The output as a PDF page reads once its redactions are removed: each replacement
    blanked (same length, so positions still map), as a table cell left empty."""
    pieces = []
    pos = 0
    for r in _out_spans(result):
        pieces += [result.text[pos:r[0]], " " * (r[1] - r[0])]
        pos = r[1]
    pieces.append(result.text[pos:])
    return "".join(pieces)


def _out_spans(result: RedactedText) -> list[tuple[int, int]]:
    """Where each replacement stands in the output."""
    spans = []
    shift = 0
    for r in result.redactions:
        spans.append((r.start + shift, r.start + shift + len(r.replacement)))
        shift += len(r.replacement) - (r.end - r.start)
    return spans


def _to_input(pos: int, redactions: tuple[Redaction, ...], *, end: bool) -> int:
    """Map a position in the redacted output back to the input (snapping out of replacements)."""
    shift = 0  # output position minus input position, before the current redaction
    for r in redactions:
        out_start = r.start + shift
        out_end = out_start + len(r.replacement)
        if pos < out_start or (pos == out_start and not end):
            break
        if pos <= out_end:
            return r.end if end else r.start
        shift += len(r.replacement) - (r.end - r.start)
    return pos - shift
