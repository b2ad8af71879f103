"""Store epochs: a restored workstation's new changes are never taken for old ones.

A workstation numbers its changes (``sync_changes.seq``) 1, 2, 3 … and the centre keeps, per row, the number
of the change it applied last, so that an older change sent again is skipped. A store restored from an
older backup numbers its new changes from where the backup stopped: numbers the centre may already hold,
for other changes (the ones the restore undid). So each store has an **epoch** (``store_epochs``): the
first one is made when missing (at the first export), and every restore
(:meth:`records.services.backups.BackupService.restore`) begins a new one with a random id, recording its
parent (the restored store's epoch), the last change the store held (``fork_seq``: the changes up to it are
the parent's, the ones after it the new epoch's) and the audit chain's head then (``audit_fork_seq``). The
rows form a chain, oldest first: the store's *lineage*. The first epoch's id is derived from the store's
first audit entry (a random UUIDv7 made when the store was initialised): a backup made before epochs
existed, restored, begins the same first epoch as the store it came from, and a store made anew another.

Every bundle carries the lineage in its signed manifest (``store_epoch``, the current id, and
``store_epochs``, ``[{"id", "parent", "fork_seq"}, …]`` oldest first); bundles without it (older versions)
belong to the workstation's first epoch.

**The centre** (:class:`EpochMap`) numbers each epoch's own changes apart: the first epoch keeps the
workstation's numbers; a later one gets a range above every number the centre has used for that
workstation (with room to spare, :data:`GAP`, for late bundles of the epochs before). A change up to the
fork point keeps its parent's number. Comparing two of the workstation's changes to the same row then
says whether one comes after the other in the store's history, or whether they are on two branches (the
centre holds a version the restore undid): such a row is merged as if another site had sent it, so that
a field both versions changed becomes a conflict (``sync_conflicts``) and nothing the centre holds is
overwritten silently. Each epoch follows on from its own last change (``sequence_gap`` otherwise), and the
acknowledgement names the epoch its ``acked_seq`` counts in.
"""

from __future__ import annotations

import bisect
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from records.clock import now
from records.errors import BundleRefused
from records.store.models import AuditEntry, StoreEpoch, SyncChange
from records.store.types import new_id

ROOT_NAMESPACE = uuid.UUID("6d6f7463-7561-4465-b370-6f6368730000")  # first epoch ids (uuid5)
GAP = 1_000_000  # numbers left free after a workstation's used ones when a new epoch begins at the centre
MAX_LINEAGE = 1000  # epochs a manifest may list


@dataclass(frozen=True)
class Epoch:
    """One epoch of a store's lineage, as bundles carry it."""

    id: str
    parent: str | None
    fork_seq: int
    audit_fork_seq: int = 0

    def to_json(self) -> dict[str, Any]:
        """One item of a manifest's ``store_epochs``."""
        return {"id": self.id, "parent": self.parent, "fork_seq": self.fork_seq}


# -- the workstation -----------------------------------------------------------------------------------------


def lineage(session: Session) -> list[Epoch]:
    """This store's epochs, oldest first (the last is the current one); empty before the first export."""
    rows = session.scalars(select(StoreEpoch).order_by(StoreEpoch.number)).all()
    return [Epoch(r.id, r.parent_id, r.fork_seq, r.audit_fork_seq) for r in rows]


def ensure(session: Session) -> Epoch:
    """The current epoch, the first one made when there is none."""
    found = lineage(session)
    if found:
        return found[-1]
    return begin(session, None, "first")


def begin(session: Session, parent: str | None, reason: str) -> Epoch:
    """Begin a new epoch after ``parent`` at the store's current change and audit head (the first epoch,
    without a parent, covers the store's changes from the first)."""
    fork = int(session.scalar(select(func.max(SyncChange.seq))) or 0) if parent is not None else 0
    audit_fork = int(session.scalar(select(func.max(AuditEntry.seq))) or 0) if parent is not None else 0
    epoch = Epoch(str(new_id()) if parent is not None else _first_id(session), parent, fork, audit_fork)
    session.add(
        StoreEpoch(
            id=epoch.id,
            parent_id=parent,
            fork_seq=fork,
            audit_fork_seq=audit_fork,
            started_at=now(),
            reason=reason,
        )
    )
    session.flush()
    return epoch


def after_restore(session: Session) -> Epoch:
    """Begin the epoch of a store just restored from a backup (after its first one, made when the backup
    is from before epochs)."""
    return begin(session, ensure(session).id, "restored")


def _first_id(session: Session) -> str:
    """The first epoch's id: derived from the store's first audit entry (random when there is none)."""
    first = session.scalar(select(AuditEntry.id).order_by(AuditEntry.seq).limit(1))
    return str(uuid.uuid5(ROOT_NAMESPACE, str(first))) if first is not None else str(new_id())


def usable_ack(chain: Sequence[Epoch], epoch: str | None, acked_seq: int) -> int | None:
    """How far an acknowledgement of changes up to ``acked_seq`` of ``epoch`` reaches in this store's current
    numbering: all of it for the current epoch (or an ack that names none), up to the fork for an earlier
    epoch of the lineage (the changes after it were undone by a restore), nothing (``None``) for an epoch
    this store does not descend from."""
    if epoch is None or not chain or epoch == chain[-1].id:
        return acked_seq
    ids = [e.id for e in chain]
    if epoch not in ids:
        return None
    index = ids.index(epoch)
    return min([acked_seq, *(e.fork_seq for e in chain[index + 1 :])])


def checkpoint_limits(chain: Sequence[Epoch]) -> dict[str, int | None]:
    """For each epoch of the lineage, up to which audit entry its chain is this store's (``None``: all of
    it, the current epoch); checkpoints received from an epoch beyond its limit belong to entries a restore
    undid. The key ``""`` (bundles that carried no epoch) is the first epoch's."""
    limits: dict[str, int | None] = {}
    for index, epoch in enumerate(chain):
        later = [e.audit_fork_seq for e in chain[index + 1 :]]
        limits[epoch.id] = min(later) if later else None
    limits[""] = limits[chain[0].id] if chain else None
    return limits


# -- the centre ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CentreEpoch:
    """An epoch as the centre numbers it: its changes after ``fork_seq`` get ``offset`` added, and its own
    numbers start at ``start``."""

    id: str
    parent: str | None
    fork_seq: int
    offset: int
    start: int


def parse_lineage(manifest: dict[str, Any]) -> list[Epoch]:
    """The lineage a (signed) manifest carries, checked: oldest first, each the parent of the next, the last
    the ``store_epoch``; empty for a bundle that carries none. :class:`BundleRefused` (``corrupt``) when
    malformed."""
    current, items = manifest.get("store_epoch"), manifest.get("store_epochs")
    if current is None and items is None:
        return []
    refused = BundleRefused("the manifest's store epochs are malformed", reason="corrupt")
    if not isinstance(current, str) or not isinstance(items, list) or not 1 <= len(items) <= MAX_LINEAGE:
        raise refused
    chain: list[Epoch] = []
    for item in items:
        if not isinstance(item, dict):
            raise refused
        epoch_id, parent, fork = item.get("id"), item.get("parent"), item.get("fork_seq")
        if (
            not isinstance(epoch_id, str)
            or not 1 <= len(epoch_id) <= 36
            or not isinstance(fork, int)
            or isinstance(fork, bool)
            or fork < 0
            or parent != (chain[-1].id if chain else None)
            or any(e.id == epoch_id for e in chain)
        ):
            raise refused
        chain.append(Epoch(epoch_id, parent, fork))
    if chain[-1].id != current:
        raise refused
    return chain


class EpochMap:
    """A workstation's epochs at the centre, and the bundle's epoch ``current``: its changes' numbers as
    the centre keeps them (:meth:`centre_seq`) and the order of two of them (:meth:`after`). Without epochs
    (``EpochMap([], None)``) numbers are the workstation's and compare as numbers."""

    def __init__(self, epochs: Sequence[CentreEpoch], current: str | None) -> None:
        self._by_id = {e.id: e for e in epochs}
        self._sorted = sorted(epochs, key=lambda e: e.start)
        self._starts = [e.start for e in self._sorted]
        self._current = self._by_id.get(current) if current is not None else None

    def centre_seq(self, seq: int) -> int:
        """The centre's number of the bundle's change ``seq``."""
        epoch = self._current
        while epoch is not None and epoch.parent is not None and seq <= epoch.fork_seq:
            epoch = self._by_id.get(epoch.parent)
        return seq + (epoch.offset if epoch is not None else 0)

    def _epoch_of(self, number: int) -> CentreEpoch | None:
        index = bisect.bisect_right(self._starts, number) - 1
        return self._sorted[max(index, 0)] if self._sorted else None

    def _fork_point(self, epoch: CentreEpoch) -> int:
        """The centre's number of the change ``epoch`` forked from (its parent's)."""
        parent = self._by_id.get(epoch.parent) if epoch.parent is not None else None
        seq = epoch.fork_seq
        while parent is not None and parent.parent is not None and seq <= parent.fork_seq:
            parent = self._by_id.get(parent.parent)
        return seq + (parent.offset if parent is not None else 0)

    def precedes(self, earlier: int, later: int) -> bool:
        """Whether the change numbered ``earlier`` is ``later`` or comes before it in the store's history
        (``later``'s epoch and, up to each fork, its parents)."""
        if earlier > later:
            return False
        epoch, clip = self._epoch_of(later), later
        while epoch is not None:
            if earlier >= epoch.start:
                return earlier <= clip
            if epoch.parent is None:
                return False
            clip = self._fork_point(epoch)
            epoch = self._by_id.get(epoch.parent)
            if earlier > clip:
                return False
        return True  # no epochs: plain numbers

    def after(self, incoming: int, held: int) -> bool | None:
        """Whether the change ``incoming`` comes after ``held`` (True), is it or comes before it (False), or
        is on another branch of the store's history (``None``: ``held`` was undone by a restore)."""
        if self.precedes(held, incoming):
            return incoming > held
        if self.precedes(incoming, held):
            return False
        return None
