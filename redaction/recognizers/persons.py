"""Private persons the case file does not know: NER, honorifics, nicknames, chat speakers."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from anyascii import anyascii
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.gazetteer import (
    city_population,
    english_zipf,
    is_everyday,
    is_everyday_in_chat,
    is_first_name,
    is_language_name,
    is_name_in_chat,
    is_ordinary,
    is_place,
    is_rare_word,
    is_region,
    is_small_place,
    is_surname,
    is_word_abroad,
    is_world_region,
    spanish_zipf,
    us_city_population,
)
from redaction.lexicon import (
    BRANDS,
    HONORIFIC,
    NOT_NAMES,
    NOT_PEOPLE,
    ROLE_AFTER,
    STATE_NAMES,
    STYLE_BEFORE,
    STYLED,
    UKRAINIAN_LATIN,
    US_STATES,
    VEHICLE_MAKES,
)
from redaction.positions import name_position
from redaction.recognizers.base import result
from redaction.record_variants import SUFFIX_FORMS
from redaction.variants import fold

_LIST_ITEM = re.compile(r"[a-zà-ÿ]{3,}")


def _in_name_list(text: str, start: int, end: int) -> bool:
    """A lower-case given name in a list of given names: "adam, chad and caleb"."""
    left = re.search(r"([a-zà-ÿ]{3,})\s*(?:,|\band\b|&)\s*$", text[max(0, start - 20):start])
    right = re.match(r"\s*(?:,|\band\b|&)\s*([a-zà-ÿ]{3,})", text[end:end + 20])
    return any(m is not None and is_first_name(m.group(1)) and not is_everyday(m.group(1))
               for m in (left, right))


def _stop_words() -> set[str]:
    """Stop words of the languages clients write in, and day and month abbreviations."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.tl.stop_words import STOP_WORDS as TL

    extra = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan",
             "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
             "tex", "cal", "ariz", "ga", "fla", "ida", "mo", "reg", "ids"}
    words = {w for w in EN | ES | TL if w.isalpha() and len(w) <= 12}
    return {re.escape(w) for w in words | extra}


_PARTICLES = {"de", "del", "de la", "la", "van", "von", "da", "dos", "das", "bin", "al", "el",
              "le", "di", "du", "y"}
_PAY_WORDS = {"checking", "savings", "account", "acct", "card", "bank", "visa", "debit",
              "credit", "self", "ref", "memo", "id", "conf", "online", "mobile", "external"}
_PARTICLES = {"van", "văn", "thi", "thị", "de", "del", "da", "dos", "bin", "binti", "al", "el"}
_ORG_WORDS = {
    "growers", "labor", "valley", "survivors", "rights", "bank", "union", "university",
    "college", "foundation", "association", "partners", "holdings", "company", "network",
    "media", "platform", "trust", "legal", "law", "firm", "agency", "council", "board",
    "committee", "commission", "institute", "ministries", "church", "academy", "systems",
    "solutions", "industries", "enterprises", "international", "national", "american",
    "united", "states", "america", "federal", "department", "bureau", "administration",
    "hospital", "medical", "health", "care", "motel", "hotel", "inn", "suites", "resort",
    "hotels", "motels", "resorts", "inns", "platforms", "technologies", "banks",
    "airlines", "express", "logistics", "farms", "farm", "ranch", "restaurant", "cafe", "spa",
    "cuadrilla", "project", "center", "coalition", "alliance", "clinic", "ministry",
    "healthcare", "services", "shelter", "pd", "police", "sheriff", "school", "schools",
    # the same in the clients' other languages: a van company, an agency, a shop
    "turismo", "tours", "travel", "transportes", "viagens", "agencia", "empresa", "servicios",
    "lodge", "lodges", "plaza", "kapitalbank",
    "servicos", "manpower", "staffing", "recruitment", "trading", "imports", "exports",
}
_NOT_PERSON_LABELS = {"GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART",
                      "LANGUAGE"}
_NAME_RUN = re.compile(
    r"(?<![\w'’.@])[A-Z][a-zà-ÿ'’\-]+(?:\s(?:(?:de|del|la|van|von|da|dos|y)\s)?"
    r"[A-Z][a-zà-ÿ'’]+(?:-?[a-zà-ÿ'’]+|-[A-Z][a-zà-ÿ'’]+)*){1,3}(?![\w@])"
)
_SEGMENT_SPLIT = re.compile(r"\s{2,}|\n|\s[-–|/]\s|[|/]")
_GIVEN = re.compile(
    r"(?<![\w@.$#/\-])(?P<f>[^\W\d_][^\W\d_'’]+)(?![\w@])(?:(?=(?:[ \t]|[ \t]*\n[ \t]*)"
    r"(?:[A-Z]\.?[ \t])?"
    r"(?P<s>[A-Z][^\W\d_'’\-]+(?:-[A-Z][^\W\d_]+)?(?:[ \t][A-Z][^\W\d_'’\-]+(?:-[A-Z]"
    r"[^\W\d_]+)?)?)(?![\w@])))?"
)
@lru_cache(maxsize=32768)
def _describes(words: tuple[str, ...]) -> bool:
    return PersonRecognizer._describes_uncached(words)


def _phrases(*groups: tuple[str, ...]) -> frozenset[str]:
    """Every phrase made of one word from each group, in order ("guy named", "her cousin")."""
    out = [""]
    for group in groups:
        out = [f"{o} {w}".strip() for o in out for w in group]
    return frozenset(out)


_PRONOUNS = ("him", "her", "them")
_PEOPLE = ("man", "woman", "guy", "girl", "someone", "person", "pimp", "boss")
_KIN = ("kid", "son", "daughter", "husband", "wife", "partner", "boyfriend", "girlfriend",
        "friend", "cousin", "brother", "sister", "uncle", "aunt", "niece", "nephew")
# words that, just before a name, say it is one (compared in lower case, last words first)
_CUES_BEFORE: dict[str, frozenset[str]] = {
    "nickname": (
        _phrases(("known", "know", "knows", "knew"), _PRONOUNS, ("as",))
        | _phrases(("known to",), ("workers", "everyone", "everybody", "them", "us", "all",
                                   "girls", "the girls", "the workers", "the crew"), ("as",))
        | _phrases(_PRONOUNS + ("boyfriend", "girlfriend", "friend", "man", "guy", "pimp",
                                "trafficker", "recruiter", "driver", "boss", "bottom"), ("as",))
        | _phrases(("she", "he", "they"), ("know", "knows"), ("as",))
        | _phrases(("call", "calls", "called"), ("himself", "herself", "themselves"))
        | _phrases(_PEOPLE, ("called", "named"))
        | {"known as", "goes by", "went by", "nicknamed", "a/k/a", "aka", "alias", "saved as",
           "street name", "a.k.a.", "a.k.a", "knew as", "know as", "called him", "called her",
           "identified as", "identified only as", "known only as", "only as",
           "used the name", "uses the name", "using the name", "went by the name",
           "goes by the name", "display name", "saved in contacts as", "contacts as",
           "street names", "street name:", "street names:", "aka /", "a/k/a:"}),
    "quoted_nick": frozenset({"friend", "cousin", "boyfriend", "girlfriend", "guy", "man",
                              "woman", "girl", "pimp", "boss", "recruiter", "driver",
                              "trafficker", "bottom", "buyer", "john", "neighbor", "roommate",
                              "female", "male", "lady", "coworker", "co-worker", "worker",
                              "customer", "victim", "witness", "suspect", "minor", "juvenile",
                              "account named", "profile named", "page named", "user named",
                              "account", "profile", "named", "call", "calls", "called",
                              "call him", "call her", "called him", "called her", "met as",
                              "knew as", "known as", "know him as", "know her as",
                              # a phone's threads, a list of contacts; a thing given "by" someone
                              "threads with", "threads with:", "chats with", "chats with:",
                              "contacts:", "contacts", "saved as", "by",
                              "introduced herself as", "introduced himself as",
                              "identified herself as", "identified himself as",
                              "vecina", "vecino", "amiga", "amigo", "prima", "primo", "jefe"}),
    "role": frozenset({"trafficker", "pimp", "recruiter", "driver", "buyer", "customer", "john",
                       "manager", "clerk", "boss", "supervisor", "associate", "employer",
                       "owner", "landlord", "bottom", "detective", "officer", "agent", "nurse",
                       "caseworker", "housekeeper", "bartender", "bouncer", "security guard",
                       # the people around a survivor, named by what they are to her
                       "classmate", "schoolmate", "teammate", "roommate", "neighbor",
                       "neighbour", "coworker", "co-worker", "witness", "teacher", "coach",
                       "brother", "sister", "cousin", "uncle", "aunt", "friend", "foreman",
                       "auntie", "aunty", "cousins", "grandma", "grandpa", "nephew", "niece"}),
    "cue": (
        _phrases(("my", "her", "his", "their"), _KIN)
        | {"my name is", "name is", "name was", "names were", "named", "call me", "calls me",
           "called me", "called", "maiden name", "maiden name is", "maiden name was",
           "last name", "last name is", "last name was", "first name", "first name is",
           "first name was", "under", "under the name", "said", "says", "asked", "told",
           "texted", "messaged", "met", "meet", "with", "called him", "called her",
           "calls him", "calls her", "call him", "call her", "met as", "in the name",
           "in the name of", "under the name of",
           # who money or a phone goes to, in a chat: "send to Tash", "give it to Farhiya"
           "send to", "send it to", "sent to", "sent it to", "give to", "give it to",
           "gave it to", "pass it to", "hand it to",
           # the same cues in Spanish and Portuguese: "el señor se llama Brent"
           "se llama", "se llamaba", "me llamo", "le dicen", "le decían", "le decian",
           "apodado", "apodada", "conocido como", "conocida como", "se chama", "me chamo",
           "chamado", "chamada", "conhecido como", "conhecida como"}),
}
# titles that are English words too: the name after them must not be an everyday word
_HOMOGRAPH_TITLES = {"ate", "don", "mang", "tia", "tio", "seu", "anh", "dona", "lola", "pak", "bu",
                     "nana", "papa"}
# a witness, victim, suspect or reporting party by a report's code, then a name
_PARTY_CODE = re.compile(r"(?<![\w\-])(?:W|V|S|RP|R|C)-?[1-9]\d?[ \t]+(?P<n>[A-Z][a-z]+"
                         r"(?:[ \t][A-Z][a-z]+)?)(?![\w@])")
_OCR_LETTERS = str.maketrans({"0": "o", "1": "l"})
_OCR_I = str.maketrans({"0": "o", "1": "i"})
_OCR_NAME = re.compile(r"(?<![\w@.])[A-Z][a-z]*[01][a-z01]*[a-z](?![\w@])")
# a Spanish or Portuguese verb with its pronoun joined on, accented: "mándame", "dímelo"
_ENCLITIC = re.compile(r"^[a-zñ]*[áéíóú][a-zñ]*(?:me|te|lo|la|le|nos|les|se|melo|selo)$")
_MAKE_BEFORE = re.compile(rf"\b(?:{VEHICLE_MAKES})\s+$")
_TRUCK = re.compile(rf"(?:Kenworth|Peterbilt|Freightliner|Navistar|Mack|Volvo|Western Star|"
                    rf"{VEHICLE_MAKES})$")
_TRUCK_BEFORE = re.compile(r"\b(?i:a|the|his|her|their|my|your|blue|red|white|black|gray|grey|"
                           r"silver|green|yellow|orange|maroon|old|new|big)[ \t]+$")
_INITIAL_SURNAME = re.compile(
    r"(?<![\w.])[A-Z]\.[ \t]?(?P<s>[A-Z][a-z'’]*[a-z01][a-z'’]+(?:-[A-Z][a-z'’]+)?|"
    r"[A-Z][A-Z'’]{2,}(?:-[A-Z]{2,})?)(?![\w\-]|\.\w)")
_STREET_AFTER = re.compile(r"[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Way|Ct|"
                           r"Hwy|Highway|Pkwy|Pl|Sq|Terr?)\b\.?")
_STREET_END = re.compile(r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|"
                         r"Hwy|Highway|Pkwy|Parkway|Ct|Court|Pl|Place|Terr?|Terrace)\.?,?")
_LOGIN = re.compile(r"(?<![\w@.\-])(?:[A-Z]{2,3}-)?(?P<l>[A-Z]{5,13}|[a-z]{5,13})(?![\w@\-]|\.\w)")
_GAP_CHARS = " \t\n:,\"“'"
# the next of a list of quoted names: ', "Kiki", and "Snow"'
_QUOTED_NEXT = re.compile(r"[^\S\n]*[\"”]?[^\S\n]*[,/;][^\S\n]*(?:(?:and|or)[^\S\n]+)?[\"“]"
                          r"(?P<n>[A-Z][\w'’\-]*(?:[ \t][A-Z][\w'’\-]*)?)[\"”]")


# a medicine's generic name by its stem's ending: "doxycycline", "ceftriaxone", "sertraline"
_MEDICINE = re.compile(r"(?i)(?:cycline|mycin|cillin|azole|prazole|pril|olol|statin|sartan|"
                       r"triptyline|oxetine|aline|azepam|azolam|codone|morphine|caine|ovir|"
                       r"mab|tinib|gestrel|sone|olone|floxacin|axone|idine|amine|profen|"
                       r"formin|tidine|dipine|zodone|apine|barbital|trexate|gravir|thrin|"
                       r"mectin|vudine|buvir|previr|asvir)$")


def _word_and_surname(text: str, start: int, first: str, rest: str | None) -> bool:
    """An everyday word that is a given name, before a common surname that is no word:
    "Harmony Ruiz", "Faith Okonkwo-Reyes"; not "Summer Sale", "the Hope Center"."""
    if not rest or first.isupper() or not first[:1].isupper():
        return False
    last = rest.split()[0].strip(",.")
    if re.search(r"(?i)\b(?:the|a|an|of|in|at)[ \t]+$", text[max(0, start - 6):start]):
        return False
    if is_small_place(f"{first} {last}"):
        return False  # "San Gabriel"
    return is_first_name(first) and not last.isupper() and (
        is_surname(last, 5_000) or is_surname(last.split("-")[0], 5_000)) and \
        not is_ordinary(last.lower()) and not is_place(last)


def _brand_after(rest: str | None, gap: str) -> bool:
    """A capitalised everyday word right after a given name, on its line, makes the two a
    thing's name: "the Hugo Walmart", "Grace Chapel", not Hugo and Grace."""
    if not rest or gap != " " or len(rest.split()) > 1:
        return False  # one space, one word: a table's next column, "Cheryl Two Bulls" are not
    word = rest.split()[0]
    return word[:1].isupper() and not word.isupper() and english_zipf(word) >= 3.5 and \
        not is_surname(word, 5_000) and not is_first_name(word)  # not "Everett Stanhope"


def _acronym(word: str) -> bool:
    """An acronym or its plural ("KYC", "FOIA", "IPs"), not initials, a suffix or a short
    surname in capitals ("LEE", "NG")."""
    if re.fullmatch(r"[A-Z]{2,}s", word):
        return True
    if len(word) == 2 and re.search(r"[AEIOUY]", word):
        return False  # "VY", "LE", "HA": Vietnamese and Chinese names are short
    return bool(re.fullmatch(r"[A-Z]{2,4}", word)) and word not in ("JR", "SR", "II", "III", "IV") \
        and not is_surname(word, 20_000) and not is_first_name(word)


def _cued(text: str, start: int, phrases: frozenset[str]) -> bool:
    """True when the one to four words just before start (past spaces, a colon, a comma or an
    opening quote) are one of phrases."""
    # OCR's digits for letters read as the letters: 'a man kn0wn as "Junior"'
    window = text[max(0, start - 48):start].rstrip(_GAP_CHARS).translate(_OCR_LETTERS)
    cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t"))
    if window[cut + 1:].lstrip("([{").lower().strip(",") not in _last_words(phrases):
        return False  # most capitalised words: the word before ends no phrase
    words = [w.lstrip("([{") for w in window.lower().split()[-4:]]
    return any(" ".join(words[-k:]).strip(",") in phrases for k in range(1, len(words) + 1))


@lru_cache(maxsize=16)
def _last_words(phrases: frozenset[str]) -> frozenset[str]:
    return frozenset(p.split()[-1] if p.split() else p for p in phrases)


_STRONG_CUE = re.compile(r"(?i)\b(?:name|named|call|calls|called|kid|son|daughter|husband|wife|"
                         r"partner|boyfriend|girlfriend|friend|cousin|brother|sister|uncle|"
                         r"aunt|niece|nephew|llama|llamo|llamaba|dicen|dec[ií]an|apodad[oa]|"
                         r"chama|chamo|chamad[oa])\b")
# "a worker named Wellington": after "named", a given name or a surname is his, whatever
# else the word is (a city, a boot)
_NAMED_BEFORE = re.compile(r"(?i)\b(?:named|llamad[oa]|chamad[oa])[ \t]+$")
# a person's kind, then "named": what follows is a name even when its words are everyday ones
# ("a Harare sub-agent named Blessing Gumbo")
_SOMEONE_NAMED = re.compile(r"(?i)\b(?:man|woman|guy|lady|girl|boy|worker|agent|sub-agent|"
                            r"recruiter|driver|manager|boss|friend|nurse|aide|person|someone|"
                            r"caregiver|supervisor|broker|officer|customer|buyer|client)"
                            r"[ \t]+named[ \t]+$")
_PLACE_WORDS = {"county", "counties", "province", "parish", "township", "city", "state", "district",
                "highway", "street", "avenue", "road", "river", "lake", "mountain", "valley",
                "beach", "island", "bay", "park", "airport", "station", "division", "unit",
                "office", "court", "center", "centre", "galleria", "mall", "plaza", "market",
                "heights", "hills", "gardens", "village", "springs", "falls", "estates",
                "harbor", "harbour", "square", "terrace", "manor", "ridge", "crossing",
                "islands", "isles"}
# regions abroad: "Ivano-Frankivsk Oblast", "Khövsgöl Aimag", "Kanagawa Prefecture"
_REGION_WORDS = {"oblast", "raion", "rayon", "krai", "kray", "voivodeship", "prefecture", "aimag",
                 "governorate", "municipality", "departamento", "provincia", "barangay", "purok"}
_PLACE_WORDS |= _REGION_WORDS
_PLACE_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*(?=County\b))"
                          r"(?:County|Counties|counties|Province|Oblast|Raion|Prefecture|"
                          r"Aimag|Governorate|"
                          r"Parish|Township|City|Street|St\.?|Avenue|"
                          r"Blvd\.?|Boulevard|Lane|Ln\.?|Drive|Parkway|Pkwy\.?|Trail|"
                          r"Ave\.?|Road|Rd\.?|Highway|Hwy|River|Lake|Valley|Beach|Island|Bay|"
                          r"Park|Airport|Station|Division|Galleria|Mall|Plaza|Penal|Code|Heights|Hills|"
                          r"Gardens|Village|Springs|Falls|Estates|Harbor|Square|Islands|Isles|"
                          r"Co(?=\.[ \t]+[a-z])|Cnty)\b")
_STATE_AFTER = re.compile(
    r",?[ \t]+(?:(?!MD|PA)(?-i:[A-Z]{2})\b(?![.\-'’])|(?:" + STATE_NAMES + r")\b)")
_STOP = re.compile(r"(?i)^(?:" + "|".join(sorted(_stop_words(), key=len, reverse=True)) + r")$")
_LOWER_WORD = re.compile(r"(?<![\w@.$#/\-'’])[a-zà-ÿ][a-zà-ÿ]+(?![\w@'’]|[.\-/]\w)")
_CHAT_SLANG = {
    "u", "ur", "yr", "lol", "lmao", "lmfao", "omg", "idk", "ikr", "smh", "tbh", "ngl", "fr",
    "frfr", "bruh", "bro", "sis", "ya", "yea", "yeah", "yep", "nah", "nope", "ok", "okay", "kk",
    "gonna", "wanna", "gotta", "kinda", "sorta", "aint", "dont", "cant", "wont", "didnt",
    "doesnt", "isnt", "wasnt", "im", "ive", "id", "ill", "youre", "thats", "whats", "hes",
    "shes", "theyre", "theres", "lemme", "gimme", "tho", "thru", "pls", "plz", "thx", "ty",
    "np", "rn", "wya", "hbu", "wyd", "asap", "btw", "fyi", "nvm", "tmr", "tmrw", "tonite",
    "cuz", "bc", "b4", "gf", "bf", "hun", "hon", "boo", "bae", "babe", "baby", "daddy",
    "mami", "papi", "mija", "mijo", "amiga", "amigo", "oye", "pues", "bueno", "gracias",
    "mañana", "manana", "porfa", "porfavor", "ahorita", "orale", "chale", "neta", "wey",
    "guey", "vato", "jefe", "jefa", "patron", "patrón", "señora", "senora", "tia", "tio",
    "ate", "kuya", "po", "opo", "hindi", "sige", "salamat", "ingat", "naman", "talaga",
    "cash", "app", "venmo", "zelle", "gcash", "wechat", "whatsapp", "insta", "snap", "dm",
    "dms", "pic", "pics", "vid", "vids", "txt", "msg", "msgs", "text", "texts", "call",
}
_FUNCTION_WORDS = {"the", "and", "but", "not", "just", "here", "there", "this", "that", "what",
                   "who", "you", "your", "she", "her", "him", "his", "they", "them", "because",
                   "from", "with", "about", "again", "back", "now", "too", "also", "baby", "babe"}
_NAME_WORD = re.compile(
    r"^(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]{2,}[A-Z'’\-]*|[A-Z]\.|[A-Z][a-z]*[A-Z][a-z]+)$"
)


# a people or its language, by the words around it: "of Temne heritage", "the Mende community",
# "speaks some Ojibwemowin", "translated from Afaan Oromo", "Spanish (also Aymara)"
_PEOPLE_AFTER = re.compile(r"[ \t]+(?i:community|communities|heritage|people|peoples|language|"
                           r"languages|speakers?|interpreter|tribe|tribal|clan|descent|ethnicity|"
                           r"origin|culture|elders?|nation|men|women|nationals?|refugees?)\b")
# one person of a people, after an article or a count: "an older Roma man", "a Sikh boy"
# (never "the Lopez family": a family is named by its surname)
_ONE_OF_A_PEOPLE = re.compile(r"[ \t]+(?i:man|woman|male|female|boy|girl|teen|teenager|elder)\b")
_SOMEONE_BEFORE = re.compile(r"(?i)\b(?:a|an|one|two|three|four|several|another|other|older|"
                             r"young|younger|elderly)[ \t]+(?:(?:older|young|younger|elderly|"
                             r"old|adult|teenage|disabled|deaf)[ \t]+)?$")
_SPEAKS_BEFORE = re.compile(r"(?i)(?:\bspeaks?|\bspoke|\bspeaking|\bafaan|\blanguages?[ \t]*:?|"
                            r"\b(?:translated|interpreted)[ \t]+from)[ \t]+"
                            r"(?:some[ \t]+|mostly[ \t]+|only[ \t]+|a[ \t]+little[ \t]+)?$")
_LANGUAGE_NEAR = re.compile(r"(?i)(?:\b(?:also|some|and|or|am|is|in)[ \t]+|[(,/][ \t]*)$")


# the words that open a list of children: "the kids, Thiago (7) and ...", "hijos: Ana (3)"
_KIDS_BEFORE = re.compile(r"(?i)\b(?:kids|children|sons|daughters|grandchildren|grandkids|"
                          r"siblings|hijos|hijas|niños|filhos|enfants)\b")


def _a_people(text: str, start: int, end: int, words: list[str]) -> bool:
    """A one-word NER person that names a people or a language by its context."""
    if len(words) > 2:
        return False
    before = text[max(0, start - 30):start]
    if _PEOPLE_AFTER.match(text, end) or (len(words) == 1 and _SPEAKS_BEFORE.search(before)):
        return True
    if len(words) == 1 and _ONE_OF_A_PEOPLE.match(text, end) and _SOMEONE_BEFORE.search(before):
        return True  # "an older Roma man", "a Luo woman": one of a people, not Mr. Roma
    if len(words) == 2 and fold(words[0]) in ("afaan", "bahasa", "wikang", "idioma", "lingua"):
        return True  # "Afaan Oromo", "Bahasa Jawa": the word for language, then its name
    return len(words) == 1 and is_language_name(words[0]) and bool(_LANGUAGE_NEAR.search(before))


_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|from|near|outside|around|towards?|via)[ \t\n]+$")
_IN_BEFORE = re.compile(r"(?i)(?<!confided )(?<!believe )(?<!believed )(?<!trust )"
                        r"(?<!interested )\b(?:in|near|outside|around)[ \t\n]+$")


def _in_place_list(text: str, start: int, end: int) -> bool:
    """One word between two places in a list: "El Reno, Clinton, Amarillo" is a town."""
    before = re.search(r"([A-Z][\w'’.\-]*(?:[ \t][A-Z][\w'’.\-]*){0,2}),[ \t]+$",
                       text[max(0, start - 30):start])
    after = re.match(r",?[ \t]+(?:and[ \t]+|or[ \t]+)?"
                     r"([A-Z][\w'’.\-]*(?:[ \t][A-Z][\w'’.\-]*){0,2})", text[end:end + 30])
    return bool(before and after and text[end:end + 1] == "," and _listed_place(text[start:end])
                and _listed_place(before.group(1))
                and _listed_place(after.group(1)))


def _listed_place(name: str) -> bool:
    return is_place(name) or city_population(name) > 0 or is_small_place(name)


_CYRILLIC = re.compile(r"[\u0400-\u04ff'’\-]+")
_CYRILLIC_NAME = re.compile(r"(?<![\w'’\-])(?P<f>[\u0400-\u042f][\u0430-\u045f'’]{2,})"
                            r"(?:[ \t]+(?P<s>[\u0400-\u042f][\u0430-\u045f'’]{2,}))?(?![\w'’])")


def _slavic_word(word: str) -> bool:
    """True for a word of Ukrainian or Russian common enough to be no name (Zipf 5 or more in
    either language; given names such as "Галина" are near 4)."""
    from wordfreq import zipf_frequency

    key = word.strip(".,:;()«»\"").lower()
    return max(zipf_frequency(key, "uk"), zipf_frequency(key, "ru")) >= 5.0


_KIND_AFTER = re.compile(r"[ \t]+(?i:province|district|prefecture|oblast|governorate|"
                         r"municipality|department|region)\b")
_KIND_OF_BEFORE = re.compile(r"\b(?i:state|province|region|department|city|town|village|"
                             r"district|county|parish|municipality)[ \t]+of[ \t\n]+$")


# a place named for a person: "George Bush Intercontinental Airport", "Daniel K. Inouye
# International Airport", "Ben Taub Hospital"
_FACILITY_AFTER = re.compile(r"[ \t]+(?:(?:Intercontinental|International|Regional|Municipal|"
                             r"Memorial|General|Community)[ \t]+)?(?:Airport|Hospital|Medical "
                             r"Center|Stadium|Library|Bridge|Tunnel|Expressway|Freeway|Parkway)\b")
# a feast named after "during", "for": "fasting during Ramadan" (a given name elsewhere)
_FEASTS = frozenset({"ramadan", "eid", "diwali", "tet", "navidad", "pascua", "hanukkah",
                     "passover", "kwanzaa", "nowruz", "vesak", "onam", "pongal", "holi"})
_FEAST_BEFORE = re.compile(r"\b(?i:during|for|after|before|since|until|till|of|last|this|next|"
                           r"at|over|in|the|del|de|durante)[ \t]+$")


def _named_as_place(text: str, start: int, end: int) -> bool:
    """A capitalised run the words around it call a place: "Đồng Tháp province", "the state
    of Minas Gerais", "between Katy and Beaumont", "(DILWORTH, MN)"."""
    span = text[start:end]
    if _KIND_AFTER.match(text, end) or _KIND_OF_BEFORE.search(text, max(0, start - 24), start):
        return True
    town_state = re.fullmatch(r"([A-Z][\w'’.\-]+),[ \t]*([A-Z]{2})", span)
    if town_state and town_state.group(2) in US_STATES and is_small_place(town_state.group(1)):
        return True  # "DILWORTH, MN" read as a surname and initials
    if re.search(r"(?:^|[ \t\-])(?:St|Av|Ave|Blvd|Rd|Pkwy|Sq|Ctr)\.?$|\bSt-[A-Z]", span) or \
            re.search(r"\b\d{1,3}(?:st|nd|rd|th)/(?:[A-Z][a-z]+[ \t])?$",
                      text[max(0, start - 16):start]):
        return True  # a street or a station: "Hoyt St", "Jay St-MetroTech", "95th/Dan Ryan"
    between = re.search(r"\bbetween\s+$", text[max(0, start - 10):start])
    other = re.match(r"[ \t]+and[ \t]+([A-Z0-9][\w'’.\-/]*(?:[ \t][A-Z][\w'’.\-]*)?)",
                     text[end:end + 40])
    if between and other and re.search(r"\b(?i:line|train|trains|station|stations|stop|stops|"
                                       r"subway|metro|platform|bus|route)\b",
                                       text[max(0, start - 80):start]):
        return True  # "a southbound Red Line train between Monroe and Jackson": two stations
    if between and other and city_population(span) and (
            city_population(other.group(1)) or is_place(other.group(1))):
        return True
    return bool(re.match(r",[ \t]*(?-i:[A-Z]{2})(?![\w.])", text[end:end + 6])) and \
        text[end + 2:end + 6].strip()[:2] in US_STATES and " " not in span.strip() and \
        (is_small_place(span) or city_population(span) > 0)


def _town_of_words(text: str, start: int, end: int) -> bool:
    """A span that is, alone or with the capitalised word before it, a town of two or three
    words GeoNames lists ("Mae Sot", "La Ceiba"), unless it reads as a given name and a
    common surname with no place word before it."""
    prev = re.search(r"([A-Z][^\W\d_]+)[ \t]+$", text[max(0, start - 20):start])
    spans = [text[start:end]] + ([f"{prev.group(1)} {text[start:end]}"] if prev else [])
    for span in spans:
        words = span.split()
        if not 2 <= len(words) <= 3 or not city_population(span):
            continue
        if re.search(r"\b(?i:in|from|near|to|outside|via|of)[ \t\n]+$",
                     text[max(0, start - 10 - len(span) + (end - start)):start]):
            return True
        if not (is_first_name(words[0]) and is_surname(words[-1], 20_000)):
            return True
    return False


def _a_town(text: str, start: int, words: list[str]) -> bool:
    """A one-word NER person after "in" or "from" that is a town's name, no given name and no
    common surname ("from Welch" may be a man)."""
    if len(words) in (2, 3):  # "to Mae Sot", "Mae Sot training center": a city of two words
        whole = " ".join(w.strip(".,;:") for w in words)
        last = words[-1].strip(".,;:")
        return city_population(whole) > 0 and (
            re.search(r"\b(?i:in|from|near|to|outside|via|of)[ \t\n]+$",
                      text[max(0, start - 10):start]) is not None
            or not (is_surname(last, 3_000) or is_first_name(last)))
    if len(words) != 1:
        return False
    word = words[0].strip(".,;:")
    if _IN_BEFORE.search(text, max(0, start - 12), start) and us_city_population(word) > 0:
        return True  # "a church in Edmond", "a Walmart in Guthrie": a city, whoever else
    if _IN_BEFORE.search(text, max(0, start - 12), start) and is_small_place(word) and \
            re.match(r"[ \t]+(?:on|during|in|since|until|for|after|before)[ \t]+(?:[A-Z0-9]|the\b)",
                     text[start + len(word):start + len(word) + 16]):
        return True  # "taken by the tribal police in Hugo on March 6": a town, then a date
    if re.search(rf"\b{_STREET_END.pattern}[ \t]+$", text[max(0, start - 16):start]) and \
            is_small_place(word):
        return True  # "on Main Street, Danielson": the town after its street
    if _DISTANCE_BEFORE.search(text, max(0, start - 30), start) and is_small_place(word):
        return True  # "3 mi S of Colby", "ten miles outside Hugo": a town, whoever else
    if re.search(r"\b(?i:in|from|near|to|outside|of)[ \t]+$", text[max(0, start - 10):start]) \
            and is_world_region(word) and \
            not is_surname(word, 20_000) and english_zipf(word) < 3.5:
        return True  # "called from Fujian": a province abroad
    if is_first_name(word) or is_surname(word, 3_000):
        return False
    if _PLACE_BEFORE.search(text, max(0, start - 12), start):
        return is_small_place(word)
    # "the bus to Duluth": after "to", only a city GeoNames lists (15,000 people or more)
    return bool(re.search(r"(?i)\bto[ \t\n]+$", text[max(0, start - 6):start])) and \
        city_population(word) > 0


_THING_CALLED = re.compile(
    r"(?i)\b(?:app|application|site|website|server|game|platform|group ?chat|group|page|"
    r"channel|club|bar|lounge|motel|hotel|company|business|store|shop|restaurant|church|"
    r"program|agency|show|song|brand|service|account)s?[ \t]+(?:called|named)[ \t]+[\"“]?$")
_HOLIDAY_AFTER = re.compile(r"['’]s[ \t]+Day\b")
# a Spanish word between a preposition and a function word: a word of the sentence, no name
_SPANISH_PHRASE = re.compile(r"\b(?:con|sin|de|por|para|en|la|el|mi|tu|su)[ \t]+[a-zà-ÿ]+[ \t]+"
                             r"(?:de|que|y|en|para|a|la|el|por|con)\b")
def _spanish_word(text: str, start: int, end: int) -> bool:
    """A common Spanish word between a preposition and a function word ("con esperanza de
    que"): a word of the sentence, whatever name it also is."""
    return spanish_zipf(text[start:end]) >= 4.5 and bool(
        _SPANISH_PHRASE.search(text, max(0, start - 8), end + 6))


_DISTANCE_BEFORE = re.compile(
    r"(?i)\b(?:\d+(?:\.\d+)?|a|one|two|three|four|five|six|seven|eight|nine|ten|twenty)[ \t]*"
    r"(?:mi|miles?|km|kilometers?|kilometres?|hours?|hrs?|minutes?|mins?)\.?[ \t]+"
    r"(?:(?:[NSEW]|[NS][EW]|north|south|east|west|northeast|northwest|southeast|southwest)"
    r"\.?[ \t]+)?(?:of|from|outside|past|before|after)[ \t]+$")
_CHAIN_BEFORE = re.compile(r"\b(?:a|an|A|An)[ \t]+$")
_RANK_BEFORE = re.compile(
    r"(?<![\w.])(?:Det|Detective|Sgt|Sergeant|Lt|Lieutenant|Officer|Officers|Ofc|Ofcr|Deputy|"
    r"Deputies|Tpr|Trooper|Troopers|Cpl|Corporal|Cst|Constable|Capt|Captain|Special Agent|SA|"
    r"SSA|SAC|ASAC|Supervisory Special Agent|Ptl|"
    r"TFO|Inv|Investigator|Patrolman|Sheriff|Marshal|Dep|Agent|AUSA|SAUSA|ADA|DDA|ASA|WHI:?|"
    r"Inspector|Insp|Licensing Specialist|"
    r"Prosecutor)\.?\s+(?:[A-Z]\.[ \t]*)*"
    r"(?:[A-Z][\w'’\-]+[ \t]+(?:(?:and|&)[ \t]+)?)?$")  # "Det. Lorna ", "Deputies Harlan and "

# a rank abbreviation at a span's start: the rank alone, or the rank and the officer's name
_RANK_LEAD = re.compile(r"(?:Det|Sgt|Lt|Ofc|Ofcr|Tpr|Cpl|Cst|Capt|SA|SSA|SAC|ASAC|Ptl|TFO|Inv|"
                        r"Dep|Insp|AUSA|SAUSA)\.?(?:[ \t]+[A-Z]|$|(?![\w]))")

# a kinship or friendship word with its owner right before a name: "my sister Lani"
_KIN_NAMED = re.compile(r"(?i)\b(?:my|her|his|their|our|your)[ \t]+(?:little[ \t]+|big[ \t]+|"
                        r"older[ \t]+|younger[ \t]+|best[ \t]+)?(?:sister|brother|cousin|friend|"
                        r"niece|nephew|aunt|uncle|daughter|son|sis|bro)[ \t,]+$")


def _rare_capitalised(word: str) -> bool:
    """A capitalised word that is no everyday English word, place or known non-name: after
    "my sister" it is her name whatever other language uses it ("Lani")."""
    f = fold(word).strip(".,'’")
    return word[:1].isupper() and not word.isupper() and english_zipf(f) < 3.0 and \
        not is_ordinary(f) and not is_place(word) and f not in NOT_NAMES and f not in NOT_PEOPLE


def _given_and_surname(words: list[str]) -> bool:
    """A given name and a surname the gazetteers know ("Kia Thao"), the surname no word."""
    first, last = (fold(w).strip(".,'’") for w in words)
    return is_first_name(first) and is_surname(last, 20_000) and not is_ordinary(last) and \
        not is_everyday(last)


# Vietnamese kin words said as titles, with their marks: never a given name alone
_VIETNAMESE_KIN = {"chị", "cô", "chú", "bác", "ông", "bà", "dì", "cậu", "mợ", "thím", "dượng"}


def _cited_abbreviation(text: str, start: int, end: int) -> bool:
    """A short capitalised word with its period among other abbreviations: a rule's or a
    code's citation ("Fla. R. Gen. Prac. & Jud. Admin. 2.420"), not a person."""
    return " " not in text[start:end] and end - start <= 6 and text.startswith(".", end) and \
        re.search(r"[A-Z][a-z]{0,5}\.[ \t]*&?[ \t]*$", text[max(0, start - 12):start]) is not None

# kin and titles of respect before a name that NER takes into it: "Son Jomar Bautista",
# "Obbo Tolasa Bayisa" (Oromo), "Ato Dawit" (Amharic), "Mamaw Sizemore"
_KIN_LEAD = (r"(?:Son|Daughter|Mother|Father|Sister|Brother|Aunt|Uncle|Cousin|Niece|Nephew|"
             r"Grandmother|Grandfather|Grandma|Grandpa|Wife|Husband|Mamaw|Papaw|Granny|Obbo|"
             r"Aadde|Ato|Weyzero|W/ro|"
             # Tagalog, Spanish, Vietnamese and Haitian Creole kin words before a name
             r"Nanay|Tatay|Lola|Lolo|Tita|Tito|Kuya|Ate|Manang|Manong|Tía|Tia|Tío|Tio|Abuela|"
             r"Abuelo|Mamá|Papá|Mãe|Chị|Anh|Em|Bà|Ông|Cô|Chú|Manman|Papa|Tonton|Matant)")


# capital letters, Romanian, Polish and Czech ones too: "DOBRESCU CĂTĂLIN-MARIAN"
_UP = "A-ZÀ-ÝĂÂÎȘŞȚŢĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽŐŰ"


class PersonRecognizer(EntityRecognizer):
    """PERSON spans from spaCy NER, filtered and completed by patterns.

    Metadata `seed` marks confident full names whose words may be looked for elsewhere.
    """

    PATTERNS = [
        ("honorific", rf"(?<!\w){HONORIFIC}\.?\s+(?P<n>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)",
         0.75),
        # a church's titles before a name: "Deacon Paul Shin", "Pastor Obi" (not "Sister" and
        # "Brother", which are as often a boss's nickname: "Sister Lan" of a kept Xu Fenglan)
        ("clergy", r"(?<![\w'’])(?:Pastor|Deacon|Deaconess|Bishop|Prophet|Prophetess|Evangelist|"
                   r"Reverend|Rev\.|Imam|Sheikh|Rabbi|Apostle|Minister)[ \t]+"
                   r"(?P<n>[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?(?:[ \t][A-ZÀ-Ý][a-zà-ÿ'’]+)?)"
                   r"(?![\w@])", 0.7),
        # titles of respect and kinship before a name, in the languages clients write:
        # "doña Chonita", "Hna. Rebeca", "chị Tư", "Kuya Ben", "madan Lucienne"
        ("title", r"(?<![\w'’])(?i:doña|dona|don|hna|hno|hermana|hermano|tía|tia|tío|tio|kuya|"
                  r"ate|tita|tito|lola|lolo|manang|manong|aling|mang|madan|manmi|tonton|matant|"
                  r"chị|anh|cô|chú|bác|ông|bà|bé|seu|ma'am|ma’am|nanay|tatay|inay|itay|tante|"
                  r"abuela|abuelo|abuelita|abuelito|mbak|ibu|bibi|didi|amma|mamaw|papaw|meemaw|"
                  r"memaw|pawpaw|granny|grammy|kokum|nookomis|obbo|aadde|ato|weyzero|w/ro|"
                  # West African and Indonesian: "Auntie Efua", "Aunty Bisi", "Pak Sudarto"
                  r"auntie|aunty|pak|bapak|bu|yaay|baay|tantine|nana|maame|papa)\.?[ \t]+"
                  r"(?P<n>[A-ZÀ-ÝĐ][^\W\d_]*(?:[\-'’][A-Z][^\W\d_]+)?(?:[ \t][A-ZÀ-ÝĐ][^\W\d_]+)?|"
                  r"[a-zà-ÿ][a-zà-ÿ]{2,})(?![\w@])",
         0.6),
        # the next three find the name, then look at the words just before it (_CUES_BEFORE)
        # (with the article Spanish and Portuguese nicknames take: 'known as "el Flaco"')
        ("nickname", r"[\"“'](?P<n>(?:(?:el|la|o|a)[ \t](?=[A-Z]))?[A-Z][\w'’\-]*"
                     r"(?:\s[A-Z][\w'’\-]*)?)", 0.8),
        ("quoted_nick", r"[\"“](?P<n>(?:(?:el|la|o|a)[ \t](?=[A-Z]))?[A-Z][\w'’\-]*"
                        r"(?:\s[A-Z][\w'’\-]*){0,2})[,.]?[\"”]", 0.8),
        ("paren_nick", r"[A-Z][a-z]+\s[A-Z][a-z]+\s*\(\s*[\"“](?P<n>[A-Z][\w'’\-]+)[\"”]\s*\)",
         0.8),
        # a role, then the nickname in brackets: 'the crew leader ("El Tigre")'
        ("role_nick", r"(?i:leader|boss|driver|recruiter|trafficker|pimp|manager|supervisor|"
                      r"contractor|foreman|mayordomo|patr[oó]n|encargad[oa]|guy|man|woman)"
                      r"\s*\(\s*[\"“](?P<n>[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)[\"”]\s*\)", 0.8),
        ("role", r"(?<![\w'’.@])(?=(?P<n>(?:[A-Z]\.[ \t]?(?=[A-Z][a-z]))?"  # "nurse K. Osterhaus"
                 r"[A-Z][a-zà-ÿ'’\-]+(?:\s[A-Z][a-zà-ÿ'’\-]+){0,2}))", 0.6),
        ("speaker", r"(?m)^[ \t]*(?:\[[^\]\n]{4,40}\][ \t]*|"
                    r"\d{1,4}[/\-.]\d{1,2}[/\-.]\d{1,4},?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
                    r"(?:[ \t]*[aApP]\.?[ \t]?[mM]\.?)?[ \t]*[-–][ \t]*)"
                    r"(?P<n>[^\W\d_][\w'’\-]*(?:[ \t][^\W\d_][\w'’\-]*){0,2})[ \t]*[$€£*!]*"
                    r"[ \t]*(?:\([^)\n]{0,30}\))?[ \t]*:", 0.7),
        # a name right after words that introduce one ("my name is", "said", "a guy named")
        ("cue", r"(?<![\w'’.@])(?=(?P<n>[A-Z][^\W\d_'’\-]+(?:[\-'’][A-Z]?[^\W\d_]+)?"
                r"(?:\s(?:[A-Z]\.?\s)?[A-Z][^\W\d_'’\-]+(?:-[A-Z][^\W\d_]+)?)?)(?![\w@]))",
         0.5),
        # "Dunlevy, Michael" alone in a table's cell, as registers and rosters list people
        ("cell_last_first", r"(?m)(?:^|\||\t|[ ]{2})[ \t]*"
                            r"(?P<n>[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?,[ \t]+[A-Z][a-zà-ÿ]+"
                            r"(?:[ \t]+[A-Z]\.?)?)(?=[ \t]*(?:\||\t|$)|[ ]{2})",
         0.6),
        # a name and an age: "her daughter, Chaltu, age 6", "Nimo (age 9)", "Beto, 8 years old"
        ("aged", r"(?<![\w'’.@])(?P<n>[A-Z][^\W\d_'’\-]+(?:\s[A-Z][^\W\d_'’\-]+){0,2}),?"
                 r"(?:[ \t]+|[ \t]*\n[ \t]*)"
                 r"\(?(?:(?i:age|aged|edad)[ \t]*\d{1,2}|\d{1,2}[ \t]*(?i:years?[ \t]+old|"
                 r"yrs?\b|y/?o\b|años))(?![\w/])", 0.6),
        # children listed with their ages in brackets: "the kids, Thiago (7) and Valentina (4)"
        ("kin_aged", r"(?<![\w'’.@])(?P<n>[A-Z][^\W\d_'’\-]+)[ \t]*\((?:[1-9]|1[0-7])\)", 0.6),
        # records: "TREVIÑO, JOSÉ ÁNGEL", "P. MENDOZA", "NGUYỄN VĂN LỘC"
        # (OCR reads O as 0 and l as 1 inside a name: "GADDIS, TREYV0N M.")
        ("caps_last_first", r"(?<![\w])(?P<n>[" + _UP + r"](?:[" + _UP + r"'’\-]|[01](?=[" + _UP
                            + r"]))+(?:[ \t][" + _UP + r"](?:[" + _UP + r"'’\-]|[01](?=[" + _UP
                            + r"]))+)?,[ \t]+(?:[" + _UP + r"](?:[" + _UP + r"'’\-]|[01](?=["
                            + _UP + r"]))+|[" + _UP + r"][a-zà-ÿ]{2,}(?![ \t]+[A-Z][a-z]))"
                            # (not "BHD, Santo Domingo")
                            r"(?:[ \t][" + _UP + r"][" + _UP + r"'’]*\.?(?![\w\-]))?)(?![\w])",
         0.6),
        # a relative named in apposition: "their eldest daughter, Brooklyn, then 11"
        # (or in brackets after it: "her mother, Noy (ແມ່ນ້ອຍ), is 68")
        ("kin_apposition", r"(?i:daughter|son|sister|brother|niece|nephew|grandson|"
                           r"granddaughter|child|cousin|stepdaughter|stepson|mother|father|"
                           r"stepmother|stepfather|grandmother|grandfather|aunt|uncle|"
                           r"husband|wife),[ \t]+"
                           r"(?P<n>[A-Z][a-zà-ÿ'’\-]{2,})(?=,|[ \t]+\()", 0.6),
        # a household by its surname: "placed with the Lima family"
        ("family", r"(?<![\w'’])(?:the|The)[ \t]+(?P<n>[A-Z][a-zà-ÿ'’\-]+)[ \t]+"
                   r"(?:family|household|home|house|residence)\b", 0.6),
        # a Vietnamese name, family name first, that NER misses: "Nguyễn Thị Bé", "LY VAN MUOI"
        ("vietnamese", r"(?<![\w'’])(?P<n>[A-ZĐ][^\W\d_]+[ \t]+(?:Thị|Văn|Thi|Van|THỊ|VĂN|THI|VAN)"
                       r"[ \t]+[A-ZĐ][^\W\d_]+(?:[ \t]+[A-ZĐ][^\W\d_]+)?)(?![\w@])", 0.6),
        # the name on a document she was made to use: "a false ID under the name Marleny Cac Tiul"
        ("under_name", r"(?i:under|in)[ \t]+the[ \t]+name(?:[ \t]+of)?[ \t]+[\"“]?"
                       r"(?P<n>[A-Z][^\W\d_'’\-]*(?:[ \t][A-Z][^\W\d_'’\-]+){1,3})(?![\w@])", 0.6),
        # who paid or was paid, in a bank's or an app's record: "ZELLE FROM NGUYEN VAN HAI"
        ("payee", r"(?:(?i:zelle|venmo|cash ?app|paypal|wire|transfer|deposit|payment|pmt|"
                  r"remittance|western union|moneygram|remitly|xoom)[ \t]+(?i:from|to)[ \t]+|"
                  r"(?i:benef\.|beneficiary:?|sender:?|recipient:?|payee:?|payer:?)[ \t]+)"
                  r"(?P<n>[A-Z][A-Za-zÀ-ÿ'’\-]+(?:[ \t](?:[A-Z]\.?|[A-Z][A-Za-zÀ-ÿ'’\-]+)){1,3})"
                  r"(?![\w@])", 0.6),
        ("caps_initial", r"(?<![\w.])(?P<n>[A-Z]\.[ \t]?[" + _UP + r"][" + _UP + r"'’\-]{2,})"
                         r"(?![\w])", 0.5),
        ("caps_run", r"(?<![\w])(?P<n>[" + _UP + r"][" + _UP + r"'’\-]+(?:[ \t][" + _UP + r"]["
                     + _UP + r"'’\-]+){1,3})(?![\w])", 0.5),
        # a nickname in quotes inside a full name: 'Rohan "Scrappy" Dawkins'
        ("nick_inside", r"(?<![\w'’])(?P<n>[A-ZÀ-Ý][\w'’\-]+[ \t]+[\"“][A-ZÀ-Ýa-z][^\"”\n]{0,20}"
                        r"[\"”][ \t]+[A-ZÀ-Ý][\w'’\-]+)(?![\w@])", 0.6),
        # a Spanish chat's article before a given name in lower case: "el iker no se quiere
        # dormir", "la ximena pregunta por ti"
        ("article_lower", r"(?<![\w'’])(?:el|la)[ \t]+(?P<n>[a-zà-ÿ]{3,})(?![\w@'’])", 0.45),
        # a name after Spanish or Portuguese kin, which NER does not read: "tu mamá Zuleima
        # sabe", "mi hermana Leidy", "a irmã Rosilene"
        ("kin_es", r"(?<![\w'’])(?i:mam[aá]|pap[aá]|madre|padre|herman[oa]|t[ií][oa]|abuel[oa]|"
                   r"prim[oa]|hij[oa]|espos[oa]|novi[oa]|amig[oa]|sobrin[oa]|irm[ãa]o?|m[ãa]e|"
                   r"pai|av[óô]|filh[oa])[ \t]+(?P<n>[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:[ \t]+[A-ZÀ-Ý]"
                   r"[a-zà-ÿ]{2,})?)(?![\w@'’])", 0.5),
        # a surname alone before what a person did: "Caicedo received $1,000 for each recruit"
        ("surname_did", r"(?<![\w'’.\-])(?P<n>[A-ZÀ-Ý][a-zà-ÿ]{3,})[ \t]+(?:received|paid|told|"
                        r"said|took|drove|sent|kept|recruited|threatened|hit|slapped|raped|"
                        r"promised|demanded|collected|posted|texted|messaged|called|brought|"
                        r"picked|forced|ordered|warned|owned|managed|ran|rented)\b", 0.5),
        # kin in lower case before a given name: "mr haldane son brent is the boss"
        ("kin_lower", r"(?<![\w'’])(?:son|daughter|brother|sister|wife|husband|cousin|nephew|"
                      r"niece|uncle|boyfriend|girlfriend|aunt|auntie|aunty|grandma|grandpa|"
                      r"granny|tia|tio|tita|tito)[ \t]+(?P<n>[a-z]{3,})(?![\w@'’])", 0.45),
        # lower case after the strongest cues: "my name is borna", "everyone calls me borna"
        ("cue_lower", r"(?i:(?:my|his|her) name (?:is|was)|call(?:s|ed)? me|"
                      r"(?:a |some |this |the )?(?:guy|girl|man|woman|dude|boy|lady) named|"
                      r"goes by|went by)\s+[\"“']?(?P<n>[a-z][^\W\d_'’\-]{2,}"
                      r"(?:\s[a-z][^\W\d_'’\-]{2,})?)(?![\w@])", 0.45),
    ]

    def __init__(self, is_word: Callable[[str], bool] | None = None) -> None:
        super().__init__(supported_entities=["PERSON"], name="PersonRecognizer")
        self._is_word = is_word or (lambda _w: False)
        self._compiled = [(n, re.compile(p), s) for n, p, s in self.PATTERNS]

    def load(self) -> None:  # noqa: D102 - the NER model is loaded by the engine
        pass

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """NER persons (and person-like ORGs) that look like names, plus pattern hits."""
        out: list[RecognizerResult] = []
        doc = nlp_artifacts.tokens if nlp_artifacts is not None else None
        places = set()
        if doc is not None:
            places = {e.text.lower() for e in doc.ents if e.label_ in _NOT_PERSON_LABELS}
            for ent in doc.ents:
                if ent.label_ not in ("PERSON", "ORG"):
                    continue
                for start, end in self._segments(text, ent.start_char, ent.end_char):
                    words = text[start:end].split()
                    if len(words) == 1 and ROLE_AFTER.match(text, end):
                        continue  # "Foster mother's cell", "Step father"
                    if ent.label_ == "PERSON" and _a_people(text, start, end, words):
                        continue  # "a member of the Mende community", "speaks some Aymara"
                    if len(words) == 1 and re.match(r"['’]s\b", text[end:end + 3]) and \
                            re.search(r"(?i)\bthe[ \t]+$", text[max(0, start - 5):start]):
                        continue  # "at the Denny's on Leopard Street": a business
                    if ent.label_ == "PERSON" and _a_town(text, start, words):
                        continue  # '"Bo" from Mullens', "a warehouse in Shepherdsville"
                    if _MAKE_BEFORE.search(text, max(0, start - 12), start):
                        continue  # a model: "Toyota Sienna", "GMC Sierra"
                    if len(words) == 1 and _STATE_AFTER.match(text, end) and \
                            is_small_place(words[0]) and not is_first_name(words[0]):
                        continue  # "..., Wooster, OH 44691": the town of an address
                    if len(words) >= 2 and _STREET_END.fullmatch(words[-1]) and \
                            re.search(r"\d[ \t]+$", text[max(0, start - 8):start]):
                        continue  # a street after its number: "3100 Howard Ave"
                    if ent.label_ == "PERSON" and self._not_a_name(words):
                        continue
                    if len(words) == 1 and _in_place_list(text, start, end):
                        continue  # "Oklahoma City, El Reno, Clinton, Amarillo"
                    if ent.label_ == "PERSON" and self._person_like(words):
                        seed = len(words) >= 2 and text[start:end].lower() not in places
                        out.append(result("PERSON", start, end, 0.7, self, "ner", seed=seed))
                    elif ent.label_ == "PERSON" and self._loose_name(words):
                        out.append(result("PERSON", start, end, 0.5, self, "ner:loose",
                                          seed=False))
                    elif (ent.label_ == "ORG" and 2 <= len(words) <= 3
                          and self._person_like(words) and not self._not_a_name(words)
                          and is_first_name(words[0]) and not is_ordinary(words[-1])
                          and not is_everyday(words[-1].lower())):  # "Salina Family Healthcare"
                        out.append(result("PERSON", start, end, 0.6, self, "ner:org_name",
                                          seed=True))
        if doc is not None:
            out += self._name_shapes(text, doc)
        out += self._given_names(text)
        if _CYRILLIC_NAME.search(text):
            out += self._cyrillic_names(text)
        out += self._chat_names(text)
        out += self._initial_surnames(text)
        out += self._logins(text)
        out += self._party_codes(text)
        out += self._ocr_names(text)
        for name, pattern, score in self._compiled:
            cues = _CUES_BEFORE.get(name)
            for m in pattern.finditer(text):
                if cues is not None and not _cued(text, m.start(), cues):
                    continue
                start, end = m.span("n")
                cut = re.search(r"['’]s?\s", m.group("n"))
                if cut:  # "Ms. Dimaculangan's BDO account": the name ends at the possessive
                    end = start + cut.end() - 1
                poss = re.search(r"['’]s?$", text[start:end])
                if poss:
                    end -= len(poss.group(0))
                words = text[start:end].split()
                while words and fold(words[-1]).strip(".") in NOT_NAMES:
                    end -= len(words[-1]) + 1
                    words = words[:-1]
                if not words:
                    if name in ("nickname", "quoted_nick"):  # '"Mama", "Jarell", "Quanisha"'
                        out += self._quoted_more(text, m.end(), score, name)
                    continue  # only label words were left: "Van Thi" before "Street"
                if name == "caps_last_first":
                    head, _, tail = text[start:end].partition(",")
                    if len(head.split()) >= 2 and tail.split() and not tail.split()[0].isupper():
                        end = start + len(head)  # "HUANG DEFU, Fuqing CN": his name, his town
                        words = head.split()
                if name == "paren_nick" and (words and _acronym(words[0]) or any(
                        english_zipf(w) >= 3.0 and is_ordinary(w.lower()) and not is_first_name(w)
                        and not is_surname(w, 5_000) for w in m.group(0).split("(")[0].split())):
                    continue  # a defined term: 'Reauthorization Act ("TVPRA")', 'Inn ("Hotel")'
                quoted = name in ("nickname", "paren_nick", "quoted_nick", "role_nick")
                if name == "title":
                    if len(words) == 2 and (fold(words[1]) in NOT_NAMES or _STOP.match(words[1])
                                            or is_place(words[1]) or is_everyday(words[1])
                                            and not is_first_name(words[1])):
                        end = start + len(words[0])  # "Kuya Ben Said", "Doña Chela Street"
                        words = words[:1]
                    word = words[0] if words else ""
                    title = m.group(0).split()[0].strip(".").lower()
                    if fold(word) in NOT_NAMES or fold(word) in NOT_PEOPLE or _STOP.match(word) \
                            or is_place(word) or (word.islower() and (
                                not is_first_name(word) or is_everyday(word))) or (
                            title in _HOMOGRAPH_TITLES and is_everyday(word)
                            and not is_first_name(word)):
                        continue  # "I ate Breakfast", "Don Quixote" stays a name
                    quoted = True
                if name == "cell_last_first":
                    last, given = (w.strip(",.") for w in words[:2])
                    if not is_first_name(given) or is_ordinary(given) or is_place(last) \
                            or is_place(given) or is_region(given) or is_everyday(last) and \
                            not is_surname(last, 20_000) or fold(last) in NOT_NAMES:
                        continue  # "Canton, Ohio", "Total, Paid"
                    quoted = True
                if name == "kin_apposition":  # a given name, or a word of no language
                    if not (is_first_name(words[0]) or _rare_capitalised(words[0])) or \
                            fold(words[0]) in NOT_NAMES or fold(words[0]) in NOT_PEOPLE:
                        continue
                    quoted = True
                if name == "family":
                    word = words[0] if words else ""
                    if fold(word) in NOT_PEOPLE or fold(word) in NOT_NAMES \
                            or is_everyday(word.lower()) and not is_surname(word, 20_000):
                        continue  # "the Haitian family", "the Royal family"
                    quoted = True
                if name == "vietnamese":
                    if not is_surname(words[0], 50_000) or any(
                            fold(w) in NOT_NAMES or fold(w) in _ORG_WORDS for w in words[2:]):
                        continue
                    quoted = True
                if name == "under_name":
                    if any(fold(w) in NOT_NAMES or fold(w) in _ORG_WORDS for w in words):
                        continue  # "in the name of the Father", "under the name Acme LLC"
                    quoted = True
                if name == "payee":
                    if any(len(w.rstrip(".")) > 1 and fold(w) not in _PARTICLES and (
                            fold(w) in _ORG_WORDS or fold(w) in NOT_NAMES or fold(w) in _PAY_WORDS
                            or (is_ordinary(fold(w)) and not is_first_name(w)
                                and not is_surname(w, 20_000))) for w in words):
                        continue  # "TRANSFER TO SAVINGS", "ZELLE TO ACME TOWING LLC"
                    quoted = True
                if name.startswith("caps_"):
                    if not self._caps_name(name, words):
                        continue
                    quoted = True
                if name == "speaker":
                    if any(fold(w) in NOT_NAMES or fold(w).replace("rn", "m") in NOT_NAMES
                           or _STOP.match(w) for w in words) or \
                            self._not_a_name(words) and not all(
                                is_name_in_chat(w) for w in words):
                        continue
                    quoted = True
                if name == "kin_aged":
                    if not words or not _KIDS_BEFORE.search(text, max(0, start - 60), start) or \
                            fold(words[0]) in NOT_NAMES or fold(words[0]) in NOT_PEOPLE or \
                            is_ordinary(words[0].lower()) or is_place(words[0]):
                        continue  # "Exhibit (7)", "Room (4)": no child
                    quoted = True
                if name == "nick_inside":
                    given, last = fold(words[0]), fold(words[-1]).strip(".,")
                    if not is_first_name(given) or given in NOT_NAMES or given in NOT_PEOPLE or \
                            last in NOT_NAMES or last in NOT_PEOPLE or last in _ORG_WORDS or \
                            last in _PLACE_WORDS or is_place(last):
                        continue  # 'Operation "Cross Country" Results': no name
                    quoted = True
                if name == "surname_did":
                    word = words[0] if words else ""
                    if not is_surname(word, 50_000) or is_everyday(word.lower()) or \
                            is_ordinary(word.lower()) or is_place(word) or is_region(word) or \
                            fold(word) in NOT_NAMES or fold(word) in NOT_PEOPLE or \
                            fold(word) in _ORG_WORDS or re.search(
                                r"(?i)\b(?:the|a|an|this|that)[ \t]+$",
                                text[max(0, start - 6):start]):
                        continue  # "Houston received", "The Defendant paid"
                    quoted = True
                if name == "kin_es":
                    if any(fold(w) in NOT_NAMES or fold(w) in NOT_PEOPLE or is_place(w)
                           or spanish_zipf(w.lower()) >= 3.5 or english_zipf(w.lower()) >= 3.5
                           for w in words):
                        continue  # "mi mamá Dios", "su papá Dijo"
                    quoted = True
                if name in ("article_lower", "kin_lower"):
                    word = words[0] if words else ""
                    if not is_first_name(word) or is_everyday(word) or is_ordinary(word) or \
                            fold(word) in NOT_NAMES or fold(word) in NOT_PEOPLE or \
                            spanish_zipf(word) >= 4.0:
                        continue  # "la casa", "el jefe", "perdió la esperanza": words
                    quoted = True
                if name == "cue_lower":  # "my name is hope": a name even if a word
                    if words and is_everyday(words[0]) and not is_first_name(words[0]):
                        continue  # "my name is sometimes written ..."
                    if len(words) > 1 and is_ordinary(words[1]):
                        end = start + len(words[0])
                        words = words[:1]
                    quoted = not any(fold(w) in NOT_NAMES or fold(w) in NOT_PEOPLE
                                     or fold(w) in _FUNCTION_WORDS for w in words)
                if not words or not (quoted or self._person_like(words)):
                    continue
                strong = name == "cue" and _STRONG_CUE.search(
                    text[max(0, m.start() - 40):m.start()]) is not None
                if name in ("cue", "role") and _PLACE_AFTER.match(text, end):
                    continue  # "Detective, Whatcom County Sheriff's Office"
                org_next = re.match(r"[ \t]+([A-Z][\w'’]*)", text[end:end + 30])
                if name in ("cue", "role") and org_next and fold(org_next.group(1)) in _ORG_WORDS:
                    continue  # "follow-up with Salina Family Healthcare": an organisation
                if name == "cue" and _THING_CALLED.search(text, max(0, start - 40), start):
                    continue  # "a sugar-daddy app called SweetArrangement": a thing's name
                if name in ("cue", "role", "speaker", "aged") and self._not_a_name(words) and not (
                        strong and all(is_first_name(w) and not is_everyday(w) for w in words)
                ) and not (strong and _NAMED_BEFORE.search(text, max(0, start - 8), start)
                           and all((is_first_name(w) or is_surname(w, 20_000))
                                   and fold(w) not in NOT_NAMES for w in words)
                ) and not (strong and _KIN_NAMED.search(text, max(0, start - 16), start)
                           and all(_rare_capitalised(w) for w in words)
                ) and not (name == "speaker" and all(is_name_in_chat(w) for w in words)
                           ) and not (name == "cue" and _SOMEONE_NAMED.search(
                               text, max(0, start - 40), start) and words[0][:1].isupper()
                                      and not any(fold(w) in NOT_NAMES for w in words)):
                    continue
                seed = name in ("honorific", "title", "clergy", "nickname", "paren_nick",
                                "quoted_nick",
                                "role_nick",
                                "speaker", "cue_lower") or len(words) >= 2
                out.append(result("PERSON", start, end, score, self, f"pattern:{name}",
                                  seed=seed))
                if name in ("nickname", "quoted_nick"):  # 'aka "Winter", "Kiki", "Snow"'
                    out += self._quoted_more(text, m.end(), score, name)
        # an officer named by rank acts for the public, as a judge does: "Det. C. Amstutz",
        # "Sgt. Greer", "Deputies Harper and Vukovich" stay in a filing
        # and a holiday is no one: "Valentine's Day", "Mother's Day"
        # nor a chain store: "left at a Casey's gas station", "an Applebee's"
        # nor a town of two words: "to Mae Sot" (nor "Mãe" before a town's second word)
        # nor a truck: "drove a blue Mack", "Leave the Kenworth alone"
        # (and the rank itself is no one, nor a rank and a name the model read as one: "Ptl.",
        # "SA Whitney Calloway")
        return [r for r in out if not _RANK_BEFORE.search(text, max(0, r.start - 40), r.start)
                and not _RANK_LEAD.match(text, r.start, r.end)
                and not _cited_abbreviation(text, r.start, r.end)
                and not _town_of_words(text, r.start, r.end)
                and not _named_as_place(text, r.start, r.end)
                and not _FACILITY_AFTER.match(text, r.end)
                and not (fold(text[r.start:r.end]) in _FEASTS and _FEAST_BEFORE.search(
                    text, max(0, r.start - 10), r.start))
                and not (_TRUCK.match(text[r.start:r.end]) and _TRUCK_BEFORE.search(
                    text, max(0, r.start - 12), r.start))
                and not _HOLIDAY_AFTER.match(text, r.end)
                and not (_CHAIN_BEFORE.search(text, max(0, r.start - 6), r.start)
                         and text.startswith(("'s", "’s"), r.end))
                and not (fold(text[r.start:r.end]) in STYLED
                         and STYLE_BEFORE.search(text, max(0, r.start - 6), r.start))]

    def _quoted_more(self, text: str, pos: int, score: float,
                     name: str) -> list[RecognizerResult]:
        """The quoted names listed after a first one: 'aka "Winter", "Kiki", "Snow"'."""
        out = []
        while (more := _QUOTED_NEXT.match(text, pos)) is not None:
            if fold(more.group("n")) not in NOT_NAMES:
                out.append(result("PERSON", more.start("n"), more.end("n"), score, self,
                                  f"pattern:{name}", seed=True))
            pos = more.end()
        return out

    def _name_shapes(self, text: str, doc: object) -> list[RecognizerResult]:
        """Capitalized word runs with a word no dictionary knows, outside places and orgs."""
        places = [(e.start_char, e.end_char) for e in getattr(doc, "ents", ())
                  if e.label_ in _NOT_PERSON_LABELS]
        out = []
        for m in _NAME_RUN.finditer(text):
            lead = re.match(rf"{_KIN_LEAD}\s+", m.group(0))  # "Son Jomar Bautista"
            start = m.start() + (lead.end() if lead else 0)
            words = text[start:m.end()].split()
            if not words:
                continue
            folded = [fold(w) for w in words]
            if all(self._is_word(w.lower()) for w in words) or self._not_a_name(words):
                continue
            if any(f in NOT_NAMES or f in _ORG_WORDS or f in SUFFIX_FORMS or f in _REGION_WORDS
                   for f in folded):
                continue
            if any(is_everyday(f) and not is_first_name(f) for f in folded) and not (
                    len(words) == 2 and is_surname(words[1], 20_000) and not is_ordinary(folded[0])
                    and english_zipf(folded[0]) < 2.5 and spanish_zipf(folded[0]) < 3.0):
                continue  # "Subpoena Duces Tecum", "Cellebrite Physical Analyzer", "Habla"
                # (not "Arnel Mercado": a given name common only in Tagalog, then a surname)
            if any(start < e and s < m.end() for s, e in places):
                continue
            if _a_people(text, start, m.end(), words):
                continue  # "Afaan Oromo", "the Temne community"
            out.append(result("PERSON", start, m.end(), 0.5, self, "pattern:name_shape",
                              seed=False))
        return out

    @staticmethod
    def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
        """Split a span at line breaks, wide gaps and separators; trim possessives."""
        spans = []
        pos = start
        for m in _SEGMENT_SPLIT.finditer(text, start, end):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, end))
        out = []
        for s, e in spans:
            seg = text[s:e]
            lead = re.match(rf"^(?:the\s+|The\s+|{HONORIFIC}\.?\s+|{_KIN_LEAD}\s+)", seg)
            if lead:
                s += lead.end()
            tail = re.search(r"(?:['’]s?|[.,;:])+$", text[s:e])
            if tail and not re.search(r"\b[A-Z]\.$", text[s:e]):
                e -= len(tail.group(0))
            if e > s:
                out.append((s, e))
        return out

    def _chat_names(self, text: str) -> list[RecognizerResult]:
        """Lower-case names in a chat, by where they stand: "tell dre i said", "trell said be
        ready", a word no dictionary or stop list knows, next to a name's verbs."""
        out = []
        for m in _LOWER_WORD.finditer(text):
            word = m.group(0)
            if len(word) < 3 or is_everyday_in_chat(word) and not is_name_in_chat(word) or \
                    is_ordinary(word) and not is_first_name(word) or \
                    _STOP.match(word) or \
                    is_place(word) or fold(word) in NOT_NAMES or fold(word) in NOT_PEOPLE or \
                    word in _CHAT_SLANG or _MEDICINE.search(word) or \
                    _spanish_word(text, m.start(), m.end()):
                continue
            if _ENCLITIC.match(word) or re.match(r"[ \t]+(?i:christmas|xmas|new year)\b",
                                                 text[m.end():m.end() + 12]):
                continue  # "mándame tu número", "llámame": a verb; "merry christmas"
            if name_position(text, m.start(), m.end()) and not is_word_abroad(word):
                out.append(result("PERSON", m.start(), m.end(), 0.4, self, "chat:name",
                                  seed=True))
        return out

    def _initial_surnames(self, text: str) -> list[RecognizerResult]:
        """An initial and a census surname, as notes and logs sign: "R. Flores", "nurse
        D. Pemberton", "A. Villatoro-Smith", OCR's "T. Mos1ey"; not "N. Main St" nor "D. Mass."."""
        out = []
        for m in _INITIAL_SURNAME.finditer(text):
            parts = m.group("s").translate(_OCR_LETTERS).split("-")
            if _STREET_AFTER.match(text, m.end()) or fold(parts[0]) in NOT_NAMES:
                continue
            if m.group("s").isupper() and is_ordinary(fold(parts[0])) and \
                    re.fullmatch(r"[ \t>*\-]*", text[text.rfind("\n", 0, m.start()) + 1:m.start()]):
                continue  # an outline's heading: "A. BANK OF AMERICA", "B. BLOCK, INC."
            if not any(is_surname(p) for p in parts) or any(
                    is_everyday(p.lower()) and not is_first_name(p) and not is_surname(p, 10_000)
                    for p in parts) or len(parts[0]) <= 4 and text.startswith(".", m.end()):
                continue  # "D. Mass.", "S.D. Tex." are courts
            out.append(result("PERSON", m.start(), m.end(), 0.5, self, "gazetteer:initial",
                              seed=False))
        return out

    def _ocr_names(self, text: str) -> list[RecognizerResult]:
        """Given names OCR wrote with a digit for a letter: "Arno1do", "Efra1n", "Ne1son"."""
        out = []
        for m in _OCR_NAME.finditer(text):
            reads = (m.group(0).translate(_OCR_LETTERS), m.group(0).translate(_OCR_I))
            if any(is_first_name(r) and (not is_everyday(r.lower()) or is_name_in_chat(r))
                   for r in reads) and not any(is_everyday(r.lower()) and not is_first_name(r)
                                               for r in reads):  # "A1so" is "Also"
                out.append(result("PERSON", m.start(), m.end(), 0.5, self, "gazetteer:ocr",
                                  seed=False))
        return out

    def _party_codes(self, text: str) -> list[RecognizerResult]:
        """A police report's parties by their codes: "W-1 Patel", "V1 Ortega", "S-2 Dale
        Kinnick"; each word after the code a given name or a surname, and a dictionary word
        only as a common surname ("W-2 Wage" is a tax form)."""
        out = []
        for m in _PARTY_CODE.finditer(text):
            words = m.group("n").split()
            if all((is_first_name(w) or is_surname(w)) and (not is_ordinary(w.lower())
                                                            or is_surname(w, 2000))
                   for w in words):
                out.append(result("PERSON", m.start("n"), m.end("n"), 0.6, self,
                                  "pattern:party_code", seed=len(words) >= 2))
        return out

    def _logins(self, text: str) -> list[RecognizerResult]:
        """Staff log-ins made of an initial and a surname, in logs and key-card records:
        "HNGUYEN", "GM-DVARMA", "jlockridge"; never a word, a name or a surname itself."""
        out = []
        for m in _LOGIN.finditer(text):
            login = m.group("l")
            rest = login[1:]
            if not is_surname(rest, 40_000) or is_everyday(login.lower()) or is_everyday(
                    rest.lower()) and (not is_surname(rest, 5_000) or english_zipf(rest) >= 3.6) \
                    or is_first_name(login) or \
                    is_surname(login) or is_first_name(rest) and not is_surname(rest, 5_000) or \
                    is_place(login):
                continue
            out.append(result("PERSON", m.start(), m.end(), 0.45, self, "gazetteer:login",
                              seed=False))
        return out

    def _given_names(self, text: str) -> list[RecognizerResult]:
        """Given names NER missed: a capitalised given name (with the capitalised word after it
        as a surname), or a lower-case one that no dictionary knows ("met keisha there")."""
        out = []
        for m in _GIVEN.finditer(text):
            first, rest = m.group("f"), m.group("s")
            if rest and "\n" in text[m.end("f"):m.start("s")] and (
                    is_place(first) or is_region(first) or is_everyday(rest.split()[0].lower())):
                rest = None  # "Employer: ..., Houston⏎Gaji / Salary": a line ends at a place
            word_name = is_ordinary(first) and _word_and_surname(text, m.start(), first, rest)
            if (not is_first_name(first) or is_ordinary(first) and not word_name
                    or fold(first) in NOT_NAMES
                    or fold(first) in NOT_PEOPLE or (is_place(first) and not rest)
                    or first.lower() in _VIETNAMESE_KIN  # "Chị ơi": sister, as a title
                    or _STOP.match(first)
                    or sum(c.isupper() for c in first) > 1 and not first.isupper()
                    or _PLACE_AFTER.match(text, m.end("f"))
                    or _STATE_AFTER.match(text, m.end("f"))
                    or not rest and _PEOPLE_AFTER.match(text, m.end("f"))
                    or not rest and _a_people(text, m.start(), m.end("f"), [first])
                    or not rest and _a_town(text, m.start(), [first])
                    or not rest and _in_place_list(text, m.start(), m.end("f"))
                    or not rest and re.match(r"['’]s\b", text[m.end("f"):m.end("f") + 3])
                    and re.search(r"(?i)\bthe[ \t]+$", text[max(0, m.start() - 5):m.start()])):
                continue  # "Quincy, Massachusetts", "Houston TX", "the Mende community"
            if rest and is_place(f"{first} {rest}"):
                continue  # "Santo Domingo"
            hyphened = re.match(r"-([A-Z][\w'’]+)", text[m.end("f"):m.end("f") + 30])
            if hyphened and is_small_place(f"{first}-{hyphened.group(1)}"):
                continue  # "Winston-Salem", "Ivano-Frankivsk": a town, whatever Winston is
            if text.startswith(".", m.end("f")) and re.search(
                    r"[A-Z][a-z]{1,5}\.\s*&?\s*$", text[max(0, m.start() - 12):m.start()]):
                continue  # an abbreviation among others: "Tex. Civ. Prac. & Rem. Code"
            if first.islower():
                if _spanish_word(text, m.start(), m.end("f")) or is_word_abroad(first):
                    continue  # "con esperanza de que", "sin luz en la casa": the word
                if len(first) < 4 or is_everyday_in_chat(first) and not (
                        is_name_in_chat(first) and name_position(text, m.start(), m.end("f"))
                ) or not (
                        is_rare_word(first) or name_position(text, m.start(), m.end("f"))
                        or _in_name_list(text, m.start(), m.end("f"))):
                    continue
                out.append(result("PERSON", m.start(), m.start() + len(first), 0.4, self,
                                  "gazetteer:lower", seed=True))
                continue
            parts = [fold(w) for w in (rest or "").split()]
            if any(p in _ORG_WORDS or p in _PLACE_WORDS for p in parts):
                continue  # "Wyndham Hotels", "Harris County", "Jackson Memorial Hospital"
            if _MAKE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or any(
                    fold(w) in BRANDS for w in re.findall(
                        r"([A-Z][\w'’]*)[ \t]+(?=(?:[A-Z][\w'’]*[ \t]+)?$)",
                        text[max(0, m.start() - 24):m.start()])):
                continue  # "Toyota Sienna", "GMC Sierra", "Nike Air Max"
            if is_region(first) and not (parts and is_surname(parts[0], 20_000)
                                         and not is_everyday(parts[0])):
                continue  # "Georgia Crime Information Center", "Georgia Bar"
            prev = text[max(0, m.start() - 20):m.start()].split()[-1:]
            if prev and prev[0][:1].isupper() and not first.islower() and (
                    is_place(f"{prev[0]} {first}") or prev[0] in (
                        "Los", "Las", "San", "Santa", "El", "La", "New", "Fort", "Port", "Mount",
                        "Mt.", "Memorial", "Saint", "St.", "Lake", "Camp", "Semana")):
                continue  # "Los Angeles", "New Jersey", "Memorial Hermann" (a hospital)
            while parts and (parts[-1] in NOT_NAMES or parts[-1] in _ORG_WORDS or parts[-1] in
                             NOT_PEOPLE or parts[-1] in SUFFIX_FORMS or is_place(parts[-1]) or
                             parts[-1] in _PLACE_WORDS):
                parts.pop()
            # a surname that is an everyday word must be a common surname ("Brown", "White"),
            # or the two words are a name of something else ("Jackson Heights", "Laura Ashley")
            if parts and is_everyday(parts[0]) and not is_surname(parts[0], 5_000) and not (
                    "-" in parts[0] and all(is_first_name(x) or is_surname(x, 20_000)
                                            for x in parts[0].split("-"))):  # "Jean-Charles"
                parts = []
            rest = " ".join((rest or "").split()[:len(parts)])
            surname = bool(parts) and not first.isupper() and not rest.isupper()
            if surname:
                # "Harmony Ruiz" teaches no one to read "Harmony" as a name elsewhere
                out.append(result("PERSON", m.start(), m.start("s") + len(rest), 0.55, self,
                                  "gazetteer:full", seed=not word_name))
            elif not first.isupper() and not _brand_after(
                    m.group("s"), text[m.end("f"):m.start("s")] if m.group("s") else ""):
                out.append(result("PERSON", m.start(), m.start() + len(first), 0.45, self,
                                  "gazetteer:given", seed=False))
        return out

    def _caps_name(self, kind: str, words: list[str]) -> bool:
        """A name written in capitals, as records do: no everyday word, place or label, and a
        given name where one is expected."""
        clean = [w.strip(",.") for w in words]
        folded = [fold(w).translate(_OCR_LETTERS) for w in clean if len(w) > 1]  # TREYV0N
        # "SANTOS" and "PEMBA" are towns too; "LAST, FIRST" still names a person unless it
        # closes on a region or every word is a place ("SANTOS, BRAZIL", "TAMPA, ORLANDO")
        placed = [is_place(f) for f in folded]
        if kind == "caps_last_first" and folded and not is_region(folded[-1]) \
                and not all(placed) and all(w.isupper() for w in clean):  # not "JENSEN, Dayton"
            placed = [False] * len(folded)
        if not folded or any(p or f in NOT_NAMES or f in NOT_PEOPLE or f in _ORG_WORDS or
                             f in _PLACE_WORDS or f in SUFFIX_FORMS or
                             _STOP.match(f) for f, p in zip(folded, placed, strict=True)) or any(
                _acronym(w) if kind != "caps_last_first"
                else len(w) >= 3 and not re.search(r"[AEIOUYaeiouy]", w) for w in clean):
            return False  # ... nor an acronym: "I. KYC RECORD", "JFK, VWP"
        everyday = [is_everyday(f) and not is_first_name(f) for f in folded]
        if kind == "caps_last_first":  # "SMITH, JOHN": the shape itself says name
            return len(clean) > 1 and not all(everyday)
        if any(everyday):
            return False
        if kind == "caps_run":  # "TREYVON ASHBY-COLES": a given name, or a known surname
            parts = [p for f in folded for p in f.split("-") if p]
            return len(folded) >= 2 and (any(is_first_name(f) for f in folded) or any(
                is_surname(p, 20_000) and not is_ordinary(p) for p in parts))
        # "P. MENDOZA": an initial and a surname no English dictionary holds
        return not is_ordinary(folded[-1]) and len(folded[-1]) >= 3

    def _cyrillic_names(self, text: str) -> list[RecognizerResult]:
        """Names in Cyrillic letters, which the English model cannot read: a capitalised word
        that reads as a given name in Latin letters (the Ukrainian or the Russian way), with
        the capitalised word after it as the surname ("Світлана Коваль", "Ирина")."""
        out = []
        for m in _CYRILLIC_NAME.finditer(text):
            first = m.group("f")
            if _slavic_word(first) or not any(
                    is_first_name(anyascii(k)) for k in (first, first.translate(UKRAINIAN_LATIN))):
                continue
            end = m.end("s") if m.group("s") and not _slavic_word(m.group("s")) else m.end("f")
            out.append(result("PERSON", m.start(), end, 0.5, self, "gazetteer:cyrillic",
                              seed=False))
        return out

    @staticmethod
    def _not_a_name(words: list[str]) -> bool:
        """Words that describe, not name: places, peoples, roles, organisations, acronyms, or
        only everyday words ("Clerk", "Continued Presence", "Lakota", "Gainesville", "JFK")."""
        return _describes(tuple(words))

    @staticmethod
    def _describes_uncached(words: tuple[str, ...]) -> bool:
        if len(words) == 1 and words[0].isupper() and len(words[0].strip(".,:")) <= 5:
            return True
        if any(_acronym(w.strip(".,:;()")) for w in words):
            return True  # "I. KYC", "ICE FOIA", "Login IPs": acronyms, not a name
        if len(words) == 2 and words[1].strip(".,:;()") in US_STATES:
            return True  # "Normal IL", "Effingham IL": a town and its state
        if all(_CYRILLIC.fullmatch(w.strip(".,:;()«»\"")) and _slavic_word(w) for w in words):
            return True  # "Він", "Там": a Ukrainian or Russian everyday word, no one's name
        folded = [fold(w).strip(".,'’:") for w in words]
        folded = [re.sub(r"'s$", "", f) for f in folded if f]
        if not folded:
            return True
        if len(folded) == 2 and folded[0] in NOT_PEOPLE and words[0][1:].islower() and \
                words[1][:1].isupper() and is_first_name(folded[0]) and (
                is_surname(folded[1], 20_000) or not is_everyday(folded[1])) and not (
                folded[1] in NOT_PEOPLE or folded[1] in _ORG_WORDS or folded[1] in _PLACE_WORDS
                or is_ordinary(folded[1]) or is_place(folded[1])):
            return False  # "Dakota Reinholt", "Cheyenne Morgan": a given name and a surname
        if any(f in NOT_PEOPLE or f in _ORG_WORDS or f in _PLACE_WORDS for f in folded):
            return True
        if len(folded) == 1 and _STOP.match(folded[0]):
            return True  # "Mar 3", "Se fue"
        if is_place(" ".join(folded)):
            return True
        # a place among words that are everyday or acronyms: "Ciudad Guatemala", "FBI Springfield"
        rest = [f for w, f in zip(words, folded, strict=False) if not is_place(f)]
        if 0 < len(rest) < len(folded) and all(
                is_everyday(f) or w.isupper() for w, f in zip(words, folded, strict=False)
                if not is_place(f)):
            return True
        if len(folded) == 2 and is_surname(folded[1], 20_000) and not is_ordinary(folded[0]) \
                and english_zipf(folded[0]) < 2.5 and spanish_zipf(folded[0]) < 3.0:
            return False  # "Jennylyn Castro": a given name common only in Tagalog, a surname
        return all(is_everyday(f) and not is_first_name(f) for f in folded) or all(
            is_ordinary(f) and not is_first_name(f) for f in folded)

    @staticmethod
    def _loose_name(words: list[str]) -> bool:
        """An NER person in any case: letters only, a given name among them, no stop word of
        the languages clients write in, not a known non-name."""
        folded = [fold(w).strip(".,'’") for w in words]
        if not folded or any(not f.replace("-", "").replace("'", "").isalpha() for f in folded):
            return False
        if any(re.match(r"[a-z]+[A-Z]", w) for w in words):
            return False  # "Urine hCG neg", "her iPhone": a unit's or a brand's shape
        if any(f in NOT_NAMES or f in NOT_PEOPLE or f in _ORG_WORDS or _STOP.match(f)
               for f in folded):
            return False
        if all(w[:1].islower() for w in words) and (any(is_everyday(f) for f in folded) or not any(
                is_first_name(f) and len(f) >= 3 for f in folded)):
            return False
        return any(is_first_name(f) or not is_ordinary(f) for f in folded if len(f) > 1)

    @staticmethod
    def _person_like(words: list[str]) -> bool:
        if not words:
            return False
        names = 0
        for w in words:
            if w.lower() in _PARTICLES:
                continue
            if not _NAME_WORD.match(w) or fold(w).strip(".") in NOT_NAMES and not (
                    w is words[0] and len(words) == 2 and _given_and_surname(words)):
                return False  # (but "Kia Thao" is a girl, not a car)
            if len(w.strip(".")) > 1:
                names += 1
        if names == 0:
            return False
        if names == 1 and words[-1].isupper() and len(words[-1]) > 3 and len(words) == 1:
            return False  # a lone word in capitals is a heading far more often than a name
        return True
