"""Every protected column of every legal record refuses UPDATE, DELETE and INSERT OR REPLACE,
generated from the one declared list in storage.protect (a column added there is tested here)."""

from __future__ import annotations

from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)

import pytest

from inspector_app import paths
from inspector_app.storage import photos
from inspector_app.storage.documents import void_document
from inspector_app.storage.protect import PROTECTED, guard

from trust_fixtures import jpeg


def _protected_row(s, ids, table: str) -> tuple[str, object]:
    """(key column, key) of a protected row of ``table``."""
    if table == "document":
        return "id", ids["record"]["id"]
    if table == "inspection":
        return "id", ids["inspection_id"]
    if table == "inspection_answer":
        return "id", s.conn.execute("SELECT id FROM inspection_answer WHERE inspection_id = ? LIMIT 1",
                                    [ids["inspection_id"]]).fetchone()[0]
    if table == "photo":
        return "id", ids["photo_id"]
    if table == "finding":
        return "id", ids["finding_id"]
    if table == "audit_log":
        return "seq", 1
    if table == "suspension":
        return "id", _resumed_suspension(s, ids)
    if table == "resumption_review":
        return "id", _review(s, ids)
    raise AssertionError(table)


def _review(s, ids) -> str:
    """A recorded resumption review (复产审查) of a suspension (as the sync would bring it)."""
    sus = _resumed_suspension(s, ids) if not s.conn.execute("SELECT 1 FROM suspension WHERE id = 'susp-1'").fetchone() \
        else "susp-1"
    row = {"id": "rev-1", "suspension_id": sus, "reviewed_on": "2026-03-10", "passed": 1, "reviewers": "张三、李四",
           "evidence": "整改报告、整改后照片", "opinion": "隐患已排除，同意复产", "document_id": None}
    s.stamp(row, new=True)
    row["id"] = "rev-1"
    with s.write():
        s.conn.execute(f"INSERT INTO resumption_review ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
    return "rev-1"


def _resumed_suspension(s, ids) -> str:
    """A suspension lifted by a passed resumption review (written as the sync would bring it)."""
    doc = ids["record"]
    row = {"id": "susp-1", "enterprise_id": doc["enterprise_id"], "document_id": doc["id"], "scope": "全厂",
           "started_on": "2026-03-01", "review_on": "2026-03-10", "review_passed": 1, "review_note": "隐患已排除",
           "review_officers": "张三、李四", "review_document_id": None, "resumed_on": "2026-03-10"}
    s.stamp(row, new=True)
    row["id"] = "susp-1"
    with s.write():
        s.conn.execute(f"INSERT INTO suspension ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
    return "susp-1"


def _row(s, table, key, value) -> dict:
    cur = s.conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", [value])
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


def _other(value):
    if value is None:
        return "x"
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 1.5
    return value + "x"


CASES = [(g.table, c) for g in PROTECTED for c in g.all_columns]
# A new key is a new row, not a replacement (covered by the unique-key case below).
REPLACE_CASES = [(t, c) for t, c in CASES if c != ("seq" if t == "audit_log" else "id")]


@pytest.mark.parametrize(("table", "column"), CASES, ids=[f"{t}.{c}" for t, c in CASES])
def test_update_of_a_protected_column_is_refused(legal, table, column):
    s, ids = legal
    g = guard(table)
    key, value = _protected_row(s, ids, table)
    if table == "document" and column in ("status", "void_reason", "voided_at"):
        void_document(s, value, reason="测试作废")  # the void fields freeze once void
    before = _row(s, table, key, value)
    with pytest.raises(sqlite3.DatabaseError, match=g.message[:8]):
        s.conn.execute(f'UPDATE {table} SET "{column}" = ? WHERE {key} = ?', [_other(before[column]), value])
    assert _row(s, table, key, value) == before


@pytest.mark.parametrize("recursive", [False, True], ids=["plain", "recursive_triggers"])
@pytest.mark.parametrize(("table", "column"), REPLACE_CASES, ids=[f"{t}.{c}" for t, c in REPLACE_CASES])
def test_insert_or_replace_cannot_rewrite_a_protected_row(legal, table, column, recursive):
    s, ids = legal
    g = guard(table)
    if recursive:
        s.conn.execute("PRAGMA recursive_triggers = ON")
    key, value = _protected_row(s, ids, table)
    before = _row(s, table, key, value)
    assert column != key
    row = dict(before)
    row[column] = _other(row[column])
    cols = list(row)
    with pytest.raises(sqlite3.DatabaseError):
        s.conn.execute(f"INSERT OR REPLACE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [row[c] for c in cols])
    assert _row(s, table, key, value) == before


@pytest.mark.parametrize("table", [g.table for g in PROTECTED])
def test_delete_of_a_protected_row_is_refused(legal, table):
    s, ids = legal
    key, value = _protected_row(s, ids, table)
    with pytest.raises(sqlite3.DatabaseError):
        s.conn.execute(f"DELETE FROM {table} WHERE {key} = ?", [value])
    assert s.conn.execute(f"SELECT count(*) FROM {table} WHERE {key} = ?", [value]).fetchone()[0] == 1


@pytest.mark.parametrize("table", [g.table for g in PROTECTED])
def test_an_identical_reinsert_stays_harmless(legal, table):
    """A bundle imported twice re-inserts identical rows: no error, nothing changes."""
    s, ids = legal
    key, value = _protected_row(s, ids, table)
    before = _row(s, table, key, value)
    cols = list(before)
    s.conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                   [before[c] for c in cols])
    assert _row(s, table, key, value) == before


def test_replace_on_another_unique_key_is_refused(legal):
    """INSERT OR REPLACE with a NEW id but an issued document's number would delete that document."""
    s, ids = legal
    row = _row(s, "document", "id", ids["record"]["id"])
    row["id"] = "another-id"
    cols = list(row)
    with pytest.raises(sqlite3.DatabaseError, match="执法文书"):
        s.conn.execute(f"INSERT OR REPLACE INTO document ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [row[c] for c in cols])
    assert s.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 1


def test_service_once_recorded_is_frozen(legal):
    s, ids = legal
    doc_id = ids["record"]["id"]
    assert ids["record"]["served_at"]  # the record is served on site when issued
    with pytest.raises(sqlite3.DatabaseError):
        s.conn.execute("UPDATE document SET served_how = '邮寄送达' WHERE id = ?", [doc_id])
    with pytest.raises(sqlite3.DatabaseError):
        s.conn.execute("UPDATE document SET served_at = '' WHERE id = ?", [doc_id])


def test_tombstoning_an_issued_document_is_refused(legal):
    s, ids = legal
    with pytest.raises(sqlite3.DatabaseError, match="执法文书"):
        s.conn.execute("UPDATE document SET deleted = 1 WHERE id = ?", [ids["record"]["id"]])


def test_no_new_problem_photo_on_a_finalised_inspection(legal):
    s, ids = legal
    root = paths.photos_dir(s.path)
    # The API hole: a 问题 photo naming a finding of the finalised inspection would join its record.
    with pytest.raises(ValueError, match="检查已定稿"):
        photos.add_photo(s, jpeg((1, 2, 3)), inspection_id=ids["inspection_id"], finding_id=ids["finding_id"],
                         kind="问题", photos_root=root)
    with pytest.raises(ValueError, match="检查已定稿"):
        photos.add_photo(s, jpeg((1, 2, 3)), inspection_id=ids["inspection_id"], kind="现场", photos_root=root)
    # Plain SQL is refused too.
    with pytest.raises(sqlite3.DatabaseError, match="检查已定稿"):
        s.conn.execute("INSERT INTO photo (id, sha256, inspection_id, kind) VALUES ('p2', 'ab', ?, '问题')",
                       [ids["inspection_id"]])
    # A rectification photo of its finding is still welcome.
    photos.add_photo(s, jpeg((9, 9, 9)), inspection_id=ids["inspection_id"], finding_id=ids["finding_id"],
                     kind="整改", photos_root=root)


def test_moving_an_answer_into_a_finalised_inspection_is_refused(legal, forms_dir):
    from inspector_app.storage import inspections

    s, ids = legal
    draft = inspections.start_inspection(s, enterprise_id=ids["enterprise_id"], officer_ids=ids["officer_ids"],
                                         forms=forms_dir, started_at="2026-03-06T09:00:00")
    inspections.record_answer(s, draft, "trust_form:rules", answer="符合")
    aid = s.conn.execute("SELECT id FROM inspection_answer WHERE inspection_id = ? AND item_key = ?",
                         [draft, "trust_form:rules"]).fetchone()[0]
    with pytest.raises(sqlite3.DatabaseError, match="检查已定稿"):
        s.conn.execute("UPDATE OR REPLACE inspection_answer SET inspection_id = ? WHERE id = ?",
                       [ids["inspection_id"], aid])


def test_a_draft_stays_editable(legal, forms_dir):
    from inspector_app.storage import inspections

    s, ids = legal
    draft = inspections.start_inspection(s, enterprise_id=ids["enterprise_id"], officer_ids=ids["officer_ids"],
                                         forms=forms_dir, started_at="2026-03-06T09:00:00")
    inspections.update_header(s, draft, place="仓库", witness="某人")
    s.conn.execute("UPDATE inspection SET purpose = '专项' WHERE id = ?", [draft])
