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
