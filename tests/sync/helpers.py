"""Laptops and a minimal county relay for the sync tests.

The relay is the county's merge reduced to what the laptop relies on (``sync.merge`` with the
county's policy over an ``Engine``, acknowledgements, high-water marks, a signed return bundle);
the full county is tested in tests/county with the same engine parametrization.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from inspector_app.core.ids import uuid7
from inspector_app.storage import documents, open_db, open_memory, township
from inspector_app.storage.township import Officer, TownshipSetup
from inspector_app.sync import bundle as B
from inspector_app.sync import keys as K
from inspector_app.sync import laptop
from inspector_app.sync import merge as M
from inspector_app.sync import tables as T

TOWNSHIP = "周庄镇"
OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]


def setup(s, code: str, *, villages=("周庄村",), officers=True):
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院", township=TOWNSHIP, device_code=code,
                                          villages=list(villages),
                                          officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]
                                          if officers else []))
    return s


def memory_laptop(code: str):
    return setup(open_memory(device=code), code)


def file_laptop(folder: Path, code: str, **kw):
    s = open_db(Path(folder) / code / "inspector.sqlite", create=True)
    return setup(s, code, **kw)


def add_enterprise(s, name: str, *, uscc: str | None = None, village_id: str | None = None) -> str:
    row = {"name": name, "uscc": uscc, "village_id": village_id}
    s.stamp(row, new=True)
    cols = list(row)
    with s.write():
        s.conn.execute(f"INSERT INTO enterprise ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       [row[c] for c in cols])
    return row["id"]


def edit(s, table: str, row_id: str, **values) -> None:
    """A local edit the way the storage layer writes one: stamped, in a write transaction."""
    s.stamp(values, new=False)
    with s.write():
        sets = ", ".join(f'"{c}" = ?' for c in values)
        s.conn.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*values.values(), row_id])


def rectification(s, enterprise_id: str, *, tag: str = "", year: int = 2026) -> dict:
    content = {"officers": OFFICERS, "items": [{"description": "冲床防护罩缺失" + tag, "deadline": f"{year}-06-20",
                                                 "legal_basis": "《中华人民共和国安全生产法》第三十六条"}]}
    return documents.issue_document(s, kind="rectification_order", content=content, enterprise_id=enterprise_id,
                                    issued_at=f"{year}-06-01T10:00:00+08:00")


def dump(s) -> str:
    """Everything the database holds (schema and rows) plus the photo files: equal = untouched."""
    from inspector_app import paths

    # sqlcipher3 has no iterdump(): the schema, then every table's rows in rowid order.
    lines = [r[0] for r in s.conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name")]
    for (name,) in s.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        lines += [repr(r) for r in s.conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid')]
    text = "\n".join(lines)
    if s.path is not None:
        root = paths.photos_dir(s.path)
        files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []
        text += "\n" + "\n".join(files)
    return text


def table_state(conn_or_engine, names=T.NAMES, *, skip=()) -> dict:
    out = {}
    for t in names:
        if hasattr(conn_or_engine, "query"):
            rows = conn_or_engine.query(f'SELECT * FROM "{t}" ORDER BY id')
        else:
            cur = conn_or_engine.execute(f'SELECT * FROM "{t}" ORDER BY id')
            names_ = [d[0] for d in cur.description]
            rows = [dict(zip(names_, r)) for r in cur.fetchall()]
        out[t] = [{k: v for k, v in r.items() if k not in skip} for r in rows]
    return out


class Relay:
    """A county in miniature over an Engine whose store has the synced tables."""

    def __init__(self, engine, township_name: str = TOWNSHIP):
        self.engine = engine
        self.township = township_name
        self.key = K.generate()
        self.seq = 0
        self.acks: dict[str, dict] = {}
        self.high_water: dict[tuple, int] = {}
        self.photos: dict[str, bytes] = {}
        self.settings: dict = {}
        self.conflicts: list[dict] = []

    @property
    def fingerprint(self) -> str:
        return K.fingerprint(self.key.public_key())

    def key_file(self, path: Path) -> Path:
        return K.write_key_file(path, {"public_key": K.public_key_text(self.key.public_key()),
                                       "county": "江阴市应急管理局"}, role="county")

    def receive_rows(self, m: dict, tables: dict[str, list[dict]]) -> M.MergeResult:
        total = M.MergeResult()
        with self.engine.transaction():
            for t in T.NAMES:
                if tables.get(t):
                    rows = [r for r in tables[t] if T.table(t).owner not in ("officer", "legal")
                            or r["origin"] in (m["origin"], M.UNIFY_ORIGIN)]
                    total.add(M.merge_rows(self.engine, T.table(t), rows, source_origin=m["origin"],
                                           policy=M.Policy(bundle_id=m["bundle_id"], at="2026-12-01T00:00:00")))
            M.complete_staged(self.engine, total.staged)
            M.follow_all_aliases(self.engine)
        top = max((int(r["hlc"]) for rows in tables.values() for r in rows if r["origin"] == m["origin"]), default=0)
        prev = self.acks.get(m["origin"], {"hlc": 0, "sequence": 0})
        self.acks[m["origin"]] = {"hlc": max(prev["hlc"], top), "sequence": max(prev["sequence"], m["sequence"])}
        for hw in m.get("high_water") or []:
            k = (hw["series"], hw["kind"], hw["year"])
            self.high_water[k] = max(self.high_water.get(k, 0), hw["last"])
        self.settings.update(m.get("settings") or {})
        self.conflicts += total.conflicts
        return total

    def receive(self, path: Path, store) -> M.MergeResult:
        pub = K.device_key(store).public_key()
        with B.open_bundle(path, trusted_keys={K.fingerprint(pub): pub}) as b:
            for sha in b.photo_names:
                self.photos[sha] = b.photo(sha)
            return self.receive_rows(b.manifest, {t: list(b.rows(t)) for t in b.tables})

    def take(self, store) -> M.MergeResult:
        """The laptop's export without a file: what export_bundle would carry."""
        tables, since = laptop.collect(store)
        with store.write():
            row = store.conn.execute("SELECT last_seq FROM sync_identity WHERE id = 1").fetchone()
            K.device_key(store)
            seq = (row[0] if row else 0) + 1
            store.conn.execute("UPDATE sync_identity SET last_seq = ? WHERE id = 1", [seq])
            laptop.mark_exported(store, tables)
        m = {"bundle_id": uuid7(), "origin": laptop.device_code(store), "sequence": seq, "high_water": []}
        return self.receive_rows(m, tables)

    def rows(self) -> dict[str, list[dict]]:
        out = {}
        shadows = {(s["tbl"], s["row_id"]): s for s in self.engine.query("SELECT * FROM sync_shadow")}
        for t in T.NAMES:
            rows = self.engine.query(f'SELECT * FROM "{t}" ORDER BY id')
            for r in rows:
                s = shadows.get((t, r["id"]))
                same = s is not None and int(s["hlc"]) == int(r["hlc"])
                r["_base_hlc"] = int(s["base_hlc"]) if same else 0
                r["_changed"] = s["changed"] if same else None
            if rows:
                out[t] = rows
        return out

    def manifest(self) -> dict:
        self.seq += 1
        return {"kind": "county", "bundle_id": uuid7(), "origin": "county", "township": self.township,
                "sequence": self.seq, "addressed_to": {"township": self.township, "device": None},
                "acks": dict(self.acks), "settings": dict(self.settings),
                "high_water": [{"series": s, "kind": k, "year": y, "last": n}
                               for (s, k, y), n in sorted(self.high_water.items())]}

    def give(self, store) -> dict:
        """The return bundle's merge without a file (what import_bundle does after verifying)."""
        m = self.manifest()
        tables = self.rows()
        return laptop.apply(store, m, lambda t: tables[t], [t for t in T.NAMES if t in tables])

    def write_return(self, path: Path, **overrides) -> Path:
        m = dict(self.manifest(), **overrides)
        tables = self.rows()
        shas = {r["sha256"] for r in tables.get("photo", []) if r.get("sha256")}
        photos = {s: self.photos[s] for s in shas if s in self.photos}
        return B.write_bundle(path, manifest=m, tables=tables or {"village": []}, photos=photos, signing_key=self.key)


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def jdump(x) -> str:
    return json.dumps(x, ensure_ascii=False, sort_keys=True, default=str)
