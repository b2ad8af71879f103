"""The audit log as the services hand it out: checking its hash chain."""

from __future__ import annotations

from records import audit
from records.audit import ChainHead, ChainReport
from records.store.database import Database


class AuditService:
    """Read and check the audit log."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def verify(self) -> ChainReport:
        """Recompute the whole chain (:func:`records.audit.verify`)."""
        with self._db.reading() as uow:
            return audit.verify(uow.session)

    def head(self) -> ChainHead:
        """The chain's newest entry."""
        with self._db.reading() as uow:
            return audit.head(uow.session)
