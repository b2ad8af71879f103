"""Change tracking for offline sync: a per-workstation change sequence, tombstones, the exports made.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

Every insert, update and delete of a synced table adds a row to ``sync_changes`` (its ``seq`` is the
workstation's change sequence; a delete is a tombstone) by a database trigger, so that no write path —
the ORM, a bulk copy, a script — can change a row without the change being exported. While a bundle from
elsewhere is applied (the centre's import), the importer puts a row in ``sync_applying`` inside its own
transaction and the triggers record nothing: what came from elsewhere is not sent back.

``sync_exports`` lists the bundles written (their sequence ranges) and which ones the centre acknowledged.
The tables synced and their keys are frozen here as of this revision (``records.sync.changes`` names them for
the code).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SYNCED = (
    ("users", "id"),
    ("procedures", "code"),
    ("procedure_versions", "id"),
    ("citizens", "id"),
    ("files", "id"),
    ("file_documents", "id"),
    ("file_fees", "id"),
    ("file_events", "id"),
    ("stored_objects", "sha256"),
    ("attachments", "id"),
)
VERBS = (("insert", "NEW", "upsert"), ("update", "NEW", "upsert"), ("delete", "OLD", "delete"))


def upgrade() -> None:
    op.create_table(
        "sync_changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_changes")),
    )
    op.create_table(
        "sync_applying",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_applying")),
    )
    op.create_table(
        "sync_exports",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("seq_from", sa.Integer(), nullable=False),
        sa.Column("seq_to", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("encrypted", sa.Boolean(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_exports")),
    )

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table, key in SYNCED:
            for verb, row, change in VERBS:
                op.execute(
                    f"CREATE TRIGGER {table}_sync_{verb} AFTER {verb.upper()} ON {table} "
                    "WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN "
                    "INSERT INTO sync_changes(entity, row_key, op, at) "
                    f"VALUES ('{table}', {row}.{key}, '{change}', strftime('%Y-%m-%d %H:%M:%f', 'now')); END"
                )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION motcua_sync_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE row_key text; BEGIN "
            "IF EXISTS (SELECT 1 FROM sync_applying) THEN RETURN NULL; END IF; "
            "IF TG_OP = 'DELETE' THEN "
            "EXECUTE format('SELECT ($1).%I::text', TG_ARGV[0]) INTO row_key USING OLD; "
            "ELSE EXECUTE format('SELECT ($1).%I::text', TG_ARGV[0]) INTO row_key USING NEW; END IF; "
            "INSERT INTO sync_changes(entity, row_key, op, at) VALUES (TG_TABLE_NAME, row_key, "
            "CASE WHEN TG_OP = 'DELETE' THEN 'delete' ELSE 'upsert' END, now() AT TIME ZONE 'utc'); "
            "RETURN NULL; END $$"
        )
        for table, key in SYNCED:
            op.execute(
                f"CREATE TRIGGER {table}_sync AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION motcua_sync_change('{key}')"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table, _key in SYNCED:
            for verb, _row, _change in VERBS:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_sync_{verb}")
    elif bind.dialect.name == "postgresql":
        for table, _key in SYNCED:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_sync ON {table}")
        op.execute("DROP FUNCTION IF EXISTS motcua_sync_change()")
    op.drop_table("sync_exports")
    op.drop_table("sync_applying")
    op.drop_table("sync_changes")
