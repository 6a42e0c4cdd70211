"""Field, key and file encryption plus blind indexes for the clinic's survivor records.

Knows nothing of Flask or the database: callers pass keys, ids and bytes in.
"""

from crypto.blind_index import BlindIndexer
from crypto.envelope import new_data_key, unwrap_key, wrap_key
from crypto.errors import (
    CryptoError,
    DecryptionError,
    KeyDestroyedError,
    KeyNotFoundError,
    KeyringError,
)
from crypto.field import FieldCipher, decrypt_field, encrypt_field
from crypto.keyring import Keyring
from crypto.normalize import (
    name_parts,
    normalize_dob,
    normalize_email,
    normalize_identifier,
    normalize_name,
    normalize_phone,
    normalize_text,
)
from crypto.stream import ChunkedFileCipher, decrypt_stream, encrypt_stream

__all__ = [
    "BlindIndexer",
    "ChunkedFileCipher",
    "CryptoError",
    "DecryptionError",
    "FieldCipher",
    "KeyDestroyedError",
    "KeyNotFoundError",
    "Keyring",
    "KeyringError",
    "decrypt_field",
    "decrypt_stream",
    "encrypt_field",
    "encrypt_stream",
    "name_parts",
    "new_data_key",
    "normalize_dob",
    "normalize_email",
    "normalize_identifier",
    "normalize_name",
    "normalize_phone",
    "normalize_text",
    "unwrap_key",
    "wrap_key",
]
