"""Classes found in a sixteenth look (three sets written apart: international students made to
work off a sham school's tuition, fishermen held on longline boats, and children and disabled
adults made to beg on city transit): a kin word after a name, a display name, a chat's system
line, a unit's code alone, initials in quotes, titles of West Africa and Indonesia, a bank's
name before an account; and what must stay: a vessel's registry numbers, transit stations and
streets, facilities and feasts named after people, a large city's school district."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-3 v. Harbourline Staffing LLC and Ridgeway Institute",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Priyanka Ramesh Kulkarni"],
         "aliases": ["Autumn", "Pinky"],
         "addresses": ["88 Orchard Row, Apt 7D, Jersey City, NJ 07306"]},
        {"pseudonym": "John Doe 2", "names": ["Kofi Mensah Boateng"], "aliases": ["Koby"],
         "addresses": ["12 Elm St, Fl 3, Paterson, NJ 07501"]},
        {"pseudonym": "Jane Doe 3", "names": ["Adriana Luisa Quispe Mamani"], "aliases": ["Marzo"]},
    ],
    "related_people": [
        {"label": "Family Member 1", "names": ["Efua Boateng"]},
    ],
    "keep": ["Harbourline Staffing LLC", "Ridgeway Institute", "Pacific Reef Maritime Corp.",
             "Hon. Delia Marchand"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ what the case file knows


@pytest.mark.parametrize("text, gone", [
    ("[05/03/24, 4:19:21 AM] Harpreet: autumn didi aap bhi aa rahe ho?", "autumn"),
    ("Extraction date: 03/13/2024\nLocal user display name: autumn\n", "autumn"),
    ("12/03/2024, 08:31 - Boss removed autumn🌸", "autumn"),
    ('She said, "ils ont pris le téléphone de Pinkys" and cried.', "Pinkys"),
    ("el iPhone de Priyanka, entregado por DCFS", "Priyanka"),
    ("2024/01/09 10:15 - Li: 新来的 住 7D 还是楼下？", "7D"),
    ("[21/01/2024, 06:40] Koby: boss lock Fl 3 door from outside", "Fl 3"),
    ('Row 2 "PK" on the shift roster.', "PK"),
])
def test_her_names_and_her_home_in_more_forms(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


def test_a_month_in_spanish_stays_a_month(session):
    out = redacted(session, "quiere $200 más desde marzo. Marzo dijo que no.")
    assert present("desde marzo", out) and not present("Marzo dijo", out), out


# ------------------------------------------------------------------ people the text reveals


@pytest.mark.parametrize("text, gone", [
    ("Me ne Auntie Adwoa akasa. She fit send small money.", "Adwoa"),
    ("Ibu Sumiati called the agency twice.", "Sumiati"),
    ("salary goes to Metrobank 022-3-5550-1184-9 every month", "022-3-5550-1184-9"),
    ("Prepared: Arnel Mercado, Crewing Manager", "Arnel Mercado"),
    ("Family home: Plot 44, Sekondi Road, Takoradi", "Plot 44, Sekondi Road"),
    ("passport bi ci sama bureau la nekk, 5120 S Halsted, Suite 210.", "5120 S Halsted"),
    ("| #  | Name          | Seaman's Book |\n| 3  | OWUSU, KWAME  | GH-SRB 11877  |", "11877"),
    ("Photo ID: IDNYC 1004 5566 7781, pawned a watch", "5566 7781"),
])
def test_identifiers_the_text_reveals(session, text, gone):
    out = redacted(session, text)
    assert not present(gone, out), out


# ------------------------------------------------------------------ what must stay


@pytest.mark.parametrize("text, kept", [
    ("the F/V Reef Star (USCG Official No. 1187342; IMO 9786214), a longliner", "IMO 9786214"),
    ("the F/V Reef Star (USCG Official No. 1187342; IMO 9786214), a longliner", "1187342"),
    ("Driver of a blue Peterbilt (Kessler Trucking, USDOT 3318842)", "USDOT 3318842"),
    ("on a southbound Red Line train between\nMonroe and Jackson.", "Monroe"),
    ("on the Red Line between Howard and 95th/Dan Ryan, from six", "Dan Ryan"),
    ("on the 2/3 line between Nevins St and Hoyt St, always", "Hoyt St"),
    ("principally at Jay St-MetroTech and Broadway Junction", "Jay St-MetroTech"),
    ("met me at George Bush Intercontinental Airport and drove me", "George Bush"),
    ("I was fasting during Ramadan when most of this happened.", "Ramadan"),
    ("Sunil Batra | Principal Designated School Official | Ridgeway", "School Official"),
    ("LOS ANGELES UNIFIED SCHOOL DISTRICT - Attendance Review", "LOS ANGELES UNIFIED"),
    ("Agency clerk Vu told Thang by Zalo that the money was gone", "Zalo"),
    ("kinuha ng Pacific Maritime yung passport namin", "Pacific Maritime"),
    ("tuition for the Autumn 2O23 and Spring 2024 terms", "Autumn 2O23"),
])
def test_public_facts_stay(session, text, kept):
    out = redacted(session, text)
    assert present(kept, out), out
