"""True redaction of DOCX and PDF files: bytes in, bytes out, nothing written to disk.

Text is removed (not covered), hidden content and metadata are dropped, and the output is
read back the way an attacker would; any known identifier found there is reported in
`FormatResult.leaks` and the caller must not release the file.

`redact_docx` / `redact_pdf` handle one file. To redact many files of one export in a single
engine batch (names learnt in one file are then found in all), call `prepare_docx` /
`prepare_pdf` for each, send every `prepared.texts` through one `redact_many`, and hand each
its slice of the results with `prepared.finish(results, redactor)`.
"""

from redaction.formats.base import (
    FormatError,
    FormatResult,
    PreparedDocument,
    TextRedactor,
    UnreadablePage,
)
from redaction.formats.docx import prepare_docx, redact_docx
from redaction.formats.pdf import prepare_pdf, redact_pdf

__all__ = [
    "FormatError",
    "FormatResult",
    "PreparedDocument",
    "TextRedactor",
    "UnreadablePage",
    "prepare_docx",
    "prepare_pdf",
    "redact_docx",
    "redact_pdf",
]
