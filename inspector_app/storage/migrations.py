"""Versioned schema migrations (sqlite-utils ``Migrations``).

Synced tables (rows that travel to and from the county) all carry:
``id`` TEXT primary key (UUIDv7), ``hlc`` (hybrid logical clock of the last write), ``origin``
(device code of that write), ``deleted`` (tombstone flag: rows are never removed),
``created_at`` and ``updated_at``. No AUTOINCREMENT anywhere.

Local-only tables (never exported): ``setting``, ``clock``, ``doc_seq``.

Never edit a migration that has shipped; add a new one.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .schema import APPLICATION_ID, MIGRATION_SET  # noqa: F401 (re-exported)

migrations = Migrations(MIGRATION_SET)

SYNC = """
    hlc INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT ''
"""


def _run(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statements one by one,
    # using complete_statement() so trigger bodies (with inner semicolons) stay whole.
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            db.execute(buf)
            buf = ""
    if buf.strip():
        db.execute(buf)


@migrations()
def m001_initial(db: Database) -> None:
    _run(db, f"""
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE clock (id INTEGER PRIMARY KEY CHECK (id = 1), hlc INTEGER NOT NULL);
INSERT INTO clock (id, hlc) VALUES (1, 0);

CREATE TABLE village (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    sort INTEGER NOT NULL DEFAULT 0,
    {SYNC}
);
CREATE UNIQUE INDEX village_name ON village(name) WHERE deleted = 0;

CREATE TABLE officer (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    cert_no TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1,
    {SYNC}
);

CREATE TABLE enterprise (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    uscc TEXT,
    legacy_reg_no TEXT,
    address TEXT NOT NULL DEFAULT '',
    village_id TEXT REFERENCES village(id),
    legal_rep TEXT NOT NULL DEFAULT '',
    legal_rep_phone TEXT NOT NULL DEFAULT '',
    principal TEXT NOT NULL DEFAULT '',
    principal_phone TEXT NOT NULL DEFAULT '',
    safety_manager TEXT NOT NULL DEFAULT '',
    safety_manager_type TEXT NOT NULL DEFAULT '兼职',
    safety_manager_phone TEXT NOT NULL DEFAULT '',
    employees INTEGER NOT NULL DEFAULT 0,
    revenue_wan REAL NOT NULL DEFAULT 0,
    gbt_section TEXT NOT NULL DEFAULT '',
    gbt_division TEXT NOT NULL DEFAULT '',
    sector TEXT NOT NULL DEFAULT '其他',
    scale TEXT NOT NULL DEFAULT '小微',
    risk_tags TEXT NOT NULL DEFAULT '',
    landlord_id TEXT REFERENCES enterprise(id),
    standardisation_grade TEXT NOT NULL DEFAULT '未定级',
    supervision_class TEXT NOT NULL DEFAULT 'C',
    grid_officer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '在营',
    notes TEXT NOT NULL DEFAULT '',
    -- Derived at save time so search as you type needs no pinyin work: initials ("jyhgyxgs")
    -- and full pinyin ("jiangyinhuagong…", also the sort key that orders names as officers expect).
    py_initials TEXT NOT NULL DEFAULT '',
    py_full TEXT NOT NULL DEFAULT '',
    -- lower(name) | py_full | lower(credit code) | lower(registration no.), separated by \x1f:
    -- one instr() per keystroke instead of a LIKE per column.
    search_key TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE UNIQUE INDEX enterprise_uscc ON enterprise(uscc) WHERE uscc IS NOT NULL AND deleted = 0;
CREATE INDEX enterprise_village ON enterprise(village_id);
CREATE INDEX enterprise_landlord ON enterprise(landlord_id);
-- Covering index for the registry list: walking it yields pinyin order with every filtered
-- column at hand, so a keystroke never sorts and never touches the wide table rows.
CREATE INDEX enterprise_search ON enterprise(deleted, py_full, py_initials, search_key, village_id,
    sector, status, supervision_class, scale, risk_tags);
CREATE INDEX enterprise_hlc ON enterprise(hlc);

CREATE TABLE inspection (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    kind TEXT NOT NULL DEFAULT '日常',
    place TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL DEFAULT '',
    ended_at TEXT NOT NULL DEFAULT '',
    officer_ids TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    finalised_at TEXT NOT NULL DEFAULT '',
    checklist_snapshot TEXT NOT NULL DEFAULT '{{}}',
    onsite_person TEXT NOT NULL DEFAULT '',
    onsite_person_title TEXT NOT NULL DEFAULT '',
    onsite_person_phone TEXT NOT NULL DEFAULT '',
    refused_to_sign INTEGER NOT NULL DEFAULT 0,
    refusal_note TEXT NOT NULL DEFAULT '',
    witness TEXT NOT NULL DEFAULT '',
    witness_id_no TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX inspection_enterprise ON inspection(enterprise_id, started_at);
CREATE INDEX inspection_status ON inspection(status);

CREATE TABLE inspection_answer (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspection(id),
    item_key TEXT NOT NULL,
    answer TEXT CHECK (answer IN ('符合', '不符合', '不适用') OR answer IS NULL),
    value_num REAL,
    value_text TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE UNIQUE INDEX inspection_answer_item ON inspection_answer(inspection_id, item_key);

CREATE TABLE finding (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    inspection_id TEXT REFERENCES inspection(id),
    item_key TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL,
    location TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '物' CHECK (category IN ('人', '物', '管理', '环境')),
    grade TEXT NOT NULL DEFAULT '一般' CHECK (grade IN ('一般', '重大')),
    major_ref TEXT NOT NULL DEFAULT '',
    grade_override_reason TEXT NOT NULL DEFAULT '',
    legal_basis TEXT NOT NULL DEFAULT '',
    requirement TEXT NOT NULL DEFAULT '',
    found_on TEXT NOT NULL DEFAULT '',
    deadline TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'registered',
    -- 五到位 for major findings
    five_measures TEXT NOT NULL DEFAULT '',
    five_responsible TEXT NOT NULL DEFAULT '',
    five_funds REAL,
    five_deadline TEXT NOT NULL DEFAULT '',
    five_contingency TEXT NOT NULL DEFAULT '',
    -- 挂牌督办
    listed INTEGER NOT NULL DEFAULT 0,
    listing_body TEXT NOT NULL DEFAULT '',
    listing_doc_no TEXT NOT NULL DEFAULT '',
    listed_on TEXT NOT NULL DEFAULT '',
    listing_deadline TEXT NOT NULL DEFAULT '',
    delisted_on TEXT NOT NULL DEFAULT '',
    rectified_on TEXT NOT NULL DEFAULT '',
    closed_on TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX finding_enterprise ON finding(enterprise_id);
CREATE INDEX finding_state ON finding(state, deadline);
CREATE INDEX finding_inspection ON finding(inspection_id);
-- Covering index for the findings list and today's view (deadline order, state/grade filters).
CREATE INDEX finding_ledger ON finding(deadline, id, state, grade, rectified_on, enterprise_id,
    description, location) WHERE deleted = 0;

CREATE TABLE finding_event (
    id TEXT PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES finding(id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    from_state TEXT NOT NULL DEFAULT '',
    to_state TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    document_id TEXT,
    new_deadline TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX finding_event_finding ON finding_event(finding_id, at);

CREATE TABLE photo (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    mime TEXT NOT NULL DEFAULT 'image/jpeg',
    width INTEGER NOT NULL DEFAULT 0,
    height INTEGER NOT NULL DEFAULT 0,
    inspection_id TEXT REFERENCES inspection(id),
    item_key TEXT NOT NULL DEFAULT '',
    finding_id TEXT REFERENCES finding(id),
    kind TEXT NOT NULL DEFAULT '现场' CHECK (kind IN ('现场', '问题', '整改', '复查')),
    caption TEXT NOT NULL DEFAULT '',
    taken_at TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX photo_inspection ON photo(inspection_id);
CREATE INDEX photo_finding ON photo(finding_id);

CREATE TABLE document (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    doc_no TEXT NOT NULL UNIQUE,
    series TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    enterprise_id TEXT REFERENCES enterprise(id),
    inspection_id TEXT REFERENCES inspection(id),
    issued_at TEXT NOT NULL,
    content TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'void')),
    void_reason TEXT NOT NULL DEFAULT '',
    voided_at TEXT NOT NULL DEFAULT '',
    supersedes_id TEXT REFERENCES document(id),
    served_at TEXT NOT NULL DEFAULT '',
    served_how TEXT NOT NULL DEFAULT '',
    service_refused INTEGER NOT NULL DEFAULT 0,
    service_note TEXT NOT NULL DEFAULT '',
    {SYNC},
    UNIQUE (series, kind, year, seq)
);
CREATE INDEX document_enterprise ON document(enterprise_id);
CREATE INDEX document_inspection ON document(inspection_id);

-- An issued document never changes: number, kind, date, party and text are frozen; a void
-- stays void. Only service details, the void flag and sync bookkeeping may be written.
CREATE TRIGGER document_immutable BEFORE UPDATE ON document
WHEN NEW.doc_no IS NOT OLD.doc_no OR NEW.kind IS NOT OLD.kind OR NEW.series IS NOT OLD.series
  OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.issued_at IS NOT OLD.issued_at
  OR NEW.content IS NOT OLD.content OR NEW.enterprise_id IS NOT OLD.enterprise_id
  OR NEW.inspection_id IS NOT OLD.inspection_id OR NEW.supersedes_id IS NOT OLD.supersedes_id
  OR (OLD.status = 'void' AND (NEW.status IS NOT 'void' OR NEW.void_reason IS NOT OLD.void_reason))
BEGIN
    SELECT RAISE(ABORT, '已出具的执法文书不可修改；如需更正请出具新文书。');
END;
CREATE TRIGGER document_no_delete BEFORE DELETE ON document
BEGIN
    SELECT RAISE(ABORT, '已出具的执法文书不可删除；如需作废请登记作废原因。');
END;

-- Local: last number used per (series, kind, year); bumped in the same transaction as the
-- document row so a number is never issued twice nor skipped.
CREATE TABLE doc_seq (
    series TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (series, kind, year)
);

-- A finalised inspection is immutable too (its snapshot, answers and record).
CREATE TRIGGER inspection_final_immutable BEFORE UPDATE ON inspection
WHEN OLD.status = 'final' AND (NEW.status IS NOT 'final' OR NEW.checklist_snapshot IS NOT OLD.checklist_snapshot
  OR NEW.enterprise_id IS NOT OLD.enterprise_id OR NEW.officer_ids IS NOT OLD.officer_ids
  OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at
  OR NEW.summary IS NOT OLD.summary OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    SELECT RAISE(ABORT, '检查已定稿，不可修改。');
END;
CREATE TRIGGER inspection_answer_final BEFORE UPDATE ON inspection_answer
WHEN (SELECT status FROM inspection WHERE id = OLD.inspection_id) = 'final'
BEGIN
    SELECT RAISE(ABORT, '检查已定稿，不可修改检查结果。');
END;
CREATE TRIGGER inspection_answer_final_ins BEFORE INSERT ON inspection_answer
WHEN (SELECT status FROM inspection WHERE id = NEW.inspection_id) = 'final'
BEGIN
    SELECT RAISE(ABORT, '检查已定稿，不可修改检查结果。');
END;
""")


@migrations()
def m002_officer_week(db: Database) -> None:
    """Polyphone search keys, retired villages, and the device-code change log (issue 10)."""
    # Alternate pinyin initials (every other reading of a polyphone), each prefixed by \x1f so
    # a first-letter GLOB can anchor on any of them; in the covering index like py_initials.
    _run(db, """
ALTER TABLE enterprise ADD COLUMN py_alt TEXT NOT NULL DEFAULT '';
DROP INDEX enterprise_search;
CREATE INDEX enterprise_search ON enterprise(deleted, py_full, py_initials, py_alt, search_key,
    village_id, sector, status, supervision_class, scale, risk_tags);
-- A retired village stays for history (its enterprises and documents keep it) but is no longer
-- offered for new entries.
ALTER TABLE village ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
-- Local: every change of this laptop's device code (its document number series), with how many
-- documents the old series had issued.
CREATE TABLE device_code_log (
    at TEXT NOT NULL,
    old_code TEXT NOT NULL,
    new_code TEXT NOT NULL,
    issued_under_old INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);
""")
    # Rebuild every enterprise's keys with the polyphone-aware reader (derived columns only).
    from .enterprises import derive_keys

    rows = db.execute("SELECT rowid, name, uscc, legacy_reg_no FROM enterprise").fetchall()
    for rowid, name, uscc, reg in rows:
        row = derive_keys({"name": name, "uscc": uscc, "legacy_reg_no": reg})
        db.execute("UPDATE enterprise SET py_initials = ?, py_full = ?, py_alt = ?, search_key = ? "
                   "WHERE rowid = ?", [row["py_initials"], row["py_full"], row["py_alt"],
                                       row["search_key"], rowid])
