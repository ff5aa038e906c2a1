"""Versioned schema migrations (sqlite-utils ``Migrations``).

Synced tables (rows that travel to and from the county) all carry:
``id`` TEXT primary key (UUIDv7), ``hlc`` (hybrid logical clock of the last write), ``origin``
(device code of that write), ``deleted`` (tombstone flag: rows are never removed),
``created_at`` and ``updated_at``. No AUTOINCREMENT anywhere.

Local-only tables (never exported): ``setting``, ``clock``, ``doc_seq``.

Never edit a migration that has shipped; add a new one.
"""

from __future__ import annotations


from . import sqlite as sqlite3  # before sqlite-utils: it must load SQLCipher, not the standard driver
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


def _reseal(conn, kinds: set[str]) -> None:
    """Seal the records of ``kinds`` anew in the audit chain after their legal content gained a
    column (see ``audit.baseline(again=True)``)."""
    import json

    from .audit import baseline
    from .db import now_iso

    row = conn.execute("SELECT value FROM setting WHERE key = 'device_code'").fetchone()
    device = (json.loads(row[0]) if row else "") or "DEV"
    baseline(conn, at=now_iso(), device=device, kinds=kinds, again=True)


def _relative_photos(content: dict) -> bool:
    """Rewrite a record's frozen absolute photo paths as paths relative to the photos folder,
    with the sha256 each file was named by when it was stored (its hash at freeze time)."""
    import re
    from pathlib import PurePath

    changed = False
    for ph in content.get("photos") or []:
        path = str(ph.get("path", ""))
        stem = PurePath(path.replace("\\", "/")).stem
        if re.fullmatch(r"[0-9a-f]{64}", stem):
            rel = f"{stem[:2]}/{stem}.jpg"
            if ph.get("path") != rel or ph.get("sha256") != stem:
                ph["path"], ph["sha256"] = rel, stem
                changed = True
    return changed


@migrations()
def m002_trust(db: Database) -> None:
    """Records you can trust: the audit chain, blocked number series after a restore, relative
    photo paths with frozen hashes, and protection triggers generated from ``storage.protect``."""
    import json

    from .audit import baseline
    from .db import now_iso
    from .protect import SUPERSEDED_TRIGGERS, install_triggers

    _run(db, """
-- Local: the hash-chained log of legal acts (storage/audit.py); append-only by trigger.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    device TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_record ON audit_log(record_kind, record_id, seq);

-- Local: after a restore every number series of this laptop is blocked until the officer (or a
-- county bundle) confirms its high-water mark (storage/series.py).
CREATE TABLE series_block (
    series TEXT NOT NULL,
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    blocked_at TEXT NOT NULL,
    backup_taken_at TEXT NOT NULL DEFAULT '',
    backup_last INTEGER NOT NULL DEFAULT 0,
    confirmed_last INTEGER,
    confirmed_at TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (series, kind, year)
);

-- Local: how far the start-up verification got (storage/verify.py, incremental).
CREATE TABLE verify_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checked_seq INTEGER NOT NULL DEFAULT 0,
    checked_hash TEXT NOT NULL DEFAULT '',
    checked_at TEXT NOT NULL DEFAULT ''
);
""")
    conn = db.conn
    for name in SUPERSEDED_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    # The one rewrite of frozen text ever made: absolute photo paths become relative (the file
    # name IS the photo's sha256, so the hash frozen is the one the photo had when stored).
    for doc_id, content in conn.execute(
            "SELECT id, content FROM document WHERE kind = 'inspection_record'").fetchall():
        data = json.loads(content)
        if _relative_photos(data):
            conn.execute("UPDATE document SET content = ? WHERE id = ?",
                         [json.dumps(data, ensure_ascii=False, sort_keys=True), doc_id])
    row = conn.execute("SELECT value FROM setting WHERE key = 'device_code'").fetchone()
    device = (json.loads(row[0]) if row else "") or "DEV"
    baseline(conn, at=now_iso(), device=device)
    install_triggers(conn)


@migrations()
def m003_ledgers(db: Database) -> None:
    # The seven township ledgers (澄政发〔2012〕80号（四）): the records not already kept by the
    # inspections, findings and documents, and the quarter's close with its frozen snapshot.
    _run(db, f"""
CREATE TABLE ledger_activity (
    id TEXT PRIMARY KEY,
    on_date TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    audience TEXT NOT NULL DEFAULT '',
    participants INTEGER NOT NULL DEFAULT 0,
    hours REAL NOT NULL DEFAULT 0,
    content TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT '',
    village_id TEXT REFERENCES village(id),
    enterprise_id TEXT REFERENCES enterprise(id),
    photos TEXT NOT NULL DEFAULT '[]',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_activity_date ON ledger_activity(on_date);

CREATE TABLE ledger_equipment (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    model TEXT NOT NULL DEFAULT '',
    reg_no TEXT NOT NULL DEFAULT '',
    device_code TEXT NOT NULL DEFAULT '',
    factory_no TEXT NOT NULL DEFAULT '',
    location TEXT NOT NULL DEFAULT '',
    commissioned_on TEXT NOT NULL DEFAULT '',
    last_inspected_on TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    inspection_body TEXT NOT NULL DEFAULT '',
    report_no TEXT NOT NULL DEFAULT '',
    interval_months INTEGER,
    next_due TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '在用',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_equipment_enterprise ON ledger_equipment(enterprise_id);
CREATE INDEX ledger_equipment_due ON ledger_equipment(next_due) WHERE deleted = 0 AND status = '在用';

CREATE TABLE ledger_person (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    id_no TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    item TEXT NOT NULL DEFAULT '',
    cert_kind TEXT NOT NULL DEFAULT '',
    cert_no TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    first_issued_on TEXT NOT NULL DEFAULT '',
    issued_on TEXT NOT NULL DEFAULT '',
    valid_until TEXT NOT NULL DEFAULT '',
    last_review_on TEXT NOT NULL DEFAULT '',
    review_extended INTEGER NOT NULL DEFAULT 0,
    review_due TEXT NOT NULL DEFAULT '',
    expires_on TEXT NOT NULL DEFAULT '',
    trained_on TEXT NOT NULL DEFAULT '',
    training_hours REAL NOT NULL DEFAULT 0,
    on_duty INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_person_enterprise ON ledger_person(enterprise_id);
CREATE INDEX ledger_person_expiry ON ledger_person(expires_on) WHERE deleted = 0;

CREATE TABLE ledger_hazard_source (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    name TEXT NOT NULL,
    substance TEXT NOT NULL DEFAULT '',
    quantity_t REAL NOT NULL DEFAULT 0,
    grade TEXT NOT NULL DEFAULT '',
    filing_no TEXT NOT NULL DEFAULT '',
    filed_on TEXT NOT NULL DEFAULT '',
    reviewed_on TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '在用',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_hazard_source_enterprise ON ledger_hazard_source(enterprise_id);

CREATE TABLE ledger_accident (
    id TEXT PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    enterprise_id TEXT REFERENCES enterprise(id),
    type TEXT NOT NULL,
    deaths INTEGER NOT NULL DEFAULT 0,
    serious_injuries INTEGER NOT NULL DEFAULT 0,
    minor_injuries INTEGER NOT NULL DEFAULT 0,
    missing INTEGER NOT NULL DEFAULT 0,
    direct_loss_wan REAL NOT NULL DEFAULT 0,
    grade TEXT NOT NULL DEFAULT '一般',
    summary TEXT NOT NULL DEFAULT '',
    cause TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL DEFAULT '',
    reported_to TEXT NOT NULL DEFAULT '',
    investigation TEXT NOT NULL DEFAULT '',
    responsibility TEXT NOT NULL DEFAULT '',
    measures TEXT NOT NULL DEFAULT '',
    closed_on TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_accident_time ON ledger_accident(occurred_at);

CREATE TABLE ledger_action (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    on_date TEXT NOT NULL,
    title TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    lead TEXT NOT NULL DEFAULT '',
    departments TEXT NOT NULL DEFAULT '',
    participants INTEGER NOT NULL DEFAULT 0,
    enterprises_checked INTEGER NOT NULL DEFAULT 0,
    problems_found INTEGER NOT NULL DEFAULT 0,
    cases_referred INTEGER NOT NULL DEFAULT 0,
    content TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_action_date ON ledger_action(kind, on_date);

CREATE TABLE ledger_supervisor (
    id TEXT PRIMARY KEY,
    village_id TEXT NOT NULL REFERENCES village(id),
    name TEXT NOT NULL,
    id_no TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    full_time INTEGER NOT NULL DEFAULT 0,
    cert_no TEXT NOT NULL DEFAULT '',
    trained_on TEXT NOT NULL DEFAULT '',
    exam_passed INTEGER NOT NULL DEFAULT 1,
    active INTEGER NOT NULL DEFAULT 1,
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);

CREATE TABLE ledger_referral (
    id TEXT PRIMARY KEY,
    on_date TEXT NOT NULL,
    enterprise_id TEXT REFERENCES enterprise(id),
    finding_id TEXT REFERENCES finding(id),
    to_body TEXT NOT NULL,
    reason TEXT NOT NULL,
    doc_no TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_referral_date ON ledger_referral(on_date);

CREATE TABLE ledger_quarter_report (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    received_on TEXT NOT NULL,
    general_found INTEGER NOT NULL DEFAULT 0,
    general_rectified INTEGER NOT NULL DEFAULT 0,
    major_found INTEGER NOT NULL DEFAULT 0,
    major_rectified INTEGER NOT NULL DEFAULT 0,
    reporter TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE UNIQUE INDEX ledger_quarter_report_one ON ledger_quarter_report(enterprise_id, year, quarter)
    WHERE deleted = 0;
CREATE INDEX ledger_quarter_report_quarter ON ledger_quarter_report(year, quarter);

-- A closed quarter keeps what was reported: the snapshot the export is built from.
CREATE TABLE ledger_quarter (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('closed', 'open')),
    closed_at TEXT NOT NULL DEFAULT '',
    closed_by TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL DEFAULT '',
    snapshot_sha256 TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE UNIQUE INDEX ledger_quarter_one ON ledger_quarter(year, quarter) WHERE deleted = 0;
-- A closed snapshot is frozen: only re-opening (status → open) may follow.
CREATE TRIGGER ledger_quarter_frozen BEFORE UPDATE ON ledger_quarter
WHEN OLD.status = 'closed' AND NEW.status = 'closed'
  AND (NEW.snapshot IS NOT OLD.snapshot OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256
       OR NEW.closed_at IS NOT OLD.closed_at)
BEGIN
    SELECT RAISE(ABORT, '该季度已结账，台账快照不可修改；如需更正请先重新开账并说明理由。');
END;

-- The log of closing and re-opening, append-only.
CREATE TABLE ledger_quarter_log (
    id TEXT PRIMARY KEY,
    quarter_id TEXT NOT NULL REFERENCES ledger_quarter(id),
    year INTEGER NOT NULL,
    quarter INTEGER NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    by_officer TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    snapshot_sha256 TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX ledger_quarter_log_quarter ON ledger_quarter_log(year, quarter, at);
CREATE TRIGGER ledger_quarter_log_no_update BEFORE UPDATE ON ledger_quarter_log
WHEN NEW.action IS NOT OLD.action OR NEW.reason IS NOT OLD.reason OR NEW.at IS NOT OLD.at
  OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256 OR NEW.quarter_id IS NOT OLD.quarter_id
BEGIN
    SELECT RAISE(ABORT, '结账记录不可修改。');
END;
CREATE TRIGGER ledger_quarter_log_no_delete BEFORE DELETE ON ledger_quarter_log
BEGIN
    SELECT RAISE(ABORT, '结账记录不可删除。');
END;
""")


@migrations()
def m004_photo_details_and_scope(db: Database) -> None:
    """Who took each photo (the annex prints time, place, photographer and caption), and
    whether an inspection used the focused or the full checklist (printed on the record).
    Both are frozen with the finalised inspection: the guards in ``storage.protect`` list them,
    so the generated triggers are installed again."""
    from .protect import install_triggers

    _run(db, """
ALTER TABLE photo ADD COLUMN photographer TEXT NOT NULL DEFAULT '';
ALTER TABLE inspection ADD COLUMN scope TEXT NOT NULL DEFAULT 'full' CHECK (scope IN ('focused', 'full'));
""")
    install_triggers(db.conn)
    _reseal(db.conn, {"inspection"})


@migrations()
def m005_officer_week(db: Database) -> None:
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


@migrations()
def m006_legal_staffing_service_escalation(db: Database) -> None:
    """Issue 9: registry fields that judge the staffing duties (NULL = not recorded, so the duty
    shows as unknown), the place/recipient/server of a service receipt (送达回执), and the
    suspensions ordered by a 现场处理措施决定书 with their resumption review (复产审查).
    The protection of the new columns and of a resumed suspension is declared in
    ``storage.protect`` and (re)installed here."""
    from .protect import install_triggers

    _run(db, f"""
ALTER TABLE enterprise ADD COLUMN full_time_managers INTEGER CHECK (full_time_managers >= 0);
ALTER TABLE enterprise ADD COLUMN part_time_managers INTEGER CHECK (part_time_managers >= 0);
ALTER TABLE enterprise ADD COLUMN registered_engineers INTEGER CHECK (registered_engineers >= 0);
ALTER TABLE enterprise ADD COLUMN safety_director_appointed INTEGER
    CHECK (safety_director_appointed IN (0, 1));
ALTER TABLE enterprise ADD COLUMN safety_director TEXT NOT NULL DEFAULT '';
ALTER TABLE enterprise ADD COLUMN main_revenue_wan REAL CHECK (main_revenue_wan >= 0);
ALTER TABLE enterprise ADD COLUMN standardisation_valid_until TEXT NOT NULL DEFAULT '';

ALTER TABLE document ADD COLUMN served_place TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN served_to TEXT NOT NULL DEFAULT '';
ALTER TABLE document ADD COLUMN served_by TEXT NOT NULL DEFAULT '';

-- One row per suspension (责令暂时停产停业) ordered by an on-site measures decision. The
-- enterprise stays 停产整改 until a resumption review is recorded as passed (seed 000: no
-- resumption before rectification; 安全生产法第六十五条第一款第（三）项: 经审查同意，方可恢复).
CREATE TABLE suspension (
    id TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    document_id TEXT NOT NULL REFERENCES document(id),
    scope TEXT NOT NULL,
    started_on TEXT NOT NULL,
    review_on TEXT NOT NULL DEFAULT '',
    review_passed INTEGER CHECK (review_passed IN (0, 1)),
    review_note TEXT NOT NULL DEFAULT '',
    review_officers TEXT NOT NULL DEFAULT '',
    review_document_id TEXT REFERENCES document(id),
    resumed_on TEXT NOT NULL DEFAULT '',
    {SYNC}
);
CREATE INDEX suspension_enterprise ON suspension(enterprise_id, resumed_on);
""")
    install_triggers(db.conn)
    _reseal(db.conn, {"document"})  # the service columns are part of a document's legal content


@migrations()
def m007_sync(db: Database) -> None:
    """Issue 14: sync with the county through signed bundles (``inspector_app.sync``).

    ``id_alias`` travels (an enterprise unified under another id because both carried the same
    credit code); every ``sync_*`` table is local: this laptop's signing key and bundle sequence,
    the pinned county key, the outbox and export log, the imported bundles, the county's
    acknowledgements, the conflicts waiting for the officer, and the shadow of each row's last
    exchanged version (what a concurrent edit is detected and classified against)."""
    from .sync_schema import m007_sql

    _run(db, m007_sql(SYNC))


@migrations()
def m009_legal(db: Database) -> None:
    """Issue 9: every resumption review (复产审查) of a suspension as its own record — who
    reviewed, when, the result, the rectification evidence the enterprise presented and the
    opinion — so a failed review is kept when a later one passes. Each row is a legal record from
    the moment it is written (storage.protect); the suspension keeps its latest review's summary."""
    from .protect import install_triggers

    _run(db, f"""
CREATE TABLE resumption_review (
    id TEXT PRIMARY KEY,
    suspension_id TEXT NOT NULL REFERENCES suspension(id),
    reviewed_on TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    reviewers TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    opinion TEXT NOT NULL,
    document_id TEXT REFERENCES document(id),
    {SYNC}
);
CREATE INDEX resumption_review_suspension ON resumption_review(suspension_id, reviewed_on);
""")
    install_triggers(db.conn)


@migrations()
def m010_shadow_keep(db: Database) -> None:
    """Issue 14 at county scale: a sync shadow no longer stores every exchanged row's values;
    a trigger keeps them when a local edit first supersedes the exchanged version
    (``storage.sync_schema.keep_trigger_sql``). Shadows written before keep their values."""
    from .sync_schema import install_keep_triggers

    install_keep_triggers(db.conn)
