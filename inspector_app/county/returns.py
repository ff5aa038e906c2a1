"""The return bundle of one township: what every laptop of it gets back from the county.

It carries every synced row of the township (master data, the other officers' records, the
aliases of unified enterprises), the photos those rows reference, the acknowledgements (per
laptop: the last bundle sequence and the highest HLC the county merged), every document series'
high-water mark, and the township's settings (so ``bundle setup`` can build a new laptop). Its
``sequence`` counts the township's return bundles and only grows, so a laptop refuses an older
one (no replay). Signed with the county key; written atomically by ``sync.bundle.write_bundle``.

Sending every row each time keeps it simple and order-free: laptops merge idempotently, so
rows they already hold are no-ops.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..core import clock
from ..core.ids import uuid7
from ..sync import bundle as B
from ..sync import merge
from ..sync import tables as T
from .store import CountyError, CountyStore


@dataclass
class ReturnInfo:
    path: Path
    township: str
    sequence: int
    rows: int
    photos: int
    devices: list[str]


def township_rows(cs: CountyStore, township: str) -> dict[str, list[dict]]:
    e = cs.engine
    out = {}
    laptop = T.laptop_schema()
    for t in T.SYNCED:
        if t.name not in laptop or not laptop[t.name]:
            continue
        cols = [c[0] for c in laptop[t.name]]
        sel = ", ".join(f"x.{e.quote(c)}" for c in cols)
        rows = e.query(
            f"SELECT {sel} FROM {e.quote(t.name)} x JOIN county_row c ON c.tbl = :tbl AND c.row_id = x.id "
            "WHERE c.township = :t ORDER BY x.hlc, x.id", {"tbl": t.name, "t": township})
        # Each row carries the version it was based on, so a laptop sees another officer's edit of
        # a record it had not touched as a successor, not as a concurrent edit (no false conflicts).
        out[t.name] = merge.carry_base(e, t.name, rows)
    return out


def acks(cs: CountyStore, township: str) -> dict:
    rows = cs.engine.query(
        "SELECT device, max(sequence) AS seq, max(hlc_to) AS hlc, max(received_at) AS at FROM county_bundle "
        "WHERE township = :t GROUP BY device", {"t": township})
    return {r["device"]: {"sequence": int(r["seq"] or 0), "hlc": int(r["hlc"] or 0), "at": r["at"] or ""}
            for r in rows}


def high_water(cs: CountyStore, township: str) -> list[dict]:
    """Every series of the township: the larger of the laptops' marks and the documents' numbers."""
    marks: dict[tuple, int] = {}
    series = {s for d in cs.devices(township, active=False) for s in d.series}
    for r in cs.engine.query("SELECT series, kind, year, last FROM county_high_water WHERE township = :t",
                             {"t": township}):
        series.add(r["series"])
        marks[(r["series"], r["kind"], int(r["year"]))] = int(r["last"])
    for r in cs.engine.query(
            "SELECT d.series, d.kind, d.year, max(d.seq) AS last FROM document d "
            "JOIN county_row c ON c.tbl = 'document' AND c.row_id = d.id WHERE c.township = :t "
            "GROUP BY d.series, d.kind, d.year", {"t": township}):
        key = (r["series"], r["kind"], int(r["year"]))
        marks[key] = max(marks.get(key, 0), int(r["last"]))
    return [{"series": s, "kind": k, "year": y, "last": last} for (s, k, y), last in sorted(marks.items())]


def write_return(cs: CountyStore, township: str, out: str | Path) -> ReturnInfo:
    """Write the township's return bundle to ``out`` (a file, or a folder: named by the bundle
    format's rule)."""
    from ..storage.photos import photo_path

    township = (township or "").strip()
    known = cs.townships()
    if township not in known:
        listed = "、".join(known) if known else "（尚无）"
        raise CountyError(f"县局没有登记过“{township}”的电脑，无法生成返回数据包。已登记的乡镇：{listed}。")
    # Reserved before writing: two county users never hand out the same sequence, and a failed
    # write only leaves a gap (laptops need it to grow, not to be gap-free).
    with cs.engine.transaction():
        cs.engine.lock(f"return:{township}")
        row = cs.engine.query("UPDATE county_township SET return_seq = return_seq + 1 WHERE name = :t "
                              "RETURNING return_seq, settings", {"t": township})
    seq = int(row[0]["return_seq"])
    settings = json.loads(row[0]["settings"] or "{}")
    tables = township_rows(cs, township)
    photos = {}
    photo_col = {t.name: t.photo_column for t in T.SYNCED if t.photo_column}
    for name, col in photo_col.items():
        for r in tables.get(name, []):
            sha = r.get(col)
            if sha and not r.get("deleted"):
                p = photo_path(cs.photos_dir, sha)
                if p.exists():
                    photos[sha] = p
    hlcs = [int(r["hlc"] or 0) for rows in tables.values() for r in rows]
    now = clock.now_iso()
    bundle_id = uuid7()
    devices = [d.device for d in cs.devices(township)]
    manifest = {
        "kind": "county", "origin": "county", "bundle_id": bundle_id, "township": township,
        "sequence": seq, "created_at": now, "hlc_from": min(hlcs, default=0), "hlc_to": max(hlcs, default=0),
        "addressed_to": {"township": township, "device": None}, "acks": acks(cs, township),
        "high_water": high_water(cs, township), "settings": settings, "county": cs.name,
        "devices": devices,
    }
    from .. import __version__

    manifest["app_version"] = __version__
    out = Path(out)
    if out.is_dir():
        out = out / B.file_name(township=township, origin="county", at=now, bundle_id=bundle_id)
    path = B.write_bundle(out, manifest=manifest, tables=tables, photos=photos, signing_key=cs.private_key())
    nrows = sum(len(v) for v in tables.values())
    with cs.engine.transaction():
        cs.engine.execute(
            "INSERT INTO county_return (township, sequence, bundle_id, written_at, file_name, rows_out, photos) "
            "VALUES (:t, :s, :b, :w, :f, :r, :p)",
            {"t": township, "s": seq, "b": bundle_id, "w": now, "f": path.name, "r": nrows, "p": len(photos)})
    return ReturnInfo(path, township, seq, nrows, len(photos), devices)


__all__ = ["ReturnInfo", "acks", "high_water", "township_rows", "write_return"]
