"""Regular expressions for addresses, dates of birth and identifiers in any written form."""

from __future__ import annotations

import re
from datetime import date

from redaction.gazetteer import (
    HOMETOWN_PUBLIC,
    NORTH_AMERICA_PUBLIC,
    city_population,
    english_zipf,
    is_ordinary,
    is_place,
    is_region,
    is_small_place,
    is_world_region,
    national_city_population,
)
from redaction.lexicon import STATE_NAMES, STREAM_GAP, VEHICLE_MAKES
from redaction.variants import (
    ID_SEP,
    Variant,
    alternation,
    fold,
    is_common_word_name,
    last4_variants,
    loose_form,
    ocr_form,
    short_ocr_form,
)

# ---------------------------------------------------------------- addresses
_DIRS = {
    "n": "N|North", "s": "S|South", "e": "E|East", "w": "W|West",
    "ne": "NE|Northeast", "nw": "NW|Northwest", "se": "SE|Southeast", "sw": "SW|Southwest",
}
_SUFFIXES = [
    ("St", "Street"), ("Ave", "Avenue", "Av"), ("Rd", "Road"), ("Dr", "Drive"), ("Ln", "Lane"),
    ("Blvd", "Boulevard"), ("Ct", "Court"), ("Cir", "Circle"), ("Pl", "Place"), ("Way",),
    ("Ter", "Terr", "Terrace"), ("Pkwy", "Parkway"), ("Hwy", "Highway"), ("Trl", "Trail"),
    ("Sq", "Square"), ("Loop",), ("Run",), ("Pike",), ("Row",), ("Aly", "Alley"),
    ("Cres", "Crescent"), ("Xing", "Crossing"), ("Pt", "Point"), ("Path",), ("Walk",),
    ("Cv", "Cove"), ("Holw", "Hollow"), ("Bnd", "Bend"),
]
SUFFIX_FORMS = {f.lower(): group for group in _SUFFIXES for f in group}
SUFFIX_ALT = alternation({f for g in _SUFFIXES for f in g})
_UNIT = (r"(?:Apt|Apartment|Unit|Suite|Ste|No|Number|Rm|Room|Lot|Trlr|Trailer|Space|Spc|Fl|"
         r"Floor|Lote|Casa|Depto|Departamento|Interior|Int|#)")


def _dir_re(word: str) -> str | None:
    d = _DIRS.get(word.lower().rstrip("."))
    if not d:
        return None
    alts = "|".join(rf"{form}\.?" for form in d.split("|"))
    return rf"(?:{alts})"


def _suffix_re(word: str) -> str | None:
    group = SUFFIX_FORMS.get(word.lower().rstrip("."))
    return rf"(?:{alternation(set(group))})\.?" if group else None


def _rural_variants(line: str, rural: re.Match[str]) -> list[Variant]:
    """A rural route's box in its written forms: "Rt 2 Box 148" is "Route 2, Box 148" and
    "RR 2 Box 148"; "RR 2 Box 47B" is "RR 2, Box 47-B" and OCR's "B0X 47B"; a rural route
    written alone ("her grandmother's home on RR 1") is hers too, a numbered route is not."""
    route, box, letter = rural.group(1), rural.group(2), rural.group(3)
    tail = rf"(?:[ \t]?-?[ \t]?(?i:{letter}))?(?![\w\-])" if letter else r"(?![\d\-])"
    box_forms = rf"(?i:P\.?\s?O\.?\s*)?(?i:B[o0]x)\s*#?\s*{box}{tail}"
    pat = (r"(?<![\w\-])(?i:Rt|Rte|Route|RR|R\.R\.|Rural Route|Rural Rt|HC|Star Route)\.?\s*"
           rf"{route},?\s*{box_forms}")
    out = [Variant("ADDRESS", "address", re.compile(pat)),
           Variant("ADDRESS", "unit", re.compile(rf"(?<![\w\-]){box_forms}"),  # "to Box 44"
                   weak=True)]
    if re.match(r"(?i)RR|R\.R\.|Rural", line):
        out.append(Variant("ADDRESS", "unit", re.compile(
            rf"(?<![\w\-])(?:RR|R\.R\.|(?i:rural route))[ \t]?{route}(?![\w\-])"), weak=True))
    return out


def address_variants(raw: str) -> list[Variant]:
    """Full address, street line, number and street, street alone, 'on W 36th'."""
    parts = [p.strip() for p in raw.split(",") if p.strip()]
    if not parts:
        return []
    # (not a postal code before the town, after a street line that has its number: "ul.
    # Polna 9, 97-352 Łęki Szlacheckie, Poland")
    house = next((i for i, p in enumerate(parts) if re.match(r"\d", p) and not (
        i > 0 and re.search(r"\d[A-Za-z]?$", parts[i - 1])
        and re.match(r"\d{2}-?\d{3}\s+[^\W\d_]{3}[^\d]*$", p))), None)
    if house and len(parts) - house >= 2:  # "Lot 14, Magnolia Pines RV Park, 4120 Hwy 1, ..."
        return _lead_variants(parts[:house]) + address_variants(", ".join(parts[house:]))
    if len(parts) > 2 and re.match(r"(?i)(?:P\.?\s?O\.?\s*)?Box\s*#?\s*\d+[A-Z]?$", parts[1]):
        parts = [f"{parts[0]} {parts[1]}", *parts[2:]]  # "Rural Route 2, Box 18, Dorris, ..."
    places = place_variants(parts)
    rural = re.match(r"(?i)^(?:Rt|Rte|Route|RR|R\.R\.|Rural Route|HC|Star Route)\.?\s*(\d+),?\s*"
                     r"(?:P\.?O\.?\s*)?Box\s*#?\s*(\d+)(?:\s?-?([A-Z]))?$", parts[0])
    if rural:
        return _rural_variants(parts[0], rural) + places
    # "N4421 County Road Q": Wisconsin's rural numbers carry their direction's letter
    m = re.match(r"^((?:[NSEW](?=\d{3}))?\d+[A-Za-z]?(?:-\d+)?)\s+(.+)$", parts[0])
    if not m and not re.search(r"\d", raw):
        # no house, no number: "Gimbi, West Welega, Ethiopia" names places only, and her own
        # town among them is what points to her; the zone and the country stay
        return places
    if not m:  # the whole line, up to its state and ZIP (which stay, as the city's)
        head = re.sub(r",\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$", "", raw.strip())
        whole = r"\s+".join(map(re.escape, head.split()))
        return [Variant("ADDRESS", "address", re.compile(whole, re.I)), *places]
    number, street = m.group(1), m.group(2)
    unit = None
    # the unit word whole: "Calle Nopal" is no "No. pal", "Lotus Ln" no lot
    um = re.search(rf"\s+((?:{_UNIT})(?![a-z])\.?\s*#?\s*[\w\-]+)$", street, re.I)
    if um:
        unit, street = um.group(1), street[: um.start()]
    rest = parts[1:]
    if rest and re.match(rf"^(?:{_UNIT})(?![a-z])\.?\s*#?\s*[\w\-]+$", rest[0], re.I):
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
    # a street's kind inside its name too: "County Road Q" is "County Rd Q"
    core = r"\s+".join((_suffix_re(w) if 0 < i < len(words) - 1 else None) or (
        ocr_form(w) if w.isalpha() and len(w) >= 3 else re.escape(w))  # "0ld Hwy 49"
        for i, w in enumerate(words))
    pre_o = rf"(?:{pre}\s+)?" if pre else ""
    suf_o = rf"(?:\s+{suffix})?" if suffix else ""
    post_o = rf"(?:\s+{post})?" if post else ""
    tail = ""
    unit_alone = []
    if unit:
        unum = re.sub(rf"^{_UNIT}\.?\s*#?\s*", "", unit, flags=re.I)
        tail += rf"(?:,?\s*{_UNIT}\.?\s*#?\s*{re.escape(unum)}(?!\w))?"
        # her unit by a word of its kind: "(#214)", "apartamento 22" for her "Apt 22"; a motel
        # "room 3" is no apartment 3 (and co-counsel keep a case's rooms)
        kind = _unit_kind(unit)
        unit_alone = [Variant("ADDRESS", "unit", re.compile(
            rf"(?<![\w#])(?:#\s*|(?i:{kind})\.?\s*#?\s*){re.escape(unum)}(?![\w\-/])"),
            weak=True)]
        if re.fullmatch(r"\d{1,4}[A-Z]|[A-Z]\d{1,4}", unum):  # "住 6C", "Apt 3R" as "3R"
            unit_alone.append(Variant("ADDRESS", "unit", re.compile(
                rf"(?<![\w#\-/.]){re.escape(unum)}(?![\w\-/])"), weak=True))
    if rest and _named_place(rest[0]) and not town_variants(rest[0], home=_home_country(parts)):
        rest = []  # "..., Baltimore MD 21223": a large city and its state stay (the ZIP goes)
    if rest:
        city = r"\s+".join(re.escape(w) for w in rest[0].split())
        tail += rf"(?:,?\s*{city})?"
        # her state stays, as a filing keeps a city's (her ZIP goes by its own variant)
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
    lead = re.match(r"(?i)(?:calle|avenida|av\.?|camino|carrera|cra\.?|rua|rue|via|"
                    r"callej[oó]n|privada|cerrada|andador)$", words[0]) if len(words) > 1 else None
    if lead and len(words) == 2 and len(words[1]) >= 5 and english_zipf(words[1]) < 3.5:
        out.append(Variant("ADDRESS", "street", re.compile(  # "the house on nopal"
            rf"(?<![\w\-]){re.escape(words[1])}(?!\w)(?!\s+(?-i:[A-Z][a-z]))", re.I)))
    distinctive = len(words) > 1 or (len(words[0]) >= 6 and not words[0][0].isdigit()
                                     and not re.fullmatch(STATE_NAMES, words[0], re.I))
    if rest and fold(" ".join(words)) == fold(rest[0]):
        distinctive = False  # "88 Kearny Ave, Kearny": the street's name alone is her town's
    if distinctive:  # "on Bellfort", not "Orange County"
        out.append(Variant("ADDRESS", "street", re.compile(
            rf"(?<![\w\-]){core}(?!\w)(?!\s+(?-i:[A-Z][a-z]))", re.I)))
    return out + unit_alone + places


def _lead_variants(lead: list[str]) -> list[Variant]:
    """The parts before an address's house number: her unit alone ("lot 14" for "Lot 14") and
    the name of her park or building ("Magnolia Pines RV Park")."""
    out = []
    for part in lead:
        um = re.match(rf"^(?:{_UNIT})(?![a-z])\.?\s*#?\s*([\w\-]+)$", part, re.I)
        if um:
            out.append(Variant("ADDRESS", "unit", re.compile(
                rf"(?<![\w#])(?<!\b[Aa] )(?i:{_unit_kind(part)})\.?\s*#?\s*"
                rf"{re.escape(um.group(1))}(?![\w\-/])(?!\s+(?i:mi|miles?|km|feet|ft|min|"
                r"minutes|hours?|days?|times|people|years?|more)\b)"), weak=True))
        elif len(part.split()) >= 2 and re.search(r"[^\W\d_]{4}", part):
            out.append(Variant("ADDRESS", "address", re.compile(
                r"(?<![\w\-])" + r"\s+".join(ocr_form(w) if w.isalpha() and len(w) >= 4
                                              else re.escape(fold(w)) for w in part.split())
                + r"(?![\w\-])"), folded=True))
    return out


_UNIT_KINDS = (
    r"apt|apartment|unit|flat|apartamento|apto|aparta(?:m|rn)ento|departamento|depto|interior",
    r"suite|ste|room|rm",
    r"trlr|trailer|[l1]ote?|space|spc|lot",
    r"fl|floor|piso",
)


def _unit_kind(unit: str) -> str:
    """The words that name a unit of the same kind as a listed one ("Apt 5": an apartment)."""
    word = re.match(r"\s*([^\W\d_]+)", unit)
    for kind in _UNIT_KINDS:
        if word and re.fullmatch(kind, word.group(1), re.I):
            return kind
    return "|".join(_UNIT_KINDS)


def place_variants(parts: list[str]) -> list[Variant]:
    """The town (and village, district, province) of a listed address, written alone, and
    its postal code: each points to the person unless it is a large city, a state or a
    country (GeoNames). Weak, so a keep-list name or a statute vetoes them."""
    out = []
    home = _home_country(parts)
    named = [p for p in parts if not re.fullmatch(r"[A-Z]{2,3}|[\d\s\-]+", p.strip())
             and not re.match(rf"^(?:{_UNIT}|Apto|Depto)\b", p, re.I)]
    if named and is_place(named[-1]) and not re.fullmatch(STATE_NAMES, named[-1], re.I):
        # "..., Quiché, Guatemala"; but a town the gazetteer knows is the town ("Plot 17,
        # Ndeiya Road, Limuru, Kenya")
        street_before = re.search(r"(?i)\b(?:road|rd|street|st|avenue|ave|calle|avenida|lane|"
                                  r"drive|way|plot|house|carretera|highway|hwy)\b", named[-3]) \
            if len(named) >= 3 else None
        region = named[-2] if len(named) >= 4 and not street_before else None
        if len(named) == 3 and not re.search(r"\d", named[0]) and not re.match(
                _SETTLEMENT, named[0] + " ") and not is_small_place(named[1]) and \
                not city_population(named[1]):  # "Gimbi, West Welega, Ethiopia": a zone
            region = named[1]
        if region is not None and re.search(r"\d", parts[0]) and len(parts) <= 4 and \
                _unknown_place(region) and _unknown_place(named[-3]):
            region = None  # "No. 42/1, Pahala Para, Hanwella, Sri Lanka": a road, then her town
            # (but "Dhunche, Rasuwa, Nepal" and "Purok 3, Barangay San Isidro, Tayug,
            # Pangasinan, Philippines" end in a district and a province)
    else:
        region = None
    for i, part in enumerate(parts):
        pm = _POSTCODE.search(part) if i > 0 else None
        if pm:  # "N8X 1K5", "SW1A 1AA"; OCR's "P0T 2JO" too
            out.append(Variant("ADDRESS", "zip", re.compile(
                r"(?<![\w\-])" + _ocr_code(pm.group(1)) + r"\s?" + _ocr_code(pm.group(2))
                + r"(?![\w\-])", re.I), weak=True))
        cep = re.search(r"(?<![\d\-])(\d{5}-\d{3}|\d{6})$", part)
        if cep and i > 0:  # Brazil's CEP "35420-000"; a six-digit PIN, index or postcode
            code = cep.group(1)
            out.append(Variant("ADDRESS", "zip", re.compile(
                rf"(?<![\w\-$.,]){code[:5]}[\-\s]?{code[5:].lstrip('-')}(?![\w\-]|[.,]\d)"),
                weak=True, digits=re.sub(r"\D", "", code)))
        zm = re.search(r"(?<!\d)(\d{5})(?:-\d{4})?$", part)
        if zm and i > 0:
            out.append(Variant("ADDRESS", "zip", re.compile(rf"(?<![\w\-$.,]){zm.group(1)}"
                                                            r"(?![\w\-]|[.,]\d)"),
                               weak=True, digits=zm.group(1)))
        if i == 0 and re.match(r"^\d", part):
            continue  # the street line has its own patterns
        abroad = _STREET_ABROAD.match(part) if i == 0 else None
        if abroad:  # "Str. Libertății nr. 14" as "str. Libertatii nr 14", "Libertății 14"
            words = abroad.group("name").split()
            street = r"\s+".join(ocr_form(w) if len(w) >= 4 else re.escape(fold(w))
                                 for w in words)
            kind = re.escape(fold(abroad.group("kind")))
            number = (r",?\s*(?:(?:nr|no|n[º°o]|numer|num)\.?\s*|#\s*)?"
                      + re.escape(abroad.group("num")) + r"(?![\w\-])")
            # her street with its number, its kind written or not; or with its kind and no
            # number ("Av. Túpac Amaru", not "Túpac Amaru" the man)
            out.append(Variant("ADDRESS", "address", re.compile(
                rf"(?<![\w\-])(?:(?:[^\W\d_]{{2,7}}\.?\s+)?{street}{number}|"
                rf"{kind}\.?\s+{street}(?![\w\-]))"), folded=True))
            continue
        box = re.fullmatch(r"(?i)P\.?\s?O\.?\s*Box\s*#?\s*(\d{1,6})(?:-(\d{3,6}))?", part)
        if box:  # "P.O. Box 212-10106": her box and her post office's code
            out.append(Variant("ADDRESS", "address", re.compile(
                rf"(?<![\w\-])(?i:P\.?\s?O\.?\s*Box|Box)\s*#?\s*{box.group(1)}"
                + (rf"(?:\s*-\s*{box.group(2)})?" if box.group(2) else "") + r"(?![\w\-])")))
            continue
        road = re.search(r"(?i)\b(?:carretera|camino|brecha|road|highway|hwy\.?)\s+(?:a|al|to|"
                         r"para|hacia)\s+(?P<t>[^\W\d][^\d,]+)$", part)
        if road:  # "Km 8 Carretera a Dr. Arroyo": her ranch is near the town the road goes to
            out += town_variants(road.group("t").strip(), home=home)
        # (without an Indonesian hamlet's neighbourhood units: "Dusun Karangrejek RT 02/RW 05")
        part = re.sub(r"\s+RT\.?\s*\d{1,3}\s*/\s*RW\.?\s*\d{1,3}$", "", part)
        name = re.sub(r"^(?:[A-Z]{2}\s+)?\d[\d\-]*$|\s+\d[\d\-]*$", "", part).strip()
        # a Brazilian town and its state's code: "Trairão - PA", "Novo Progresso-PA"
        name = re.sub(r"\s*[-–]\s*[A-Z]{2}$", "", name) if i > 0 else name
        if i > 0:  # a European postal code before the town: "97-352 Łęki Szlacheckie"
            name = re.sub(r"^(?:[A-Z]{1,2}-)?\d{2}[\d\-]{2,5}\s+(?=[^\W\d_]{3})", "", name)
        if re.match(rf"^(?:{_UNIT}|Apto|Depto|P\.?\s?O\.?\s*Box|H\.?\s?No|Plot|House|Hse)\b",
                    name, re.I) or re.search(r"\d", name) or _everyday_street(name):
            continue
        if re.fullmatch(_SETTLEMENT, name + " ") and re.search(r"\d", part):
            out.append(Variant("ADDRESS", "town", re.compile(  # "Xóm 4", "Purok 2"
                r"(?<![\w\-])" + r"\s+".join(ocr_form(w) if len(w) >= 4 else re.escape(fold(w))
                                          for w in part.split()) + r"(?![\w\-])"), weak=True,
                folded=True))
            continue
        if (region is not None and part == region) or re.fullmatch(_SETTLEMENT, name + " "):
            continue  # a province or department is as public as a state
        if is_world_region(name) and not city_population(name) and \
                any(_named_place(p) for p in parts[:i]):
            continue  # "Mechitiw, Weno, Chuuk, FM 96942": Chuuk is the state, after her town
            # (but Totonicapán is a department and her town of 100,000 both)
        out += town_variants(re.sub(_SETTLEMENT, "", name), home=home)
        bare = _SETTLEMENT_AFTER.sub("", name)
        if home is None and bare == name:  # "Xiapu County, Ningde, Fujian": her county abroad
            bare = re.sub(r"\s+(?i:county|prefecture)$", "", name)
        if bare != name:  # "Gaoshan Town", "Boseong-eup": the town is Gaoshan, Boseong
            out += town_variants(bare)
        saint = re.match(r"^(?i:san|santa|santo|s[aã]o|saint|sainte|st\.?|ste\.?)\s+\S+\s+"
                         r"(?!(?i:de|del|la|da|do|dos|das|des|du)\s)(\S.*)$", name)
        if saint and town_variants(name, home=home):  # "Jicayán" of San Pedro Jicayán
            out += town_variants(saint.group(1), home=home)
        compass = _COMPASS_AFTER.match(name)
        if compass and town_variants(name, home=home):  # "Mananara" of Mananara Avaratra
            out += town_variants(compass.group(1), home=home)
        head = re.match(r"^(\S+\s+\S+)\s+(?:de|del|de la|da|do|dos|das)\s", name)
        if head and not re.search(_SETTLEMENT, name):  # "San Marcos" of San Marcos de Colón
            out += town_variants(head.group(1))
    return out


# a street line abroad, the street's kind first and its number last: "Str. Libertății nr. 14",
# "ul. Polna 9", "Rua das Flores, 12" (the kind a word of its own, cut short or not)
_STREET_ABROAD = re.compile(
    r"^(?P<kind>(?i:str|strada|ul|ulica|ulitsa|vul|vulytsia|bul|bulevardul|calea|rua|rue|via|"
    r"calle|avenida|av|avda|carrera|cra|kr|jl|jalan|duong|đường|pho|phố|sokak|sok|cad|"
    r"caddesi))\.?"
    r"\s+(?P<name>[^\W\d_][^\d,]*?[^\W\d_])\s*,?\s*(?:(?i:nr|no|n[º°o]|numer|num)\.?\s*|#\s*)?"
    r"(?P<num>\d{1,4}[A-Za-z]?)$")


def street_words(address: str) -> set[str]:
    """The words (five letters or more, folded) naming the street of an address abroad: what
    her street is called when it is written in another script ("ул. Орозбекова 31")."""
    m = _STREET_ABROAD.match(address.split(",")[0].strip())
    return {fold(w) for w in m.group("name").split() if w.isalpha() and len(w) >= 5} if m else set()


def _everyday_street(name: str) -> bool:
    """A street named by everyday words ("Main Road", "Station Street"): no town, and alone it
    points to no one."""
    m = re.fullmatch(r"(?i)(.+?)\s+(?:road|rd|street|st|avenue|ave|lane|close|crescent|drive)\.?",
                     name)
    return m is not None and all(is_ordinary(w) for w in m.group(1).lower().split())


# a town's compass word after its name, which people drop when they say it: "Mananara
# Avaratra" (north, in Malagasy), "Nueva Concepción Norte", "Saint-Louis du Sud"
_COMPASS_AFTER = re.compile(r"^(\S.*?)\s+(?:(?:du|del)\s+)?(?i:norte|sur|north|south|east|west|"
                            r"nord|sud|est|ouest|avaratra|atsimo|atsinanana|andrefana|"
                            r"oriental|occidental|utara|selatan|timur|barat)$")


_REGION_WORD = re.compile(r"(?i)\b(?:zone|region|province|prov\.|county|state|department|"
                          r"dept\.?|district|oblast|governorate|prefecture|parish|division)\b")


def _unknown_place(part: str) -> bool:
    """An address part no gazetteer names and no word marks as a region: read as a town or a
    road, not as the province a town lies in."""
    name = re.sub(r"\s+\d[\d\-]*$", "", part).strip()
    return not (_REGION_WORD.search(name) or is_world_region(name) or is_region(name)
                or is_small_place(name) or city_population(name)
                or re.fullmatch(r"[A-Z]{2,3}", name))


def _named_place(part: str) -> bool:
    """An address part that names a place (not a unit, a number or a street line)."""
    return bool(re.search(r"[^\W\d_]{3}", part)) and not re.search(r"\d", part) and \
        not re.match(rf"^(?:{_UNIT}|Apto|Depto|P\.?\s?O\.?\s*Box)\b", part.strip(), re.I)


# Canada's and the United Kingdom's postal codes at the end of an address part
_POSTCODE = re.compile(r"(?<![\w\-])([A-Z]\d[A-Z]|[A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]\d|\d[A-Z]{2})$")
_OCR_TWINS = {"0": "0O", "O": "O0", "1": "1IL", "I": "I1L", "L": "L1I", "5": "5S", "S": "S5",
              "8": "8B", "B": "B8", "2": "2Z", "Z": "Z2"}


def _ocr_code(code: str) -> str:
    """A postal code's characters, each also as OCR misreads it (0/O, 1/I/l, 5/S, 8/B)."""
    return "".join(f"[{_OCR_TWINS[c]}]" if c in _OCR_TWINS else re.escape(c) for c in code)


# words that name a kind of settlement before its name: "Aldea Chuicacá", "Barangay Tatlong
# Maria", "Xã Nghi Thái"
_SETTLEMENT = re.compile(
    r"^(?i:aldea|cant[oó]n|caser[ií]o|barrio|colonia|col\.|comunidad|ejido|ranchería|"
    r"rancheria|municipio|village|purok|barangay|brgy\.?|sitio|poblaci[oó]n|x[aã]|huy[eệ]n|"
    r"kebele|woreda|paraje|vereda|corregimiento|localidad|fraccionamiento|lotificaci[oó]n|"
    # South Asia's village words: "Gram Bhatauli", "Pind Dhaliwal", "Mouza Char Kukri"
    r"gram|gaon|pind|mouza|mauza|"
    # Punjab's "VPO Bilga" (village and post office) and its sub-district, "Tehsil Phillaur"
    r"vpo|v\.p\.o\.|vill\.?|tehsil|teh\.|"
    # Romania's and Moldova's village and commune ("sat Cotiujenii Mari"); Poland's
    r"sat|satul|comuna|wie[sś]|gmina|gm\.|"
    # Moldova's and the former Soviet Union's village, cut short: "s. Cărpineni", "с. Кочкор"
    r"s\.|с\.|"
    # a French-speaking town's quarter: "Quartier Escale, Ndiaganiao, Senegal"
    r"quartier|hameau|"
    r"x[oó]m|th[oô]n|ph[uư][oờ]ng|lakou|seksyon|commune|bairro|vila|distrito|district|"
    # Indonesian and Malay: village, hamlet, ward, sub-district, kampong
    r"desa|dusun|kelurahan|kel\.|kecamatan|kec\.|kampung|kampong|kp\.|"
    # Ukrainian and Russian: village, urban-type settlement
    r"selo|smt|pgt|poselok|"
    # Peru's annexes and populated centres; Thailand's village and subdistrict; Uzbek and
    # Kazakh villages
    r"anexo|centro\s+poblado|ban|muban|mu\s+ban|tambon|qishloq|kishlak|aul)\s+"
    # "Comunidad Campesina Pampacancha": a peasant, native or indigenous community
    r"(?:(?i:campesina|nativa|ind[ií]gena|rural)\s+)?"
    r"(?:(?i:de|del|de la|da|do|dos|das)\s+)?"
)


# ...or after it, in Chinese and Korean addresses written in Latin letters
_SETTLEMENT_AFTER = re.compile(r"(?:\s+(?i:town|village|township|district|parish|zhen|xiang|"
                               r"cun|mahalla|mahallasi|mahallesi|köyü|koyu|"
                               # East Africa's market town: "Kasawo Trading Centre"
                               r"trading\s+cent(?:re|er))|"
                               r"-(?i:eup|myeon|ri|dong|gun))$")


# where a town's name may begin: not inside a word, nor after a hyphen, except Tagalog's
# "taga-" (from): "Taga-Pililla po ako"
_TOWN_START = r"(?:(?<![\w\-])|(?<=[Tt][Aa][Gg][Aa]-))"


# a car's model is no town: "2016 Toyota Tacoma", "Ford Ranger", "Hyundai Tucson"
_NOT_MAKE = "".join(rf"(?<!\b{f} )" for m in VEHICLE_MAKES.split("|")
                    for f in dict.fromkeys((m, m.upper(), m.lower())))


# "Waller County" is the county, not her town; but "Harlingen PD called re: runaway juv"
# tells her town as plainly as her address does, so an institution's name is no exception
_NOT_COUNTY = rf"(?!{STREAM_GAP}(?i:county|parish|co\.|borough)\b)"


# an agency's field office is named by its city: "HSI Newark", "FBI El Paso"
_NOT_AGENCY = "".join(rf"(?<!\b{a} )(?<!\b{a.lower()} )" for a in  # not "Aldea Chuicacá"
                      ("HSI", "FBI", "ICE", "DHS", "ERO", "DEA", "ATF", "USAO", "CBP", "USCIS"))


_CA_POSTCODE = r"[A-Z]\d[A-Z]\s?\d[A-Z]\d"
_PROVINCE_CODES = "AB|BC|MB|NB|NL|NS|ON|PE|QC|SK|YT|NT|NU"


def _home_country(parts: list[str]) -> tuple[str, str | None] | None:
    """("US", state) or ("CA", province) when an address ends in the United States or Canada
    (a state or province code, its postal code, or the country named), else None."""
    last = parts[-1].strip() if parts else ""
    us = re.fullmatch(rf"(?:([A-Z]{{2}})|{STATE_NAMES})(?:\s+\d{{5}}(?:-\d{{4}})?)?", last)
    if us and (us.group(1) is None or us.group(1) not in _PROVINCE_CODES.split("|")
               or re.search(r"\d{5}", last)):
        return "US", us.group(1)
    if re.fullmatch(r"USA|U\.S\.A?\.?|United States", last):
        return "US", None
    ca = re.fullmatch(rf"({_PROVINCE_CODES})(?:\s+{_CA_POSTCODE})?|({_CA_POSTCODE})", last)
    if ca or last == "Canada":
        return "CA", ca.group(1) if ca else None
    return None


# a place name's words and their abbreviations, both ways: "St. Paul" is Saint Paul, "Sta. Rita"
# Santa Rita, "Mt. Airy" Mount Airy
_PLACE_ABBREVIATIONS = {"saint": "st", "sainte": "ste", "santa": "sta", "santo": "sto",
                        "mount": "mt", "fort": "ft", "port": "pt", "point": "pt",
                        "doctor": "dr", "general": "gral", "ciudad": "cd", "san": "s"}
_PLACE_EXPANSIONS = {v: k for k, v in _PLACE_ABBREVIATIONS.items() if k not in ("point", "san")}


def place_name_forms(name: str) -> list[str]:
    """The name and the name with its abbreviated words written out ("St. Paul", "Saint
    Paul"), for the gazetteer."""
    words = name.split()
    long = [_PLACE_EXPANSIONS.get(fold(w).rstrip("."), w) if w.endswith(".") or
            fold(w) in _PLACE_EXPANSIONS and i == 0 and len(words) > 1 else w
            for i, w in enumerate(words)]
    full = " ".join(long)
    return [name] if full == name else [name, full]


def _town_word(word: str) -> str:
    """One word of a town's name as a folded pattern: OCR's confusions, and the word's
    abbreviation or its full form."""
    key = fold(word).rstrip(".")
    full = _PLACE_EXPANSIONS.get(key) if word.endswith(".") or len(key) <= 3 else None
    if key in _PLACE_ABBREVIATIONS or full:
        long = full or key
        return rf"(?:{re.escape(long)}|{re.escape(_PLACE_ABBREVIATIONS[long])}\.?)"
    if len(key) >= 4:
        return ocr_form(word)
    return short_ocr_form(word) if word.isalpha() else re.escape(fold(word))


def _population(name: str, home: tuple[str, str | None] | None) -> int:
    """The largest population of a city of that name, or of it with its abbreviations written
    out, in its country when that is the United States or Canada."""
    return max((national_city_population(n, *home) if home is not None else city_population(n))
               for n in place_name_forms(name))


def town_variants(city: str, *, home: tuple[str, str | None] | None = None) -> list[Variant]:
    """One place name alone, unless it is public (a large city, a state, a country); `home`
    the country (and state or province) when the address is in the United States or Canada,
    where that country's cities count, public from NORTH_AMERICA_PUBLIC people."""
    name = city.strip()
    words = name.split()
    size = _population(name, home)
    public = NORTH_AMERICA_PUBLIC if home is not None else HOMETOWN_PUBLIC
    if not words or len(name) < 3 or is_region(name) or size >= public \
            or re.fullmatch(STATE_NAMES, name, re.I) \
            or re.fullmatch(r"[A-Z]{2}", name):
        return []
    body = r"\s+".join(loose_form(w) for w in words)
    if all(is_common_word_name(w) for w in words):  # "Hope", "Friendship": a proper noun only
        # (in capitals with or without its accents: "COMÈ", a passport's "COME")
        forms = [body, r"\s+".join(re.escape(w.upper()) for w in words),
                 r"\s+".join(re.escape(fold(w).upper()) for w in words)]
        forms = list(dict.fromkeys(forms))
        alt = "|".join(forms)  # the name first: the agency check runs only where it matches
        pat = re.compile(rf"{_TOWN_START}(?=(?:{alt})(?![\w\-])){_NOT_AGENCY}{_NOT_MAKE}(?:{alt})"
                         rf"(?![\w\-])"
                         rf"{_NOT_COUNTY}")
        # in a chat's lower case only as a journey's end that closes the message: "pick u up
        # in liberal", not "in liberal arts"
        lower = r"\s+".join(re.escape(w.lower()) for w in words)
        # (two everyday words in a row after "in" are her town wherever the message goes on:
        # "back in cypress hammock by 2")
        closes = "" if len(words) > 1 else (
            r"(?=[ \t]*(?:$|\n|[.,!?]|[\U0001F000-\U0001FAFF\u2600-\u27BF])|[ \t]{3,})")
        chat = re.compile(rf"(?:(?<=\bin )|(?<=\bto )|(?<=\bfrom )|(?<=\bnear )){lower}"
                          rf"{closes}(?!\w)", re.M)  # a PDF's wrap; an emoji closing the message
        return [Variant("LOCATION", "town", pat, weak=True, word=fold(name)),
                Variant("LOCATION", "town", chat, weak=True, word=fold(name))]
    ocr = r"\s+".join(_town_word(w) for w in words)
    # "Ky1e", any case, with or without accents; "Waller County" is the county, not her town
    # "Zumbrota-Mazeppa": her town joined to the next in a school district's name
    # (and "Besisahar-6": a ward's number after the town; "Yeongyang-e": a Korean particle)
    joined = r"(?!\w|-(?![^\W\d_]{3}|\d{1,2}(?!\d)|[a-z]{1,2}\b))"
    pat = re.compile(rf"{_TOWN_START}(?={ocr}{joined}){_NOT_AGENCY}{_NOT_MAKE}{ocr}{joined}"
                     rf"{_NOT_COUNTY}")
    return [Variant("LOCATION", "town", pat, weak=True, folded=True, word=fold(name))]


# ---------------------------------------------------------------- dates of birth
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


# the months in the clients' other languages: Spanish, Portuguese, French, Tagalog, Romanian,
# Haitian Creole, Vietnamese (written out) and Thai
_MONTHS_ABROAD = [
    "enero janeiro janvier ianuarie janvye มกราคม",
    "febrero fevereiro février pebrero februarie fevriye กุมภาพันธ์",
    "marzo março mars marso martie mas มีนาคม", "abril avril aprilie เมษายน",
    "mayo maio mai me พฤษภาคม", "junio junho juin hunyo iunie jen มิถุนายน",
    "julio julho juillet hulyo iulie jiyè jiyet กรกฎาคม", "agosto août out สิงหาคม",
    "septiembre setiembre setembro septembre setyembre septembrie septanm กันยายน",
    "octubre outubro octobre oktubre octombrie oktòb ตุลาคม",
    "noviembre novembro novembre nobyembre noiembrie novanm พฤศจิกายน",
    "diciembre dezembro décembre disyembre decembrie desanm ธันวาคม",
]
_OCR_MONTH = str.maketrans({"o": "[o0]", "l": "[l1]", "i": "[i1l]"})


def _month_re(m: int) -> str:
    full = _MONTHS[m - 1]
    abroad = _MONTHS_ABROAD[m - 1].split()
    # and cut short as forms and ID cards print them: "11 FEV 1996", "03 AGO 2015"
    forms = {full, full[:3]} | set(abroad) | {w[:3] for w in abroad if w.isascii() and len(w) > 3}
    if m == 9:
        forms.add("Sept")
    # OCR reads o as 0 and l as 1 in a month too: "febrer0", "ju1io"
    return rf"(?:{'|'.join(sorted(re.escape(f.lower()).translate(_OCR_MONTH) for f in forms))})\.?"


_DAY_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
              "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty"]
_DAY_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                 "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]


def _day_words(d: int) -> str:
    """The day of the month written out: "eight", "eighth", "twenty-first", "thirty one"."""
    tens, unit = divmod(d, 10)
    if d <= 20:
        return f"{_DAY_WORDS[d - 1]}|{_DAY_ORDINALS[d - 1]}"
    head = "twenty" if tens == 2 else "thirty"
    if unit == 0:
        return f"{head}|{head[:-1]}ieth"
    return rf"{head}[\s\-]?(?:{_DAY_WORDS[unit - 1]}|{_DAY_ORDINALS[unit - 1]})"


def _ocr_digits(digits: str) -> str:
    """A number as OCR may read it: O for 0, l or I for 1."""
    return "".join({"0": "[0O]", "1": "[1lI]"}.get(c, c) for c in digits)


def dob_variants(dob: date) -> list[Variant]:
    """The date in numeric (US, ISO, European), long, short-month and ordinal forms."""
    # OCR's O for a zero and l for a one: "11 / O2 / 1994"
    y4, y2 = _ocr_digits(f"{dob.year}"), _ocr_digits(f"{dob.year % 100:02d}")
    m, d = dob.month, dob.day
    mm = rf"[0O]?{_ocr_digits(str(m))}"
    dd = rf"[0O]?{_ocr_digits(str(d))}"
    yy = rf"(?:{y4}|'?{y2}|{dob.year + 543})"  # the Thai calendar counts from 543 BC
    ords = r"(?:st|nd|rd|th)?"
    mon = _month_re(m)
    s = r"(?:[/\-.]|[ \t]?/[ \t]?)"  # a form's boxes: "11 / 02 / 1994"
    de = r"(?:\s+de)?"  # "11 de febrero de 2005"
    words = rf"(?:the\s+)?(?:{_day_words(d)})"
    forms = [
        rf"{y4}{s}{mm}{s}{dd}",
        rf"{dd}{de}\s+{mon}{de},?\s*{yy}",
        # a passport's bilingual month: "02 ВЕР/SEP 85", "14 JUIL/JUL 2019"
        rf"{dd}\s+(?:[^\W\d_]{{2,6}}\.?\s?/\s?{mon}|{mon}\s?/\s?[^\W\d_]{{2,6}}\.?)\s*{yy}",
        rf"{words}\s*(?:of\s+)?{mon},?\s*{yy}",
        rf"{mon}\s+{words},?\s*{yy}",
        rf"{mm}{s}{dd}{s}{yy}",
        rf"{dd}{s}{mm}{s}{yy}",
        rf"{mon}\s*(?:the\s+)?{dd}{ords},?\s*{yy}",  # "July the 19th, 2007"
        rf"{dd}{ords}\s*(?:of\s+)?{mon},?\s*{yy}",
        rf"{dd}{s}{mon}{s}{yy}",
        rf"{dob.year}{m:02d}{d:02d}",
        rf"{m:02d}{d:02d}{dob.year}",
        rf"{y4}\s*[年년]\s*{mm}\s*[月월]\s*{dd}\s*[日일]?",  # 1991年11月3日, 1991년 11월 3일
        rf"(?:ngày\s+)?{dd}\s+tháng\s+{mm},?\s+(?:năm\s+)?{y4}",  # ngày 3 tháng 11 năm 1991
    ]
    full = rf"(?<![\w/\-.])(?:{'|'.join(f for f in forms if f)})(?![\w/]|[\-.]\d)"
    no_year = (
        rf"(?<![\w/\-.])(?:{mon}\s*{dd}{ords}|{dd}{ords}\s*(?:of\s+|de\s+)?{mon})"
        rf"(?!\w|,?\s*\d{{2,4}}|\s*/)"
    )
    # her month and year after a word of birth: "born in December 1998", "DOB: 12/1998"
    born = "|".join(rf"(?<={cue} )" for cue in ("born", "born in", "born on", "b.", "DOB",
                                                 "DOB:", "d.o.b.", "nacida en", "nacido en",
                                                 "nació en", "née en", "né en"))
    month_year = rf"(?:{born})(?:{mon},?\s*{y4}|{mm}{s}{y4})(?![\w/]|[\-.]\d)"
    return [
        Variant("DOB", "dob", re.compile(full, re.I)),
        Variant("DOB", "dob_day", re.compile(no_year, re.I), weak=True),
        Variant("DOB", "dob", re.compile(month_year, re.I)),
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
    body = ID_SEP.join(re.escape(c) for c in rest)
    if lead and len(re.sub(r"\D", "", rest)) < 6:
        body = ID_SEP.join(re.escape(c) for c in core)
        pat = rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
    else:
        pre = rf"(?:{re.escape(lead.group(0))}[\s\-#:]*)?" if lead else ""
        pat = rf"(?<![A-Za-z0-9]){pre}{body}(?![A-Za-z0-9])"
    out = [Variant(cat, "id", re.compile(pat, re.I), digits=re.sub(r"\D", "", rest)[-6:])]
    if len(digits) >= 6 and core[-4:].isdigit():
        tail = re.search(r"\d(?:[\s\-.]?\d){3}(?=\W*$)", raw)
        out += last4_variants(cat, core[-4:], bare=True, written=tail.group(0) if tail else "")
    return out
