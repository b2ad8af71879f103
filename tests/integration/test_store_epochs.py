"""Store epochs: a workstation restored from an older backup numbers its new changes from where the backup
stopped; the centre takes them as a new epoch of that workstation, so that the files registered after the
restore arrive, nothing the centre holds is lost, and a row both branches changed is a conflict."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.context import open_services, resolve
from integration.helpers import AGENCY_CODE, Counter
from records.errors import BundleRefused
from records.services.central import CentralService
from records.store.models import File, StoreEpoch, SyncEpoch, SyncImport
from records.workflow import Status

ID_HOA = "079301004567"
ID_NAM = "001099054321"
ID_DAT = "001085000777"


class Centre:
    def __init__(self, url: str | None, folder: Path) -> None:
        self.location = resolve(str(folder), url)
        self.services = open_services(self.location)
        self.central = CentralService(self.services.db, self.location.data_dir / "centre")

    def files(self) -> dict[str, File]:
        with self.services.db.reading() as uow:
            rows = uow.session.scalars(select(File)).all()
            for row in rows:
                uow.session.expunge(row)
            return {row.code: row for row in rows}

    def last_seq(self) -> int:
        return self.central.workstations()[0].last_seq


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Centre]:
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    made = Centre(url, tmp_path / "centre-data")
    try:
        yield made
    finally:
        made.services.db.dispose()


@pytest.fixture
def ws(make_counter: Callable[..., Counter], centre: Centre) -> Counter:
    counter = make_counter("ws")
    identity = centre.central.identity()
    counter.services.sync.configure(
        counter.admin, centre_signing_key=identity.signing_key, centre_encryption_key=identity.encryption_key
    )
    centre.central.enroll(counter.services.receipts.public_key_text(), AGENCY_CODE, 1)
    return counter


def _round_trip(ws: Counter, centre: Centre, folder: Path) -> Any:
    """Export, import at the centre, write the ack and take it on the workstation."""
    folder.mkdir(parents=True, exist_ok=True)
    result = ws.services.sync.export(folder)
    assert result.path is not None
    imported = centre.central.import_bundle(result.path)
    assert imported.status == "imported", imported
    centre.central.ack(AGENCY_CODE, 1, folder / "ack.json")
    ws.services.sync.import_ack(folder / "ack.json", ws.admin)
    return imported


def test_files_registered_after_a_restore_reach_the_centre(
    ws: Counter, centre: Centre, tmp_path: Path
) -> None:
    first = ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    _round_trip(ws, centre, tmp_path / "day1")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)

    # After the backup: a second file, and the first one's status moves on; both reach the centre.
    lost = ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")
    ws.services.files.set_status(first.code, Status.IN_PROGRESS, ws.clerk)
    _round_trip(ws, centre, tmp_path / "day2")
    before_restore = ws.services.sync.status().last_seq
    assert centre.last_seq() == before_restore

    # The disk fails; the backup is restored: the second file and the status change are gone here.
    ws.services.backups.restore(backup, ws.admin)
    restored = ws.services.sync.status().last_seq
    assert restored < before_restore
    with ws.services.db.reading() as uow:
        chain = uow.session.scalars(select(StoreEpoch).order_by(StoreEpoch.number)).all()
        assert [e.reason for e in chain] == ["first", "restored"]
        assert chain[1].parent_id == chain[0].id and chain[1].fork_seq == restored

    # New work after the restore, numbered from where the backup stopped.
    new = ws.register(personal_id=ID_DAT, full_name="Đỗ Văn Đạt")
    assert (
        ws.services.sync.status().last_seq <= before_restore
    )  # the same numbers as changes the centre holds
    imported = _round_trip(ws, centre, tmp_path / "day3")
    assert imported.outcome["inserted"] > 0

    files = centre.files()
    assert {first.code, lost.code, new.code} <= set(files)
    assert str(files[new.code].id) == new.summary.id
    assert files[first.code].status == int(Status.IN_PROGRESS)  # nothing the centre held is lost
    assert centre.last_seq() == ws.services.sync.status().last_seq
    assert ws.services.sync.status().acked_seq == ws.services.sync.status().last_seq
    with centre.services.db.reading() as uow:
        epochs = uow.session.scalars(select(SyncEpoch).order_by(SyncEpoch.start)).all()
        assert len(epochs) == 2 and epochs[1].parent_id == epochs[0].epoch_id
        assert uow.session.scalars(select(SyncImport.epoch).order_by(SyncImport.imported_at)).all()[-1] == (
            epochs[1].epoch_id
        )


def test_a_row_both_branches_changed_is_a_conflict_and_one_changed_after_the_restore_is_taken(
    ws: Counter, centre: Centre, tmp_path: Path
) -> None:
    both = ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    after = ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")
    _round_trip(ws, centre, tmp_path / "day1")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    ws.services.files.set_status(both.code, Status.IN_PROGRESS, ws.clerk)
    _round_trip(ws, centre, tmp_path / "day2")

    ws.services.backups.restore(backup, ws.admin)
    ws.services.files.set_status(both.code, Status.SUPPLEMENT_REQUESTED, ws.clerk)  # the undone change, again
    ws.services.files.set_status(after.code, Status.IN_PROGRESS, ws.clerk)  # a row only changed here
    imported = _round_trip(ws, centre, tmp_path / "day3")

    files = centre.files()
    assert files[after.code].status == int(Status.IN_PROGRESS)  # taken: the centre's version is its base
    assert files[both.code].status == int(Status.IN_PROGRESS)  # the centre's value is kept …
    conflicts = centre.central.conflicts()
    assert imported.conflicts == len(conflicts) > 0
    status = [c for c in conflicts if c.field == "status"]
    assert [(c.row_key, c.central_value, c.incoming_value) for c in status] == [
        (both.summary.id, int(Status.IN_PROGRESS), int(Status.SUPPLEMENT_REQUESTED))
    ]  # … and the other recorded for a person to decide
    assert {c.row_key for c in conflicts} == {both.summary.id}

    # Later changes of that row in the new epoch merge against what this workstation sent last.
    ws.services.files.set_status(after.code, Status.RESULT_READY, ws.clerk)
    _round_trip(ws, centre, tmp_path / "day4")
    assert centre.files()[after.code].status == int(Status.RESULT_READY)
    assert len(centre.central.conflicts()) == len(conflicts)


def test_a_new_pc_restored_from_a_backup_takes_the_ack_before_registering(
    make_counter: Callable[..., Counter], ws: Counter, centre: Centre, tmp_path: Path
) -> None:
    ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    _round_trip(ws, centre, tmp_path / "day1")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    lost = ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")
    _round_trip(ws, centre, tmp_path / "day2")

    # The disk is lost: a new PC, the backup restored there (nothing of the old store to read).
    pc = make_counter("new-pc")
    pc.services.backups.restore(backup, pc.admin)
    with pc.services.db.reading() as uow:
        assert [e.reason for e in uow.session.scalars(select(StoreEpoch).order_by(StoreEpoch.number))] == [
            "first",
            "restored",
        ]

    # Registered before the centre's acknowledgement: the file takes the lost file's code again, and the
    # centre refuses the bundle by name, applying nothing.
    early = make_counter("early")
    early.services.backups.restore(backup, early.admin)
    clash = early.register(personal_id=ID_DAT, full_name="Đỗ Văn Đạt")
    assert clash.code == lost.code
    folder = tmp_path / "early-usb"
    folder.mkdir()
    exported = early.services.sync.export(folder, encrypt_to=centre.central.identity().encryption_key)
    assert exported.path is not None
    before = centre.files()
    with pytest.raises(BundleRefused) as refused:
        centre.central.import_bundle(exported.path)
    assert refused.value.reason == "duplicate_file_code" and lost.code in str(refused.value)
    assert centre.files().keys() == before.keys()

    # The acknowledgement first: it carries the numbers the centre holds, the counters move past them.
    centre.central.ack(AGENCY_CODE, 1, tmp_path / "fresh-ack.json")
    taken = pc.services.sync.import_ack(tmp_path / "fresh-ack.json", pc.admin)
    assert not taken.other_epoch
    new = pc.register(personal_id=ID_DAT, full_name="Đỗ Văn Đạt")
    assert new.code != lost.code
    _round_trip(pc, centre, tmp_path / "day3")
    files = centre.files()
    assert {lost.code, new.code} <= files.keys() and str(files[new.code].id) == new.summary.id
    assert files[new.code].register_entry > files[lost.code].register_entry


def test_an_ack_written_before_the_centre_saw_the_restore_moves_the_mark_to_the_restore_point(
    ws: Counter, centre: Centre, tmp_path: Path
) -> None:
    ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")
    day1 = tmp_path / "day1"
    day1.mkdir()
    bundle = ws.services.sync.export(day1).path
    assert bundle is not None and centre.central.import_bundle(bundle).status == "imported"
    old_ack = tmp_path / "old-ack.json"
    held = centre.central.ack(AGENCY_CODE, 1, old_ack).acked_seq
    ws.services.backups.restore(backup, ws.admin)
    fork = ws.services.sync.status().last_seq
    assert fork < held
    ws.register(personal_id=ID_DAT, full_name="Đỗ Văn Đạt")
    taken = ws.services.sync.import_ack(old_ack, ws.admin)
    assert taken.acked_seq == fork  # not up to `held`: the changes after the fork here are new ones
    result = ws.services.sync.export(day1)
    assert result.seq_from == fork + 1
    assert result.path is not None and centre.central.import_bundle(result.path).status == "imported"
    assert centre.last_seq() == ws.services.sync.status().last_seq


def test_a_late_bundle_of_the_epoch_before_still_imports(ws: Counter, centre: Centre, tmp_path: Path) -> None:
    ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    _round_trip(ws, centre, tmp_path / "day1")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)
    lost = ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")
    late_folder = tmp_path / "late"
    late_folder.mkdir()
    late = ws.services.sync.export(late_folder).path  # still on the USB stick when the disk fails
    ws.services.backups.restore(backup, ws.admin)
    new = ws.register(personal_id=ID_DAT, full_name="Đỗ Văn Đạt", received_at="2026-03-03T09:00:00")
    day2 = tmp_path / "day2"
    day2.mkdir()
    fresh = ws.services.sync.export(day2).path
    assert fresh is not None and late is not None
    assert centre.central.import_bundle(fresh).status == "imported"
    assert centre.central.import_bundle(late).status == "imported"  # its numbers are its epoch's
    assert {lost.code, new.code} <= centre.files().keys()
    assert centre.last_seq() == ws.services.sync.status().last_seq  # counted in the current numbering


def test_bundles_and_acks_of_older_versions_still_work(
    ws: Counter, centre: Centre, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import records.services.sync as sync_service
    from records.sync import ack as ack_module

    first = ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    with monkeypatch.context() as patched:  # a bundle as versions before epochs wrote it
        patched.setattr(sync_service.epochs, "lineage", lambda _session: [])
        old = ws.services.sync.export(tmp_path)
    assert old.path is not None
    assert centre.central.import_bundle(old.path).status == "imported"
    with centre.services.db.reading() as uow:
        assert uow.session.scalars(select(SyncImport.epoch)).all() == [None]

    # An acknowledgement without epoch, checkpoints or counters (an older centre) is still taken.
    payload = centre.central.ack(AGENCY_CODE, 1, tmp_path / "ack.json").payload()
    for key in ("store_epoch", "audit_checkpoints", "counters"):
        del payload[key]
    signature = centre.central._signing.sign(ack_module.canonical(payload))
    (tmp_path / "old-ack.json").write_text(
        json.dumps({"ack": payload, "signature": base64.b64encode(signature).decode()}), encoding="utf-8"
    )
    taken = ws.services.sync.import_ack(tmp_path / "old-ack.json", ws.admin)
    assert taken.acked_seq == old.seq_to and taken.audit_checkpoints == 0
    assert ws.services.audit.verify().intact

    # The next bundle carries the store's epoch: the centre takes it as the first one, numbers unchanged.
    ws.services.files.set_status(first.code, Status.IN_PROGRESS, ws.clerk)
    day2 = tmp_path / "day2"
    day2.mkdir()
    new = ws.services.sync.export(day2)
    assert new.path is not None and new.seq_from == old.seq_to + 1
    assert centre.central.import_bundle(new.path).status == "imported"
    assert centre.files()[first.code].status == int(Status.IN_PROGRESS)
    with centre.services.db.reading() as uow:
        [epoch] = uow.session.scalars(select(SyncEpoch)).all()
        assert (epoch.parent_id, epoch.seq_offset, epoch.start, epoch.last_seq) == (None, 0, 1, new.seq_to)
    centre.central.ack(AGENCY_CODE, 1, day2 / "ack.json")
    assert ws.services.sync.import_ack(day2 / "ack.json", ws.admin).acked_seq == new.seq_to


def test_the_epoch_migration_goes_back_and_forth(ws: Counter, centre: Centre, tmp_path: Path) -> None:
    import records.store.migrate as migrate

    ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    _round_trip(ws, centre, tmp_path / "day1")
    engine = ws.services.db.engine
    migrate.downgrade(engine, "0009")
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    ws.register(personal_id=ID_NAM, full_name="Phạm Văn Nam")  # a first epoch is made again at the export
    _round_trip(ws, centre, tmp_path / "day2")
    assert ws.services.audit.verify().intact


def test_a_backup_from_before_the_first_epoch_restores_into_the_same_lineage(
    make_counter: Callable[..., Counter], ws: Counter, centre: Centre, tmp_path: Path
) -> None:
    ws.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    backup = tmp_path / "backup.zip"
    ws.services.backups.backup(backup, ws.admin)  # before any export: the store has no epoch yet
    _round_trip(ws, centre, tmp_path / "day1")
    pc = make_counter("new-pc")
    pc.services.backups.restore(backup, pc.admin)
    with ws.services.db.reading() as uow:
        first = uow.session.scalars(select(StoreEpoch.id)).one()
    with pc.services.db.reading() as uow:
        chain = uow.session.scalars(select(StoreEpoch).order_by(StoreEpoch.number)).all()
        assert [(e.id == first, e.reason) for e in chain] == [(True, "first"), (False, "restored")]
    new = pc.register(personal_id=ID_NAM, full_name="Phạm Văn Nam", received_at="2026-03-03T09:00:00")
    _round_trip(pc, centre, tmp_path / "day2")  # no gap: the centre knows where this epoch forks
    assert new.code in centre.files()
