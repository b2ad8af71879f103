"""A file's attached documents: what the services take in and hand out.

A document is one PDF: pages scanned, photographed or imported at the counter and archived by
``records.digitize.archive``, or a PDF imported as it is. Its bytes live in the object store (by SHA-256);
the row says which file and which checklist item it belongs to, how it was made, and the two flags the
national portal asks for: DuocSoHoa (digitised) and DuocTaiSuDung (reused from an earlier file).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from records.clock import iso
from records.errors import InvalidInput
from records.text import fold, nfc


class AttachmentSource(StrEnum):
    """How a document came in."""

    SCAN = "scan"
    CAMERA = "camera"
    IMPORT = "import"
    REUSE = "reuse"


PDF_MEDIA_TYPE = "application/pdf"
MAX_NAME_LENGTH = 500


def document_name(text: str | None) -> str:
    """A document's name, NFC with its whitespace folded; :class:`InvalidInput` when empty or too long."""
    name = " ".join(nfc(text or "").split())
    if not name:
        raise InvalidInput("a document needs a name", field="document", reason="no_name")
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"a document name is longer than {MAX_NAME_LENGTH} characters", field="document")
    return name


def covers(document_code: str | None, document: str, item_code: str | None, item: str) -> bool:
    """Whether a document (its checklist code, its name) stands for a checklist item: by code when both
    have one, else by name compared folded (case and diacritics aside)."""
    if document_code and item_code:
        return document_code == item_code
    return fold(document) == fold(item)


def uncovered(
    items: Sequence[tuple[str | None, str]], documents: Sequence[tuple[str | None, str]]
) -> list[tuple[str | None, str]]:
    """The checklist ``items`` ((code, name) pairs) that none of ``documents`` ((code, name)) covers."""
    return [
        (code, name)
        for code, name in items
        if not any(covers(d_code, d_name, code, name) for d_code, d_name in documents)
    ]


@dataclass(frozen=True)
class NewAttachment:
    """A document to attach: its PDF and how it was made. ``warnings`` are the quality gate's warnings the
    clerk saw and overrode (kept with the document for the supervisor)."""

    name: str
    data: bytes
    source: AttachmentSource
    checklist_code: str | None = None
    original_name: str | None = None
    colour_mode: str | None = None
    dpi: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReusedAttachment:
    """An earlier document of the same citizen, linked again (its stored object is shared)."""

    attachment_id: uuid.UUID
    name: str | None = None  # default: the earlier document's name
    checklist_code: str | None = None


@dataclass(frozen=True)
class AttachmentView:
    """One attached document, as the services hand it out."""

    id: uuid.UUID
    file_code: str
    position: int
    name: str
    checklist_code: str | None
    sha256: str
    size: int
    pages: int
    source: AttachmentSource
    original_name: str | None
    colour_mode: str | None
    dpi: int | None
    digitised: bool
    reused: bool
    reused_from: uuid.UUID | None
    warnings: tuple[str, ...]
    created_at: datetime
    created_by: str | None
    removed_at: datetime | None = None

    @property
    def removed(self) -> bool:
        """Whether the document was taken off the file (IsDeleted)."""
        return self.removed_at is not None

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "id": str(self.id),
            "file": self.file_code,
            "position": self.position,
            "document": self.name,
            "checklist_code": self.checklist_code,
            "sha256": self.sha256,
            "bytes": self.size,
            "pages": self.pages,
            "source": self.source.value,
            "original_name": self.original_name,
            "colour_mode": self.colour_mode,
            "dpi": self.dpi,
            "digitised": self.digitised,
            "reused": self.reused,
            "reused_from": str(self.reused_from) if self.reused_from else None,
            "warnings": list(self.warnings),
            "created_at": iso(self.created_at),
            "created_by": self.created_by,
            "removed": self.removed,
        }


@dataclass(frozen=True)
class ReusableDocument:
    """A citizen's earlier document offered when a new file needs the same kind: the attachment and the
    checklist item of the new file it matches."""

    attachment: AttachmentView
    matches_code: str | None
    matches_name: str


@dataclass(frozen=True)
class VerifyReport:
    """``motcua attachments verify``: every stored object re-hashed against the database."""

    objects: int
    ok: int
    missing: tuple[str, ...] = ()
    corrupt: tuple[str, ...] = ()
    orphans: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    affected_files: tuple[str, ...] = field(default=())

    @property
    def intact(self) -> bool:
        """Nothing missing, corrupt or orphaned."""
        return not (self.missing or self.corrupt or self.orphans)

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "intact": self.intact,
            "objects": self.objects,
            "ok": self.ok,
            "missing": list(self.missing),
            "corrupt": list(self.corrupt),
            "orphans": list(self.orphans),
            "pending": list(self.pending),
            "affected_files": list(self.affected_files),
        }
