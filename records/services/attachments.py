"""Attached documents: attach, reuse, open, remove, and check the stored objects.

Order of writing, so that a crash never leaves a row without its bytes: the PDF is written to the object
store (temporary file, fsync, rename) with a pending marker, **then** the rows commit in one unit of work,
then the marker goes. A failed or refused commit takes the object back unless another row already holds
the same bytes; a killed process leaves a marker that :meth:`AttachmentService.recover` (run when the store
opens) resolves.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from records import audit
from records.attachments import (
    PDF_MEDIA_TYPE,
    AttachmentSource,
    AttachmentView,
    NewAttachment,
    ReusableDocument,
    ReusedAttachment,
    VerifyReport,
    document_name,
)
from records.clock import now
from records.errors import InvalidInput, NotFound, NotInitialised, UnreadableDocument
from records.files import FileDetail, RegistrationRequest
from records.personal_id import require_id_number
from records.services.files import FileService
from records.store.database import Database
from records.store.models import Attachment, Citizen, File, FileDocument, StoredObject, User
from records.store.objects import ObjectStore, PendingObject, sha256_of
from records.text import fold
from records.users import Actor, require_may_change_closed_file
from records.workflow import FINAL_STATUSES, Status

T = TypeVar("T")
Addition = NewAttachment | ReusedAttachment
Staged = dict[str, tuple[PendingObject, int]]
"""The new documents' objects written and not yet committed, by SHA-256, with their page counts."""
MAX_REUSE_OFFERS = 50


class AttachmentService:
    """A file's digitised documents and the object store behind them."""

    def __init__(self, db: Database, objects: ObjectStore | None, files: FileService | None = None) -> None:
        self._db = db
        self._objects = objects
        self._files = files

    @property
    def objects(self) -> ObjectStore:
        """The object store; :class:`NotInitialised` for services built without a data folder."""
        if self._objects is None:
            raise NotInitialised("this store has no documents folder")
        return self._objects

    # -- writing -----------------------------------------------------------------------------------------

    def attach(self, code: str, additions: Sequence[Addition], actor: Actor) -> list[AttachmentView]:
        """Attach documents to the file ``code`` (all or none); returns them as stored."""
        if not additions:
            raise InvalidInput("nothing to attach", field="documents", reason="no_documents")
        with self._staged(additions) as pending, self._db.writing() as uow:
            session = uow.session
            file = _file(session, code)
            _may_change(actor, file)
            rows = self.add_rows(session, file, additions, pending, actor)
            uow.commit()
            return [_view(session, row, file.code) for row in rows]

    def register(
        self,
        request: RegistrationRequest,
        additions: Sequence[Addition],
        actor: Actor,
        undigitised: Sequence[str] = (),
    ) -> FileDetail:
        """Register a file with its attached documents, all in one unit of work: either the file and every
        document are stored, or nothing is (the objects written first are taken back). ``undigitised``
        names the received papers the clerk chose not to digitize (the gate overridden): noted in the audit
        log with the registration."""
        if self._files is None:
            raise NotInitialised("attachments were built without the file service")
        files = self._files
        if not additions and not undigitised:
            return files.register(request, actor)
        with self._staged(additions) as pending:

            def attach(session: Session, file: File) -> None:
                if additions:
                    self.add_rows(session, file, additions, pending, actor)
                if undigitised:
                    names = [document_name(name) for name in undigitised]
                    audit.append(session, actor, "file.undigitised", "file", file.code, {"documents": names})

            return files.register(request, actor, also=attach)

    def run_with_staged(self, additions: Sequence[Addition], write: Callable[[Staged], T]) -> T:
        """Write the new documents' objects, then run ``write(pending)`` (which commits the rows, e.g. a
        registration with :meth:`add_rows` in its unit of work); objects are taken back if it fails."""
        with self._staged(additions) as pending:
            return write(pending)

    def add_rows(
        self,
        session: Session,
        file: File,
        additions: Sequence[Addition],
        pending: Staged,
        actor: Actor,
    ) -> list[Attachment]:
        """Add the rows of ``additions`` to ``file`` inside the caller's unit of work (objects already
        written by :meth:`run_with_staged`)."""
        stamp = now()
        # Positions follow the file's last one: lock the file's row so that two writers on PostgreSQL take
        # turns (SQLite's write lock already makes them); a no-op on SQLite.
        session.execute(select(File.id).where(File.id == file.id).with_for_update())
        position = int(
            session.scalar(select(func.max(Attachment.position)).where(Attachment.file_id == file.id)) or 0
        )
        checklist = session.scalars(select(FileDocument).where(FileDocument.file_id == file.id)).all()
        rows: list[Attachment] = []
        for addition in additions:
            position += 1
            if isinstance(addition, ReusedAttachment):
                row = self._reuse_row(session, file, addition, actor, stamp)
            else:
                row = self._new_row(session, file, addition, pending, actor, stamp)
            row.position = position
            row.document_id = _checklist_item(checklist, row.checklist_code, row.name_folded)
            session.add(row)
            rows.append(row)
            audit.append(
                session,
                actor,
                "attachment.reused" if row.reused else "attachment.added",
                "file",
                file.code,
                {
                    "attachment": str(row.id),
                    "document": row.name,
                    "sha256": row.object_sha256,
                    "pages": row.pages,
                    "source": row.source,
                    **({"warnings": row.warnings} if row.warnings else {}),
                },
                at=stamp,
            )
        session.flush()
        return rows

    def _new_row(
        self,
        session: Session,
        file: File,
        addition: NewAttachment,
        pending: Staged,
        actor: Actor,
        stamp: datetime,
    ) -> Attachment:
        name = document_name(addition.name)
        staged, pages = pending[sha256_of(addition.data)]
        if session.get(StoredObject, staged.sha256) is None:
            session.add(
                StoredObject(
                    sha256=staged.sha256,
                    size=staged.size,
                    media_type=PDF_MEDIA_TYPE,
                    pages=pages,
                    created_at=stamp,
                )
            )
            session.flush()
        return Attachment(
            id=_new_id(),
            file_id=file.id,
            name=name,
            name_folded=fold(name),
            checklist_code=_code(addition.checklist_code),
            object_sha256=staged.sha256,
            pages=pages,
            source=AttachmentSource(addition.source).value,
            original_name=addition.original_name,
            colour_mode=addition.colour_mode,
            dpi=addition.dpi,
            digitised=True,
            reused=False,
            warnings=list(addition.warnings),
            created_at=stamp,
            created_by=uuid.UUID(actor.user_id),
            workstation=actor.workstation,
        )

    def _reuse_row(
        self, session: Session, file: File, addition: ReusedAttachment, actor: Actor, stamp: datetime
    ) -> Attachment:
        earlier = session.get(Attachment, addition.attachment_id)
        if earlier is None or earlier.removed_at is not None:
            raise NotFound("no such earlier document to reuse", attachment=str(addition.attachment_id))
        earlier_file = _file_by_id(session, earlier.file_id)
        theirs = {earlier_file.owner_id, earlier_file.submitter_id}
        if file.owner_id not in theirs and file.submitter_id not in theirs:
            raise InvalidInput(
                "an earlier document can only be reused for the same citizen",
                field="documents",
                reason="other_citizen",
            )
        name = document_name(addition.name or earlier.name)
        return Attachment(
            id=_new_id(),
            file_id=file.id,
            name=name,
            name_folded=fold(name),
            checklist_code=_code(addition.checklist_code) or earlier.checklist_code,
            object_sha256=earlier.object_sha256,
            pages=earlier.pages,
            source=AttachmentSource.REUSE.value,
            original_name=earlier.original_name,
            colour_mode=earlier.colour_mode,
            dpi=earlier.dpi,
            digitised=True,
            reused=True,
            reused_from=earlier.reused_from or earlier.id,
            warnings=[],
            created_at=stamp,
            created_by=uuid.UUID(actor.user_id),
            workstation=actor.workstation,
        )

    @contextmanager
    def _staged(self, additions: Sequence[Addition]) -> Iterator[Staged]:
        """Write each new document's object (pending) before the rows; settle them after the commit."""
        new = [a for a in additions if isinstance(a, NewAttachment)]
        for addition in new:  # refuse a nameless document or one that is no readable PDF, before writing
            document_name(addition.name)
        pages = {sha256_of(a.data): _pdf_pages(a.data, a.original_name or a.name) for a in new}
        pending: Staged = {}
        committed = False
        try:
            for addition in new:
                sha = sha256_of(addition.data)
                if sha not in pending:
                    pending[sha] = (self.objects.put_pending(addition.data), pages[sha])
            yield pending
            committed = True
        finally:
            for staged, _ in pending.values():
                self.objects.settle(staged, committed, self._referenced)

    def remove(self, attachment_id: uuid.UUID, actor: Actor, reason: str | None = None) -> AttachmentView:
        """Take a document off its file (marked IsDeleted; its bytes and row stay)."""
        with self._db.writing() as uow:
            session = uow.session
            row = _attachment(session, attachment_id)
            file = _file_by_id(session, row.file_id)
            _may_change(actor, file)
            if row.removed_at is None:
                row.removed_at = now()
                row.removed_by = uuid.UUID(actor.user_id)
                details: dict[str, Any] = {"attachment": str(row.id), "document": row.name}
                if reason:
                    details["reason"] = reason
                audit.append(session, actor, "attachment.removed", "file", file.code, details)
            uow.commit()
            return _view(session, row, file.code)

    # -- reading -----------------------------------------------------------------------------------------

    def for_file(self, code: str, include_removed: bool = False) -> list[AttachmentView]:
        """The documents attached to the file ``code``, in order."""
        with self._db.reading() as uow:
            session = uow.session
            file = _file(session, code)
            stmt = select(Attachment).where(Attachment.file_id == file.id)
            if not include_removed:
                stmt = stmt.where(Attachment.removed_at.is_(None))
            rows = session.scalars(stmt.order_by(Attachment.position)).all()
            return [_view(session, row, file.code) for row in rows]

    def get(self, attachment_id: uuid.UUID) -> AttachmentView:
        """One attached document."""
        with self._db.reading() as uow:
            row = _attachment(uow.session, attachment_id)
            return _view(uow.session, row, _file_by_id(uow.session, row.file_id).code)

    def open(self, attachment_id: uuid.UUID, actor: Actor) -> tuple[AttachmentView, bytes]:
        """A document and its PDF, for the viewer; the opening is noted in the audit log (who saw what)."""
        view = self.get(attachment_id)
        data = self.objects.read(view.sha256)
        with self._db.writing() as uow:
            audit.append(
                uow.session,
                actor,
                "attachment.opened",
                "file",
                view.file_code,
                {"attachment": str(view.id), "document": view.name},
            )
            uow.commit()
        return view, data

    def reusable(self, id_number: str, checklist: Sequence[tuple[str | None, str]]) -> list[ReusableDocument]:
        """The citizen's earlier documents (``id_number``: 12-digit personal ID or 9-digit old ID) that match
        an item of a new file's ``checklist`` ((code, name) pairs), newest first, one offer per stored
        object and item."""
        number, kind = require_id_number(id_number)
        wanted_codes = {code: name for code, name in checklist if code}
        wanted_names = {fold(name): (code, name) for code, name in checklist}
        with self._db.reading() as uow:
            session = uow.session
            column = Citizen.personal_id if kind == "personal_id" else Citizen.old_id
            people = session.scalars(select(Citizen.id).where(column == number)).all()
            if not people:
                return []
            stmt = (
                select(Attachment, File.code)
                .join(File, File.id == Attachment.file_id)
                .where(File.owner_id.in_(people), Attachment.removed_at.is_(None))
                .order_by(Attachment.created_at.desc())
                .limit(MAX_REUSE_OFFERS * 4)
            )
            offers: list[ReusableDocument] = []
            seen: set[tuple[str, str]] = set()
            for row, code in session.execute(stmt):
                if row.checklist_code and row.checklist_code in wanted_codes:
                    match: tuple[str | None, str] = (row.checklist_code, wanted_codes[row.checklist_code])
                elif row.name_folded in wanted_names:
                    match = wanted_names[row.name_folded]
                else:
                    continue
                key = (row.object_sha256, match[1])
                if key in seen:
                    continue
                seen.add(key)
                offers.append(ReusableDocument(_view(session, row, code), match[0], match[1]))
                if len(offers) >= MAX_REUSE_OFFERS:
                    break
            return offers

    # -- checking the store ------------------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Re-hash every stored object: the ones the database lists (missing or corrupt ones named, with
        the files they belong to) and the ones in the folder that nothing lists (orphans)."""
        objects = self.objects
        with self._db.reading() as uow:
            listed = set(uow.session.scalars(select(StoredObject.sha256)).all())
        pending = set(objects.pending())
        missing: list[str] = []
        corrupt: list[str] = []
        ok = 0
        for sha in sorted(listed):
            state = objects.check(sha).state
            if state == "ok":
                ok += 1
            elif state == "missing":
                missing.append(sha)
            else:
                corrupt.append(sha)
        orphans = [sha for sha in objects.stored() if sha not in listed and sha not in pending]
        affected: list[str] = []
        if missing or corrupt:
            with self._db.reading() as uow:
                affected = sorted(
                    set(
                        uow.session.scalars(
                            select(File.code)
                            .join(Attachment, Attachment.file_id == File.id)
                            .where(Attachment.object_sha256.in_(missing + corrupt))
                        ).all()
                    )
                )
        return VerifyReport(
            objects=len(listed),
            ok=ok,
            missing=tuple(missing),
            corrupt=tuple(corrupt),
            orphans=tuple(orphans),
            pending=tuple(sorted(pending)),
            affected_files=tuple(affected),
        )

    def recover(self) -> list[str]:
        """After a crash: remove what a dead process wrote and never committed (see the module's note)."""
        if self._objects is None:
            return []
        return self._objects.recover(self._referenced)

    def _referenced(self, sha256: str) -> bool:
        with self._db.reading() as uow:
            return uow.session.get(StoredObject, sha256) is not None


# -- helpers --------------------------------------------------------------------------------------------


def _new_id() -> uuid.UUID:
    from records.store.types import new_id

    return new_id()


def _code(code: str | None) -> str | None:
    text = (code or "").strip()
    return text or None


def _file(session: Session, code: str) -> File:
    file = session.scalar(select(File).where(File.code == code.strip().upper()))
    if file is None:
        raise NotFound(f"no file with code {code!r}", code=code)
    return file


def _may_change(actor: Actor, file: File) -> None:
    closed = Status(file.status) in FINAL_STATUSES
    received_by = str(file.received_by) if file.received_by else None
    require_may_change_closed_file(actor, closed, received_by, file.code)


def _file_by_id(session: Session, file_id: uuid.UUID) -> File:
    file = session.scalar(select(File).where(File.id == file_id))
    assert file is not None  # a foreign key
    return file


def _attachment(session: Session, attachment_id: uuid.UUID) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFound(f"no attached document {attachment_id}", attachment=str(attachment_id))
    return row


def _checklist_item(checklist: Sequence[FileDocument], code: str | None, folded: str) -> uuid.UUID | None:
    """The file's checklist item a document belongs to: by its code, else by its name."""
    if code:
        for item in checklist:
            if item.code == code:
                return item.id
    for item in checklist:
        if fold(item.name) == folded:
            return item.id
    return None


def _pdf_pages(data: bytes, name: str) -> int:
    """The page count of a PDF about to be stored; :class:`UnreadableDocument` when it is not one."""
    from records.digitize.sources import PdfSource, read_source

    source = read_source(data, name)
    if not isinstance(source, PdfSource):
        raise UnreadableDocument(
            f"{name} is an image, not a PDF: archive it first", reason="not_a_document", name=name
        )
    return source.page_count


def _view(session: Session, row: Attachment, file_code: str) -> AttachmentView:
    stored = session.get(StoredObject, row.object_sha256)
    creator = session.get(User, row.created_by) if row.created_by else None
    return AttachmentView(
        id=row.id,
        file_code=file_code,
        position=row.position,
        name=row.name,
        checklist_code=row.checklist_code,
        sha256=row.object_sha256,
        size=stored.size if stored else 0,
        pages=row.pages,
        source=AttachmentSource(row.source),
        original_name=row.original_name,
        colour_mode=row.colour_mode,
        dpi=row.dpi,
        digitised=row.digitised,
        reused=row.reused,
        reused_from=row.reused_from,
        warnings=tuple(str(w) for w in row.warnings or ()),
        created_at=row.created_at,
        created_by=creator.username if creator else None,
        removed_at=row.removed_at,
    )
