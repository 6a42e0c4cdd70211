"""Classes found in a fifteenth look (three sets written apart: people forced to run scams in
compounds abroad, crews rebuilding after hurricanes, and minors trafficked along truck-stop
corridors): an everyday-word alias called out inside a chat message, a kin word before a name
in the clients' languages, a town after a road with no province, a trailer lot, an address with
OCR's zero, card numbers by their column, a passenger manifest, a name after "named"; and what
must stay: a state's name around an alias, a town of two words, field names, a kept name after
a title, a truck's make."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-4 v. Harborline Restoration LLC and Wade Ellison",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Rosalind Amihan Torres"],
         "aliases": ["Faith", "Bibi-Bibi"],
         "addresses": ["No. 9/4, Kanda Para, Kotadeniyawa, Sri Lanka"]},
        {"pseudonym": "Jane Doe 2", "names": ["Maëlle Georgette Présumé"], "aliases": ["Dakota"],
         "addresses": ["Space 31, Bayou Oaks Mobile Park, 22870 Old Hwy 90, Pearlington, MS 39572"],
         "identifiers": ["prepaid card 5210 8841 3307 6642"]},
        {"pseudonym": "John Doe 3", "names": ["Trương Văn Hậu"], "aliases": ["Luz"]},
    ],
    "related_people": [
        {"label": "Family Member 1", "names": ["Trương Minh Quân"]},
        {"label": "Family Member 2", "names": ["Perpetua Torres"]},
        {"label": "Family Member 3", "names": ["Xamdi Warsame"]},
    ],
    "keep": ["Harborline Restoration LLC", "Wade Ellison", "Esteban Présumé Olivar",
             "Hon. Clarissa Dunmore"],
}


session, cocounsel = case_fixtures(CASE)

_MANIFEST = ("| Seq | Name (SURNAME/GIVEN TITLE) | Nat | Passport  | DOB     | Seat |\n"
             "| 201 | ABDULLAEV/RUSTAM MR        | UZB | FA1203398 | 14MAR91 | 12C  |")


# ------------------------------------------------------------------ what the case file knows


@pytest.mark.parametrize("text, gone", [
    ("3/2/24, 9:14 PM - Wade: they moved the crew. faith are you at the trailer", "faith"),
    ("[03.02.2024 21:14] Hậu (@hau_t): chi faith, call the embassy again", "faith"),
    ("2024-03-02 21:16  scout_77     nice hands. u could model dakota", "dakota"),
    ('Older girl said her name was "faith," and left.', "faith"),
    ("                 [faith where are you? the van is here]", "faith"),
    ("[2024-03-02 21:20] crewboss: bibi dont answer that number", "bibi"),
])
def test_an_everyday_word_alias_called_out_in_a_message(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_the_same_words_as_words_stay(session):
    out = redacted(session, "2024-03-02 21:18  scout_77     it was cold last winter, i have faith "
                            "in u\n[2024-03-02 21:19] crewboss: keep the faith.")
    assert present("have faith", out) and present("the faith", out), out


def test_her_town_after_a_road_and_no_province(session):
    out = redacted(session, "She grew up in Kotadeniyawa.\n2024-03-02 21:11  Faith: i miss "
                            "kotadeniyawa")
    assert not present("Kotadeniyawa", out), out


def test_her_trailer_space_her_park_and_her_road_as_ocr_reads_it(session):
    out = redacted(session, "Location: Bayou 0aks Mobi1e Park, 22870 0ld Hwy 90, Space 31\n"
                            'She "stays at space 31 with others". It is 12 miles away.')
    for gone in ("0ld Hwy 90", "space 31", "Space 31", "Bayou 0aks Mobi1e Park"):
        assert not present(gone, out), out
    assert present("12 miles", out), out


def test_the_last_four_of_her_listed_card_before_a_colon(session):
    out = redacted(session, "03/11/2024 card 6642: caller asked for a PIN reset")
    assert not present("6642", out), out


def test_a_creole_and_a_somali_spelling_of_their_names(session):
    out = redacted(session, 'Manman: Maëlj kijan ou ye?\nHer aunt signs as "Hamdi" now.')
    assert not present("Maëlj", out) and not present("Hamdi", out), out


def test_her_father_beside_her_own_surname_gets_his_label(session):
    out = redacted(session, "My father,\nTrương Minh Quân, fishes. Trương Văn Hậu is me.")
    assert "Family Member 1, fishes" in out and "John Doe 3 is me" in out, out


def test_a_kin_word_before_her_mothers_name(session):
    out = redacted(session, "Sabi ni Nanay Perpetua, nasa bahay pa siya.")
    assert "Family Member 2" in out and not present("Perpetua", out), out


def test_a_language_tag_in_brackets_is_no_one(session):
    out = redacted(session, '[TM] JD1: "hindi ko alam." = I did not know.')
    assert out.startswith("[TM]"), out


# ------------------------------------------------------------------ people the text reveals


@pytest.mark.parametrize("text, gone", [
    ("| #  | Nombre             | Tarj.  | Hrs |\n| 1  | ROLDAN P., ELVIN   | 4471   | 60  |",
     "4471"),
    ("Card number            Cardholder name         Status\n"
     "---------------------  ----------------------  ------\n"
     "5210 8841 3307 9911    QUISPE, HERMINIO        ACTIVE", "QUISPE, HERMINIO"),
    (_MANIFEST, "14MAR91"),
    (_MANIFEST, "ABDULLAEV/RUSTAM"),
    ("Res: Navajo Route 15, Mile 12.4, Lukachukai, AZ", "Navajo Route 15, Mile 12.4"),
    ("Veh: KENWORTH   Lic/St: 4TRK-519 / AZ", "4TRK-519"),
    ("the buyer sat waiting in van KQD-772.", "KQD-772"),
    ("Pmt: AMEX ****-******-31008   Auth: 1122", "31008"),
    ("Her brother's card last 4 = 5517.", "5517"),
    ("issued an emergency travel document, no. ETD-PH-2024-22107, in May", "ETD-PH-2024-22107"),
    ("told me to bring my kebele ID (number 07/2219/15) and", "07/2219/15"),
    ("Previous school: École Communale de\nPetit-Goâve (Haiti), gr. 3", "École Communale de"),
    ("EE-4, a Honduran worker, lot 17. Stated he was paid in cash.", "lot 17"),
    ("A worker named Wellington carried me to the truck.", "Wellington"),
    ('Phone filtered to threads with: "Mama", "Jarell", "Quanisha"', "Quanisha"),
    ('She was given pills by "Smoke." and slept.', "Smoke"),
    ("a recruiter who introduced herself as Marilou Santos messaged her", "Marilou Santos"),
])
def test_identifiers_the_text_reveals(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


# ------------------------------------------------------------------ what must stay


@pytest.mark.parametrize("text, kept", [
    ("She moved to North Dakota in May.", "North Dakota"),
    ("The Dakota County Juvenile Court set a hearing.", "Dakota County"),
    ("They drove the recruits to Mae Sot that night.", "Mae Sot"),
    ("they said Mae Sot training center", "Mae Sot"),
    ("The van company, Luz Nova Turismo, ran the airport trips.", "Luz Nova Turismo"),
    ("Supervisor: Mr. Esteban Présumé Olivar, who signs the sheets.", "Esteban Présumé Olivar"),
    ("conversation_id: 8c1e-44f0   participants: crewboss_9", "conversation_id"),
    ("acct_id          | pay_tag          | legal_name", "legal_name"),
    ("A man named Gary drove a blue Mack. Leave the Kenworth alone.", "blue Mack"),
    ("A man named Gary drove a blue Mack. Leave the Kenworth alone.", "Kenworth"),
    ("treated with permethrin 5% and started raltegravir", "raltegravir"),
    ("2024-12-24 21:03  anak_01: mama merry christmas po!!", "merry christmas"),
    ("3/2/24, 9:22 PM  Wade: mándame tu número nuevo", "mándame"),
    ("N0. 0O4417\nDate ln: O5/2O/2O23   Date 0ut: 05/21/2023", "Date ln"),
    ("He parked in a lot 14 miles from the motel.", "lot 14 miles"),
    ("a referral to the Department of Justice, Office for Victims", "Department of Justice"),
    ("Housed 6 women in Unit 12 at the Palm Grove Motel; he held the key", "Unit 12"),
    ("campuses along the I-10 corridor between Katy and Beaumont.", "Katy"),
    ("born in Tam Nông district, Đồng Tháp province, Vietnam.", "Đồng Tháp"),
    ("a small town in the state of Minas\nGerais, Brazil.", "Minas"),
    ("TRAVEL PLAZA, I-94 EXIT 348 (DILWORTH, MN) — SHIFT LOG", "DILWORTH, MN"),
])
def test_public_facts_stay(session, text, kept):
    out = redacted(session, text)
    assert present(kept, out), out


def test_an_everyday_word_of_another_language_that_is_her_alias(session):
    out = redacted(session, "Ela disse: fico olhando a luz da janela. Luz said no.")
    assert present("a luz", out) and not present("Luz said", out), out


def test_a_coach_named_at_a_lines_start_is_nobodys_kin(cocounsel):
    out = redacted(cocounsel, "paid by M-Pesa to\n   Coach Dennis, whose line was "
                              "+254 733 555 127.")
    assert present("Coach Dennis", out) and not present("555 127", out), out


def test_her_address_without_her_state(session):
    out = redacted(session, "Home: Space 31, Bayou Oaks Mobile Park, 22870 Old Hwy 90, "
                            "Pearlington, MS 39572")
    assert present("MS", out) and not present("Pearlington", out), out


def test_a_somali_name_of_affection(session):
    out = redacted(session, 'Her aunt calls her "Xamdiyo" at home.')
    assert not present("Xamdiyo", out), out


def test_a_kept_name_whose_surname_is_hers_stays_whole(cocounsel):
    out = redacted(cocounsel, "Participants: Esteban Présumé, Wade Ellison, Dakota")
    assert present("Esteban Présumé", out) and not present("Dakota", out), out
