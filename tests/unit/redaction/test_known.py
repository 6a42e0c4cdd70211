"""Every written form of a known identifier is found; look-alikes are not."""

import pytest

from redaction.known import KnownMatcher, osa_distance


@pytest.fixture()
def matcher(engine, context):
    return KnownMatcher(context, is_word=engine.is_word)


def _found(matcher, text):
    return [(text[h.start:h.end], h.category, matcher.people[h.owner].replacement)
            for h in matcher.find(text)]


@pytest.mark.parametrize(
    ("text", "span", "category", "owner"),
    [
        # names: full, alone, caps, possessive, honorific, reversed, initials, split lines
        ("We met Maria Elena Lopez today.", "Maria Elena Lopez", "PERSON", "Jane Doe 1"),
        ("Maria was late.", "Maria", "PERSON", "Jane Doe 1"),
        ("Maria's phone broke.", "Maria", "PERSON", "Jane Doe 1"),
        ("PLAINTIFF MARIA LOPEZ", "MARIA LOPEZ", "PERSON", "Jane Doe 1"),
        ("Resident: LOPEZ, MARIA E.", "LOPEZ, MARIA E.", "PERSON", "Jane Doe 1"),
        ("signed by Ms. Kuznetsova", "Ms. Kuznetsova", "PERSON", "Jane Doe 2"),
        ("the minor M.E.L. testified", "M.E.L.", "PERSON", "Jane Doe 1"),
        ("the minor M. L. testified", "M. L.", "PERSON", "Jane Doe 1"),
        ("records list her as M. Lopez", "M. Lopez", "PERSON", "Jane Doe 1"),
        ("declarant Maria\n   Lopez states", "Maria\n   Lopez", "PERSON", "Jane Doe 1"),
        ("declarant Svetlana Kuz-\nnetsova states", "Svetlana Kuz-\nnetsova", "PERSON",
         "Jane Doe 2"),
        ("nicknamed Lexi by friends", "Lexi", "PERSON", "Jane Doe 1"),
        ("spelled Kuznetsov a in the report", "Kuznetsov", "PERSON", "Jane Doe 2"),
        ("officer wrote Svetlanna", "Svetlanna", "PERSON", "Jane Doe 2"),
        ("her mother Rosa Lopez", "Rosa Lopez", "PERSON", "Family Member 1"),
        # names inside links
        ("see instagram.com/marialopez.06 now", "instagram.com/marialopez.06", "URL",
         "Jane Doe 1"),
        ("write to kuznetsova.s@mail.example", "kuznetsova.s@mail.example", "EMAIL",
         "Jane Doe 2"),
        # phones
        ("call 213.555.0142", "213.555.0142", "PHONE", "Jane Doe 1"),
        ("call +1 (213) 555 0142", "+1 (213) 555 0142", "PHONE", "Jane Doe 1"),
        ("text 2135550142", "2135550142", "PHONE", "Jane Doe 1"),
        ("local 555-0142 only", "555-0142", "PHONE", "Jane Doe 1"),
        ("UK mobile 07700 900123", "07700 900123", "PHONE", "Jane Doe 2"),
        ("UK mobile +44 (0) 7700-900-123", "+44 (0) 7700-900-123", "PHONE", "Jane Doe 2"),
        ("a number ending in 0142", "0142", "PHONE", "Jane Doe 1"),
        # email and handles
        ("MARI.LOPEZ06@EXAMPLE.COM wrote", "MARI.LOPEZ06@EXAMPLE.COM", "EMAIL", "Jane Doe 1"),
        ("user mari.lopez06 posted", "mari.lopez06", "EMAIL", "Jane Doe 1"),
        ("DM from lexi_la", "lexi_la", "HANDLE", "Jane Doe 1"),
        ("DM from @Lexi_LA", "@Lexi_LA", "HANDLE", "Jane Doe 1"),
        # addresses
        # her large city stays readable (FRCP 5.2's city and state); the street and unit go
        ("lived at 1432 West 36th Street, Apartment 5, Los Angeles",
         "1432 West 36th Street, Apartment 5", "ADDRESS", "Jane Doe 1"),
        ("the apartment on W 36th", "W 36th", "ADDRESS", "Jane Doe 1"),
        ("moved to 1432 W. 36th St.", "1432 W. 36th St.", "ADDRESS", "Jane Doe 1"),
        ("near Birchwood Terrace", "Birchwood Terrace", "ADDRESS", "Jane Doe 2"),
        ("at 77 Birchwood, Reno", "77 Birchwood", "ADDRESS", "Jane Doe 2"),
        # dates of birth
        ("born April 3, 2006", "April 3, 2006", "DOB", "Jane Doe 1"),
        ("born Apr. 3rd 2006", "Apr. 3rd 2006", "DOB", "Jane Doe 1"),
        ("born 3 April 2006", "3 April 2006", "DOB", "Jane Doe 1"),
        ("DOB 04/03/2006", "04/03/2006", "DOB", "Jane Doe 1"),
        ("DOB 4/3/06", "4/3/06", "DOB", "Jane Doe 1"),
        ("DOB 2006-04-03", "2006-04-03", "DOB", "Jane Doe 1"),
        ("DOB 03 APR 2006", "03 APR 2006", "DOB", "Jane Doe 1"),
        ("born the 20th of November, 1995", "20th of November, 1995", "DOB", "Jane Doe 2"),
        ("her birthday is November 20 and", "November 20", "DOB", "Jane Doe 2"),
        # identifiers
        ("SSN 512 38 4471", "512 38 4471", "SSN", "Jane Doe 1"),
        ("SSN 512384471", "512384471", "SSN", "Jane Doe 1"),
        ("SSN XXX-XX-4471", "XXX-XX-4471", "SSN", "Jane Doe 1"),
        ("acct ****9283", "****9283", "ACCOUNT", "Jane Doe 1"),
        ("account ending in 9283", "9283", "ACCOUNT", "Jane Doe 1"),
        ("A# 201-334-455", "A# 201-334-455", "ID", "Jane Doe 2"),
        ("A-number A201334455", "A201334455", "ID", "Jane Doe 2"),
    ],
)
def test_known_forms_are_found(matcher, text, span, category, owner):
    assert (span, category, owner) in _found(matcher, text)


@pytest.mark.parametrize(
    "text",
    [
        "Example Holdings, Inc. answered on April 3, 2024.",
        "See 18 U.S.C. § 1591 and Fed. R. Civ. P. 5.2.",
        "He walked at dawn to 36th Avenue in another town.",
        "The M.D. signed; the U.S. Attorney agreed.",
        "Call 213-555-0199 instead.",
        "Room 4472 was empty in 2006.",
        "The lexicon lists lexical terms.",
        "Lanai is an island; the lanaï too.",
    ],
)
def test_look_alikes_are_not_found(matcher, text):
    assert _found(matcher, text) == []


def test_misspelling_that_is_a_dictionary_word_is_not_a_name(engine):
    from redaction.context import CaseContext

    ctx = CaseContext.from_dict({"subjects": [{"pseudonym": "Jane Doe",
                                               "names": ["Denise Carter"]}]})
    m = KnownMatcher(ctx, is_word=engine.is_word)
    assert _found(m, "The resident Denies pain.") == []
    assert _found(m, "Then Denice called.") == [("Denice", "PERSON", "Jane Doe")]


def test_shared_surname_with_honorific_goes_to_the_adult(engine):
    from redaction.context import CaseContext

    ctx = CaseContext.from_dict({
        "subjects": [{"pseudonym": "Jane Doe", "names": ["Kara Whitlow"], "minor": True}],
        "related_people": [{"label": "Parent 1", "names": ["Tina Whitlow"]}],
    })
    m = KnownMatcher(ctx, is_word=engine.is_word)
    assert _found(m, "Kara and Ms. Whitlow came.") == [
        ("Kara", "PERSON", "Jane Doe"), ("Ms. Whitlow", "PERSON", "Parent 1")]
    assert _found(m, "Whitlow is on the lease.") == [("Whitlow", "PERSON", "Jane Doe")]


@pytest.mark.parametrize(("a", "b", "d"), [("kiara", "kiera", 1), ("whitfield", "whitfeild", 1),
                                           ("brandt", "brand", 1), ("oksana", "ksenia", 3)])
def test_osa_distance(a, b, d):
    assert osa_distance(a, b, 2) == min(d, 3)
