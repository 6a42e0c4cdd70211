import pytest

from crypto import (
    name_parts,
    normalize_dob,
    normalize_email,
    normalize_identifier,
    normalize_name,
    normalize_phone,
    normalize_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("José  GARCÍA", "jose garcia"),
        ("  Ñandú\tPérez\n", "nandu perez"),
        ("Straße", "strasse"),
        ("İstanbul", "istanbul"),
        ("Łukasz Żółć", "lukasz zolc"),
        ("Đặng Thị Hồng", "dang thi hong"),
        ("ＡＮＡ", "ana"),
        ("Ana\u200b Maria\u00ad", "ana maria"),
        ("", ""),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("García-López", "garcia lopez"),
        ("Garcia, Jose M.", "garcia jose m"),
        (" -- ", ""),
    ],
)
def test_normalize_name(raw, expected):
    assert normalize_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("(213) 555-0142", "+12135550142"),
        ("+1 213-555-0142", "+12135550142"),
        ("213.555.0142", "+12135550142"),
        ("+52 55 1234 5678", "+525512345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("12", None),
        ("call me", None),
        ("", None),
    ],
)
def test_normalize_phone(raw, expected):
    assert normalize_phone(raw) == expected


def test_normalize_phone_uses_the_default_region():
    assert normalize_phone("020 7946 0958", default_region="GB") == "+442079460958"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" Jose@Example.ORG ", "jose@example.org"),
        ("jose @ example.org", "jose@example.org"),
        ("no-at-sign", None),
        ("@example.org", None),
        ("jose@", None),
    ],
)
def test_normalize_email(raw, expected):
    assert normalize_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1990-05-01", "1990-05-01"),
        (" 1990-05-01 ", "1990-05-01"),
        ("1990-02-30", None),
        ("19900501", None),
        ("05/01/1990", None),
        ("1990-5-1", None),
        ("", None),
    ],
)
def test_normalize_dob(raw, expected):
    assert normalize_dob(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a-123 456 789", "A123456789"), ("  x1/y2 ", "X1Y2"), ("--", "")],
)
def test_normalize_identifier(raw, expected):
    assert normalize_identifier(raw) == expected


def test_name_parts_are_every_run_of_words_spaced_and_joined():
    assert name_parts("Marisol Quintanilla-Reyes") == {
        "marisol", "quintanilla", "reyes", "marisol quintanilla", "marisolquintanilla",
        "quintanilla reyes", "quintanillareyes", "marisol quintanilla reyes",
        "marisolquintanillareyes"}


def test_name_parts_leave_out_single_letters_but_keep_them_in_runs():
    assert name_parts("J. Lo") == {"lo", "j lo", "jlo"}
    assert name_parts(" - ") == set()
