"""Unambiguous encoding of associated data shared by the ciphers."""


def lp(part: bytes) -> bytes:
    """Return part preceded by its 4-byte big-endian length."""
    # Length prefixes stop ("ab", "c") and ("a", "bc") from producing the same AAD.
    return len(part).to_bytes(4, "big") + part


def length_prefixed(*parts: bytes) -> bytes:
    """Concatenate parts, each length-prefixed."""
    return b"".join(lp(part) for part in parts)
