"""``inspector verify``: is every legal record still what it was when it was issued or finalised?

Checks, each reported as one Chinese line:

* the protection triggers are all present and exactly as declared (``storage.protect``);
* the audit chain: consecutive numbers, each entry's hash, each link to the previous entry;
* every audited record still exists and its legal content still hashes to its latest entry
  (changes made with plain SQL behind the application's back);
* every photo: the file exists and has the hash its row (and every issued record) froze;
* numbering: no serial missing in this laptop's series, no counter behind an issued number;
* (full) ``integrity_check`` and ``foreign_key_check``, every legal record has an entry, and the
  chain still holds the entries that earlier backups recorded as its head.

Start-up runs it incrementally: only entries appended since the last clean run (plus the
triggers, the link to the last checked entry and the numbering), which costs milliseconds.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..core import audit as A
from ..core import documents as docs
from . import audit
from .protect import trigger_problems

AUDITED = ("document", "inspection", "finding", "suspension")
KIND_WHAT = {"document": "文书", "inspection": "检查记录", "finding": "隐患", "suspension": "停产整改记录"}


@dataclass
class Report:
    full: bool
    problems: list[str] = field(default_factory=list)
    entries: int = 0          # chain entries checked
    records: int = 0          # records compared with their entry
    photos: int = 0           # photo files hashed
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


def _label(conn, kind: str, record_id: str) -> str:
    if kind == "document":
        r = conn.execute("SELECT doc_no FROM document WHERE id = ?", [record_id]).fetchone()
        return f"文书{r[0]}" if r else f"文书（{record_id}）"
    if kind == "inspection":
        r = conn.execute("SELECT e.name, i.started_at FROM inspection i LEFT JOIN enterprise e "
                         "ON e.id = i.enterprise_id WHERE i.id = ?", [record_id]).fetchone()
        return f"{r[0]}{r[1][:10]}的检查记录" if r else f"检查记录（{record_id}）"
    if kind == "finding":
        r = conn.execute("SELECT description FROM finding WHERE id = ?", [record_id]).fetchone()
        return f"隐患“{r[0][:20]}”" if r else f"隐患（{record_id}）"
    if kind == "suspension":
        r = conn.execute("SELECT e.name, s.started_on FROM suspension s LEFT JOIN enterprise e "
                         "ON e.id = s.enterprise_id WHERE s.id = ?", [record_id]).fetchone()
        return f"{r[0]}{r[1]}起的停产整改记录" if r else f"停产整改记录（{record_id}）"
    return f"{kind}（{record_id}）"


def _state(conn) -> tuple[int, str]:
    r = conn.execute("SELECT checked_seq, checked_hash FROM verify_state WHERE id = 1").fetchone()
    return (r[0], r[1]) if r else (0, "")


def _check_chain(conn, report: Report, after: int, after_hash: str) -> list[dict]:
    """Check entries after ``after``; returns them."""
    prev_seq, prev_hash = 0, A.GENESIS
    if after:
        r = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [after]).fetchone()
        if r is None or r[0] != after_hash:
            report.problems.append(f"审计记录第{after}条已被删除或改写（上次检查后）。")
            return []
        prev_seq, prev_hash = after, after_hash
    out = []
    for e in audit.entries(conn, after=after):
        report.entries += 1
        if e["seq"] != prev_seq + 1:
            report.problems.append(f"审计记录第{prev_seq + 1}至{e['seq'] - 1}条缺失（被删除）。")
        if e["prev_hash"] != prev_hash:
            report.problems.append(f"审计记录第{e['seq']}条与前一条的链接断开（之前的记录被改写或删除）。")
        if A.entry_hash(e) != e["hash"]:
            report.problems.append(f"审计记录第{e['seq']}条的内容已被改动（哈希不符）。")
        prev_seq, prev_hash = e["seq"], e["hash"]
        out.append(e)
    return out


def _check_records(conn, report: Report, latest: dict[tuple[str, str], dict]) -> None:
    for (kind, rid), e in latest.items():
        if kind not in AUDITED:
            continue
        report.records += 1
        action = audit.content_action(kind, e["action"], conn, rid)
        content = audit.content_of(conn, kind, rid, action)
        if content is None:
            report.problems.append(f"{KIND_WHAT[kind]}（{rid}）已从数据库中删除，审计记录第{e['seq']}条仍记载着它。")
        elif A.content_hash(content) != e["content_sha256"]:
            report.problems.append(f"{_label(conn, kind, rid)}的内容与审计记录第{e['seq']}条不一致：登记后被直接改动。")


def _check_photo_file(report: Report, root: Path | None, path: Path, sha: str, what: str) -> None:
    from .photos import file_sha256

    report.photos += 1
    actual = file_sha256(path)
    if actual is None and not Path(path).exists():
        report.problems.append(f"{what}的照片文件缺失：{path}")
    elif actual is None:  # present but cannot be read or decrypted: changed on disk
        report.problems.append(f"{what}的照片文件已被改动（无法读取或解密）：{path}")
    elif actual != sha:
        report.problems.append(f"{what}的照片文件已被改动（哈希不符）：{path}")


def _document_photos(conn, report: Report, root: Path | None, doc_ids) -> None:
    import json

    from .photos import resolve

    for doc_id in doc_ids:
        r = conn.execute("SELECT doc_no, content FROM document WHERE id = ?", [doc_id]).fetchone()
        if r is None:
            continue
        for n, ph in enumerate(json.loads(r[1]).get("photos") or [], 1):
            if not ph.get("sha256"):
                report.problems.append(f"文书{r[0]}的照片{n}没有冻结哈希，无法核验。")
                continue
            _check_photo_file(report, root, resolve(root, ph["path"]), ph["sha256"], f"文书{r[0]}照片{n}")


def _all_photos(conn, report: Report, root: Path, where: str = "deleted = 0", params=()) -> None:
    from .photos import photo_path

    seen = set()
    for _pid, sha, _ins in conn.execute(f"SELECT id, sha256, inspection_id FROM photo WHERE {where}", list(params)):
        if sha in seen:
            continue
        seen.add(sha)
        _check_photo_file(report, root, photo_path(root, sha), sha, "照片记录")


def _numbering(store, report: Report) -> None:
    from ..core import settings as S
    from . import settings

    own = settings.get(store, S.DEVICE_CODE)
    # Numbers lost with a restore and confirmed from the paper register were issued on paper:
    # not gaps (docs/backup.md).
    lost = {}
    for series, kind, year, first, last in store.conn.execute(
            "SELECT series, kind, year, backup_last, confirmed_last FROM series_block WHERE confirmed_last IS NOT NULL"):
        lost.setdefault((series, kind, year), set()).update(range(first + 1, last + 1))
    for series, kind, year, last in store.conn.execute(
            "SELECT series, kind, year, last FROM doc_seq WHERE series = ? ORDER BY kind, year", [own]).fetchall():
        have = {r[0] for r in store.conn.execute(
            "SELECT seq FROM document WHERE series = ? AND kind = ? AND year = ?", [series, kind, year])}
        missing = [n for n in range(1, last + 1) if n not in have and n not in lost.get((series, kind, year), ())]
        if missing:
            report.problems.append(f"文书编号：{docs.TITLES.get(kind, kind)} {year}年 {series} 序列缺少编号："
                                   + "、".join(map(str, missing[:20])) + ("等" if len(missing) > 20 else ""))
    for series, kind, year, last, top in store.conn.execute(
            "SELECT s.series, s.kind, s.year, s.last, max(d.seq) FROM doc_seq s JOIN document d "
            "ON d.series = s.series AND d.kind = s.kind AND d.year = s.year GROUP BY 1, 2, 3 HAVING max(d.seq) > s.last"):
        report.problems.append(f"文书编号：{docs.TITLES.get(kind, kind)} {year}年 {series} 序列的计数器（{last}）"
                               f"落后于已出具的编号{top}，下一份文书将无法编号。")


def _missing_entries(conn, report: Report) -> None:
    have = {(k, i) for k, i in conn.execute("SELECT DISTINCT record_kind, record_id FROM audit_log")}
    for (rid,) in conn.execute("SELECT id FROM document"):
        if ("document", rid) not in have:
            report.problems.append(f"{_label(conn, 'document', rid)}没有审计记录（未经本软件写入）。")
    for (rid,) in conn.execute("SELECT id FROM inspection WHERE status = 'final'"):
        if ("inspection", rid) not in have:
            report.problems.append(f"{_label(conn, 'inspection', rid)}没有审计记录（未经本软件定稿）。")


def _anchors(conn, report: Report, anchors) -> None:
    for seq, hash_, where in anchors or ():
        r = conn.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq]).fetchone()
        if r is None or r[0] != hash_:
            report.problems.append(f"审计记录第{seq}条与备份“{where}”中记载的不一致：备份之后审计记录被改写。")


def verify(store, *, full: bool = False, photos_root: str | Path | None = None, anchors=None,
           remember: bool = True) -> Report:
    """Check the database (see the module text). ``anchors``: (seq, hash, where) chain heads
    recorded by backups. A clean run is remembered so that the next incremental run starts there."""
    from .. import paths

    t0 = time.perf_counter()
    conn = store.conn
    root = Path(photos_root) if photos_root is not None else paths.photos_dir(store.path)
    report = Report(full=full)
    if full:
        bad = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if bad != ["ok"]:
            report.problems += [f"数据库文件损坏：{b}" for b in bad[:10]]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            report.problems.append(f"数据库中有{len(fk)}处引用指向不存在的记录（首个：表{fk[0][0]}）。")
    report.problems += trigger_problems(conn)
    after, after_hash = (0, "") if full else _state(conn)
    new = _check_chain(conn, report, after, after_hash)
    latest = audit.latest_entries(conn)
    if full:
        _check_records(conn, report, latest)
        _document_photos(conn, report, root, [r[0] for r in conn.execute(
            "SELECT id FROM document WHERE kind = ? ORDER BY issued_at", [docs.INSPECTION_RECORD])])
        _all_photos(conn, report, root)
        _missing_entries(conn, report)
        _anchors(conn, report, anchors)
    else:
        touched = {(e["record_kind"], e["record_id"]) for e in new}
        _check_records(conn, report, {k: v for k, v in latest.items() if k in touched})
        _document_photos(conn, report, root, [rid for kind, rid in touched if kind == "document"])
        for kind, rid in touched:
            if kind == "inspection":
                _all_photos(conn, report, root, "inspection_id = ? AND deleted = 0", [rid])
    _numbering(store, report)
    if remember and report.ok:
        seq, h = audit.head(conn)
        from .db import now_iso

        with store.write():
            conn.execute("INSERT INTO verify_state (id, checked_seq, checked_hash, checked_at) VALUES (1, ?, ?, ?) "
                         "ON CONFLICT (id) DO UPDATE SET checked_seq = excluded.checked_seq, "
                         "checked_hash = excluded.checked_hash, checked_at = excluded.checked_at",
                         [seq, h, now_iso()])
    report.seconds = time.perf_counter() - t0
    return report


__all__ = ["Report", "verify"]
