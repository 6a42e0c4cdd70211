"""Classes found in a seventh look at what the engine loses or leaves: an address whose ZIP
starts with 0 after its state ("Paterson NJ 07501") read as a Bates number and kept whole; the
state after a removed street; a foreign province before its country or after "in" read as a
person ("Minas Gerais, Brazil"); a police report's "Juv", a deposition's "A." and Tagalog kin
words ("Ate") read as names."""

from __future__ import annotations

from typing import Any

import pytest

from redaction.context import CaseContext
from redaction.profiles import load_profile
from tests.unit.redaction.written import court_session, present, redacted

CASE: dict[str, Any] = {
    "matter": "Doe v. Granite Staffing LLC",
    "subjects": [{"pseudonym": "Jane Doe 1", "names": ["Ana Paula Ribeiro"],
                  "addresses": ["Rua Sete 12, Itambacuri, Minas Gerais, Brazil"]}],
    "keep": ["Granite Staffing LLC"],
}


@pytest.fixture()
def session(engine):
    return court_session(engine, CASE)


@pytest.fixture()
def cocounsel(engine):
    return engine.session(CaseContext.from_dict(CASE), load_profile("co-counsel"))


@pytest.mark.parametrize("street", [
    "88 Cedar St, Unit 2, Paterson NJ 07501",
    "14 Elm Street, Lowell, MA 01852",
    "9 Shore Rd, Westerly RI 02891-1234",
])
@pytest.mark.parametrize("profile", ["court", "cocounsel"])
def test_a_street_before_a_zip_that_starts_with_0_goes(request, profile, street):
    s = request.getfixturevalue("session" if profile == "court" else profile)
    out = redacted(s, f"The witness lives at {street}. She works nights.")
    number = street.split()[0]
    zip_code = street.split()[-1]
    assert not present(number, out) and not present(zip_code, out), out


def test_a_bates_number_with_a_space_still_stays(session):
    assert "STAR 0004127" in redacted(session, "See STAR 0004127 for the folio.")


def test_the_state_stays_after_a_removed_street_and_town(cocounsel):
    out = redacted(cocounsel, "Office: 1400 Dakota Ave, Suite 210, Leigh, NE 68643.")
    assert not present("1400", out) and not present("Leigh", out) and present("NE", out), out


@pytest.mark.parametrize(("text", "kept"), [
    ("I was born in a village near Poté, Minas Gerais, Brazil.", "Minas Gerais"),
    ("He said his people in Minas Gerais would find my mother.", "Minas Gerais"),
    ("We left Aldea Sesajal, San Pedro Carchá, Alta Verapaz, Guatemala in 2019.", "Alta Verapaz"),
    ("My cousin went to Oaxaca (Mexico) and never came back.", "Oaxaca"),
    ("The recruiter drove us from Nueva Ecija to Manila.", "Nueva Ecija"),
])
def test_a_foreign_province_is_a_place(session, text, kept):
    assert present(kept, redacted(session, text))


def test_a_surname_that_is_also_a_province_is_still_a_name(cocounsel):
    out = redacted(cocounsel, "Her uncle, Juan Guerrero, kept her passport. Her aunt, Rosa "
                              "Santa Cruz, called twice.")
    assert not present("Guerrero", out) and not present("Santa Cruz", out), out


@pytest.mark.parametrize(("text", "kept"), [
    ("Juv advised she had been staying with her uncle. Juv's phone was collected.", "Juv"),
    ("Observed via monitor: ADA Lauren Mize.", "ADA"),
    ("Darnell Haskins, MSW, wrote the note.", "MSW"),
    ("Ate Rowena sent the money on Friday.", "Ate"),
    ("Q. Please state your name.\nA. Darlene Combs.\nQ. Where do you live?", "A"),
])
def test_report_shorthand_and_kin_words_are_not_names(cocounsel, text, kept):
    out = redacted(cocounsel, text)
    assert present(kept, out), out


def test_the_name_after_a_transcript_answer_mark_still_goes(cocounsel):
    out = redacted(cocounsel, "Q. Who is your aunt?\nA. Darlene Combs, my aunt.")
    assert not present("Darlene", out) and not present("Combs", out), out
