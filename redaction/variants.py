"""Regular expressions for every written form of a known identifier.

Each builder takes one value from the case context and returns the patterns that find it in
a document however it is written: a name in capitals or split over a line, a phone number in
any punctuation, a date of birth spelled out, an address by its street alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from spacy.lang.en.stop_words import STOP_WORDS

from redaction.gazetteer import english_zipf
from redaction.lexicon import (
    COMMON_WORD_NAMES,
    NOT_DOTTED_INITIALS,
    NOT_INITIALS,
    NOT_NAMES,
    RESPECT_WORDS,
)

SEP = r"[\s.\-()/]{0,3}"  # between the digits of a phone number or identifier
ID_SEP = r"[\s\-./]?"


@dataclass(frozen=True, slots=True)
class Variant:
    """A compiled pattern for one form of one known identifier."""

    category: str
    kind: str  # name, initials, alias, phone, email, handle, address, dob, id, last4 ...
    pattern: re.Pattern[str]
    weak: bool = False  # public facts (statutes, keep list) may veto a weak match
    folded: bool = False  # runs on the lower-case, accent-free view of the text (fold_view)
    digits: str = ""  # a match always holds these digits in a row: skip texts without them
    word: str = ""  # a town's name, folded: also sought in the scripts the text may use


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, for comparing names."""
    if text.isascii():  # most words: no accents to take off
        return text.lower()
    nfkd = unicodedata.normalize("NFKD", text)
    # composed again: a Hangul syllable comes apart into its letters and must come back
    return unicodedata.normalize(
        "NFC", "".join(c for c in nfkd if not unicodedata.combining(c))).lower()


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


_NUMERIC_TOKEN = re.compile(r"[\dOoIl|.\-/()]*\d[\dOoIl|.\-/()]*")
_DIGIT_READS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
# where a listed number is looked for, also B for 8 between digits ("1194B3726") and Cyrillic's
# З and О where a 3 and a 0 stand ("N1482290З")
_NUMBER_TOKEN = re.compile(r"[\dOoIl|.\-/()ЗО]*\d(?:B(?=\d)|[\dOoIl|.\-/()ЗО])*")
_NUMBER_READS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "B": "8",
                               "З": "3", "О": "0"})


def ocr_digits(text: str, *, listed: bool = False) -> str:
    """Text with OCR's letters for digits read as digits inside numbers ("2OOO" -> "2000"),
    every character in its place; `listed` reads more, for a number the record holds."""
    if listed:
        return _NUMBER_TOKEN.sub(lambda m: m.group(0).translate(_NUMBER_READS), text)
    return _NUMERIC_TOKEN.sub(lambda m: m.group(0).translate(_DIGIT_READS), text)


def alternation(options: set[str] | list[str]) -> str:
    return "|".join(sorted({o for o in options if o}, key=len, reverse=True))


# ---------------------------------------------------------------- names
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W\d_])?")


def name_words(name: str) -> list[str]:
    """The words of a name, without initials ("Kiara D. Whitfield" -> Kiara, Whitfield)."""
    return [w for w in _WORD.findall(name) if len(w) > 1 or not w.isupper()]


NAME_PARTICLES = {"de", "del", "la", "las", "los", "y", "da", "das", "do", "dos", "di", "du",
                  "van", "von", "der", "den", "le", "el", "al", "bin", "ibn", "st", "e"}


# a patronymic's ending after the father's given name: "Baxtiyorovna" (Baxtiyor's daughter),
# "Nurlanuly" (Nurlan's son)
_PATRONYMIC = re.compile(r"^([^\W\d_]{4,}?)(?:ovna|evna|yevna|ivna|ovich|evich|yevich|ovych|"
                         r"ovitch|uly|ulı|kyzy|qizi)$", re.I)


def name_tokens(names: tuple[str, ...]) -> set[str]:
    """Every word of every name, plus the parts of hyphenated or apostrophe names, and the
    father's name inside a patronymic ("Baxtiyor qizi" says whose daughter she is)."""
    out: set[str] = set()
    for name in names:
        words = name_words(name)
        for i, word in enumerate(words):
            out.add(word)
            father = _PATRONYMIC.match(word) if 0 < i < len(words) - 1 else None
            if father:
                out.add(father.group(1))
            for part in re.split(r"[\-'’]", word):
                if len(part) >= 3:
                    out.add(part)
    # Vietnamese middle names "Thị" and "Văn" say only her gender
    return {t for t in out if len(t) >= 2 and fold(t) not in NAME_PARTICLES | {"thi"}}


_ACCENTS = {
    "a": "aàáâãäåā", "c": "cçć", "e": "eèéêëē", "i": "iìíîïī", "n": "nñ", "o": "oòóôõöøō",
    "u": "uùúûüū", "y": "yýÿ", "s": "sšś", "z": "zžź",
}


def kept_form(token: str) -> str:
    """A pattern (for a case-blind search) of a kept name's word as records write it: with or
    without accents, OCR's 0 for O and 1 for I or l ("F0NTAINE", "QUIN0NES" for Quiñones)."""
    out = []
    for ch in token:
        base = fold(ch)
        group = _ACCENTS.get(base, "") + {"o": "0", "i": "1l", "l": "1i"}.get(base, "")
        out.append("(?:m|rn)" if base == "m" else f"[{re.escape(ch)}{group}]" if group
                   else re.escape(ch))
    return "".join(out)


def loose_form(token: str) -> str:
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
    forms = {loose_form(w) for w in words}
    return rf"(?<![\w@.])(?:{alternation(forms)}){_POSSESSIVE}(?!\w|['’]\w\w)"


# Characters OCR reads for others, in the lower-case folded view: "R0sa", "CaroI", "Jasrnine".
_OCR = {"o": "[o0]", "l": "[l1i|]", "i": "[i1l|!]", "m": "(?:m|rn)", "s": "[s5]", "e": "[e3]",
        "b": "[b68]", "g": "[g9]", "a": "[a@]"}
_OCR_SHORT = {**_OCR, "l": "[l1|]", "i": "[i1|!]"}
_JOIN = r"[\s\-_.]?"  # between the parts of an alias: "baby girl", "baby-girl", "babygirl"
# "Lexis car", "Kikis Cash Card", "Graces EAD" (with its apostrophe, the 's stays outside)
_POSSESSIVE = r"(?:s(?=[ \t]+(?:[a-z]|[A-Z][a-z]|[A-Z]{2,}(?![a-z]))))?"


def is_common_word_name(word: str) -> bool:
    """True for a name that is also an everyday word (Hope, Summer, Sierra, Luz)."""
    from redaction.gazetteer import is_everyday, is_first_name, is_ordinary, word_frequency

    key = fold(word)
    if key in COMMON_WORD_NAMES or key in STOP_WORDS:  # "Mỹ", "Her", "Long": "my", "her"
        return True
    parts = [p for p in re.split(r"[\s\-]+", key) if p]
    # "Little Bit", "Baby Girl": "a little bit"; not "Lady T", "Jade Baby", nor a doubled word,
    # a pet name ("Nei-Nei")
    if len(parts) >= 2:
        return len(set(parts)) > 1 and all(len(p) >= 3 and (p in STOP_WORDS or (
            is_ordinary(p) and not is_rare_in_use(p) and not is_first_name(p))) for p in parts)
    if not is_ordinary(key) or is_rare_in_use(key):
        return False
    if key != word.lower():  # "Fortuné": without its accent, the everyday "fortune"
        return word_frequency(key) >= 3.5
    return not is_first_name(key) and is_everyday(key)


_DOUBLED = re.compile(r"([a-z])\1+")
_SOFT_END = re.compile(r"(?:ie|ey|ee|y)$")
_SOFT_G = re.compile(r"ge$|g(?=[ei])")


@lru_cache(maxsize=65536)
def spelling_key(word: str) -> str:
    """The name as it sounds, whichever of its usual spellings: doubled letters single, a
    closing y/ie/ey/ee as i, "ight" as "ite", "ph" as "f", a soft g as j (Lily, Lilly and Lili;
    Sunny and Sunnie; Loretta and Lorreta; Starlight and Starlite; Nadège and Nadèj)."""
    key = fold(word).replace("ight", "ite").replace("ph", "f")
    # one sound, several romanisations of Cyrillic and Central Asian names: "Aizhan" and
    # "Aijan", "Dzhamila" and "Jamila", "Khadija" and "Hadija"
    key = key.replace("dzh", "j").replace("zh", "j").replace("kh", "h")
    key = _DOUBLED.sub(r"\1", key)
    # a soft g as Haitian Creole writes it ("Nadège", "Nadèj"); Somali's x for an h sound
    # ("Xalimo", "Halimo")
    key = _SOFT_G.sub("j", key)
    if key.startswith("x") and len(key) >= 5:
        key = "h" + key[1:]
    return _SOFT_END.sub("i", key)


def is_rare_in_use(word: str) -> bool:
    """A dictionary word nobody writes any more ("sisi"): a name, not a word, in a chat."""
    from redaction.gazetteer import word_frequency

    return word_frequency(word) < 2.0


def ocr_form(token: str) -> str:
    """The folded token as a pattern that tolerates OCR's confusions; a four-letter one only
    its digit confusions ("Tami" is not the script code "Taml" in a font list)."""
    table = _OCR if len(token) > 4 else _OCR_SHORT
    form = "".join(table.get(ch, re.escape(ch)) for ch in fold(token).replace("’", "'"))
    if len(token) == 4 and fold(token).startswith("i"):  # a capital I read as l: "lzzy"
        form = "[il1|!]" + form[len(_OCR_SHORT["i"]):]
    if form.endswith(_OCR["g"]):  # a handwritten closing g read as q: "wenq" of Weng
        form = form[:-len(_OCR["g"])] + "[g9q]"
    return form


def _alias_form(alias: str, ocr: bool) -> str:
    parts = [p for p in re.split(r"[\s\-_.]+", fold(alias).replace("’", "'")) if p]
    if ocr and len(parts) > 1:  # "Ana-Lu" OCR'd as "Ana1u", "Baby-Sol" as "Baby S0l"
        return _JOIN.join(ocr_form(p) if len(p) >= 4 else "".join(
            _OCR_SHORT.get(ch, re.escape(ch)) if ch in "ol" else re.escape(ch) for ch in p)
            for p in parts)
    return _JOIN.join(ocr_form(p) if ocr and len(p) >= 4 else re.escape(p) for p in parts)


def name_variants(names: tuple[str, ...], aliases: tuple[str, ...]) -> list[Variant]:
    """Every word of the person's names alone and aliases in any case, with or without the
    possessive's apostrophe, alias parts joined by a hyphen, a space or nothing, OCR's
    confusions inside longer words; names that are everyday words only where capitalised
    (the matcher adds their lower-case uses in a name's position); and initials."""
    tokens = name_tokens(names)
    common = {t for t in tokens if is_common_word_name(t)}
    plain = tokens - common
    out = []
    if plain:
        forms = {ocr_form(t) if len(t) >= 4 else re.escape(fold(t)) for t in plain}
        # "Ji-yeon" written "JI YEON" or "Jiyeon"
        forms = {f.replace(r"\-", r"[\s\-]?") for f in forms}
        pat = rf"(?<![\w@.])(?:{alternation(forms)}){_POSSESSIVE}(?!\w|'\w\w)"
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    if common:  # "Dawn" the name, not "at dawn"
        capital = {t[:1].upper() + t[1:].lower() for t in common} | {t.upper() for t in common}
        out.append(Variant("PERSON", "name", re.compile(_word_regex(capital))))
        # with its accents no everyday word: "Mỹ", any case, is hers, never "my"
        marked = {w for w in common if fold(w) != w.lower()}
        if marked:
            out.append(Variant("PERSON", "name", re.compile(
                rf"(?<![\w@.])(?i:{alternation({re.escape(w) for w in marked})})"
                rf"{_POSSESSIVE}(?!\w)")))
        ocr = {ocr_form(t) for t in common if len(t) >= 4}
        pat = rf"(?<![\w@.])(?=[^\W_]*(?:[0-9|!]|rn))(?:{alternation(ocr)}){_POSSESSIVE}(?!\w)"
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    aliases = tuple(aliases) + alias_parts(aliases)
    # "A-Ling" is also "Ah Ling" (the Chinese 阿 before a name), and "Ah Guo" "A-Guo"
    aliases += tuple(("Ah " if m.group(1) == "A" else "A-") + m.group(2) for a in aliases
                     if (m := re.match(r"^(Ah|A)[\s\-](\w{2,})$", a)))
    alias_plain = {_alias_form(a, ocr=True) for a in aliases if not is_common_word_name(a)}
    alias_common = [a for a in aliases if is_common_word_name(a)]
    # "Little Bit" is said "Lil Bit": an everyday word where the alias is one
    lil = lil_forms(aliases)
    alias_common += [form for a, form in lil.items() if a in alias_common]
    alias_plain |= {_alias_form(form, ocr=True) for a, form in lil.items()
                    if a not in alias_common}
    if alias_plain:
        pat = rf"(?<![\w@.])(?:{alternation(alias_plain)}){_POSSESSIVE}(?!\w|'\w\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat), folded=True))
    if alias_common:
        forms = set()
        for a in alias_common:
            forms |= {re.escape(a[:1].upper() + a[1:]), re.escape(a.upper())}
            parts = [p for p in re.split(r"[\s\-]+", a) if p]
            if len(parts) >= 2:  # "Star-light", "Baby girl" of Star-Light, Baby-Girl
                forms.add(re.escape(parts[0][:1].upper() + parts[0][1:]) + r"[\s\-]?" +
                          r"[\s\-]?".join(f"(?i:{re.escape(p)})" for p in parts[1:]))
        pat = rf"(?<![\w@.])(?:{alternation(forms)}){_POSSESSIVE}(?!\w|['’]\w\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat)))
        ocr = {_alias_form(a, ocr=True) for a in alias_common}
        pat = rf"(?<![\w@.])(?=[^\W_]*(?:[0-9|!]|rn))(?:{alternation(ocr)}){_POSSESSIVE}(?!\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat), folded=True))
    # in capitals OCR reads any I as l or 1: "ESPl" for ESPI, "MAR1SOL" (a capital form only,
    # so a mixed-case word such as a font's "Taml" is never "TAMI")
    capital_i = {fold(t).upper() for t in plain if "i" in fold(t) and len(t) >= 3} | {
        fold(a).upper() for a in aliases if "i" in fold(a) and len(a) >= 3
        and not is_common_word_name(a) and re.fullmatch(r"[^\W\d_]+", a)}
    if capital_i:
        forms = {re.escape(t).replace("I", "[Il1|]") for t in capital_i}
        pat = rf"(?<![\w@.])(?=[A-Z]*[l1|])(?:{alternation(forms)}){_POSSESSIVE}(?!\w)"
        out.append(Variant("PERSON", "name", re.compile(pat)))
    # "KiKi" of Kiki: a capital inside is never the everyday word; and a doubled alias spaced
    # ("ki ki", "Coco-Coco" is no form, "co co" is)
    inner = {fold(a) for a in aliases if re.fullmatch(r"[^\W\d_]{3,}", a)}
    if inner:
        pat = (rf"(?<![\w@.])(?=[^\W\d_]+[A-Z])(?i:{alternation({re.escape(a) for a in inner})})"
               rf"(?!\w)")
        out.append(Variant("PERSON", "alias", re.compile(pat), folded=False))
    doubled = {fold(a)[:len(a) // 2] for a in aliases if len(a) >= 4 and len(a) % 2 == 0
               and fold(a)[:len(a) // 2] == fold(a)[len(a) // 2:] and a.isalpha()}
    if doubled:
        forms = {rf"{re.escape(h)}[\s\-]{re.escape(h)}" for h in doubled}
        pat = rf"(?<![\w@.])(?:{alternation(forms)})(?!\w)"
        out.append(Variant("PERSON", "alias", re.compile(pat), folded=True))
        # said once, as a name is written: "Kay: im at zoeys" of KayKay
        once = {f for h in doubled if len(h) >= 3 for f in (h.capitalize(), h.upper())}
        if once:
            out.append(Variant("PERSON", "alias", re.compile(
                rf"(?<![\w@.])(?:{alternation({re.escape(f) for f in once})}){_POSSESSIVE}"
                rf"(?!\w|['’]\w\w)")))
    # a three-letter name OCR'd with a digit for its O or I ("N0K", "T0u L0r"): no word has
    # the digit, so any case
    short = {fold(w) for w in tokens | {w for a in aliases for w in name_words(a)}
             if len(fold(w)) == 3 and re.search("[oil]", fold(w)) and fold(w).isalpha()}
    if short:
        forms = {short_ocr_form(w) for w in short}
        # a letter and a digit both: "111" in a PDF's coordinates is no "Lil"
        pat = (rf"(?<![\w@.])(?=[^\W_]*[01|])(?=[^\W_]*[^\W\d_])(?:{alternation(forms)})"
               rf"{_POSSESSIVE}(?!\w)")
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    # spelt out letter by letter, as an interpreter writes a name down: "R-O-S-E-M-È-N-E"
    spelt = {fold(w) for w in tokens | {w for a in aliases for w in name_words(a)}
             if len(fold(w)) >= 4 and fold(w).isalpha()}
    if spelt:
        forms = {r"(?:[\-.][ \t]?|[ \t])".join(map(re.escape, w)) for w in spelt}
        pat = rf"(?<![\w\-.])(?:{alternation(forms)})\.?(?![\w\-])"
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    # two words of her name run together, as a list or a handle writes them: "PaKou" of
    # Pa Kou Her, "MAIXEE" of Mai Xee Vang
    joined = {fold(a + b) for n in tuple(names) + tuple(aliases)
              for a, b in zip(name_words(n), name_words(n)[1:], strict=False)
              if len(a) >= 2 and len(b) >= 2 and len(a + b) >= 5 and (a + b).isalpha()}
    joined -= {t for t in joined if is_common_word_name(t)}
    if joined:
        pat = rf"(?<![\w@.])(?:{alternation({re.escape(j) for j in joined})}){_POSSESSIVE}(?!\w)"
        out.append(Variant("PERSON", "name", re.compile(pat), folded=True))
    lettered = tuple(a for a in aliases if re.fullmatch(r"[A-Z]{2,4}", a))  # an alias "TP"
    out.extend(initials_variants(names, lettered))
    out.extend(_cjk_variants(tuple(names) + tuple(aliases)))
    return out


def short_ocr_form(word: str) -> str:
    """A short folded word with OCR's digit for O and I or l ("n0k", "ri0")."""
    return "".join({"o": "[o0]", "i": "[i1l|]", "l": "[l1|]"}.get(ch, re.escape(ch))
                   for ch in fold(word))


_HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
_HANGUL = r"\uac00-\ud7a3"
_CJK_NAME = re.compile(rf"^[{_HAN}{_HANGUL}]{{2,4}}$")


def _cjk_variants(names: tuple[str, ...]) -> list[Variant]:
    """A name in Chinese characters or Hangul, which texts write without spaces and, in Korean,
    with a particle after it: the whole name, the given name after the one-syllable family
    name ("秀英" of 陈秀英, "민지" of 김민지), and the Chinese nicknames made of it ("阿英",
    "小英", "芳芳")."""
    han: set[str] = set()
    hangul: set[str] = set()
    for name in names:
        for word in name.split():
            if not _CJK_NAME.match(word):
                continue
            given = word[1:] if len(word) <= 3 else word[2:]
            forms = {word, given} if len(given) >= 2 else {word}
            if re.match(rf"[{_HAN}]", word):
                last = word[-1]
                # 阿玲, 小玲, 玲玲; and as the younger call her: 玲姐 (sister Ling), 玲哥
                han |= forms | {f"阿{last}", f"小{last}", last * 2} | {
                    last + kin for kin in ("姐", "哥", "妹", "弟", "姨")}
            else:
                hangul |= forms
    out = []
    if han:  # no spaces between Chinese words: no boundary to look for
        out.append(Variant("PERSON", "name", re.compile(alternation(han))))
    if hangul:  # "민지가", "민지한테": a particle may follow, but no syllable may come before
        pat = rf"(?<![{_HANGUL}])(?:{alternation(hangul)})"
        out.append(Variant("PERSON", "name", re.compile(pat)))
    return out


def lil_forms(aliases: tuple[str, ...]) -> dict[str, str]:
    """Each alias opening with "Little" as it is said: "Lil Bit" of Little Bit."""
    return {a: re.sub(r"^(?i:little)\b", "Lil", a) for a in aliases
            if re.match(r"(?i)little\s+\w", a)}


# words that make a name small or dear before it: Haitian "Ti", Filipino "Ate", "Kuya"
_PET_PREFIXES = {"ti", "ate", "kuya", "lil", "nene", "baby"}


def alias_parts(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """A part of a two-part alias that is a given name, used alone ("Mia" of "Mia-Rose")."""
    from redaction.gazetteer import is_first_name, is_ordinary, word_frequency

    out = []
    for alias in aliases:
        parts = [p for p in re.split(r"[\s\-_.]+", alias) if p]
        if len(parts) >= 2:
            out += [p for p in parts if len(p) >= 3 and is_first_name(fold(p))
                    and not is_ordinary(fold(p)) and fold(p) not in NOT_NAMES]
        # an alias without its Spanish article: "Güera" of "La Güera", "Chele" of "El Chele";
        # without the "little" of Haitian, Filipino and Tajik pet names: "Pru" of "Ti Pru"
        if len(parts) == 2 and (parts[0].lower() in ("el", "la") and len(parts[1]) >= 4 or
                                parts[0].lower() in _PET_PREFIXES and len(parts[1]) >= 3
                                and not is_ordinary(fold(parts[1]))) and \
                parts[1].isalpha() and fold(parts[1]) not in NOT_NAMES:
            out.append(parts[1])
        # half of a doubled alias: "Zee" of "Zee-Zee", "Lolo" of "Lo Lo" is no half
        if len(parts) == 2 and fold(parts[0]) == fold(parts[1]) and len(parts[0]) >= 3 and \
                parts[0].isalpha() and word_frequency(parts[0]) < 3.5 and \
                fold(parts[0]) not in NOT_NAMES:  # "zee" is in the dictionary, seldom written
            out.append(parts[0])
    return tuple(dict.fromkeys(out))


def assumed_names(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Aliases that are a whole person's name, given name and surname ("Marco Lagos" on a
    borrowed ID): written every way her own names are, "LAGOS, MARCO" on a roster too."""
    from redaction.gazetteer import is_first_name, is_ordinary, is_surname

    out = []
    for alias in aliases:
        words = alias.split()
        if 2 <= len(words) <= 3 and all(re.fullmatch(r"[^\W\d_][^\W\d_'’\-]{2,}", w)
                                        and w[0].isupper() for w in words) and \
                is_first_name(words[0]) and fold(words[0]) not in RESPECT_WORDS and \
                (is_surname(words[-1]) or not (
                    is_ordinary(fold(words[-1])) or is_first_name(words[-1]))):
            out.append(alias)
    return tuple(out)


def contact_nicknames(emails: tuple[str, ...], handles: tuple[str, ...]) -> tuple[str, ...]:
    """A name the person goes by that only her own email or handle spells ("mafer" of
    mafer.quintero04@...): a word of four letters or more that no dictionary or gazetteer
    knows."""
    from redaction.gazetteer import (
        city_population,
        is_everyday,
        is_ordinary,
        is_place,
        is_world_region,
    )

    out = []
    for value in emails + handles:
        local = value.split("@")[0] if "@" in value.lstrip("@") else value.lstrip("@$")
        for seg in re.split(r"[^A-Za-z]+", local):
            key = fold(seg)
            if len(key) >= 4 and not is_ordinary(key) and not is_everyday(key) and \
                    not is_place(seg) and key not in NOT_NAMES and \
                    not city_population(seg) and not is_world_region(seg):  # "LingLing_Fuqing"
                out.append(seg.lower())
    return tuple(dict.fromkeys(out))


def initials_sets(names: tuple[str, ...]) -> set[str]:
    """Letter sequences that abbreviate the person: first+last and every word."""
    seqs: set[str] = set()
    for name in names:
        words = [w for i, w in enumerate(_WORD.findall(name))  # "Lê Thị Hồng Nhung": L.T.H.N.
                 if i == 0 or fold(w) not in NAME_PARTICLES]
        split = [p for w in words for p in re.split(r"[\-'’]", w) if p]
        given = [p for p in re.split(r"[\-'’]", words[0]) if p] if words else []
        # "Kerry-Ann Odessa Beckford": K.A.B., the hyphenated given name and the surname
        joined = given + words[-1:] if len(given) >= 2 and len(words) >= 2 else []
        for parts in (words, split, joined):  # "Alvarez-Ruiz" gives Y.A. and Y.A.R.
            letters = [fold(w[0]).upper() for w in parts if w[0].isalpha()]  # É of Édson: E
            if len(letters) >= 2:
                seqs.add(letters[0] + letters[-1])
                seqs.add("".join(letters))
    return seqs


# a syllable of Mandarin in pinyin, to read a given name written as one word by its syllables
_PINYIN = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])(?:iang|iong|uang|ueng|ang|eng|ing|"
                     r"ong|ian|iao|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|ia|ua|uo|"
                     r"a|o|e|i|u)")


def _pinyin_syllables(word: str) -> list[str] | None:
    """A one-word given name split into its two pinyin syllables ("Yiling": yi, ling;
    "Jiahao": jia, hao), or None when it is not so written."""
    key = fold(word)

    def split(rest: str, left: int) -> list[str] | None:
        if not rest:
            return []
        if left == 0:
            return None
        for end in range(min(6, len(rest)), 1, -1):  # the longest syllable that lets the
            if _PINYIN.fullmatch(rest[:end]):          # rest split too
                tail = split(rest[end:], left - 1)
                if tail is not None:
                    return [rest[:end], *tail]
        return None

    parts = split(key, 2) if key.isalpha() else None
    return parts if parts and len(parts) >= 2 else None


def _family_first_initials(words: list[str]) -> set[str]:
    """Initials of a name written family name first ("Leung Chi-wai", "Huang Yiling"), as
    filings abbreviate it either way: C.W.L. and L.C.W.; Y.L.H. and H.Y.L.; J.H. of Huang
    Jiahao."""
    if len(words) != 2 or not all(w[:1].isalpha() for w in words):
        return set()
    family, given = words
    parts = [p for p in re.split(r"[\-'’]", given) if p]
    if len(parts) == 1:
        parts = _pinyin_syllables(given) or parts
    given_letters = [fold(p[0]).upper() for p in parts]
    f = fold(family[0]).upper()
    out = set()
    for seq in (given_letters + [f], [f] + given_letters, [given_letters[0], f]):
        if "".join(seq) not in NOT_DOTTED_INITIALS:
            out.add(r"\.\s?".join(seq) + r"\.")
    return out


# lower-case dotted abbreviations of everyday writing, never read as her initials
_LOWER_ABBREVIATIONS = {"am", "pm", "eg", "ie", "aka", "nb", "ps", "bc", "ad", "ok", "us", "vs",
                        "rip", "etc", "cf", "ca", "pp", "mr", "ms", "dr", "st", "po", "no"}

_OCR_LETTER = {"O": "[O0]", "I": "[I1l]", "L": "[L1]", "B": "[B8]", "S": "[S5]", "Z": "[Z2]"}


def initials_variants(names: tuple[str, ...], lettered: tuple[str, ...] = ()) -> list[Variant]:
    """M.L., M. L., K.D.W. always; KB or KDW without dots only when not an everyday word."""
    dotted = set()
    bare = set()
    public = set()
    for seq in initials_sets(names):
        if seq not in NOT_DOTTED_INITIALS:
            dotted.add(r"\.\s?".join(seq) + r"\.?")
        else:  # "D.C." is her initials, except in "Washington, D.C." or "D.C. Cir."
            public.add(r"\.\s?".join(seq) + r"\.")
        if len(seq) >= 2 and seq not in NOT_INITIALS:
            bare.add(seq)
    for name in names:  # given name and first surname: "A.L." of Ana Lucía Ruiz Delgado
        words = [w for i, w in enumerate(_WORD.findall(name))
                 if i == 0 or fold(w) not in NAME_PARTICLES]
        if len(words) >= 3 and all(w[0].isalpha() for w in words[:2]):
            dotted.add(rf"{words[0][0].upper()}\.\s?{words[1][0].upper()}\.")
        if len(words) >= 4 and words[0][0].isalpha() and words[1][0].isalpha():
            pair = fold(words[0][0]).upper() + fold(words[1][0]).upper()
            if pair not in NOT_INITIALS and english_zipf(pair) < 4.0:
                # two given names' "MJ" of María José Cárdenas Ríos (not "IM", "DM", "PM")
                bare.add(pair)
        if len(words) >= 4 and words[0][0].isalpha() and words[-2][0].isalpha():
            # the given name and the father's surname: "I.C." of Ixchel Marisol Cux Tzoc
            dotted.add(rf"{fold(words[0][0]).upper()}\.\s?{fold(words[-2][0]).upper()}\.")
        letters = [fold(w[0]).upper() for w in words if w[0].isalpha()]
        if len(letters) >= 4:  # "Bautista, M.D.C.": the given names' initials, her surname
            # written out beside them, or before them; the given name and both surnames
            # ("K.R.C." of Keishla Marie Rivera Colón, "S.R.W." of Summer Rose Red Willow)
            for part in (letters[:-1], letters[1:], letters[:1] + letters[-2:]):
                if "".join(part) not in NOT_DOTTED_INITIALS:
                    dotted.add(r"\.\s?".join(part) + r"\.")
        # family name first: "K.T." of Trần Văn Khoa, as Khoa Tran; "K.V.S." of Venkata Sai
        # Kondapalli, as Kondapalli Venkata Sai
        if len(letters) >= 2 and len(_WORD.findall(name)) >= 3 and \
                letters[-1] + letters[0] not in NOT_DOTTED_INITIALS:
            dotted.add(rf"{letters[-1]}\.\s?{letters[0]}\.")
        if len(letters) >= 3 and letters[-1] + "".join(letters[:-1]) not in NOT_DOTTED_INITIALS:
            dotted.add(r"\.\s?".join([letters[-1], *letters[:-1]]) + r"\.")
        given = [p for p in re.split(r"[\-'’]", words[0]) if p[:1].isalpha()] if words else []
        if len(given) >= 2:  # "M.-A. D." of Marie-Ange Désir: the hyphen kept between
            hyphened = r"\.-".join(fold(p[0]).upper() for p in given) + r"\."
            dotted.add(hyphened + (rf"\s?{letters[-1]}\." if len(words) >= 2 else ""))
            dotted.add(hyphened)
        dotted |= _family_first_initials(words)
    out = []
    surname_initials = {w[0].upper() for name in names for w in _WORD.findall(name)[1:]
                        if fold(w) not in NAME_PARTICLES and w[0].isalpha()}
    if surname_initials:  # "Ms. D.", as a filing abbreviates her
        pat = (r"(?<![\w.])(?:Ms|Mrs|Miss|Mr|Mx|Sra|Srta|Sr)\.?\s(?:"
               + "|".join(sorted(surname_initials)) + r")\.(?!\w|\.\w)")
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    if dotted:
        pat = rf"(?=[A-Z])(?<![\w.])(?:{alternation(dotted)})(?![\w]|\.\w)"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    ocr = {r"\.\s?".join(_OCR_LETTER.get(c, c) for c in seq) + r"\."
           for seq in initials_sets(names) if seq not in NOT_DOTTED_INITIALS
           and any(c in _OCR_LETTER for c in seq)}
    if ocr:  # OCR's digits for her letters: "0.H." for O.H., "8.K." for B.K.
        pat = rf"(?=[^\W_]*\d)(?<![\w.])(?:{'|'.join(sorted(ocr))})(?![\w]|\.\w)"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    lower = {r"\.\s?".join(seq.lower()) + r"\."
             for seq in initials_sets(names) | set(lettered)
             if seq.isalpha() and seq not in NOT_DOTTED_INITIALS and seq not in NOT_INITIALS
             and seq.lower() not in _LOWER_ABBREVIATIONS}
    if lower:  # typed in a hurry: "t.p." of Tou Pheng, every letter dotted (not "a.m.")
        pat = rf"(?<![\w.])(?:{'|'.join(sorted(lower))})(?![\w]|\.\w)"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    quoted = {seq for seq in initials_sets(names) if 2 <= len(seq) <= 4} | {
        seq[:2] for seq in initials_sets(names) if len(seq) >= 3}  # "JK" of Justice Kwame A.
    if quoted:  # her initials alone in quotation marks: 'Row 2 "JK" on deck roster'
        pat = rf"(?<=[\"“])(?:{alternation(quoted)})(?=[\"”])"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    if bare:  # not a tag in brackets: "[TL] JD1:" is an interpreter's note in Tagalog
        pat = rf"(?=[A-Z])(?<![\w.])(?<!\[)(?:{alternation(bare)})(?!\w)(?!\])"
        out.append(Variant("PERSON", "initials", re.compile(pat)))
    if public:
        pat = (rf"(?<![\w.])(?<!Washington )(?<!Washington, )(?:{alternation(public)})"
               r"(?![\w]|\.\w|\s*(?:Cir|Circuit|Code|Court|Super|Metro|area|office|police|"
               r"[A-Z][a-z]+ (?:Court|Department|Police)))")
        out.append(Variant("PERSON", "initials", re.compile(pat), weak=True))
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
    out = [Variant("PHONE", "phone",
                   re.compile(rf"(?=[\d+(])(?<![\d+]){prefix}{trunk}\(?{body}(?!\d)"),
                   digits=national)]
    if cc == "1" and len(national) == 10:
        local = SEP.join(national[3:])
        out.append(Variant("PHONE", "phone_local", re.compile(rf"(?<![\d])\(?{local}(?!\d)"),
                           digits=national[3:]))
    out += last4_variants("PHONE", national[-4:], bare=True)
    return out


_ENDING_CUES = ("ending in ", "ending ", "ends in ", "ends with ", "ending with ", "ending: ",
                "ending in: ", "last four ", "last 4 ", "last four digits ", "last 4 digits ",
                "last four: ", "last 4: ", "last four is ", "last 4 is ", "…", "...", "x", "#",
                "ends ", "last four digits are ", "last 4 digits are ", "ends -", "ending -",
                "ended ", "ended in ", "termina en ", "terminada en ", "terminado en ",
                "terminación ", "terminacion ",
                # "SSN (last 4): 2093", "last4: ", "last 4 digits: " (each cue is one more
                # look-behind in every listed number's pattern: only the forms records use)
                "last 4): ", "last four): ", "last 4) ", "last four) ", "last4: ", "last-4: ",
                "last 4 digits: ", "last four digits: ")
_ENDING = "|".join(f"(?<={re.escape(a)})" for a in _ENDING_CUES)


def last4_variants(category: str, last4: str, *, bare: bool = False,
                   written: str = "") -> list[Variant]:
    """Last four digits: masked (XXX-XX-1234, ****1234), after 'ending in', or bare;
    `written` is the same four digits with the record's own separators ("8-903")."""
    masked = rf"(?=[Xx*•#])(?<![\w*•])(?:[Xx*•#]+[\s\-.]?){{1,4}}{last4}(?!\w)"
    # the digits first: a literal look-ahead fails fast where the cue alternatives would not
    out = [
        Variant(category, "last4", re.compile(masked), digits=last4),
        Variant(category, "last4", re.compile(rf"(?={last4}(?!\w))(?:{_ENDING}){last4}", re.I),
                digits=last4),
    ]
    if written and written != last4:
        w = re.escape(written)
        out.append(Variant(category, "last4", re.compile(rf"(?={w}(?!\w))(?:{_ENDING}){w}", re.I),
                           digits=last4))
    if bare and not re.fullmatch(r"(?:19|20)\d\d", last4):
        # not the second half of a plate after letters and digits mixed: "plate 4TK 2290"
        plate = "".join(rf"(?<!{a}{b}{c} )" for a in (r"\d", "[A-Z]") for b in (r"\d", "[A-Z]")
                        for c in (r"\d", "[A-Z]") if len({a, b, c}) > 1)
        bare_re = rf"(?<![\w\-/.$,:]){plate}{last4}(?![\w\-/]|[.,:]\d)"  # "card 7752: caller"
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
    out = [Variant("HANDLE", "handle", re.compile(pat, re.I))]
    letters = re.sub(r"[^a-z]", "", core.lower())
    if len(letters) >= 8 and letters != core.lower() and re.search(r"[a-z][._\-]+[a-z]", core,
                                                                      re.I):
        # "lina_spring07" run together as her other accounts are: "linaspring (alt)"
        out.append(Variant("HANDLE", "handle", re.compile(
            rf"(?<![\w.@$])[@$]?{letters}(?![\w@]|[.\-]\w)", re.I)))
    camel = re.fullmatch(r"((?:[A-Z][a-z]{2,}){2,3})[\d_]*", core)
    if camel:
        # her stage name, written as its words: "mercy moonlight u ok??" of "MercyMoonlight"
        # (not a handle of everyday words only: "BabyGirl" is no "baby girl")
        from redaction.gazetteer import english_zipf

        parts = re.findall(r"[A-Z][a-z]+", camel.group(1))
        if min(english_zipf(p.lower()) for p in parts) < 4.0:
            out.append(Variant("PERSON", "alias", re.compile(
                r"(?<![\w@.])" + r"(?:[ \t]+|[_\-])".join(parts) + r"(?![\w@])", re.I)))
    return out


_DIGIT_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
    "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
    "cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
    "siete": "7", "ocho": "8", "nueve": "9",
}
_DIGIT_WORD = "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True))
_SPELLED = re.compile(
    rf"(?i)(?<![\w])(?:\d|(?:{_DIGIT_WORD})(?![a-z]))(?:[\s,.\-()]{{0,3}}"
    rf"(?:\d|(?:{_DIGIT_WORD})(?![a-z])))+"
)


def spelled_numbers(text: str, least: int = 7) -> list[tuple[int, int, str]]:
    """Numbers written partly or wholly in words, as ads and transcripts write phones to slip
    past filters ("8three2-555-01six4", "three two one, five five five ..."):
    (start, end, digits) for each with at least `least` digits and one digit word."""
    out = []
    for m in _SPELLED.finditer(text):
        tokens = re.findall(rf"(?i)\d|{_DIGIT_WORD}", m.group(0))
        if all(t.isdigit() for t in tokens):
            continue
        digits = "".join(t if t.isdigit() else _DIGIT_WORDS[t.lower()] for t in tokens)
        if len(digits) >= least and sum(not t.isdigit() for t in tokens) >= 1 and \
                not all(t.lower() in ("o", "oh") or t.isdigit() for t in tokens):
            out.append((m.start(), m.end(), digits))
    return out
