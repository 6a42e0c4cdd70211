"""Classes found in a seventeenth look (three sets written apart: women brought through
international marriage brokers, youths on traveling sales crews and carnivals, and home-care
aides held by agency "breach fees"): another romanisation of her name, her name run together as
a handle, her village after a settlement's word, a listed number as OCR or another script
misreads it, a middle name the record lacks, an initial that says which of two people with one
surname; people after a church's title or a report's party code, names with accents that
combine, OCR'd capitals; and what must stay: kept names as records write them, counsel's bar
number, a civil action's number, a list of counties, a car's make, a table's next column."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-3 v. Silkway Introductions LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Zhanar Yerlanovna Abenova"], "aliases": ["Zhana"],
         "addresses": ["Comunidad Campesina Huayllapata, Ocongate, Cusco, Peru"],
         "identifiers": ["Passport N20461183"]},
        {"pseudonym": "Jane Doe 2", "names": ["Corazon Dela Pena Macalintal"],
         "aliases": ["Razon"], "addresses": ["Purok 3, Ban Khok Pho, Khon Kaen, Thailand"],
         "identifiers": ["SSN 522-81-4407"]},
        {"pseudonym": "John Doe 3", "names": ["Dario Wendell Okafor"], "aliases": ["Dari"]},
    ],
    "related_people": [
        {"label": "Family Member 1", "names": ["Nneka Okafor"]},
        {"label": "Family Member 2", "names": ["Yerbol Abenov"]},
    ],
    "keep": ["Silkway Introductions LLC", "Harold Quentin Okafor", "Marguerite L. Sandoval",
             "Hon. Peter Vasquez"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ what the case file knows


@pytest.mark.parametrize("text, gone", [
    ("Mother on file: Janar Abenova, no phone.", "Janar"),
    ("send it to darioOkafor? no: dariookafor on cash app", "dariookafor"),
    ("she misses her mother in huayllapata and cries", "huayllapata"),
    ("Kanila ako nakatira, taga-Khok Pho po ako.", "Khok Pho"),
    ("Passport No.: N2O46118З   Exp: 2031-04-02", "N2O46118З"),
    ("his copy of the passport reads 2O461B83", "2O461B83"),
    ("SSN (last 4): 4407     Language: Tagalog", "4407"),
    ("Derivative: spouse Dario Chinedu Okafor, DOB 1990", "Chinedu"),
    ('She said "Menin atym Zhanar, Yerlan qizi."', "Yerlan"),
])
def test_her_names_and_numbers_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_an_initial_picks_which_of_two_with_one_surname(session):
    out = redacted(session, "03/22 | WIRE TO N OKAFOR | 75.00")
    assert "Family Member 1" in out and "John Doe 3" not in out, out


# ------------------------------------------------------------------ people the text reveals


@pytest.mark.parametrize("text, gone", [
    ("I stayed two weeks at the home of Deacon Harlan Voss from my church.", "Harlan Voss"),
    ("At 0310 hrs dispatch received a call from W-1 Nakashima about the van.", "Nakashima"),
    ("Interpreter: Adéwọlé Ọ̀ṣúnfúnkẹ́ (Yoruba), sessions in Dallas.", "Ọ̀ṣúnfúnkẹ́"),
    ("Name (print): GULNARA SARSENBAYEVA  (Kazakhstan)", "GULNARA"),
    ("Name (print): GULNARA SARSENBAYEVA  (Kazakhstan)  DOB: 11 MAR 1999", "11 MAR 1999"),
    ("VEHICLE: 2016 Ford Transit 350, white, OH 417 KZP, VIN on file", "417 KZP"),
])
def test_identifiers_the_text_reveals(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


# ------------------------------------------------------------------ what must stay


@pytest.mark.parametrize("text, kept", [
    ("Members: MARGUERITE L SANDOVAL / joint owner", "MARGUERITE L SANDOVAL"),
    ("Witnesses: Harold Q. Okafor; the clerk", "Harold Q. Okafor"),
    ("Harold Okafor signed the contract.", "Harold Okafor"),
    ("Client H. Okafor paid the balance by wire.", "H. Okafor"),
    ("Gwendolyn Marsh, Georgia Bar No. 661204", "Bar No. 661204"),
    ("Petitioner, ) Civil Action File No. 24-A-01177-3", "24-A-01177-3"),
    ("patient homes in Harris / Fort Bend / Waller counties", "Harris"),
    ("routes in Anne Arundel, Howard and Kent counties, Maryland", "Anne Arundel"),
    ("Respondent drives a silver 2020 Lexus RX", "Lexus"),
    ("Client: C.D.M. (client)     Date: 10/03/2023, Reno office", "10/03/2023"),
    ("2023-01-08  Remitly   R MACALINTAL    acct 043-8-77192-5    60.00   2,000", "60.00"),
    ("2023-01-08  Remitly   R MACALINTAL    acct 043-8-77192-5    60.00   2,000", "Remitly"),
])
def test_public_facts_stay(session, text, kept):
    out = redacted(session, text)
    assert present(kept, out), out


def test_a_plate_is_not_the_last_four_of_her_number(cocounsel):
    out = redacted(cocounsel, "the crew van, Arkansas plate 4TK 4407, was parked. SSN ends 4407.")
    assert present("4TK 4407", out) and not present("ends 4407", out), out
