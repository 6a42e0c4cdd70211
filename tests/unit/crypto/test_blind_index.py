import hashlib
import hmac

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from crypto import BlindIndexer, Keyring

KINDS = ["name", "dob", "phone", "email", "handle", "identifier"]


@pytest.fixture
def indexer(keyring) -> BlindIndexer:
    return BlindIndexer(keyring)


def test_name_index_ignores_accents_case_and_spacing(indexer):
    assert indexer.index("name", "José  GARCÍA") == indexer.index("name", "jose garcia")


@pytest.mark.parametrize("phone", ["(213) 555-0142", "+1 213-555-0142", "213.555.0142"])
def test_phone_index_ignores_formatting(indexer, phone):
    assert indexer.index("phone", phone) == indexer.index("phone", "+12135550142")


def test_email_and_handle_and_identifier_indexes_ignore_case_and_decoration(indexer):
    assert indexer.index("email", " Jose@Example.ORG") == indexer.index("email", "jose@example.org")
    assert indexer.index("handle", "@Maria_88") == indexer.index("handle", "maria_88")
    assert indexer.index("identifier", "a-123 456-789") == indexer.index("identifier", "A123456789")


def test_different_values_give_different_indexes(indexer):
    assert indexer.index("name", "jose garcia") != indexer.index("name", "josefa garcia")
    assert indexer.index("dob", "1990-05-01") != indexer.index("dob", "1990-05-02")


def test_different_kinds_give_different_indexes_for_the_same_value(indexer):
    value = "maria@example.org"
    digests = {indexer.index(kind, value) for kind in ["name", "email", "handle", "identifier"]}

    assert len(digests) == 4
    assert indexer.index("phone", "2135550142") != indexer.index("identifier", "2135550142")


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("name", "  ,.-  "),
        ("dob", "05/01/1990"),
        ("dob", "1990-02-30"),
        ("phone", "not a phone"),
        ("phone", "12"),
        ("email", "no-at-sign"),
        ("handle", "@"),
        ("identifier", "--"),
    ],
)
def test_values_that_normalize_to_nothing_have_no_index(indexer, kind, value):
    assert indexer.index(kind, value) is None


def test_unknown_kind_is_rejected(indexer):
    with pytest.raises(ValueError, match="ssn"):
        indexer.index("ssn", "123")


def test_index_is_hmac_sha256_under_hkdf_derived_per_kind_key(keyring, indexer):
    kind_key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"clinic/blind-index/v1/name"
    ).derive(keyring.blind_index_key())
    expected = hmac.new(kind_key, b"jose garcia", hashlib.sha256).hexdigest()

    assert indexer.index("name", "José García") == expected


def test_index_survives_kek_rotation(keyring, indexer):
    rotated = keyring.with_new_primary().without_version(1)

    assert BlindIndexer(rotated).index("name", "Ana") == indexer.index("name", "Ana")


def test_index_depends_on_the_blind_index_secret(indexer):
    assert BlindIndexer(Keyring.generate()).index("name", "Ana") != indexer.index("name", "Ana")


def test_index_does_not_reveal_the_value(indexer):
    digest = indexer.index("name", "Ana")

    assert digest is not None
    assert len(digest) == 64
    assert digest != hashlib.sha256(b"ana").hexdigest()


@pytest.mark.parametrize("kind", KINDS)
def test_every_documented_kind_is_supported(indexer, kind):
    sample = {"dob": "1990-05-01", "phone": "213-555-0142", "email": "a@b.org"}.get(kind, "Ana")

    assert indexer.index(kind, sample) is not None


def test_a_scoped_index_is_equal_within_its_scope_and_unrelated_across_scopes(indexer):
    here = indexer.index_in("matter-1", "name_part", "Marisol")
    assert here == indexer.index_in("matter-1", "name_part", " MARISOL ")
    assert here != indexer.index_in("matter-2", "name_part", "Marisol")
    assert here != indexer.index("name_part", "Marisol")
    assert indexer.index_in("matter-1", "name_part", " - ") is None


def test_a_scope_cannot_run_into_the_value(indexer):
    with pytest.raises(ValueError, match="scope"):
        indexer.index_in("matter\x00ana", "name_part", "x")
    with pytest.raises(ValueError, match="scope"):
        indexer.index_in("", "name_part", "x")
