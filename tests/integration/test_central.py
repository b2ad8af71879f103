"""The centre: bundles from many workstations merge into one store (SQLite here, PostgreSQL behind the
marker), a bundle is taken whole or not at all, a second import changes nothing, and the acknowledgement
moves the workstation's mark."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from desktop.context import Location, open_services, resolve
from integration.documents import scanned
from integration.helpers import AGENCY_CODE, Counter, registration
from records.audit import recent
from records.clock import local, now
from records.errors import BundleRefused, InvalidInput, NotInitialised, PermissionDenied
from records.files import RegistrationRequest
from records.keys import InstallationKeys
from records.services import Services
from records.services.central import CentralService, CommuneReport
from records.store.models import (
    AuditEntry,
    Citizen,
    File,
    SyncAlias,
    SyncConflict,
    SyncImport,
    SyncWorkstation,
    User,
)
from records.sync.crypto import CentreKeys
from records.workflow import Status

ROOT = Path(__file__).resolve().parents[2]
OTHER_AGENCY = "H55.300"
CENTRE_TABLES = (
    "users",
    "procedures",
    "procedure_versions",
    "citizens",
    "files",
    "file_documents",
    "file_fees",
    "file_events",
    "stored_objects",
    "attachments",
    "sync_imports",
    "sync_conflicts",
    "sync_rows",
    "sync_row_bases",
    "sync_aliases",
    "sync_changes",
)


@dataclass
class Centre:
    """The centre's store and service."""

    services: Services
    central: CentralService
    location: Location

    def counts(self) -> dict[str, int]:
        with self.services.db.reading() as uow:
            return {
                t: int(uow.session.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in CENTRE_TABLES
            }

    def last_seq(self, agency: str = AGENCY_CODE, workstation: int = 1) -> int:
        with self.services.db.reading() as uow:
            row = uow.session.get(SyncWorkstation, (agency, workstation))
            return row.last_seq if row else -1

    def enroll(self, counter: Counter) -> None:
        agency = counter.services.settings.agency()
        self.central.enroll(counter.services.receipts.public_key_text(), agency.code, agency.workstation)

    def file(self, code: str) -> File:
        with self.services.db.reading() as uow:
            row = uow.session.scalars(select(File).where(File.code == code)).one()
            uow.session.expunge(row)
            return row


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def centre(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Centre]:
    """A centre's store: SQLite, and PostgreSQL when MOTCUA_TEST_PG_URL is set."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    location = resolve(str(tmp_path / "centre-data"), url)
    services = open_services(location)
    try:
        yield Centre(services, CentralService(services.db, location.data_dir / "centre"), location)
    finally:
        services.db.dispose()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def _commune(make_counter: Callable[..., Counter], name: str, agency: str, workstation: int = 1) -> Counter:
    counter = make_counter(name, workstation)
    if agency != AGENCY_CODE:
        config = counter.services.settings.agency()
        counter.services.settings.update_agency(
            counter.admin,
            agency_code=agency,
            agency_name=f"UBND xã {agency}",
            parent_name=config.parent_name,
            place=config.place,
            workstation=workstation,
        )
    return counter


def _configure(counter: Counter, centre: Centre) -> None:
    identity = centre.central.identity()
    counter.services.sync.configure(
        counter.admin, centre_signing_key=identity.signing_key, centre_encryption_key=identity.encryption_key
    )


def _export(counter: Counter, usb: Path, **kwargs: Any) -> Path:
    result = counter.services.sync.export(usb, **kwargs)
    assert result.path is not None
    return result.path


# -- the round trip ------------------------------------------------------------------------------------------


def test_round_trip_workstation_centre_ack(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    ws = make_counter("ws")
    _configure(ws, centre)
    file = ws.register(personal_id="001099012345", full_name="Lê Thị Hoa")
    [document] = ws.services.attachments.attach(file.code, [scanned()], ws.clerk)
    bundle = _export(ws, usb)
    assert bundle.name.endswith(".zip.enc")  # encrypted to the centre: nothing readable on the stick
    assert not zipfile.is_zipfile(bundle)
    assert [p.name for p in usb.iterdir()] == [bundle.name]
    assert (
        list(ws.services.attachments.objects.cache_dir("outgoing").iterdir()) == []
    )  # the plain one is gone

    centre.enroll(ws)
    result = centre.central.import_bundle(bundle)
    assert result.status == "imported" and result.conflicts == 0
    at_centre = centre.file(file.code)
    assert str(at_centre.id) == file.summary.id and at_centre.agency_code == AGENCY_CODE
    sent = ws.services.attachments.objects.read(document.sha256)
    assert centre.central.objects.read(document.sha256) == sent
    with centre.services.db.reading() as uow:
        users = uow.session.scalars(
            select(User.username).where(User.username.like(f"{AGENCY_CODE}:1:%"))
        ).all()
        assert f"{AGENCY_CODE}:1:lan" in users  # mirrored accounts keep the two communes' "lan" apart
        assert not uow.session.scalar(select(User.active).where(User.username == f"{AGENCY_CODE}:1:lan"))
        # Rows that came from a workstation are not news for the centre to send on.
        assert (
            uow.session.execute(text("SELECT count(*) FROM sync_changes WHERE entity = 'files'")).scalar()
            == 0
        )

    # The workstation's audit chain head travels signed in the bundle, and the centre keeps it.
    with centre.services.db.reading() as uow:
        head = uow.session.scalars(select(SyncImport.audit_head)).one()
    with ws.services.db.reading() as uow:
        held = uow.session.scalar(select(AuditEntry.hash).where(AuditEntry.seq == head["seq"]))
    assert head["hash"] == held and ws.services.audit.verify().intact

    ack_file = usb / "ack.json"
    ack = centre.central.ack(AGENCY_CODE, 1, ack_file)
    status_before = ws.services.sync.status()
    assert ack.acked_seq == status_before.last_seq and status_before.unsynced_files == 1
    taken = ws.services.sync.import_ack(ack_file, ws.admin)
    assert taken.acked_seq == status_before.last_seq and taken.exports_acknowledged == 1
    after = ws.services.sync.status()
    assert after.unsynced == {} and after.last_ack_at is not None

    # The next export carries only what changed since: the file's new status.
    ws.services.files.set_status(file.code, Status.IN_PROGRESS, ws.clerk)
    second = _export(ws, usb, actor=ws.clerk)
    with ws.services.db.reading() as uow:
        exported = [e for e in recent(uow.session) if e.action == "sync.exported"]
    assert [e.username for e in exported] == ["lan", "system"]  # the clerk's export, then the first one
    assert exported[0].details["encrypted"] is True and exported[0].details["path"] == str(second)
    assert ws.services.sync.status().unsynced_files == 1
    result = centre.central.import_bundle(second)
    assert result.status == "imported"
    assert result.seq_from == status_before.last_seq + 1
    assert centre.file(file.code).status == int(Status.IN_PROGRESS)
    assert centre.last_seq() == ws.services.sync.status().last_seq


def test_two_workstations_and_two_communes_merge(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    first = _commune(make_counter, "a1", AGENCY_CODE, 1)
    second = _commune(make_counter, "a2", AGENCY_CODE, 2)
    other = _commune(make_counter, "b1", OTHER_AGENCY, 1)
    person = "001099012345"
    a = first.register(personal_id=person, full_name="Lê Thị Hoa")
    b = second.register(personal_id=person, full_name="Lê Thị Hoa")
    c = other.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    for counter in (first, second, other):
        centre.enroll(counter)
    for counter in (first, second, other):
        folder = usb / counter.location.data_dir.name
        folder.mkdir()
        assert centre.central.import_bundle(_export(counter, folder)).status == "imported"

    with centre.services.db.reading() as uow:
        session = uow.session
        codes = set(session.scalars(select(File.code)))
        assert {a.code, b.code, c.code} <= codes
        # One person at the centre, whichever workstation met her first.
        citizens = session.scalars(select(Citizen).where(Citizen.personal_id == person)).all()
        assert len(citizens) == 1
        owners = set(session.scalars(select(File.owner_id).where(File.code.in_([a.code, b.code]))))
        assert owners == {citizens[0].id}
        alias = session.scalars(select(SyncAlias).where(SyncAlias.alias_key == b.owner.id)).one()
        assert alias.target_key == str(citizens[0].id) and alias.workstation == 2
        # Each workstation keeps its own register: the same numbers side by side do not collide.
        registers = [
            session.execute(
                select(File.register_year, File.register_book, File.register_entry).where(File.code == code)
            ).one()
            for code in (a.code, c.code)
        ]
        assert registers[0] == registers[1]
    report = {r.agency: r for r in centre.central.report(_day(a), _day(a))}
    assert report[AGENCY_CODE].received == 2 and report[OTHER_AGENCY].received == 1


def _day(file: Any) -> date:
    return local(file.summary.received_at).date()


def test_a_field_changed_on_both_sides_is_a_conflict_never_overwritten(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    first = _commune(make_counter, "a", AGENCY_CODE)
    other = _commune(make_counter, "b", OTHER_AGENCY)
    person = "001099012345"
    applicant = {"personal_id": person, "full_name": "Lê Thị Hoa", "phone": "0912000001", "address": "Thôn 1"}
    first.services.files.register(_request(applicant), first.clerk)
    other.services.files.register(_request({**applicant, "phone": "0912000001"}), other.clerk)
    centre.enroll(first)
    centre.enroll(other)
    for counter, name in ((first, "a1"), (other, "b1")):
        (usb / name).mkdir()
        centre.central.import_bundle(_export(counter, usb / name))
    assert centre.central.conflicts() == []  # the same values: nothing to decide

    # Commune A learns a new phone, commune B another one; B also gives an e-mail nobody else changed.
    first.services.files.register(_request({**applicant, "phone": "0912000002"}), first.clerk)
    other.services.files.register(
        _request({**applicant, "phone": "0912000003", "email": "hoa@example.vn"}), other.clerk
    )
    for counter, name in ((first, "a2"), (other, "b2")):
        (usb / name).mkdir()
        result = centre.central.import_bundle(_export(counter, usb / name))
        assert result.status == "imported"
    conflicts = centre.central.conflicts()
    assert [(c.entity, c.field, c.central_value, c.incoming_value) for c in conflicts] == [
        ("citizens", "phone", "0912000002", "0912000003")
    ]
    assert conflicts[0].agency == OTHER_AGENCY
    with centre.services.db.reading() as uow:
        row = uow.session.scalars(select(Citizen).where(Citizen.personal_id == person)).one()
        assert row.phone == "0912000002"  # the centre's value is kept for a person to decide
        assert row.email == "hoa@example.vn"  # a field only one side changed is taken

    # A person decides: the other commune's phone is the right one.
    decided = centre.central.resolve(conflicts[0].id, "incoming", "supervisor.huong")
    assert decided.resolution == "incoming" and decided.resolved_by == "supervisor.huong"
    assert centre.central.conflicts() == []
    assert [c.id for c in centre.central.conflicts(include_resolved=True)] == [conflicts[0].id]
    with centre.services.db.reading() as uow:
        assert (
            uow.session.scalars(select(Citizen.phone).where(Citizen.personal_id == person)).one()
            == "0912000003"
        )
    with pytest.raises(InvalidInput) as caught:
        centre.central.resolve(conflicts[0].id, "central", "someone.else")
    assert caught.value.reason == "already_resolved"
    with pytest.raises(InvalidInput):
        centre.central.resolve(conflicts[0].id, "both", "x")


def _request(applicant: dict[str, Any]) -> RegistrationRequest:
    return RegistrationRequest.from_json(registration(applicant=applicant))


# -- idempotence ---------------------------------------------------------------------------------------------


def test_importing_the_same_bundle_again_changes_nothing(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    ws = make_counter("ws")
    file = ws.register()
    ws.services.attachments.attach(file.code, [scanned()], ws.clerk)
    bundle = _export(ws, usb)
    centre.enroll(ws)
    assert centre.central.import_bundle(bundle).status == "imported"
    before = centre.counts()
    assert centre.central.import_bundle(bundle).status == "already_imported"
    assert centre.counts() == before

    # The same range exported again (a lost ack): a new bundle, nothing new in it.
    first_id = centre.central.import_bundle(bundle).bundle_id
    again = ws.services.sync.export(usb, seq_from=1)
    assert again.path is not None and again.bundle_id != first_id
    result = centre.central.import_bundle(again.path)
    assert result.status == "imported"
    assert result.outcome["inserted"] == 0 and result.conflicts == 0
    after = centre.counts()
    assert {k: v for k, v in after.items() if k != "sync_imports"} == {
        k: v for k, v in before.items() if k != "sync_imports"
    }


# -- refusals ------------------------------------------------------------------------------------------------


@pytest.fixture
def plain(make_counter: Callable[..., Counter], usb: Path) -> tuple[Counter, Path]:
    ws = make_counter("ws")
    file = ws.register()
    ws.services.attachments.attach(file.code, [scanned()], ws.clerk)
    return ws, _export(ws, usb)


def _refused(centre: Centre, bundle: Path, reason: str) -> BundleRefused:
    before = centre.counts()
    with pytest.raises(BundleRefused) as caught:
        centre.central.import_bundle(bundle)
    assert caught.value.reason == reason, str(caught.value)
    assert centre.counts() == before
    assert centre.last_seq() in (0, -1)
    return caught.value


def test_a_tampered_byte_is_refused(plain: tuple[Counter, Path], centre: Centre) -> None:
    ws, bundle = plain
    centre.enroll(ws)
    data = bytearray(bundle.read_bytes())
    with zipfile.ZipFile(bundle) as archive:
        info = archive.getinfo("changes.jsonl")
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26 : header + 28], "little")
    extra_length = int.from_bytes(data[header + 28 : header + 30], "little")
    data[header + 30 + name_length + extra_length + 5] ^= 0x01  # inside the compressed changes
    bundle.write_bytes(bytes(data))
    refusal = _refused(centre, bundle, "corrupt")
    assert "changes.jsonl" in str(refusal)


def test_a_bundle_signed_with_another_key_is_refused(
    plain: tuple[Counter, Path], centre: Centre, tmp_path: Path
) -> None:
    ws, bundle = plain
    agency = ws.services.settings.agency()
    stranger = InstallationKeys(tmp_path / "stranger")
    centre.central.enroll(stranger.public_key_text(), agency.code, agency.workstation)
    refusal = _refused(centre, bundle, "bad_signature")
    assert "signature" in str(refusal)


def test_an_unknown_workstation_is_refused_and_named(plain: tuple[Counter, Path], centre: Centre) -> None:
    _ws, bundle = plain
    refusal = _refused(centre, bundle, "unknown_workstation")
    assert f"workstation 1 of {AGENCY_CODE} is not enrolled" in str(refusal)
    assert "motcua central enroll" in str(refusal)


def test_a_sequence_gap_is_refused_and_named(plain: tuple[Counter, Path], centre: Centre, usb: Path) -> None:
    ws, first = plain
    centre.enroll(ws)
    end = ws.services.sync.status().last_seq
    ws.register(personal_id="001099054321", full_name="Phạm Văn Nam")
    later = ws.services.sync.export(usb, seq_from=end + 1)
    assert later.path is not None
    refusal = _refused(centre, later.path, "sequence_gap")
    assert f"changes 1 to {end}" in str(refusal)
    # In order, both go in.
    assert centre.central.import_bundle(first).status == "imported"
    assert centre.central.import_bundle(later.path).status == "imported"
    assert centre.last_seq() == later.seq_to


def test_a_truncated_bundle_is_refused(plain: tuple[Counter, Path], centre: Centre) -> None:
    ws, bundle = plain
    centre.enroll(ws)
    data = bundle.read_bytes()
    bundle.write_bytes(data[: len(data) * 2 // 3])
    _refused(centre, bundle, "truncated")


def test_a_newer_format_is_refused(plain: tuple[Counter, Path], centre: Centre, tmp_path: Path) -> None:
    ws, bundle = plain
    centre.enroll(ws)
    keys = InstallationKeys(ws.location.keys_dir)
    rewritten = tmp_path / "newer.zip"
    with zipfile.ZipFile(bundle) as source, zipfile.ZipFile(rewritten, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["format_version"] = 2
        manifest_bytes = json.dumps(manifest).encode()
        for info in source.infolist():
            if info.filename == "manifest.json":
                target.writestr(info, manifest_bytes)
            elif info.filename == "manifest.sig":
                target.writestr(info, keys.sign(manifest_bytes))  # genuinely signed: only the version is new
            else:
                target.writestr(info, source.read(info.filename))
    refusal = _refused(centre, rewritten, "newer_format")
    assert "update the application" in str(refusal)


def test_a_bundle_encrypted_to_another_centre_is_refused(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path, tmp_path: Path
) -> None:
    ws = make_counter("ws")
    ws.register()
    centre.enroll(ws)
    elsewhere = CentreKeys(tmp_path / "other-centre").public_key_text()
    result = ws.services.sync.export(usb, encrypt_to=elsewhere)
    assert result.path is not None and result.encrypted
    _refused(centre, result.path, "not_encrypted_for_us")


def test_a_record_that_cannot_be_applied_leaves_nothing_applied(
    plain: tuple[Counter, Path], centre: Centre, tmp_path: Path
) -> None:
    """A genuinely signed bundle whose file refers to a citizen the centre never received: the database
    refuses the reference half-way, and everything before it is rolled back."""
    ws, bundle = plain
    centre.enroll(ws)
    keys = InstallationKeys(ws.location.keys_dir)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(bundle) as source:
        lines = [json.loads(line) for line in source.read("changes.jsonl").decode().splitlines()]
        kept = [r for r in lines if r["entity"] != "citizens"]
        _rewrite(source, broken, kept, keys)
    with pytest.raises(Exception) as caught:
        centre.central.import_bundle(broken)
    assert not isinstance(caught.value, AssertionError)
    assert centre.counts()["files"] == 0 and centre.last_seq() == 0


def _rewrite(
    source: zipfile.ZipFile, target: Path, records: list[dict[str, Any]], keys: InstallationKeys
) -> None:
    import hashlib

    changes = "".join(
        json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records
    ).encode()
    manifest = json.loads(source.read("manifest.json"))
    manifest["members"]["changes.jsonl"] = hashlib.sha256(changes).hexdigest()
    counts: dict[str, int] = {}
    for r in records:
        counts[r["entity"]] = counts.get(r["entity"], 0) + 1
    manifest["counts"] = {**counts, "objects": manifest["counts"]["objects"]}
    manifest_bytes = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            if info.filename == "changes.jsonl":
                out.writestr(info, changes)
            elif info.filename == "manifest.json":
                out.writestr(info, manifest_bytes)
            elif info.filename == "manifest.sig":
                out.writestr(info, keys.sign(manifest_bytes))
            else:
                out.writestr(info, source.read(info.filename))


KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import records.sync.apply as apply
    from desktop.context import open_services, resolve
    from records.services.central import CentralService, CommuneReport

    original = apply.Applier._insert
    calls = []

    def insert_then_die(self, table, records, writers):
        original(self, table, records, writers)
        calls.append(table.name)
        if table.name == "files":
            self.session.flush()
            os.kill(os.getpid(), signal.SIGKILL)  # mid-import: files written, the rest not yet

    apply.Applier._insert = insert_then_die
    location = resolve(sys.argv[1], sys.argv[2] or None)
    services = open_services(location)
    CentralService(services.db, location.data_dir / "centre").import_bundle(Path(sys.argv[3]))
    """
)


def test_an_import_killed_half_way_leaves_nothing_applied(
    plain: tuple[Counter, Path], centre: Centre
) -> None:
    ws, bundle = plain
    centre.enroll(ws)
    url = centre.location.db_url if centre.services.db.engine.dialect.name == "postgresql" else ""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    centre.services.db.engine.dispose()  # the child takes the lock
    process = subprocess.run(
        [sys.executable, "-c", KILLED_IMPORT, str(centre.location.data_dir), url, str(bundle)],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert process.returncode == -9, process.stderr.decode()
    counts = centre.counts()
    assert counts["files"] == 0 and counts["sync_imports"] == 0 and centre.last_seq() == 0
    # The document written before the kill is taken back, and the bundle then imports whole.
    result = centre.central.import_bundle(bundle)
    assert result.status == "imported" and centre.counts()["files"] == 1


# -- acknowledgements ----------------------------------------------------------------------------------------


def test_an_ack_from_another_centre_or_for_another_workstation_is_refused(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path, tmp_path: Path
) -> None:
    ws = make_counter("ws")
    ws.register()
    centre.enroll(ws)
    with pytest.raises(NotInitialised):
        ws.services.sync.import_ack(usb / "none.json", ws.admin)
    _configure(ws, centre)
    centre.central.import_bundle(_export(ws, usb))

    # Signed by a stranger.
    ack_file = usb / "ack.json"
    centre.central.ack(AGENCY_CODE, 1, ack_file)
    forged = json.loads(ack_file.read_text())
    forged["ack"]["acked_seq"] = forged["ack"]["acked_seq"] + 0  # same content, another signer
    stranger = InstallationKeys(tmp_path / "stranger")
    from records.sync.ack import canonical

    forged["signature"] = base64.b64encode(stranger.sign(canonical(forged["ack"]))).decode()
    forged_file = usb / "forged.json"
    forged_file.write_text(json.dumps(forged))
    with pytest.raises(BundleRefused) as caught:
        ws.services.sync.import_ack(forged_file, ws.admin)
    assert caught.value.reason == "bad_signature"
    assert ws.services.sync.status().acked_seq == 0

    # Altered after signing.
    altered = json.loads(ack_file.read_text())
    altered["ack"]["acked_seq"] -= 1
    altered_file = usb / "altered.json"
    altered_file.write_text(json.dumps(altered))
    with pytest.raises(BundleRefused):
        ws.services.sync.import_ack(altered_file, ws.admin)

    # For another workstation.
    other = _commune(make_counter, "other", OTHER_AGENCY)
    _configure(other, centre)
    with pytest.raises(BundleRefused) as caught:
        other.services.sync.import_ack(ack_file, other.admin)
    assert caught.value.reason == "wrong_workstation"

    # Garbage.
    garbage = usb / "garbage.json"
    garbage.write_bytes(b"\x00not json")
    with pytest.raises(BundleRefused) as caught:
        ws.services.sync.import_ack(garbage, ws.admin)
    assert caught.value.reason == "unknown_format"
    assert ws.services.sync.status().acked_seq == 0
    assert ws.services.sync.import_ack(ack_file, ws.admin).acked_seq > 0


def test_documents_the_centre_lost_are_sent_again(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    ws = make_counter("ws")
    _configure(ws, centre)
    file = ws.register()
    [document] = ws.services.attachments.attach(file.code, [scanned()], ws.clerk)
    centre.enroll(ws)
    centre.central.import_bundle(_export(ws, usb))
    centre.central.objects.path(document.sha256).unlink()  # a disk lost at the centre

    ack_file = usb / "ack.json"
    ack = centre.central.ack(AGENCY_CODE, 1, ack_file)
    assert ack.missing_objects == (document.sha256,)
    taken = ws.services.sync.import_ack(ack_file, ws.admin)
    assert taken.missing_objects == (document.sha256,)
    assert ws.services.sync.status().resend_objects == 1

    again = ws.services.sync.export(usb)  # nothing new but the document
    assert again.path is not None and again.counts["objects"] == 1
    assert centre.central.import_bundle(again.path).status == "imported"
    assert centre.central.objects.exists(document.sha256)
    assert centre.central.ack(AGENCY_CODE, 1, ack_file).missing_objects == ()


def test_enrolling_another_key_needs_replace(
    plain: tuple[Counter, Path], centre: Centre, tmp_path: Path
) -> None:
    ws, _bundle = plain
    centre.enroll(ws)
    centre.enroll(ws)  # the same key again: nothing changes
    stranger = InstallationKeys(tmp_path / "stranger").public_key_text()
    with pytest.raises(InvalidInput) as caught:
        centre.central.enroll(stranger, AGENCY_CODE, 1)
    assert caught.value.reason == "other_key"
    assert centre.central.enroll(stranger, AGENCY_CODE, 1, replace=True).public_key == stranger
    with pytest.raises(InvalidInput):
        centre.central.enroll("ed25519:not-a-key", AGENCY_CODE, 1)


def test_the_report_counts_each_commune(
    make_counter: Callable[..., Counter], centre: Centre, usb: Path
) -> None:
    first = _commune(make_counter, "a", AGENCY_CODE)
    other = _commune(make_counter, "b", OTHER_AGENCY)
    done = first.register(received_at="2026-03-02T09:00:00")
    first.register(received_at="2026-03-02T10:00:00", personal_id="001099054321")
    for status in (Status.IN_PROGRESS, Status.RESULT_READY, Status.RETURNED):
        first.services.files.set_status(done.code, status, first.clerk)
    other.register(received_at="2026-03-03T09:00:00")
    for counter, name in ((first, "a"), (other, "b")):
        centre.enroll(counter)
        (usb / name).mkdir()
        centre.central.import_bundle(_export(counter, usb / name))
    today = local(now()).date()
    rows = {r.agency: r for r in centre.central.report(_day(done), today)}
    # Both of commune A's files were due on 5 March: one returned late (today), one still open.
    assert rows[AGENCY_CODE] == CommuneReport(AGENCY_CODE, received=2, returned=1, on_time=0, overdue=2)
    assert rows[OTHER_AGENCY] == CommuneReport(OTHER_AGENCY, received=1, returned=0, on_time=0, overdue=1)
    # A period before anything was due: received, nothing late yet.
    early = {r.agency: r for r in centre.central.report(_day(done), _day(done))}
    assert early[AGENCY_CODE] == CommuneReport(AGENCY_CODE, received=2, returned=0, on_time=0, overdue=0)
    with centre.services.db.reading() as uow:
        imports = uow.session.scalars(select(SyncImport)).all()
        assert {(i.agency, i.workstation) for i in imports} == {(AGENCY_CODE, 1), (OTHER_AGENCY, 1)}
        assert uow.session.scalars(select(SyncConflict)).all() == []


def test_only_an_administrator_changes_how_a_workstation_syncs(make_counter: Callable[..., Counter]) -> None:
    ws = make_counter("ws")
    with pytest.raises(PermissionDenied):
        ws.services.sync.configure(ws.clerk, folder="/media/usb")
    with pytest.raises(InvalidInput) as caught:
        ws.services.sync.configure(ws.admin, centre_encryption_key="ed25519:AAAA")
    assert caught.value.params["field"] == "centre_encryption_key"
    assert ws.services.sync.config().folder is None
    assert ws.services.sync.configure(ws.admin, folder="/media/usb", times=["7:05"]).times == ("07:05",)
