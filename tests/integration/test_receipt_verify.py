"""Receipt codes against a real store: signing a file's code, checking one presented at the counter,
trusting another workstation's key, and ``motcua receipt verify`` / ``motcua key``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from integration.cli_runner import Run, run_cli
from integration.helpers import AGENCY_CODE, ID_DAT, ID_DUC, ID_HOA, Counter, store_dump, vn
from records import audit
from records.errors import InvalidInput, InvalidQrText, NotInitialised, PermissionDenied
from records.files import FileDetail
from records.keys import InstallationKeys, format_key_id
from records.receipt_codes import ReceiptClaim, SignedReceiptCode, build, id_hash, parse
from records.services import build_services
from records.workflow import Status

CHECK_KEYS = {
    "valid", "status", "file_code", "agency_code", "appointment", "key_id", "signer", "file_exists",
    "file_status", "file_due_at", "appointment_matches", "id_matches",
}  # fmt: skip
LINK = "https://dichvucong.example.gov.vn/tra-cuu?ma={payload}"


def signed_elsewhere(keys: InstallationKeys, file_code: str, appointment_iso: str, id_number: str) -> str:
    """A receipt code another installation (holding ``keys``) printed."""
    claim = ReceiptClaim(
        file_code,
        AGENCY_CODE,
        vn(appointment_iso),
        id_hash(keys.id_salt(), file_code, id_number),
        keys.key_id(),
    )
    return build(claim, keys.sign).text


def tampered(code: SignedReceiptCode, appointment: str) -> str:
    """``code`` with its appointment digits (``yyMMddHHmm``) changed and its signature kept."""
    head, digits = code.text.rsplit("*", 1)
    return f"{head}*{appointment}{digits[10:]}"


# -- signing and checking ------------------------------------------------------------------------------------


def test_a_files_code_verifies_here(counter: Counter) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    code = counter.services.receipts.code_for(detail)
    assert code.claim.file_code == detail.code
    assert code.claim.agency_code == AGENCY_CODE
    assert code.claim.appointment == detail.appointment == vn("2026-03-05T17:00:00")
    assert (counter.location.data_dir / "keys" / "installation-ed25519.pem").is_file()

    check = counter.services.receipts.verify(code.text)
    assert (check.valid, check.status) == (True, "valid")
    assert (check.signer_kind, check.signer_label) == ("this_installation", f"{AGENCY_CODE} workstation 1")
    assert check.file_exists
    assert check.file_status is Status.RECEIVED
    assert check.file_due_at == vn("2026-03-05T17:00:00")
    assert check.appointment_matches is True
    assert check.id_matches is None  # not asked

    data = check.to_json()
    assert set(data) == CHECK_KEYS
    assert data["appointment"] == "2026-03-05T17:00:00+07:00"
    assert data["key_id"] == format_key_id(counter.services.receipts.key_id())
    assert data["signer"] == {"kind": "this_installation", "label": f"{AGENCY_CODE} workstation 1"}
    assert (data["file_status"], data["file_due_at"]) == ("received", "2026-03-05T17:00:00+07:00")


def test_the_owners_id(counter: Counter) -> None:
    """At the return counter the clerk types the ID of the person holding the receipt."""
    detail = counter.register(owner={"personal_id": ID_HOA, "full_name": "Lê Thị Hoa"})  # submitted by Đức
    text = counter.services.receipts.code_for(detail).text
    receipts = counter.services.receipts
    assert receipts.verify(text, id_number=ID_HOA).id_matches is True
    assert receipts.verify(text, id_number=" 079 301 004 567 ").id_matches is True
    assert receipts.verify(text, id_number=ID_DUC).id_matches is False  # the submitter is not the owner
    assert receipts.verify(text, id_number=ID_DAT).id_matches is False


def test_the_code_stays_valid_as_the_file_moves_on(counter: Counter) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    text = counter.services.receipts.code_for(detail).text
    counter.services.files.extend(detail.code, counter.clerk, "Cần xác minh thêm", working_days=2)
    counter.services.files.set_status(detail.code, Status.IN_PROGRESS, counter.clerk)
    check = counter.services.receipts.verify(text)
    assert check.valid
    assert check.file_status is Status.IN_PROGRESS
    assert check.file_due_at == vn("2026-03-09T17:00:00")  # the extended due date
    assert check.appointment_matches is True  # the receipt's appointment is the one it was given
    assert counter.services.receipts.code_for(counter.services.files.show(detail.code)).text == text


def test_a_changed_appointment_fails_the_signature(counter: Counter) -> None:
    detail = counter.register(received_at="2026-03-02T09:00:00")
    code = counter.services.receipts.code_for(detail)
    check = counter.services.receipts.verify(tampered(code, "2603101700"))
    assert (check.valid, check.status) == (False, "invalid_signature")
    assert check.signer_kind == "this_installation"  # the key it claims; that key did not sign it
    assert check.appointment_matches is False
    assert check.id_matches is None
    assert counter.services.receipts.verify(tampered(code, "2603101700"), id_number=ID_DUC).id_matches is None


def test_a_genuine_code_whose_file_differs_here(counter: Counter) -> None:
    """Signed by this installation but not matching the store (restored from an older backup): the
    check says so."""
    detail = counter.register(received_at="2026-03-02T09:00:00")
    keys = InstallationKeys(counter.location.data_dir / "keys")
    text = signed_elsewhere(keys, detail.code, "2026-03-06T17:00:00", ID_DUC)
    check = counter.services.receipts.verify(text, id_number=ID_DUC)
    assert check.valid
    assert check.appointment_matches is False
    assert check.id_matches is True


def test_a_file_without_an_appointment_has_no_code(counter: Counter) -> None:
    detail = counter.register(status="refused")
    assert detail.appointment is None
    with pytest.raises(InvalidInput, match="no appointment"):
        counter.services.receipts.code_for(detail)


def test_not_a_receipt_code(counter: Counter) -> None:
    with pytest.raises(InvalidQrText, match="not a MotCua receipt code"):
        counter.services.receipts.verify("001099012345|123456789|Nguyễn Văn Đức|15081999|Nam|Thôn 1|01022021")


def test_without_a_key_folder_signing_and_checking_are_refused(counter: Counter) -> None:
    detail = counter.register()
    receipts = build_services(counter.services.db).receipts
    with pytest.raises(NotInitialised, match="no key folder"):
        receipts.code_for(detail)
    with pytest.raises(NotInitialised):
        receipts.verify(counter.services.receipts.code_for(detail).text)


def test_the_label_before_initialisation(tmp_path: Path) -> None:
    from desktop.context import open_services, resolve

    services = open_services(resolve(str(tmp_path / "fresh")))
    try:
        keys = InstallationKeys(tmp_path / "fresh" / "keys")
        check = services.receipts.verify(
            signed_elsewhere(keys, "H55.242-260302-0001", "2026-03-05T17:00", ID_DUC)
        )
        assert (check.valid, check.signer_label) == (True, "this installation")
        assert (check.file_exists, check.file_status, check.appointment_matches) == (False, None, None)
    finally:
        services.db.dispose()


# -- the QR text ---------------------------------------------------------------------------------------------


def test_the_qr_text_is_the_code_or_the_lookup_link(counter: Counter) -> None:
    receipts = counter.services.receipts
    detail = counter.register()
    code = receipts.code_for(detail)
    assert receipts.qr_text_for(detail) == code.text

    assert receipts.set_lookup_url(counter.admin, f" {LINK} ") == LINK
    text = receipts.qr_text_for(detail)
    assert text == LINK.format(payload=code.text)
    assert receipts.verify(text).valid  # scanning the link verifies too
    with counter.services.db.reading() as uow:
        entry = audit.recent(uow.session, limit=1)[0]
    assert (entry.action, entry.username, entry.details) == (
        "receipt.lookup_url_set",
        "admin",
        {"template": LINK},
    )

    receipts.set_lookup_url(counter.admin, None)
    assert receipts.qr_text_for(detail) == code.text


def test_a_bad_lookup_link_is_refused(counter: Counter) -> None:
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="payload"):
        counter.services.receipts.set_lookup_url(counter.admin, "https://example.vn/tra-cuu")
    with pytest.raises(PermissionDenied):
        counter.services.receipts.set_lookup_url(counter.clerk, LINK)
    assert store_dump(counter.services) == before


# -- trusted keys --------------------------------------------------------------------------------------------


def test_another_workstations_key_once_trusted(counter: Counter, tmp_path: Path) -> None:
    other = InstallationKeys(tmp_path / "other-workstation" / "keys")
    text = signed_elsewhere(other, "H55.242-260302-2001", "2026-03-05T17:00:00", ID_DUC)
    receipts = counter.services.receipts

    unknown = receipts.verify(text, id_number=ID_DUC)
    assert (unknown.valid, unknown.status) == (False, "unknown_key")
    assert (unknown.signer_kind, unknown.signer_label) == ("unknown", None)
    assert unknown.file_exists is False
    assert unknown.appointment_matches is None

    trusted = receipts.trust_key(counter.admin, other.public_key_text(), "Xã Tân Phú, máy 2")
    assert trusted.key == other.public_key()
    assert [k.key for k in receipts.trusted_keys()] == [other.public_key()]
    check = receipts.verify(text, id_number=ID_DUC)
    assert (check.valid, check.status) == (True, "valid")
    assert (check.signer_kind, check.signer_label) == ("trusted", "Xã Tân Phú, máy 2")
    assert check.id_matches is None  # its salt stays on the other workstation

    with counter.services.db.reading() as uow:
        entry = audit.recent(uow.session, limit=1)[0]
    assert (entry.action, entry.username) == ("receipt.key_trusted", "admin")
    assert entry.details["key"] == other.public_key_text()

    # A trusted key does not make a changed code valid.
    forged = tampered(parse(text), "2603201700")
    assert receipts.verify(forged).status == "invalid_signature"
    assert receipts.verify(forged).signer_kind == "trusted"


def test_trusting_a_key_refusals(counter: Counter, tmp_path: Path) -> None:
    receipts = counter.services.receipts
    other = InstallationKeys(tmp_path / "other" / "keys")
    receipts.trust_key(counter.admin, other.public_key_text(), "Máy 2")
    before = store_dump(counter.services)
    with pytest.raises(InvalidInput, match="already trusted"):
        receipts.trust_key(counter.admin, other.public_key_text(), "Máy 2 lần nữa")
    with pytest.raises(InvalidInput, match="own key"):
        receipts.trust_key(counter.admin, receipts.public_key_text(), "Chính máy này")
    with pytest.raises(InvalidInput, match="not a public key"):
        receipts.trust_key(counter.admin, "ed25519:abc", "Máy 3")
    with pytest.raises(InvalidInput, match="label"):
        receipts.trust_key(counter.admin, InstallationKeys(tmp_path / "third").public_key_text(), "  ")
    with pytest.raises(PermissionDenied):
        receipts.trust_key(counter.clerk, InstallationKeys(tmp_path / "fourth").public_key_text(), "Máy 4")
    assert store_dump(counter.services) == before


# -- the command line ----------------------------------------------------------------------------------------


@pytest.fixture
def motcua(
    counter: Counter, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    """``motcua --data-dir <the counter's data folder> …``, in-process."""

    def run(*argv: str, stdin: str | None = None, data_dir: Path | None = None) -> Run:
        return run_cli(
            capsys, monkeypatch, ["--data-dir", str(data_dir or counter.location.data_dir), *argv], stdin
        )

    return run


@pytest.fixture
def detail(counter: Counter) -> FileDetail:
    return counter.register(received_at="2026-03-02T09:00:00")


def test_cli_valid(counter: Counter, detail: FileDetail, motcua: Callable[..., Run]) -> None:
    text = counter.services.receipts.code_for(detail).text
    result = motcua("receipt", "verify", text)
    assert result.code == 0, result.err
    key = format_key_id(counter.services.receipts.key_id())
    assert result.out.splitlines() == [
        f"valid: file {detail.code} (agency {AGENCY_CODE}), appointment 17:00 05/03/2026, signed by this "
        f"installation ({AGENCY_CODE} workstation 1, key {key}); the file exists here (status received)"
    ]

    result = motcua("receipt", "verify", "-", "--json", "--id", ID_DUC, stdin=f"\n {text} \n")
    assert result.code == 0, result.err
    data = result.json()
    assert set(data) == CHECK_KEYS
    assert (data["valid"], data["status"], data["file_code"]) == (True, "valid", detail.code)
    assert (data["file_exists"], data["appointment_matches"], data["id_matches"]) == (True, True, True)

    wrong = motcua("receipt", "verify", text, "--json", "--id", ID_HOA)
    assert wrong.code == 0  # the code is genuine; the answer about the ID is in the JSON
    assert wrong.json()["id_matches"] is False
    wrong = motcua("receipt", "verify", text, "--id", ID_HOA)
    assert "the ID is NOT the file's owner's" in wrong.out

    link = motcua("receipt", "verify", LINK.format(payload=text.replace("*", "%2A")), "--json")
    assert (link.code, link.json()["valid"]) == (0, True)


def test_cli_invalid_signature(counter: Counter, detail: FileDetail, motcua: Callable[..., Run]) -> None:
    forged = tampered(counter.services.receipts.code_for(detail), "2603201700")
    key = format_key_id(counter.services.receipts.key_id())
    result = motcua("receipt", "verify", forged)
    assert result.code == 1
    assert result.out.splitlines() == [
        f"INVALID: the signature does not match (key {key}, {AGENCY_CODE} workstation 1)"
    ]
    result = motcua("receipt", "verify", forged, "--json")
    assert result.code == 1
    assert (result.json()["valid"], result.json()["status"]) == (False, "invalid_signature")


def test_cli_unknown_key_then_trusted(counter: Counter, motcua: Callable[..., Run], tmp_path: Path) -> None:
    other = InstallationKeys(tmp_path / "other" / "keys")
    text = signed_elsewhere(other, "H55.242-260302-2001", "2026-03-05T17:00:00", ID_DUC)
    result = motcua("receipt", "verify", text)
    assert result.code == 1
    assert result.out.startswith(f"INVALID: signed with key {format_key_id(other.key_id())}")
    result = motcua("receipt", "verify", text, "--json")
    assert (result.code, result.json()["status"], result.json()["signer"]) == (
        1,
        "unknown_key",
        {"kind": "unknown", "label": None},
    )

    trusted = motcua("key", "trust", other.public_key_text(), "--label", "Máy 2")
    assert trusted.code == 0, trusted.err
    assert trusted.out.strip() == f"trusted key {format_key_id(other.key_id())} (Máy 2)"
    result = motcua("receipt", "verify", text, "--json")
    assert result.code == 0
    assert result.json()["signer"] == {"kind": "trusted", "label": "Máy 2"}
    assert result.json()["file_exists"] is False

    again = motcua("key", "trust", other.public_key_text(), "--label", "Máy 2")
    assert again.code == 2
    assert again.err.startswith("motcua: error: ") and "already trusted" in again.err


@pytest.mark.parametrize(
    "text", ["hello", "", "MC2*H55.242-260302-0001**" + "0" * 190, "001099012345|123456789|Đức|15081999"]
)
def test_cli_not_a_receipt_code(motcua: Callable[..., Run], tmp_path: Path, text: str) -> None:
    nowhere = tmp_path / "never-made"
    result = motcua("receipt", "verify", text, "--json", data_dir=nowhere)
    assert result.code == 2
    assert result.out == ""
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("motcua: error: ")
    assert not nowhere.exists()  # refused before any store was made


def test_cli_key_show(counter: Counter, motcua: Callable[..., Run]) -> None:
    result = motcua("key", "show")
    assert result.code == 0
    assert result.out.strip() == counter.services.receipts.public_key_text()
    result = motcua("key", "show", "--json")
    assert result.json() == {
        "public_key": counter.services.receipts.public_key_text(),
        "key_id": format_key_id(counter.services.receipts.key_id()),
    }
    own = motcua("key", "trust", counter.services.receipts.public_key_text(), "--label", "x")
    assert own.code == 2 and "own key" in own.err


def test_two_stores_keep_their_own_keys(make_counter: Callable[..., Counter]) -> None:
    one, two = make_counter("one"), make_counter("two")
    assert one.services.receipts.public_key_text() != two.services.receipts.public_key_text()
    text = one.services.receipts.code_for(one.register()).text
    assert two.services.receipts.verify(text).status == "unknown_key"
