"""Classes found in a nineteenth look (three sets written apart: children on meat-plant
sanitation crews, Native women trafficked around oil-field camps, and seafarers on cruise and
cargo ships), and one left from the eighteenth: her initials dotted in lower case, a respelling
of her alias listed beside it, an alias that is a whole borrowed name, a village after
"Paraje", a town without its compass word, "Lil" for "Little", an alias after "known as", a
friend's name without its closing vowel, a relative sharing the first of two surnames; a
payment app's dashed user name, an intake's or a remittance's reference, a school in brackets, a
crew list's names and cabins, a seaman's book number; what the output shows once a PDF drops
its redactions; and what must stay: "p.m.", "a little bit", a Bates number."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-3 v. Harbor Star Cleaning LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Nhia Pa Thao"],
         "aliases": ["TK", "Juniper", "Summer"], "handles": ["@juniper_np"]},
        {"pseudonym": "John Doe 2", "names": ["Wilson Eduardo Castañeda Ruiz"],
         "aliases": ["Rafael Ortega"],
         "addresses": ["Paraje Xecanchavox, Santa Lucía La Reforma, Totonicapán, Guatemala"]},
        {"pseudonym": "Jane Doe 3", "names": ["Rova Hanitra Rasoanaivo"],
         "aliases": ["Little Bean"],
         "addresses": ["Lot 2 Ambatomena, Fenoarivo Atsinanana 509, Madagascar"]},
    ],
    "related_people": [
        {"label": "Friend 1", "names": ["Kesha Two Bulls"]},
    ],
    "keep": ["Harbor Star Cleaning LLC", "Hon. Miriam Oduya"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ what the case file knows


@pytest.mark.parametrize("text, gone", [
    ('Transfers went to "Jane Doe 1" and "t.k." until the account closed.', "t.k."),
    ("At the plant they called me juniper or junipr.", "junipr"),
    ("SX-2210  ORTEGA, RAFAEL         PW-40771     03/04 22:47", "ORTEGA"),
    ("SX-2210  ORTEGA, RAFAEL         PW-40771     03/04 22:47", "RAFAEL"),
    ("Rafael clocked in at 10:40 and left at dawn.", "Rafael"),
    ("He sends money to his mother in Xecanchavox when he can.", "Xecanchavox"),
    ("Her family in Fenoarivo must pay the agency 1,500,000 Ar.", "Fenoarivo"),
    ("2022-12-10 23:20:45  boss_77 -> rova_h: lil bean u got a date at 1", "lil bean"),
    ('Plaintiff (known to the crew as "Juniper") is a citizen of Laos.', "Juniper"),
    ("2023-10-02 11:40:15  juniper_np: kesh can u call my mom her phone is off", "kesh"),
])
def test_her_names_and_places_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


@pytest.mark.parametrize("profile", ["court", "co-counsel"])
def test_a_relative_sharing_his_first_surname_is_no_part_of_him(session, cocounsel, profile):
    s = session if profile == "court" else cocounsel
    out = redacted(s, "Family: his mother, Dominga Castañeda Tol, still in Totonicapán. An older "
                      "cousin, Nery Castañeda, works in Dalton.")
    assert "Dominga" not in out and "Nery" not in out, out
    assert "John Doe 2" not in out, out  # neither is written as him


def test_a_table_cell_left_empty_in_a_pdf_is_checked_as_such(session):
    # the alias beside the emoji reads as her name once the cells beside it are blank
    out = redacted(session, "| UserId     | Username     | DisplayName | Created    |\n"
                            "| 4410928831 | juniper_np   | Juniper🍂   | 2021-06-02 |\n")
    assert not present("Juniper", out), out


# ------------------------------------------------------------------ what the text reveals


@pytest.mark.parametrize("text, gone", [
    ("$RafaOrt77; he also uses a Venmo, rafa-ort-gt.", "rafa-ort-gt"),
    ("Family Services, intake ref DCFS-24-8812. The supervisor waited.", "DCFS-24-8812"),
    ("The client saw his sender code WUX-4471-88213 on the slip.", "WUX-4471-88213"),
    ("7. Her school (Lakeview) called the sponsor twice.", "Lakeview"),
    ("BRIGHT MEADOW LEARNING CENTER - ATTENDANCE DETAIL", "BRIGHT MEADOW"),
    ("The B-112 / B-114 ladies stay in cabin C-14 with the key.", "C-14"),
    ("passport photo of AB1234567 on file", "AB1234567"),
    ("20  RAKOTOBE  FALY  SB MG 004417", "004417"),
])
def test_people_and_numbers_the_text_reveals(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_a_crew_lists_names_and_cabins_go_in_court(session):
    text = ("No  Family name     Given names    Rank      Nat.  ID doc type/no.   Cabin\n"
            "07  VOLKOVA         MARINA         Ch. Cook  RUS   PP 754418820      B-101\n"
            "20  RAKOTOBE        FALY           Messman   MDG   SB MG 005902      C-212\n")
    out = redacted(session, text)
    for gone in ("VOLKOVA", "MARINA", "RAKOTOBE", "FALY", "B-101", "C-212", "754418820"):
        assert not present(gone, out), out
    assert "Ch. Cook" in out and "Messman" in out, out


# ------------------------------------------------------------------ what must stay


@pytest.mark.parametrize("text, kept", [
    ("We met at 5 p.m. at the office, i.e. after the shift.", "p.m."),
    ("She ate a little bit of rice and a lil bit of beans.", "a little bit of rice"),
    ("She ate a little bit of rice and a lil bit of beans.", "a lil bit of beans"),
    ("Produced at Bates MG 004417 through MG 004420.", "MG 004417"),
    ("The juniper and the sage grow by the camp.", "juniper"),
    ("Paid by Venmo as a follow-up to the invoice.", "follow-up"),
])
def test_everyday_words_and_records_stay(session, text, kept):
    out = redacted(session, text)
    assert kept in out, out


def test_a_gate_logs_visitors_go_though_a_row_holds_a_birth_date(session):
    text = (
        "Date      In     Visitor (as written)     ID shown              Vehicle / plate\n"
        "--------  -----  -----------------------  --------------------  ------------------\n"
        "04/14/23  22:05  Rosalind Tsinajinnie     DOB 06/01/06 (verbal) TX NXR-2284\n"
        "04/22/23  20:15  Mercedes Ruiz-Ocampo     NM DL 047719283       NM 662-TLR\n")
    out = redacted(session, text)
    for gone in ("Tsinajinnie", "Ruiz-Ocampo", "662-TLR", "047719283"):
        assert not present(gone, out), out


@pytest.mark.parametrize("text, gone", [
    ("Second passport found in the master's safe: P4408126A in another name.", "P4408126A"),
    ("We send a replacement cook (SID AB 090214) from Odesa.", "090214"),
    ("2023-10-02 11:45:59  tash_wp: ur moms not picking up. i called ur auntie jolene",
     "jolene"),
])
def test_more_people_and_papers_the_text_reveals(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_a_seamans_book_under_its_column_is_no_bates_number(session):
    text = ("No.   Family name     Given names     Passport No.   Seaman's Book  Cabin\n"
            "0416  KOVALENKO       BRAM (ABRAHAM)  FT 118402      AB 044173      5010\n")
    out = redacted(session, text)
    for gone in ("044173", "5010", "BRAM", "ABRAHAM"):
        assert not present(gone, out), out


def test_a_dock_berth_and_a_passport_year_stay(session):
    out = redacted(session, "The ship lay at berth 3; passports held since May 2023, IMO 9781442.")
    assert "berth 3" in out and "May 2023" in out, out


@pytest.mark.parametrize("text, gone", [
    ("2024-01-30 23:03  Chị Lan: summer ngu di, mai chi hoi", "summer"),
    ("2024-01-30 23:03  Chị Lan: summer nho keu hanh di chung", "summer"),
])
def test_her_everyday_alias_opening_a_message_in_her_language(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_her_everyday_alias_as_a_word_in_an_english_message_stays(session):
    out = redacted(session, "2024-01-30 23:03  Lan: summer tmrw is fine by the fence")
    assert "summer tmrw" in out, out


def test_words_styles_are_not_her_alias_but_an_author_still_is() -> None:
    import io

    import docx

    from redaction.formats.leakview import docx_view

    doc = docx.Document()  # the default styles name "HeaderChar", "Heading1Char"
    doc.add_paragraph("Nothing about anyone.")
    doc.core_properties.author = "Char Yellow Hawk"
    buf = io.BytesIO()
    doc.save(buf)
    views = "\n".join(docx_view(buf.getvalue()))
    assert "HeaderChar" not in views and "Heading1Char" not in views
    assert "Char Yellow Hawk" in views  # the author's name is still read


def test_a_docx_of_a_client_called_char_is_written(engine, tmp_path) -> None:
    import io

    import docx

    from redaction.context import CaseContext
    from redaction.formats import prepare_docx
    from redaction.profiles import load_profile

    case = {"matter": "Doe v. Camp", "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Charlene Yellow Hawk"], "aliases": ["Char"]}]}
    doc = docx.Document()
    doc.add_paragraph("Char said the camp boss kept her phone.")
    buf = io.BytesIO()
    doc.save(buf)
    s = engine.session(CaseContext.from_dict(case), load_profile("co-counsel"))
    prep = prepare_docx(buf.getvalue(), keep_images=False)
    outcome = prep.finish(s.redact_many(list(prep.texts)), s)
    assert outcome.leaks == []
    from redaction.formats.leakview import docx_view

    text = "\n".join(docx_view(outcome.data))
    assert "Jane Doe 1 said" in text and "Char said" not in text
