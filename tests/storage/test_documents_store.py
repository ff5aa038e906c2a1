"""Issued documents: numbering per laptop series, frozen content, void, correction, service,
the register, and immutability enforced in SQL."""

from inspector_app.core import settings as S  # noqa: E402
from inspector_app.storage import settings as settings_store  # noqa: E402
import json
import shutil
from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)
import subprocess

import pytest

from inspector_app.core.ids import uuid7
from inspector_app.core import settings as S
from inspector_app.storage import documents, findings, open_memory, township
from inspector_app.storage import settings as prefs
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]


def make_store(device="A1"):
    s = open_memory(device=device)
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code=device, villages=["周庄村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    settings_store.put_many(s, {S.BANK_NAME: "中国农业银行江阴支行", S.BANK_ACCOUNT: "10640101040001234"})
    return s


def add_enterprise(s, name="江阴市周庄华宏机械有限公司"):
    row = {"name": name, "address": "江阴市周庄镇华宏路1号", "legal_rep": "王五"}
    s.stamp(row, new=True)
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name, address, legal_rep, hlc, origin) VALUES (?, ?, ?, ?, ?, ?)",
                       [row["id"], name, row["address"], row["legal_rep"], row["hlc"], row["origin"]])
    return row["id"]


@pytest.fixture
def s():
    s = make_store()
    yield s
    s.close()


@pytest.fixture
def ent(s):
    return add_enterprise(s)


def order_content(deadline="2026-03-20", desc="冲床防护罩缺失"):
    return {"officers": OFFICERS, "items": [{"description": desc, "deadline": deadline, "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}


def issue(s, ent, kind="rectification_order", content=None, issued="2026-03-05", **kw):
    return documents.issue_document(s, kind=kind, content=content or order_content(), enterprise_id=ent,
                                    issued_at=issued, **kw)


def raw(s, doc_id):
    cur = s.conn.execute("SELECT * FROM document WHERE id = ?", [doc_id])
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


# ------------------------------------------------------------------------------------------
# numbering

def test_number_format_and_serials(s, ent):
    d1 = issue(s, ent)
    assert d1["doc_no"] == "（澄）应急责改〔2026〕A1-1号"
    assert (d1["series"], d1["year"], d1["seq"]) == ("A1", 2026, 1)
    assert issue(s, ent)["doc_no"] == "（澄）应急责改〔2026〕A1-2号"
    # another kind and another year have their own serials
    op = issue(s, ent, kind="reinspection_opinion", content={
        "officers": OFFICERS, "original_doc_no": d1["doc_no"], "original_date": "2026-03-05",
        "opinion": "经复查，已整改完毕。"}, issued="2026-03-21")
    assert op["doc_no"] == "（澄）应急复查〔2026〕A1-1号"
    assert issue(s, ent, issued="2027-01-04", content=order_content("2027-02-01"))["doc_no"] == \
        "（澄）应急责改〔2027〕A1-1号"
    assert documents.peek_doc_no(s, "rectification_order", year=2026) == "（澄）应急责改〔2026〕A1-3号"
    assert documents.numbering_gaps(s) == []


def test_hazard_notice_is_numbered_in_the_townships_name(s, ent):
    d = issue(s, ent, kind="hazard_notice", content={
        "officers": [OFFICERS[0]], "inspected_on": "2026-03-05",
        "items": [{"description": "消防通道堵塞", "deadline": "2026-03-12", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})
    assert d["doc_no"] == "（周庄）隐改〔2026〕A1-1号"
    assert d["content"]["authority"]["township"] == "周庄镇"


def test_content_is_frozen_with_number_date_authority_and_party(s, ent):
    d = issue(s, ent)
    stored = json.loads(raw(s, d["id"])["content"])
    assert stored["doc_no"] == d["doc_no"]
    assert stored["issued_on"] == "2026-03-05"
    assert stored["authority"]["name"] == "江阴市应急管理局" and stored["authority"]["abbr"] == "澄"
    assert stored["party"]["name"] == "江阴市周庄华宏机械有限公司"
    assert stored["party"]["legal_rep"] == "王五"
    assert d["party"] == "江阴市周庄华宏机械有限公司"
    assert [o["name"] for o in d["officers"]] == ["张三", "李四"]
    assert d["origin"] == "A1" and d["hlc"] > 0
    # later setting changes do not touch the issued text
    prefs.put(s, S.AUTHORITY_NAME, "江阴市应急管理局（新）")
    assert documents.get_document(s, d["id"])["content"]["authority"]["name"] == "江阴市应急管理局"
    assert documents.content_of(s, d["id"]).authority.name == "江阴市应急管理局"


@pytest.mark.parametrize("content, msg", [
    ({"officers": OFFICERS[:1], "items": [{"description": "x", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}, "两名"),
    ({"officers": [OFFICERS[0], {"name": "王五", "cert_no": ""}],
      "items": [{"description": "x", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}, "证号"),
    ({"officers": OFFICERS, "items": []}, "至少列出一项"),
    ({"officers": OFFICERS, "items": [{"description": "x", "deadline": "2026-03-01", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}, "早于下达日期"),
    ({"officers": OFFICERS, "issued_on": "2026-03-06",
      "items": [{"description": "x", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]}, "日期不一致"),
])
def test_invalid_content_consumes_no_number(s, ent, content, msg):
    with pytest.raises(ValueError, match=msg):
        issue(s, ent, content=content)
    assert s.conn.execute("SELECT count(*) FROM doc_seq").fetchone()[0] == 0
    assert issue(s, ent)["seq"] == 1


def test_spot_penalty_limits_come_from_settings(s, ent):
    content = {"officers": OFFICERS, "variant": "unit", "decided_at": "2026-03-05T10:00",
               "place": "企业车间", "facts": "未设置安全警示标志", "violated": "安全生产法第三十五条",
               "basis": "安全生产法第九十九条", "amount": 2000}
    assert issue(s, ent, kind="spot_penalty", content=content)["seq"] == 1
    prefs.put(s, S.MAX_FINE_UNIT, 1000)
    with pytest.raises(ValueError, match="不得超过1000元"):
        issue(s, ent, kind="spot_penalty", content=content)


def test_rolled_back_issue_consumes_nothing(s, ent):
    with pytest.raises(RuntimeError):
        with s.write():
            issue(s, ent)
            raise RuntimeError("printer jammed, the caller aborts")
    assert s.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 0
    assert issue(s, ent)["doc_no"].endswith("A1-1号")


def test_needs_a_device_code_and_an_enterprise(ent):
    s = open_memory(device="X")
    prefs.put(s, S.COURT, "江阴市人民法院")
    with pytest.raises(ValueError, match="设备编号"):
        issue(s, add_enterprise(s))
    s.set_setting(S.DEVICE_CODE.key, "A-1")  # raw: settings.put refuses it, an old database may hold it
    with pytest.raises(ValueError, match="设备编号"):
        issue(s, add_enterprise(s, "另一家"))
    prefs.put(s, S.DEVICE_CODE, "A1")
    with pytest.raises(ValueError, match="企业不存在"):
        issue(s, "missing")
    assert issue(s, add_enterprise(s, "第三家"))["doc_no"] == "（澄）应急责改〔2026〕A1-1号"


def test_high_water_mark_from_the_county(s, ent):
    issue(s, ent)
    issue(s, ent)
    assert documents.raise_high_water(s, "A1", "rectification_order", 2026, 9) == 9
    assert documents.raise_high_water(s, "A1", "rectification_order", 2026, 4) == 9   # never lowers
    assert issue(s, ent)["seq"] == 10
    assert documents.raise_high_water(s, "A1", "onsite_measures", 2026, 3) == 3       # new row
    with pytest.raises(ValueError):
        documents.raise_high_water(s, "A1", "onsite_measures", 2026, -1)
    # numbers used before a restore are not in this database until the county sends them back;
    # the register check lists them
    assert documents.numbering_gaps(s) == [
        "现场处理措施决定书 2026年 A1 序列缺少编号：1、2、3",
        "责令限期整改指令书 2026年 A1 序列缺少编号：3、4、5、6、7、8、9",
    ]


# ------------------------------------------------------------------------------------------
# void, correction, service

def test_void_keeps_the_number_and_the_text(s, ent):
    d = issue(s, ent)
    before = raw(s, d["id"])
    with pytest.raises(ValueError, match="作废原因"):
        documents.void_document(s, d["id"], reason=" ")
    v = documents.void_document(s, d["id"], reason="企业名称写错")
    assert (v["status"], v["void_reason"], v["register_status"]) == ("void", "企业名称写错", "void")
    after = raw(s, d["id"])
    for col in ("doc_no", "seq", "content", "issued_at", "kind"):
        assert after[col] == before[col]
    assert after["hlc"] > before["hlc"]
    with pytest.raises(ValueError, match="已作废"):
        documents.void_document(s, d["id"], reason="再次")
    assert issue(s, ent)["seq"] == 2          # the voided number is not reused
    reg = documents.register(s)
    assert [(r["seq"], r["status"], r["status_label"]) for r in reg] == [(1, "void", "作废"), (2, "issued", "有效")]


def test_correction_is_a_new_number_and_leaves_the_old_row_alone(s, ent):
    d = issue(s, ent)
    before = raw(s, d["id"])
    c = documents.correct_document(s, d["id"], content=order_content(desc="冲床防护罩缺失（2号冲床）"), issued_at="2026-03-06")
    assert c["doc_no"] == "（澄）应急责改〔2026〕A1-2号"
    assert c["supersedes_id"] == d["id"] and c["supersedes_doc_no"] == d["doc_no"]
    assert raw(s, d["id"]) == before               # not a single column of the old row changed
    old = documents.get_document(s, d["id"])
    assert (old["register_status"], old["superseded_by_doc_no"]) == ("superseded", c["doc_no"])
    with pytest.raises(ValueError, match="已被.*更正"):
        documents.correct_document(s, d["id"], content=order_content(), issued_at="2026-03-06")
    c2 = documents.correct_document(s, c["id"], content=order_content(desc="第三稿"), issued_at="2026-03-06")
    assert c2["seq"] == 3
    reg = {r["seq"]: r for r in documents.register(s)}
    assert reg[1]["status"] == "superseded" and reg[1]["superseded_by_doc_no"].endswith("A1-2号")
    assert reg[2]["status"] == "superseded" and reg[2]["supersedes_doc_no"].endswith("A1-1号")
    assert reg[3]["status"] == "issued"
    documents.void_document(s, c2["id"], reason="作废")
    with pytest.raises(ValueError, match="已作废"):
        documents.correct_document(s, c2["id"], content=order_content(), issued_at="2026-03-06")
    with pytest.raises(ValueError, match="种类相同"):
        issue(s, ent, kind="hazard_notice", supersedes_id=d["id"], content={
            "officers": [OFFICERS[0]], "inspected_on": "2026-03-05",
            "items": [{"description": "x", "deadline": "2026-03-12", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]})


def test_service(s, ent):
    d = issue(s, ent)
    with pytest.raises(ValueError, match="早于"):
        documents.record_service(s, d["id"], served_at="2026-03-04T10:00", served_how="直接送达")
    with pytest.raises(ValueError, match="留置送达"):
        documents.record_service(s, d["id"], served_at="2026-03-05T10:00", served_how="直接送达",
                                 refused=True, note="负责人拒收")
    done = documents.record_service(s, d["id"], served_at="2026-03-05T10:00", served_how="留置送达",
                                    refused=True, note="负责人拒收，已拍照留存")
    assert (done["served_how"], done["service_refused"]) == ("留置送达", 1)
    with pytest.raises(ValueError, match="已登记送达"):
        documents.record_service(s, d["id"], served_at="2026-03-06T10:00", served_how="直接送达")
    v = issue(s, ent)
    documents.void_document(s, v["id"], reason="重复出具")
    with pytest.raises(ValueError, match="已作废"):
        documents.record_service(s, v["id"], served_at="2026-03-06T10:00", served_how="直接送达")
    reg = documents.register(s)[0]
    assert (reg["served_how"], reg["service_refused"], reg["officers"]) == (
        "留置送达", True, "张三（32010001）、李四（32010002）")


def test_service_at_issue(s, ent):
    d = issue(s, ent, served={"served_at": "2026-03-05T11:00", "served_how": "直接送达"})
    assert d["served_at"] == "2026-03-05T11:00"


# ------------------------------------------------------------------------------------------
# immutability

PROTECTED = [
    ("content", "'{}'"), ("doc_no", "'（澄）应急责改〔2026〕A1-99号'"), ("seq", "99"), ("year", "2025"),
    ("series", "'B2'"), ("kind", "'onsite_measures'"), ("issued_at", "'2026-01-01'"),
    ("enterprise_id", "NULL"), ("inspection_id", "'x'"), ("supersedes_id", "id"),
]


@pytest.mark.parametrize("col, value", PROTECTED)
def test_sql_update_of_an_issued_document_fails(s, ent, col, value):
    d = issue(s, ent)
    before = raw(s, d["id"])
    with pytest.raises(sqlite3.DatabaseError, match="不可修改"):
        s.conn.execute(f"UPDATE document SET {col} = {value} WHERE id = ?", [d["id"]])
    assert raw(s, d["id"]) == before


def test_void_is_final_and_delete_is_refused(s, ent):
    d = issue(s, ent)
    with pytest.raises(sqlite3.DatabaseError, match="不可删除"):
        s.conn.execute("DELETE FROM document WHERE id = ?", [d["id"]])
    with pytest.raises(sqlite3.DatabaseError, match="不可删除"):
        s.conn.execute("DELETE FROM document")
    documents.void_document(s, d["id"], reason="错号")
    with pytest.raises(sqlite3.DatabaseError, match="不可修改"):
        s.conn.execute("UPDATE document SET status = 'issued' WHERE id = ?", [d["id"]])
    with pytest.raises(sqlite3.DatabaseError, match="不可修改"):
        s.conn.execute("UPDATE document SET void_reason = '改' WHERE id = ?", [d["id"]])
    assert documents.get_document(s, d["id"])["status"] == "void"


def test_the_api_offers_no_way_to_edit():
    public = [n for n in dir(documents) if not n.startswith("_")]
    editing = [n for n in public if n.split("_")[0] in ("update", "edit", "modify", "set", "change", "delete")]
    assert editing == []


# ------------------------------------------------------------------------------------------
# register and lookups

def test_register_filters_and_order(s, ent):
    other = add_enterprise(s, "江阴市长寿纺织有限公司")
    issue(s, ent)
    issue(s, other, issued="2026-03-06")
    issue(s, ent, issued="2025-12-30", content=order_content("2026-01-10"))
    issue(s, ent, kind="onsite_measures", content={
        "officers": OFFICERS, "inspected_on": "2026-03-05", "dangers": ["除尘器未设泄爆装置"],
        "legal_basis": "安全生产法第六十五条", "decisions": ["责令暂时停止使用相关设施、设备"],
        "suspension_scope": "1号除尘系统"})
    assert [r["doc_no"] for r in documents.register(s, year=2026, kind="rectification_order")] == [
        "（澄）应急责改〔2026〕A1-1号", "（澄）应急责改〔2026〕A1-2号"]
    assert [r["party"] for r in documents.register(s, year=2026, kind="rectification_order")] == [
        "江阴市周庄华宏机械有限公司", "江阴市长寿纺织有限公司"]
    assert [r["year"] for r in documents.register(s)] == [2025, 2026, 2026, 2026]
    assert {r["title"] for r in documents.register(s, year=2026)} == {"责令限期整改指令书", "现场处理措施决定书"}
    assert documents.register(s, year=2024) == []


def test_documents_for_finding_and_inspection(s, ent):
    ins = uuid7()
    with s.write():
        s.conn.execute("INSERT INTO inspection (id, enterprise_id) VALUES (?, ?)", [ins, ent])
    fid = findings.create_finding(s, enterprise_id=ent, inspection_id=ins, item_key="k", description="冲床防护罩缺失",
                                  category="物", grade="一般", deadline="2026-03-20", found_on="2026-03-05")
    d = issue(s, ent, inspection_id=ins)
    issue(s, ent)                                   # unrelated
    findings.order_rectification(s, [fid], document_id=d["id"])
    c = documents.correct_document(s, d["id"], content=order_content(desc="改正后的表述"), issued_at="2026-03-06")
    assert [x["id"] for x in documents.documents_for_finding(s, fid)] == [d["id"], c["id"]]
    assert [x["id"] for x in documents.documents_for_inspection(s, ins)] == [d["id"], c["id"]]
    with pytest.raises(ValueError, match="不一致"):
        issue(s, add_enterprise(s, "别家"), inspection_id=ins)


def test_frozen_document_is_what_was_issued(s, ent):
    d = issue(s, ent)
    kind, content, doc_no = documents.frozen_document(s, d["id"])
    assert (kind, doc_no) == (d["kind"], d["doc_no"]) and content == d["content"]
    assert content["doc_no"] == doc_no


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_render_pdf_prints_the_frozen_number(s, ent, tmp_path):
    from inspector_app.reports.pdf_documents import render_document

    d = issue(s, ent)
    pdf = render_document(s, d["id"])
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "d.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "A1-1号" in text.replace(" ", "")
    assert "江阴市周庄华宏机械有限公司" in text.replace(" ", "")
