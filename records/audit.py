"""The audit log: every write appends one entry (who, when, from which workstation, what).

Entries are written in the same unit of work as the change they describe, so a change and its audit
entry are kept or lost together. The table refuses UPDATE and DELETE (database triggers).

The entries form a **hash chain**: each stores the SHA-256 of its own content and of the entry before it
(``prev_hash``; the first one's is 64 zeros). Anyone who can write the database file can drop the triggers,
but cannot then edit, delete or reorder an entry without breaking the chain from there on, which
:func:`verify` finds and names (``motcua audit verify``). Removing the newest entries leaves a shorter chain
that still holds, and so does rewriting the whole chain (an entry edited and every later hash recomputed):
so the chain's head travels in every sync bundle, signed, the centre keeps it, and its acknowledgements
bring those heads back as **checkpoints** (``audit_checkpoints``). :func:`verify` also compares the chain
with them: an entry whose hash is not the one the centre holds (``rewritten``), or a chain that ends before
a checkpoint (``truncated``), is named. Checkpoints from before a restore of a backup that lie beyond the
restore point are not this store's history any more (``records.sync.epochs``) and are skipped.

The hash (format 1): ``SHA-256(prev_hash + "\n" + JSON)`` over the UTF-8 JSON object, keys sorted, no
spaces, of the entry's ``id``, ``at`` (ISO 8601, UTC), ``user_id``, ``username``, ``workstation``,
``action``, ``entity``, ``entity_id`` and ``details``.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from records.clock import iso, now
from records.store.models import AuditCheckpoint, AuditEntry
from records.store.types import new_id
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
    """Add an audit entry to the unit of work ``session`` belongs to, chained to the newest one."""
    entry = AuditEntry(
        id=new_id(),
        at=(at or now()).astimezone(UTC),
        user_id=uuid.UUID(actor.user_id),
        username=actor.username,
        workstation=actor.workstation,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=details or {},
    )
    if session.get_bind().dialect.name == "postgresql":
        # Writers queue here, so that two of them never chain to the same head (SQLite's writers queue on
        # the database lock already).
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK})
    entry.prev_hash = head(session).hash  # the query flushes entries added before in this unit of work
    entry.hash = entry_hash(entry.prev_hash, entry)
    session.add(entry)


GENESIS = "0" * 64  # the prev_hash of the first entry
CHAIN_LOCK = 0x6D6F7463  # PostgreSQL advisory lock key of the chain's head


@dataclass(frozen=True)
class ChainHead:
    """The newest entry of the chain: its sequence number and hash (``0`` and :data:`GENESIS` when empty)."""

    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        """The form a sync bundle's manifest carries."""
        return {"seq": self.seq, "hash": self.hash}


def head(session: Session) -> ChainHead:
    """The chain's newest entry."""
    row = session.execute(
        select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    if row is None:
        return ChainHead(0, GENESIS)
    return ChainHead(int(row[0]), str(row[1] or ""))


def entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    """The chain hash of ``entry`` following ``prev_hash`` (format 1, see the module's docstring)."""
    content = {
        "id": str(entry.id),
        "at": entry.at.astimezone(UTC).isoformat(),
        "user_id": str(entry.user_id) if entry.user_id else None,
        "username": entry.username,
        "workstation": entry.workstation,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "details": entry.details or {},
    }
    body = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """What :func:`verify` found: intact or not, how many entries, the head, and the first broken link."""

    intact: bool
    entries: int
    head: ChainHead
    broken_seq: int | None = None
    broken_id: str | None = None
    reason: str | None = None  # "edited", "missing_or_reordered", "unchained", "rewritten", "truncated"
    message: str | None = None
    checkpoints_checked: int = 0  # the centre's checkpoints the chain was compared with
    checkpoints_skipped: int = 0  # checkpoints beyond a restore point (entries a restore undid)

    def to_json(self) -> dict[str, Any]:
        """``motcua audit verify --json``."""
        return {
            "intact": self.intact,
            "entries": self.entries,
            "head": self.head.to_json(),
            "checkpoints": {"checked": self.checkpoints_checked, "skipped": self.checkpoints_skipped},
            "first_broken": None
            if self.intact
            else {
                "seq": self.broken_seq,
                "id": self.broken_id,
                "reason": self.reason,
                "message": self.message,
            },
        }


def verify(
    session: Session, checkpoints: Mapping[int, frozenset[str]] | None = None, skipped: int = 0
) -> ChainReport:
    """Walk the chain in order and recompute it: the first entry whose content no longer matches its hash
    (``edited``), whose link does not point at the entry before it (``missing_or_reordered``: an entry
    deleted or moved before it), or that has no hash (``unchained``) is named. With ``checkpoints`` (entry
    number → the hashes the centre holds for it, :func:`checkpoints`), an entry whose hash differs from one
    of them, or a checkpoint's entry that is gone, is ``rewritten``; a chain that ends before a checkpoint
    is ``truncated``."""
    previous = ChainHead(0, GENESIS)
    count = 0
    pending = sorted((checkpoints or {}).items())
    checked = 0
    stmt = select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=1000)
    for entry in session.scalars(stmt):
        count += 1
        broken: tuple[str, str] | None = None
        if pending and pending[0][0] < entry.seq:
            seq = pending[0][0]
            message = (
                f"entry {seq} is gone, but the centre holds its hash (a checkpoint): the log was rewritten"
            )
            return ChainReport(False, count, previous, seq, None, "rewritten", message, checked, skipped)
        if not entry.hash or not entry.prev_hash:
            broken = ("unchained", f"entry {entry.seq} carries no chain hash")
        elif entry.prev_hash != previous.hash:
            broken = (
                "missing_or_reordered",
                f"entry {entry.seq} does not follow entry {previous.seq}: an entry between them was deleted, "
                "or entries were moved",
            )
        elif entry_hash(entry.prev_hash, entry) != entry.hash:
            broken = ("edited", f"entry {entry.seq} was changed after it was written")
        elif pending and pending[0][0] == entry.seq:
            _seq, expected = pending.pop(0)
            checked += len(expected)
            if expected != {entry.hash}:
                broken = (
                    "rewritten",
                    f"entry {entry.seq} is not the one the centre received (its checkpoint's hash differs): "
                    "the log was rewritten from this entry or before",
                )
        if broken is not None:
            return ChainReport(
                False, count, previous, entry.seq, str(entry.id), broken[0], broken[1], checked, skipped
            )
        previous = ChainHead(entry.seq, entry.hash or "")
    if pending:
        seq = pending[-1][0]
        return ChainReport(
            False,
            count,
            previous,
            seq,
            None,
            "truncated",
            f"the log ends at entry {previous.seq}, but the centre holds a checkpoint of entry {seq}: "
            "the newest entries were removed",
            checked,
            skipped,
        )
    return ChainReport(True, count, previous, checkpoints_checked=checked, checkpoints_skipped=skipped)


def checkpoints(session: Session, limits: Mapping[str, int | None]) -> tuple[dict[int, frozenset[str]], int]:
    """The checkpoints kept from the centre's acknowledgements that belong to this store's history (entry
    number → hashes), and how many were skipped. ``limits``: per store epoch, up to which entry its chain
    is this store's (``None``: all of it; ``records.sync.epochs.checkpoint_limits``, where ``""`` stands for
    bundles that carried no epoch); a checkpoint of an epoch not listed is skipped (another store's), unless
    ``limits`` is empty."""
    found: dict[int, set[str]] = {}
    skipped = 0
    for epoch, seq, digest in session.execute(
        select(AuditCheckpoint.epoch, AuditCheckpoint.seq, AuditCheckpoint.hash)
    ):
        if limits and epoch not in limits:
            skipped += 1
            continue
        limit = limits.get(epoch) if limits else None
        if limit is not None and seq > limit:
            skipped += 1
            continue
        found.setdefault(int(seq), set()).add(str(digest))
    return {seq: frozenset(hashes) for seq, hashes in found.items()}, skipped


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
