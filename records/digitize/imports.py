"""Files offered for import (``motcua attach``, drag and drop) turned into documents to attach.

Every image (JPEG, PNG, TIFF pages, …) offered together becomes one archived PDF of the document (in the
order given); every PDF is kept byte for byte as its own attachment. Nothing is written here: the caller
attaches the result through :class:`records.services.attachments.AttachmentService`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from records.attachments import AttachmentSource, NewAttachment, document_name
from records.digitize.archive import ArchiveMetadata, ArchiveOptions, build_pdf
from records.digitize.pages import DraftDocument, Page
from records.digitize.quality import QualityRules, QualityWarning, check_documents
from records.digitize.sources import ImageSource, PdfSource, read_source


@dataclass(frozen=True)
class PreparedImport:
    """The documents made from the offered files, and the quality gate's warnings about their pages."""

    attachments: tuple[NewAttachment, ...]
    warnings: tuple[QualityWarning, ...]


def prepare_import(
    files: Sequence[tuple[str, bytes]],
    name: str,
    *,
    file_code: str,
    workstation: str,
    created_at: datetime,
    author: str | None = None,
    checklist_code: str | None = None,
    options: ArchiveOptions | None = None,
    rules: QualityRules | None = None,
) -> PreparedImport:
    """Read every ``(file name, bytes)`` (each refused with :class:`~records.errors.UnreadableDocument`
    before anything is made) and make the documents named ``name``."""
    name = document_name(name)
    options = options or ArchiveOptions()
    sources = [read_source(data, file_name) for file_name, data in files]
    pages: list[Page] = []
    attachments: list[NewAttachment] = []
    image_names: list[str] = []
    for source in sources:
        if isinstance(source, ImageSource):
            pages.extend(source.pages)
            image_names.append(source.name)
    warnings: list[QualityWarning] = []
    if pages:
        metadata = ArchiveMetadata(
            title=name, file_code=file_code, created_at=created_at, workstation=workstation, author=author
        )
        pdf = build_pdf(pages, options, metadata)
        draft = DraftDocument(name=name, pages=tuple(pages), checklist_code=checklist_code)
        warnings = check_documents([draft], [], rules or QualityRules(), sizes={name: len(pdf)})
        attachments.append(
            NewAttachment(
                name=name,
                data=pdf,
                source=AttachmentSource.IMPORT,
                checklist_code=checklist_code,
                original_name=", ".join(image_names)[:500],
                colour_mode=options.mode.value,
                dpi=options.dpi,
                warnings=tuple(warning_label(w) for w in warnings),
            )
        )
    for source in sources:
        if isinstance(source, PdfSource):
            attachments.append(
                NewAttachment(
                    name=name,
                    data=source.data,
                    source=AttachmentSource.IMPORT,
                    checklist_code=checklist_code,
                    original_name=source.name,
                )
            )
    return PreparedImport(tuple(attachments), tuple(warnings))


def warning_label(warning: QualityWarning) -> str:
    """A warning kept with the document: ``skewed p2 (4.1)``."""
    parts = [warning.issue.value]
    if warning.page is not None:
        parts.append(f"p{warning.page}")
    if warning.value is not None:
        parts.append(f"({warning.value:g})")
    return " ".join(parts)


def warning_json(warning: QualityWarning) -> dict[str, object]:
    """A quality warning as the command line prints it."""
    return {
        "issue": warning.issue.value,
        "document": warning.document,
        "page": warning.page,
        "value": warning.value,
    }
