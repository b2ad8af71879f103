"""Finding and keeping citizens: a returning citizen is found by their number, never duplicated."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from records.citizens import ApplicantKind, CitizenInput, CitizenView
from records.clock import now
from records.store.models import Citizen

# Contact particulars a returning citizen may bring up to date at the counter.
_UPDATABLE = ("full_name", "date_of_birth", "sex", "address", "phone", "email", "old_id")


def find(session: Session, given: CitizenInput) -> Citizen | None:
    """The stored citizen with the same personal ID, organisation code or (lacking both) old ID."""
    if given.personal_id:
        found = session.scalar(select(Citizen).where(Citizen.personal_id == given.personal_id))
        if found is None and given.old_id:
            # Someone first known by the old 9-digit ID who now shows a chip card with both numbers.
            found = session.scalar(
                select(Citizen).where(Citizen.old_id == given.old_id, Citizen.personal_id.is_(None)).limit(1)
            )
        return found
    if given.org_code:
        return session.scalar(select(Citizen).where(Citizen.org_code == given.org_code))
    if given.old_id:
        return session.scalar(
            select(Citizen).where(Citizen.old_id == given.old_id, Citizen.personal_id.is_(None)).limit(1)
        )
    return None


def find_or_add(session: Session, given: CitizenInput) -> tuple[Citizen, dict[str, Any]]:
    """The citizen for ``given``: the stored one brought up to date, or a new row.

    Returns the row and what changed (``{"created": True}`` or the changed fields with old and new
    values), for the audit log. Fields left empty at the counter never erase stored ones.
    """
    row = find(session, given)
    stamp = now()
    if row is None:
        row = Citizen(
            kind=int(given.kind),
            personal_id=given.personal_id,
            old_id=given.old_id,
            org_code=given.org_code,
            full_name=given.full_name,
            name_folded=given.name_folded,
            date_of_birth=given.date_of_birth,
            sex=given.sex,
            address=given.address,
            phone=given.phone,
            email=given.email,
            created_at=stamp,
            updated_at=stamp,
        )
        session.add(row)
        session.flush()
        return row, {"created": True}
    changes: dict[str, Any] = {}
    if given.personal_id and row.personal_id is None:
        changes["personal_id"] = {"old": None, "new": given.personal_id}
        row.personal_id = given.personal_id
    for field in _UPDATABLE:
        new = getattr(given, field)
        old = getattr(row, field)
        if new is not None and new != old:
            changes[field] = {"old": _plain(old), "new": _plain(new)}
            setattr(row, field, new)
    if "full_name" in changes:
        row.name_folded = given.name_folded
    if changes:
        row.updated_at = stamp
    return row, changes


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def to_view(row: Citizen) -> CitizenView:
    """The frozen view of a stored citizen."""
    return CitizenView(
        id=str(row.id),
        kind=ApplicantKind(row.kind),
        full_name=row.full_name,
        personal_id=row.personal_id,
        old_id=row.old_id,
        org_code=row.org_code,
        date_of_birth=row.date_of_birth,
        sex=row.sex,  # type: ignore[arg-type]  # stored from a checked CitizenInput
        address=row.address,
        phone=row.phone,
        email=row.email,
    )


def ids_by_number(session: Session, kind: str, number: str) -> list[uuid.UUID]:
    """Citizen ids whose personal ID, old ID or phone (``kind``) is ``number``."""
    column = {"personal_id": Citizen.personal_id, "old_id": Citizen.old_id, "phone": Citizen.phone}[kind]
    return list(session.scalars(select(Citizen.id).where(column == number)))
