"""Attached documents through the services: stored by content before their rows commit, reused for the
same citizen, opened with an audit entry, taken off without deleting, and verified; every refusal leaves no
row and no object behind."""

from __future__ import annotations

import errno
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from integration.documents import BIRTH, encrypted_pdf, image_bytes, pdf_bytes, scanned, stored_files
from integration.helpers import ID_HOA, Counter, registration, store_dump
from records.attachments import AttachmentSource, ReusedAttachment
from records.errors import InvalidInput, NotFound, StorageUnavailable, UnreadableDocument
from records.files import RegistrationRequest
from records.store.models import AuditEntry
from records.store.objects import ObjectStore, sha256_of


def _store(counter: Counter) -> ObjectStore:
    return counter.services.attachments.objects


def _actions(counter: Counter) -> list[str]:
    with counter.services.db.reading() as uow:
        return list(uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))


# -- attaching ------------------------------------------------------------------------------------------


def test_a_document_is_stored_by_its_hash_and_listed_with_its_file(counter: Counter) -> None:
    file = counter.register()
    data = pdf_bytes(3)
    [view] = counter.services.attachments.attach(
        file.code, [scanned(data, colour_mode="gray", dpi=200)], counter.clerk
    )
    assert view.sha256 == sha256_of(data) and view.size == len(data) and view.pages == 3
    assert view.file_code == file.code and view.position == 1 and view.name == BIRTH
    assert view.digitised and not view.reused and view.created_by == "lan"
    path = _store(counter).path(view.sha256)
    assert path.read_bytes() == data
    assert path.parent.name == view.sha256[:2]
    assert counter.services.attachments.for_file(file.code) == [view]
    assert _actions(counter)[-1] == "attachment.added"
    assert not _store(counter).pending()  # the marker went with the commit


def test_a_document_named_like_a_checklist_item_is_tied_to_it(counter: Counter) -> None:
    file = counter.register()  # its checklist holds "Tờ khai"
    counter.services.attachments.attach(file.code, [scanned(name="  tờ   KHAI ")], counter.clerk)
    with counter.services.db.reading() as uow:
        tied = uow.session.execute(
            text("SELECT d.name FROM attachments a JOIN file_documents d ON d.id = a.document_id")
        ).scalar_one()
    assert tied == "Tờ khai"


def test_the_same_bytes_twice_are_one_object(counter: Counter) -> None:
    file = counter.register()
    data = pdf_bytes()
    first, second = counter.services.attachments.attach(
        file.code, [scanned(data), scanned(data, name="Bản sao")], counter.clerk
    )
    assert first.sha256 == second.sha256 and (first.position, second.position) == (1, 2)
    assert len(stored_files(_store(counter))) == 1
    assert counter.services.attachments.verify().intact


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"just some text\n", "not_a_document"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "corrupt"),
        (None, "encrypted"),
    ],
)
def test_what_is_not_a_readable_pdf_is_refused_and_nothing_is_stored(
    counter: Counter, data: bytes | None, reason: str
) -> None:
    file = counter.register()
    before = store_dump(counter.services)
    with pytest.raises(UnreadableDocument) as info:
        counter.services.attachments.attach(
            file.code,
            [scanned(pdf_bytes()), scanned(encrypted_pdf() if data is None else data)],
            counter.clerk,
        )
    assert info.value.params["reason"] == reason
    assert store_dump(counter.services) == before
    assert stored_files(_store(counter)) == []


def test_an_image_must_be_archived_before_it_is_attached(counter: Counter) -> None:
    file = counter.register()
    with pytest.raises(UnreadableDocument):
        counter.services.attachments.attach(file.code, [scanned(image_bytes("PNG"))], counter.clerk)
    assert stored_files(_store(counter)) == []


def test_an_unknown_file_or_a_nameless_document_is_refused_with_nothing_stored(counter: Counter) -> None:
    file = counter.register()
    before = store_dump(counter.services)
    with pytest.raises(NotFound):
        counter.services.attachments.attach("H55.242-260302-9999", [scanned()], counter.clerk)
    with pytest.raises(InvalidInput):
        counter.services.attachments.attach(file.code, [scanned(name="   ")], counter.clerk)
    with pytest.raises(InvalidInput):
        counter.services.attachments.attach(file.code, [], counter.clerk)
    assert store_dump(counter.services) == before
    assert stored_files(_store(counter)) == []


def test_a_failed_commit_takes_the_new_object_back_but_keeps_one_already_used(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = counter.register()
    kept = pdf_bytes(1, "đã có")
    counter.services.attachments.attach(file.code, [scanned(kept)], counter.clerk)
    before = store_dump(counter.services)
    service = counter.services.attachments
    real = service.add_rows

    def add_then_fail(*args: object, **kwargs: object) -> object:
        real(*args, **kwargs)  # type: ignore[arg-type]
        raise RuntimeError("the power went out")

    monkeypatch.setattr(service, "add_rows", add_then_fail)
    with pytest.raises(RuntimeError):
        service.attach(file.code, [scanned(kept), scanned(pdf_bytes(1, "mới"))], counter.clerk)
    assert store_dump(counter.services) == before
    assert [p.name for p in stored_files(_store(counter))] == [sha256_of(kept)]
    assert service.verify().intact


def test_a_full_disk_is_a_clear_refusal_and_leaves_nothing(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = counter.register()
    before = store_dump(counter.services)
    monkeypatch.setattr("records.store.objects.open", _open_with_full_disk(open), raising=False)
    with pytest.raises(StorageUnavailable) as info:
        counter.services.attachments.attach(file.code, [scanned(pdf_bytes(4))], counter.clerk)
    monkeypatch.undo()
    assert info.value.params["reason"] == "disk_full"
    assert "disk is full" in str(info.value)
    assert store_dump(counter.services) == before
    assert stored_files(_store(counter)) == []
    counter.services.attachments.attach(file.code, [scanned(pdf_bytes(4))], counter.clerk)  # space is back
    assert counter.services.attachments.verify().intact


def _open_with_full_disk(real_open: object) -> object:
    """``open`` whose files refuse writes of more than 1,000 bytes with ENOSPC (the document, not the
    marker)."""

    class Full:
        def __init__(self, handle: object) -> None:
            self._handle = handle

        def write(self, data: bytes) -> int:
            if len(data) > 1000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self._handle.write(data)  # type: ignore[attr-defined,no-any-return]

        def __getattr__(self, name: str) -> object:
            return getattr(self._handle, name)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()  # type: ignore[attr-defined]

    def opener(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        handle = real_open(file, mode, *args, **kwargs)  # type: ignore[operator]
        return Full(handle) if "w" in mode and str(file).endswith(".part") else handle

    return opener


def test_a_read_only_documents_folder_is_a_clear_refusal(
    counter: Counter, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = counter.register()

    def refuse(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("records.store.objects.open", refuse, raising=False)
    with pytest.raises(StorageUnavailable) as info:
        counter.services.attachments.attach(file.code, [scanned()], counter.clerk)
    monkeypatch.undo()
    assert info.value.params["reason"] == "read_only" and "read-only" in str(info.value)
    assert counter.services.attachments.for_file(file.code) == []
    assert stored_files(_store(counter)) == []


# -- registering with documents ---------------------------------------------------------------------------


def test_a_file_and_its_documents_are_registered_together(counter: Counter) -> None:
    request = RegistrationRequest.from_json(registration())
    detail = counter.services.attachments.register(
        request, [scanned(), scanned(pdf_bytes(1, "khác"), "Tờ khai")], counter.clerk
    )
    views = counter.services.attachments.for_file(detail.code)
    assert [v.name for v in views] == [BIRTH, "Tờ khai"]
    assert counter.services.attachments.verify().intact


def test_papers_left_undigitized_at_registration_are_noted_with_it(counter: Counter) -> None:
    request = RegistrationRequest.from_json(registration())
    detail = counter.services.attachments.register(
        request, [scanned()], counter.clerk, undigitised=["  Tờ   khai "]
    )
    with counter.services.db.reading() as uow:
        entries = uow.session.execute(
            select(AuditEntry.action, AuditEntry.details).where(AuditEntry.entity_id == detail.code)
        ).all()
    assert [action for action, _ in entries] == ["file.registered", "attachment.added", "file.undigitised"]
    assert entries[-1][1] == {"documents": ["Tờ khai"]}
    bare = counter.services.attachments.register(
        RegistrationRequest.from_json(registration()), [], counter.clerk, undigitised=["Tờ khai"]
    )
    assert counter.services.attachments.for_file(bare.code) == []
    assert _actions(counter)[-1] == "file.undigitised"


def test_a_refused_registration_stores_no_document(counter: Counter) -> None:
    before = store_dump(counter.services)
    request = RegistrationRequest.from_json(registration(procedure="9.999999"))
    with pytest.raises(NotFound):
        counter.services.attachments.register(request, [scanned()], counter.clerk)
    assert store_dump(counter.services) == before
    assert stored_files(_store(counter)) == []


# -- reuse --------------------------------------------------------------------------------------------------


def test_a_citizens_earlier_document_is_offered_and_reused_as_the_same_object(counter: Counter) -> None:
    first = counter.register()
    [earlier] = counter.services.attachments.attach(
        first.code, [scanned(name="Giấy khai sinh")], counter.clerk
    )
    second = counter.register(received_at="2026-03-03T09:00:00")
    offers = counter.services.attachments.reusable(
        first.owner.personal_id or "", [(None, "Tờ khai"), ("KS", "giay khai sinh")]
    )
    assert [(o.attachment.id, o.matches_name) for o in offers] == [(earlier.id, "giay khai sinh")]
    assert counter.services.attachments.reusable(ID_HOA, [(None, "Giấy khai sinh")]) == []
    [reused] = counter.services.attachments.attach(
        second.code, [ReusedAttachment(earlier.id, checklist_code="KS")], counter.clerk
    )
    assert reused.sha256 == earlier.sha256 and reused.reused and reused.reused_from == earlier.id
    assert reused.source is AttachmentSource.REUSE and reused.checklist_code == "KS"
    assert len(stored_files(_store(counter))) == 1
    assert _actions(counter)[-1] == "attachment.reused"


def test_another_citizens_document_cannot_be_reused(counter: Counter) -> None:
    first = counter.register()
    [earlier] = counter.services.attachments.attach(first.code, [scanned()], counter.clerk)
    stranger = counter.register(personal_id=ID_HOA, full_name="Lê Thị Hoa")
    with pytest.raises(InvalidInput, match="same citizen"):
        counter.services.attachments.attach(stranger.code, [ReusedAttachment(earlier.id)], counter.clerk)
    with pytest.raises(NotFound):
        counter.services.attachments.attach(stranger.code, [ReusedAttachment(uuid.uuid4())], counter.clerk)


# -- opening, removing ---------------------------------------------------------------------------------------


def test_opening_a_document_is_audited_and_checks_its_bytes(counter: Counter) -> None:
    file = counter.register()
    data = pdf_bytes()
    [view] = counter.services.attachments.attach(file.code, [scanned(data)], counter.clerk)
    shown, read = counter.services.attachments.open(view.id, counter.admin)
    assert read == data and shown == view
    assert _actions(counter)[-1] == "attachment.opened"
    _store(counter).path(view.sha256).write_bytes(data[:-10] + b"0123456789")
    with pytest.raises(StorageUnavailable, match="damaged"):
        counter.services.attachments.open(view.id, counter.admin)


def test_removing_marks_the_document_and_deletes_nothing(counter: Counter) -> None:
    file = counter.register()
    [view] = counter.services.attachments.attach(file.code, [scanned()], counter.clerk)
    removed = counter.services.attachments.remove(view.id, counter.clerk, "nhầm hồ sơ")
    assert removed.removed
    assert counter.services.attachments.for_file(file.code) == []
    assert [v.id for v in counter.services.attachments.for_file(file.code, include_removed=True)] == [view.id]
    assert _store(counter).exists(view.sha256)
    with pytest.raises(DBAPIError, match="never deleted"), counter.services.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM attachments")


# -- verify and recover ----------------------------------------------------------------------------------


def test_verify_names_missing_corrupt_and_orphan_objects(counter: Counter) -> None:
    file = counter.register()
    a, b, c = (pdf_bytes(1, name) for name in ("một", "hai", "ba"))
    views = counter.services.attachments.attach(
        file.code, [scanned(a), scanned(b), scanned(c)], counter.clerk
    )
    store = _store(counter)
    assert counter.services.attachments.verify().to_json()["intact"] is True
    store.path(views[0].sha256).unlink()
    store.path(views[1].sha256).write_bytes(b"%PDF-1.4 not the same")
    orphan = pdf_bytes(1, "không thuộc hồ sơ nào")
    orphan_path = store.path(sha256_of(orphan))
    orphan_path.parent.mkdir(parents=True, exist_ok=True)
    orphan_path.write_bytes(orphan)
    report = counter.services.attachments.verify()
    assert not report.intact
    assert report.missing == (views[0].sha256,)
    assert report.corrupt == (views[1].sha256,)
    assert report.orphans == (sha256_of(orphan),)
    assert report.ok == 1 and report.objects == 3
    assert report.affected_files == (file.code,)


def test_recover_removes_what_a_dead_process_left_and_spares_a_live_one(
    counter: Counter, tmp_path: Path
) -> None:
    import json
    import subprocess
    import sys

    store = _store(counter)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(dead.stdout)
    left = pdf_bytes(1, "bỏ dở")
    live = pdf_bytes(1, "đang ghi")
    for data, pid in ((left, dead_pid), (live, os.getpid())):
        path = store.path(sha256_of(data))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        marker = store.root / "pending" / f"{sha256_of(data)}.{pid}.x.json"
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.write_text(
            json.dumps({"sha256": sha256_of(data), "pid": pid, "host": os.uname().nodename, "at": 0})
        )
    (store.root / "tmp").mkdir(exist_ok=True)
    (store.root / "tmp" / f"{dead_pid}-abc.part").write_bytes(b"half")
    assert counter.services.attachments.recover() == [sha256_of(left)]
    assert not store.exists(sha256_of(left)) and store.exists(sha256_of(live))
    assert store.pending() == [sha256_of(live)]
    assert not (store.root / "tmp" / f"{dead_pid}-abc.part").exists()
    assert counter.services.attachments.verify().orphans == ()  # the live one is pending, not an orphan
