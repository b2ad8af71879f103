"""The store: SQLite settings, migrations with a backup first, unusable files, and PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

import records.store.migrate as migrate
from desktop.cli import main
from desktop.context import DB_FILE_NAME, Location, open_services, resolve
from integration.documents import BIRTH, pdf_bytes, scanned
from integration.helpers import (
    AGENCY_CODE,
    AGENCY_NAME,
    ID_DUC,
    ID_HOA,
    Counter,
    registration,
    store_dump,
    vn,
)
from records.attachments import AttachmentSource, ReusedAttachment
from records.backup import verify_backup
from records.errors import NotFound, StorageUnavailable
from records.files import FileQuery, RegistrationRequest
from records.services import Services
from records.store.migrate import current_revision, head_revision
from records.store.models import AuditEntry
from records.store.objects import sha256_of
from records.workflow import Status

EXPECTED_TABLES = {
    "alembic_version",
    "audit_log",
    "citizens",
    "file_code_counters",
    "file_documents",
    "file_events",
    "file_fees",
    "files",
    "holiday_tables",
    "procedure_versions",
    "procedures",
    "register_counters",
    "settings",
    "users",
}


def test_sqlite_pragmas_on_a_fresh_connection(counter: Counter) -> None:
    engine = counter.services.db.engine
    engine.dispose()  # every pooled connection gone: the next one is new
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    # WAL is a property of the file itself: any other program opening it sees it too.
    raw = sqlite3.connect(counter.location.data_dir / DB_FILE_NAME)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        raw.close()


def test_foreign_keys_are_enforced(counter: Counter) -> None:
    with pytest.raises(DBAPIError, match="FOREIGN KEY"), counter.services.db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO file_documents (id, file_id, position, name, originals, certified_copies, "
                "photocopies) VALUES (:id, :file, 1, 'x', 1, 0, 0)"
            ),
            {"id": uuid.uuid4().hex, "file": uuid.uuid4().hex},
        )


def test_a_fresh_store_is_migrated_to_head_without_a_backup(tmp_path: Path) -> None:
    location = resolve(str(tmp_path / "fresh"), None)
    services = open_services(location)
    try:
        assert current_revision(services.db.engine) == head_revision()
        with services.db.engine.connect() as conn:
            tables = {
                r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
        assert tables >= EXPECTED_TABLES
        assert "files_fts" in tables
        assert services.catalog.procedures()  # the shipped catalogue is seeded
        assert services.calendar.year(2026).source == "table"
    finally:
        services.db.dispose()
    assert (tmp_path / "fresh" / DB_FILE_NAME).is_file()
    assert not _backups(location)


def test_an_up_to_date_store_is_not_backed_up(counter: Counter) -> None:
    counter.register()
    counter.services.db.dispose()
    again = open_services(counter.location)
    try:
        assert current_revision(again.db.engine) == head_revision()
        assert len(again.files.list(FileQuery())) == 1
    finally:
        again.db.dispose()
    assert not _backups(counter.location)


def _backups(location: Location) -> list[Path]:
    folder = location.backup_dir
    return sorted(folder.iterdir()) if folder.exists() else []


NEXT_REVISION = '''"""A later revision, for the tests.

Revision ID: 9001
Revises: {down}
"""

import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    {body}


def downgrade() -> None:
    pass
'''


@pytest.fixture
def newer_scripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Make the application ship one more migration (its ``upgrade`` body given) after the real head."""

    def ship(body: str) -> None:
        scripts = tmp_path / "migrations"
        shutil.copytree(
            migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True
        )
        (scripts / "versions" / "9001_test_revision.py").write_text(
            NEXT_REVISION.format(down=head_revision(), body=body), encoding="utf-8"
        )
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)

    yield ship


def test_an_older_store_is_backed_up_before_it_is_migrated(
    counter: Counter, newer_scripts: Callable[[str], None]
) -> None:
    code = counter.register().code
    old_head = head_revision()
    counter.services.db.dispose()
    newer_scripts('op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))')
    assert head_revision() == "9001"

    services = open_services(counter.location)
    try:
        assert current_revision(services.db.engine) == "9001"
        with services.db.engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM probe").scalar()
        assert services.files.show(code).code == code  # the data came through the migration
    finally:
        services.db.dispose()

    (backup,) = _backups(counter.location)
    assert backup.name.startswith("motcua-before-migration-") and backup.name.endswith(".zip")
    assert verify_backup(backup).schema_revision == old_head  # the whole store, as it was
    extracted = counter.location.data_dir.parent / "extracted"
    with zipfile.ZipFile(backup) as archive:
        archive.extract("motcua.sqlite3", extracted)
    copy = sqlite3.connect(extracted / "motcua.sqlite3")
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [(old_head,)]
        assert copy.execute("SELECT code FROM files").fetchall() == [(code,)]
        tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "probe" not in tables
    finally:
        copy.close()


def test_a_failed_migration_leaves_the_store_as_it_was_and_a_backup(
    counter: Counter, newer_scripts: Callable[[str], None]
) -> None:
    code = counter.register().code
    old_head = head_revision()
    counter.services.db.dispose()
    newer_scripts(
        'op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))\n'
        '    op.execute("UPDATE no_such_table SET x = 1")'
    )

    with pytest.raises(StorageUnavailable, match="no_such_table"):
        open_services(counter.location)

    assert len(_backups(counter.location)) == 1
    raw = sqlite3.connect(counter.location.data_dir / DB_FILE_NAME)
    try:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(old_head,)]
        assert raw.execute("SELECT code FROM files").fetchall() == [(code,)]
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "probe" not in tables  # the half-done migration was rolled back
    finally:
        raw.close()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(bytes(range(256)) * 32, id="garbage"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 8000, id="damaged-header"),
        pytest.param("Đây không phải cơ sở dữ liệu\n".encode() * 200, id="text"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    database = data_dir / DB_FILE_NAME
    database.write_bytes(content)

    with pytest.raises(StorageUnavailable, match="damaged") as caught:
        open_services(resolve(str(data_dir), None))
    assert "restore a backup" in str(caught.value)

    assert main(["--data-dir", str(data_dir), "file", "list"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("motcua: error: the database file is damaged")
    assert database.read_bytes() == content  # nothing was written to it
    assert not (data_dir / "backups").exists()


def test_a_data_folder_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(StorageUnavailable, match="data folder"):
        open_services(Location(blocker / "data", f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}"))


# -- PostgreSQL ----------------------------------------------------------------------------------------


@pytest.mark.postgres
def test_postgresql_store(tmp_path: Path, pg_url: str) -> None:
    services = open_services(resolve(str(tmp_path), pg_url))
    try:
        assert services.db.engine.dialect.name == "postgresql"
        assert current_revision(services.db.engine) == head_revision()
        services.settings.initialise(agency_code=AGENCY_CODE, agency_name=AGENCY_NAME)
        actor = services.users.system(1)
        first = services.files.register(RegistrationRequest.from_json(registration()), actor)
        second = services.files.register(
            RegistrationRequest.from_json(
                registration(
                    received_at="2026-03-02T10:00:00",
                    applicant={"personal_id": ID_DUC, "full_name": "Nguyễn Văn Đức", "phone": "0912345678"},
                )
            ),
            actor,
        )
        assert first.code == "H55.242-260302-0001" and second.code == "H55.242-260302-0002"
        assert first.summary.due_at == vn("2026-03-05T17:00:00")
        assert first.owner.id == second.owner.id

        def search(query: str) -> list[str]:
            return [r.code for r in services.files.list(FileQuery(query=query))]

        assert search("nguyen van duc") == [second.code, first.code]
        assert search("ngu du") == [second.code, first.code]
        assert search("Đặng") == []
        assert search(ID_DUC) == [second.code, first.code]
        assert search("+84 912 345 678") == [second.code, first.code]
        assert search(first.code) == [first.code]

        services.files.set_status(first.code, Status.IN_PROGRESS, actor, at=vn("2026-03-02T11:00:00"))
        assert services.files.show(first.code).status is Status.IN_PROGRESS
        with pytest.raises(DBAPIError, match="append-only"), services.db.engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM file_events")
    finally:
        services.db.dispose()


def _last_audit(services: Services) -> AuditEntry:
    with services.db.reading() as uow:
        entry = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        uow.session.expunge(entry)
        return entry


@pytest.mark.postgres
def test_postgresql_attachments(pg_services: Services) -> None:
    services = pg_services
    attachments = services.attachments
    actor = services.users.system(1)

    # attach a PDF to a registered file
    first = services.files.register(RegistrationRequest.from_json(registration()), actor)
    birth_pdf = pdf_bytes(2, "khai sinh")
    [birth] = attachments.attach(first.code, [scanned(birth_pdf, colour_mode="gray", dpi=200)], actor)
    assert birth.sha256 == sha256_of(birth_pdf) and birth.size == len(birth_pdf) and birth.pages == 2
    assert (birth.file_code, birth.position, birth.name, birth.dpi) == (first.code, 1, BIRTH, 200)
    assert birth.digitised and not birth.reused
    assert attachments.for_file(first.code) == [birth]
    assert attachments.objects.path(birth.sha256).read_bytes() == birth_pdf
    assert not attachments.objects.pending()  # the marker went with the commit

    # register a file and its document in one unit of work; the document is tied to the checklist item
    second = attachments.register(
        RegistrationRequest.from_json(registration(received_at="2026-03-02T10:00:00")),
        [scanned(pdf_bytes(1, "tờ khai"), "  tờ   KHAI ")],
        actor,
    )
    [form] = attachments.for_file(second.code)
    assert form.name == "tờ KHAI" and form.position == 1
    with services.db.reading() as uow:
        tied = uow.session.execute(
            text(
                "SELECT d.name FROM attachments a JOIN file_documents d ON d.id = a.document_id "
                "WHERE a.id = :id"
            ),
            {"id": form.id},
        ).scalar_one()
    assert tied == "Tờ khai"

    # the citizen's earlier documents are offered, newest first, and one is reused as the same object
    offers = attachments.reusable(ID_DUC, [("KS", "giay chung sinh"), (None, "Tờ khai")])
    assert [(o.attachment.id, o.matches_code, o.matches_name) for o in offers] == [
        (form.id, None, "Tờ khai"),
        (birth.id, "KS", "giay chung sinh"),
    ]
    assert attachments.reusable(ID_HOA, [(None, BIRTH)]) == []
    [reused] = attachments.attach(second.code, [ReusedAttachment(birth.id, checklist_code="KS")], actor)
    assert reused.sha256 == birth.sha256 and reused.reused and reused.reused_from == birth.id
    assert reused.source is AttachmentSource.REUSE and reused.position == 2
    assert _last_audit(services).action == "attachment.reused"

    # opening is audited
    shown, read = attachments.open(birth.id, actor)
    assert shown == birth and read == birth_pdf
    assert _last_audit(services).action == "attachment.opened"

    # removing marks the row, with its reason, and keeps the bytes
    removed = attachments.remove(reused.id, actor, "nhầm hồ sơ")
    assert removed.removed and removed.id == reused.id
    entry = _last_audit(services)
    assert entry.action == "attachment.removed" and entry.details["reason"] == "nhầm hồ sơ"
    assert attachments.for_file(second.code) == [form]
    assert [v.id for v in attachments.for_file(second.code, include_removed=True)] == [form.id, reused.id]
    assert attachments.objects.exists(reused.sha256)

    report = attachments.verify()
    assert report.intact and (report.objects, report.ok) == (2, 2) and report.pending == ()

    # the triggers refuse deleting either table (and the rows stay)
    for table in ("attachments", "stored_objects"):
        with (
            pytest.raises(DBAPIError, match=f"{table} is never deleted from"),
            services.db.engine.begin() as conn,
        ):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    assert len(attachments.for_file(second.code, include_removed=True)) == 2
    assert attachments.verify().objects == 2


@pytest.mark.postgres
def test_postgresql_refused_registration_stores_no_document(pg_services: Services) -> None:
    services = pg_services
    actor = services.users.system(1)
    services.files.register(RegistrationRequest.from_json(registration()), actor)
    before = store_dump(services)
    refused = pdf_bytes(1, "bị từ chối")
    request = RegistrationRequest.from_json(registration(procedure="9.999999"))
    with pytest.raises(NotFound):
        services.attachments.register(request, [scanned(refused)], actor)
    assert store_dump(services) == before
    assert not services.attachments.objects.exists(sha256_of(refused))
    report = services.attachments.verify()
    assert report.intact and report.objects == 0 and report.pending == ()


def test_the_migrations_build_exactly_the_models_schema(counter: Counter) -> None:
    """A column or index added to a model without its migration (or the other way round) is caught here,
    before a store in the field is migrated to something the code does not expect."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from records.store.models import Base

    with counter.services.db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # The SQLite full-text index of files is made by the migration only (a virtual table and its shadows).
    unexpected = [
        d for d in differences if not (d[0] == "remove_table" and d[1].name.startswith("files_fts"))
    ]
    assert unexpected == []


@pytest.mark.postgres
def test_postgresql_tracks_changes_for_sync(pg_services: Services, tmp_path: Path) -> None:
    """The change triggers on PostgreSQL record every write (UUID keys as text) and an export carries them."""
    actor = pg_services.users.system(1)
    file = pg_services.files.register(RegistrationRequest.from_json(registration()), actor)
    pg_services.files.set_status(file.code, Status.IN_PROGRESS, actor, at=vn("2026-03-02T11:00:00"))
    out = tmp_path / "usb"
    out.mkdir()
    result = pg_services.sync.export(out)
    assert result.path is not None and result.counts["files"] == 1 and result.counts["file_events"] == 2
    status = pg_services.sync.status()
    assert status.unsynced_files == 1 and status.last_seq == result.seq_to


def test_the_central_store_migration_keeps_a_used_store_whole(counter: Counter) -> None:
    """Revision 0006 rebuilds ``files`` and ``users`` on SQLite: back to 0005 and forward again, every
    file, its full-text index and the change triggers are still there, and references still hold."""
    first = counter.register()
    engine = counter.services.db.engine
    migrate.downgrade(engine, "0005")
    assert current_revision(engine) == "0005"
    migrate.upgrade(engine)
    assert current_revision(engine) == head_revision()

    with engine.connect() as conn:
        triggers = {
            row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
        }
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert {"files_fts_insert", "files_fts_update", "files_sync_insert", "users_sync_update"} <= triggers
    found = counter.services.files.list(FileQuery(query="nguyen van duc"))
    assert [f.code for f in found] == [first.code]
    before = counter.services.sync.status().last_seq
    second = counter.register(personal_id=ID_DUC)
    assert counter.services.sync.status().last_seq > before
    assert {f.code for f in counter.services.files.list(FileQuery(query="duc"))} == {first.code, second.code}
