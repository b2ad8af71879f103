"""The audit log: every write appends one entry (who, when, from which workstation, what).

Entries are written in the same unit of work as the change they describe, so a change and its audit
entry are kept or lost together. The table refuses UPDATE and DELETE (database triggers).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from records.clock import iso, now
from records.store.models import AuditEntry
from records.users import Actor


def append(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: str | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Add an audit entry to the unit of work ``session`` belongs to."""
    session.add(
        AuditEntry(
            at=at or now(),
            user_id=uuid.UUID(actor.user_id),
            username=actor.username,
            workstation=actor.workstation,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details or {},
        )
    )


@dataclass(frozen=True)
class AuditView:
    """One audit entry, as the services hand it out."""

    seq: int
    at: datetime
    username: str
    workstation: int | None
    action: str
    entity: str
    entity_id: str | None
    details: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The JSON the command line prints."""
        return {
            "seq": self.seq,
            "at": iso(self.at),
            "user": self.username,
            "workstation": self.workstation,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "details": self.details,
        }


def recent(session: Session, limit: int = 100, entity_id: str | None = None) -> list[AuditView]:
    """The newest entries first, optionally about one entity."""
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return [
        AuditView(e.seq, e.at, e.username, e.workstation, e.action, e.entity, e.entity_id, e.details)
        for e in session.scalars(query)
    ]
