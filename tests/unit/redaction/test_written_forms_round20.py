"""Classes found in a twentieth look (two sets written apart: boys brought over by fake football
academies, and workers held in gas stations and motels by a family network): her name in an
Indian script (Devanagari, Bengali, Gurmukhi, Gujarati), her village after "Gram", a name after
"Md.", a clipped name opening a message in her language or its translation, an everyday-word
name that "is fine"; a registration export's snake_case columns and a guardian's name; two
relatives who share a surname keep two placeholders; a sister's middle initial does not make
her the subject."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-3 v. Lakeshore Fuel Holdings LLC",
    "subjects": [
        {"pseudonym": "John Doe 1", "names": ["Suresh Kumar Maurya"], "aliases": ["Pappu"],
         "addresses": ["Gram Khairpur, Post Lalganj, District Jaunpur, Uttar Pradesh 222001"]},
        {"pseudonym": "John Doe 2", "names": ["Md. Jahangir Alam"], "aliases": ["Jahan"]},
        {"pseudonym": "Jane Doe 3", "names": ["Harpreet Kaur Sidhu"], "aliases": ["Mercy"]},
        {"pseudonym": "Jane Doe 4", "names": ["Nirmala Tamang"], "aliases": []},
    ],
    "related_people": [{"label": "Family Member 1", "names": ["Hetal Patel"]}],
    "keep": ["Lakeshore Fuel Holdings LLC", "Hon. Diane R. Whitcomb"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize("text, gone", [
    ("मेरा नाम सुरेश कुमार मौर्य है", "सुरेश"),
    ("Contact saved as ਹਰਪ੍ਰੀਤ in the phone.", "ਹਰਪ੍ਰੀਤ"),
    ("Interpreter: client signed as নির্মলা তামাং on the form.", "তামাং"),
    ("Hetal (હેતલ) brought the food.", "હેતલ"),
    ("He grew up in Khairpur and came in 2019.", "Khairpur"),
    ("2024-02-11 23:20  Boss Bhai: jahangir tumi beshi kotha bolo.", "jahangir"),
    ("2024-02-11 23:20  Boss Bhai: jahan tumi beshi kotha bolo.\n"
     "                  [jahan you talk too much]", "jahan"),
    ("Take his phone at night. Mercy is fine, she is quiet.", "Mercy"),
])
def test_her_names_in_more_scripts_and_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_ordinary_words_in_those_scripts_and_sentences_stay(session):
    out = redacted(session, "बैंक खाता बंद है. The court showed mercy to no one; all is fine.")
    assert "बैंक खाता" in out and "mercy" in out, out


def test_a_registration_exports_snake_case_columns(session):
    text = ("player_id     | last_name      | first_name   | dob        | guardian_name\n"
            "24-HOU-118811 | Boakye-Dankwa  | Kwadwo       | 2008-10-14 | Akosua Boakye-Dankwa\n")
    out = redacted(session, text)
    for gone in ("Boakye-Dankwa", "Kwadwo", "Akosua"):
        assert not present(gone, out), out


def test_two_relatives_sharing_a_surname_keep_two_placeholders() -> None:
    from redaction.placeholders import PersonPlaceholders

    names = PersonPlaceholders("[Related Person {n}]")
    mother = names.label(["Rosibel", "Alvarado", "Gómez"])
    cousin = names.label(["Nahún", "Alvarado"])
    assert mother != cousin
    assert names.label(["Nahún"]) == cousin and names.label(["Rosibel"]) == mother
    assert names.label(["ALVARADO", "Rosibel"]) == mother  # inverted, as a roster writes it


def test_a_sisters_middle_initial_does_not_make_her_the_subject(engine) -> None:
    from tests.unit.redaction.written import court_session

    case = {"matter": "Doe v. Manning", "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Rosalinda V. Abellana"]}],
        "related_people": [{"label": "Family Member 1", "names": ["Joy Abellana"]}]}
    out = redacted(court_session(engine, case),
                   "Allottee: JOY V. ABELLANA (sister), savings account at the Dalaguete branch")
    assert "Family Member 1 (sister)" in out, out
