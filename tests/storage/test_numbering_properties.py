"""Property tests of document numbering across laptops working offline.

Two laptops (series A1 and B2) issue random sequences of documents, with voids, corrections,
issues rolled back by the caller and issues refused by validation. Afterwards:

* the union of their numbers has no duplicate, and the county can hold both sets under its
  UNIQUE(doc_no);
* within each (series, kind, year) the serials are exactly 1..n, n being the counter;
* a voided document keeps its number (and text) in the register;
* no issued document changed in any frozen column, whatever path was tried; a correction is a
  new number that names the old one.
"""

from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.storage import documents, open_memory, township
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]
KINDS = ("rectification_order", "onsite_measures", "reinspection_opinion")
YEARS = (2025, 2026)
FROZEN = ("id", "kind", "doc_no", "series", "year", "seq", "enterprise_id", "inspection_id",
          "issued_at", "content", "supersedes_id")
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def laptop(code):
    s = open_memory(device=code)
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code=code, villages=["周庄村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    row = {"name": f"江阴市{code}机械有限公司"}
    s.stamp(row, new=True)
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name, hlc, origin) VALUES (?, ?, ?, ?)",
                       [row["id"], row["name"], row["hlc"], row["origin"]])
    return s, row["id"]


def content(kind, year, *, valid=True, tag=""):
    day = f"{year}-06-01"
    if kind == "rectification_order":
        items = [{"description": "冲床防护罩缺失" + tag, "deadline": f"{year}-06-20",
                  "legal_basis": "《中华人民共和国安全生产法》第三十六条"}] if valid else []
        return {"officers": OFFICERS, "items": items}
    if kind == "onsite_measures":
        return {"officers": OFFICERS if valid else OFFICERS[:1], "inspected_on": day,
                "dangers": ["除尘器未设泄爆装置" + tag], "legal_basis": "安全生产法第六十五条",
                "decisions": ["责令暂时停止使用相关设施、设备"], "suspension_scope": "1号除尘系统"}
    return {"officers": OFFICERS, "original_doc_no": "（澄）应急责改〔%d〕A1-1号" % year if valid else "",
            "original_date": day, "opinion": "经复查，已整改完毕。" + tag}


def frozen(s, doc_id):
    cur = s.conn.execute(f"SELECT {', '.join(FROZEN)} FROM document WHERE id = ?", [doc_id])
    return cur.fetchone()


OPS = st.one_of(
    st.tuples(st.just("issue"), st.integers(0, 1), st.sampled_from(KINDS), st.sampled_from(YEARS)),
    st.tuples(st.just("rollback"), st.integers(0, 1), st.sampled_from(KINDS), st.sampled_from(YEARS)),
    st.tuples(st.just("invalid"), st.integers(0, 1), st.sampled_from(KINDS), st.sampled_from(YEARS)),
    st.tuples(st.just("void"), st.integers(0, 1), st.integers(0, 50), st.just(0)),
    st.tuples(st.just("correct"), st.integers(0, 1), st.integers(0, 50), st.just(0)),
    st.tuples(st.just("tamper"), st.integers(0, 1), st.integers(0, 50), st.sampled_from(FROZEN[1:])),
)


@SETTINGS
@given(ops=st.lists(OPS, min_size=1, max_size=25))
def test_two_laptops_offline_never_duplicate_or_skip(ops):
    laptops = [laptop("A1"), laptop("B2")]
    issued: list[list[dict]] = [[], []]       # per laptop, in issue order
    snapshots: dict[str, tuple] = {}
    voided: set[str] = set()
    expected = Counter()                      # (series, kind, year) -> documents that must exist

    for op, who, a, b in ops:
        s, ent = laptops[who]
        series = ("A1", "B2")[who]
        if op in ("issue", "rollback", "invalid"):
            kind, year = a, b
            if op == "issue":
                d = documents.issue_document(s, kind=kind, content=content(kind, year), enterprise_id=ent,
                                             issued_at=f"{year}-06-01")
                issued[who].append(d)
                snapshots[d["id"]] = frozen(s, d["id"])
                expected[(series, kind, year)] += 1
            elif op == "rollback":
                with pytest.raises(RuntimeError):
                    with s.write():
                        documents.issue_document(s, kind=kind, content=content(kind, year), enterprise_id=ent,
                                                 issued_at=f"{year}-06-01")
                        raise RuntimeError("caller aborts after issuing")
            else:
                with pytest.raises(ValueError):
                    documents.issue_document(s, kind=kind, content=content(kind, year, valid=False),
                                             enterprise_id=ent, issued_at=f"{year}-06-01")
            continue
        if not issued[who]:
            continue
        d = issued[who][a % len(issued[who])]
        if op == "void":
            if d["id"] in voided:
                with pytest.raises(ValueError, match="已作废"):
                    documents.void_document(s, d["id"], reason="重复作废")
            else:
                documents.void_document(s, d["id"], reason="填写错误")
                voided.add(d["id"])
        elif op == "correct":
            current = documents.get_document(s, d["id"])
            if d["id"] in voided or current["superseded_by_id"]:
                with pytest.raises(ValueError):
                    documents.correct_document(s, d["id"], content=content(d["kind"], d["year"], tag="（更正）"),
                                               issued_at=d["issued_at"])
                continue
            c = documents.correct_document(s, d["id"], content=content(d["kind"], d["year"], tag="（更正）"),
                                           issued_at=d["issued_at"])
            assert c["doc_no"] != d["doc_no"] and c["supersedes_id"] == d["id"]
            assert c["seq"] > d["seq"]
            issued[who].append(c)
            snapshots[c["id"]] = frozen(s, c["id"])
            expected[(series, c["kind"], c["year"])] += 1
        elif op == "tamper":
            with pytest.raises(sqlite3.DatabaseError):
                s.conn.execute(f"UPDATE document SET {b} = COALESCE({b}, '') || 'x' WHERE id = ?", [d["id"]])

    # (a) no duplicates across laptops; serials 1..n with n the counter, per (series, kind, year)
    numbers = [r["doc_no"] for s, _ in laptops for r in documents.register(s)]
    assert len(numbers) == len(set(numbers)) == sum(expected.values())
    for who, (s, _ent) in enumerate(laptops):
        series = ("A1", "B2")[who]
        seqs: dict[tuple, list[int]] = {}
        for r in documents.register(s):
            assert r["series"] == series
            seqs.setdefault((r["series"], r["kind"], r["year"]), []).append(r["seq"])
        for key, got in seqs.items():
            assert sorted(got) == list(range(1, expected[key] + 1)), key
            last = s.conn.execute("SELECT last FROM doc_seq WHERE series = ? AND kind = ? AND year = ?",
                                  list(key)).fetchone()[0]
            assert last == expected[key]
        assert set(seqs) == {k for k in expected if k[0] == series}
        assert documents.numbering_gaps(s) == []

    # (b) voids keep their numbers and their text
    for who, (s, _ent) in enumerate(laptops):
        reg = {r["id"]: r for r in documents.register(s)}
        for d in issued[who]:
            assert reg[d["id"]]["doc_no"] == d["doc_no"]
            assert (reg[d["id"]]["status"] == "void") == (d["id"] in voided)

    # (c) nothing frozen changed, whatever was tried
    for who, (s, _ent) in enumerate(laptops):
        for d in issued[who]:
            assert frozen(s, d["id"]) == snapshots[d["id"]]

    # the county can hold both laptops' documents under its UNIQUE(doc_no)
    county = open_memory(device="COUNTY")
    cols = [r[1] for r in county.conn.execute("PRAGMA table_info(document)")]
    with county.write():
        # A void re-stamps the old row, so in HLC order a correction can precede the row it
        # supersedes: a merge defers the foreign-key check to the commit.
        county.conn.execute("PRAGMA defer_foreign_keys = ON")
        for s, ent in laptops:
            county.conn.execute("INSERT INTO enterprise (id, name) SELECT ?, name FROM (SELECT ? AS name)",
                                [ent, "企业"])
            for row in s.conn.execute(f"SELECT {', '.join(cols)} FROM document ORDER BY hlc"):
                county.conn.execute(f"INSERT INTO document ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                    row)
    assert county.conn.execute("SELECT count(*) FROM document").fetchone()[0] == len(numbers)
    for s, _ in laptops + [(county, None)]:
        s.close()


@SETTINGS
@given(n=st.integers(1, 8), county_last=st.integers(0, 12))
def test_restored_backup_continues_after_the_county_high_water_mark(n, county_last):
    s, ent = laptop("A1")
    for _ in range(n):
        documents.issue_document(s, kind="rectification_order", content=content("rectification_order", 2026),
                                 enterprise_id=ent, issued_at="2026-06-01")
    documents.raise_high_water(s, "A1", "rectification_order", 2026, county_last)
    d = documents.issue_document(s, kind="rectification_order", content=content("rectification_order", 2026),
                                 enterprise_id=ent, issued_at="2026-06-01")
    assert d["seq"] == max(n, county_last) + 1
    s.close()
