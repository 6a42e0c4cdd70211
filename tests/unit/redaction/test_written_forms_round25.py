"""Classes found in a twenty-fifth look (three sets written apart: gold-mining and logging
camps in the Amazon, webcam studios, international marriage brokers): a Brazilian town written
with its state's code, a Moldovan village after "s.", her town and street in Cyrillic with a
Kyrgyz or Russian case ending, a Portuguese month cut short in her birth date; IBANs whose check
digits do not add up, Brazil's CPF and CNPJ, Thailand's ID and Colombia's cédula in their
printed shapes, Romanian plates and rooms, birth dates after a word of birth in the clients'
languages, Peruvian and Romanian schools, a relative in apposition with a name no list holds,
payment links, and an everyday-word alias as a chat's speaker or in quotes."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, court_session, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does v. Aurum Refining Partners LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Raimunda Feitosa Lima"], "aliases": ["June"],
         "date_of_birth": "1999-12-14",
         "addresses": ["Travessa Boa Vista, 77, Cachoeira Alta - GO, Brasil"]},
        {"pseudonym": "Jane Doe 2", "names": ["Victoria Ciobanu"], "aliases": ["Brânză"],
         "addresses": ["str. Mihai Eminescu 4, s. Costuleni, r-nul Ungheni, Republica Moldova"]},
        {"pseudonym": "Jane Doe 3", "names": ["Nurzhan Abdrakhmanova"],
         "addresses": ["ul. Toktonalieva 19, Kyzyl-Kiya, Batken Region, Kyrgyz Republic"]},
        {"pseudonym": "Jane Doe 4", "names": ["Kanokwan Srisuk"], "aliases": ["Honey"]},
    ],
    "keep": ["Aurum Refining Partners LLC"],
}


session, cocounsel = case_fixtures(CASE)


@pytest.mark.parametrize("text, gone", [
    ("Her family still lives in Cachoeira Alta; she sends money monthly.", "Cachoeira Alta"),
    ("NATURALIDADE  CACHOEIRA ALTA-GO      DATA DE NASCIMENTO  14 DEZ 1999", "14 DEZ 1999"),
    ("Her grandmother in Costuleni keeps the passport.", "Costuleni"),
    ("Эртең Токтоналиева көчөсүнө барам", "Токтоналиева"),
    ("Апам Кызыл-Кыяда калды", "Кызыл-Кыяда"),
    ("20:15\thoney 🌸\twhere are you", "honey"),
    ('At the studio they called her "honey"; at home, Kanokwan.', "honey"),
])
def test_her_places_dates_and_names_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


@pytest.mark.parametrize("text, gone", [
    ("Transfer către BOTNARU ION RO49BTRL0000123456789012 comision", "RO49BTRL0000123456789012"),
    ("PIX key:  245.871.309-62", "245.871.309-62"),
    ("Buyer: Ouro Norte Comércio Ltda., CNPJ 27.554.118/0001-36", "27.554.118/0001-36"),
    ("| บัตร ปชช. 1-1037-00214-55-9 | copy on file |", "1-1037-00214-55-9"),
    ("the recruiter, CC 1.098.334.521, kept her papers", "1.098.334.521"),
    ("Banco do Brasil  Ag. 1187-4  C/C 41.207-3", "41.207-3"),
    ("vine cu un Logan negru, nr. CJ 42 XYZ, la 8", "CJ 42 XYZ"),
    ("Spații: camera nr. 7 are eticheta „VIP\"", "7"),
    ("  - POPESCU ANDREEA, născută la 03.09.1991 — trainer", "03.09.1991"),
    ("Prior school: I.E. N° 40218 Pillcopata (Perú), 4° primaria", "40218"),
    ("left Institución Educativa Rural El Porvenir in March", "Porvenir"),
    ("Jane Doe 4's daughter, Pimchanok, who is nine, was followed home.", "Pimchanok"),
    ("send 300 lei to revolut.me/dragosv88 for fuel", "dragosv88"),
    ("Diriginte: prof. Vasile Grigoraș", "Grigoraș"),
])
def test_third_parties_numbers_and_places_in_more_shapes(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


@pytest.mark.parametrize("text, kept", [
    ("Camera 3 footage shows the van at 21:40.", "Camera 3"),
    ("The refinery bought 1.250.000 grams over two years.", "1.250.000"),
    ("The contract ran from June 3, 2023 to August.", "June 3, 2023"),
    ("She put honey in the tea.", "honey"),
    ("The broker sent the file to the IRS on 14 DEZ 2001.", "14 DEZ 2001"),
])
def test_the_same_shapes_elsewhere_stay(session, text, kept):
    out = redacted(session, text)
    assert kept in out, out


CASE_PETS: dict[str, Any] = {
    "matter": "Does v. Aurum Refining Partners LLC",
    "subjects": [
        {"pseudonym": "Jane Doe 5", "names": ["Luzia Pereira Santos"],
         "handles": ["StarlingVelvet"]},
    ],
    "related_people": [
        {"label": "Child 1", "names": ["Maria Beatriz Santos"]},
    ],
    "keep": [],
}


@pytest.mark.parametrize("text, gone", [
    ("[02/10/2023 10:44] Mãe: a bia mandou um beijo", "bia"),
    ("Bia turned seven in March.", "Bia"),
    ("viewer: starling velvet u ok??", "starling velvet"),
])
def test_a_short_pet_name_and_a_stage_name_written_as_words(engine, text, gone):
    out = redacted(court_session(engine, CASE_PETS), text)
    assert not present(gone, out), out


def test_a_name_across_the_seam_of_two_words_of_a_link_is_no_link_of_hers(engine):
    case = {"matter": "Does v. Aurum",
            "subjects": [{"pseudonym": "Jane Doe 4", "names": ["Mali Phommachanh"],
                          "aliases": ["Mali"]}],
            "keep": []}
    session = court_session(engine, case)
    assert session.leaks("http://schemas.openxmlformats.org/schemaLibrary/2006/main") == []
    assert session.leaks("see www.example.com/xo.mali22/photos") != []
