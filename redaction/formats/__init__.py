"""True redaction of DOCX and PDF files: bytes in, bytes out, nothing written to disk.

Text is removed (not covered), hidden content and metadata are dropped, and the output is
read back the way an attacker would; any known identifier found there is reported in
`FormatResult.leaks` and the caller must not release the file.
"""

from redaction.formats.base import FormatError, FormatResult, TextRedactor, UnreadablePage
from redaction.formats.docx import redact_docx
from redaction.formats.pdf import redact_pdf

__all__ = [
    "FormatError",
    "FormatResult",
    "TextRedactor",
    "UnreadablePage",
    "redact_docx",
    "redact_pdf",
]
