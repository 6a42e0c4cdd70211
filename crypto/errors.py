"""Exceptions raised by the crypto package.

Messages carry ids, table/column names and key versions only: never plaintext, never key bytes.
"""


class CryptoError(Exception):
    """Base class for every error raised by the crypto package."""


class DecryptionError(CryptoError):
    """Authentication failed: wrong key, tampered data, or ciphertext moved to another context."""


class KeyringError(CryptoError):
    """The keyring is unreadable, malformed, exposed, or an operation on it is refused."""


class KeyNotFoundError(KeyringError):
    """A key-encryption key version is not in the keyring."""


class KeyDestroyedError(CryptoError):
    """A data key was crypto-shredded; the data it protected is gone for good."""
