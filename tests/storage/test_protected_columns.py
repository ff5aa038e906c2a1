"""Every column the schema's triggers protect, one test each, generated from the lists below.

The lists are the rule: an issued document and a finalised inspection are legal records. Two
further tests keep the lists, the triggers and the tables from drifting apart: the triggers must
name exactly the protected columns, and every column of the table must be either protected or
knowingly left writable (so a new column has to be classified here before the suite passes).
"""

from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)

import pytest

from inspector_app.storage import open_memory

# --- the rule --------------------------------------------------------------------------------------
# The protected columns are declared once, in storage/protect.py (the triggers are generated from
# it; tests/storage/trust/test_protect.py covers UPDATE, DELETE and INSERT OR REPLACE per column).
# Here: NULL changes, drafts staying editable, and every column of a legal-record table being
# either protected or knowingly writable, so a new column must be classified before the suite passes.

from inspector_app.storage.protect import guard  # noqa: E402

DOCUMENT_PROTECTED = guard("document").columns
# Written after issue by void / service / sync; void and service are frozen once set (once_set).
DOCUMENT_WRITABLE = ("status", "void_reason", "voided_at", "served_at", "served_how", "service_refused",
                     "service_note", "served_place", "served_to", "served_by", "hlc", "origin",
                     "created_at", "updated_at")
INSPECTION_PROTECTED = guard("inspection").columns
SYNC = ("hlc", "origin", "created_at", "updated_at")  # bookkeeping of sync, never printed
INSPECTION_WRITABLE = SYNC
# Every table that holds legal records, with the columns knowingly left writable; every other
# column must be protected by its guard in storage/protect.py. Written here, apart from that list,
# so that dropping a column (or a whole guard) there fails a test instead of dropping its test.
WRITABLE = {
    "document": DOCUMENT_WRITABLE,
    "inspection": INSPECTION_WRITABLE,
    "inspection_answer": SYNC,
    "photo": SYNC,
    # the rectification follows the finding after the inspection is finalised
    "finding": ("deadline", "state", "five_measures", "five_responsible", "five_funds", "five_deadline",
                "five_contingency", "listed", "listing_body", "listing_doc_no", "listed_on",
                "listing_deadline", "delisted_on", "rectified_on", "closed_on", *SYNC),
    "suspension": SYNC,
    "resumption_review": SYNC,  # each review is a new row; none is ever edited
    "audit_log": (),
}

MESSAGES = {"document": "已出具的执法文书不可修改", "inspection": "检查已定稿"}


# --- fixtures --------------------------------------------------------------------------------------

@pytest.fixture
def s():
    s = open_memory(device="T1")
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name) VALUES ('e1', '江阴市周庄华宏机械有限公司')")
        s.conn.execute("INSERT INTO enterprise (id, name) VALUES ('e2', '另一家企业')")
        s.conn.execute(
            "INSERT INTO inspection (id, enterprise_id, status, officer_ids, started_at, ended_at, "
            "checklist_snapshot, summary, finalised_at) VALUES ('i1', 'e1', 'final', '[\"o1\", \"o2\"]', "
            "'2026-03-05T09:00:00', '2026-03-05T10:00:00', '{\"forms\": []}', '总体良好', '2026-03-05T10:01:00')")
        s.conn.execute(
            "INSERT INTO document (id, kind, doc_no, series, year, seq, enterprise_id, inspection_id, "
            "issued_at, content, supersedes_id) VALUES ('d0', 'rectification_order', "
            "'（澄）应急责改〔2026〕T1-1号', 'T1', 2026, 1, 'e1', 'i1', '2026-03-05', '{}', NULL)")
        s.conn.execute(
            "INSERT INTO document (id, kind, doc_no, series, year, seq, enterprise_id, inspection_id, "
            "issued_at, content, supersedes_id) VALUES ('d1', 'rectification_order', "
            "'（澄）应急责改〔2026〕T1-2号', 'T1', 2026, 2, 'e1', 'i1', '2026-03-06', '{\"v\": 1}', 'd0')")
    yield s
    s.close()


def columns(s, table):
    return {r[1]: (r[2] or "").upper() for r in s.conn.execute(f"PRAGMA table_info({table})")}


def row(s, table, rid):
    cur = s.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [rid])
    return dict(zip([c[0] for c in cur.description], cur.fetchone()))


def changed_value(table, col, ctype):
    """An SQL expression that surely differs from the column's current value."""
    if table == "inspection" and col == "status":
        return "'draft'"
    if col == "enterprise_id":
        return "'e2'" if table == "document" else "CASE enterprise_id WHEN 'e1' THEN 'e2' ELSE 'e1' END"
    if table == "inspection" and col == "scope":  # CHECK (scope IN ('focused', 'full'))
        return "CASE scope WHEN 'full' THEN 'focused' ELSE 'full' END"
    if "INT" in ctype:
        return f"COALESCE({col}, 0) + 1"
    return f"COALESCE({col}, '') || 'x'"


# --- one test per protected column ---------------------------------------------------------------

CASES = [("document", "d1", c) for c in DOCUMENT_PROTECTED] + \
        [("inspection", "i1", c) for c in INSPECTION_PROTECTED]


@pytest.mark.parametrize("table, rid, col", CASES, ids=[f"{t}.{c}" for t, _r, c in CASES])
def test_update_of_a_protected_column_is_refused(s, table, rid, col):
    before = row(s, table, rid)
    expr = changed_value(table, col, columns(s, table)[col])
    with pytest.raises(sqlite3.DatabaseError, match=MESSAGES[table]):
        with s.write():
            s.conn.execute(f"UPDATE {table} SET {col} = {expr} WHERE id = ?", [rid])
    assert row(s, table, rid) == before


def _nullable():
    s = open_memory(device="T1")
    try:
        return [(t, r, c) for t, r, c in CASES
                if not next(x for x in s.conn.execute(f"PRAGMA table_info({t})") if x[1] == c)[3]]
    finally:
        s.close()


NULLABLE = _nullable()


@pytest.mark.parametrize("table, rid, col", NULLABLE, ids=[f"{t}.{c}" for t, _r, c in NULLABLE])
def test_setting_a_protected_column_to_null_is_refused(s, table, rid, col):
    # IS NOT (not !=) in the trigger: NULL → value and value → NULL are changes too.
    before = row(s, table, rid)
    target = "'d0'" if before[col] is None else "NULL"
    with pytest.raises(sqlite3.DatabaseError, match=MESSAGES[table]):
        with s.write():
            s.conn.execute(f"UPDATE {table} SET {col} = {target} WHERE id = ?", [rid])
    assert row(s, table, rid) == before


def test_a_draft_inspection_stays_editable(s):
    # The protection is for the signed record only: the same columns of a draft can be written.
    with s.write():
        s.conn.execute("INSERT INTO inspection (id, enterprise_id, status) VALUES ('i2', 'e1', 'draft')")
        for col in INSPECTION_PROTECTED:
            if col not in ("status", "id"):  # the draft keeps its id to be found again
                expr = changed_value("inspection", col, columns(s, "inspection")[col])
                s.conn.execute(f"UPDATE inspection SET {col} = {expr} WHERE id = 'i2'")
    assert row(s, "inspection", "i2")["summary"] == "x"
    assert NULLABLE, "the nullable protected columns (enterprise_id, inspection_id, supersedes_id) are tested"


def test_writable_columns_of_an_issued_document_can_be_written(s):
    with s.write():
        s.conn.execute("UPDATE document SET served_at = '2026-03-06T10:00', served_how = '直接送达', "
                       "hlc = hlc + 1 WHERE id = 'd1'")
    assert row(s, "document", "d1")["served_how"] == "直接送达"


# --- the lists, the triggers and the tables cannot drift apart -----------------------------------

def test_every_legal_record_table_has_a_guard():
    from inspector_app.storage.protect import PROTECTED

    assert sorted(g.table for g in PROTECTED) == sorted(WRITABLE)


@pytest.mark.parametrize("table", sorted(WRITABLE))
def test_every_column_is_classified(s, table):
    protected, writable = guard(table).columns, WRITABLE[table]
    once = {c for _cond, cols in guard(table).once_set for c in cols}
    assert not set(protected) & set(writable)
    assert set(columns(s, table)) == set(protected) | set(writable), "classify the new column here"
    assert once <= set(writable)  # frozen once set, writable until then


def test_an_issued_document_cannot_be_deleted(s):
    with pytest.raises(sqlite3.DatabaseError, match="不可删除"):
        with s.write():
            s.conn.execute("DELETE FROM document WHERE id = 'd1'")
    assert row(s, "document", "d1")["doc_no"].endswith("T1-2号")
