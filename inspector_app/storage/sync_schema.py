"""The tables of migration ``m007_sync`` (issue 14; ``inspector_app.sync``), kept out of
``migrations.py`` so that file stays readable. Never edit after it has shipped: add a migration."""


def m007_sql(sync_columns: str) -> str:
    SYNC = sync_columns  # noqa: N806 (the same name as in migrations.py)
    return f"""
CREATE TABLE id_alias (
    id TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    new_id TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX id_alias_new ON id_alias(new_id);

CREATE TABLE sync_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    private_key BLOB NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_peer (
    fingerprint TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('county', 'laptop')),
    public_key TEXT NOT NULL,
    encryption_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    pinned_at TEXT NOT NULL,
    revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_export (
    bundle_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    file_name TEXT NOT NULL,
    path TEXT NOT NULL,
    outbox_path TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    full INTEGER NOT NULL DEFAULT 0,
    hlc_from INTEGER NOT NULL DEFAULT 0,
    hlc_to INTEGER NOT NULL DEFAULT 0,
    rows INTEGER NOT NULL DEFAULT 0,
    photos INTEGER NOT NULL DEFAULT 0,
    counts TEXT NOT NULL DEFAULT '{{}}',
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    acked_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_import (
    bundle_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    sender TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    seq INTEGER NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    counts TEXT NOT NULL DEFAULT '{{}}',
    sha256 TEXT NOT NULL,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sync_ack (
    device TEXT PRIMARY KEY,
    hlc INTEGER NOT NULL DEFAULT 0,
    seq INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE sync_shadow (
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    hlc INTEGER NOT NULL,
    base_hlc INTEGER NOT NULL DEFAULT 0,
    changed TEXT,
    data TEXT,
    PRIMARY KEY (tbl, row_id)
);
CREATE TABLE sync_conflict (
    id TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    row_id TEXT NOT NULL,
    label TEXT NOT NULL CHECK (label IN ('parallel update', 'conflict')),
    columns TEXT NOT NULL DEFAULT '[]',
    winner TEXT NOT NULL,
    loser TEXT NOT NULL,
    winner_origin TEXT NOT NULL DEFAULT '',
    loser_origin TEXT NOT NULL DEFAULT '',
    winner_hlc INTEGER NOT NULL DEFAULT 0,
    loser_hlc INTEGER NOT NULL DEFAULT 0,
    bundle_id TEXT NOT NULL DEFAULT '',
    detected_at TEXT NOT NULL,
    resolved_at TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, detected_at);
"""


# ---------------------------------------------------------------------------------------------
# m010: the shadow keeps the exchanged version's values only once they are needed

KEEP_PREFIX = "sync_keep_"


def keep_trigger_sql(table: str, columns: list[str]) -> str:
    """Before a local edit supersedes the version last exchanged with the county (the row's
    hlc is still its shadow's), keep that version's data columns in the shadow: what the next
    export compares the edited row with to tell which columns changed (``sync.merge``).

    An import or export writes shadows without values (hundreds of thousands at a time); only
    the few rows an officer then edits need them, and this fills them in SQL, on every path that
    writes the row. A shadow that already holds values keeps them."""
    meta = {"id", "hlc", "origin", "created_at", "updated_at"}
    pairs = ", ".join(f"'{c}', OLD.\"{c}\"" for c in columns if c not in meta)
    return (f'CREATE TRIGGER "{KEEP_PREFIX}{table}" BEFORE UPDATE ON "{table}" WHEN NEW.hlc IS NOT OLD.hlc\n'
            f"BEGIN UPDATE sync_shadow SET data = json_object({pairs}) WHERE tbl = '{table}' AND row_id = OLD.id "
            "AND hlc = OLD.hlc AND data IS NULL; END")


def keep_tables(conn) -> dict[str, list[str]]:
    """Every table whose rows carry a version (``hlc`` and ``origin``), with its columns: the
    synced tables (``sync.tables`` declares which travel; a table that does not simply never has
    a shadow). Local bookkeeping tables are left out."""
    out = {}
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        if name.startswith(("sync_", "sqlite_", "_")) or name == "clock":
            continue
        cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
        if "hlc" in cols and "origin" in cols and "id" in cols:
            out[name] = cols
    return out


def install_keep_triggers(conn) -> None:
    """(Re)create the keep trigger of every versioned table from its current columns: run by
    m010 and again by any later migration that adds a column to a synced table."""
    for table, cols in keep_tables(conn).items():
        conn.execute(f'DROP TRIGGER IF EXISTS "{KEEP_PREFIX}{table}"')
        conn.execute(keep_trigger_sql(table, cols))
