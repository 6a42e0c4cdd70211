"""Classes found in a tenth look (two sets written apart: domestic servitude in diplomatic
households around Washington, and minors recruited online in the Ohio Valley): dates of birth
in a form's boxes, names in Ethiopic script, a long name's given initials, aliases after
"me dicen", called twice, with an initial or closing a chat message; masked SSNs, wallet tags,
a name before its age, handles mixing case and digits, Guatemala's DPI, CDL numbers, a
register's "Surname, Given" cell; and what must stay: cities of 75,000 or more in the United
States and Canada, officers named by rank, counsel's office under a signature, peoples and
languages, towns after "from", a zone of a place-only address, months in a range."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from redaction.formats.leakview import docx_view
from tests.unit.redaction.written import (
    case_fixtures,
    court_session,
    present,
    redacted,
)

CASE: dict[str, Any] = {
    "matter": "Doe v. Larkspur Household Staffing, LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Rosario Dela Paz Villanueva"],
         "aliases": ["Autumn", "April"], "date_of_birth": "1990-03-07",
         "addresses": ["2730 W 4th St, Apt 3, Duluth, MN 55806"]},
        {"pseudonym": "Jane Doe 2", "names": ["Meskerem Alemu"], "aliases": ["Blessing"],
         "addresses": ["Bedele, Illubabor, Ethiopia"]},
    ],
    "related": [{"label": "Child 1", "names": ["Nico Villanueva"]}],
    "keep": ["Larkspur Household Staffing, LLC", "Hon. Miriam Castellanos",
             "Greystone Home Care Services, LLC"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ known identifiers
@pytest.mark.parametrize("text", [
    "Date of Birth:  07 / O3 / 1990",
    "DOB 07 / 03 / 199O on the form",
])
def test_her_birth_date_in_a_forms_boxes_goes(session, text):
    out = redacted(session, text)
    assert "1990" not in out and "199O" not in out, out


def test_her_name_in_ethiopic_script_goes(session):
    out = redacted(session, "Signed M. Alemu (in Amharic: መስቀረም) on the last page.")
    assert "መስቀረም" not in out and not present("Alemu", out), out


def test_her_given_initials_beside_her_surname_go(session):
    out = redacted(session, "Villanueva, R.D.P. -- received in full")
    assert "R.D.P." not in out, out


@pytest.mark.parametrize("text, word", [
    ("ellos me dicen autumn nomas", "autumn"),
    ('she kept calling me "autumn come here"', "autumn"),
    ("stop. blessing blessing. answer me", "blessing"),
    ("| 2024-02-01 22:14:05 | tr_k | rdp_90 | u awake autumn? car outside |", "autumn"),
])
def test_an_everyday_alias_called_as_her_name_goes(session, text, word):
    assert not present(word, redacted(session, text))


def test_an_alias_with_her_surnames_initial_goes(cocounsel):
    out = redacted(cocounsel, '| Venmo | payer shown as "Autumn V" (unverified) | $40 |')
    assert not present("Autumn", out), out


@pytest.mark.parametrize("text", [
    "Between April and June 2023 she sent nothing home.",
    "From April to July the agency held her pay.",
])
def test_a_month_alias_in_a_range_of_months_stays(session, text):
    assert present("April", redacted(session, text))


# ------------------------------------------------------------------ unknown identifiers
@pytest.mark.parametrize("text, gone", [
    ("| 0412 | OKAFOR, ADAEZE N. | 9XX-64-2281 | 160.0 |", "64-2281"),
    ("ITIN on file: ***-83-5507", "83-5507"),
])
def test_a_masked_number_that_still_shows_more_than_four_digits_goes(session, text, gone):
    assert gone not in redacted(session, text)


def test_a_wallet_tag_with_dots_goes(session):
    out = redacted(session, "her gcash is joy.manalo.qc and telebirr hanna.g")
    assert "joy.manalo.qc" not in out and "hanna.g" not in out, out


def test_a_name_before_an_age_goes(session):
    out = redacted(session, "She has a daughter back home with her aunt, Chaltu, age 6.")
    assert not present("Chaltu", out), out


@pytest.mark.parametrize("handle", ["cR0wnVic", "TreyK9", "m1dnightOwl"])
def test_a_handle_mixing_case_and_digits_goes(session, handle):
    assert handle not in redacted(session, f"Members: {handle}, dale_b, and the admin")


@pytest.mark.parametrize("word", ["PowerShell7", "McDonald2"])
def test_a_capitalised_word_with_a_number_after_it_is_no_handle(session, word):
    assert word in redacted(session, f"He used {word} at work.")


@pytest.mark.parametrize("text, gone", [
    ("| tomas.ch | 1873 40219 0512 (DPI) |", "1873 40219 0512"),
    ("Driver: KY CDL K220-417-908, tractor plate 44TR", "K220-417-908"),
    ("su hermana vive en calle 14 #22-17, barrio Norte", "#22-17"),
])
def test_numbers_abroad_and_on_the_road_go(session, text, gone):
    assert gone not in redacted(session, text)


def test_a_surname_and_given_name_alone_in_a_register_cell_go(session):
    out = redacted(session, "3/04/23  12   Brannigan, Curtis        88 Mill Rd,  Ford F-150")
    assert not present("Brannigan", out) and not present("Curtis", out), out


def test_a_field_label_in_a_table_is_no_person(session):
    text = "Deputy notes:\n   Res: 14 Oak Ct, Wooster, OH 44691   Occ: cook"
    out = redacted(session, text)
    assert "Res:" in out and "Occ:" in out and present("Wooster", out), out


# ------------------------------------------------------------------ what must stay
def test_a_us_city_of_75000_or_more_in_her_address_stays(session):
    out = redacted(session, "She took the bus to Duluth and stayed two nights.")
    assert present("Duluth", out), out


def test_the_same_name_in_a_small_towns_state_goes(engine):
    case = {"subjects": [{"pseudonym": "Jane Doe 1", "names": ["Ana Ruiz"],
                          "addresses": ["41 Ponce Rd, Duluth, GA 30096"]}]}
    out = redacted(court_session(engine, case), "She took the bus to Duluth and stayed.")
    assert not present("Duluth", out), out


def test_a_canadian_city_is_sized_in_canada(engine):
    case = {"subjects": [{"pseudonym": "Jane Doe 1", "names": ["Ana Ruiz"],
                          "addresses": ["12 Ouellette Ave, Windsor, ON N9A 1C9"]}]}
    out = redacted(court_session(engine, case), "The girls were moved to Windsor by bus.")
    assert present("Windsor", out), out


@pytest.mark.parametrize("text, kept", [
    ("Reviewed: Sgt. P. Okonkwo. Deputies Harlan and Pruett responded.", "Okonkwo"),
    ("Deputies Harlan and Pruett responded at 0200.", "Pruett"),
    ("Follow-up by Det. Lorna Baptiste of the Vice Unit.", "Baptiste"),
])
def test_an_officer_named_by_rank_stays(session, text, kept):
    assert present(kept, redacted(session, text))


def test_counsels_office_under_the_signature_stays(session):
    text = ("Respectfully submitted,\n/s/ Ann Whitcombe\nWhitcombe Law PLLC\n"
            "900 Market St, Suite 12, Wilmington, DE 19801\n\n"
            "The plaintiff lived at 44 Elm St, Wilmington, DE 19805.")
    out = redacted(session, text)
    assert "900 Market St, Suite 12" in out and "44 Elm St" not in out, out
    assert "19805" not in out, out


@pytest.mark.parametrize("text, kept", [
    ("Language: Afaan Oromo, some Amharic.", "Oromo"),
    ("She is a member of the Kissi community.", "Kissi"),
    ("Home language: Spanish (also Aymara).", "Aymara"),
])
def test_a_people_or_its_language_is_no_person(session, text, kept):
    assert present(kept, redacted(session, text))


def test_a_town_after_from_stays(session):
    out = redacted(session, 'A second buyer is known only as "Dutch" from Crooksville.')
    assert present("Crooksville", out), out


def test_the_zone_of_a_place_only_address_stays_and_her_town_goes(session):
    out = redacted(session, "She was born in Bedele, Illubabor, Ethiopia, in the dry season.")
    assert not present("Bedele", out) and present("Illubabor", out), out
    assert present("Ethiopia", out), out


def test_a_time_and_a_table_gap_are_no_street(session):
    text = "14:12  Current place: a friend's couch\nDate: May 2, 2024        Place: the clinic"
    out = redacted(session, text)
    assert "Current place" in out and "Place: the clinic" in out, out


def test_an_apps_name_before_a_capitalised_word_is_no_tag(session):
    assert "Telegram Desktop" in redacted(session, "Telegram Desktop export, page 3")


def test_a_kept_business_cut_short_in_a_statement_stays(session):
    out = redacted(session, "2024-08-02  DIRECT DEP GREYSTONE HOME CARE S PAYROLL   612.00")
    assert "GREYSTONE HOME CARE" in out, out


# ------------------------------------------------------------------ the leak view
def test_a_tab_stop_position_in_a_docx_is_no_last_four() -> None:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Nothing about anyone.")
    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "word/styles.xml":
                body = body.replace(b"</w:styles>", b'<w:style w:styleId="T"><w:pPr><w:tabs>'
                                    b'<w:tab w:val="left" w:pos="5507"/></w:tabs></w:pPr>'
                                    b'</w:style></w:styles>')
            dst.writestr(item, body)
    views = docx_view(out.getvalue())
    assert not any("5507" in v for v in views)
    assert any("Nothing about anyone." in v for v in views)
