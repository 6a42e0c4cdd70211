"""Classes found in a thirteenth look (three sets written apart: H-2B workers on travelling
carnival crews, minors forced to steal and sell for a crew, and teenagers sent out to work by a
religious ranch school): a nickname in quotes inside a full name, a Spanish article before a
given name, children listed with "and", a people's word as a given name, an emergency contact
after a dash; a listed name in Ge'ez letters, OCR'd initials, a given name and the father's
surname, an everyday-word name after kin or before "is not my name" or a contact's phone, a
Wisconsin rural number, OCR'd house numbers, villages, lower-case plates; and what must stay:
a large city after a listed street, a town after "in" or before its state, roles, faiths,
brands, a state's code by its initials, county school districts, a kept counsel's firm and a
kept party in a caption, a weekday, a city before its state."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-4 v. Sunbelt Midway Amusements LLC and Garrick Pell",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Ximena Araceli Tupa Quispe"],
         "aliases": ["Winter", "Sunday"],
         "addresses": ["3307 Larchmont Ave, Apt 9, San Antonio, TX 78210"]},
        {"pseudonym": "Jane Doe 2", "names": ["Hiwet Gebreyesus"], "aliases": ["Honey"],
         "phones": ["(612) 555-0147"],
         "addresses": ["W2261 County Road KK, Deer Park, WI 54007"]},
        {"pseudonym": "John Doe 1", "names": ["Tomasz Lis"],
         "aliases": ["Tennessee", "Memphis", "Easter"]},
        {"pseudonym": "Jane Doe 3", "names": ["Oksana Bilyk"], "aliases": ["Ola"]},
    ],
    "related_people": [{"label": "Aunt 1", "names": ["April Tupa"]}],
    "keep": ["Sunbelt Midway Amusements LLC", "Garrick Pell", "Renata Gebreyesus",
             "Hon. Lyle Brandvold"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ people the text reveals


def test_a_school_without_the_verb_before_it(session):
    out = redacted(session, "EDUCATION: Enrolled Northgate High School until 12/2023.")
    assert present("Enrolled", out) and not present("Northgate", out), out


def test_a_nickname_in_quotes_inside_a_full_name_goes_whole(session):
    out = redacted(session, 'Witness: Desmond "Tankie" Ruddock (DOB 1987), ride mechanic. '
                            "Later Tankie denied it.")
    for gone in ("Desmond", "Tankie", "Ruddock"):
        assert not present(gone, out), out


def test_a_spanish_article_before_a_given_name_in_lower_case(session):
    out = redacted(session, "[03/02/24 21:10] Mamá: la yesenia no quiere comer. "
                            "el jefe dijo que no")
    assert not present("yesenia", out), out
    assert present("el jefe", out), out


def test_children_listed_with_and_are_both_hers(cocounsel):
    out = redacted(cocounsel, "Her sister keeps the kids, Thiago (7) and Valentina (4), in Puno.")
    assert not present("Thiago", out) and not present("Valentina", out), out


def test_a_peoples_word_that_is_a_given_name_before_a_surname(session):
    out = redacted(session, "Teen workers hired on the route included Dakota Wendling, age 15.")
    assert not present("Wendling", out), out


def test_an_emergency_contact_after_a_dash_is_hers(cocounsel):
    out = redacted(cocounsel, "Emergency contact: cousin -- Marisol Quenta, (210) 555-0187")
    assert not present("Marisol Quenta", out), out


def test_a_village_named_as_one(session):
    out = redacted(session, "Her grandmother still lives in the village of Ccotos.")
    assert not present("Ccotos", out), out


def test_a_plate_in_a_chats_lower_case(session):
    out = redacted(session, "[10:41] Ola: his truck plate is tx 4kd-p19 i saw it")
    assert not present("4kd-p19", out), out


def test_an_ocr_read_house_number(session):
    out = redacted(session, "Emerg. contact addr: 4O7 W Magnolia St Apt C, Laredo")
    assert not present("4O7 W Magnolia St", out), out


def test_a_licence_shape_inside_a_longer_number_takes_the_number(session):
    out = redacted(session, "INTAKE SHEET   Booking #: 2024-O5521B   Cell block D")
    assert not present("2024-O5521B", out) and not present("O5521B", out), out


def test_an_ein_after_is(session):
    out = redacted(session, "Midway Cash Advance LLC's EIN is 74-3318290 per the filing.")
    assert not present("74-3318290", out), out


# ------------------------------------------------------------------ what the case file knows


def test_a_name_in_geez_letters_is_found_by_how_it_reads(session):
    out = redacted(session, 'Client (Tigrinya): "ሂወት ኣብዚ ኣላ።" [Hiwet is here.]')
    assert not present("ሂወት", out), out


def test_ocr_digits_in_a_subjects_initials(session):
    out = redacted(session, "signed at the bottom: (0.B.) and a heart")
    assert not present("0.B.", out), out


def test_the_given_name_and_fathers_surname_initials(session):
    out = redacted(session, 'We have been calling her "X.T." in the drafts.')
    assert not present("X.T.", out), out


@pytest.mark.parametrize("text, gone", [
    ("[9/14/24 8:02 pm] Rosa: auntie april says call her", "april"),
    ("[9/14/24 8:03 pm] Ximena: winter is not my name anymore", "winter"),
    ("group members: pell (+1 210 555 0100) | honey (+1 612 555 0147)", "honey"),
    ("[11/02/24 22:15] Rosa: winter wtf where are u", "winter"),
    ("11/08/24, 15:10 - Rosa: el winter esta bien pero tiene miedo", "winter"),
])
def test_an_everyday_word_name_where_only_a_name_stands(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_a_rural_house_number_with_its_direction_letter(session):
    out = redacted(session, "Home: county rd kk, past the feed store. Also W2261 County Road KK.")
    assert not present("county rd kk", out) and not present("W2261", out), out


# ------------------------------------------------------------------ what must stay


def test_a_large_city_after_a_listed_street_stays(session):
    out = redacted(session, "Mailing address: 3307 Larchmont Ave, Apt 9, San Antonio, TX 78210")
    assert not present("3307 Larchmont Ave", out), out
    assert present("San Antonio", out), out


def test_a_town_after_an_unknown_street_stays(session):
    out = redacted(session, "Recruiter: Dale Voss, 118 Kessler Road, Apt 4, Annapolis\nNext line")
    assert present("Annapolis", out), out


@pytest.mark.parametrize("text, kept", [
    ("She has not been to church since Easter.", "since Easter"),
    ("She came to Tennessee with her mother in 2019.", "Tennessee"),
    ("The crew flew into the airport in Hailey that night.", "Hailey"),
    ("Fairs in Travis, Bexar and Comal counties.", "Comal"),
    ("They drove to Easton and Annapolis, Maryland, in one night.", "Annapolis"),
    ("Seen at the clinic in Coeur d'Alene.", "Alene"),
    ("Caregiver's cell is on file; the Caregiver signs weekly.", "Caregiver"),
    ("She said he was a good Christian man.", "Christian"),
    ("He stole two Yeti coolers and a pair of Nike Air Max.", "Max"),
    ("Urine hCG neg. Prophylaxis given.", "Urine"),
    ("Local Childcare Coordinator: see file.", "Childcare"),
    ("Legal Permanent Residence Country Code: PE", "Residence"),
    ("Device: IMEI on file, SIM ICCID on file.", "ICCID"),
    ("Charged under TCA 39-l4-lO3 (theft).", "39-l4-lO3"),
    ("DUVAL COUNTY PUBLIC SCHOOLS -- attendance detail", "DUVAL"),
    ("Lunch at the Waffle House off I-10.", "Waffle House"),
    ("Program Number: P-4-O3318 (sponsor)", "P-4-O3318"),
])
def test_public_words_places_and_numbers_stay(session, text, kept):
    out = redacted(session, text)
    assert present(kept, out), out


def test_a_weekday_alias_used_as_the_day_stays(session):
    out = redacted(session, "Date / Time: Sunday, March 3, 2024 14:05. Sunday was not there.")
    assert present("Sunday, March 3", out), out
    assert not present("Sunday was", out), out


def test_a_city_alias_before_its_state_and_a_state_code_stay(session):
    out = redacted(session, "Garrick Pell drove him to Memphis, Tennessee under Tenn. Code Ann. "
                            "§ 39-13-309. Memphis said no.")
    assert present("Memphis, Tennessee", out) and present("Tenn. Code Ann.", out), out
    assert not present("Memphis said", out), out


def test_a_kept_counsels_firm_and_a_kept_party_in_a_caption_stay(session):
    out = redacted(session, "cc: Renata Gebreyesus, Gebreyesus Law Office. Re: Doe v. Pell. "
                            "Hiwet Gebreyesus called.")
    assert present("Gebreyesus Law Office", out) and present("Doe v. Pell", out), out
    assert not present("Hiwet", out), out
    assert not session.leaks(out)
