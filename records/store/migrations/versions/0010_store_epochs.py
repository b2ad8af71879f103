"""Store epochs and audit checkpoints (``store_epochs``, ``audit_checkpoints``); the centre's side of both
(``sync_epochs``, ``sync_imports.epoch``).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25

A workstation's change numbering starts a new epoch when a backup is restored (``records.sync.epochs``):
the centre then numbers the new changes apart from those it already holds. The audit checkpoints are the
heads of the workstation's audit chain that the centre sends back in its acknowledgements.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_epochs",
        sa.Column("number", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("fork_seq", sa.Integer(), nullable=False),
        sa.Column("audit_fork_seq", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_store_epochs")),
        sa.UniqueConstraint("id", name=op.f("uq_store_epochs_id")),
    )
    op.create_table(
        "audit_checkpoints",
        sa.Column("epoch", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("epoch", "seq", "hash", name=op.f("pk_audit_checkpoints")),
    )
    op.create_table(
        "sync_epochs",
        sa.Column("agency", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("epoch_id", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("fork_seq", sa.Integer(), nullable=False),
        sa.Column("seq_offset", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("agency", "workstation", "epoch_id", name=op.f("pk_sync_epochs")),
    )
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("epoch", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_imports", schema=None) as batch_op:
        batch_op.drop_column("epoch")
    for table in ("sync_epochs", "audit_checkpoints", "store_epochs"):
        op.drop_table(table)
