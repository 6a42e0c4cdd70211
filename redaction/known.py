"""Find every known identifier of the people in a case context, in any written form.

The same matcher redacts and, after redaction, checks the output (the fail-closed scan), so
the two can never disagree about what counts as a known identifier.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from anyascii import anyascii
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.context import CaseContext, ProtectedPerson
from redaction.gazetteer import (
    city_population,
    english_zipf,
    is_common_anywhere,
    is_everyday,
    is_first_name,
    is_ordinary,
    is_place,
    is_region,
    is_small_place,
    is_surname,
    is_world_region,
    language_lean,
    spanish_zipf,
    word_frequency,
)
from redaction.lexicon import (
    COMMON_WORD_NAMES,
    HONORIFIC_BEFORE,
    HYPOCORISMS,
    NOT_NAMES,
    NOT_PEOPLE,
    STATE_NAMES,
    STYLE_BEFORE,
    STYLED,
    UKRAINIAN_LATIN,
    VEHICLE_MAKES,
)
from redaction.positions import name_position
from redaction.record_variants import address_variants, dob_variants, id_variants, street_words
from redaction.variants import (
    NAME_PARTICLES,
    Variant,
    alias_parts,
    alternation,
    assumed_names,
    contact_nicknames,
    email_variants,
    fold,
    fold_view,
    handle_variants,
    initials_sets,
    is_common_word_name,
    lil_forms,
    name_tokens,
    name_words,
    ocr_digits,
    phone_variants,
    spelled_numbers,
    spelling_key,
)

# (a PDF's page text joins its lines with a space: a name in capitals hyphenated at a line end
# reads "BARRA- GAN" there)
_SOFT_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])|"
                         r"(?<=[A-ZÀ-Ý]{2})-[ ](?=[A-ZÀ-Ý]{2,}(?![a-z]))")
_NUMERIC = {"PHONE", "DOB", "SSN", "ACCOUNT", "ID"}
_ABBREVIATED = re.compile(r"(?<![\w.])([A-Z][a-z]{2,4})\.(?![\w.])")
_COMMON_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
    "sun inc ltd corp dept gov gen sen rep ave blvd hwy jr sr dr mr mrs ms no vol fig approx "
    "est min max misc attn tel fax cert govt univ assn natl intl mgr supt asst exh ibid supp "
    "civ crim proc evid stat ann rev pen fam bus prof welf inst ins veh educ lab ct cir app "
    "dist div sec art para cal tex fla ill mich minn penn wash wis colo conn mass okla ariz "
    "calif".split())
_BUSINESS_AFTER = re.compile(r"(?:[ \t][A-Z][a-z]+)?[ \t](?:Lounge|Inn|Hotel|Motel|Suites|Salon|"
                             r"Spa|Nails|Bar|Cafe|Café|Restaurant|Club|Market|Bakery|Boutique|"
                             r"Studio|Massage|Grill|Diner|Tavern|Pub|Cafeteria|Bistro|Turismo|Tours|Travel|"
                             r"Transportes|Viagens|Logistics|Staffing|Manpower|Agency)\b")
# forms of address that are everyday-word names too: "Your Honor", "His Grace"
_DEDICATED_BEFORE = re.compile(r"\b(?i:lady|sisters?|brothers?|house|city|mother|daughters|"
                               r"order|church|queen|home|mission|department|dep't|dept\.?|"
                               r"office|ministry|bureau|secretary|minister|palace|hall|"
                               r"court|institute|center|centre)[ \t]+(?i:of)[ \t]+$")
_SHORT_CYRILLIC = re.compile(r"(?<![\w@.])[\u0400-\u04ff]{3}(?![\w])")
# (and Armenian and Georgian, read in Latin letters the same way: "მარიამის" is mariamis)
_CYRILLIC_GREEK = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff]")
_ETHIOPIC = re.compile(r"[\u1200-\u139f\u2d80-\u2ddf]")
# Arabic, and Ethiopic (Amharic, Tigrinya, Oromo in Ge'ez letters): scripts that write a name's
# consonants plainly and its vowels not at all or as marks, so her name is known by consonants
_ARABIC_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u1200-\u139f\u2d80-\u2ddf]+")
_NOT_SKELETON = re.compile(r"[^a-z]|[aeiouyw]")
_INDIC_WORD = re.compile(r"[\u0900-\u0dff]+")


def indic_key(latin: str) -> str:
    """A name's consonants as an Indian script's Latin reading gives them: no vowels, no
    aspiration ("sh", "th", "bh"), "ng" as "n", "w" as "v", doubled ones once ("Hossain" and
    "hosen" both "hsn", "Gurpreet" and "gurprit" both "grprt")."""
    key = fold(latin).replace("ng", "n").replace("w", "v")
    key = re.sub(r"(?<=[^aeiou\W\d_])h", "", key)
    key = re.sub(r"[^a-z]|[aeiou]", "", key)
    # (a closing nasal is "m" in one reading and "ng" in another: "তামাং" and Tamang)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"m$", "n", key))


def skeleton(word: str) -> str:
    """A name's consonants in Latin letters, doubled ones once: Arabic script writes no short
    vowels and no doubling, so "Haddad" and "حداد" both give "hd", "Khalil" and "خليل" "khl"."""
    # the feminine ending "ة" is written and not said: "كريمة" is Karima
    letters = _NOT_SKELETON.sub("", fold(anyascii(word.removesuffix("ة"))))
    return re.sub(r"(.)\1+", r"\1", letters)
_ANYWORD = re.compile(r"(?<![\w@.])[^\W\d_][\w'’\-]{3,}")
_WORD_CONTINUATIONS = {
    "you", "u", "ur", "your", "so", "that", "this", "it", "its", "it's", "everything", "all",
    "we", "i", "to", "for", "is", "was", "will", "of", "in", "the", "a", "has", "had",
    "have", "can", "could", "would", "should", "must", "never", "always", "springs", "comes",
    "came", "break", "vacation", "semester", "session", "term", "camp", "school", "job",
    "period", "note", "notice", "be", "are", "were",
}



# (not anchored to a line: a PDF's reading joins the two lines of a passport's MRZ)
_MRZ_LINE = re.compile(r"(?<![A-Z0-9<])((?=[A-Z0-9<]*<<)[A-Z0-9<]{25,52})(?![A-Z0-9<])")
_LINKISH = re.compile(r"(?<![\w@$])[@$]?\w[\w.+\-@/:%?=&#~]*\w")
_EMAIL_SHAPE = re.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")
_URL_SHAPE = re.compile(r"^(?:https?://|www\.)|^[\w\-]+(?:\.[\w\-]+)+/", re.I)
_HANDLE_SHAPE = re.compile(r"^[@$]|\w[._]\w|[^\W\d_]\d|\d[^\W\d_]")
# a handle in capitalised parts ("SweetJunieMobile", "CaramelMihaNJ"): her name is one of the
# parts, not letters inside one (Word's "majorEastAsia" holds no "Majo")
_CAMEL_SHAPE = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+(?:[A-Z]{2,})?$|^[A-Z][a-z]+[A-Z]{2,}$")
_OCR_READ = str.maketrans({"1": "l", "0": "o"})
_OCR_AS_I = str.maketrans({"1": "i", "0": "o", "3": "e", "5": "s", "8": "b"})
_OCR_AS_L = str.maketrans({"1": "l", "0": "o", "3": "e", "5": "s", "8": "b"})
_CAMEL_PART = re.compile(r"[A-Z][a-z]+|[A-Z]{2,}")


@dataclass(frozen=True, slots=True)
class KnownHit:
    """One known identifier found in a text (positions only; never the value)."""

    start: int
    end: int
    category: str
    owner: int  # index into CaseContext.people
    kind: str
    weak: bool = False


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition costs 1), capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class _Owner:
    """Everything the matcher needs about one protected person."""

    def __init__(self, index: int, person: ProtectedPerson) -> None:
        self.index = index
        self.person = person
        self.variants: list[Variant] = []
        self.tokens = {fold(t) for t in name_tokens(person.names)}
        for alias in person.aliases:
            self.tokens |= {fold(w) for w in name_words(alias)}
        self.surnames = {fold(name_words(n)[-1]) for n in person.names if name_words(n)}
        # and a first surname before the last, as Spanish names carry two ("Alvarado" of
        # Kevin Josué Alvarado Mejía): his mother may be "Rosibel Alvarado Gómez"
        self.family = self.surnames | {
            fold(w) for n in person.names for w in name_words(n)[1:-1]
            if len(name_words(n)) >= 3 and is_surname(fold(w), 5_000) and not is_first_name(w)}
        self.given = {fold(name_words(n)[0]) for n in person.names if name_words(n)}
        # the inner words of a name of three words or more ("Ngọc" of Trần Ngọc Hạnh): alone
        # between two words of someone else's name they are that person's ("Đoàn Ngọc Vy")
        # (a surname inside, as Spanish names carry two, says family: "Felipa Gómez Mejía" and
        # her cousin "Isabel Gómez Tzul")
        self.inner = {fold(w) for n in person.names for w in name_words(n)[1:-1]
                      if len(name_words(n)) >= 3 and not is_surname(fold(w), 5_000)} - {
            fold(w) for n in person.names for w in (name_words(n)[:1] + name_words(n)[-1:])}
        self.all_words = {_loose(w) for n in person.names + person.aliases for w in name_words(n)}
        # the given names and aliases a diminutive is made from (not her surnames)
        self.given_words = {fold(w) for n in person.names for w in name_words(n)[:1]} | {
            fold(w) for a in person.aliases for w in name_words(a)}
        # her name words as Korean is romanised, for her name in Hangul ("하은이" of Ha-eun)
        words = [name_words(n) for n in person.names + person.aliases]
        pairs = [a + b for ws in words for a, b in zip(ws, ws[1:], strict=False)]
        self.korean = {k for w in [w for ws in words for w in ws] + pairs
                       if len(k := korean_key(w)) >= 4}
        # the words of her full names that are not particles: "comfort" of Comfort Adjei
        self.full_words = {fold(w) for n in person.names for w in name_words(n)
                           if len(w) >= 3 and fold(w) not in NAME_PARTICLES}
        self.skeletons = {k for t in self.tokens if t.isalpha() and len(t) >= 4
                          and len(k := skeleton(t)) >= 2}
        self.towns: set[str] = set()  # her listed towns, folded (set with the variants)
        self.streets: set[str] = set()  # the words of her streets abroad, folded
        self.initials = {seq[i] for seq in initials_sets(person.names) for i in range(len(seq))}
        for n in person.names:
            self.initials |= {w[0].upper() for w in re.findall(r"\b[A-Z]\.", n)}
        self.fuzzy = {t for t in self.tokens if len(t) >= 5 and not is_common_word_name(t)}
        self.fuzzy_short = {t for t in self.tokens if len(t) == 4 or (
            len(t) >= 5 and is_common_word_name(t))}  # one edit, never into a real word
        # names that are everyday words: their lower-case uses count only in a name's place
        self.common = {t for t in self.tokens if is_common_word_name(t)} | {
            fold(a) for a in person.aliases + alias_parts(person.aliases)
            if is_common_word_name(a)}
        self.common |= {fold(f) for a, f in lil_forms(person.aliases).items()
                        if is_common_word_name(a)}
        # a doubled alias said once: "kay dont go" to Kay-Kay, only where a name stands
        self.common |= {fold(m.group(1)) for a in person.aliases
                        if (m := re.fullmatch(r"(?i)([^\W\d_]{2,5})[\s\-]?\1", a.strip()))}
        self.substrings = {t for t in self.tokens if len(t) >= 4}
        # "Ji-yeon" is also written "jiyeon", and misspelt so ("jiyoen")
        joined = {fold(re.sub(r"[\-'’]", "", w)) for n in person.names + person.aliases
                  for w in name_words(n) if re.search(r"\w[\-'’]\w", w)}
        self.fuzzy |= {j for j in joined if len(j) >= 5}
        # the same name in another of its usual spellings; an everyday word's only in a name's
        # place ("lilly your phone", her name was "Espy")
        self.spellings = {spelling_key(t): t in self.common or is_common_word_name(t)
                          for t in self.tokens | self.common | joined if len(t) >= 4}
        # the rest of a two-part alias after its first part: "hony b" is "Honey-B" misspelt
        self.alias_tails: dict[str, list[str]] = {}
        for alias in person.aliases:
            parts = [p for p in re.split(r"[\s\-_.]+", alias) if p]
            if len(parts) >= 2 and len(parts[0]) >= 4:
                self.alias_tails.setdefault(spelling_key(parts[0]), []).append(
                    r"[\s\-]?".join(re.escape(p) for p in parts[1:]))


def build_variants(person: ProtectedPerson) -> list[Variant]:
    """All patterns for one person's known identifiers."""
    from redaction.variants import name_variants

    out = name_variants(person.names + assumed_names(person.aliases), person.aliases +
                        contact_nicknames(person.emails, person.handles))
    for phone in person.phones:
        out += phone_variants(phone)
    for email in person.emails:
        out += email_variants(email)
    for handle in person.handles:
        out += handle_variants(handle)
    for address in person.addresses:
        out += address_variants(address)
    if person.date_of_birth:
        out += dob_variants(person.date_of_birth)
    for ident in person.identifiers:
        out += id_variants(ident)
    return out


_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]{2,}")
_HANGUL_AFTER_NAME = re.compile(r"[\uac00-\ud7a3]")
# what follows a name in Korean, romanised: a vocative, a subject or topic particle, a title
# (and a place's county, city, town or village word, and the endings of "is" and "from")
_HANGUL_AFTER = re.compile(
    r"(?:I|Ya|A|Ga|Neun|Eun|Eul|Reul|Do|Ui|Ssi|Nim|Hante|Ege|Rang|Irang|Hago|Unni|Eonni|Oppa|"
    r"Nuna|Gun|Si|Eup|Myeon|Ri|Dong|Eseo|Seo|E|Ro|Euro|Yo|Eyo|Ida|Imnida|Kkaji|Buteo|Man)+")


def korean_key(word: str) -> str:
    """A Korean name romanised any usual way, reduced to one spelling ("Soo-yeon" and 수연's
    "SuYeon" are "suyun"; "Hyun-woo" and "HyeonU" are "hyunu")."""
    key = re.sub(r"[\s\-'’]", "", fold(word))
    for a, b in (("eo", "u"), ("oo", "u"), ("wu", "u"), ("ee", "i")):
        key = key.replace(a, b)
    return key


def _loose(word: str) -> str:
    """A name word folded as the matcher's view reads it ("Đức" and "DUC" alike)."""
    return fold(word).replace("đ", "d")


# before a month's word, what makes it her name: a table's direction column ("IN   May spa")
# or a kin word ("Mom of May")
_MONTH_NAMED = re.compile(r"(?:\b(?:IN|OUT)[ \t]{2,}|(?i:\b(?:mom|mother|mama|dad|father|"
                          r"sister|brother|aunt|uncle|cousin|friend|boyfriend|son|daughter)"
                          r"[ \t]+of[ \t]+))$")
# what calls someone by a name just before it: "me dicen may", "they call her my"
_CALLED_BEFORE = re.compile(r"(?i:\b(?:me|le|la|nos|te)\s+(?:dicen|llaman|decían|llamaban)|"
                            # Portuguese: "aqui eles me chamam de patience"
                            r"\b(?:me|te|a|o)\s+(?:chamam|chamavam|chama)\s+de|"
                            r"\bchamad[ao]\s+de|"
                            r"\bcall(?:s|ed)?\s+(?:me|her|him)|\bnamed|\bname\s+is|"
                            r"\bknown\s+as|\bgoes\s+by|\bwent\s+by)[\s\"“']*$")
# a word alone in brackets or quotes: "Lerina (may)" is her alias, not the verb
_ENCLOSED = re.compile(r"[(\"“'‘][^\W\d_]+[)\"”'’]")
# a verb right after a word at a sentence's start: the word is someone ("An is with my mother")
_SAID_NEXT = re.compile(r"[ \t]+(?:is|was|has|had|said|says|told|lives|lived|went|goes|stays|"
                        r"stayed|works|worked|cried|called|texted)\b")


class KnownMatcher:
    """Finds the known identifiers of every subject and related person of one case."""

    def __init__(
        self, context: CaseContext, is_word: Callable[[str], bool] | None = None
    ) -> None:
        self._is_word = is_word or (lambda _w: False)
        self.people = context.people
        self.owners = [_Owner(i, p) for i, p in enumerate(self.people)]
        for owner in self.owners:
            owner.variants = build_variants(owner.person)
            owner.towns = {v.word for v in owner.variants if v.kind == "town" and v.word
                           and v.word.isalpha() and len(v.word) >= 5}
            owner.streets = set().union(*(street_words(a) for a in owner.person.addresses))
        keep_words = {fold(w) for k in context.keep for w in re.findall(r"\w+", k)}
        # a kept person's given name: a clipped name it also begins is not surely hers
        self._keep_given = {fold(k.split()[0]) for k in context.keep if k.split()}
        self._no_fuzz = keep_words | NOT_NAMES | COMMON_WORD_NAMES
        all_tokens = set().union(*(o.tokens for o in self.owners))
        # the words of listed addresses after the street: towns, provinces, countries
        self.place_words = {fold(w) for p in self.people for a in p.addresses
                            for part in a.split(",")[1:] for w in re.findall(r"[^\W\d_]{3,}", part)
                            } - all_tokens
        self._exact_tokens = all_tokens
        self._fuzzy_cache: dict[str, tuple[int, ...]] = {}
        self._indic_keys: list[set[str]] | None = None  # name words read as Indian scripts give
        self._script_cache: dict[str, tuple[int, ...]] = {}
        self._small_cache: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._near_cache: dict[str, tuple[int, ...]] = {}
        self._clip_cache: dict[str, tuple[int, ...]] = {}
        self._seen_names: set[str] = set()  # capitalised words of the texts read, for _clipped

    # ------------------------------------------------------------ public
    def find(self, text: str) -> list[KnownHit]:
        """Known identifiers in text, longest first, without overlaps."""
        view, back = _dehyphenate(text)
        folded = fold_view(view)
        numeric = ocr_digits(view, listed=True)  # "(47O) 555-Ol16" read as the number it is
        views = [view] if numeric == view else [view, numeric]
        digits = re.sub(r"\D", "", numeric)
        hits: list[KnownHit] = []
        for owner in self.owners:
            for v in owner.variants:
                if v.digits and v.digits not in digits:
                    continue
                for source in [folded] if v.folded else views if v.digits or \
                        v.category in _NUMERIC or v.category == "ADDRESS" else views[:1]:
                    for m in v.pattern.finditer(source):
                        if m.end() > m.start():
                            hits.append(KnownHit(m.start(), m.end(), v.category, owner.index,
                                                 v.kind, v.weak))
        for start, end, run in spelled_numbers(view):  # "8three2-555-01six4"
            for owner in self.owners:
                if any(v.category == "PHONE" and v.kind.startswith("phone") and v.digits
                       and v.digits in run for v in owner.variants):
                    hits.append(KnownHit(start, end, "PHONE", owner.index, "phone"))
        for m in _MRZ_LINE.finditer(view):  # "P<PHLDIMACULANGAN<<MERCY<LUALHATI<<<<"
            parts = {fold(p) for p in re.split(r"<+", m.group(1)) if len(p) >= 3}
            parts |= {p[5:] for p in parts if len(p) > 7}  # the name after "P<PHL"
            for owner in self.owners:
                if parts & owner.tokens or any(p[3:] in owner.tokens for p in parts):
                    hits.append(KnownHit(m.start(1), m.end(1), "ID", owner.index, "mrz"))
                    break
        vouched = self._vouched(view, hits)
        hits = [h for h in hits if not self._everyday_use(view, h, vouched)
                and not _word_by_possessive(view, h) and not self._in_another_name(view, h)
                and not _town_as_word(view, h)]
        hits += [KnownHit(m.start(), m.end(), "PERSON", i, "script")  # "Ион" for Ion
                 for m in _SHORT_CYRILLIC.finditer(view)
                 for i in self._script_owners(fold(m.group(0)))]
        hits += self._arabic(view)
        hits += self._indic(view)
        hits += self._han(view)
        hits += self._hangul(view)
        hits += self._abbreviated(view)
        hits += self._common_lower(view)
        hits += self._clipped(view)
        hits += self._fuzzy(view, hits)
        hits += self._inside_links(view)
        hits += self._beside_parts(view, hits)
        hits = [h for h in hits if not _cites_code(view, h)]
        if back is not None:
            hits = [KnownHit(back[h.start], back[h.end - 1] + 1, h.category, h.owner, h.kind,
                             h.weak) for h in hits]
        hits = [_balance(text, h) for h in self._merge_names(text, hits)]
        return self._resolve(text, hits)

    # ------------------------------------------------------------ pieces
    def _fuzzy(self, view: str, found_so_far: list[KnownHit]) -> list[KnownHit]:
        """Misspelt name words in any case: one edit for five letters, two for eight."""
        out = self._short_pets(view)
        ends = {h.end: h.owner for h in found_so_far if h.category == "PERSON"}
        for m in _ANYWORD.finditer(view):
            word = re.sub(r"['’]s$", "", m.group(0)).rstrip("-'’")
            key = fold(word)
            if _CYRILLIC_GREEK.search(key):  # her name in her own script: "Оксана", "Юлечка"
                found = [KnownHit(m.start(), m.start() + len(word), "PERSON", i, "script")
                         for i in self._script_owners(key)]
                out += found or [  # her home town so written: "Татарбунари", "ВИЛКОВЕ"
                    KnownHit(m.start(), m.start() + len(word), "LOCATION", i, "town", True)
                    for i in self._script_towns(key)] or [  # her street: "ул. Орозбекова"
                    KnownHit(m.start(), m.start() + len(word), "ADDRESS", i, "street", True)
                    for i in self._script_streets(key)]
                continue
            if len(key) < 4 or key in self._exact_tokens or key in self._no_fuzz:
                continue
            if is_ordinary(key) or self._is_word(word.lower()) or (
                    len(key) == 4 and is_common_anywhere(word)):  # "Denies", not "Denise";
                # "doña", not "Doan" with two letters swapped
                found = self._respelt(view, m.start(), m.start() + len(word), key, everyday=True)
                end = m.start() + len(word)
                small = () if found else self._diminutive(key, english=True)
                if small and name_position(view, m.start(), end):  # "jazzy u done?"
                    found = [KnownHit(m.start(), end, "PERSON", i, "fuzzy") for i in small]
                out += found
                continue
            spelt = self._respelt(view, m.start(), m.start() + len(word), key, everyday=False)
            if spelt:
                out += spelt
                continue
            small = self._diminutive(key, english=False)
            if small:  # "Marianita", "Juanito", "Isabelita": her name made small in Spanish
                out += [KnownHit(m.start(), m.start() + len(word), "PERSON", i, "fuzzy")
                        for i in small]
                continue
            towns = [o.index for o in self.owners if any(_town_ending(key, t) for t in o.towns)]
            if towns:  # "pasanaurshi": in Pasanauri, her town, as Georgian writes it
                out += [KnownHit(m.start(), m.start() + len(word), "LOCATION", i, "town", True)
                        for i in towns]
                continue
            owners = self._fuzzy_cache.get(key)
            if owners is None:
                owners = self._fuzzy_owners(key)
                if not owners and key.endswith("s") and len(key) >= 5 and \
                        not is_ordinary(key[:-1]) and not self._is_word(key[:-1]):
                    owners = self._fuzzy_owners(key[:-1])  # "ubhas name": hers, misspelt
                self._fuzzy_cache[key] = owners
            end = m.start() + len(word)
            if not owners:  # "happy v day atumn lol": near an everyday-word name, in its place
                near = self._near_cache.get(key)
                if near is None:
                    near = tuple(o.index for o in self.owners if any(
                        len(t) >= 5 and osa_distance(key, t, 1) <= 1 for t in o.common))
                    self._near_cache[key] = near
                if near and (name_position(view, m.start(), end)
                             or _named_in_place(view, m.start(), end)
                             or _opens_message(view, m.start())
                             or _listed_beside(view, m.start(), ends, near)):
                    owners = near
            for idx in owners:
                out.append(KnownHit(m.start(), end, "PERSON", idx, "fuzzy"))
        return out

    def _short_pets(self, view: str) -> list[KnownHit]:
        """A pet name of three letters ("Bia" of Beatriz): capitalised, or in lower case after
        an article or where a name stands ("a bia mandou um beijo")."""
        out = []
        for m in _SHORT_PET.finditer(view):
            owners = self._diminutive(fold(m.group(0)), english=False)
            if owners and (m.group(0)[:1].isupper() or name_position(view, m.start(), m.end())
                           or _ARTICLE_BEFORE.search(view, max(0, m.start() - 6), m.start())):
                out += [KnownHit(m.start(), m.end(), "PERSON", i, "fuzzy") for i in owners]
        return out

    def _diminutive(self, key: str, *, english: bool) -> tuple[int, ...]:
        cached = self._small_cache.get((key, english))
        if cached is None:
            cached = _diminutive_owners(key, self.owners, english=english)
            self._small_cache[(key, english)] = cached
        return cached

    def _abbreviated(self, view: str) -> list[KnownHit]:
        """A given name cut short with a period, as ledgers and forms write it: "Mag." for
        Magdalena, "Balt." for Baltazar (never a month's, a day's or a title's short form)."""
        if "." not in view:
            return []
        out = []
        for m in _ABBREVIATED.finditer(view):
            key = fold(m.group(1))
            if key in _COMMON_ABBREVIATIONS or (
                    is_ordinary(key) and view[m.start() - 1:m.start()] != "("):
                continue  # "(Mag.)" beside a number is hers, "the Mag." a magazine
            for owner in self.owners:
                if any(len(t) >= 6 and t.startswith(key) and t.isalpha() for t in owner.tokens):
                    out.append(KnownHit(m.start(), m.end(), "PERSON", owner.index, "fuzzy"))
                    break
        return out

    def _script_owners(self, key: str) -> tuple[int, ...]:
        """Whose name a word in another script (Cyrillic, Greek) is, read in Latin letters: the
        same, a spelling away, or the name with a case or endearment ending ("Оксанко")."""
        owners = self._script_cache.get(key)
        if owners is None:
            # the plain reading and the Ukrainian one ("Галина" is Halyna), "y" and "i" as one
            readings = {fold(anyascii(k)).replace("'", "").replace("y", "i")
                        for k in (key, key.translate(UKRAINIAN_LATIN))}
            owners = tuple(o.index for o in self.owners if any(
                _script_match(latin, t.replace("y", "i").replace("ph", "f"), t in o.given)
                for latin in readings if latin.isalpha() and len(latin) >= 3
                for t in o.tokens if t.isalpha()))
            self._script_cache[key] = owners
        return owners

    def _script_towns(self, key: str) -> tuple[int, ...]:
        """Whose listed town a word in Cyrillic or Greek is, read in Latin letters (a letter
        away: the Ukrainian "и" is "y" in her address and "i" in the plain reading)."""
        latin = _place_reading(key)
        if latin is None:
            return ()
        return tuple(o.index for o in self.owners if any(
            osa_distance(latin, t, 2) <= (1 if len(t) < 8 else 2)
            or _town_ending(latin, t, _SCRIPT_TOWN_ENDINGS) for t in o.towns))

    def _script_streets(self, key: str) -> tuple[int, ...]:
        """Whose listed street abroad a word in Cyrillic or Greek is, read in Latin letters."""
        latin = _place_reading(key)
        if latin is None:
            return ()
        return tuple(o.index for o in self.owners if any(
            osa_distance(latin, t, 1) <= 1 for t in o.streets))

    def _arabic(self, view: str) -> list[KnownHit]:
        """Her name in Arabic or Ethiopic script: a word with her name's consonants (three or
        more), or two side by side that are two of her names ("رانيا حداد" for Rania Haddad,
        "ትግስት በቀለ" for Tigist Bekele)."""
        words = [(m.start(), m.end(), skeleton(m.group(0))) for m in _ARABIC_WORD.finditer(view)]
        if not words:
            return []
        whose = [{o.index for o in self.owners if k in o.skeletons} if len(k) >= 2 else set()
                 for _s, _e, k in words]
        read = {i for i, (start, end, _k) in enumerate(words) if _ETHIOPIC.match(view, start)
                and self._script_owners(view[start:end])}  # Ge'ez writes vowels: "ዮናስ", "yonas"
        for i in read:
            whose[i] |= set(self._script_owners(view[words[i][0]:words[i][1]]))
        called = {i for i in range(1, len(words)) if view[words[i - 1][0]:words[i - 1][1]] == "يا"}
        out = []
        for i, (start, end, key) in enumerate(words):
            for idx in whose[i]:
                beside = any(0 <= j < len(words) and idx in whose[j]
                             and not view[min(end, words[j][1]):max(start, words[j][0])].strip()
                             for j in (i - 1, i + 1))
                if len(key) >= 3 or beside or i in called or i in read:  # "يا رانيا": "O Rania"
                    out.append(KnownHit(start, end, "PERSON", idx, "script"))
        return out

    def _indic(self, view: str) -> list[KnownHit]:
        """Her name in an Indian script (Devanagari, Bengali, Gurmukhi, Gujarati, the southern
        scripts): a word with her name word's consonants, as those scripts leave the short
        vowels unwritten in a Latin reading ("रमेश" of Ramesh, "হোসেন" of Hossain)."""
        words = [(m.start(), m.end(), indic_key(anyascii(m.group(0))))
                 for m in _INDIC_WORD.finditer(view)]
        if not words:
            return []
        if self._indic_keys is None:
            self._indic_keys = [{indic_key(t) for t in o.tokens if len(t) >= 3 and t.isalpha()}
                                for o in self.owners]
        return [KnownHit(start, end, "PERSON", o.index, "script")
                for start, end, key in words if len(key) >= 3
                for o in self.owners if key in self._indic_keys[o.index]]

    def _respelt(self, view: str, start: int, end: int, key: str,
                 everyday: bool) -> list[KnownHit]:
        """A name in another of its usual spellings (spelling_key); a word that is everyday
        itself, or is the respelling of an everyday-word name, only where a name stands."""
        spelt = spelling_key(key)
        owners = [o.index for o in self.owners if (spelt in o.spellings or spelt in o.alias_tails)
                  and key not in o.tokens]
        if not owners:
            return []
        hits = []
        for i in owners:  # with the rest of its alias after it, it is her wherever it stands
            for tail in self.owners[i].alias_tails.get(spelt, []):
                m = re.compile(rf"[\s\-]?(?:{tail})(?!\w)", re.I).match(view, end)
                if m:
                    hits.append(KnownHit(start, m.end(), "PERSON", i, "fuzzy"))
        if hits:
            return hits
        common = everyday or any(self.owners[i].spellings.get(spelt, True) for i in owners)
        if common and not (name_position(view, start, end) or _named_in_place(view, start, end)
                           or _chat_use(view, start, view[start:end])):
            return []
        return [KnownHit(start, end, "PERSON", i, "fuzzy") for i in owners]

    def _common_lower(self, view: str) -> list[KnownHit]:
        """A name that is an everyday word, in lower case where a name stands ("hope said",
        "met summer", a chat speaker "destiny:")."""
        out = []
        for owner in self.owners:
            if not owner.common:
                continue
            alt = alternation({r"[\s\-]?".join(map(re.escape, re.split(r"[\s\-]+", c)))
                               for c in owner.common})
            pattern = (rf"(?<![\w@.$])(?:{alt})"
                       rf"(?:s(?=\s+[a-z]|[ \t]*(?:\n|$)|[ \t]{{2}}))?(?![^\W\uac00-\ud7a3])")
            for m in re.finditer(pattern, view, re.I):
                if _HANGUL_AFTER_NAME.match(view, m.end()):
                    # "winter도 같이 와": a Korean particle after it makes it someone
                    if m.group(0).islower():
                        out.append(KnownHit(m.start(), m.end(), "PERSON", owner.index, "alias"))
                    continue
                if m.group(0)[:1].isupper() or (
                        m.group(0).lower() in STOP_WORDS
                        and not _CALLED_BEFORE.search(view, max(0, m.start() - 24), m.start())
                        and not _ENCLOSED.match(view, max(0, m.start() - 1), m.end() + 1)
                ) or not (  # "with my friend" is no name of hers; "me dicen may" is
                        name_position(view, m.start(), m.end())
                        or _named_in_place(view, m.start(), m.end())
                        or _chat_use(view, m.start(), m.group(0))
                        or _CALLED_BEFORE.search(view, max(0, m.start() - 24), m.start())
                        # her everyday-word name in quotes: 'le dicen "vale"; "luna" sólo'
                        or _ENCLOSED.match(view, max(0, m.start() - 1), m.end() + 1)
                        or _vocative(view, m.start(), m.end())
                        or _addressed_in_another_language(view, m.start(), m.end())
                        or _amid_another_language(view, m.start(), m.end())
                        or self._paired(view, m.start(), m.end())):
                    continue
                out.append(KnownHit(m.start(), m.end(), "PERSON", owner.index, "alias"))
        return out

    def _paired(self, view: str, start: int, end: int) -> bool:
        """An everyday-word alias joined to another known name: "summer n tay", "kiki and
        destiny" are two of them, not a season."""
        # ("and" in the languages of her messages too: Wolof "Paris ak Mamie", French "et",
        # Swahili "na", Tagalog "at", Vietnamese "và")
        after = re.match(rf"[ \t]+{_AND}[ \t]+([^\W\d_]{{3,}})", view[end:end + 30])
        before = re.search(rf"([^\W\d_]{{3,}})[ \t]+{_AND}[ \t]+$",
                           view[max(0, start - 30):start])
        return any(g and fold(g.group(1)) in self._exact_tokens
                   and fold(g.group(1)) not in self._no_fuzz for g in (after, before))

    def observe(self, texts: Sequence[str]) -> None:
        """Remember the capitalised words of a batch's texts before any is read: a name cut
        short ("Shay") is not surely hers where a longer name it begins ("Shayla") is there."""
        for text in texts:
            self._seen_names |= {fold(w) for w in re.findall(r"(?<!\w)[A-Z][a-z]{3,}", text)
                                 } - self._exact_tokens

    def _han(self, view: str) -> list[KnownHit]:
        """Her name or her town in Chinese characters where the case file has them only in
        pinyin: two or three characters read aloud ("浩然" is Haoran, "高山" Gaoshan)."""
        out = []
        for m in _HAN_RUN.finditer(view):
            sounds = [anyascii(ch).lower() for ch in m.group(0)]
            for size in (3, 2):
                for i in range(len(sounds) - size + 1):
                    key = "".join(sounds[i:i + size])
                    if len(key) < 5:
                        continue
                    start, end = m.start() + i, m.start() + i + size
                    for owner in self.owners:
                        if key in owner.tokens:
                            out.append(KnownHit(start, end, "PERSON", owner.index, "script"))
                        elif key in owner.towns:
                            out.append(KnownHit(start, end, "LOCATION", owner.index, "town",
                                                True))
        return out

    def _hangul(self, view: str) -> list[KnownHit]:
        """Her name in Hangul where the case file has it only in Latin letters, with or without
        the particle or title after it ("하은이", "민지야", "수연씨")."""
        out = []
        for m in _HANGUL_RUN.finditer(view):
            syllables = re.findall(r"[A-Z][a-z]*", anyascii(m.group(0)))
            for cut in range(len(syllables), 1, -1):
                if cut < len(syllables) and not _HANGUL_AFTER.fullmatch("".join(syllables[cut:])):
                    continue
                key = korean_key("".join(syllables[:cut]))
                owners = [o.index for o in self.owners if key in o.korean]
                if owners:
                    out += [KnownHit(m.start(), m.start() + cut, "PERSON", i, "script")
                            for i in owners]
                    break
                towns = [o.index for o in self.owners
                         if any(korean_key(t) == key for t in o.towns if len(key) >= 4)]
                if towns:  # her home town so written: "보성", "보성군" (-gun, the county)
                    out += [KnownHit(m.start(), m.start() + cut, "LOCATION", i, "town", True)
                            for i in towns]
                    break
        return out

    def _clipped(self, view: str) -> list[KnownHit]:
        """Her given name cut short, as friends write it: "Tay" of Tayla, "bri" of Brianna,
        "angie" of Angeline; in lower case only where a name stands."""
        out = []
        others: set[str] | None = None
        for m in _SHORT_WORD.finditer(view):
            word = m.group(1)
            key = fold(word)
            if not 3 <= len(key) <= 6 or not key.isalpha() or key in self._exact_tokens or \
                    key in self._no_fuzz or key in NOT_PEOPLE or is_place(word) or \
                    key in _SHORT_DATES:
                continue
            if english_zipf(key) >= 3.5 and is_everyday(key) and not (  # "max", not "Max is sick"
                    word[:1].isupper() and (
                        not _opens_sentence(view, m.start())
                        and name_position(view, m.start(), m.start() + len(word))
                        # (a name in quotes: '"Jeff" = her brother', a thread '"Jeff 🐢"')
                        or view[m.start() - 1:m.start()] in ('"', "“") and m.start() > 0)):
                continue
            owners = self._clip_cache.get(key)
            if owners is None:
                owners = _clip_owners(key, self.owners)
                self._clip_cache[key] = owners
            end = m.start() + len(word)
            if owners and others is None:  # the longer names this batch has held
                self.observe([view])
                others = self._seen_names
            if owners and any(g.startswith(key) and g != key for g in self._keep_given |
                              (others or set())):
                continue  # "Shay" beside "Shayla Grant": someone else's name cut short
            if owners and re.match(r"[ \t]+[A-Z][a-z]", view[end:end + 3]):
                continue  # "Chidi Eze": someone else's full name, not hers cut short
            if not owners or word.isupper() and not self._listed_with_known(view, m.start(), end) \
                    or word[:1].islower() and not (
                    name_position(view, m.start(), end) or _chat_use(view, m.start(), word)
                    or _vocative(view, m.start(), end)
                    or _addressed_in_another_language(view, m.start(), end)):
                continue
            out += [KnownHit(m.start(), end, "PERSON", i, "fuzzy") for i in owners]
        return out

    def _listed_with_known(self, view: str, start: int, end: int) -> bool:
        """A word in capitals listed beside one of the case's names in capitals ("NELA, MOSU,
        COSTI and LILI"): a name too, not an acronym."""
        after = re.match(r"[ \t]*(?:,|and|&|/)[ \t]*(?:and[ \t]+)?([A-Z][A-Z'’\-]+)\b",
                         view[end:end + 30])
        before = re.search(r"\b([A-Z][A-Z'’\-]+)[ \t]*(?:,|and|&|/)[ \t]*$",
                           view[max(0, start - 30):start])
        return any(g and fold(g.group(1)) in self._exact_tokens for g in (after, before))

    def _vouched(self, view: str, hits: list[KnownHit]) -> set[tuple[int, str]]:
        """Everyday-word names this text uses as a name somewhere (capitalised inside a
        sentence): there, one opening a sentence is the name too ("Kiki was the one")."""
        out = set()
        for h in hits:
            if h.category != "PERSON" or h.kind not in ("name", "alias"):
                continue
            word = re.sub(r"['’]?s$", "", fold(view[h.start:h.end]))
            if word not in self.owners[h.owner].common or not view[h.start:h.start + 1].isupper():
                continue
            # a rare word ("Kiki", "Cinnamon") used as her name anywhere in the text vouches
            # for the rest; an everyday one ("Hope") only from inside a sentence
            if not _opens_sentence(view, h.start) or (
                    word_frequency(word) < 4.0 and not self._everyday_use(view, h, set())):
                out.add((h.owner, word))
        return out

    def _everyday_use(self, view: str, h: KnownHit, vouched: set[tuple[int, str]]) -> bool:
        """A capitalised everyday-word name opening a sentence that reads as the word
        ("Hope you are ok", "Summer is hot")."""
        if h.category != "PERSON" or h.kind not in ("name", "alias"):
            return False
        word = fold(view[h.start:h.end])
        owner = self.owners[h.owner]
        if _inside_place_name(view, h.start, h.end):
            return True  # "North Dakota", "Dakota County": the state, not Dakota herself
        if is_region(word) or is_place(word):  # "Immokalee, Florida", not Florida herself
            if _PLACE_BEFORE.search(view[max(0, h.start - 25):h.start]) or \
                    _PLACE_AFTER.match(view[h.end:h.end + 20]):
                return True
        if word in _MONTHS and not _MONTH_NAMED.search(view, max(0, h.start - 24), h.start) and (
                re.match(r"[ \t]*\d{1,4}(?:st|nd|rd|th)?(?!\w)",
                         view[h.end:h.end + 8]) or re.search(
                r"(?:(?<!\d)(?:[12]?\d|3[01])(?:st|nd|rd|th)?[ \t](?:of[ \t]+)?|"
                r"\b(?i:in|of|since|until|by|early|late|mid|last|next|this|every|between|from|"
                r"desde|hasta|en|de|para|a partir de|finales de|principios de)"
                r"[ \t]+)$", view[max(0, h.start - 12):h.start]) or re.match(
                rf"[ \t]*(?:and|or|to|through|thru|until|[-–/])[ \t]*(?i:{'|'.join(_MONTHS)})\b",
                view[h.end:h.end + 16])):
            return True  # "April 14, 2023", "since April", "April and June", not April herself
        if word in _HOLIDAYS and (re.search(
                r"\b(?i:since|over|at|for|before|after|until|till|by|on|during|last|next|this)"
                r"[ \t]+$", view[max(0, h.start - 10):h.start]) or re.match(
                r"[ \t]+(?i:weekend|break|sunday|holiday|holidays|season|vacation|eve|day|"
                r"dinner|service|mass|morning)\b", view[h.end:h.end + 12])):
            return True  # "since Easter", "over Easter weekend": the feast, not Easter herself
        if word in _WEEKDAYS and (re.match(
                rf"[ \t]*,?[ \t]*(?:(?i:{'|'.join(_MONTHS)})\b|\d{{1,2}}[/.\-]\d)|[ \t]+(?i:night|"
                r"morning|afternoon|evening|service|mass|school|shift|market)s?\b",
                view[h.end:h.end + 16]) or re.search(
                r"\b(?i:on|every|last|next|this|each|until|till|by|since|that|past|date|day)"
                r"[ \t:/]+$", view[max(0, h.start - 12):h.start])):
            return True  # "Sunday, May 14", "every Sunday", "Sunday night": the day
        if re.search(r"(?:\b(?:San|Santa|Santo|São|Sao|Saint|Sainte)|\bSt\.|\bSte\.)[ \t]+$",
                     view[max(0, h.start - 8):h.start]):
            return True  # "San Luis Potosí", "St. Paul": a saint's place, not Luis or Paul
        if word in _SEASONS and (re.search(r"(?<![\d/\-.])(?:19|20)\d\d[ \t]+$",
                                           view[max(0, h.start - 8):h.start]) or re.match(
                r"[ \t]+(?:(?:of[ \t]+)?(?:19|2[0O])[\dO]{2}|(?i:semester|term|quarter|session|"
                r"break|recess|classes|rates?|season|hours|schedule|camp|program|months?|"
                r"vacation|job|jobs|school|sale|clothes|heat|harvest|crop|planting|"
                r"weather|rains?|storms?|colors|leaves|festival|bonus)\b)",
                view[h.end:h.end + 22])):
            return True  # "2023 Spring", "Spring 2024", "Winter break": the season
        if _BUSINESS_AFTER.match(view, h.end) and view[h.start:h.start + 1].isupper():
            return True  # "the Pearl Lounge", "Lua Nova Turismo": a business, not her
        if word not in owner.common and re.sub(r"['’]?s$", "", word) not in owner.common:
            return False
        if word in _PLACE_SUFFIXES and (prev := re.search(
                r"([A-Z][\w'’]+)[ \t]+$", view[max(0, h.start - 30):h.start])) and \
                fold(prev.group(1)) not in owner.tokens and \
                is_small_place(f"{prev.group(1)} {view[h.start:h.end]}"):
            return True  # "PALISADES PARK POLICE": the town, in any case
        if word in _PLACE_SUFFIXES and view[h.start + 1:h.end].islower():
            # "Monterey Park", "MacArthur Park"; not Ms. Park, nor "V2 PARK" in a record
            prev = re.search(r"([A-Z][a-z][\w'’]*)[ \t]+$", view[max(0, h.start - 30):h.start])
            if prev and fold(prev.group(1)) not in owner.tokens and \
                    not HONORIFIC_BEFORE.search(view[max(0, h.start - 12):h.start]):
                return True
        if re.search(rf"(?:\b(?:{VEHICLE_MAKES})|Hurricane|Storm)\s+$",
                     view[max(0, h.start - 12):h.start]):
            return True  # "GMC Sierra", "Hurricane Hope"
        if STYLE_BEFORE.search(view, max(0, h.start - 6), h.start) and word in STYLED:
            return True  # "Her Honor's standing order", "Your Grace": a form of address
        if _DEDICATED_BEFORE.search(view, max(0, h.start - 16), h.start):
            return True  # "Our Lady of Mercy Parish", "Sisters of Charity", "City of Hope"
        if word in STOP_WORDS and (_opens_sentence(view, h.start) or re.search(
                r"[\]:>\-–—•*(\"“][ \t]*$", view[max(0, h.start - 3):h.start])) and not (
                name_position(view, h.start, h.end) or self._beside_own(view, h)
                or _SAID_NEXT.match(view, h.end)):
            return True  # "Her phone was taken" (a Hmong surname), "Will you come"; not
            # "An is with my mother"
        if (h.owner, re.sub(r"['’]?s$", "", word)) in vouched:
            return False
        if not _opens_sentence(view, h.start):
            return False
        nxt = re.match(r"\s+([\w']+)", view[h.end:h.end + 20])
        if name_position(view, h.start, h.end):
            return False  # "Sunny is here", "Hope said": the words around it make it a name
        return bool(nxt and nxt.group(1).lower() in _WORD_CONTINUATIONS)

    def _in_another_name(self, view: str, h: KnownHit) -> bool:
        """An inner word of her name between two capitalised words that are not hers: part of
        another person's name ("Đoàn Ngọc Vy", "Chị Ngọc Diệp"), not her."""
        if h.category != "PERSON" or h.kind != "name":
            return False
        owner = self.owners[h.owner]
        if fold(view[h.start:h.end]) not in owner.inner:
            return False
        before = re.search(r"([^\W\d_]+)[ \t]+(?:(?:Thị|Văn|Thi|Van)[ \t]+)?$",
                           view[max(0, h.start - 30):h.start])
        after = re.match(r"[ \t]+([^\W\d_]+)", view[h.end:h.end + 30])
        return bool(before and after) and all(
            w[:1].isupper() and _loose(w) not in owner.all_words
            for w in (before.group(1), after.group(1)))  # type: ignore[union-attr]

    def _beside_own(self, view: str, h: KnownHit) -> bool:
        """True when another word of the same person's names stands right beside the hit, or
        a title before it: "Pa Kou Her", "HER, PA KOU", "Ms. Her"."""
        before = re.search(r"([^\W\d_]+)[ \t,]+$", view[max(0, h.start - 30):h.start])
        after = re.match(r"[ \t,]+([^\W\d_]+)", view[h.end:h.end + 30])
        own = self.owners[h.owner].tokens
        return bool(before and fold(before.group(1)) in own or after and
                    fold(after.group(1)) in own or HONORIFIC_BEFORE.search(
                        view[max(0, h.start - 12):h.start]))

    def _fuzzy_owners(self, key: str) -> tuple[int, ...]:
        found = list(self._misspelt_owners(key))
        if re.search(r"\d", key):
            # OCR's digits read as the letters they stand for, then misspelt too: "Jaun1ta"
            for read in {key.translate(table) for table in (_OCR_AS_I, _OCR_AS_L)}:
                if not re.search(r"\d", read):
                    found += [i for i in self._misspelt_owners(read) if i not in found]
        return tuple(found)

    def _misspelt_owners(self, key: str) -> tuple[int, ...]:
        found = []
        for owner in self.owners:
            # a misspelling keeps its first letter or its sound ("Gnatiuk", "Kristina"), or
            # swaps the first two: "Keung" is another man's name, not "Leung" misspelt
            long_match = any(osa_distance(key, tok, 1 if len(tok) < 8 else 2)
                             <= (1 if len(tok) < 8 else 2) and (
                                 _same_sound(key[:1], tok[:1]) or key[:2] == tok[1::-1])
                             for tok in owner.fuzzy)
            # four letters: only two letters swapped ("Lxei"); one changed letter is too often
            # another word or code ("Taml", a script in a font list, is not "Tami")
            if long_match or _inflected(key, owner.fuzzy) or any(
                    len(key) == len(tok) and key[:1] == tok[:1]
                    and osa_distance(key, tok, 1) <= 1
                    and (len(tok) > 4 or sorted(key) == sorted(tok))
                    for tok in owner.fuzzy_short):
                found.append(owner.index)
        return tuple(found)

    def _inside_links(self, view: str) -> list[KnownHit]:
        out = []
        for m in _LINKISH.finditer(view):
            token = m.group(0)
            if _EMAIL_SHAPE.match(token):
                cat = "EMAIL"
            elif _URL_SHAPE.search(token):
                cat = "URL"
            elif re.fullmatch(r"[A-Z]\.[A-Z][^\W\d_]+", read := token.translate(_OCR_READ)):
                cat = "PERSON"  # a signature's initial and surname: "N.Batbayar", "A.Seitka1i"
                token = read
            elif _HANDLE_SHAPE.search(token):
                cat = "HANDLE"
            elif _CAMEL_SHAPE.match(token):
                parts = {fold(p) for p in _CAMEL_PART.findall(token)}
                for owner in self.owners:
                    if parts & owner.substrings:
                        out.append(KnownHit(m.start(), m.end(), "HANDLE", owner.index, "camel"))
                        break
                continue
            else:
                owner_index = self._run_together(token)
                if owner_index is not None:  # "dezzyharjo on venmo": Dezzy and Harjo as one
                    out.append(KnownHit(m.start(), m.end(), "HANDLE", owner_index, "joined"))
                continue
            letters = re.sub(r"[^a-z]", "", fold(token))
            # (not a name word inside an everyday word of the link: "ting" of Yu-ting in a
            # Word package's "webSettings.xml")
            words = [fold(w) for w in re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", token)]
            for owner in self.owners:
                if any(t in letters and not _inside_a_word(t, words) for t in owner.substrings):
                    out.append(KnownHit(m.start(), m.end(), cat, owner.index, "inside_link"))
                    break
        return out

    def _run_together(self, token: str) -> int | None:
        """Whose two name words a word is, run together with nothing between ("dezzyharjo",
        "TYLERWHITCOMB", "darioOkafor"); never a word of the language."""
        if len(token) < 7 or not token.isalpha():
            return None
        key = fold(token)
        if is_ordinary(key) or self._is_word(key):
            return None
        for owner in self.owners:
            if any(key[:i] in owner.tokens and key[i:] in owner.tokens
                   for i in range(3, len(key) - 2)):
                return owner.index
        return None

    def _beside_parts(self, view: str, hits: list[KnownHit]) -> list[KnownHit]:
        """Another word of the same full name right beside a part found, in any case: in
        "comfort adjei" the surname vouches for the everyday-word given name before it."""
        out = []
        for h in hits:
            if h.category != "PERSON" or h.kind not in ("name", "alias", "fuzzy"):
                continue
            full = self.owners[h.owner].full_words
            after = re.match(r"[ \t]([^\W\d_]{3,})(?![\w@.\-])", view[h.end:h.end + 40])
            if after and fold(after.group(1)) in full:
                out.append(KnownHit(h.end + 1, h.end + 1 + len(after.group(1)), "PERSON",
                                    h.owner, "name"))
            before = re.search(r"(?<![\w@.\-])([^\W\d_]{3,})[ \t]$",
                               view[max(0, h.start - 40):h.start])
            if before and fold(before.group(1)) in full:
                out.append(KnownHit(h.start - len(before.group(0)), h.start - 1, "PERSON",
                                    h.owner, "name"))
        return out

    def _merge_names(self, text: str, hits: list[KnownHit]) -> list[KnownHit]:
        """Join one person's adjacent name parts into one span, with honorific and initials."""
        people = [h for h in hits if h.category == "PERSON"]
        rest = [h for h in hits if h.category != "PERSON"]
        merged: list[KnownHit] = []
        for owner in self.owners:
            mine = sorted({(h.start, h.end): h for h in people if h.owner == owner.index}.values(),
                          key=lambda h: (h.start, -h.end))
            spans: list[KnownHit] = []
            for h in mine:
                if spans and h.start < spans[-1].end:
                    if h.end > spans[-1].end:
                        last = spans[-1]
                        spans[-1] = KnownHit(last.start, h.end, "PERSON", owner.index, last.kind)
                    continue
                if spans and self._joinable(text, spans[-1], h, owner):
                    last = spans[-1]
                    spans[-1] = KnownHit(last.start, h.end, "PERSON", owner.index, "name")
                    continue
                spans.append(h)
            merged += [self._extend(text, h, owner) for h in spans]
        return merged + rest

    @staticmethod
    def _joinable(text: str, a: KnownHit, b: KnownHit, owner: _Owner) -> bool:
        gap = text[a.end:b.start]
        middle = re.fullmatch(r"[ \t]+(?:[A-Z][^\W\d_]{2,15}|[A-Z]\.?)[ \t]+", gap)
        if middle and fold(text[a.start:a.end]).split()[0] in owner.given and \
                fold(text[b.start:b.end]).split()[-1] in owner.surnames:
            return True  # a middle name or initial the record does not hold: "Emeka Chukwudi
            # Eze", "JOY V. ABELLANA" (her sister Joy, not Rosalinda V. Abellana)
        if len(gap) > 12:
            return False
        if re.fullmatch(r"[ \t]*(?:\r?\n[ \t]*)?", gap) and gap:
            return True
        if re.fullmatch(r"\s*,\s*", gap):  # "Xiong, Mai Yer"; not "Kou Xiong, Xiong Law Office"
            return fold(text[a.start:a.end]).split()[-1] in owner.surnames and \
                fold(text[b.start:b.end]).split()[0] != fold(text[a.start:a.end]).split()[-1]
        m = re.fullmatch(r"\s+([A-Z])\.\s+", gap)
        return bool(m and m.group(1) in owner.initials)

    @staticmethod
    def _extend(text: str, h: KnownHit, owner: _Owner) -> KnownHit:
        start, end = h.start, h.end
        m = re.search(r"(?<![\w.])([A-Z])\.\s?$", text[max(0, start - 3):start]) or \
            re.search(r"(?<![\w.])([B-HJ-Z]) $", text[max(0, start - 3):start])  # "M REID"
        if m and m.group(1) in owner.initials and h.kind != "initials":
            start -= len(m.group(0))
        hm = HONORIFIC_BEFORE.search(text[max(0, start - 14):start])
        if hm:
            start -= len(hm.group(0))
        tm = re.match(r"\s([A-Z])\.(?!\w)", text[end:end + 3])
        if tm and tm.group(1) in owner.initials and h.kind != "initials":
            end += len(tm.group(0))
        return KnownHit(start, end, h.category, h.owner, h.kind, h.weak)

    def _resolve(self, text: str, hits: list[KnownHit]) -> list[KnownHit]:
        """Longest span wins; a tie between two people goes to the likelier owner."""
        hits = sorted(hits, key=lambda h: (-(h.end - h.start), h.weak, h.start))
        taken: list[KnownHit] = []
        occupied: list[tuple[int, int]] = []
        for h in hits:
            clash = [i for i, (s, e) in enumerate(occupied) if h.start < e and s < h.end]
            if clash:  # a partial overlap widens the winner, so no fragment survives
                i = clash[0]
                t = taken[i]
                start, end = min(t.start, h.start), max(t.end, h.end)
                taken[i] = KnownHit(start, end, t.category, t.owner, t.kind, t.weak and h.weak)
                occupied[i] = (start, end)
                continue
            rivals = [o for o in hits if o.start == h.start and o.end == h.end
                      and o.category == h.category]
            if len(rivals) > 1:
                h = self._likelier(text, rivals, hits)
            taken.append(h)
            occupied.append((h.start, h.end))
        return sorted(taken, key=lambda h: h.start)

    def _likelier(self, text: str, rivals: list[KnownHit], hits: list[KnownHit]) -> KnownHit:
        """The owner whose other names stand beside the span ("Nguyễn Văn Tài": the surname is
        hers and her father's, Tài only his), else a subject before a related person."""
        span = text[rivals[0].start:rivals[0].end]
        honorific = bool(re.match(r"(?i)(mr|mrs|ms|miss|mx)\b", span))
        start, end = rivals[0].start, rivals[0].end

        def beside(owner: int) -> bool:  # next to it, or one capitalised word between
            return any(o.owner == owner and o.category == "PERSON" and (o.start, o.end) != (
                start, end) and _NAME_GAP.fullmatch(
                    text[end:o.start] if o.start >= end else text[o.end:start])
                for o in hits)

        # a given name's initial before a shared surname: "M REID", "M. Reid" is Marcia's
        found = re.search(r"(?<![\w.])([A-Z])\.?[ \t]$", text[max(0, start - 4):start])
        initial = found.group(1) if found else ""

        def initialled(owner: int) -> bool:
            return any(g[:1].upper() == initial for g in self.owners[owner].given)

        ranked = sorted(
            rivals,
            key=lambda h: (
                honorific and self.people[h.owner].minor,
                bool(initial) and not initialled(h.owner),
                not beside(h.owner),
                not self.people[h.owner].is_subject,
                h.owner,
            ),
        )
        return ranked[0]


_NAME_GAP = re.compile(r"[ \t\n,]+(?:[A-ZÀ-Ý][^\W\d_]*[ \t\n]+)?")
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})


def _word_by_possessive(view: str, h: KnownHit) -> bool:
    """A name with a possessive's "s" and no apostrophe that spells an everyday word: "this"
    is not Thi's, "hers" not Her's."""
    word = view[h.start:h.end]
    return h.kind in ("name", "alias") and word[-1:] in "sS" and word.islower() and \
        is_ordinary(word) and word_frequency(word) >= 4.0 and not is_ordinary(word[:-1])


# a chat message's line: a time stamp or a date and time opens it
_CHAT_LINE = re.compile(r"[ \t]*(?:[A-Z]{2,5}-?\d{2,6}[ \t]+)?"  # an extraction's row: "SMS-0041"
                        r"(?:\[[^\]\n]{4,40}\]|\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4},?[ \t]+"
                        r"\d{1,2}:\d{2}|\d{1,2}:\d{2})")
_DETERMINERS = {"a", "an", "the", "this", "that", "some", "any", "no", "of", "like", "more",
                "much", "his", "her", "its", "our", "their", "your", "ur", "my", "in", "with"}


# Spanish "-ita", "-illo"; Portuguese "-inha"; Somali's "-yo" of affection ("Hodanyo")
def _pet_name_index() -> dict[str, set[str]]:
    """Each pet name of HYPOCORISMS and the given names it is made from."""
    index: dict[str, set[str]] = {}
    for given, pets in HYPOCORISMS.items():
        for pet in pets:
            index.setdefault(pet, set()).add(given)
    return index


_PET_NAME_OF = _pet_name_index()
_SHORT_PET = re.compile(r"(?<![\w@.'’\-])(?i:" + "|".join(
    sorted(p for p in _PET_NAME_OF if len(p) == 3)) + r")(?![\w'’\-])")
# Portuguese and Spanish put an article before a given name: "a bia", "da bia", "el lucho"
_ARTICLE_BEFORE = re.compile(r"\b(?i:a|o|da|do|na|no|pra|pro|el|la)[ \t]+$")
_DIMINUTIVE = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:c?it[ao]|ecit[ao]|ill[ao]|ic[ao]|z?inh[ao]|yo)$")
_ENGLISH_DIMINUTIVE = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:y|ie|ey)$")


def _diminutive_owners(key: str, owners: list[_Owner], *, english: bool = False
                       ) -> tuple[int, ...]:
    """Whose given name or alias a diminutive is: in Spanish Mariana -> Marianita, Juan ->
    Juanito, Isabel -> Isabelita, Carmen -> Carmencita; in English (where the matcher has
    seen a name's place) Jazz -> Jazzy."""
    pet = _PET_NAME_OF.get(key)
    if pet and not english:  # "Lupita" of Guadalupe, "Chuy" of Jesús
        # (of a second given name too: "Bia" of Ana Beatriz)
        return tuple(o.index for o in owners if pet & (set(o.given_words) | o.full_words))
    m = (_ENGLISH_DIMINUTIVE if english else _DIMINUTIVE).match(key)
    if m is None:
        return ()
    stem = m.group("stem")
    # (Portuguese drops a closing s before "-zinho": Mateus, "Mateuzinho")
    forms = {stem} if english else {stem, stem + "a", stem + "o", stem + "e", stem + "s"}
    # (in Spanish from a short name too, Ana -> Anita, and from a name's first syllable,
    # Wilber -> Wilito)
    return tuple(o.index for o in owners
                 if any(t in forms and len(t) >= 3 or not english and len(stem) >= 3
                        and len(t) >= 5 and t.startswith(stem) and t.isalpha()
                        for t in o.given_words)
                 and not any(t == key for t in o.tokens))


_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")
_SHORT_WORD = re.compile(r"(?<![\w@.\-])([^\W\d_]{3,6})(?:['’]?s)?(?![\w@\-])")
_SHORT_DATES = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept",
                          "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
                          "thurs", "fri", "sat", "sun"})
_CLIP_END = re.compile(r"^(?P<stem>[a-z]{3,}?)(?:ie|y|i|ey)$")




# case endings a name takes in the languages of Eastern Europe: Romanian "Ciungului" (of
# Ciungu), "Ionelei"; Polish "Zofii", "Zofię", "Piotrowi"; Czech and Slovak "Janovi"
# (in the folded view, where "Zofię" is "zofie")
_ENDINGS = ("lui", "ului", "ul", "ule", "ei", "ii", "ie", "owi", "ovi", "em", "om", "iei",
            # and the "-jon" of endearment in Tajik and Uzbek: "Umedjon" of Umed
            "jon", "jan", "joon")


# what Georgian, Turkish and the Baltic languages add to a place's name: "Pasanaurshi" (in
# Pasanauri), "Tianetidan" (from Tianeti), "Pasanauris" (of)
_TOWN_ENDINGS = ("shi", "ši", "is", "dan", "idan", "ze", "mde", "da", "de", "ta", "te", "ya")
# and what Russian and the Turkic languages written in Cyrillic add: "в Кочкоре", "из Кочкора",
# "Кочкорго" (to Kochkor, in Kyrgyz), "Кочкордон" (from)
_SCRIPT_TOWN_ENDINGS = _TOWN_ENDINGS + (
    "a", "e", "u", "om", "go", "ga", "ge", "ka", "ke", "ko", "do", "to", "den", "don", "ten",
    "tan", "ton", "nin", "nyn", "dun", "tun", "dagy", "daky", "tagy")


def _place_reading(key: str) -> str | None:
    """A word in another script read in Latin letters, if long enough to be a place's name."""
    latin = fold(anyascii(key)).replace("'", "")
    return latin if latin.isalpha() and len(latin) >= 5 else None


def _town_ending(key: str, town: str, endings: tuple[str, ...] = _TOWN_ENDINGS) -> bool:
    """True when key is her listed town (six letters or more) with a case ending."""
    if len(town) < 6 or " " in town or not key.startswith(town[:-1]):
        return False
    return key[len(town):] in endings and key.startswith(town) or \
        town[-1] in "aeiou" and key[len(town) - 1:] in endings


def _inflected(key: str, tokens: Iterable[str]) -> bool:
    """True when key is one of the name words with a case ending (the word's own closing
    vowel dropped or kept) and no given name of its own."""
    if len(key) < 5 or is_first_name(key) or is_ordinary(key):
        return False
    for tok in tokens:
        if len(tok) < 4 or not key.startswith(tok[:-1]):
            continue
        for stem in (tok, tok[:-1]) if tok[-1] in "aeiouy" else (tok,):
            if key.startswith(stem) and key[len(stem):] in _ENDINGS:
                return True
    return False


_AND = r"(?:n|and|&|y|\+|ak|et|e|i|na|at|va|và|dan|und)"
_SOUNDS = ("ckq", "gh", "iyj", "vwb", "sz", "ae", "ou")


def _same_sound(a: str, b: str) -> bool:
    """True for two first letters a spelling may trade: the same, or one sound ("C"/"K")."""
    return a == b or any(a in g and b in g for g in _SOUNDS)


def _script_match(latin: str, token: str, given: bool) -> bool:
    """A name in another script read in Latin letters against one of her name words: the
    same, a spelling away, with a case or endearment ending ("Максима", "Оксанко"), or her
    given name cut short ("Макс" of Maksym)."""
    if latin == token:
        return True
    if len(token) < 4:
        return False
    return (osa_distance(latin, token, 2) <= (1 if len(token) < 8 else 2)
            or (latin.startswith(token[:-1]) and len(latin) - len(token) <= 2)
            or (latin.startswith(token) and latin[len(token):] in ("jon", "jan", "joon"))
            or (given and len(latin) >= 4 and token.startswith(latin)))


_NAME_PREFIXES = {"md", "mohammed", "muhammad", "mohammad", "mohd", "mst", "mosammat", "sk",
                  "sheikh"}


def _clip_owners(key: str, owners: list[_Owner]) -> tuple[int, ...]:
    """Whose given name begins with key, two letters or more longer ("tay" of Tayla), or with
    key's stem before a pet ending ("angie" of Angeline)."""
    end = _CLIP_END.match(key)
    stems = {key} | ({end.group("stem")} if end else set())
    found = []
    for owner in owners:
        # (the given name after a prefix that is no name of hers: "Md. Rafiqul Islam")
        given = {fold(next((w for w in name_words(n) if fold(w).strip(".") not in _NAME_PREFIXES),
                           ""))
                 for n in owner.person.names} - {""}
        # "Max" of Maksym: the Slavic "ks" is an x in English
        given |= {g.replace("ks", "x") for g in given if "ks" in g}
        # a one-word alias cut short as her name is: "bhoy" of Bhoye (not an everyday word's)
        given |= {fold(a) for a in owner.person.aliases if re.fullmatch(r"[^\W\d_]{4,}", a)
                  and not is_everyday(a.lower())}
        # ("tash" of Tasha, "jess" of Jessa: four letters or more, her closing vowel gone)
        if any(g.startswith(s) and g.isalpha() and (len(g) >= len(s) + 2 or len(s) >= 4 and
                                                    len(g) == len(s) + 1 and g[-1] in "aeiy")
               for g in given for s in stems):
            found.append(owner.index)
    return tuple(found) if len(found) == 1 else ()


_GREETING = re.compile(r"(?:^|[:\]>\[][ \t]*)(?:(?i:hey|hi|hii+|hello|yo|gg|ok|okay|bye|thanks|thx|"
                       r"ty|sup|omg|lol|love u|miss u|night|morning)[,!]?[ \t]+)?$")
_ADDRESSED_NEXT = re.compile(r"[ \t]*(?:[,!?]|(?i:i|u|you|ur|we|pls|plz|where|wya|wyd|are|r|can|"
                             r"did|do|dont|don't|come|call|text|answer|im|i'm|go|be|get|tell|"
                             r"send|bring|wait|stop|sleep|eat|take|when|what|why|how)\b)")
# a chat message's translation, indented under it: "    [june, be there 9am tomorrow]"
_TRANSLATION_LINE = re.compile(r"[ \t]+\[")


def _vocative(view: str, start: int, end: int) -> bool:
    """An everyday word opening a chat message, or after its greeting, and spoken to: "summer
    i can pick u up", "gg summer u carried that"; she is addressed by her name."""
    line_start = view.rfind("\n", 0, start) + 1
    if start - line_start > 120 or not (_CHAT_LINE.match(view, line_start)
                                        or _TRANSLATION_LINE.match(view, line_start)):
        return False
    nxt = _ADDRESSED_NEXT.match(view, end)
    if nxt is None or not _GREETING.search(view, line_start, start):
        return False
    # "hope u are well", "miss you": the verb, with its object
    return not (fold(view[start:end]) in _OBJECT_VERBS and nxt.group(0).strip().lower() in
                {"u", "you", "ur", "i", "we", "im", "i'm"})


_OBJECT_VERBS = {"hope", "miss", "love", "wish", "trust", "bless", "thank", "like", "want",
                 "need", "see", "hate", "believe", "guess", "bet", "know", "swear", "promise",
                 "will", "may", "can", "must", "pray", "kiss", "hug", "adore", "honor", "grace"}


# English as chats write it, rare in print: no sign the message is in another language
_CHAT_ENGLISH = {"yall", "tmrw", "tmr", "tmrrw", "rn", "bc", "ima", "imma", "gonna", "wanna",
                 "gotta", "lemme", "kinda", "pls", "plz", "thx", "ty", "omw", "idk", "ik", "ily",
                 "lmk", "wyd", "wya", "hbu", "nvm", "tho", "bout", "cuz", "coz", "ur", "u", "r"}


def _addressed_in_another_language(view: str, start: int, end: int) -> bool:
    """An everyday-word alias opening a chat message whose next word is no English: the
    message is in her language and opens by naming her ("hope ngu di", "june mai 9h co mat"),
    where "hope you are ok" would be the verb."""
    head = view[view.rfind("\n", 0, start) + 1:start]
    if not _CHAT_LINE.match(head) or not re.search(r"\S[ \t]*:[ \t]+$", head):
        return False
    nxt = re.match(r"[ \t]+([^\W\d_]{2,})\b", view[end:end + 30])
    if not nxt:
        return False
    word = nxt.group(1).lower()
    return word not in _CHAT_ENGLISH and english_zipf(word) < 3.6 and not is_ordinary(word)


def _amid_another_language(view: str, start: int, end: int) -> bool:
    """An everyday-word alias in lower case inside a line written in another language
    ("Днес winter и itso на ...", "pun cartonasul cu mercy pe ea?"): there the English word
    is no word of the sentence but her name. (Not a word of that language: "perdió la
    esperanza" is hope lost, in Spanish.)"""
    if language_lean(view[start:end]) != -1:
        return False
    line_start = view.rfind("\n", 0, start) + 1
    line_end = view.find("\n", end)

    def words(part: str) -> list[str]:
        return [w for w in re.findall(r"[^\W\d_]+", part) if w.islower() or not w.isascii()]

    # the three words on each side: "사람이 많다. the winter was cold" is English there
    near = words(view[line_start:start])[-3:] + \
        words(view[end:line_end if line_end >= 0 else len(view)])[:3]
    leans = [language_lean(w) for w in near]
    foreign = leans.count(1)
    return foreign >= 2 and foreign >= 3 * leans.count(-1)


def _chat_use(view: str, start: int, word: str) -> bool:
    """A rarely written word that is her alias, in lower case in a chat message and not after
    an article or a possessive ("member kiki from ur school?"), is her name."""
    if word_frequency(fold(word)) >= 4.0 or spanish_zipf(word) >= 3.9:
        return False  # "no hay consuelo": an everyday word in English or Spanish
    line_start = view.rfind("\n", 0, start) + 1
    if start - line_start > 240 or not _CHAT_LINE.match(view, line_start):
        return False  # a message is short: a part read as one line is no message
    before = re.findall(r"[\w']+", view[max(line_start, start - 12):start])
    return not before or before[-1].lower() not in _DETERMINERS


def _dehyphenate(text: str) -> tuple[str, list[int] | None]:
    """Join words hyphenated across a line end; return the view and its offsets in text."""
    if not _SOFT_BREAK.search(text):
        return text, None
    parts: list[str] = []
    back: list[int] = []
    pos = 0
    for m in _SOFT_BREAK.finditer(text):
        parts.append(text[pos:m.start()])
        back.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    back.extend(range(pos, len(text)))
    back.append(len(text))
    return "".join(parts), back


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december",
           # in Spanish and Portuguese, where a month is a given name: Abril, Marzo, Junio
           "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"}
_PLACE_SUFFIXES = {"park", "hill", "hills", "lake", "grove", "beach", "springs", "valley",
                   "heights", "gardens", "square", "plaza", "ridge", "woods", "field", "fields"}
_PLACE_BEFORE = re.compile(r"(?:\b[A-Z][\w.'’\-]*,[ \t]*|"
                           # a journey's end: "came to Tennessee", "drove me to Memphis"
                           r"\b(?i:came|moved|went|drove|driven|back|returned|travell?ed|fled|"
                           r"brought|taken|sent|trafficked|transported|relocated|flew|flown)"
                           r"(?:[ \t]+(?i:me|her|him|us|them))?[ \t]+(?i:to|into)[ \t]+|"
                           # "a photo of Sofia", "the mother of Sofia": of whom, not where
                           r"(?<!photo )(?<!photos )(?<!picture )(?<!video )(?<!videos )"
                           r"(?<!mother )(?<!father )(?<!custody )(?<!care )(?<!name )"
                           r"(?<!parents )(?<!images )"
                           r"\b(?i:in|of|from|via|across|throughout|"
                           r"outside|state of|district of|en|ciudad de|estado de)\s+)$")
_PLACE_AFTER = re.compile(r"\s+(?:law|laws|state|Statutes?|Stat\.|Department|Dep't|County|Keys|"
                          r"Panhandle|Highway|Bar|Supreme|Court|border|residents?|plates?|tags?|"
                          r"(?:driver'?s )?licen[cs]e|DL|PD|Police|Sheriff)\b|"
                          # a city before its state: "Memphis, Tennessee", "Memphis, TN"
                          rf",[ \t]*(?:{STATE_NAMES}|(?-i:[A-Z]{{2}}))\b(?!['’])")
# a state's abbreviation citing its code: "Tenn. Code Ann. § 39-14-103", "Ark. Stat."
_CITATION_AFTER = re.compile(r"\.?[ \t]+(?:Code|Stat\.|Stats\.|Ann\.|Comp\.|Rev\.|Gen\.|Laws|"
                             r"Crim\.|Civ\.|Penal|Fam\.|Admin\.|R\.|Const\.)(?![\w])")


_HOLIDAYS = {"easter", "christmas", "thanksgiving", "halloween", "passover", "ramadan", "eid",
             "diwali", "hanukkah", "kwanzaa", "lent", "pentecost", "advent"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _listed_beside(view: str, start: int, ends: dict[int, int], near: tuple[int, ...]) -> bool:
    """True when the word follows her name as another way of writing it: "called me autumn or
    autumnn", "Autumn / Autumnn"."""
    m = re.search(r"[ \t]*(?:,|/|\bor\b|\bo\b)[ \t]*$", view[max(0, start - 6):start])
    return m is not None and ends.get(start - len(m.group(0))) in near


def _opens_message(view: str, start: int) -> bool:
    """True when a chat message begins at start: "lijon.k: cricketz scared" (a word no
    dictionary holds, a spelling away from her everyday-word alias, opening a message)."""
    head = view[view.rfind("\n", 0, start) + 1:start]
    return len(head) <= 80 and re.search(r"\w[\w.\-]*[ \t]*:[ \t]+$", head) is not None


def _cites_code(view: str, h: KnownHit) -> bool:
    """A name's word abbreviated before a code's name: "Tenn. Code Ann. § 39-14-103" cites the
    state's code, whoever is called Tennessee."""
    return h.category == "PERSON" and "." in view[h.end - 1:h.end + 1] and \
        _CITATION_AFTER.match(view, h.end) is not None


_COMPASS_BEFORE = re.compile(r"\b(North|South|East|West|New|Upper|Lower|Central|Nossa Senhora|"
                             r"Nuestra Señora|Notre Dame|Our Lady)[ \t]+$")
_DIVISION_AFTER = re.compile(r"[ \t]+(?:County|Parish|Township|Borough|Province|Region)\b")


def _inside_place_name(view: str, start: int, end: int) -> bool:
    """A capitalised name word that is one word of a longer place's name: "North Carolina",
    "South Dakota", "Dakota County", "Nossa Senhora Aparecida" (a saint's shrine and town)."""
    if not view[start:start + 1].isupper():
        return False
    before = _COMPASS_BEFORE.search(view, max(0, start - 16), start)
    if before:
        whole = f"{before.group(1)} {view[start:end]}"
        if before.group(1)[0] in "NO" and " " in before.group(1) or is_region(whole) or \
                is_world_region(whole) or city_population(whole) or is_small_place(whole):
            return True
    return _DIVISION_AFTER.match(view, end) is not None and not \
        HONORIFIC_BEFORE.search(view[max(0, start - 12):start])


def _inside_a_word(token: str, words: list[str]) -> bool:
    """True when a name word is only found inside longer everyday words of a link, or only
    across the seam of two of them ("mali" of "schemaLibrary" in a Word package's link)."""
    def everyday(w: str) -> bool:
        return is_ordinary(w) or is_ordinary(w.rstrip("s"))

    holders = [w for w in words if token in w]
    if holders:
        return all(w != token and everyday(w) for w in holders)
    joined, ends = "", []
    for w in words:
        joined += w
        ends.append(len(joined))
    at = joined.find(token)
    if at < 0:
        return False
    while at >= 0:
        first = next(i for i, e in enumerate(ends) if e > at)
        last = next(i for i, e in enumerate(ends) if e >= at + len(token))
        if not all(everyday(w) for w in words[first:last + 1]):
            return False
        at = joined.find(token, at + 1)
    return True


def _town_as_word(view: str, h: KnownHit) -> bool:
    """Her town named by an everyday word, capitalised only because it opens a sentence:
    "Come to Paris" is no Comè."""
    if h.category != "LOCATION" or h.kind != "town":
        return False
    written = view[h.start:h.end]
    before = view[max(0, h.start - 40):h.start].rstrip()
    return written[1:].islower() and " " not in written and is_ordinary(fold(written)) and \
        english_zipf(fold(written)) >= 4.0 and (not before or before[-1] in ".!?") and \
        not re.match(r"[ \t]*\d", view[h.end:h.end + 4])  # "Ward 2" is her address


def _opens_sentence(view: str, start: int) -> bool:
    return not start or bool(re.search(r"(?:^|[.!?]\s*|\n\s*)$", view[max(0, start - 3):start]))


_QUOTED = re.compile(r"[\"“”‘'«]")


def _named_in_place(view: str, start: int, end: int) -> bool:
    """Where a known everyday-word alias in lower case can only be her: in quotation marks
    ("cinnamon" per desk note), after "name is", as a possessive ("mercys passport"), or
    addressed at the end of a chat message ("u owe me for the room cinnamon.")."""
    if _QUOTED.match(view[start - 1:start] if start else "") and (
            _QUOTED.match(view[end:end + 1])
            or re.match(r"[,.!?]?[\"”']|[ \t]+\w{1,2}\.?[\"”']", view[end:end + 6])):
        return True  # "cinnamon", "kitty," "lilly k"
    if re.search(r"(?i)\b(?:name|nombre|nome|pangalan)\s+(?:is|es|é|ay|was)\s+[\"“']?$",
                 view[max(0, start - 21):start]):
        return True
    if re.match(r"[ \t]+(?:is|was|isn'?t|wasn'?t|aint|ain'?t)[ \t]+(?:not[ \t]+)?"
                r"(?:my|her|his|your|ur)[ \t]+(?:real[ \t]+)?name\b", view[end:end + 30], re.I):
        return True  # "grace is not my name"
    if re.search(r"(?i)(?:^|[^\w'’])(?:el|la)[ \t]+$", view[max(0, start - 4):start]) and \
            spanish_zipf(view[start:end]) < english_zipf(view[start:end]) - 0.5:
        return True  # "el winter esta bien": Spanish's article before an English word, a name
    if re.match(r"[ \t]*\([ \t]*\+?\d[\d \t().\-]{6,}\)", view[end:end + 24]):
        return True  # a contact list's entry: "honey (+1 832 555 0166)"
    if re.search(r"(?i)\b(?:auntie|aunty|aunt|tia|tía|tita|tito|uncle|tio|tío|cousin|prima|primo|"
                 r"grandma|grandpa|granny|nana|abuela|abuelo|lola|lolo|sis|bro|"
                 # older sister, brother, little one in Vietnamese, Tagalog, Spanish, Somali
                 r"chi|chị|ate|kuya|manang|manong|ading|hermana|hermanita|hermano|mana|"
                 r"manita|irmã|irma|irmão|walaal|abaayo|tante|matant|cuz|sista)[ \t]+$",
                 view[max(0, start - 10):start]):
        return True  # "auntie june has been looking everywhere for u"
    if re.search(r"(?i)\bdisplay(?:[ \t]?name)?:?[ \t]*[\"“]$", view[max(0, start - 16):start]):
        return True  # a chat export's display name: display "summer rose"
    if re.search(r"(?i)\b(?:display|user|screen|profile|contact)[ \t]?name:[ \t]*$",
                 view[max(0, start - 24):start]) and re.match(r"[ \t]*(?:\n|$)", view[end:end + 4]):
        return True  # "Local user display name: hope"
    if _KIN_AFTER.match(view, end):
        return True  # "summer didi aap bhi", "lucha didi": a name and the kin word after it
    if re.search(r"\b(?:removed|added|blocked|mentioned)[ \t]+$", view[max(0, start - 10):start]) \
            and re.match(r"[\U0001F000-\U0001FAFF\u2600-\u27BF]|[ \t]*(?:\n|$)",
                         view[end:end + 2]):
        return True  # a chat's system line: "Ibrahima removed grace🌸"
    line_start = view.rfind("\n", 0, start) + 1
    line_end = view.find("\n", end)
    line = view[line_start:line_end if line_end >= 0 else len(view)]
    if re.search(r"(?i)\bfor[ \t]+$", view[max(0, start - 5):start]) and \
            re.fullmatch(r"[ \t.!]*", view[end:line_end if line_end >= 0 else len(view)]) and \
            re.search(r"[$€£₱]\s?\d|\d\.\d\d\b", line):
        return True  # a payment's memo naming who it was for: "+$300.00   for paris"
    if re.search(r"\S(?:[ \t]{3,}|\t)$|^[ \t]*[\[(\"“]$|"
                 r"^\[[\d/:.,\- ]+(?:[ap]\.?m\.?)?\][ \t]*[\w .'’\-]{1,40}:[ \t]+$|"
                 r"^[\d/.\-]{6,10},?[ \t]+\d{1,2}:\d\d(?::\d\d)?(?:[ \t]?[AP]M)?[ \t\-]+"
                 r"[^:\n]{1,40}:[ \t]+$",
                 view[line_start:start], re.I) and _VOCATIVE_NEXT.match(view, end):
        return True  # a message opening with her name: "   mercy where is the log"
    if _CHAT_LINE.match(view, line_start) and re.search(r"[.!?][ \t]+$", view[line_start:start]) \
            and _VOCATIVE_ASKED.match(view, end):
        return True  # "they took our passports. justice are you in building 7"
    if view[start - 1:start] == "(" and view[end:end + 1] == ")" and re.search(
            r"(?:\b[A-Z][a-z]+|\b[A-Z]{2,}-\d{4,}|\]|\d{1,2}/\d{1,2}\])[ \t]*\($",
            view[max(0, start - 30):start]) and not re.search(
                r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)[ \t]*\($", view[max(0, start - 30):start]):
        return True  # "love Kiki (winter)", "SKB-6620193 (sunny)": her other name, bracketed
    word = view[start:end]
    if word.endswith("s") and re.match(r"\s+[a-z]{3,}|[ \t]*(?:\n|$)|[ \t]{2}|[\"”»]",
                                       view[end:end + 12]) and not is_ordinary(fold(word)) \
            and not re.search(r"(?i)\b(?:the|these|those|some|many|few|all|no|two|three|"
                              r"several|more|of|and)[ \t]+$", view[max(0, start - 10):start]):
        return True  # "mercys passport", "leave ur phone at destinys"
    line_start = view.rfind("\n", 0, start) + 1
    if start - line_start > 240:
        return False  # a message is short: a part read as one line is no message
    head = view[line_start:start]
    line_end = view.find("\n", end)
    rest = view[end:line_end if line_end >= 0 else len(view)]
    if not (re.search(r"\w[\w.\-]*\s*(?:[^\w\s:]{1,4}\s*)?:\s+\S", head) or (
            _CHAT_LINE.match(view, line_start) and re.search(r"\S[ \t]{3,}\S", head))):
        return False  # a message: after its sender and a colon, or in an export's columns
    before = re.findall(r"[\w']+", head)
    if re.fullmatch(r"\s*[.?!,]*\s*(?:lol|lmao|haha|jaja|too|also|2)?\s*[.?!]*\s*", rest):
        return not before or before[-1].lower() not in _NOT_VOCATIVE  # not "keep the faith."
    return bool(re.match(r"[.?!,]", rest) and before and before[-1].lower() not in _NOT_VOCATIVE)


# a kin or respect word said after a name in the clients' languages: Hindi and Nepali "didi",
# "bhai", "ji", Bengali "apu", Mandarin "ayi", "jie", Korean "unni", Japanese "san"
_KIN_AFTER = re.compile(r"[ \t]+(?:didi|di|ji|bhai|bhaiya|bhaiyya|dada|apu|apa|ayi|jie|jiejie|"
                        r"gege|unni|unnie|oppa|san|chan|kun|sama)\b(?![ \t]*:)")
# words that follow a name a message is addressed to: "mercy where is", "kiki u ok"
_VOCATIVE_NEXT = re.compile(r"[ \t,]+(?:where|are|r|u|you|ur|can|could|did|pls|please|plz|call|"
                            r"come|im|i'm|its|it's|dont|don't|why|what|when|how|hey|omg|we|"
                            r"text|answer|wtf|omg|pls|plz|its|it's|donde|dónde|estas|estás|"
                            r"ven|contesta|llamame|llámame|oye|mira|onde|cadê|cade|kijan)\b", re.I)
# what follows a name called out inside a message: "justice are you there", "winter where r u"
_VOCATIVE_ASKED = re.compile(r"[ \t,]+(?:are[ \t]+(?:you|u)|r[ \t]+u|where|u[ \t]+ok|you[ \t]+ok|"
                             r"pls|please|plz|call[ \t]+me|text[ \t]+me|answer|dont|don't|"
                             r"donde|dónde|onde|cadê|cade)\b", re.I)
_NOT_VOCATIVE = {"a", "an", "the", "some", "my", "your", "ur", "her", "his", "of", "with", "and",
                 "or", "more", "no", "any", "this", "that", "el", "la", "de", "con", "y",
                 # a copula or an adverb before an adjective: "no es justo", "so sweet"
                 "es", "era", "fue", "está", "esta", "muy", "tan", "más",
                 "so", "too", "very",
                 # a verb or quantifier that takes it as its object: "no hay esperanza, doctora"
                 "hay", "tengo", "tiene", "tienes", "tenemos", "sin", "mucha", "mucho", "poca",
                 "poco", "una", "un", "mi", "tu", "su", "have", "has", "had", "lost", "without",
                 "much", "little", "tenho", "tem", "sem", "uma", "um",
                 # a time the word is: "since last winter", "see u in the summer"
                 "last", "next", "every", "all", "past", "early", "late", "mid", "during",
                 "since", "until", "till", "for", "in", "by", "before", "after", "at", "on",
                 "through", "whole", "sweet", "hot", "cold", "long"}


def _balance(text: str, h: KnownHit) -> KnownHit:
    """Leave an opening parenthesis the span does not close ("(305.555.0123)")."""
    span = text[h.start:h.end]
    if span.startswith("(") and ")" not in span:
        return KnownHit(h.start + 1, h.end, h.category, h.owner, h.kind, h.weak)
    return h
