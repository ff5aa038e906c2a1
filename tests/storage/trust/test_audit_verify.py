"""The audit chain is written with every legal act, and `verify` finds each tamper path."""

from __future__ import annotations

import json
import shutil

import pytest

from inspector_app import paths
from inspector_app.core import audit as A
from inspector_app.storage import findings, open_db
from inspector_app.storage.documents import correct_document, get_document, void_document
from inspector_app.storage.migrations import _relative_photos
from inspector_app.storage.verify import verify
from inspector_app.reports.pdf_documents import render_document


def _actions(s):
    return [r[0] for r in s.conn.execute("SELECT action FROM audit_log ORDER BY seq")]


def _drop_triggers(s, table):
    for kind in ("update", "delete", "insert"):
        s.conn.execute(f"DROP TRIGGER protect_{table}_{kind}")


def test_canonical_json_is_stable():
    assert A.canonical_json({"b": 1.0, "a": ["中", None, True]}) == '{"a":["中",null,true],"b":1}'
    assert A.content_hash({"x": 1}) == A.content_hash({"x": 1.0})


def test_every_legal_act_appends_a_chained_entry(legal):
    s, ids = legal
    assert _actions(s) == ["register", "finalise", "issue"]
    doc = ids["record"]
    content = dict(doc["content"])
    new = correct_document(s, doc["id"], content=content, issued_at=doc["issued_at"])
    void_document(s, new["id"], reason="更正有误")
    assert _actions(s)[-2:] == ["correct", "void"]
    prev = A.GENESIS
    for e in s.conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        entry = dict(zip([d[0] for d in s.conn.execute("SELECT * FROM audit_log").description], e))
        assert entry["prev_hash"] == prev and A.entry_hash(entry) == entry["hash"]
        prev = entry["hash"]
    report = verify(s, full=True)
    assert report.ok, report.problems
    assert report.records == 4  # the finding, the inspection, two documents


def test_a_failed_act_leaves_no_entry(legal):
    s, ids = legal
    n = len(_actions(s))
    with pytest.raises(ValueError):
        void_document(s, ids["record"]["id"], reason="  ")
    void_document(s, ids["record"]["id"], reason="录入错误")
    with pytest.raises(ValueError):
        void_document(s, ids["record"]["id"], reason="再次作废")
    assert len(_actions(s)) == n + 1


def test_the_content_of_a_record_includes_its_photo_hashes(legal):
    s, ids = legal
    photos = ids["record"]["content"]["photos"]
    assert photos and all(len(p["sha256"]) == 64 and not p["path"].startswith("/") for p in photos)


def test_verify_is_clean_on_an_untouched_database(legal):
    s, _ = legal
    assert verify(s, full=True).ok
    assert verify(s).ok


def test_a_dropped_trigger_is_found(legal):
    s, _ = legal
    s.conn.execute("DROP TRIGGER protect_inspection_update")
    problems = verify(s).problems
    assert any("protect_inspection_update" in p and "缺失" in p for p in problems)


def test_an_altered_trigger_is_found(legal):
    s, _ = legal
    s.conn.execute("DROP TRIGGER protect_photo_delete")
    s.conn.execute("CREATE TRIGGER protect_photo_delete BEFORE DELETE ON photo WHEN 0 BEGIN SELECT 1; END")
    assert any("已被改动" in p for p in verify(s).problems)


@pytest.mark.parametrize(("table", "sql"), [
    ("document", "UPDATE document SET content = replace(content, '安全出口', '消防通道')"),
    ("inspection", "UPDATE inspection SET witness = '另一人'"),
    ("inspection", "UPDATE inspection SET onsite_person = '' "),
    ("inspection", "UPDATE inspection SET finalised_at = '2026-01-01T00:00:00'"),
    ("inspection_answer", "UPDATE inspection_answer SET answer = '符合' WHERE answer = '不符合'"),
    ("finding", "UPDATE finding SET grade_override_reason = 'x', description = '已改'"),
    ("photo", "UPDATE photo SET deleted = 1"),
])
def test_plain_sql_behind_the_apps_back_is_found(legal, table, sql):
    s, _ = legal
    _drop_triggers(s, table)
    s.conn.execute(sql)
    s.conn.execute("SELECT 1")
    from inspector_app.storage.protect import install_triggers
    install_triggers(s.conn)  # even with the triggers put back afterwards
    problems = verify(s, full=True).problems
    assert any("不一致" in p for p in problems), problems


def test_a_deleted_record_is_found(legal):
    s, ids = legal
    _drop_triggers(s, "document")
    s.conn.execute("DELETE FROM document WHERE id = ?", [ids["record"]["id"]])
    problems = verify(s, full=True).problems
    assert any("已从数据库中删除" in p for p in problems)
    assert any("缺少编号：1" in p for p in problems)  # and the numbering gap


@pytest.mark.parametrize("sql", [
    "UPDATE audit_log SET content_sha256 = '00' WHERE seq = 2",
    "DELETE FROM audit_log WHERE seq = 2",
    "UPDATE audit_log SET at = '2020-01-01' WHERE seq = 1",
])
def test_a_rewritten_chain_is_found(legal, sql):
    s, _ = legal
    _drop_triggers(s, "audit_log")
    s.conn.execute(sql)
    assert any("审计记录" in p for p in verify(s, full=True).problems)


def test_incremental_verify_notices_history_rewritten_since_the_last_run(legal):
    s, _ = legal
    assert verify(s).ok
    _drop_triggers(s, "audit_log")
    s.conn.execute("DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)")
    assert any("已被删除或改写" in p for p in verify(s).problems)


def test_a_swapped_photo_is_found_and_the_record_is_not_printed(legal):
    s, ids = legal
    render_document(s, ids["record"]["id"])  # prints while the evidence is intact
    ph = ids["record"]["content"]["photos"][0]
    f = paths.photos_dir(s.path) / ph["path"]
    f.write_bytes(f.read_bytes() + b"swapped")
    with pytest.raises(ValueError, match="现场照片1.*已被改动"):
        render_document(s, ids["record"]["id"])
    assert any("照片文件已被改动" in p for p in verify(s, full=True).problems)
    f.unlink()
    with pytest.raises(ValueError, match="已缺失"):
        render_document(s, ids["record"]["id"])


def test_moving_the_data_folder_breaks_nothing(legal, tmp_path):
    s, ids = legal
    s.close()
    moved = tmp_path / "elsewhere" / "data"
    shutil.move(str(tmp_path / "data"), moved)
    s2 = open_db(moved / "inspector.sqlite")
    try:
        assert render_document(s2, ids["record"]["id"])[:4] == b"%PDF"
        assert verify(s2, full=True).ok
    finally:
        s2.close()


def test_frozen_absolute_paths_become_relative_with_the_hash_they_were_named_by():
    sha = "ab" * 32
    content = {"photos": [{"path": f"/home/officer/.local/share/x/photos/ab/{sha}.jpg", "caption": "c"},
                          {"path": f"C:\\Users\\x\\photos\\ab\\{sha}.jpg"}]}
    assert _relative_photos(content)
    assert content["photos"] == [{"path": f"ab/{sha}.jpg", "caption": "c", "sha256": sha},
                                 {"path": f"ab/{sha}.jpg", "sha256": sha}]
    assert not _relative_photos(content)  # idempotent


def test_a_chain_rewritten_after_a_backup_disagrees_with_the_backups_head(legal):
    s, _ = legal
    seq, h = s.conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    assert verify(s, full=True, anchors=[(seq, h, "b.sqlite")]).ok
    problems = verify(s, full=True, anchors=[(seq, "0" * 64, "b.sqlite")]).problems
    assert any("b.sqlite" in p and "改写" in p for p in problems)


def test_baseline_hashes_each_record_as_content_of_does(legal):
    # The baseline reads findings and documents in bulk (a county bundle brings thousands);
    # each entry must still hash what content_of gives for that record, or verify would flag it.
    from inspector_app.storage import audit

    s, ids = legal
    with s.write():
        # a second, closed finding (state set directly: only its content matters here)
        row = dict(zip([d[0] for d in s.conn.execute("SELECT * FROM finding").description],
                       s.conn.execute("SELECT * FROM finding WHERE id = ?", [ids["finding_id"]]).fetchone()))
        row.update(id=row["id"][:-4] + "beef", state="closed", closed_on="2026-11-30", inspection_id=None)
        s.conn.execute(f"INSERT INTO finding ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        n = audit.baseline(s.conn, at="2026-12-01T10:00:00+08:00", device="A1", again=True)
    entries = [e for e in audit.entries(s.conn) if e["action"] == "baseline"]
    assert n == len(entries) == 4  # two findings, the inspection, its record
    closed = 0
    for e in entries:
        action = audit.content_action(e["record_kind"], "baseline", s.conn, e["record_id"])
        closed += action == "close"
        want = A.content_hash(audit.content_of(s.conn, e["record_kind"], e["record_id"], action))
        assert e["content_sha256"] == want, e
    assert closed == 1
    prev = A.GENESIS
    for e in audit.entries(s.conn):
        assert e["prev_hash"] == prev and A.entry_hash(e) == e["hash"]
        prev = e["hash"]
    assert verify(s, full=True).ok
