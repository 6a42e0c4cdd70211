"""Identifiers nobody entered: SSNs, cards, accounts, record numbers, IPs, ad listing ids."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers.generic.iban_patterns import regex_per_country

from redaction.recognizers.base import RegexRecognizer, result

DOCKET = re.compile(r"^\d{1,2}:\d{2}-[a-z]{2,4}-\d{2,6}", re.I)
FEDERAL_CASE = re.compile(r"^\d{2}-[a-z]{2,4}-\d+", re.I)  # "23-cv-05530": the public case
# a state court's civil or criminal case: "19HA-CR-23-1544", "27-CV-24-118" (a juvenile's
# sealed case is no such number: "JV-22-0419")
_COURT_CASE = re.compile(r"(?i)^(?:\d{1,4}[A-Z]{0,3}-)?(?:CR|CV|CF|CM|FE|MI|GS)-\d{2}-\d{2,7}$")
_SWITCH = re.compile(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])")


def looks_random(code: str) -> bool:
    """A code nobody would choose as a word or model name: letters and digits switch places
    at least three times ("HMQ4X9TT2A", "CIS-4Q9XT2", "A1F3-9C22-77DE-0B41"); a Bates number,
    a form ("I-94") or a model ("F-250", "iPhone14") switches once or twice."""
    letters_digits = re.sub(r"[\s\-]", "", code)
    return (len(letters_digits) >= 6 and len(_SWITCH.findall(letters_digits)) >= 3
            and sum(c.isdigit() for c in letters_digits) >= 2)


class SsnRecognizer(RegexRecognizer):
    """Social Security and taxpayer numbers."""

    ENTITY = "SSN"
    OCR_DIGITS = True
    DETECTOR = "pattern:ssn"
    GROUP = "n"
    PATTERNS = [
        ("dashed", r"(?<![\w\-/.])(?P<n>\d{3}-\d{2}-\d{4})(?![\w\-/]|\.\d)", 0.8),
        ("spaced", r"(?<![\w\-])(?P<n>\d{3} \d{2} \d{4})(?![\w\-])", 0.5),
        ("labeled", r"(?<!\d)(?P<n>\d{9})(?!\d)", 0.8),
        # partly masked, yet more than the last four shown: "9XX-71-4408", "***-52-7781"
        ("masked", r"(?<![\w\-/.*])(?P<n>[\dXx*]{3}-\d{2}-\d{4})(?![\w\-/]|\.\d)", 0.7),
    ]
    CUES = {"labeled": r"(?i:ssn|social security(?: number| no\.?)?|ss#|tin|itin)[:\s#]*"}

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        digits = re.sub(r"\D", "", match.group("n"))
        return digits[:3] not in ("000", "666") and digits[3:5] != "00"


class CardRecognizer(RegexRecognizer):
    """Payment card numbers (Luhn-checked)."""

    ENTITY = "CARD"
    OCR_DIGITS = True
    DETECTOR = "pattern:card"
    PATTERNS = [
        ("card", r"(?<![\d\-])(?:\d[ \-]?){12,18}\d(?![\d\-])", 0.8),
        ("grouped", r"(?<![\w\-.])\d{4}([ \-])\d{4}\1\d{4}\1\d{4}(?![\w\-]|[.,]\d)", 0.6),
    ]

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        return pattern_name == "grouped" or self.validate_result(match)

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        digits = [int(c) for c in re.sub(r"\D", "", match.group(0))]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2:
                d *= 2
                d -= 9 if d > 9 else 0
            total += d
        return total % 10 == 0


class AccountRecognizer(RegexRecognizer):
    """Bank and other account numbers given after a label."""

    ENTITY = "ACCOUNT"
    OCR_DIGITS = True
    DETECTOR = "pattern:account"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:account|acct|a/c|routing|iban|checking|savings|cuenta|conta|"
                    r"member|share draft|c/c|conta corrente|wallet)\.?\s*"
                    r"(?i:number|no\.?|n[º°]|#|id)?[:\s#.]*"
                    # one space at a time: a table's wider gap ends the number's cell; a
                    # sub-account's suffix goes with it ("55-0091-2276-4-S10"); a Brazilian
                    # account's dot ("C/C 23.118-9")
                    r"(?P<n>(?:[Xx*•]+[\s\-]?|[A-Z]{1,4}-)?\d(?:[\d\-]|\.(?=\d{3})| (?=\d)){4,}\d"
                    r"(?:-[A-Z]{1,2}\d{1,3})?)"
                    r"(?![\w\-])", 0.7),
        # a bank's name, then the number: "Metrobank 022-3-5550-1184-9", "BDO 0071 2231 88"
        ("bank", r"(?<![\w\-])(?:[A-Z][A-Za-z]*[Bb]ank|BDO|BPI|GCash|M-Pesa|Landbank)[ \t]+"
                 r"(?:(?i:acct|account|a/c)\.?[ \t]*#?[ \t]*)?"
                 r"(?P<n>\d(?:[\d\-]| (?=\d)){6,22}\d)(?![\w\-])", 0.6),
        # an IBAN after its label, in groups, whether or not its check digits add up
        ("iban", r"(?i:IBAN)[:\s#.]*(?P<n>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{1,4}){3,8})(?![\w\-])", 0.7),
        # an IBAN without its label, in its country's exact shape, whether or not its check
        # digits add up (a typed or OCR'd one often does not): "RO23REVO0000119455227788"
        ("iban_shape", r"(?<![\w\-])(?P<n>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}"
                       r"(?:[ ]?[A-Z0-9]{1,3})?)(?![\w\-])", 0.6),
    ]

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if pattern_name == "iban_shape":
            bban = match.group("n").replace(" ", "")
            shape = regex_per_country.get(bban[:2])  # Presidio's table of the shapes
            return shape is not None and re.fullmatch(shape, bban) is not None and \
                len(re.sub(r"\D", "", bban)) >= 8
        return self.validate_result(match)

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return len(re.sub(r"\D", "", match.group("n"))) >= 6


class LabeledIdRecognizer(RegexRecognizer):
    """Record, employee, licence, passport and immigration numbers given after a label."""

    ENTITY = "ID"
    DETECTOR = "pattern:labeled_id"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?<![\w\-])(?=(?:[A-Za-z\-.]*\d){4})(?P<n>[A-Za-z0-9](?:[A-Za-z0-9\-]|"
                    r"\.(?=\d))*\d(?:[A-Za-z0-9\-]|\.(?=\d))*)(?![\w\-])",
         0.7),  # CPF 118.204.556-07, CC 1.152.447.390
        ("numbered", r"(?<![\w\-])(?=(?:[A-Za-z\-/]*\d){4})(?P<n>[A-Za-z0-9][A-Za-z0-9\-]*\d"
                     r"(?:[A-Za-z0-9\-]|/(?=\d))*)(?![\w\-])", 0.6),  # "04/1187/12"
        # an alien registration number in its printed groups, with or without a label:
        # "A219 447 180", "A-219-884-061"
        ("a_number", r"(?<![\w\-])(?P<n>A[\s\-]?\d{3}[\s\-]\d{3}[\s\-]\d{3})(?![\w\-])", 0.6),
        # a Medicare Beneficiary Identifier, with or without its hyphens: "1EG4-TE5-MK72"
        # (no S, L, O, I, B or Z in its letters)
        ("mbi", r"(?<![\w\-])(?P<n>[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
                r"[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\w\-])", 0.6),
        # Guatemala's DPI (CUI) in its printed groups of four, five and four: "2947 18835 0801"
        ("dpi", r"(?<![\w\-])(?P<n>\d{4}[ \-]\d{5}[ \-]\d{4})(?![\w\-]|[.,]\d)", 0.6),
        # a licence or passport number after its label, in the shapes the labelled pattern
        # above does not take: "WA DL: LINDQGA512PB" (three digits), "passport: 5861 47302"
        ("licence", r"(?<![\w\-])(?P<n>(?=[A-Z*\-]*\d)[A-Z*]{1,7}-?\d[A-Z0-9*\-]{2,14}[A-Z0-9]|"
                    r"\d{3,5} \d{4,6}(?: \d{4})?)(?![\w\-]|[.,]\d)", 0.6),
        # a passport's number in its printed shape, a few words after the word: "Second
        # passport found in master's safe: P4408126A"
        ("passport_shape", r"(?<![\w\-])(?P<n>[A-Z]{1,2}\d{6,8}[A-Z]?)(?![\w\-])", 0.6),
        # an I-94 admission number in its printed shape, nine digits, a letter and a digit,
        # with OCR's O for a zero: "482019936A1", "9482O1773A3"
        ("i94", r"(?<![\w\-])(?P<n>(?=(?:O*\d){7})[\dO]{9}[A-Z][\dO])(?![\w\-])", 0.6),
        # Brazil's CPF and CNPJ and Thailand's national ID in their printed shapes, which
        # nothing else takes: "112.908.443-71", "19.334.870/0001-05", "3-4199-00871-22-6"
        ("cpf", r"(?<![\w\-./])(?P<n>\d{3}\.\d{3}\.\d{3}-\d{2})(?![\w\-]|[.,/]\d)", 0.6),
        ("cnpj", r"(?<![\w\-./])(?P<n>\d{2}\.\d{3}\.\d{3}/\d{4}-\d{2})(?![\w\-]|[.,/]\d)", 0.6),
        ("thai_id", r"(?<![\w\-])(?P<n>\d-\d{4}-\d{5}-\d{2}-\d)(?![\w\-])", 0.6),
        # a juvenile or dependency case's number: sealed by law, it points to the child
        # ("JV-22-0419", "2022-JD-04417", "JDL-2023-61")
        ("juvenile", r"(?<![\w\-])(?P<n>(?:\d{2,4}-)?(?:JV|JD|JDL|JUV|JDP|DP|JC|CHINS)-?"
                     r"\d{2,4}(?:-\d{2,6})?)(?![\w\-])", 0.7),
    ]
    CUES = {"labeled": r"(?i:MRN|medical record(?: number| no\.?)?|patient (?:id|no\.?)|"
                       r"emp(?:loyee)?\.? (?:id|no\.?|number)|member id|client id|student id|"
                       r"inmate (?:id|no\.?|number)|booking (?:no\.?|number)|"
                       r"(?:driver|operator)'?s? licen[cs]e(?: number| no\.?)?|"
                       r"\bC?DL(?: no\.?| #)?|"
                       r"\bfile(?=\s*:)|"
                       r"passport(?: number| no\.?)?|A-?number|\bA#|alien (?:number|no\.?)|"
                       # "pasaporte de emergencia, N° 5E0021874"
                       r"pas?saporte(?: de emergencia| provisional)?,?(?: n[º°o]\.?| n[úu]mero)?|"
                       r"I-94(?: number| no\.?)?|admission (?:number|no\.?|#)|"
                       r"visa (?:number|no\.?)|receipt (?:number|no\.?)|"
                       r"policy (?:number|no\.?)|ticket(?: no\.?)?|badge(?: no\.?)?|"
                       r"gift ?card(?: code| no\.?| number| #)?|redemption code|voucher(?: code)?|"
                       r"\bID(?: number| no\.?| #)?|record (?:number|no\.?)|file (?:number|no\.?)|"
                       # national ids and registry numbers abroad, police report numbers
                       r"\bCIN|\bNIF|\bDNI|\bDPI|\bCUI|\bCURP|\bRFC|\bNIN|\bBVN|\bCPF|\bRUT|\bSPN|\bNIE|"
                       r"\bIDNYC|\bCNP|\bEGN|\bNIK|"
                       # Colombia's and Peru's: "CC 1.152.447.390", "NUIP", "NIT", "RUC", Brazil's
                       r"(?-i:\bCC|\bTI|\bNUIP|\bNIT|\bRUC|\bCNPJ|\bRG)|"
                       r"c[eé]dula(?: no\.?)?|\bRPT|(?:incident|police) report(?: no\.?| number)?|"
                       r"report (?:no\.?|number|#)|folio(?: no\.?)?|chart (?:no\.?|number|#)|"
                       r"conf(?:irmation)?\.? (?:no\.?|number|#|code)|"
                       r"reservation (?:no\.?|number|#|code)|(?:person|entry) (?:no\.?|number|#)|"
                       r"\bentry|\bVIN|order (?:no\.?|number|#)|encounter|event|kit|employee|"
                       r"voter credential(?: number| no\.?)?|clave de elector|\bINE|"
                       # a mariner's papers and a passport as crew lists abbreviate them
                       r"(?-i:\bMMC|\bSIRB|\bPP|\bSB|\bSID|\bNIK)|seam[ae]n'?s? book|"
                       r"mariner credential|"
                       r"student (?:#|no\.?|number)|"
                       # a child-welfare intake or referral, a remittance's sender code:
                       # "intake ref NCFS-23-1187", "made DHR report (ref 23-MC-04471)"
                       r"intake (?:ref|no\.?|number|#)|referral(?: no\.?| number| #| id)?|"
                       r"report \(ref\.?|sender code|MTCN|transfer (?:code|no\.?|number))"
                       r"(?:\s+(?:is|was|of))?(?:\s*\((?-i:[a-z][a-z ]{2,20})\))?"  # "(assigned)"
                       r"[:\s#.(,]*(?:number\s+)?(?:\((?-i:[A-Z]{2,3})\)\s*|(?-i:[A-Z]{2})\s+)?",
            "passport_shape": r"(?i:passports?|pasaportes?|pasaport|paspor|passeport)\b"
                              r"[^\n;]{0,40}",
            # any record's number: "kit # HX-22-01185", "Event No: NYC2102001447"
            "numbered": r"(?i:\b[a-z]{2,}\.?\s?(?:#|no\.|no|nbr|num)|"
                        # "travel document, no. ETD-KE-2023-18842", "ID (number 04/1187/12)"
                        r"\b(?:document|card|permit|certificate|ID|passport|papers?),?\s+"
                        r"\(?(?:no\.|number))[:\s#.]*",
            "licence": r"(?i:\bC?DL|driver'?s? licen[cs]e|passport|certification|licen[cs]e|"
                       r"\bIDNYC|\bNIK|\bCNP|\bEGN)"
                       r"(?: no\.?| number| #)?(?:\s*\([^)\n]{1,60}\))?[:\s#.(]*"}

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        token = match.group("n")
        if pattern_name == "juvenile":
            return len(re.sub(r"\D", "", token)) >= 4
        if pattern_name == "licence":
            return len(re.sub(r"\D", "", token)) >= 3 and not re.fullmatch(r"(?:19|20)\d\d", token)
        if len(re.sub(r"\D", "", token)) < 4 or DOCKET.match(token) or FEDERAL_CASE.match(token) \
                or _COURT_CASE.match(token):
            return False
        if pattern_name == "labeled":  # not a date's year: "Date of Entry: 2025 March 08"
            return not (re.fullmatch(r"(?:19|20)\d\d", token) and re.match(
                r"[ \t,]+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", match.string[
                    match.end():match.end() + 6]))
        # after any other label, a number that is not a page, an exhibit or a year, nor a
        # police or lab case's number ("CASE NO. 23-221904", "Lab No. DF-23-0419")
        label = match.string[max(0, match.start() - 16):match.start()]
        return bool(re.search(r"[A-Za-z\-]|\d{5}|\d/\d{4}/", token)) and not re.search(
            r"(?i)\b(?:case|lab|page|exhibit|ex|docket|bates|rule|program|approval|complaint)"
            r"\.?\s*(?:#|no\.?|nbr|num)"
            r"[:\s#.]*$", label)


class IpAddressRecognizer(RegexRecognizer):
    """IPv4 addresses."""

    ENTITY = "IP"
    DETECTOR = "pattern:ip"
    PATTERNS = [("ipv4", r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}"
                         r"(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d]|\.\d)", 0.7)]


class ListingIdRecognizer(RegexRecognizer):
    """Ids of online ads and listings."""

    ENTITY = "LISTING"
    DETECTOR = "pattern:listing"
    GROUP = "n"
    PATTERNS = [
        ("labeled", r"(?i:listing|ad|ad id|advert(?:isement)?|posting|post)s?\s*"
                    r"(?i:ids?|no\.?|numbers?|#)?[:\s#]*(?P<n>[A-Z]{1,6}-?\d{5,}|\d{6,})"
                    r"(?![\w\-])", 0.7),
        # an ad site's own id: "Skipthegames ID 5527180", "listcrawler id 4471-9920"
        ("site", r"(?i:skipthegames|megapersonals|listcrawler|backpage|bedpage|eros|tryst|"
                 r"adultsearch|doublelist|craigslist|cityxguide|yesbackpage|privatedelights|"
                 r"p411|onlyfans|switter|rubmaps|adultlook)(?:\.com)?\s*(?i:ad\s*)?"
                 r"(?i:ids?|no\.?|#)[:\s#]*(?P<n>[A-Z]{0,6}-?\d{4,}(?:-\d{3,})?)(?![\w\-])", 0.8),
    ]

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Labelled ids, and the rest of a list after one ("ad IDs STG-2291847, STG-2291903")."""
        return self.with_lists(text, super().analyze(text, entities, nlp_artifacts),
                               _MORE_LISTINGS, "n")


_MORE_LISTINGS = re.compile(r"[ \t]*(?:,|and|&|/)[ \t]*(?:and[ \t]+)?"
                            r"(?P<n>[A-Z]{1,6}-?\d{5,}|\d{6,})(?![\w\-])")


class ReceiptRecognizer(RegexRecognizer):
    """USCIS receipt numbers, device ids (IMEI, ICCID, serials after a label), crypto wallets."""

    ENTITY = "ID"
    DETECTOR = "pattern:id_shape"
    GROUP = "n"
    OCR_DIGITS = True  # "IMEI 35l907113820466", "EIN 43-2298l05"
    PATTERNS = [
        ("uscis", r"(?<![\w\-])(?P<n>(?:EAC|WAC|LIN|SRC|NBC|MSC|IOE|YSC|TSC|VSC|CSC)[\s\-]?\d{10})"
                  r"(?![\w\-])", 0.8),
        ("long_digits", r"(?<![\w\-.,$/])(?P<n>\d{15,22})(?![\w\-]|[.,]\d)", 0.6),
        ("device", r"(?<![\w\-])(?P<n>(?=[A-Z0-9\-]*\d)[A-Z0-9][A-Z0-9\-]{7,24})(?![\w\-])", 0.7),
        ("btc", r"(?<![\w])(?P<n>bc1[02-9ac-hj-np-z]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})"
                r"(?![\w])", 0.7),
        ("eth", r"(?<![\w])(?P<n>0x[a-fA-F0-9]{40})(?![\w])", 0.8),
        # TRON (USDT TRC-20) wallets; as copied into a record a 0 or an O may stand in
        ("tron", r"(?<![\w])(?P<n>T[0-9A-Za-z]{33})(?![\w])", 0.7),
        # gift-card and voucher codes, four groups of four: "X4KL-99TQ-2MPR-77HD"
        ("voucher", r"(?<![\w\-])(?P<n>(?=[A-Z0-9\-]*\d)(?=[A-Z0-9\-]*[A-Z])[A-Z0-9]{4}"
                    r"(?:-[A-Z0-9]{4}){3})(?![\w\-])", 0.7),
        ("ein", r"(?<![\w\-])(?P<n>\d{2}-\d{7})(?![\w\-])", 0.8),
        # a state criminal, juvenile or dependency case: "22 CR 0418801", "2023-DP-000412"
        ("state_case", r"(?<![\w\-:])(?P<n>(?:19|20)?\d\d[ \-]?(?:CR|CF|CM|MM|JV|JD|JUV|DP|DEP|"
                       r"TPR|DR|FM)[ \-]?\d{4,8})(?![\w\-])", 0.7),
        # the same with the kind first: "JD-2022-0417", "JV 23-00871" (a minor's case)
        ("juvenile_case", r"(?<![\w\-:])(?P<n>(?:JV|JD|JUV|DP|DEP|JA|JC|JF|TPR)[ \-]?"
                          r"(?:19|20)?\d\d[ \-]\d{3,8})(?![\w\-])", 0.7),
        # the code that opens a door: "gate code 4471#", "lockbox code is 2290"
        ("access", r"(?<![\w\-])(?P<n>\*?\d{3,8}#?)(?![\w\-])", 0.6),
        # agency event and file numbers: "TCA2203000917", "NYC2102001447"
        ("agency", r"(?<![\w\-])(?P<n>[A-Z]{2,4}\d{9,12})(?![\w\-])", 0.6),
    ]
    CUES = {
        "device": r"(?i:imei|meid|iccid|serial(?: no\.?| number)?|s/n|esn|device id|udid)[:\s#.]*",
        "ein": r"(?i:EIN|FEIN|employer identification(?: number| no\.?)?|tax id)"
               r"(?:\s+(?:is|was|of))?[:\s#.]*",
        "access": r"(?i:(?:gate|door|lockbox|lock ?box|keypad|alarm|access|entry|building|"
                  r"garage)[.,:]?[ \t]?(?:code|pin|combo|combination))"
                  r"[:\s#.]*(?:is\s+|was\s+)?",
    }

    def accept(self, pattern_name: str, match: re.Match[str]) -> bool:  # noqa: D102
        if pattern_name == "tron":
            wallet = match.group("n")
            return bool(re.search(r"[a-z]", wallet) and re.search(r"\d", wallet)
                        and re.search(r"[A-Z].*[A-Z]", wallet[1:]))
        if pattern_name == "btc" and match.group("n")[0] in "13":
            wallet = match.group("n")
            return bool(re.search(r"[a-z]", wallet) and re.search(r"\d", wallet))
        return True


class CodeRecognizer(RegexRecognizer):
    """Confirmation, booking, gift-card and device codes: "HMQ4X9TT2A", "7XQ2-LM9P-4RTA",
    "8E1F-22AC-0D7B", two groups of four ("D4K8 Q2RP"), VINs. A fact of the case, like an ad's
    id: co-counsel see it, a court filing does not."""

    ENTITY = "CODE"
    DETECTOR = "pattern:code"
    GROUP = "n"
    PATTERNS = [
        ("code", r"(?<![\w\-.])(?P<n>[A-Z\d]{4} [A-Z\d]{4}(?![\w\-])|"
                 r"(?=[A-Z\d\-]*[A-Z])(?=[A-Z\d\-]*\d)[A-Z\d]{2,17}(?:-[A-Z\d]{2,8}){0,4})"
                 r"(?![\w\-]|\.\w)", 0.6),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        code = match.group("n")
        # a phone's file name is no code: "IMG-20220314-WA0031", "PXL_20230101"
        return looks_random(code) and not FEDERAL_CASE.match(code) and not re.match(
            r"(?:IMG|VID|DSC|PXL|AUD|PTT|STK|DOC)\b", code)


class LastFourRecognizer(RegexRecognizer):
    """Last four digits of cards and accounts, alone or in a list: "ending 9152", "**** 7702",
    "cards ending in 7702, 1185 and 3346"."""

    ENTITY = "ACCOUNT"
    OCR_DIGITS = True
    DETECTOR = "pattern:last4"
    PATTERNS = [
        # (after the first digits too, as Chinese apps show a number: "138****7713")
        ("masked", r"(?<![\w*•])(?:\d{2,4})?(?:(?:[Xx*•#]{2,}|\.{2,}|…)[\s\-]?){1,4}\d{4,5}(?!\w)",
         0.7),
        ("ending", r"(?i:\bending(?: in| with)?|\bends(?: in| with)?|\bend (?:in|with)|"
                   r"\bended(?: in| with)?|\btermina(?:d[ao])? en|\bterminaci[oó]n|"
                   r"\bfinish(?:ing|es|ed)(?: in| with)?|"
                   r"last (?:four|4)(?: digits)?"
                   r"(?: of)?|acct\.?|account|card)[:\s#=]*(?:(?:is|are|was|were|no\.?)\s+)?"
                   r"-?\d{4,5}(?:\s*(?:,|and|&|/|or)\s*\d{4})*(?![\w\-/]|[.,:]\d)", 0.6),
    ]

    def analyze(self, text: str, entities: list[str],
                nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        """Each four-digit group of a match, not the cue words."""
        out = []
        for r in super().analyze(text, entities, nlp_artifacts):
            for m in re.finditer(r"(?<!\d)\d{4,5}(?!\d)", text[r.start:r.end]):
                if not re.fullmatch(r"(?:19|20)\d\d", m.group(0)) or "*" in text[r.start:r.end] \
                        or "X" in text[r.start:r.end].upper() or re.match(
                            r"(?i)ending|last|\.\.\.|…", text[r.start:r.end]):
                    out.append(result(self.ENTITY, r.start + m.start(), r.start + m.end(),
                                      r.score, self, self.DETECTOR))
        return out


class MrzRecognizer(RegexRecognizer):
    """The machine-readable zone of a passport or visa: every line holds her name, number,
    nationality and birth date ("P<PHLDIMACULANGAN<<MERCY<...")."""

    ENTITY = "ID"
    DETECTOR = "pattern:mrz"
    GROUP = "z"
    PATTERNS = [
        ("line", r"(?<![A-Z0-9<])(?P<z>(?=[A-Z0-9<]*<<)[A-Z0-9<]{25,48})(?![A-Z0-9<])", 0.8),
    ]

    def validate_result(self, match: re.Match[str]) -> bool:  # noqa: D102
        return match.group("z").count("<") >= 3
