"""What the 同步 screen shows and does, at storage level (no Qt): the outbox, the last export and
import with dates and counts, the conflicts with both versions, resolving one, the keys.

    status(store) -> dict          everything the screen's header needs, in one call
    outbox(store) -> list[dict]    exports the county has not acknowledged yet (newest first)
    exports(store, limit) / imports(store, limit) -> list[dict]
    conflicts(store, *, include_resolved=False) -> list[dict]   both versions, column by column
    resolve(store, conflict_id, choice)   choice "keep" (the current version stays) or "other"
                                          (the other version's values of those columns, as a new edit)
"""

from __future__ import annotations

import json

from ..core import settings as S
from ..storage import settings as settings_store
from ..storage.db import Store, not_found, now_iso
from . import keys as K
from . import tables as T

TABLE_TITLES = {
    "village": "村（社区）", "officer": "执法人员", "enterprise": "企业", "id_alias": "合并的企业",
    "inspection": "检查记录", "inspection_answer": "检查结果", "finding": "隐患", "finding_event": "隐患处理记录",
    "photo": "照片", "document": "执法文书", "suspension": "停产整改", "ledger_activity": "宣传培训台账",
    "ledger_equipment": "特种设备台账", "ledger_person": "特种作业人员台账", "ledger_hazard_source": "危险源台账",
    "ledger_accident": "事故台账", "ledger_action": "专项行动台账", "ledger_supervisor": "安全监督员台账",
    "ledger_referral": "案件移送台账", "ledger_quarter_report": "季度隐患报表", "ledger_quarter": "季度结账",
    "ledger_quarter_log": "结账记录",
}
LABELS = {"parallel update": "同时修改（不同字段，已合并）", "conflict": "修改冲突（同一字段）"}
CHOICES = ("keep", "other")
PER_FIELD = True  # resolve() also takes {column: "keep"|"other"}


def _dicts(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _export_row(r: dict) -> dict:
    r["counts"] = json.loads(r["counts"] or "{}")
    r["acked"] = bool(r["acked_at"])
    return r


def outbox(store: Store) -> list[dict]:
    return [_export_row(r) for r in _dicts(store.conn.execute(
        "SELECT * FROM sync_export WHERE acked_at = '' ORDER BY seq DESC"))]


def exports(store: Store, limit: int = 20) -> list[dict]:
    return [_export_row(r) for r in _dicts(store.conn.execute(
        "SELECT * FROM sync_export ORDER BY seq DESC LIMIT ?", [limit]))]


def imports(store: Store, limit: int = 20) -> list[dict]:
    rows = _dicts(store.conn.execute("SELECT * FROM sync_import ORDER BY imported_at DESC, seq DESC LIMIT ?", [limit]))
    for r in rows:
        r["counts"] = json.loads(r["counts"] or "{}")
    return rows


def status(store: Store) -> dict:
    """Device, township, own and county key fingerprints, outbox size, the last export and
    import (or None), the open conflicts."""
    own = store.conn.execute("SELECT public_key FROM sync_identity WHERE id = 1").fetchone()
    county = list(K.county_keys(store))
    ex, im = exports(store, 1), imports(store, 1)
    return {
        "device": settings_store.get(store, S.DEVICE_CODE) or "",
        "township": settings_store.get(store, S.TOWNSHIP) or "",
        "fingerprint": K.fingerprint(own[0]) if own else None,
        "county_fingerprint": county[0] if county else None,
        "outbox": len(outbox(store)),
        "last_export": ex[0] if ex else None,
        "last_import": im[0] if im else None,
        "open_conflicts": store.conn.execute("SELECT count(*) FROM sync_conflict WHERE resolved_at = ''").fetchone()[0],
    }


def _describe(row: dict) -> str:
    for key in ("name", "doc_no", "description", "title"):
        if row.get(key):
            return str(row[key])[:40]
    return str(row.get("id", ""))


def conflicts(store: Store, *, include_resolved: bool = False) -> list[dict]:
    """Each conflict with ``winner``/``loser`` as dicts, ``title`` (what record, in Chinese),
    ``label_text`` (ODK's label in plain Chinese), ``columns`` and ``differences``:
    [(column, current value, other value)] for the columns both versions differ in."""
    where = "" if include_resolved else "WHERE resolved_at = ''"
    rows = _dicts(store.conn.execute(f"SELECT * FROM sync_conflict {where} ORDER BY detected_at DESC, id"))
    for r in rows:
        r["winner"], r["loser"] = json.loads(r["winner"]), json.loads(r["loser"])
        r["columns"] = json.loads(r["columns"])
        r["table_title"] = TABLE_TITLES.get(r["tbl"], r["tbl"])
        r["title"] = f"{r['table_title']}“{_describe(r['winner'])}”"
        r["label_text"] = LABELS.get(r["label"], r["label"])
        skip = {"hlc", "origin", "updated_at", "created_at"}
        r["differences"] = [(c, r["winner"].get(c), r["loser"].get(c)) for c in r["winner"]
                            if c not in skip and r["winner"].get(c) != r["loser"].get(c)]
        who = r["loser_origin"] or "另一台设备"
        r["explanation"] = (f"本机与{who}同时修改了该{r['table_title']}的"
                            f"{'、'.join(r['columns'][:6]) or '内容'}；已按修改时间保留较新的版本，另一版本保存在此供核对。")
    return rows


def resolve(store: Store, conflict_id: str, choice: str | dict[str, str]) -> dict:
    """Resolve a conflict: ``keep`` the current version, or take the ``other`` version's values
    of the conflicting columns as a new edit on this laptop (it travels in the next export).
    Returns the conflict as resolved."""
    per_field = isinstance(choice, dict)
    if per_field:
        if not choice or any(v not in CHOICES for v in choice.values()):
            raise ValueError("请为每个字段选择保留当前值（keep）或采用另一版本的值（other）。")
    elif choice not in CHOICES:
        raise ValueError("请选择保留当前版本（keep）或采用另一版本（other）。")
    row = store.conn.execute("SELECT tbl, row_id, columns, loser, resolved_at FROM sync_conflict WHERE id = ?",
                             [conflict_id]).fetchone()
    if row is None:
        raise not_found("该冲突记录")
    tbl, row_id, cols, loser, done = row
    if done:
        raise ValueError("该冲突已处理过。")
    table = T.table(tbl)
    with store.write():
        if per_field or choice == "other":
            other = json.loads(loser)
            current = _dicts(store.conn.execute(f'SELECT * FROM "{tbl}" WHERE id = ?', [row_id]))
            if not current:
                raise not_found("冲突涉及的记录")
            if table.is_legal(current[0]):
                raise ValueError("该记录已成为法律文书或已定稿的检查记录，不能再改动；请以现有版本为准。")
            if per_field:
                wanted = [c for c, v in choice.items() if v == "other"]
            else:
                wanted = json.loads(cols) or [c for c in other if c in current[0]]
            names = [c for c in wanted if c in current[0] and c not in ("id", "hlc", "origin", "created_at", "updated_at")]
            update = {c: other.get(c) for c in names}
            if update:
                store.stamp(update, new=False)
                sets = ", ".join(f'"{c}" = ?' for c in update)
                store.conn.execute(f'UPDATE "{tbl}" SET {sets} WHERE id = ?', [*update.values(), row_id])
        store.conn.execute("UPDATE sync_conflict SET resolved_at = ?, resolution = ? WHERE id = ?",
                           [now_iso(), json.dumps(choice, ensure_ascii=False) if per_field else choice, conflict_id])
    return next(c for c in conflicts(store, include_resolved=True) if c["id"] == conflict_id)


__all__ = ["CHOICES", "LABELS", "PER_FIELD", "TABLE_TITLES", "conflicts", "exports", "imports", "outbox", "resolve", "status"]
