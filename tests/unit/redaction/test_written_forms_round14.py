"""Classes found in a fourteenth look (three sets written apart: workers held on illicit
cannabis grows, young people on travelling door-to-door sales crews, and women whose webcam
and subscription accounts a studio controlled)."""

from __future__ import annotations

from typing import Any

from tests.unit.redaction.written import case_fixtures, present, redacted

CASE: dict[str, Any] = {
    "matter": "Does 1-3 v. Ridgeline Readership LLC and Harlan Mott",
    "subjects": [
        {"pseudonym": "Jane Doe 1", "names": ["Nou Chia Lor"], "aliases": ["Chia", "Noucee"],
         "phones": ["(559) 555-0131"],
         "addresses": ["1190 Orchard Loop, Oakhurst, CA 93644"]},
        {"pseudonym": "John Doe 2", "names": ["Tebo Lanwi"], "aliases": ["Bo Bo"]},
    ],
    "related_people": [{"label": "Family Member 1", "names": ["Xeng Lor"]}],
    "keep": ["Ridgeline Readership LLC", "Harlan Mott", "Hon. Ines Calloway"],
}


session, cocounsel = case_fixtures(CASE)


# ------------------------------------------------------------------ what must not break


def test_a_table_header_of_label_words_is_no_name_and_no_crash(session):
    text = "DATE   REP      ROOM   VAN  NET   NOTE\n06/14  Bo Bo    $65    $25  $160  short"
    out = redacted(session, text)
    assert present("ROOM", out) and present("NET", out), out
