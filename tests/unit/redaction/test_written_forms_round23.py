"""Classes found in a twenty-third look (two sets written apart: people forced to run scams in
compounds abroad, and young people made to steal and carry drugs): her name and town in
Georgian script with their case endings, her town with a Georgian ending in Latin letters, a
market town ("Kasawo Trading Centre"), an Indonesian hamlet with its neighbourhood units, her
post-office box with its office's code, her street abroad named with its kind and no number."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, court_session, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does v. Tetherpoint Exchange LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 5", "names": ["Mariam Tsiklauri", "მარიამ წიკლაური"],
         "aliases": ["Mako"],
         "addresses": ["Kazbegi Street 22, Pasanauri, Dusheti Municipality, Georgia"]},
        {"pseudonym": "John Doe 5", "names": ["Luka Gelashvili", "ლუკა გელაშვილი"],
         "aliases": ["Shavi"]},
        {"pseudonym": "Jane Doe 6", "names": ["Aisha Nakato Namubiru"],
         "addresses": ["Kasawo Trading Centre, Mukono District, Uganda"]},
        {"pseudonym": "Jane Doe 7", "names": ["Sri Wahyuni"],
         "addresses": ["Dusun Karangrejek RT 02/RW 05, Wonosari, Gunungkidul, DI Yogyakarta, "
                       "Indonesia"]},
        {"pseudonym": "Jane Doe 8", "names": ["Neema Wanjiku Mwangi"],
         "addresses": ["Kiamariga Village, P.O. Box 212-10106, Othaya, Nyeri County, Kenya"]},
        {"pseudonym": "Jane Doe 9", "names": ["Yuliana Ccori Mamani"],
         "addresses": ["Av. Túpac Amaru 318, Urcos, Quispicanchi, Cusco, Perú"]},
    ],
    "keep": ["Tetherpoint Exchange LLC"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize("text, gone", [
    ("წერილი: მარიამის დედა ცხოვრობს", "მარიამის"),
    ("ლუკას ვუთხარი", "ლუკას"),
    ("ყველაფერი კარგადაა პასანაურში", "პასანაურში"),
    ("mako ar aris pasanaurshi dghes", "pasanaurshi"),
    ("I was born on 26 February 2007 in Kasawo, and went to school there.", "Kasawo"),
    ('"Kulo saking Karangrejek, Wonosari." = I am from Karangrejek.', "Karangrejek"),
    ("Mailing address: P.O. Box 212-10106, Othaya", "212-10106"),
    ("vivía en la Av. Túpac Amaru, cerca del mercado", "Túpac"),
])
def test_her_names_and_places_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_the_same_words_elsewhere_stay(session):
    out = redacted(session, "The trading centre opened in 2019; the box office was shut.")
    assert "trading centre" in out and "box office" in out, out


# round twenty-four (truck drivers held by a CDL school; disaster-recovery crews)
CASE_24: dict[str, Any] = {
    "matter": "United States v. Boboev",
    "subjects": [
        {"pseudonym": "Adult Victim 1", "names": ["Umed Nazarov", "Умед Назаров"],
         "aliases": ["Umka"]},
        {"pseudonym": "Jane Doe 1", "names": ["Prudence Saint-Fleur"],
         "aliases": ["Ti Pru", "Prudans"]},
    ],
    "keep": ["Rustam Boboev"],
}


@pytest.fixture(name="session_24")
def _session_24(engine: Any) -> Any:
    return court_session(engine, CASE_24)


@pytest.mark.parametrize("text, gone", [
    ("2024-03-02 14:20  Модар:  Умедҷон, телефон намебардорад.", "Умедҷон"),
    ('Child (girl ~9) seen in 216 w/ woman "Pru". Guarantor says "visiting."', "Pru"),
])
def test_an_endearment_ending_and_a_pet_names_word(session_24, text, gone):
    out = redacted(session_24, text)
    assert not present(gone, out), out


def test_a_name_word_inside_an_everyday_word_of_a_link_is_no_link_of_hers(engine):
    case = {"matter": "Does v. Tetherpoint",
            "subjects": [{"pseudonym": "Jane Doe 9", "names": ["Lin Yu-ting"],
                          "aliases": ["Tingting"]}],
            "keep": []}
    session = court_session(engine, case)
    assert session.leaks("/word/webSettings.xml\nsettings.xml") == []
    out = redacted(session, "mail yuting.lin.tw@gmail.com or ig tingting_88")
    assert "yuting" not in out and "tingting" not in out, out
