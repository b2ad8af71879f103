"""Registering files and following them: the counter's core actions, each one unit of work.

Registration allocates the file code and the register entry, computes the due date with the procedure
version in force on the day of receipt (and freezes that version into the file), finds or adds the
citizens, and records the first event and an audit entry — all committed together or not at all.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from records import audit
from records.calendar import due_at
from records.citizens import ApplicantKind
from records.clock import local, now
from records.errors import ExtensionNotAllowed, InvalidInput, NotFound
from records.files import (
    Channel,
    DocumentView,
    EventView,
    FeeView,
    FileDetail,
    FileQuery,
    FileSummary,
    RegisterEntry,
    RegistrationRequest,
    timing_of,
)
from records.procedures import ProcedureVersion, compute_fee
from records.services.calendar import CalendarService
from records.services.catalog import CatalogService, version_in_force
from records.services.settings import SettingsService, load_agency
from records.store import citizens_repo, files_repo
from records.store.database import Database
from records.store.models import (
    Attachment,
    Citizen,
    File,
    FileDocument,
    FileEvent,
    FileFee,
    Procedure,
    User,
)
from records.store.models import ProcedureVersion as VersionRow
from records.sync.dvcqg import PortalAttachment, PortalEvent, PortalExport, PortalFee, PortalFile
from records.text import fold, optional_nfc
from records.users import SYSTEM_USERNAME, Actor
from records.workflow import (
    Status,
    can_extend,
    check_transition,
    restarts_clock,
    stops_clock,
)

# A registration stamped later than this ahead of the clock is refused: the PC's clock or the input is off.
FUTURE_TOLERANCE = timedelta(minutes=5)
# The longest register printed at once: a year (a leap year's 366 days), the span a register book covers.
MAX_REGISTER_DAYS = 366


class FileService:
    """Registers files, changes their status, extends them once, shows and lists them."""

    def __init__(
        self, db: Database, settings: SettingsService, catalog: CatalogService, calendar: CalendarService
    ) -> None:
        self._db = db
        self._settings = settings
        self._catalog = catalog
        self._calendar = calendar

    # -- deadlines ---------------------------------------------------------------------------------------

    def compute_due(self, procedure_code: str, received_at: datetime) -> datetime:
        """When a file of ``procedure_code`` received at ``received_at`` is due."""
        with self._db.reading() as uow:
            _, _, version = version_in_force(uow.session, procedure_code, local(received_at).date())
        return due_at(self._calendar.calendar(), version.processing_time, received_at)

    # -- registration -----------------------------------------------------------------------------------

    def register(
        self,
        request: RegistrationRequest,
        actor: Actor,
        also: Callable[[Session, File], object] | None = None,
    ) -> FileDetail:
        """Register a file; returns it with its code, due date and register entry. ``also`` adds more rows
        for the new file in the same unit of work (its attached documents), kept or lost with it."""
        stamp = now()
        received_at = local(request.received_at) if request.received_at else stamp
        if received_at > stamp + FUTURE_TOLERANCE:
            raise InvalidInput("received_at is in the future", field="received_at")
        calendar = self._calendar.calendar()
        with self._db.writing() as uow:
            session = uow.session
            agency = load_agency(session)
            day = received_at.date()
            version_id, procedure, version = version_in_force(session, request.procedure_code, day)
            submitter, submitter_changes = citizens_repo.find_or_add(session, request.applicant)
            if request.owner is not None:
                owner, owner_changes = citizens_repo.find_or_add(session, request.owner)
            else:
                owner, owner_changes = submitter, {}
            due: datetime | None = None
            finished: datetime | None = None
            if request.status is Status.RECEIVED:
                due = due_at(calendar, version.processing_time, received_at)
            elif request.status is Status.REFUSED:
                finished = received_at
            code = files_repo.next_file_code(session, agency.scheme, agency.code, agency.workstation, day)
            entry = files_repo.next_register_entry(session, day.year, agency.workstation)
            fees = _fees(version, request.copies, request.pages)
            known = [amount for _, _, amount in fees if amount is not None]
            file = File(
                code=code,
                agency_code=agency.code,
                workstation=agency.workstation,
                procedure_code=procedure.code,
                procedure_version_id=version_id,
                owner_id=owner.id,
                submitter_id=submitter.id,
                channel=int(request.channel),
                status=int(request.status),
                received_at=received_at,
                clock_started_at=received_at,
                due_at=due,
                original_due_at=due,
                extension_count=0,
                finished_at=finished,
                sets=request.sets,
                return_method=request.return_method,
                fee_total=sum(known) if known or not fees else None,
                register_year=day.year,
                register_book=agency.workstation,
                register_entry=entry,
                summary=request.summary,
                note=request.note,
                search_text=search_text(owner, submitter),
                received_by=uuid.UUID(actor.user_id),
                created_at=stamp,
                updated_at=stamp,
            )
            session.add(file)
            session.flush()
            for position, doc in enumerate(request.documents, start=1):
                session.add(
                    FileDocument(
                        file_id=file.id,
                        position=position,
                        code=doc.code,
                        name=doc.name,
                        originals=doc.originals,
                        certified_copies=doc.certified_copies,
                        photocopies=doc.photocopies,
                    )
                )
            for position, (fee_code, fee_name, amount) in enumerate(fees, start=1):
                session.add(
                    FileFee(file_id=file.id, position=position, code=fee_code, name=fee_name, amount=amount)
                )
            session.add(
                FileEvent(
                    file_id=file.id,
                    at=received_at,
                    user_id=uuid.UUID(actor.user_id),
                    kind="registered",
                    from_status=None,
                    to_status=int(request.status),
                    note=request.note,
                    due_before=None,
                    due_after=due,
                )
            )
            details: dict[str, object] = {"status": request.status.slug, "procedure": procedure.code}
            if submitter is owner:  # the applicant is the owner: their updates are the owner's
                owner_changes = {**submitter_changes, **owner_changes}
            if owner_changes:
                details["owner"] = owner_changes
            if submitter_changes and submitter is not owner:
                details["submitter"] = submitter_changes
            audit.append(session, actor, "file.registered", "file", code, details, at=stamp)
            session.flush()
            if also is not None:
                also(session, file)
            detail = _detail(session, file)
            uow.commit()
        return detail

    # -- following a file --------------------------------------------------------------------------------

    def show(self, code: str, actor: Actor | None = None) -> FileDetail:
        """One file, by its code. Given ``actor`` (a person opening it), the opening is in the audit log:
        a citizen's record read is as much the commune's business as one changed."""
        with self._db.reading() as uow:
            detail = _detail(uow.session, _get(uow.session, code))
        if actor is not None:
            with self._db.writing() as uow:
                details = {"owner": detail.owner.id}
                audit.append(uow.session, actor, "file.opened", "file", detail.code, details)
                uow.commit()
        return detail

    def set_status(
        self, code: str, target: Status, actor: Actor, note: str | None = None, at: datetime | None = None
    ) -> FileDetail:
        """Move a file to ``target`` if the workflow allows it; the clock stops on a supplement request
        and restarts from zero on the complete re-submission."""
        moment = local(at) if at else now()
        note = optional_nfc(note)
        with self._db.writing() as uow:
            session = uow.session
            file = _get(session, code, for_update=True)
            current = Status(file.status)
            check_transition(current, target)
            if moment < file.received_at:
                raise InvalidInput("a status change cannot come before the file was received", field="at")
            due_before = file.due_at
            if stops_clock(target):
                file.due_at = None
            elif restarts_clock(current, target):
                version = _frozen_version(session, file)
                file.clock_started_at = moment
                file.due_at = due_at(self._calendar.calendar(), version.processing_time, moment)
                file.original_due_at = file.due_at
            if target is Status.RESULT_READY:
                file.finished_at = moment
            elif target is Status.RETURNED:
                file.returned_at = moment
            elif target in (Status.REFUSED, Status.WITHDRAWN, Status.STOPPED):
                file.finished_at = moment
            file.status = int(target)
            file.updated_at = now()
            session.add(
                FileEvent(
                    file_id=file.id,
                    at=moment,
                    user_id=uuid.UUID(actor.user_id),
                    kind="status_changed",
                    from_status=int(current),
                    to_status=int(target),
                    note=note,
                    due_before=due_before,
                    due_after=file.due_at,
                )
            )
            audit.append(
                session,
                actor,
                "file.status_changed",
                "file",
                file.code,
                {"from": current.slug, "to": target.slug},
            )
            session.flush()
            detail = _detail(session, file)
            uow.commit()
        return detail

    def extend(
        self,
        code: str,
        actor: Actor,
        reason: str,
        *,
        until: datetime | None = None,
        working_days: int | None = None,
    ) -> FileDetail:
        """Move a file's due date later, once, with its reason (the apology letter, Mẫu 04, goes with it).

        Give either the new due moment ``until`` or a number of ``working_days`` to add to the current due
        date (the new date is the close of that working day)."""
        why = optional_nfc(reason)
        if not why:
            raise InvalidInput("an extension needs its reason", field="reason")
        if (until is None) == (working_days is None):
            raise InvalidInput("give either the new due date or a number of working days", field="until")
        with self._db.writing() as uow:
            session = uow.session
            file = _get(session, code, for_update=True)
            status = Status(file.status)
            if not can_extend(status) or file.due_at is None:
                raise ExtensionNotAllowed(
                    f"file {file.code} is {status.slug}: only a file being processed can be extended"
                )
            if file.extension_count >= 1:
                raise ExtensionNotAllowed(
                    f"file {file.code} has already been extended once; the law allows one"
                )
            calendar = self._calendar.calendar()
            if working_days is not None:
                if working_days < 1:
                    raise InvalidInput("working_days must be at least 1", field="working_days")
                new_day = calendar.add_working_days(local(file.due_at).date(), working_days)
                closing = calendar.office_hours.closing
                new_due = datetime.combine(new_day, closing, tzinfo=local(file.due_at).tzinfo)
            else:
                assert until is not None
                new_due = local(until)
                if not calendar.is_working_day(new_due.date()):
                    raise InvalidInput("the new due date is not a working day", field="until")
            if new_due <= file.due_at:
                raise InvalidInput("the new due date must be later than the current one", field="until")
            due_before = file.due_at
            file.due_at = new_due
            file.extension_count += 1
            file.updated_at = now()
            session.add(
                FileEvent(
                    file_id=file.id,
                    at=now(),
                    user_id=uuid.UUID(actor.user_id),
                    kind="extended",
                    from_status=file.status,
                    to_status=file.status,
                    note=why,
                    due_before=due_before,
                    due_after=new_due,
                )
            )
            audit.append(session, actor, "file.extended", "file", file.code, {"reason": why})
            session.flush()
            detail = _detail(session, file)
            uow.commit()
        return detail

    def record_printed(self, actor: Actor, form: str, code: str | None, details: dict[str, Any]) -> None:
        """Note in the audit log that a form was printed (for a file, or the register for a range)."""
        with self._db.writing() as uow:
            entity = "file" if code else "register"
            audit.append(uow.session, actor, "form.printed", entity, code, {"form": form, **details})
            uow.commit()

    def record_register_exported(
        self, actor: Actor, date_from: date, date_to: date, details: dict[str, Any]
    ) -> None:
        """Note in the audit log that the register of ``date_from`` to ``date_to`` was exported (as a
        workbook: ``details`` says which file and how many lines)."""
        with self._db.writing() as uow:
            period = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
            audit.append(uow.session, actor, "register.exported", "register", None, {**period, **details})
            uow.commit()

    def list(self, query: FileQuery) -> list[FileSummary]:
        """The files matching ``query``: newest first, or in the order it asks for (sorted by the database,
        never here), one page of ``limit`` from ``offset``."""
        moment = now()
        with self._db.reading() as uow:
            stmt = files_repo.filtered(uow.session, query, self._db.is_sqlite, moment)
            if stmt is None:
                return []
            return [files_repo.summary_from_row(row, moment) for row in uow.session.execute(stmt)]

    def count(self, query: FileQuery) -> int:
        """How many files match ``query``'s filters (its order, ``limit`` and ``offset`` play no part): the
        status bar's total."""
        with self._db.reading() as uow:
            return files_repo.count_matching(uow.session, query, self._db.is_sqlite, now())

    # builtins.list: this class's own ``list`` method shadows the type inside its body.
    def register_entries(self, date_from: date, date_to: date) -> builtins.list[RegisterEntry]:
        """The register of files (Sổ theo dõi hồ sơ) for the files received on the local days ``date_from``
        to ``date_to`` (both included), in register order. :class:`InvalidInput` when the range is
        reversed or longer than 366 days."""
        if date_from > date_to:
            raise InvalidInput(
                f"the register's start date {date_from.isoformat()} is after its end date "
                f"{date_to.isoformat()}",
                field="date_from",
            )
        days = (date_to - date_from).days + 1
        if days > MAX_REGISTER_DAYS:
            raise InvalidInput(
                f"the register covers at most {MAX_REGISTER_DAYS} days; {date_from.isoformat()} to "
                f"{date_to.isoformat()} is {days} days: print it a year at a time",
                field="date_to",
                days=days,
            )
        with self._db.reading() as uow:
            return files_repo.register_entries(uow.session, date_from, date_to)

    def portal_export(self, date_from: date, date_to: date) -> PortalExport:
        """The files received on the local days ``date_from`` to ``date_to`` (both included), with their
        history, attached documents (removed ones too) and fees, for the national portal's export
        (:mod:`records.sync.dvcqg`). The agency's settings, then four queries whatever the number of
        files, each joined on the range (no per-file query, no list of ids). :class:`InvalidInput` when
        the range is reversed or longer than 366 days."""
        if date_from > date_to:
            raise InvalidInput(
                f"the start date {date_from.isoformat()} is after the end date {date_to.isoformat()}",
                field="date_from",
            )
        days = (date_to - date_from).days + 1
        if days > MAX_REGISTER_DAYS:
            raise InvalidInput(
                f"an export covers at most {MAX_REGISTER_DAYS} days; {date_from.isoformat()} to "
                f"{date_to.isoformat()} is {days} days: export a year at a time",
                field="date_to",
                days=days,
            )
        with self._db.reading() as uow:
            agency = load_agency(uow.session)
            files = _portal_files(uow.session, date_from, date_to)
        return PortalExport(agency.code, agency.name, date_from, date_to, files)

    def record_portal_exported(
        self, actor: Actor, date_from: date, date_to: date, details: dict[str, Any]
    ) -> None:
        """Note in the audit log that the files of ``date_from`` to ``date_to`` were exported for the
        national portal (``details``: which file was written and how many records it holds)."""
        with self._db.writing() as uow:
            period = {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
            audit.append(uow.session, actor, "dvcqg.exported", "export", None, {**period, **details})
            uow.commit()


def search_text(owner: Citizen, submitter: Citizen) -> str:
    """What the name search indexes for a file: its owner's and submitter's folded names."""
    names = [owner.name_folded]
    if submitter.id != owner.id:
        names.append(submitter.name_folded)
    return fold(" ".join(names))


def _fees(version: ProcedureVersion, copies: int, pages: int) -> list[tuple[str, str, int | None]]:
    return [(rule.code, rule.name, compute_fee(rule, copies=copies, pages=pages)) for rule in version.fees]


def _get(session: Session, code: str, for_update: bool = False) -> File:
    stmt = select(File).where(File.code == code.strip().upper())
    if for_update:
        stmt = stmt.with_for_update()
    file = session.scalar(stmt)
    if file is None:
        raise NotFound(f"no file with code {code!r}", code=code)
    return file


def _frozen_version(session: Session, file: File) -> ProcedureVersion:
    row = session.get(VersionRow, file.procedure_version_id)
    assert row is not None
    return ProcedureVersion.from_json(row.rule)


def _detail(session: Session, file: File) -> FileDetail:
    owner = session.get(Citizen, file.owner_id)
    submitter = session.get(Citizen, file.submitter_id)
    procedure = session.get(Procedure, file.procedure_code)
    assert owner is not None and submitter is not None and procedure is not None
    version = session.get(VersionRow, file.procedure_version_id)
    assert version is not None
    status = Status(file.status)
    summary = FileSummary(
        id=str(file.id),
        code=file.code,
        status=status,
        procedure_code=file.procedure_code,
        procedure_name=procedure.name,
        owner_name=owner.full_name,
        owner_id_number=owner.personal_id or owner.old_id or owner.org_code,
        received_at=file.received_at,
        due_at=file.due_at,
        finished_at=file.finished_at,
        timing=timing_of(status, file.due_at, file.finished_at, now()),
    )
    documents = session.scalars(
        select(FileDocument).where(FileDocument.file_id == file.id).order_by(FileDocument.position)
    )
    fees = session.scalars(select(FileFee).where(FileFee.file_id == file.id).order_by(FileFee.position))
    events = session.execute(
        select(FileEvent, User.username, User.full_name)
        .outerjoin(User, User.id == FileEvent.user_id)
        .where(FileEvent.file_id == file.id)
        .order_by(FileEvent.at, FileEvent.id)
    )
    return FileDetail(
        summary=summary,
        agency_code=file.agency_code,
        workstation=file.workstation,
        owner=citizens_repo.to_view(owner),
        submitter=citizens_repo.to_view(submitter),
        channel=Channel(file.channel),
        return_method=file.return_method,  # type: ignore[arg-type]  # stored from a checked request
        sets=file.sets,
        documents=tuple(
            DocumentView(d.name, d.code, d.originals, d.certified_copies, d.photocopies) for d in documents
        ),
        fees=tuple(FeeView(f.code, f.name, f.amount) for f in fees),
        fee_total=file.fee_total,
        register_year=file.register_year,
        register_book=file.register_book,
        register_entry=file.register_entry,
        original_due_at=file.original_due_at,
        extension_count=file.extension_count,
        returned_at=file.returned_at,
        procedure_rule=version.rule,
        summary_text=file.summary,
        note=file.note,
        events=tuple(
            EventView(
                at=e.at,
                username=username,
                kind=e.kind,
                from_status=Status(e.from_status) if e.from_status is not None else None,
                to_status=Status(e.to_status) if e.to_status is not None else None,
                note=e.note,
                due_before=e.due_before,
                due_after=e.due_after,
                # Forms print a person's name, never the built-in account's.
                user_full_name=None if username == SYSTEM_USERNAME else full_name,
            )
            for e, username, full_name in events
        ),
        clock_started_at=file.clock_started_at,
        received_by_name=_user_name(session, file.received_by),
    )


def _user_name(session: Session, user_id: uuid.UUID | None) -> str | None:
    """A person's full name for the forms; none for the built-in system account."""
    if user_id is None:
        return None
    user = session.get(User, user_id)
    if user is None or user.username == SYSTEM_USERNAME:
        return None
    return user.full_name


# -- the national portal's export ------------------------------------------------------------------------


def _portal_files(session: Session, date_from: date, date_to: date) -> tuple[PortalFile, ...]:
    """The files received on the local days ``date_from`` to ``date_to``, in the order received."""
    start = files_repo.local_day_start(date_from)
    end = files_repo.local_day_start(date_to + timedelta(days=1))
    in_range = (File.received_at >= start, File.received_at < end)
    owner = aliased(Citizen, name="owner")
    events: dict[uuid.UUID, list[PortalEvent]] = {}
    for file_id, at, kind, to_status, note, due_after, username, full_name in session.execute(
        select(
            FileEvent.file_id,
            FileEvent.at,
            FileEvent.kind,
            FileEvent.to_status,
            FileEvent.note,
            FileEvent.due_after,
            User.username,
            User.full_name,
        )
        .join(File, File.id == FileEvent.file_id)
        .outerjoin(User, User.id == FileEvent.user_id)
        .where(*in_range)
        .order_by(FileEvent.file_id, FileEvent.at, FileEvent.id)
    ):
        events.setdefault(file_id, []).append(
            PortalEvent(
                at=at,
                kind=kind,
                to_status=Status(to_status) if to_status is not None else None,
                note=note,
                due_after=due_after,
                user_full_name=None if username in (None, SYSTEM_USERNAME) else full_name,
            )
        )
    attachments: dict[uuid.UUID, list[PortalAttachment]] = {}
    for row in session.execute(
        select(
            Attachment.file_id,
            Attachment.id,
            Attachment.name,
            Attachment.checklist_code,
            FileDocument.code.label("item_code"),
            Attachment.object_sha256,
            Attachment.digitised,
            Attachment.reused,
            Attachment.removed_at,
        )
        .join(File, File.id == Attachment.file_id)
        .outerjoin(FileDocument, FileDocument.id == Attachment.document_id)
        .where(*in_range)
        .order_by(Attachment.file_id, Attachment.position)
    ):
        attachments.setdefault(row.file_id, []).append(
            PortalAttachment(
                id=row.id,
                name=row.name,
                checklist_code=row.checklist_code or row.item_code,
                sha256=row.object_sha256,
                digitised=row.digitised,
                reused=row.reused,
                removed=row.removed_at is not None,
            )
        )
    fees: dict[uuid.UUID, list[PortalFee]] = {}
    for file_id, code, name, amount in session.execute(
        select(FileFee.file_id, FileFee.code, FileFee.name, FileFee.amount)
        .join(File, File.id == FileFee.file_id)
        .where(*in_range)
        .order_by(FileFee.file_id, FileFee.position)
    ):
        fees.setdefault(file_id, []).append(PortalFee(code, name, amount))
    rows = session.execute(
        select(
            File.id,
            File.code,
            File.procedure_code,
            Procedure.name,
            Procedure.field_code,
            Procedure.field,
            File.channel,
            owner.full_name,
            owner.kind,
            owner.personal_id,
            owner.old_id,
            owner.org_code,
            owner.phone,
            owner.email,
            File.summary,
            File.note,
            File.status,
            File.received_at,
            File.due_at,
            File.finished_at,
            File.returned_at,
            File.return_method,
        )
        .join(owner, owner.id == File.owner_id)
        .join(Procedure, Procedure.code == File.procedure_code)
        .where(*in_range)
        .order_by(File.received_at, File.pk)
    )
    return tuple(
        PortalFile(
            code=row.code,
            procedure_code=row.procedure_code,
            procedure_name=row.name,
            field_code=row.field_code,
            field_name=row.field,
            channel=Channel(row.channel),
            owner_name=row.full_name,
            owner_kind=ApplicantKind(row.kind),
            owner_personal_id=row.personal_id,
            owner_old_id=row.old_id,
            owner_org_code=row.org_code,
            owner_phone=row.phone,
            owner_email=row.email,
            summary=row.summary,
            note=row.note,
            status=Status(row.status),
            received_at=row.received_at,
            due_at=row.due_at,
            finished_at=row.finished_at,
            returned_at=row.returned_at,
            return_method=row.return_method,
            events=tuple(events.get(row.id, ())),
            attachments=tuple(attachments.get(row.id, ())),
            fees=tuple(fees.get(row.id, ())),
        )
        for row in rows
    )
