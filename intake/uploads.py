"""Document uploads: size cap, type by content, DOCX archive limits, encrypted storage."""

from __future__ import annotations

import io
import os
import zipfile

from sqlalchemy.orm import Session

from intake.blobstore import BlobStore
from intake.models import Document, Matter, Subject, new_id
from intake.records import Vault
from redaction.formats import FormatError
from redaction.formats.safety import read_zip

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
KINDS = ("txt", "docx", "pdf")


class UploadError(Exception):
    """An upload was refused; the message says why without quoting the file."""


def max_document_bytes() -> int:
    """The upload cap: $CLINIC_MAX_DOCUMENT_BYTES, else 20 MB."""
    raw = os.environ.get("CLINIC_MAX_DOCUMENT_BYTES", "").strip()
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def sniff_kind(data: bytes) -> str:
    """The document kind judged from its bytes (the name is never trusted)."""
    if data[:5] == b"%PDF-":
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            parts = read_zip(data)  # entry count, expansion ratio, total size, unsafe names
        except FormatError as exc:
            raise UploadError(f"DOCX refused: {exc}") from None
        if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
            raise UploadError("this ZIP archive is not a Word document")
        if any(name.lower().endswith("vbaproject.bin") for name in parts):
            raise UploadError("documents with macros are not accepted")
        return "docx"
    if b"\x00" in data:
        raise UploadError("only text, DOCX and PDF files are accepted")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadError("text files must be UTF-8") from None
    return "txt"


def store_document(session: Session, vault: Vault, blobs: BlobStore, matter: Matter,
                   subject: Subject | None, filename: str, data: bytes,
                   *, uploaded_by: str | None) -> Document:
    """Check an upload and store it encrypted under the survivor's (or matter's) data key."""
    if not data:
        raise UploadError("the file is empty")
    limit = max_document_bytes()
    if len(data) > limit:
        raise UploadError(f"the file is larger than {limit // (1024 * 1024)} MB")
    try:
        kind = sniff_kind(data)
    except zipfile.BadZipFile:
        raise UploadError("the archive is damaged") from None
    if subject is not None and subject.matter_id != matter.id:
        raise UploadError("the survivor belongs to another matter")
    key_id = subject.data_key_id if subject is not None else matter.data_key_id
    name, size, digest = blobs.put(vault, key_id, io.BytesIO(data))
    doc = Document(id=new_id(), matter_id=matter.id, data_key_id=key_id,
                   subject_id=subject.id if subject is not None else None, kind=kind,
                   size_bytes=size, sha256=digest, blob_name=name, uploaded_by=uploaded_by)
    vault.seal(doc, filename=os.path.basename(filename.replace("\\", "/"))[:255] or "document")
    session.add(doc)
    session.flush()
    return doc


def file_names(vault: Vault, documents: list[Document]) -> dict[str, str]:
    """Each document's original file name, decrypted for the matter's team (a name the
    uploader gave may identify someone: it is shown on members' pages only, never logged)."""
    names: dict[str, str] = {}
    for number, doc in enumerate(documents, 1):
        name = vault.open(doc).get("filename") if doc.filename_ct is not None else None
        names[str(doc.id)] = str(name) if name else f"Document {number}"
    return names
