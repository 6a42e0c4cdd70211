"""Cells of a text table read by their column's header: a roster's names, a register's dates
of birth, a payroll's visa numbers. The header says what a cell holds where no label stands
beside the value."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from redaction.gazetteer import is_everyday, is_first_name, is_place, is_surname
from redaction.lexicon import NOT_NAMES, NOT_PEOPLE
from redaction.recognizers.base import result
from redaction.variants import fold

# what a header names, by the column's words (any case; a header cell is short)
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    ("DOB", re.compile(r"(?i)^(?:d\.?\s?o\.?\s?b\.?|date of birth|birth ?date|born|b-?day|"
                       r"fecha de nac\w*|f\.?\s?nac\.?|ngày sinh)\b")),
    ("ID", re.compile(r"(?i)\b(?:passport|pasaporte|visa|a-?number|a#|alien|itin|ssn|mtcn|"
                      r"ref(?:erence)?|confirmation|conf\.?|transaction|txn|tracking|receipt|"
                      r"license|licence|dl|id|cert\.?|certification|seaman'?s?(?: book)?|srb|sirb|"
                      r"cdc|nik|nid|cnp|egn|sevis|i-94|admission|badge|"
                      r"(?:student|employee|member|emp\.?)\s*(?:no\.?|#|number))(?!\w)")),
    # a card's or an account's number, or its last four: "Card", "Tarj.", "Acct #", "Last 4"
    ("ACCOUNT", re.compile(r"(?i)^(?:(?:debit |prepaid |pay ?)?card|tarj\.?|tarjeta|cart[aã]o|"
                           r"acct\.?|account|cuenta|conta|last ?4|[uú]ltimos? ?4)"
                           r"(?:\s*(?:#|no\.?|number|n[uú]m\.?|last ?4|ending))?$")),
    # an ad or advertiser's id: an ad id, kept for co-counsel ("Adv. ID", "Listing #")
    ("LISTING", re.compile(r"(?i)^(?:adv(?:ertiser)?\.?|ad|listing|post(?:ing)?)\s*"
                           r"(?:id|#|no\.?)")),
    # a cabin, room or berth: kept for co-counsel, as rooms are
    ("ROOM", re.compile(r"(?i)^(?:cabin|room|rm\.?|habitaci[oó]n|camarote)"
                        r"(?:\s*(?:#|no\.?|number))?$")),
    ("VEHICLE", re.compile(r"(?i)^(?:vehicle|plate|tag|lic(?:ense|ence)? plate|veh\.?)"
                           r"(?:\s*(?:#|no\.?|/ plate))?$")),
    ("PERSON", re.compile(r"(?i)^(?:(?:full |agent |worker |employee |guest |client |student |"
                          r"patient |tenant |contact )?name(?: on account)?|account holder|"
                          r"worker|employee|agent|guest|"
                          r"passenger|client|tenant|student|patient|beneficiary|sender|"
                          r"card ?holder(?: name)?|"
                          r"caregiver|aide|resident|"
                          r"receiver|recipient|payee|payer|nombre|trabajador|depositor|"
                          # a crew list's or a roster's name in two columns
                          r"family name|surname|last name|given names?|first names?|"
                          r"apellidos?|nombres|crew member|seafarer|visitor|driver|escort|rider|"
                          r"(?:guardian|parent|mother|father|emergency contact)(?: name)?)"
                          r"(?:\s*\([^)]{0,30}\))?$")),
]
_NOT_A_VALUE = re.compile(r"(?i)^(?:[-–—_.*]+|n/?a|none.*|unknown|applied.*|pending|total|"
                          r"[-–—]+\s*cash only\s*[-–—]+|tbd|—)$")
_DATE = re.compile(r"^(?:\d{1,2}[/\-.]\d{1,2}[/\-.](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|"
                   r"\d{2}(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\d{2}(?:\d{2})?|"
                   r"\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})$")
_OCR_DIGIT = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_RULE = re.compile(r"^[\s\-=+|:_]*$")  # "-----+-----" under a header


_DASH_RULE = re.compile(r"^[ \t]*-{2,}(?:[ \t]+-{2,})+[ \t]*$")  # "-------  ----  -----"


def _columns(rule: str) -> list[tuple[int, int]]:
    """The columns a rule of dashes under a header marks, as slices of a line."""
    marks = [m.span() for m in re.finditer(r"-+", rule)]
    return [(start, marks[i + 1][0] if i + 1 < len(marks) else 10_000)
            for i, (start, _end) in enumerate(marks)]


def _aligned(line: str, offset: int, columns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a space-aligned line's cells, cut where the rule's columns begin."""
    out = []
    for start, end in columns:
        part = line[start:end]
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        out.append((offset + start + lead, offset + start + lead + len(body)))
    return out


def _header_columns(line: str) -> list[tuple[int, int]]:
    """The columns a fixed-width header's cells mark (cells apart by two spaces or more)."""
    starts = [m.start() for m in re.finditer(r"(?:(?<=\s\s)|^)\S", line)]
    return [(start, starts[i + 1] if i + 1 < len(starts) else 10_000)
            for i, start in enumerate(starts)]


def _fits(line: str, columns: list[tuple[int, int]]) -> bool:
    """True when no word of the line crosses a column's start: a row of that table."""
    return bool(line.strip()) and all(
        start >= len(line) or line[start - 1] == " " for start, _end in columns[1:])


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """Spans (in the text) of a table line's cells, split at pipes or tabs."""
    sep = "|" if line.count("|") >= 2 else "\t" if line.count("\t") >= 2 else ""
    if not sep:
        return []
    out = []
    pos = 0
    for part in line.split(sep):
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        out.append((offset + pos + lead, offset + pos + lead + len(body)))
        pos += len(part) + 1
    return out


class TableColumnRecognizer(EntityRecognizer):
    """The values of a pipe or tab table's DOB, ID and name columns."""

    ENTITIES: ClassVar[list[str]] = ["ACCOUNT", "DOB", "ID", "LISTING", "PERSON", "ROOM",
                                     "VEHICLE"]

    def __init__(self) -> None:
        super().__init__(supported_entities=list(self.ENTITIES), name="TableColumnRecognizer")

    def load(self) -> None:  # noqa: D102 - nothing to load
        pass

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Each row's cell under a header that names its kind."""
        if text.count("|") < 4 and text.count("\t") < 4 and "     " not in text:
            return []
        out: list[RecognizerResult] = []
        kinds: dict[int, str] = {}
        width = 0
        offset = 0
        lines = text.split("\n")
        columns: list[tuple[int, int]] = []
        for n, line in enumerate(lines):
            if n + 1 < len(lines) and _DASH_RULE.match(lines[n + 1]):
                columns = _columns(lines[n + 1])  # a header over a rule of dashes
            elif not columns and line.count("  ") >= 3 and "|" not in line and \
                    "\t" not in line and n + 1 < len(lines):
                fixed = _header_columns(line)  # a fixed-width export's header
                heads = [line[a:b].strip() for a, b in fixed]
                if len(fixed) >= 3 and any(pat.search(h) for h in heads for _k, pat in _COLUMNS) \
                        and not re.search(r"\d{3}", line) and _fits(lines[n + 1], fixed):
                    columns = fixed
            elif columns and not line.strip():
                columns = []  # a ragged row ("Towson 30") does not end it; a blank line does
            cells = _aligned(line, offset, columns) if columns and not _cells(line, offset) \
                else _cells(line, offset)
            header = {i: kind for i, (s, e) in enumerate(cells)  # "last_name" is "last name"
                      for kind, pat in _COLUMNS if pat.search(
                          text[s:e].replace("_", " ") if kind == "PERSON" else text[s:e])}
            # (no header holds a number, a date or a time: "DOB 06/01/06" in a row is a value)
            if header and not any(re.search(r"\d{3}|\d[/\-.:]\d", text[s:e]) for s, e in cells):
                kinds, width = header, len(cells)
            elif kinds and cells and abs(len(cells) - width) <= 1:
                for i, kind in kinds.items():
                    if i < len(cells):
                        out += self._cell(text, *cells[i], kind)
            elif kinds and not _RULE.match(line):
                kinds = {}  # the table ended
            offset += len(line) + 1
        return out

    def _cell(self, text: str, start: int, end: int, kind: str) -> list[RecognizerResult]:
        value = text[start:end]
        note = re.search(r"\s*\((\*|[^)]{0,20})\)$", value)  # "Lindahl, Brooke A. (*)"
        if note and not (kind == "PERSON" and is_first_name(note.group(1))):
            value = value[:note.start()]  # but "BRAM (ABRAHAM)" is his name, both ways
        end = start + len(value)
        if not value or _NOT_A_VALUE.match(value):
            return []
        if kind == "DOB":
            # OCR's letters for digits: "O2/14/1990", "l1/03/1988"
            ok = bool(_DATE.match(value) or _DATE.match(value.translate(_OCR_DIGIT)))
        elif kind == "VEHICLE":  # "OK HXR-218", "TX LCV9032": the plate, not the state
            last = value.split()[-1]
            ok = bool(re.fullmatch(r"(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9\-]{4,9}", last))
            start = end - len(last)
        elif kind == "ACCOUNT":  # "6618", "4403 9911 0284 7752", "****1180"
            ok = bool(re.fullmatch(r"[*xX•#.\- ]{0,16}\d[\d \-]{2,22}\d", value))
        elif kind == "ROOM":  # "B-101", "2206", "C-14"
            ok = bool(re.fullmatch(r"[A-Z]{0,2}-?\d{1,5}[A-Z]?", value))
        elif kind in ("ID", "LISTING"):  # "RM-8841-2290"; in "OK ID D7730192" the number
            last = value.split()[-1]
            ok = bool(re.search(r"\d{3}", last)) and len(last) <= 24 and len(value.split()) <= 3
            start = end - len(last)
        else:
            # a manifest's "YUSUPOVA/NIGORA MS": surname, given names, then a title
            title = re.search(r"(?<=[A-Z])[ \t]+(?:MR|MRS|MS|MISS|MSTR|CHD|INF)$", value)
            if title and "/" in value:
                value = value[:title.start()]
                end = start + len(value)
            cut = re.search(r",[ \t]*[a-z][\w\-]*$", value)  # "Gemechu Dinsa Waqo, telebirr"
            if cut:
                value = value[:cut.start()]
                end = start + len(value)
            words = re.findall(r"[^\W\d_][\w'’\-]*", value)
            ok = 1 <= len(words) <= 5 and not re.search(r"\d", value) and not any(
                (fold(w) in NOT_NAMES or fold(w) in NOT_PEOPLE) and len(w) > 1  # "PRUITT, A."
                and not (len(words) >= 2 and is_first_name(w) and fold(w) not in NOT_PEOPLE)
                for w in words) and not any(  # (but "Mercedes Ruiz-Ocampo" is a visitor)
                (is_place(w) or is_everyday(w.lower())) and not is_first_name(w)
                and not is_surname(w, 20_000) for w in words if len(w) > 1)
        if not ok:
            return []
        # a name in a roster's column is as sure as a detected full name: its words are
        # looked for elsewhere ("Okonjo, Chidera" in the table, "Chidera" in the notes)
        seed = kind == "PERSON" and (len(re.findall(r"[^\W\d_]{2,}", value)) >= 2 or bool(
            re.fullmatch(r"[^\W\d_][^\W\d_'’\-]{2,},[ \t]*[A-Z]\.?", value)))  # "OYELOWO, T."
        return [result(kind, start, end, 0.6, self, f"table:{kind.lower()}", seed=seed)]
