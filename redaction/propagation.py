"""What one document reveals, looked for in every document of the export.

A full name found once ("Marcus Pettaway") makes its surname alone a name everywhere; a room,
plate, listing id or street found with its label is removed where it appears bare.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from redaction.gazetteer import (
    is_everyday,
    is_first_name,
    is_name_in_chat,
    is_ordinary,
    is_place,
    is_word_abroad,
    word_frequency,
)
from redaction.lexicon import HONORIFIC, NOT_NAMES, NOT_PEOPLE, ROLE_AFTER
from redaction.record_variants import SUFFIX_ALT
from redaction.variants import fold

if TYPE_CHECKING:
    from redaction.session import Candidate

_HONORIFIC_LEAD = re.compile(rf"^{HONORIFIC}\.?\s+", re.I)
_STREET = re.compile(
    r"^\d{1,6}[A-Z]?\s+(?P<s>(?:(?:[NSEW]|North|South|East|West)\.?\s+)?"
    rf"(?:[\w'\-]+\.?\s+){{1,3}}?(?i:{SUFFIX_ALT})\.?)(?!\w)"
)


# detectors whose lower-case finds are names in that case too ("tasha:" speaking in a chat)
_LOWER_SOURCES = {"pattern:speaker", "pattern:cue_lower", "chat:name", "gazetteer:lower"}


_MONTH_BEFORE = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+$")
_YEAR_AFTER = re.compile(r",?[ \t]+(?:19|20)\d\d\b")


def _in_place_name(text: str, start: int, end: int) -> bool:
    """True when the word at [start, end) ends a place's name with the word before it."""
    prev = re.search(r"([A-Za-zÀ-ÿ]+)[ \t]+$", text[max(0, start - 20):start])
    return bool(prev and prev.group(1)[:1].isupper()
                and is_place(f"{prev.group(1)} {text[start:end]}"))


class Propagation:
    """Seeds learned from confident detections, and the bare forms they imply."""

    def __init__(self, skip_words: set[str] | None = None) -> None:
        self._skip = skip_words or set()
        self._names: dict[str, bool] = {}  # folded word -> belongs to a related person
        self._initials: dict[str, bool] = {}  # a full name's initials, "TBL"
        self._facts: dict[str, set[str]] = {"ROOM": set(), "VEHICLE": set(), "LISTING": set(),
                                            "ADDRESS": set(), "ID": set(), "ACCOUNT": set(),
                                            "CODE": set()}
        self._compiled: list[tuple[str, re.Pattern[str], bool]] | None = None

    def learn(self, text: str, cands: list[Candidate], *, court: bool) -> list[list[str]]:
        """Take seeds from one document's detections; return the full names learned."""
        names = []
        # a name inside a known identifier or an address ("Elk Grove") teaches nothing
        others = [(c.start, c.end) for c in cands if c.known or c.category != "PERSON"]
        for c in cands:
            if c.known or (c.category == "PERSON" and c.detector != "kin"
                           and any(c.start < e and s < c.end for s, e in others)):
                continue
            span = text[c.start:c.end]
            if c.category == "PERSON" and c.seed and (court or c.related):
                words = [w.strip('"“”') for w in
                         re.sub(r"['’]s?$", "", _HONORIFIC_LEAD.sub("", span)).split()]
                names.append(words)
                letters = [w[0] for w in words if w[:1].isupper() and len(w) > 1]
                if len(letters) >= 3 and len(letters) == len(words):
                    # "Tatiana Bezerra Lins" signs a note "T.B.L."
                    self._add_initials("".join(letters), c.related)
                # a full name that opens with a given name vouches for its ordinary-word
                # surname ("Kaden Wheeler"); so does a quoted nickname ("Smoke")
                strong = (len(words) >= 2 and is_first_name(words[0])) or c.detector in (
                    "pattern:nickname", "pattern:paren_nick")
                quoted = {fold(q) for q in re.findall(r'["“](\w+)["”]', span)}
                for w in words:
                    f = fold(w).strip(".,")
                    strong = strong or f in quoted  # "Ratchanee "Nid" Srisuk"
                    chat = w.islower() and c.detector in _LOWER_SOURCES and len(f) >= 3 \
                        and (not is_everyday(f) or is_name_in_chat(f)) and f not in NOT_NAMES \
                        and f not in NOT_PEOPLE \
                        and f not in self._skip
                    if chat:
                        self._add_name(w.strip(".,"), c.related)
                        continue
                    if (len(f) >= 3 and w[:1].isupper() and f not in NOT_NAMES
                            and f not in NOT_PEOPLE and f not in self._skip
                            and (strong or is_first_name(f) or not is_ordinary(f))
                            and not is_place(f)):
                        self._add_name(w.strip(".,"), c.related)
            elif c.category == "ROOM" and len(span) >= 3:  # "trailer 9" makes no "Exhibit 9"
                self._add_fact("ROOM", re.escape(span))
            elif c.category in ("ID", "ACCOUNT") and len(span) >= 6 and re.search(r"\d", span) \
                    and re.search(r"[A-Za-z\-]", span):  # "CV-5512-0098", bare in a table
                self._add_fact(c.category, re.escape(span))
            elif c.category in ("VEHICLE", "LISTING", "CODE"):
                core = re.sub(r"[\s\-]", "", span)
                self._add_fact(c.category, r"[\s\-]?".join(re.escape(ch) for ch in core))
            elif c.category == "ADDRESS":
                m = _STREET.match(span)
                if m and len(m.group("s").split()) >= 2:
                    self._add_fact("ADDRESS", r"\s+".join(map(re.escape, m.group("s").split())))
        return names

    def _add_name(self, word: str, related: bool) -> None:
        if self._names.get(word) != related:
            self._names[word] = self._names.get(word, False) or related
            self._compiled = None

    def _add_initials(self, letters: str, related: bool) -> None:
        if self._initials.get(letters) != related:
            self._initials[letters] = self._initials.get(letters, False) or related
            self._compiled = None

    def _add_fact(self, category: str, pattern: str) -> None:
        if pattern not in self._facts[category]:
            self._facts[category].add(pattern)
            self._compiled = None

    def find(self, text: str) -> list[Candidate]:
        """Bare occurrences of everything learned so far."""
        from redaction.session import Candidate

        out = []
        for category, pattern, related in self._patterns():
            for m in pattern.finditer(text):
                if category == "PERSON" and ROLE_AFTER.match(text, m.end()):
                    continue  # "Foster mother", whoever Mark Foster is
                if category == "PERSON" and _in_place_name(text, m.start(), m.end()):
                    continue  # "Las Vegas", whoever "Rafa Vegas" is
                if category == "ROOM" and (_MONTH_BEFORE.search(text, max(0, m.start() - 12),
                                                                m.start())
                                           or _YEAR_AFTER.match(text, m.end())):
                    continue  # "April 14, 2023" is a date, whatever room 14 is
                out.append(Candidate(m.start(), m.end(), category, "propagated", 0.6,
                                     related=related))
        return out

    def _patterns(self) -> list[tuple[str, re.Pattern[str], bool]]:  # noqa: C901
        if self._compiled is None:
            out: list[tuple[str, re.Pattern[str], bool]] = []
            for related in (False, True):
                # capitalised and upper-case forms only: "Hope" the name, not "hope" the word
                # (a name learned in capitals from a record, "EXANTUS", is "Exantus" in prose)
                # (and in lower case a given name seldom written as a word: "marcus", "kyle";
                # one learned in lower case unless it is a common word: not "esperanza")
                forms = {f for w, r in self._names.items() if r == related
                         for f in (w[:1].upper() + w[1:], w.upper(), w[:1].upper() + w[1:].lower(),
                                   *([w.lower()] if w.islower() and word_frequency(w) < 4.3
                                     and not is_word_abroad(w) or is_name_in_chat(w)
                                     else []))}
                if forms:
                    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                    out.append(("PERSON", re.compile(
                        rf"(?<![\w@.$])(?:{alt})(?!\w|['’]\w\w)"), related))
                # OCR's digits inside a name learned whole: "Kaske1a" of Kaskela, "R0SALES"
                ocr = {_ocr_twins(f) for w, r in self._names.items() if r == related
                       and len(w) >= 5 and re.search(r"[lLIoO]", w)
                       for f in (w[:1].upper() + w[1:].lower(), w.upper())}
                if ocr:
                    alt = "|".join(sorted(ocr, key=len, reverse=True))
                    out.append(("PERSON", re.compile(
                        rf"(?<![\w@.$])(?=[^\W_]*[01|])(?:{alt})(?!\w|['’]\w\w)"), related))
                dotted = {r"\.\s?".join(letters) + r"\." for letters, r in self._initials.items()
                          if r == related}
                if dotted:
                    out.append(("PERSON", re.compile(
                        rf"(?<![\w.])(?:{'|'.join(sorted(dotted))})(?![\w.])"), related))
            bounds = {
                "ROOM": (r"(?<![\w$.,/:\-#])", r"(?![\w/:\-]|[.,]\d)"),
                "VEHICLE": (r"(?<![\w\-])", r"(?![\w\-])"),
                "LISTING": (r"(?<![\w\-])", r"(?![\w\-])"),
                "ID": (r"(?<![\w\-])", r"(?![\w\-])"),
                "CODE": (r"(?<![\w\-])", r"(?![\w\-])"),
                "ACCOUNT": (r"(?<![\w\-])", r"(?![\w\-])"),
                "ADDRESS": (r"(?<![\w\-])", r"(?!\w)"),
            }
            for category, pats in self._facts.items():
                if pats:
                    alt = "|".join(sorted(pats, key=len, reverse=True))
                    before, after = bounds[category]
                    flags = re.I if category == "ADDRESS" else 0
                    out.append((category, re.compile(rf"{before}(?:{alt}){after}", flags), False))
            self._compiled = out
        return self._compiled


_TWINS = {"l": "[l1|]", "L": "[L1|]", "I": "[I1l|]", "o": "[o0]", "O": "[O0]"}


def _ocr_twins(word: str) -> str:
    """A name as a pattern that reads OCR's digits for its letters: "Kaskela" -> "Kaske[l1|]a"."""
    return "".join(_TWINS.get(ch, re.escape(ch)) for ch in word)
