"""Merging laptop bundles into the county store: all or nothing per bundle.

For each bundle, in this order:

1. ``open_bundle`` verifies it against the enrolled laptops' keys (signature, hashes, format,
   hostile content); then it must be a laptop bundle from the device whose key signed it, for
   that device's township. A bundle already merged is reported as such and changes nothing.
2. Photos are written to the county's photo folder under their hash *before* any row is
   committed (an orphan file is harmless, a row pointing at a missing file is not).
3. One transaction (advisory-locked per bundle on PostgreSQL): every synced table in dependency
   order through ``sync.merge.merge_rows`` (last writer wins by HLC and origin, conflicts
   recorded, legal records never changed, enterprises unified by credit code); the rows' township
   recorded in ``county_row``; high-water marks, township settings and the bundle's receipt.
   A legal conflict or a document number already used by another document in the county rolls
   the whole bundle back, with a message naming the number and the laptop.

Officer-owned and legal rows are taken only from the laptop that wrote them (``origin`` equal
to the sender): a laptop that re-sends another officer's records sends nothing new, and one that
tried to alter them could not.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..storage.db import now_iso
from ..sync import bulk
from ..sync import tables as T
from ..sync.bundle import open_bundle
from .store import CountyError, CountyStore

_CHUNK = 400


@dataclass
class MergeOutcome:
    file: str
    bundle_id: str = ""
    device: str = ""
    township: str = ""
    sequence: int = 0
    status: str = "merged"  # "merged" | "already"
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    conflicts: int = 0
    photos: int = 0
    tables: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.new + self.updated + self.unchanged


def _integrity_errors() -> tuple[type[BaseException], ...]:
    errs: list[type[BaseException]] = [sqlite3.IntegrityError]
    try:
        import psycopg

        errs.append(psycopg.errors.IntegrityError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errs)


def _claim_rows(cs: CountyStore, table: str, src, only_origin: str | None, township: str) -> None:
    """Record the township of rows the county did not know yet (those of the bundle's ``table``
    it took: ``only_origin``'s, if given)."""
    where, params = "", {"tbl": table, "t": township}
    if only_origin is not None:
        where, params["origin"] = " AND s.origin = :origin", only_origin
    cs.engine.execute(
        f"INSERT INTO county_row (tbl, row_id, township) SELECT :tbl, s.id, :t FROM {src.ref(table)} s "
        f"WHERE true{where} ON CONFLICT (tbl, row_id) DO NOTHING", params)


def _bundle_aliases(cs: CountyStore, b, src) -> list[str]:
    """The lost ids of the aliases the bundle brought (a laptop unified two rows itself)."""
    if not b.count("id_alias"):
        return []
    return [r["id"] for r in cs.engine.query(f"SELECT id FROM {src.ref('id_alias')}")]


def _check_doc_numbers(cs: CountyStore, rows: list[dict], device: str) -> None:
    """Refuse a document whose number another document in the county already holds."""
    e = cs.engine
    for i in range(0, len(rows), _CHUNK):
        chunk = rows[i:i + _CHUNK]
        params = {f"n{j}": r["doc_no"] for j, r in enumerate(chunk)}
        if not params:
            continue
        marks = ", ".join(f":{k}" for k in params)
        clash = e.query(f"SELECT id, doc_no, origin FROM document WHERE doc_no IN ({marks})", params)
        by_no = {r["doc_no"]: r for r in chunk}
        for c in clash:
            if c["id"] != by_no[c["doc_no"]]["id"]:
                raise CountyError(
                    f"数据包被拒绝（未合并任何数据）：设备“{device}”的文书编号“{c['doc_no']}”在县局已被另一份文书"
                    f"（设备“{c['origin']}”）使用。该电脑可能是从旧备份恢复的，重复使用了已出具的编号。"
                    "请核对纸质执法文书登记簿，先把县局的返回数据包导入该电脑（恢复编号进度），"
                    "作废重复编号的文书后重新出具，再重新导出数据包。")


def _write_photos(cs: CountyStore, bundle, township: str) -> int:
    from ..storage.photos import photo_path, write_file_durable

    root = cs.photos_dir
    written = 0
    for sha in sorted(bundle.photo_names):
        target = photo_path(root, sha)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_file_durable(target, bundle.photo(sha))  # checked against its hash by bundle.photo
        written += 1
    return written


def merge_file(cs: CountyStore, path: str | Path) -> MergeOutcome:
    """Merge one laptop bundle (see the module text); raises CountyError / BundleError."""
    from ..sync.merge import Policy, complete_staged, follow_all_aliases, merge_rows

    path = Path(path)
    out = MergeOutcome(file=path.name)
    trusted = cs.trusted_keys()
    if not trusted:
        raise CountyError("县局尚未登记任何乡镇电脑，无法核验数据包。请先用“inspector county enrol”登记各台电脑的密钥文件。")
    with open_bundle(path, trusted_keys=trusted, decrypt_key=cs.encryption_key()) as b:
        m = b.manifest
        by_fp = {d.fingerprint: d for d in cs.devices()}
        dev = by_fp[b.sender_fingerprint]
        if b.kind != "laptop":
            raise CountyError(f"“{path.name}”是县局下发的数据包，不是乡镇电脑导出的数据包，不能合并到县局汇总库。")
        if m.get("origin") != dev.device:
            raise CountyError(f"数据包“{path.name}”自称来自设备“{m.get('origin')}”，但签名属于设备“{dev.device}”，已拒绝。")
        if m.get("township") != dev.township:
            raise CountyError(f"数据包“{path.name}”属于“{m.get('township')}”，而设备“{dev.device}”登记在"
                              f"“{dev.township}”，已拒绝。如该电脑已调到别的乡镇，请重新登记。")
        out.bundle_id, out.device, out.township = b.bundle_id, dev.device, dev.township
        out.sequence = int(m.get("sequence") or 0)
        if cs.engine.query("SELECT 1 FROM county_bundle WHERE bundle_id = :b", {"b": b.bundle_id}):
            out.status = "already"
            return out
        last = cs.engine.query("SELECT max(sequence) AS s FROM county_bundle WHERE device = :d", {"d": dev.device})
        if last and last[0]["s"] is not None and out.sequence <= last[0]["s"]:
            out.warnings.append(f"设备“{dev.device}”的数据包序号{out.sequence}不大于已收到的{last[0]['s']}："
                                "该电脑可能从旧备份恢复过，请留意其文书编号。")
        out.photos = _write_photos(cs, b, dev.township)
        now = now_iso()  # the laptops' format (with the zone), so laptops and county compare it
        policy = Policy(bundle_id=b.bundle_id, at=now, unify_params={"u_township": dev.township},
                        unify_scope=" AND EXISTS (SELECT 1 FROM county_row c WHERE c.tbl = :u_tbl "
                                    "AND c.row_id = {t}.id AND c.township = :u_township)")
        try:
            with bulk.attach(cs.engine, b) as src, cs.engine.transaction():
                cs.engine.lock(b.bundle_id)
                if cs.engine.query("SELECT 1 FROM county_bundle WHERE bundle_id = :b", {"b": b.bundle_id}):
                    out.status = "already"  # merged meanwhile by another county user
                    return out
                staged, new_lost = [], []
                for t in T.SYNCED:
                    if t.name not in b.tables or not b.count(t.name):
                        continue
                    only = dev.device if t.owner in ("officer", "legal") else None
                    if t.name == "document":
                        _check_doc_numbers(cs, [r for r in b.rows(t.name) if only is None or r.get("origin") == only],
                                           dev.device)
                    res, skipped = bulk.merge_table(cs.engine, t, src, policy=policy, source_origin=dev.device,
                                                    only_origin=only)
                    out.skipped += skipped
                    staged += res.staged
                    new_lost += [lost for lost, _ in res.unified]
                    _claim_rows(cs, t.name, src, only, dev.township)
                    out.new += res.new
                    out.updated += res.updated
                    out.unchanged += res.unchanged
                    out.conflicts += len(res.conflicts)
                    out.tables[t.name] = {"new": res.new, "updated": res.updated, "unchanged": res.unchanged,
                                          "conflicts": len(res.conflicts)}
                complete_staged(cs.engine, staged)
                # Once per bundle, after the staged final inspections are final again, so frozen
                # records are judged as on every laptop (the same statements everywhere).
                follow_all_aliases(cs.engine, new_lost=new_lost + _bundle_aliases(cs, b, src),
                                   touched={t: f"SELECT id FROM {src.ref(t)}" for t in b.tables if b.count(t)})
                # Rows the merge itself wrote (aliases of unified enterprises) belong here too.
                cs.engine.execute(
                    "INSERT INTO county_row (tbl, row_id, township) SELECT 'id_alias', a.id, :t FROM id_alias a "
                    "WHERE NOT EXISTS (SELECT 1 FROM county_row c WHERE c.tbl = 'id_alias' AND c.row_id = a.id)",
                    {"t": dev.township})
                _record_high_water(cs, m.get("high_water") or [], dev.township)
                _record_settings(cs, m, dev.township)
                _record_bundle(cs, b, dev, out, now)
        except _integrity_errors() as e:
            raise CountyError(f"数据包“{path.name}”（设备“{dev.device}”）与县局已有数据冲突，已整体拒绝，"
                              f"县局数据未作任何改动：{str(e).splitlines()[0]}") from e
    return out


def _record_high_water(cs: CountyStore, marks: list, township: str) -> None:
    params = []
    for h in marks:
        try:
            params.append({"s": str(h["series"]), "k": str(h["kind"]), "y": int(h["year"]), "l": int(h["last"]),
                           "t": township})
        except (KeyError, TypeError, ValueError):
            continue  # a malformed mark is ignored; the documents themselves still count
    cs.engine.executemany(
        "INSERT INTO county_high_water AS h (series, kind, year, last, township) VALUES (:s, :k, :y, :l, :t) "
        "ON CONFLICT (series, kind, year) DO UPDATE SET last = CASE WHEN excluded.last > h.last "
        "THEN excluded.last ELSE h.last END", params)


def _record_settings(cs: CountyStore, m: dict, township: str) -> None:
    settings = m.get("settings")
    if not isinstance(settings, dict) or not settings:
        return
    hlc = int(m.get("hlc_to") or 0)
    cs.engine.execute(
        "INSERT INTO county_township AS t (name, return_seq, settings, settings_hlc) VALUES (:n, 0, :s, :h) "
        "ON CONFLICT (name) DO UPDATE SET settings = excluded.settings, settings_hlc = excluded.settings_hlc "
        "WHERE excluded.settings_hlc >= t.settings_hlc",
        {"n": township, "s": json.dumps(settings, ensure_ascii=False, sort_keys=True), "h": hlc})


def _record_bundle(cs: CountyStore, b, dev, out: MergeOutcome, now: str) -> None:
    m = b.manifest
    cs.engine.execute(
        "INSERT INTO county_bundle (bundle_id, device, township, sequence, sha256, file_name, hlc_from, hlc_to, "
        "created_at, received_at, rows_in, new_rows, updated_rows, unchanged_rows, skipped_rows, conflicts, "
        "photos, counts, note) VALUES (:b, :d, :t, :seq, :sha, :f, :hf, :ht, :c, :r, :rows, :n, :u, :un, :sk, "
        ":cf, :p, :counts, :note)",
        {"b": b.bundle_id, "d": dev.device, "t": dev.township, "seq": out.sequence, "sha": b.sha256,
         "f": out.file, "hf": int(m.get("hlc_from") or 0), "ht": int(m.get("hlc_to") or 0),
         "c": str(m.get("created_at") or ""), "r": now, "rows": sum(b.count(t) for t in b.tables),
         "n": out.new, "u": out.updated, "un": out.unchanged, "sk": out.skipped, "cf": out.conflicts,
         "p": len(b.photo_names), "counts": json.dumps(out.tables, ensure_ascii=False, sort_keys=True),
         "note": "；".join(out.warnings)})


def merge_files(cs: CountyStore, paths: list[str | Path], *, on_done=None) -> list[MergeOutcome]:
    """Merge several bundles one after another, each all or nothing; stops at the first refusal
    (the bundles merged before it stay merged)."""
    outcomes = []
    for p in paths:
        o = merge_file(cs, p)
        outcomes.append(o)
        if on_done:
            on_done(o)
    return outcomes


__all__ = ["MergeOutcome", "merge_file", "merge_files"]
