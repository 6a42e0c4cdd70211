import pytest

from crypto import FieldCipher, Keyring, new_data_key

SECRET_NAME = "Maria Esperanza Quispe"


@pytest.fixture
def keyring() -> Keyring:
    return Keyring.generate()


@pytest.fixture
def data_key() -> bytes:
    return new_data_key()


@pytest.fixture
def cipher(data_key: bytes) -> FieldCipher:
    return FieldCipher(data_key, "subject-7:dk1")
