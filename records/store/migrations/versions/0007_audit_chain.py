"""The audit log as a hash chain; the workstation's chain head kept with each imported bundle.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25

Each audit entry gets ``prev_hash`` and ``hash`` (``records.audit``). The entries already there are chained
in their order here, with the append-only triggers lifted for that moment only; from then on
``records.audit.append`` chains every new one. ``sync_imports.audit_head`` keeps the chain head a
workstation's signed bundle carried.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _triggers_off() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")


def _triggers_on() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    else:
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def upgrade() -> None:
    from sqlalchemy.orm import Session

    from records.audit import GENESIS, entry_hash
    from records.store.models import AuditEntry

    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audit_head", sa.JSON(), nullable=True))

    _triggers_off()
    session = Session(bind=op.get_bind())
    previous = GENESIS
    table: sa.Table = AuditEntry.__table__  # type: ignore[assignment]
    for entry in session.scalars(sa.select(AuditEntry).order_by(AuditEntry.seq)).all():
        digest = entry_hash(previous, entry)
        session.execute(
            sa.update(table).where(table.c.seq == entry.seq).values(prev_hash=previous, hash=digest)
        )
        previous = digest
    session.flush()
    _triggers_on()


def downgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.drop_column("audit_head")
    saved = []
    if bind.dialect.name == "sqlite":  # the rebuild drops the table's triggers: put them back after
        rows = bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        )
        saved = [str(row[0]) for row in rows]
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
    for sql in saved:
        op.execute(sql)
