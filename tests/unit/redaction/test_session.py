"""The engine end to end: pseudonyms, placeholders, profiles, leak check, reference list."""

import re

from redaction.types import Leak

DECLARATION = """DECLARATION OF ROSA LOPEZ

I, Rosa Lopez, am the mother of Maria Elena Lopez (DOB April 3, 2006). Maria's phone was
213.555.0142 and her Instagram is @lexi_la. We lived at 1432 W 36th St, Apt 5, Los Angeles.

A man named Marcus Pettaway, who called himself "Dre", kept Maria at the Harbor Lights Inn
in Room 214. Mr. Pettaway used (678) 555-0191 and pettaway.biz@example.net. His driver,
Trevor Mills, drove a black Dodge Charger, Georgia tag RKD4407. Pettaway's SSN is 123-45-6789
and his DOB is 07/04/1980. He held her at 8841 Sunfield Way, Elk Grove, CA 95758.

Example Holdings, Inc. owns the Harbor Lights Inn. See 18 U.S.C. § 1591; Fed. R. Civ. P. 5.2.
Executed on May 2, 2024.
"""

SECOND = """Dre texted Maria again. PETTAWAY denied it. The desk clerk moved her out of 214.
Her aunt, Yolanda Reyes, picked her up. Annie Carter, counsel, was informed."""


def _present(word, text):
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.I) is not None


def test_court_profile_removes_known_and_unknown_and_keeps_public_facts(court):
    out = court.redact_many([DECLARATION])[0].text
    for gone in ["Rosa Lopez", "Maria", "Lopez", "213.555.0142", "@lexi_la", "1432 W 36th St",
                 "April 3, 2006", "Marcus Pettaway", "Pettaway", "Dre", "Trevor Mills",
                 "(678) 555-0191", "pettaway.biz@example.net", "RKD4407", "Room 214",
                 "8841 Sunfield Way", "123-45-6789", "07/04/1980"]:
        assert not _present(gone, out), gone
    for kept in ["Example Holdings, Inc.", "Harbor Lights Inn", "18 U.S.C. § 1591",
                 "Fed. R. Civ. P. 5.2", "May 2, 2024"]:
        assert _present(kept, out), kept
    assert "Family Member 1" in out and "Jane Doe 1's phone" in out
    # FRCP 5.2(a) for people the case file does not know: birth year, city and state; numbers
    # lose even their last four digits (those alone match a record to a person)
    assert "XXX-XX-XXXX" in out and "6789" not in out
    assert "1980" in out and "Elk Grove, CA" in out
    assert court.leaks(out) == []


def test_unknown_person_keeps_one_placeholder_across_an_export(court):
    first, second = court.redact_many([DECLARATION, SECOND])
    labels = set(re.findall(r"\[Person \d+\]", first.text))
    assert labels
    named = re.search(r"named (\[Person \d+\])", first.text)
    assert named
    full = named.group(1)
    assert f"{full} used" in first.text.replace("Mr. ", "")
    assert full in second.text  # "PETTAWAY" alone, in another document
    assert not _present("214", second.text)  # a room number learned from the first document
    assert "[Related Person" in second.text  # "her aunt, Yolanda Reyes"
    assert _present("Annie Carter", second.text)


def test_co_counsel_keeps_third_parties_and_case_facts(cocounsel):
    out = cocounsel.redact_many([DECLARATION, SECOND])
    text = out[0].text + out[1].text
    for kept in ["Marcus Pettaway", "Trevor Mills", "RKD4407", "Room 214"]:
        assert _present(kept, text), kept
    for gone in ["Maria", "Rosa Lopez", "(678) 555-0191", "pettaway.biz@example.net",
                 "123-45-6789", "8841 Sunfield Way", "Yolanda Reyes"]:
        assert not _present(gone, text), gone


def test_leaks_reports_positions_and_owner_never_values(court):
    raw = "Maria Lopez called from 213-555-0142."
    leaks = court.leaks(raw)
    assert Leak("PERSON", 0, 11, "Jane Doe 1") in leaks
    assert any(lk.category == "PHONE" for lk in leaks)
    assert all("Maria" not in repr(lk) for lk in leaks)
    assert court.leaks(court.redact(raw).text) == []


def test_report_positions_point_into_the_input(court):
    result = court.redact(DECLARATION)
    for r in result.redactions:
        assert 0 <= r.start < r.end <= len(DECLARATION)
        assert r.replacement and r.detector and 0 < r.score <= 1
    spans = [(r.start, r.end) for r in result.redactions]
    assert spans == sorted(spans)


def test_reference_list_maps_pseudonyms_to_what_they_replaced(court):
    court.redact(DECLARATION)
    ref = {e["replacement"]: e["replaced"] for e in court.reference_list()}
    assert "Maria Elena Lopez" in ref["Jane Doe 1"]
    assert "Rosa Lopez" in ref["Family Member 1"]


def test_minor_who_is_not_a_subject_becomes_initials(court):
    out = court.redact("The girl, Keisha Brown (14), was also at the motel.").text
    assert "K.B." in out and "Keisha" not in out


def test_only_people_tied_to_a_protected_person_become_related(cocounsel):
    text = ("Maria's cousin, Dolores Vega, drove her home. Marcus Pettaway's girlfriend, "
            "Tasha Greene, posted the ads. Her therapist, Dr. Helen Marsh, wrote a letter.")
    out = cocounsel.redact_many([text])[0].text
    assert not _present("Dolores Vega", out) and not _present("Helen Marsh", out)
    assert _present("Tasha Greene", out) and _present("Marcus Pettaway", out)
    assert out.count("[Related Person") == 2


def test_nickname_in_quotes_is_a_person(court):
    out = court.redact("She knew him only as a man called \"Kash\"; Kash drove.").text
    assert not _present("Kash", out)
