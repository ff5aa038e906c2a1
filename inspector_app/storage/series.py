"""Number series blocked after a restore until their high-water mark is confirmed.

A laptop restored from a backup has forgotten every number it issued after that backup was
taken; those numbers may already be printed and served. So a restore blocks every document
series of this laptop (each kind, each year from the backup's to the restore's), and
``documents.issue_document`` refuses to number a document in a blocked series. A series is
unblocked by confirming its high-water mark: the last number in the paper register (执法文书登记簿),
typed in by the officer, or the county's mark from a later bundle (``documents.raise_high_water``).
A confirmation lower than the highest number this database knows is refused. The next document
then continues past the confirmed number.
"""

from __future__ import annotations

from ..core import documents as docs


def _dicts(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def highest_known(conn, series: str, kind: str, year: int) -> int:
    """The highest serial this database knows for the series: its counter or any document."""
    r = conn.execute(
        "SELECT max(coalesce((SELECT last FROM doc_seq WHERE series = ? AND kind = ? AND year = ?), 0), "
        "coalesce((SELECT max(seq) FROM document WHERE series = ? AND kind = ? AND year = ?), 0))",
        [series, kind, year, series, kind, year]).fetchone()
    return int(r[0] or 0)


def block_all(conn, *, series: str, years, blocked_at: str, backup_taken_at: str) -> int:
    """Block every kind of ``series`` for ``years`` (inside the caller's transaction)."""
    n = 0
    for year in sorted(set(int(y) for y in years)):
        for kind in docs.KINDS:
            conn.execute(
                "INSERT INTO series_block (series, kind, year, blocked_at, backup_taken_at, backup_last) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (series, kind, year) DO UPDATE SET "
                "blocked_at = excluded.blocked_at, backup_taken_at = excluded.backup_taken_at, "
                "backup_last = excluded.backup_last, confirmed_last = NULL, confirmed_at = '', source = ''",
                [series, kind, year, blocked_at, backup_taken_at, highest_known(conn, series, kind, year)])
            n += 1
    return n


def blocked(store, *, series: str | None = None) -> list[dict]:
    """The unconfirmed blocks, each with ``title`` and ``highest_known``."""
    where, params = "confirmed_last IS NULL", []
    if series is not None:
        where += " AND series = ?"
        params.append(series)
    rows = _dicts(store.conn.execute(
        f"SELECT * FROM series_block WHERE {where} ORDER BY year, series, kind", params))
    for r in rows:
        r["title"] = docs.TITLES.get(r["kind"], r["kind"])
        r["highest_known"] = highest_known(store.conn, r["series"], r["kind"], r["year"])
    return rows


def all_blocks(store) -> list[dict]:
    return _dicts(store.conn.execute("SELECT * FROM series_block ORDER BY year, series, kind"))


def check_can_issue(store, series: str, kind: str, year: int) -> None:
    """Refuse (Chinese ValueError) to number a document in a blocked series."""
    r = store.conn.execute(
        "SELECT backup_taken_at FROM series_block WHERE series = ? AND kind = ? AND year = ? "
        "AND confirmed_last IS NULL", [series, kind, int(year)]).fetchone()
    if r is None:
        return
    title = docs.TITLES.get(kind, kind)
    when = f"（备份时间{r[0][:16].replace('T', ' ')}）" if r[0] else ""
    raise ValueError(
        f"本机数据已从备份恢复{when}，{year}年{title}的编号尚未确认，暂不能出具，以免重复使用已打印的文号。"
        f"请对照纸质执法文书登记簿，在“确认文书编号”中填写该类文书{year}年已用到的最大编号"
        f"（命令行：inspector series confirm {kind} --year {year} --last 编号），或导入县局之后下发的数据包。")


def mark_confirmed(conn, series: str, kind: str, year: int, last: int, *, at: str, source: str) -> bool:
    """Record a confirmation (no checks; the caller applied the mark). True if a block was lifted."""
    cur = conn.execute(
        "UPDATE series_block SET confirmed_last = ?, confirmed_at = ?, source = ? "
        "WHERE series = ? AND kind = ? AND year = ? AND confirmed_last IS NULL",
        [int(last), at, source, series, kind, int(year)])
    return cur.rowcount > 0


def confirm(store, kind: str, *, year: int, last: int, series: str | None = None,
            source: str = "register") -> int:
    """Confirm the high-water mark of a series from the paper register; returns the number the
    next document will follow. Refused below the highest number this database knows."""
    from . import audit
    from .db import now_iso
    from .documents import raise_high_water, series_code

    if kind not in docs.KINDS:
        by_title = {v: k for k, v in docs.TITLES.items()}
        if kind not in by_title:
            raise ValueError(f"文书种类“{kind}”无法识别，可选：{'、'.join(docs.KINDS)}。")
        kind = by_title[kind]
    try:
        last = int(last)
    except (TypeError, ValueError):
        raise ValueError(f"编号应为整数，实为“{last}”。") from None
    if last < 0:
        raise ValueError("编号不能为负数。")
    series = series or series_code(store)
    year = int(year)
    title = docs.TITLES[kind]
    with store.write():
        known = highest_known(store.conn, series, kind, year)
        if last < known:
            raise ValueError(
                f"填写的编号{last}小于本机已知的{year}年{title}最大编号{known}，不能确认。"
                "请核对纸质登记簿上最后一份该类文书的编号。")
        result = raise_high_water(store, series, kind, year, last, source=source)
        audit.record(store, "confirm_series", "series", f"{series}/{kind}/{year}",
                     content={"series": series, "kind": kind, "year": year, "last": last, "source": source})
        mark_confirmed(store.conn, series, kind, year, last, at=now_iso(), source=source)
    return result


__all__ = ["all_blocks", "block_all", "blocked", "check_can_issue", "confirm", "highest_known", "mark_confirmed"]
