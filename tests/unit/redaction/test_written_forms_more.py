"""More written forms, from a second round of documents written apart from the engine: names
that vouch for themselves, aliases in quotes and at the end of a chat message, nicknames only
her own email spells, phone numbers spelled in words, home towns abroad, and the public parts of
a filing (citations, hotlines, a judge who shares her surname)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Doe v. Lakeside Inn Franchising, LLC",
    "subjects": [
        {
            "pseudonym": "Jane Doe 1",
            "names": ["Noemí Aracely Fuentes Orellana"],
            "aliases": ["Kiki", "Cinnamon", "Nadia-Lee"],
            "emails": ["nomy.fuentes07@example.com"],
            "phones": ["(832) 555-0164"],
            "addresses": ["Aldea El Zapote, Jutiapa, Jutiapa, Guatemala",
                          "7710 Bellfort Ave, Apt 214, Houston, TX 77061"],
            "identifiers": ["A-Number A215-448-903"],
        },
        {
            "pseudonym": "Jane Doe 2",
            "names": ["Florida Tzul Ixcoy"],
        },
    ],
    "related_people": [],
    "keep": ["Lakeside Inn Franchising, LLC", "Hon. Teresa M. Fuentes", "Tran Van Hieu"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize(("text", "gone"), [
    # a rare word used as her name in the text is her name where it opens a sentence too
    ("Q. Who was with you?\nA. Yes. Kiki was the one who was young. Then Kiki left.", "Kiki"),
    ('Add\'l guest: "cinnamon" per desk note', "cinnamon"),  # in quotation marks
    ("2023-04-02 11:00 dre404: u owe me for the room cinnamon. 89 a night", "cinnamon"),
    ("2023-02-14 22:40 dre404: happy v day cinamon lol", "cinamon"),  # misspelt, addressed
    ("The ad said NADIA 19, new in town. He called her Nadia.", "Nadia"),  # part of an alias
    ("My family calls me Nomy.", "Nomy"),  # a nickname only her own email spells
    ("call or txt 8three2-555-01six4 no blocked #s", "01six4"),  # a phone spelled to evade
    ("Her A-Number ends in 8-903.", "8-903"),  # last digits with the record's separators
    ("Her apartment on Bellfort (#214) is in the lease.", "#214"),  # the unit of her address
    ("She grew up in El Zapote and sends money there.", "El Zapote"),  # a village abroad
])
def test_known_identifiers_in_more_written_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_everyday_use_stays_where_the_name_is_not_vouched(session):
    out = redacted(session, "We ordered cinnamon rolls. I want some cinnamon.")
    assert "cinnamon rolls" in out and "some cinnamon" in out


def test_a_state_named_like_her_stays_a_state(session):
    out = redacted(session, "They picked tomatoes in Immokalee, Florida. Florida said she left.")
    assert "Immokalee, Florida" in out
    assert "Jane Doe 2 said she left" in out


def test_a_province_abroad_is_as_public_as_a_state(session):
    out = redacted(session, "The recruiter worked all over Jutiapa.")
    assert "Jutiapa" in out


def test_titled_keep_list_names_stay_whole(session):
    text = ("Assigned to the Hon. Teresa M. Fuentes. Judge Fuentes ruled. Mr. Tran paid the "
            "wages. Noemí Fuentes testified.")
    out = redacted(session, text)
    assert "Hon. Teresa M. Fuentes" in out and "Judge Fuentes ruled" in out
    assert "Mr. Tran paid" in out
    assert not present("Noemí", out)


@pytest.mark.parametrize("kept", [
    "Doe v. Stegall, 653 F.2d 180",
    "Ratha v. Phatthana Seafood Co., 35 F.4th 1159",
    "1-888-373-7888",
    "FED. R. EVID. 1006",
    "SOUTHERN DISTRICT OF TEXAS",
    "META-JD1-000221",
    "2023-04-02 11:00",
])
def test_public_parts_of_a_filing_stay(session, kept):
    out = redacted(session, f"See {kept} (cited above).")
    assert kept in out, out


@pytest.mark.parametrize(("text", "gone"), [
    ("Three two one, five five five, zero one four six.", "zero one four six"),
    ('SHE STATED A SECOND FEMALE, "TASHA", ALSO STAYED', "TASHA"),
    ('a man I knew as "Chuy," whose full name I later learned', "Chuy"),
    ("Guest Name:     BOONE, TRAVIS L", "BOONE"),
    ("Pd: Prepaid Visa ....3305", "3305"),
    ("Cash Card: ending 2046", "2046"),
    ("DL# FL G320-441-88-291-0", "G320-441-88-291-0"),
    ("P<PHLDELACRUZ<<MARIA<LUZ" + "<" * 20, "P<PHLDELACRUZ<<MARIA<LUZ"),  # a passport's MRZ
    ("The MRZ reads\nP<GTMFUENTES<<NOEMI<ARACELY<<<<<<<<<<<<<<<<<<<", "FUENTES<<NOEMI"),
    ("wallet TQ7vR2nK9dLx4pEw8HfZ3bYc6mAs1uJt5G on TRON", "TQ7vR2nK9dLx4pEw8HfZ3bYc6mAs1uJt5G"),
    ("referred by the counselor at Furman-Vance Newcomer HS", "Furman-Vance Newcomer HS"),
    ("cuarto con la señora que cocina, doña Chonita", "Chonita"),  # titles of respect
    ("la señora de la iglesia, se llama Hna. Rebeca", "Rebeca"),
    ("hay mình gọi ở nhà chị Tư?", "Tư"),
    ("madan Lucienne nan mache a di", "Lucienne"),
    ("Home address:      vul. Sadova 14, kv. 7\n                   Lviv 79000", "Sadova 14"),
    ("Address abroad: Bygdøy allé 41B, 0265 Oslo, Norway", "Bygdøy allé 41B"),
    ("registered address Av. Presidente Kennedy 2210, Bloco B", "Presidente Kennedy 2210"),
    ("Pay to IBAN DO62 BHDR 0000 0000 0243 7719 0051 now.", "DO62 BHDR"),  # no checksum
    ("Narne: GADDIS, TREYV0N M.\nAddr: P.0. Box 6610", "TREYV0N"),  # OCR'd record
    ("Narne: GADDIS, TREYV0N M.\nAddr: P.0. Box 6610", "6610"),
    ("   HUINIL XOCOP, Ramiro   H-2A   GT", "HUINIL XOCOP"),
    ('A second occupant, identified only as "Yessica," left', "Yessica"),
    ("Vehic1e: Chevy Ma1ibu   Tag: FL 0KP-R17", "0KP-R17"),
    ("GUEST REGISTRATI0N CARD   Rm # l4", "l4"),
    ("Boss G (GERSON EXANTUS, approx. 45). Later Exantus took his passport.", "Exantus"),
    ('a Facebook account named "Rolo Q Hn" sent messages', "Rolo Q Hn"),
    ("2023-02-11 03:15  honeyb: im dre. my homegirl", "dre"),
    ("an office address in Mexico:\n   Av. Juárez 212, Int. 3, Col. Centro\n"
     "   29000 Tuxtla Gutiérrez, Chis., México", "Av. Juárez 212"),
])

def test_unknown_identifiers_in_more_shapes(session, text, gone):
    out = redacted(session, text)
    assert gone not in out, out


@pytest.mark.parametrize("kept", [
    "I ate Breakfast",  # a title that is an English word
    "hay mình gọi",  # Vietnamese words in a chat are words, not names
    "The address is: Exhibit 12",
    "the same IP address as Ozark on 07/01/2023",
    "Banco BHD, Santo Domingo",
    "Photos WHD-0042 to WHD-0067",  # a range of documents, not plates
    "Then Mark Foster came. Foster mother called",  # a role, whoever the surname is
])
def test_words_that_look_like_titles_or_streets_stay(session, kept):
    out = redacted(session, f"{kept} in the record.")
    kept = kept.split(". ")[-1]  # what comes after a sentence that names someone
    assert kept in out, out


@pytest.mark.parametrize(("word", "everyday"), [
    ("handwritten", True), ("prepaid", True), ("pretrial", True),  # a prefix and a word
    ("presley", False), ("marcus", False), ("reagan", False),  # names that only look so
])
def test_words_made_of_a_prefix_and_a_word_are_words(word, everyday):
    from redaction.gazetteer import is_everyday

    assert is_everyday(word) is everyday
