"""What the county received from whom and when, who has gone silent, and the open conflicts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..core import clock
from .store import CountyStore

SILENT_DAYS = 30


@dataclass
class DeviceLine:
    township: str
    device: str
    enrolled_at: str
    bundles: int
    rows: int
    last_received: str
    last_sequence: int
    silent_days: int | None  # days since the last bundle (or since enrolment when none came)

    @property
    def silent(self) -> bool:
        return self.silent_days is not None and self.silent_days >= SILENT_DAYS


def _days_since(moment: str, now: datetime) -> int | None:
    from ..core.dates import local_naive

    if not moment:
        return None
    try:
        then = local_naive(moment)
    except ValueError:
        return None
    return max(0, (now - then) // timedelta(days=1))


def device_lines(cs: CountyStore) -> list[DeviceLine]:
    now = clock.now()
    stats = {r["device"]: r for r in cs.engine.query(
        "SELECT device, count(*) AS n, sum(rows_in) AS rows, max(received_at) AS last, max(sequence) AS seq "
        "FROM county_bundle GROUP BY device")}
    out = []
    for d in cs.devices():
        s = stats.get(d.device)
        last = (s["last"] if s else "") or ""
        out.append(DeviceLine(d.township, d.device, d.enrolled_at, int(s["n"]) if s else 0,
                              int(s["rows"] or 0) if s else 0, last, int(s["seq"] or 0) if s else 0,
                              _days_since(last or d.enrolled_at, now)))
    return out


def recent_bundles(cs: CountyStore, limit: int = 50) -> list[dict]:
    return cs.engine.query(
        "SELECT received_at, township AS town, device, sequence, rows_in, new_rows, updated_rows, unchanged_rows, "
        "skipped_rows, conflicts, photos, file_name, note FROM county_bundle "
        "ORDER BY received_at DESC, device LIMIT :n", {"n": int(limit)})


def table_counts(cs: CountyStore) -> list[dict]:
    """Rows held per township and table (live rows, tombstones apart)."""
    rows = []
    for t in ("enterprise", "inspection", "finding", "document", "photo"):
        rows += cs.engine.query(
            f"SELECT c.township AS town, :tbl AS tbl, count(*) AS n, "
            f"sum(CASE WHEN x.deleted = 0 THEN 1 ELSE 0 END) AS live FROM {cs.engine.quote(t)} x "
            "JOIN county_row c ON c.tbl = :tbl AND c.row_id = x.id GROUP BY c.township", {"tbl": t})
    return rows


def report_text(cs: CountyStore) -> str:
    lines = [f"{cs.name} 数据汇总报告（{clock.now().strftime('%Y-%m-%d %H:%M')}）", ""]
    devices = device_lines(cs)
    if not devices:
        lines.append("尚未登记任何乡镇电脑。请用“inspector county enrol --db … 密钥文件”登记。")
        return "\n".join(lines)
    lines.append("各台电脑：")
    for d in devices:
        if d.bundles:
            got = f"收到{d.bundles}个数据包（{d.rows}行），最近一次 {d.last_received[:16].replace('T', ' ')}（序号{d.last_sequence}）"
        else:
            got = "尚未收到任何数据包"
        warn = f"  ⚠ 已{d.silent_days}天未报送" if d.silent else ""
        lines.append(f"  {d.township} {d.device}：{got}{warn}")
    silent = [d for d in devices if d.silent]
    lines.append("")
    if silent:
        lines.append(f"超过{SILENT_DAYS}天未报送的电脑（{len(silent)}台）：" +
                     "、".join(f"{d.township}{d.device}" for d in silent) + "。请联系相关乡镇尽快导出并报送数据包。")
    else:
        lines.append(f"所有电脑在{SILENT_DAYS}天内都有报送。")
    counts = table_counts(cs)
    if counts:
        names = {"enterprise": "企业", "inspection": "检查", "finding": "隐患", "document": "文书", "photo": "照片"}
        lines += ["", "各乡镇汇总数据（有效记录数）："]
        by_t: dict[str, dict[str, int]] = {}
        for r in counts:
            by_t.setdefault(r["town"], {})[r["tbl"]] = int(r["live"] or 0)
        for town, c in sorted(by_t.items()):
            lines.append(f"  {town}：" + "，".join(f"{names[k]}{c.get(k, 0)}" for k in names))
    bundles = recent_bundles(cs, 20)
    if bundles:
        lines += ["", "最近收到的数据包："]
        for b in bundles:
            lines.append(
                f"  {b['received_at'][:16].replace('T', ' ')} {b['town']} {b['device']} 序号{b['sequence']}："
                f"{b['rows_in']}行（新增{b['new_rows']}，更新{b['updated_rows']}，未变{b['unchanged_rows']}），"
                f"冲突{b['conflicts']}，照片{b['photos']}" + (f"；{b['note']}" if b["note"] else ""))
    n = open_conflict_count(cs)
    lines += ["", f"待处理的冲突：{n}条" + ("（inspector county conflicts 查看）" if n else "")]
    return "\n".join(lines)


LABELS = {"parallel update": "并行修改（不同字段，两边都已保留）", "conflict": "冲突（同一字段，按时间先后保留了较新的一方）"}


def open_conflict_count(cs: CountyStore) -> int:
    if "sync_conflict" not in cs.engine.tables():
        return 0
    return int(cs.engine.query("SELECT count(*) AS n FROM sync_conflict WHERE resolved_at = ''")[0]["n"])


def conflicts(cs: CountyStore, *, include_resolved: bool = False) -> list[dict]:
    if "sync_conflict" not in cs.engine.tables():
        return []
    where = "" if include_resolved else " WHERE resolved_at = ''"
    return cs.engine.query(f"SELECT * FROM sync_conflict{where} ORDER BY detected_at, tbl, row_id")


def conflicts_text(cs: CountyStore) -> str:
    found = conflicts(cs)
    if not found:
        return "没有待处理的冲突。"
    lines = [f"待处理的冲突共{len(found)}条："]
    for c in found:
        try:
            cols = "、".join(json.loads(c["columns"] or "[]"))
        except ValueError:
            cols = c["columns"] or ""
        from ..sync.state import TABLE_TITLES

        what = TABLE_TITLES.get(c["tbl"], c["tbl"])
        try:
            name = json.loads(c["winner"]).get("name") or ""
        except (ValueError, AttributeError):
            name = ""
        lines.append(f"  {c['detected_at'][:16].replace('T', ' ')} {what}{('“' + name + '”') if name else ''} {c['row_id']}："
                     f"{LABELS.get(c['label'], c['label'])}；字段：{cols or '—'}；"
                     f"保留 {c['winner_origin']} 的版本，另一版本来自 {c['loser_origin']}（已记录，未丢失）")
    return "\n".join(lines)


__all__ = ["DeviceLine", "SILENT_DAYS", "conflicts", "conflicts_text", "device_lines", "open_conflict_count",
           "recent_bundles", "report_text", "table_counts"]
