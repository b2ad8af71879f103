"""Initial schema: citizens, catalogue, calendar tables, files and their events, users and audit.

Also the SQLite full-text index of files (folded names) and the triggers that keep ``file_events`` and
``audit_log`` append-only on both SQLite and PostgreSQL.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25 10:50:12.507602
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

APPEND_ONLY_TABLES = ("audit_log", "file_events")


revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "citizens",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.Integer(), nullable=False),
        sa.Column("personal_id", sa.String(length=12), nullable=True),
        sa.Column("old_id", sa.String(length=9), nullable=True),
        sa.Column("org_code", sa.String(length=32), nullable=True),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("name_folded", sa.String(length=255), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("sex", sa.String(length=8), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citizens")),
        sa.UniqueConstraint("org_code", name=op.f("uq_citizens_org_code")),
        sa.UniqueConstraint("personal_id", name=op.f("uq_citizens_personal_id")),
    )
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citizens_name_folded"), ["name_folded"], unique=False)
        batch_op.create_index(batch_op.f("ix_citizens_old_id"), ["old_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citizens_phone"), ["phone"], unique=False)

    op.create_table(
        "file_code_counters",
        sa.Column("agency_code", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("issued", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("agency_code", "workstation", "day", name=op.f("pk_file_code_counters")),
    )
    op.create_table(
        "holiday_tables",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_tables")),
    )
    op.create_table(
        "procedures",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("field", sa.String(length=255), nullable=False),
        sa.Column("field_code", sa.String(length=64), nullable=True),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_procedures")),
    )
    op.create_table(
        "register_counters",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("book", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_entry", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "book", name=op.f("pk_register_counters")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_audit_log_user_id_users")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
        sa.UniqueConstraint("id", name=op.f("uq_audit_log_id")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_entity_id"), ["entity_id"], unique=False)

    op.create_table(
        "procedure_versions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("procedure_code", sa.String(length=64), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("effective_to", sa.Date(), nullable=True),
        sa.Column("rule", sa.JSON(), nullable=False),
        sa.Column("rule_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["procedure_code"],
            ["procedures.code"],
            name=op.f("fk_procedure_versions_procedure_code_procedures"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_procedure_versions")),
        sa.UniqueConstraint(
            "procedure_code", "effective_from", name=op.f("uq_procedure_versions_procedure_code")
        ),
    )
    with op.batch_alter_table("procedure_versions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_procedure_versions_procedure_code"), ["procedure_code"], unique=False
        )

    op.create_table(
        "files",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("agency_code", sa.String(length=35), nullable=False),
        sa.Column("workstation", sa.Integer(), nullable=False),
        sa.Column("procedure_code", sa.String(length=64), nullable=False),
        sa.Column("procedure_version_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("submitter_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.Integer(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("clock_started_at", sa.DateTime(), nullable=False),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("original_due_at", sa.DateTime(), nullable=True),
        sa.Column("extension_count", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("sets", sa.Integer(), nullable=False),
        sa.Column("return_method", sa.String(length=16), nullable=False),
        sa.Column("fee_total", sa.Integer(), nullable=True),
        sa.Column("register_year", sa.Integer(), nullable=False),
        sa.Column("register_book", sa.Integer(), nullable=False),
        sa.Column("register_entry", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("received_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["citizens.id"], name=op.f("fk_files_owner_id_citizens")),
        sa.ForeignKeyConstraint(
            ["procedure_code"], ["procedures.code"], name=op.f("fk_files_procedure_code_procedures")
        ),
        sa.ForeignKeyConstraint(
            ["procedure_version_id"],
            ["procedure_versions.id"],
            name=op.f("fk_files_procedure_version_id_procedure_versions"),
        ),
        sa.ForeignKeyConstraint(["received_by"], ["users.id"], name=op.f("fk_files_received_by_users")),
        sa.ForeignKeyConstraint(
            ["submitter_id"], ["citizens.id"], name=op.f("fk_files_submitter_id_citizens")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_files")),
        sa.UniqueConstraint("code", name=op.f("uq_files_code")),
        sa.UniqueConstraint("id", name=op.f("uq_files_id")),
        sa.UniqueConstraint(
            "register_year", "register_book", "register_entry", name=op.f("uq_files_register_year")
        ),
    )
    with op.batch_alter_table("files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_files_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_files_procedure_code"), ["procedure_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_files_received_at"), ["received_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_files_received_by"), ["received_by"], unique=False)
        batch_op.create_index("ix_files_status_due_at", ["status", "due_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_files_submitter_id"), ["submitter_id"], unique=False)

    op.create_table(
        "file_documents",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("originals", sa.Integer(), nullable=False),
        sa.Column("certified_copies", sa.Integer(), nullable=False),
        sa.Column("photocopies", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], name=op.f("fk_file_documents_file_id_files")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_documents")),
    )
    with op.batch_alter_table("file_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_file_documents_file_id"), ["file_id"], unique=False)

    op.create_table(
        "file_events",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("from_status", sa.Integer(), nullable=True),
        sa.Column("to_status", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("due_before", sa.DateTime(), nullable=True),
        sa.Column("due_after", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], name=op.f("fk_file_events_file_id_files")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_file_events_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_events")),
    )
    with op.batch_alter_table("file_events", schema=None) as batch_op:
        batch_op.create_index("ix_file_events_file_id_at", ["file_id", "at"], unique=False)

    op.create_table(
        "file_fees",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("file_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["file_id"], ["files.id"], name=op.f("fk_file_fees_file_id_files")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_fees")),
    )
    with op.batch_alter_table("file_fees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_file_fees_file_id"), ["file_id"], unique=False)

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # Folded names are indexed word by word; the prefix indexes make "ngu*" as fast as "nguyen".
        op.execute(
            "CREATE VIRTUAL TABLE files_fts USING fts5(search_text, content='files', content_rowid='pk', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
        op.execute(
            "CREATE TRIGGER files_fts_insert AFTER INSERT ON files BEGIN "
            "INSERT INTO files_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER files_fts_delete AFTER DELETE ON files BEGIN "
            "INSERT INTO files_fts(files_fts, rowid, search_text) "
            "VALUES ('delete', old.pk, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER files_fts_update AFTER UPDATE OF search_text ON files BEGIN "
            "INSERT INTO files_fts(files_fts, rowid, search_text) "
            "VALUES ('delete', old.pk, old.search_text); "
            "INSERT INTO files_fts(rowid, search_text) VALUES (new.pk, new.search_text); END"
        )
        for table in APPEND_ONLY_TABLES:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION motcua_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
        )
        for table in APPEND_ONLY_TABLES:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION motcua_append_only()"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS files_fts")
        for table in APPEND_ONLY_TABLES:
            for verb in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
    elif bind.dialect.name == "postgresql":
        for table in APPEND_ONLY_TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS motcua_append_only()")
    with op.batch_alter_table("file_fees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_file_fees_file_id"))

    op.drop_table("file_fees")
    with op.batch_alter_table("file_events", schema=None) as batch_op:
        batch_op.drop_index("ix_file_events_file_id_at")

    op.drop_table("file_events")
    with op.batch_alter_table("file_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_file_documents_file_id"))

    op.drop_table("file_documents")
    with op.batch_alter_table("files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_files_submitter_id"))
        batch_op.drop_index("ix_files_status_due_at")
        batch_op.drop_index(batch_op.f("ix_files_received_by"))
        batch_op.drop_index(batch_op.f("ix_files_received_at"))
        batch_op.drop_index(batch_op.f("ix_files_procedure_code"))
        batch_op.drop_index(batch_op.f("ix_files_owner_id"))

    op.drop_table("files")
    with op.batch_alter_table("procedure_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_procedure_versions_procedure_code"))

    op.drop_table("procedure_versions")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_entity_id"))

    op.drop_table("audit_log")
    op.drop_table("users")
    op.drop_table("settings")
    op.drop_table("register_counters")
    op.drop_table("procedures")
    op.drop_table("holiday_tables")
    op.drop_table("file_code_counters")
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citizens_phone"))
        batch_op.drop_index(batch_op.f("ix_citizens_old_id"))
        batch_op.drop_index(batch_op.f("ix_citizens_name_folded"))

    op.drop_table("citizens")
