import base64
import json
import os
import stat

import pytest

from crypto import KeyNotFoundError, Keyring, KeyringError


def _key_material(keyring: Keyring) -> list[str]:
    doc = json.loads(keyring.to_json())
    return [*doc["keys"].values(), doc["blind_index_key"]]


def test_generate_makes_version_one_primary_with_distinct_secrets():
    keyring = Keyring.generate()

    assert keyring.primary_version == 1
    assert keyring.versions == (1,)
    assert len(keyring.kek(1)) == 32
    assert len(keyring.blind_index_key()) == 32
    assert keyring.kek(1) != keyring.blind_index_key()
    assert Keyring.generate().kek(1) != keyring.kek(1)


def test_json_round_trip_keeps_every_key(keyring):
    rotated = keyring.with_new_primary()

    restored = Keyring.from_json(rotated.to_json())

    assert restored.primary_version == 2
    assert restored.versions == (1, 2)
    assert restored.kek(1) == keyring.kek(1)
    assert restored.kek(2) == rotated.kek(2)
    assert restored.blind_index_key() == keyring.blind_index_key()


def test_to_json_has_the_documented_shape(keyring):
    doc = json.loads(keyring.to_json())

    assert set(doc) == {"format", "primary", "keys", "blind_index_key"}
    assert doc["format"] == 1
    assert doc["primary"] == 1
    assert base64.b64decode(doc["keys"]["1"]) == keyring.kek(1)


def test_keyring_is_immutable(keyring):
    with pytest.raises(AttributeError):
        setattr(keyring, "primary_version", 2)


def test_repr_shows_versions_but_no_key_material(keyring):
    text = repr(keyring)

    assert "primary_version=1" in text
    for secret in _key_material(keyring):
        assert secret not in text


@pytest.mark.parametrize(
    "mutate",
    [
        lambda doc: doc.update(format=2),
        lambda doc: doc.update(primary=3),
        lambda doc: doc.update(primary=True),
        lambda doc: doc.update(keys={}),
        lambda doc: doc["keys"].update({"x": doc["blind_index_key"]}),
        lambda doc: doc["keys"].update({"01": doc["blind_index_key"]}),
        lambda doc: doc["keys"].update({"2": doc["keys"]["1"][:-4]}),
        lambda doc: doc["keys"].update({"2": doc["keys"]["1"] + "!"}),
        lambda doc: doc.update(blind_index_key=None),
        lambda doc: doc.pop("blind_index_key"),
        lambda doc: doc.update(extra=doc["keys"]["1"]),
    ],
    ids=[
        "future-format",
        "primary-missing",
        "primary-bool",
        "no-keys",
        "non-numeric-version",
        "zero-padded-version",
        "short-key",
        "bad-base64",
        "blind-key-null",
        "blind-key-missing",
        "unknown-field",
    ],
)
def test_malformed_keyring_error_contains_no_key_material(keyring, mutate):
    doc = json.loads(keyring.to_json())
    mutate(doc)
    text = json.dumps(doc)

    with pytest.raises(KeyringError) as excinfo:
        Keyring.from_json(text)

    message = str(excinfo.value)
    assert "\n" not in message
    for secret in _key_material(keyring):
        assert secret not in message
        assert secret[:12] not in message
    assert excinfo.value.__cause__ is None


def test_truncated_json_keyring_error_contains_no_key_material(keyring):
    text = keyring.to_json()[:-3]

    with pytest.raises(KeyringError) as excinfo:
        Keyring.from_json(text)

    assert "not valid JSON" in str(excinfo.value)
    for secret in _key_material(keyring):
        assert secret[:12] not in str(excinfo.value)
    # The JSON decoder keeps the whole document on its exception; it must not be chained.
    assert excinfo.value.__cause__ is None
    assert excinfo.value.__suppress_context__


def test_save_file_creates_0600(tmp_path, keyring):
    path = tmp_path / "keyring.json"

    keyring.save_file(path)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Keyring.load_file(path).kek(1) == keyring.kek(1)


def test_save_file_replaces_an_existing_file_and_leaves_no_temp_files(tmp_path, keyring):
    path = tmp_path / "keyring.json"
    path.write_text("old")
    path.chmod(0o644)

    keyring.with_new_primary().save_file(str(path))

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Keyring.load_file(path).primary_version == 2
    assert [p.name for p in tmp_path.iterdir()] == ["keyring.json"]


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o660])
def test_keyring_file_with_group_or_other_access_is_refused(tmp_path, keyring, mode):
    path = tmp_path / "keyring.json"
    keyring.save_file(path)
    path.chmod(mode)

    with pytest.raises(KeyringError, match=f"{mode:04o}"):
        Keyring.load_file(path)


def test_keyring_file_0400_is_accepted(tmp_path, keyring):
    path = tmp_path / "keyring.json"
    keyring.save_file(path)
    path.chmod(0o400)

    assert Keyring.load_file(path).kek(1) == keyring.kek(1)


def test_missing_keyring_file_raises_keyring_error(tmp_path):
    with pytest.raises(KeyringError, match="cannot open"):
        Keyring.load_file(tmp_path / "absent.json")


def test_keyring_directory_is_refused(tmp_path):
    os.chmod(tmp_path, 0o700)

    with pytest.raises(KeyringError, match="not a regular file"):
        Keyring.load_file(tmp_path)


def test_from_env_reads_clinic_keyring(keyring):
    loaded = Keyring.from_env({"CLINIC_KEYRING": keyring.to_json()})

    assert loaded is not None
    assert loaded.kek(1) == keyring.kek(1)


def test_from_env_without_variable_returns_none():
    assert Keyring.from_env({"OTHER": "x"}) is None


def test_from_env_with_empty_variable_raises_instead_of_falling_back():
    with pytest.raises(KeyringError):
        Keyring.from_env({"CLINIC_KEYRING": ""})


def test_with_new_primary_adds_next_version_and_keeps_old(keyring):
    rotated = keyring.with_new_primary().with_new_primary()

    assert rotated.primary_version == 3
    assert rotated.versions == (1, 2, 3)
    assert rotated.kek(1) == keyring.kek(1)
    assert len({rotated.kek(v) for v in rotated.versions}) == 3
    assert rotated.blind_index_key() == keyring.blind_index_key()
    assert keyring.versions == (1,)


def test_without_version_refuses_to_drop_the_primary(keyring):
    rotated = keyring.with_new_primary()

    with pytest.raises(KeyringError, match="primary"):
        rotated.without_version(2)


def test_without_version_refuses_to_drop_the_last_key(keyring):
    with pytest.raises(KeyringError):
        keyring.without_version(1)


def test_without_version_of_absent_version_raises_key_not_found(keyring):
    with pytest.raises(KeyNotFoundError, match="7"):
        keyring.without_version(7)


def test_kek_of_absent_version_names_the_version(keyring):
    with pytest.raises(KeyNotFoundError, match="version 9"):
        keyring.kek(9)


def test_save_file_into_missing_directory_raises_keyring_error(tmp_path, keyring):
    with pytest.raises(KeyringError, match="cannot write"):
        keyring.save_file(tmp_path / "absent" / "keyring.json")
