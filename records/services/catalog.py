"""The procedure catalogue in the store: seeding, import and export, lookups by code and date.

A version that a file refers to is frozen: an import may close it (set its end date) but never change its
rules. Change rules by adding a version with a later effective date.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from records import audit
from records.clock import now
from records.errors import CatalogError, NotFound
from records.procedures import (
    Procedure,
    ProcedureVersion,
    dump_catalog,
    load_catalog,
    load_seed_catalog,
    search_key,
)
from records.store.database import Database
from records.store.models import File
from records.store.models import Procedure as ProcedureRow
from records.store.models import ProcedureVersion as VersionRow
from records.text import fold
from records.users import Actor, require_admin


@dataclass(frozen=True)
class CatalogImportResult:
    """What an import changed."""

    procedures_added: int
    procedures_updated: int
    versions_added: int
    versions_updated: int
    unchanged: int

    def to_json(self) -> dict[str, int]:
        """The JSON the command line prints."""
        return self.__dict__.copy()


@dataclass(frozen=True)
class ProcedureSummary:
    """A procedure as pickers and lists show it."""

    code: str
    name: str
    field: str


def rule_hash(rule: dict[str, Any]) -> str:
    """A hash of a version's rules, its end date left out (closing a version does not change its rules)."""
    frozen = {k: v for k, v in rule.items() if k != "effective_to"}
    return hashlib.sha256(json.dumps(frozen, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class CatalogService:
    """The procedure catalogue."""

    def __init__(self, db: Database, before_import: Callable[[], object] | None = None) -> None:
        self._db = db
        self._before_import = before_import  # the automatic backup before a change of the catalogue

    def seed_if_empty(self, actor: Actor) -> bool:
        """Load the shipped catalogue into an empty store; ``True`` when it did."""
        with self._db.writing() as uow:
            if uow.session.scalar(select(func.count()).select_from(ProcedureRow)):
                return False
            result = _apply(uow.session, load_seed_catalog())
            audit.append(uow.session, actor, "catalog.seeded", "catalog", None, result.to_json())
            uow.commit()
            return True

    def import_text(self, text: str, actor: Actor) -> CatalogImportResult:
        """Import a catalogue document (JSON; administrators only); all of it or, on any error, nothing."""
        require_admin(actor, "change the procedure catalogue")
        procedures = load_catalog(text)
        if self._before_import is not None:
            self._before_import()
        with self._db.writing() as uow:
            result = _apply(uow.session, procedures)
            audit.append(uow.session, actor, "catalog.imported", "catalog", None, result.to_json())
            uow.commit()
        return result

    def export_text(self) -> str:
        """The whole catalogue as a JSON document that :meth:`import_text` reads back."""
        with self._db.reading() as uow:
            return dump_catalog(_load_all(uow.session))

    def procedures(self) -> list[Procedure]:
        """Every procedure with its versions."""
        with self._db.reading() as uow:
            return _load_all(uow.session)

    def get(self, code: str) -> Procedure:
        """One procedure with its versions."""
        with self._db.reading() as uow:
            return load_procedure(uow.session, code)

    def search(self, query: str, limit: int = 20) -> list[ProcedureSummary]:
        """Procedures whose code, name or field contains every word of ``query``, diacritics ignored."""
        words = fold(query).split()
        stmt = select(ProcedureRow).where(ProcedureRow.active.is_(True)).order_by(ProcedureRow.code)
        for word in words:
            stmt = stmt.where(ProcedureRow.search_key.contains(word, autoescape=True))
        with self._db.reading() as uow:
            rows = uow.session.scalars(stmt.limit(limit))
            return [ProcedureSummary(r.code, r.name, r.field) for r in rows]


def load_procedure(session: Session, code: str) -> Procedure:
    """A procedure and its versions within an existing unit of work."""
    row = session.get(ProcedureRow, code.strip())
    if row is None:
        raise NotFound(f"no procedure with code {code!r} in the catalogue", code=code)
    return _to_domain(session, row)


def version_in_force(session: Session, code: str, day: date) -> tuple[uuid.UUID, Procedure, ProcedureVersion]:
    """The id and rules of the version of procedure ``code`` in force on ``day``; a procedure not in the
    catalogue (:class:`NotFound`) or with no version that day (:class:`CatalogError`) names ``procedure``."""
    try:
        procedure = load_procedure(session, code)
        version = procedure.version_at(day)
    except (NotFound, CatalogError) as exc:
        raise exc.about("procedure") from None
    version_id = session.scalar(
        select(VersionRow.id).where(
            VersionRow.procedure_code == procedure.code, VersionRow.effective_from == version.effective_from
        )
    )
    assert version_id is not None
    return version_id, procedure, version


def _to_domain(session: Session, row: ProcedureRow) -> Procedure:
    versions = session.scalars(
        select(VersionRow).where(VersionRow.procedure_code == row.code).order_by(VersionRow.effective_from)
    )
    return Procedure(
        code=row.code,
        name=row.name,
        field=row.field,
        field_code=row.field_code,
        versions=tuple(ProcedureVersion.from_json(v.rule) for v in versions),
    )


def _load_all(session: Session) -> list[Procedure]:
    rows = session.scalars(select(ProcedureRow).order_by(ProcedureRow.code))
    return [_to_domain(session, r) for r in rows]


def _apply(session: Session, procedures: list[Procedure]) -> CatalogImportResult:
    counts = {
        "procedures_added": 0,
        "procedures_updated": 0,
        "versions_added": 0,
        "versions_updated": 0,
        "unchanged": 0,
    }
    stamp = now()
    for procedure in procedures:
        row = session.get(ProcedureRow, procedure.code)
        key = search_key(procedure)
        if row is None:
            session.add(
                ProcedureRow(
                    code=procedure.code,
                    name=procedure.name,
                    name_folded=fold(procedure.name),
                    field=procedure.field,
                    field_code=procedure.field_code,
                    search_key=key,
                    active=True,
                    updated_at=stamp,
                )
            )
            counts["procedures_added"] += 1
        elif (row.name, row.field, row.field_code) != (procedure.name, procedure.field, procedure.field_code):
            row.name, row.field, row.field_code, row.search_key = (
                procedure.name,
                procedure.field,
                procedure.field_code,
                key,
            )
            row.name_folded = fold(procedure.name)
            row.updated_at = stamp
            counts["procedures_updated"] += 1
        else:
            counts["unchanged"] += 1
        session.flush()
        for version in procedure.versions:
            rule = version.to_json()
            digest = rule_hash(rule)
            existing = session.scalar(
                select(VersionRow).where(
                    VersionRow.procedure_code == procedure.code,
                    VersionRow.effective_from == version.effective_from,
                )
            )
            if existing is None:
                session.add(
                    VersionRow(
                        procedure_code=procedure.code,
                        effective_from=version.effective_from,
                        effective_to=version.effective_to,
                        rule=rule,
                        rule_hash=digest,
                    )
                )
                counts["versions_added"] += 1
                continue
            if existing.rule_hash == digest and existing.effective_to == version.effective_to:
                continue
            if existing.rule_hash != digest:
                used = session.scalar(
                    select(func.count()).select_from(File).where(File.procedure_version_id == existing.id)
                )
                if used:
                    raise CatalogError(
                        f"procedure {procedure.code}: the version in force from "
                        f"{version.effective_from.isoformat()} is used by {used} file(s) and cannot change; "
                        "add a version with a later effective_from instead",
                        code=procedure.code,
                    )
            existing.rule = rule
            existing.rule_hash = digest
            existing.effective_to = version.effective_to
            counts["versions_updated"] += 1
        session.flush()
        # Reject an import that leaves this procedure's stored versions overlapping.
        _to_domain(session, session.get(ProcedureRow, procedure.code))  # type: ignore[arg-type]
    return CatalogImportResult(**counts)
