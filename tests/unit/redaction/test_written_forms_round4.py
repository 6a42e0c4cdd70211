"""Written forms from a fourth round of documents written apart from the engine (forced
criminality and immigration files; online exploitation and suits against platforms): record
numbers that look like Bates numbers, random booking and device codes, staff log-ins and signed
initials, lower-case names in chats, streets written the way Queens, Mexico or Romania write
them, a large city kept after a removed street, dates of birth in Spanish or in words; and what
must stay: defined terms, abbreviations, acronyms, neighbourhoods, counties, file names."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from redaction.context import CaseContext
from redaction.formats.leakview import docx_view
from redaction.profiles import load_profile
from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Doe v. Lantern Row Hospitality, LLC",
    "subjects": [
        {
            "pseudonym": "Jane Doe 1",
            "names": ["Rosalba Ixchel Rivera Tum"],
            "aliases": ["Kiki", "Izzy", "Ana-Lu", "Baby-Sol"],
            "date_of_birth": "2006-02-11",
            "addresses": ["Rt 4 Box 22, Wewoka, OK 74884",
                          "1107 Lake Dr, Lot 9, Sorrento, FL 32776"],
        },
        {
            "pseudonym": "Jane Doe 2",
            "names": ["Marisol Quispe"],
            "addresses": ["14 Briar Ln, Waller, TX 77484"],
        },
    ],
    "related_people": [],
    "keep": ["Lantern Row Hospitality, LLC", "Emeka Daniel Obi", "Hon. Ruth A. Calder"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize(("text", "gone"), [
    ("[03/02/24 9:10 PM] Dre: member kiki from the party? she coming", "kiki"),  # chat, lower
    ("u and lzzy ready? im outside", "lzzy"),  # OCR's l for a capital I
    ("  Ana1u  (la nina)   3,400    100", "Ana1u"),  # a short alias part OCR'd
    ("aqui me dicen Baby S0l y nadie sabe", "Baby S0l"),
    ('the defendant (referred to herein as "Ms. R.")', "Ms. R."),  # her surname's initial
    ("Our mailing address is Route 4, Box 22 out past the church.", "Route 4, Box 22"),
    ("I lived in a trailer there, lot 9, with two other women.", "lot 9"),  # her unit alone
    ("Naci el 11 de febrer0 2006 en Honduras.", "11 de febrer0 2006"),  # Spanish, OCR'd
    ("Q. Your date of birth?\nA. Eleven February, 2006.", "Eleven February, 2006"),
])
def test_known_identifiers_in_fourth_round_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


@pytest.mark.parametrize(("text", "gone"), [
    ("Grade: 10   Student ID: HHS-2022-00417\nPlacement: kinship", "HHS-2022-00417"),
    ("Sexual assault kit collected, kit # SA-24-00981, sealed.", "SA-24-00981"),
    ("Event No: ATL2301004412    FINS: none", "ATL2301004412"),
    ("My criminal case number is 21 CR 0099817 in the Circuit Court.", "21 CR 0099817"),
    ("Acct/Encounter: E230114-00552\nAddress on registration: none", "E230114-00552"),
    ("Conf #: QX4T9BR2       Rate Plan: WKLY", "QX4T9BR2"),  # a booking code
    ("he sent a card: 9KD2-PL4M-Z7QA ($25) dont tell", "9KD2-PL4M-Z7QA"),
    ("  2023-06-25 05:51   $180.00   A7F3-9C21-66DE-0B42", "A7F3-9C21-66DE-0B42"),  # device
    ("VIN 1HGCM82633A004352 and plate unknown", "1HGCM82633A004352"),
    ("Room & tax (weekly)      $412.30      JBRENNAN", "JBRENNAN"),  # a clerk's log-in
    ("Printed 08/29/2023 by: dkowalski (Registrar)", "dkowalski"),
    ("Co-signed: O. Castellano-Ruiz, MD", "Castellano-Ruiz"),  # initial and surname
    ("nurse L. Pemberton, RN, did not file a report.", "Pemberton"),
    ("[2023-03-25 23:52] Tay: ryder said pick up the girls", "ryder"),  # a name in a chat
    ("US address (claimed): 104-15 37th Ave, Fl 2, Corona, NY 11368", "104-15 37th Ave"),
    ("staying with a church family, 2871 Shallowbrook Terr. She is afraid.", "Shallowbrook"),
    ("the place is on Pecan Rd, unit B\n", "Pecan Rd, unit B"),
    ("he has a house at 11 Calle Robles, Henderson, NV", "11 Calle Robles"),
    ("Secondary: Str. Florilor nr. 9, bl. C3, ap. 12, Cluj, Romania", "Florilor"),
    ("DOB ................. 03/09/1991\n  SSN on file", "03/09/1991"),  # a leader, not a colon
])
def test_unknown_identifiers_of_the_fourth_round(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_a_large_city_stays_after_the_street_it_ends(session):
    out = redacted(session, "He lives at 88 Pine St, Apt 4, Chicago, IL 60614 with her.")
    assert "Chicago, IL" in out
    assert not present("Pine", out) and not present("60614", out)


@pytest.mark.parametrize("kept", [
    'the Trafficking Victims Protection Reauthorization Act ("TVPRA") applies',
    "under Tex. Civ. Prac. & Rem. Code § 98.002",
    "I. KYC RECORD",
    "an ICE FOIA request",
    "Login IPs were produced",
    "arrested in Jackson Heights on the 7 train",
    "the Georgia Crime Information Center",
    "a white Toyota Sienna",
    "Oga Emeka said to send it",  # a kept defendant with a word of respect
    "IMG-20230314-WA0031.jpg (file attached)",
    "her foster home in Waller County",  # the county, not her town
    "Lab No. DF-23-0419",
    "Bates: LRH-JD-000031",
])
def test_fourth_round_public_words_stay(session, kept):
    assert kept in redacted(session, f"Note: {kept}.")


def test_her_town_alone_still_goes(session):
    assert not present("Waller", redacted(session, "She lived in Waller then."))


def test_a_code_is_a_case_fact_co_counsel_see(engine):
    session = engine.session(CaseContext.from_dict(CASE), load_profile("co-counsel"))
    out = redacted(session, "Their gift-card code 9KD2-PL4M-Z7QA was redeemed.")
    assert "9KD2-PL4M-Z7QA" in out


def test_what_one_file_teaches_does_not_spread_into_places_and_dates(session):
    first = ('Participants: @rafa_vgs (display name "Rafa Vegas"). Rafa Vegas drove. '
             "Rooms 12, 14 and 27 were rented.")
    second = "He promised work in Las Vegas. From January 9 through April 14, 2023, he paid."
    outs = [r.text for r in session.redact_many([first, second])]
    assert not present("Vegas", outs[0])
    assert "Las Vegas" in outs[1] and "April 14, 2023" in outs[1]


def test_an_identifier_found_with_its_label_goes_where_it_stands_bare(session):
    first = "KYC RECORD - Account CV-5512-0098\nFull name: none"
    second = "Sessions for CV-5512-0098 overlap on 41 of 47 logins."
    outs = [r.text for r in session.redact_many([first, second])]
    assert not present("CV-5512-0098", outs[1])


def test_what_a_word_processor_adds_is_not_her_name(engine):
    """A theme's font list names the Hangul script "Hang": no alias of hers, in any part."""
    case = {"matter": "m", "subjects": [{"pseudonym": "Jane Doe", "names": ["Thu Hang Pham"],
                                         "aliases": ["Hang"]}], "keep": []}
    session = engine.session(CaseContext.from_dict(case), load_profile("court"))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/theme/theme1.xml",
                    '<a:theme xmlns:a="x"><a:font script="Hang" typeface="Malgun"/>'
                    '<a:font script="Jpan" typeface="Gothic"/></a:theme>')
    assert all(session.leaks(view) == [] for view in docx_view(buf.getvalue()))


def test_a_possessive_without_apostrophe_is_not_an_everyday_word(engine):
    case = {"matter": "m", "subjects": [{"pseudonym": "Jane Doe", "names": ["Lan Thi Hoang"]}],
            "keep": []}
    session = engine.session(CaseContext.from_dict(case), load_profile("court"))
    out = redacted(session, "[reply] who is this its marco. Hoang said so.")
    assert "who is this its" in out and not present("Hoang", out)


def test_a_long_paragraph_is_no_chat_message(engine):
    """A part read as one line (a DOCX's leak view) is no chat: "summer," is no vocative."""
    case = {"matter": "m", "subjects": [{"pseudonym": "Jane Doe", "names": ["Summer Harjo"],
                                         "aliases": ["Summer"]}], "keep": []}
    session = engine.session(CaseContext.from_dict(case), load_profile("court"))
    text = ("Case No. 24-cv-0412: the declarant states as follows. " * 6
            + "Last summer, after the charges, girls at her school figured it out.")
    assert "Last summer, after" in redacted(session, text)


@pytest.mark.parametrize(("text", "gone"), [
    ('the crew leader, known to workers as "El Gato." He hit them.', "El Gato"),
    ('pt stated that the crew leader ("El Gato") struck her', "El Gato"),
    ("  CUENTAS  (Efra1n)   mayo 2023", "Efra1n"),  # OCR's 1 for i in a given name
    ("  pasaporte - lo tiene Arno1do", "Arno1do"),  # and for l
])
def test_nicknames_and_ocr_names_of_the_fourth_round(session, text, gone):
    assert not present(gone, redacted(session, text))


def test_ocr_never_makes_a_name_of_a_word(session):
    text = "A1so the Ca11e and Mi11 Road, in 2O23."
    assert redacted(session, text) == text


@pytest.mark.parametrize(("text", "gone"), [
    ("Legal status: TMC; CVS caseworker Monique Ashford (Region 6), cell on file", "Ashford"),
    ("placed separately with paternal aunt Tonya Reese in Hempstead", "Tonya Reese"),
    ("Jane Doe's GAL is Attorney Joan Pridmore.", "Pridmore"),
    ("Notes\nAssigned CW: Marcus Lonewalker, CPS Specialist II", "Lonewalker"),
    ("- Foster mother is Denise Whitmore in Naples.", "Whitmore"),
])
def test_co_counsel_see_no_one_tied_to_her_by_care(engine, text, gone):
    session = engine.session(CaseContext.from_dict(CASE), load_profile("co-counsel"))
    assert not present(gone, redacted(session, text))


def test_co_counsel_still_see_the_traffickers(engine):
    session = engine.session(CaseContext.from_dict(CASE), load_profile("co-counsel"))
    out = redacted(session, "The trafficker Ferdinand Sayco and his driver Rodel Cruz came.")
    assert "Ferdinand Sayco" in out and "Rodel Cruz" in out


def test_short_names_in_capitals_are_no_acronyms(session):
    out = redacted(session, "   Guest: TRAN, KHANH VY | Pay: AMEX\nFlights: JFK, VWP entries.")
    assert not present("KHANH", out) and "JFK, VWP" in out
