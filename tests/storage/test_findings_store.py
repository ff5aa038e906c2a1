"""Findings in storage: registration (the inspections contract), the rectification cycle with
its event log, 五到位, 挂牌督办, and the SQL lists (filters, overdue, today view)."""

from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.core import findings as rules
from inspector_app.core import settings as S
from inspector_app.core.ids import uuid7
from inspector_app.storage import documents, findings, open_memory, township
from inspector_app.storage import finding_lists
from inspector_app.storage import settings as prefs
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]
REF = "应急管理部令第10号 第十一条第（三）项"


def _enterprise(s, name, village_id=None):
    row = {"name": name, "village_id": village_id}
    s.stamp(row, new=True)
    from inspector_app.storage.enterprises import derive_keys

    keys = derive_keys({"name": name, "uscc": None, "legacy_reg_no": None})
    with s.write():
        s.conn.execute(
            "INSERT INTO enterprise (id, name, village_id, py_initials, py_full, py_alt, search_key, hlc, origin) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row["id"], name, village_id, keys["py_initials"], keys["py_full"], keys["py_alt"],
             keys["search_key"], row["hlc"], row["origin"]],
        )
    return row["id"]


@pytest.fixture
def s():
    s = open_memory(device="A1")
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code="A1", villages=["周庄村", "华宏村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    yield s
    s.close()


@pytest.fixture
def villages(s):
    return {v.name: v.id for v in township.list_villages(s)}


@pytest.fixture
def ent(s, villages):
    return _enterprise(s, "江阴市周庄华宏机械有限公司", villages["华宏村"])


def new(s, ent, **kw):
    args = dict(enterprise_id=ent, inspection_id=None, item_key="mech:guard",
                description="冲床防护罩缺失", category="物", grade="一般",
                deadline="2026-03-20", found_on="2026-03-05")
    args.update(kw)
    return findings.create_finding(s, **args)


def order_doc(s, ent, issued="2026-03-05", **kw):
    return documents.issue_document(
        s, kind="rectification_order", enterprise_id=ent, issued_at=issued,
        content={"officers": OFFICERS, "items": [{"description": "冲床防护罩缺失", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]},
        **kw)


def kinds(s, fid):
    return [e["kind"] for e in findings.events(s, fid)]


# ------------------------------------------------------------------------------------------
# registration

def test_create_finding_stores_row_and_registered_event(s, ent):
    fid = new(s, ent, location="冲压车间", legal_basis="安全生产法第三十六条")
    row = findings.get_finding(s, fid)
    assert row["state"] == "registered" and row["deadline"] == "2026-03-20"
    assert row["enterprise_name"] == "江阴市周庄华宏机械有限公司"
    assert row["origin"] == "A1" and row["hlc"] > 0 and row["created_at"]
    (ev,) = findings.events(s, fid)
    assert (ev["kind"], ev["to_state"], ev["origin"]) == ("registered", "registered", "A1")
    assert ev["hlc"] > 0


@pytest.mark.parametrize("kw, msg", [
    (dict(grade="重大"), "填写理由"),
    (dict(grade="一般", major_ref=REF), "填写理由"),
    (dict(grade="特大"), "一般"),
    (dict(category="火"), "类别"),
    (dict(deadline="2026-03-01"), "不能早于发现日期"),
    (dict(deadline="下周"), "格式不正确"),
    (dict(description="  "), "隐患描述"),
    (dict(enterprise_id="nope"), "企业不存在"),
    (dict(inspection_id="nope"), "检查记录"),
])
def test_create_finding_validation(s, ent, kw, msg):
    with pytest.raises(ValueError, match=msg):
        new(s, ent, **kw)
    assert s.conn.execute("SELECT count(*) FROM finding").fetchone()[0] == 0


def test_grade_overrides_with_reason_are_kept(s, ent):
    fid = new(s, ent, grade="重大", grade_override_reason="多人作业区域，整改需停产")
    assert findings.get_finding(s, fid)["grade_override_reason"] == "多人作业区域，整改需停产"
    fid2 = new(s, ent, grade="重大", major_ref=REF)
    assert findings.get_finding(s, fid2)["major_ref"] == REF


def test_create_inside_outer_transaction_rolls_back_with_it(s, ent):
    with pytest.raises(RuntimeError):
        with s.write():
            new(s, ent)
            new(s, ent, description="消防通道堵塞")
            raise RuntimeError("finalise failed")
    assert s.conn.execute("SELECT count(*) FROM finding").fetchone()[0] == 0
    assert s.conn.execute("SELECT count(*) FROM finding_event").fetchone()[0] == 0
    with s.write():
        new(s, ent)
    assert s.conn.execute("SELECT count(*) FROM finding").fetchone()[0] == 1


def test_findings_for_inspection(s, ent):
    ins = uuid7()
    other = _enterprise(s, "江阴市周庄某纺织有限公司")
    with s.write():
        s.conn.execute("INSERT INTO inspection (id, enterprise_id) VALUES (?, ?)", [ins, ent])
    a = new(s, ent, inspection_id=ins)
    b = new(s, ent, inspection_id=ins, description="消防通道堵塞")
    new(s, ent)  # not from this inspection
    with pytest.raises(ValueError, match="不一致"):
        new(s, other, inspection_id=ins)
    assert [r["id"] for r in findings.findings_for_inspection(s, ins)] == [a, b]


# ------------------------------------------------------------------------------------------
# the cycle

def test_full_cycle_with_failed_reinspection(s, ent):
    fid = new(s, ent)
    doc = order_doc(s, ent)
    findings.order_rectification(s, [fid], document_id=doc["id"], deadlines={fid: "2026-03-25"})
    row = findings.get_finding(s, fid)
    assert (row["state"], row["deadline"]) == ("ordered", "2026-03-25")

    documents.record_service(s, doc["id"], served_at="2026-03-05T16:00", served_how="直接送达")
    assert findings.get_finding(s, fid)["state"] == "rectifying"

    findings.mark_rectified(s, fid, on="2026-03-22", note="已加装防护罩")
    row = findings.get_finding(s, fid)
    assert (row["state"], row["rectified_on"]) == ("awaiting_reinspection", "2026-03-22")

    with pytest.raises(ValueError, match="新的整改期限"):
        findings.record_reinspection(s, fid, passed=False, on="2026-03-28")
    with pytest.raises(ValueError, match="晚于复查日期"):
        findings.record_reinspection(s, fid, passed=False, on="2026-03-28", new_deadline="2026-03-28")
    findings.record_reinspection(s, fid, passed=False, on="2026-03-28", note="防护罩未固定",
                                 new_deadline="2026-04-10")
    row = findings.get_finding(s, fid)
    assert (row["state"], row["deadline"], row["rectified_on"]) == ("ordered", "2026-04-10", "")

    findings.mark_rectified(s, fid, on="2026-04-08")
    with pytest.raises(ValueError, match="复查合格"):
        findings.close_finding(s, fid, on="2026-04-09")
    findings.record_reinspection(s, fid, passed=True, on="2026-04-12")
    findings.close_finding(s, fid, on="2026-04-12")
    row = findings.get_finding(s, fid)
    assert (row["state"], row["closed_on"]) == ("closed", "2026-04-12")

    evs = findings.events(s, fid)
    assert [e["kind"] for e in evs] == [
        "registered", "order", "serve", "rectified", "reinspection_failed", "rectified",
        "reinspection_passed", "close"]
    failed = evs[4]
    assert (failed["from_state"], failed["to_state"], failed["new_deadline"]) == (
        "awaiting_reinspection", "ordered", "2026-04-10")
    assert evs[1]["document_id"] == doc["id"] and evs[1]["new_deadline"] == "2026-03-25"
    assert all(e["origin"] == "A1" for e in evs)
    hlcs = [e["hlc"] for e in evs]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)

    with pytest.raises(ValueError, match="已销号"):
        findings.mark_rectified(s, fid, on="2026-04-13")


def test_onsite_rectification_without_order(s, ent):
    fid = new(s, ent)
    findings.mark_rectified(s, fid, on="2026-03-05", note="当场整改")
    findings.record_reinspection(s, fid, passed=True, on="2026-03-05")
    findings.close_finding(s, fid, on="2026-03-05")
    assert kinds(s, fid) == ["registered", "rectified", "reinspection_passed", "close"]


def test_order_is_all_or_nothing_and_checks_the_document(s, ent):
    a, b = new(s, ent), new(s, ent, description="消防通道堵塞")
    doc = order_doc(s, ent)
    findings.order_rectification(s, [b], document_id=doc["id"])
    with pytest.raises(ValueError, match="不能进行"):
        findings.order_rectification(s, [a, b], document_id=doc["id"])
    assert findings.get_finding(s, a)["state"] == "registered"       # rolled back
    assert kinds(s, a) == ["registered"]

    other = _enterprise(s, "江阴市周庄某纺织有限公司")
    with pytest.raises(ValueError, match="不一致"):
        findings.order_rectification(s, [a], document_id=order_doc(s, other)["id"])
    record = documents.issue_document(
        s, kind="inspection_record", enterprise_id=ent, issued_at="2026-03-05",
        content={"officers": OFFICERS, "place": "冲压车间", "started_at": "2026-03-05T09:00",
                 "ended_at": "2026-03-05T10:00", "situation": "发现冲床防护罩缺失。"})
    with pytest.raises(ValueError, match="不是责令整改类"):
        findings.order_rectification(s, [a], document_id=record["id"])
    void = order_doc(s, ent)
    documents.void_document(s, void["id"], reason="文书打印错误")
    with pytest.raises(ValueError, match="已作废"):
        findings.order_rectification(s, [a], document_id=void["id"])
    with pytest.raises(ValueError, match="不存在或已删除"):
        findings.order_rectification(s, [a], document_id="missing")
    with pytest.raises(ValueError, match="发现日期"):
        findings.order_rectification(s, [a], document_id=doc["id"], deadlines={a: "2026-03-01"})
    with pytest.raises(ValueError, match="未选择"):
        findings.order_rectification(s, [a], document_id=doc["id"], deadlines={b: "2026-04-01"})


def test_order_with_a_document_served_on_the_spot_starts_rectifying(s, ent):
    fid = new(s, ent)
    doc = order_doc(s, ent, served={"served_at": "2026-03-05T11:00", "served_how": "直接送达"})
    findings.order_rectification(s, [fid], document_id=doc["id"])
    assert findings.get_finding(s, fid)["state"] == "rectifying"
    assert kinds(s, fid) == ["registered", "order", "serve"]


def test_service_only_moves_findings_ordered_by_that_document(s, ent):
    a, b = new(s, ent), new(s, ent, description="消防通道堵塞")
    d1, d2 = order_doc(s, ent), order_doc(s, ent)
    findings.order_rectification(s, [a], document_id=d1["id"])
    findings.order_rectification(s, [b], document_id=d2["id"])
    documents.record_service(s, d2["id"], served_at="2026-03-06T09:00", served_how="直接送达")
    assert findings.get_finding(s, a)["state"] == "ordered"
    assert findings.get_finding(s, b)["state"] == "rectifying"


def test_delete_is_a_tombstone_and_only_before_an_order(s, ent):
    fid = new(s, ent)
    with pytest.raises(ValueError, match="删除原因"):
        findings.delete_finding(s, fid, reason="")
    findings.delete_finding(s, fid, reason="重复登记")
    assert findings.get_finding(s, fid) is None
    assert s.conn.execute("SELECT deleted FROM finding WHERE id = ?", [fid]).fetchone()[0] == 1
    assert kinds(s, fid) == ["registered", "deleted"]
    assert findings.query_findings(s, today="2026-03-06") == []
    with pytest.raises(ValueError, match="已删除"):
        findings.mark_rectified(s, fid, on="2026-03-06")

    kept = new(s, ent)
    findings.order_rectification(s, [kept], document_id=order_doc(s, ent)["id"])
    with pytest.raises(ValueError, match="不能删除"):
        findings.delete_finding(s, kept, reason="误录")


# ------------------------------------------------------------------------------------------
# 五到位 and 挂牌督办

def test_major_closure_needs_five_and_delisting(s, ent):
    fid = new(s, ent, grade="重大", major_ref=REF, deadline="2026-05-30")
    general = new(s, ent)
    with pytest.raises(ValueError, match="仅适用于重大"):
        findings.set_five(s, general, measures="x")
    with pytest.raises(ValueError, match="负数"):
        findings.set_five(s, fid, funds=-5)

    findings.set_five(s, fid, measures="除尘系统加装泄爆片", five_responsible="设备科 王五")
    row = findings.get_finding(s, fid)
    assert rules.five_missing(row) == ["five_funds", "five_deadline", "five_contingency"]
    assert kinds(s, fid)[-1] == "five"

    with pytest.raises(ValueError, match="只有重大"):
        findings.list_for_supervision(s, general, body="江阴市安委办", listed_on="2026-03-10",
                                      deadline="2026-06-10")
    findings.list_for_supervision(s, fid, body="江阴市安委办", doc_no="澄安委办〔2026〕3号",
                                  listed_on="2026-03-10", deadline="2026-06-10")
    with pytest.raises(ValueError, match="已在挂牌"):
        findings.list_for_supervision(s, fid, body="江阴市安委办", listed_on="2026-03-11",
                                      deadline="2026-06-10")
    with pytest.raises(ValueError, match="复查合格后"):
        findings.delist(s, fid, on="2026-03-20")

    findings.mark_rectified(s, fid, on="2026-05-20")
    findings.record_reinspection(s, fid, passed=True, on="2026-05-25")
    with pytest.raises(ValueError, match="尚缺：整改资金（元）、完成时限、应急预案"):
        findings.close_finding(s, fid, on="2026-05-26")
    findings.set_five(s, fid, funds=0, deadline="2026-05-30", contingency="停用除尘系统并撤离人员")
    with pytest.raises(ValueError, match="先登记摘牌"):
        findings.close_finding(s, fid, on="2026-05-26")
    with pytest.raises(ValueError, match="早于挂牌"):
        findings.delist(s, fid, on="2026-03-01")
    findings.delist(s, fid, on="2026-05-26")
    findings.close_finding(s, fid, on="2026-05-26")
    row = findings.get_finding(s, fid)
    assert (row["state"], row["listed"], row["delisted_on"]) == ("closed", 0, "2026-05-26")
    assert kinds(s, fid)[-4:] == ["reinspection_passed", "five", "delisted", "close"]
    with pytest.raises(ValueError, match="已销号"):
        findings.set_five(s, fid, measures="改")


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_listed_major_for_quarter(s, ent, villages):
    def listed(on, delisted=None):
        fid = new(s, ent, grade="重大", major_ref=REF, found_on=on, deadline="2026-12-31")
        findings.list_for_supervision(s, fid, body="江阴市安委办", listed_on=on, deadline="2026-12-31")
        if delisted:
            findings.mark_rectified(s, fid, on=delisted)
            findings.record_reinspection(s, fid, passed=True, on=delisted)
            findings.delist(s, fid, on=delisted)
        return fid

    q1_only = listed("2026-02-01", delisted="2026-03-15")
    q1_to_q2 = listed("2026-03-20", delisted="2026-05-10")
    still = listed("2026-05-01")
    later = listed("2026-08-01")
    new(s, ent, grade="重大", major_ref=REF)  # major but never listed

    def ids(y, q):
        return [r["id"] for r in findings.listed_major_for_quarter(s, y, q)]

    assert ids(2026, 1) == [q1_only, q1_to_q2]
    assert ids(2026, 2) == [q1_to_q2, still]
    assert ids(2026, 3) == [still, later]
    assert ids(2025, 4) == []
    row = findings.listed_major_for_quarter(s, 2026, 2)[0]
    assert row["enterprise_name"] == "江阴市周庄华宏机械有限公司" and row["village_name"] == "华宏村"


# ------------------------------------------------------------------------------------------
# lists

@pytest.fixture
def ledger(s, villages):
    """A small ledger: two enterprises in two villages, findings in various states."""
    e1 = _enterprise(s, "江阴市周庄华宏机械有限公司", villages["华宏村"])
    e2 = _enterprise(s, "江阴市长寿纺织有限公司", villages["周庄村"])
    out = {}
    out["late"] = new(s, e1, description="冲床防护罩缺失", deadline="2026-03-10", found_on="2026-03-01")
    out["fresh"] = new(s, e2, description="消防通道堵塞", location="仓库", deadline="2026-03-30")
    out["major"] = new(s, e2, description="除尘器未设泄爆装置", grade="重大", major_ref=REF,
                       deadline="2026-04-30")
    out["waiting"] = new(s, e1, description="配电箱未接地", deadline="2026-03-15", found_on="2026-03-01")
    findings.mark_rectified(s, out["waiting"], on="2026-03-02")
    out["done"] = new(s, e2, description="灭火器过期", deadline="2026-03-06")
    findings.mark_rectified(s, out["done"], on="2026-03-06")
    findings.record_reinspection(s, out["done"], passed=True, on="2026-03-07")
    findings.close_finding(s, out["done"], on="2026-03-07")
    out["e1"], out["e2"] = e1, e2
    return out


def q(s, **kw):
    return [r["id"] for r in findings.query_findings(s, today="2026-03-20", **kw)]


def test_query_filters(s, ledger, villages):
    L = ledger
    assert q(s) == [L["done"], L["late"], L["waiting"], L["fresh"], L["major"]]   # by deadline
    assert q(s, state="closed") == [L["done"]]
    assert q(s, state=["registered", "awaiting_reinspection"]) == [L["late"], L["waiting"], L["fresh"], L["major"]]
    assert q(s, major=True) == [L["major"]]
    assert q(s, major=False) == [L["done"], L["late"], L["waiting"], L["fresh"]]
    assert q(s, enterprise_id=L["e1"]) == [L["late"], L["waiting"]]
    assert q(s, village_id=villages["周庄村"]) == [L["done"], L["fresh"], L["major"]]
    assert q(s, text="泄爆") == [L["major"]]
    assert q(s, text="仓库") == [L["fresh"]]                       # location
    assert q(s, text="华宏") == [L["late"], L["waiting"]]           # enterprise name
    assert q(s, text="华宏 接地") == [L["waiting"]]                 # every word must match
    assert q(s, text="zsfz") == [L["done"], L["fresh"], L["major"]]   # 长寿纺织, 长 read zhǎng
    assert q(s, text="csfz") == [L["done"], L["fresh"], L["major"]]   # …and cháng (primary)
    assert q(s, text="fangzhi") == [L["done"], L["fresh"], L["major"]]  # full pinyin
    assert q(s, text="100%") == []
    assert q(s, state="passed", village_id=villages["周庄村"]) == []
    with pytest.raises(ValueError, match="无法识别"):
        q(s, state="lost")
    assert q(s, limit=2, offset=1) == [L["late"], L["waiting"]]
    assert findings.count_findings(s, village_id=villages["周庄村"], today="2026-03-20") == 3


def test_query_overdue_and_flags(s, ledger):
    L = ledger
    # 2026-03-20: "late" is past its 03-10 deadline; "waiting" reported on 03-02, so its
    # re-inspection was due by 03-12.
    assert q(s, overdue=True) == [L["late"], L["waiting"]]
    rows = {r["id"]: r for r in findings.query_findings(s, today="2026-03-20")}
    assert (rows[L["late"]]["overdue_rectification"], rows[L["late"]]["overdue_reinspection"]) == (1, 0)
    assert (rows[L["waiting"]]["overdue_rectification"], rows[L["waiting"]]["overdue_reinspection"]) == (0, 1)
    assert rows[L["waiting"]]["reinspection_due_by"] == "2026-03-12"
    assert rows[L["fresh"]]["reinspection_due_by"] == ""            # registered: none owed yet
    assert rows[L["late"]]["village_name"] == "华宏村"
    # a wider window makes the re-inspection on time again
    assert q(s, overdue=True, window_days=30) == [L["late"]]


def test_overdue_kinds(s, ledger):
    L = ledger
    assert q(s, overdue="rectification") == [L["late"]]
    assert q(s, overdue="reinspection") == [L["waiting"]]
    assert q(s, overdue="any") == q(s, overdue=True) == [L["late"], L["waiting"]]
    assert q(s, overdue="reinspection", state="registered") == []
    with pytest.raises(ValueError, match="逾期筛选"):
        q(s, overdue="late")


def test_orders(s, ledger, villages):
    L = ledger
    findings.list_for_supervision(s, L["major"], body="江阴市安委办", listed_on="2026-03-10",
                                  deadline="2026-03-25")
    e2 = [L["done"], L["fresh"], L["major"]]   # 长寿 (changshou) before 周庄华宏 (zhouzhuang)
    e1 = [L["late"], L["waiting"]]
    assert q(s, order_by="enterprise") == e2 + e1
    assert q(s, order_by="enterprise", descending=True) == e1 + e2   # ties still by deadline
    assert q(s, order_by="village") == e2 + e1                         # 周庄村 sorts before 华宏村
    assert q(s, order_by="village", descending=True) == e1 + e2
    # 2026-03-20: "late" is 10 days past its deadline, the others 0
    assert q(s, order_by="days_overdue", descending=True) == [L["late"], L["done"], L["waiting"], L["fresh"], L["major"]]
    assert q(s, order_by="days_overdue") == [L["done"], L["waiting"], L["fresh"], L["major"], L["late"]]
    assert q(s, order_by="state") == [L["late"], L["fresh"], L["major"], L["waiting"], L["done"]]
    assert q(s, order_by="grade", descending=True) == [L["major"], L["done"], L["late"], L["waiting"], L["fresh"]]
    descriptions = [findings.get_finding(s, i)["description"] for i in q(s, order_by="description")]
    assert descriptions == sorted(descriptions) and descriptions[0] == "冲床防护罩缺失"   # by code point
    assert q(s, order_by="listed")[0] == L["major"]                   # listed ones first
    assert q(s, order_by="listed", descending=True)[-1] == L["major"]
    assert q(s, descending=True) == [L["major"], L["fresh"], L["waiting"], L["late"], L["done"]]
    assert q(s, order_by="days_overdue", descending=True, limit=2, offset=1) == [L["done"], L["waiting"]]
    with pytest.raises(ValueError, match="排序方式"):
        q(s, order_by="py_full")
    with pytest.raises(TypeError, match="colour"):
        q(s, colour="red")


def test_pages_counts_and_positions(s, ledger):
    L = ledger
    day = dict(today="2026-03-20")
    rows, total, late = findings.first_finding_page(s, limit=2, count_overdue=True, **day)
    assert ([r["id"] for r in rows], total, late) == ([L["done"], L["late"]], 5, 2)
    assert [r["id"] for r in findings.finding_page(s, offset=2, limit=2, **day)] == [L["waiting"], L["fresh"]]
    assert [r["id"] for r in findings.finding_page(s, offset=4, limit=2, **day)] == [L["major"]]
    assert rows[1]["enterprise_name"] == "江阴市周庄华宏机械有限公司" and rows[1]["overdue_rectification"] == 1
    # a short result is known from the page, overdue flags included
    rows, total, late = findings.first_finding_page(s, limit=10, count_overdue=True, major=False, **day)
    assert (len(rows), total, late) == (4, 4, 2)
    assert findings.first_finding_page(s, limit=10, text="没有这个词", **day) == ([], 0)
    assert findings.finding_counts(s, **day) == (5, 2)
    assert findings.count_findings(s, order_by="state", limit=1, **day) == 5   # one dict serves all
    assert findings.finding_positions(s, [L["fresh"], L["late"], "nope"], order_by="state", **day) == {
        L["late"]: 0, L["fresh"]: 1}
    assert findings.finding_positions(s, [L["done"]], state="registered", **day) == {}


def test_text_counts_every_finding_once(s, villages):
    """A text search counts in two parts (enterprise matches none of the words / some): a
    finding matching through both its own text and its enterprise is counted once."""
    hua = _enterprise(s, "江阴市华宏消防器材有限公司", villages["华宏村"])
    other = _enterprise(s, "江阴市长寿纺织有限公司", villages["周庄村"])
    gone = _enterprise(s, "江阴市消防设备厂")
    ids = {
        "both": new(s, hua, description="消防通道堵塞"),          # own text and enterprise
        "ent": new(s, hua, description="配电箱未接地"),           # enterprise only
        "own": new(s, other, description="消防栓被遮挡"),         # own text only
        "loc": new(s, other, description="灭火器过期", location="消防泵房"),
        "none": new(s, other, description="配电箱未接地"),
        "gone": new(s, gone, description="配电箱未接地"),          # enterprise deleted: no match
    }
    with s.write():
        s.conn.execute("UPDATE enterprise SET deleted = 1 WHERE id = ?", [gone])
    day = dict(today="2026-03-20")

    def check(text, expect, **kw):
        got = findings.query_finding_ids(s, text=text, **day, **kw)
        assert set(got) == {ids[k] for k in expect}, text
        assert findings.count_findings(s, text=text, **day, **kw) == len(expect)
        rows, total, _late = findings.first_finding_page(s, limit=1, text=text, count_overdue=True, **day, **kw)
        assert total == len(expect) and [r["id"] for r in rows] == got[:1]

    check("消防", ["both", "ent", "own", "loc"])
    check("华宏 配电箱", ["ent"])                  # one word by enterprise, one by description
    check("消防 配电箱", ["ent"])
    check("xiaofang", ["both", "ent"])             # full pinyin: the enterprise only
    check("消防", ["own", "loc"], village_id=villages["周庄村"])
    check("消防", ["both", "ent"], enterprise_id=hua)
    check("消防", ["both", "ent", "own", "loc"], order_by="enterprise")


def test_today_view(s, ledger):
    L = ledger
    doc = order_doc(s, ledger["e2"])
    findings.order_rectification(s, [L["fresh"]], document_id=doc["id"])         # deadline 03-30
    findings.order_rectification(s, [L["late"]], document_id=order_doc(s, ledger["e1"])["id"])
    findings.list_for_supervision(s, L["major"], body="江阴市安委办", listed_on="2026-03-10",
                                  deadline="2026-03-25")
    v = findings.today_view(s, today="2026-03-20", window_days=10, horizon_days=7)
    ids = {k: [r["id"] for r in rows] for k, rows in v.items()}
    assert ids["overdue_rectifications"] == [L["late"]]
    assert ids["overdue_reinspections"] == [L["waiting"]]
    # "late": deadline 03-10, re-inspection due by 03-20 (today) — due, not yet overdue
    assert ids["reinspections_due"] == [L["late"]]
    assert ids["listings_expiring"] == [L["major"]]
    assert ids["listings_expired"] == []
    v = findings.today_view(s, today="2026-03-22", window_days=10, horizon_days=7)
    ids = {k: [r["id"] for r in rows] for k, rows in v.items()}
    assert ids["reinspections_due"] == []        # "fresh": its window opens 03-30, after 03-29
    v = findings.today_view(s, today="2026-03-24", window_days=10, horizon_days=7)
    ids = {k: [r["id"] for r in rows] for k, rows in v.items()}
    assert ids["reinspections_due"] == [L["fresh"]]   # window opens 03-30, within the week
    assert ids["overdue_reinspections"] == [L["waiting"], L["late"]]   # longest owed first
    v = findings.today_view(s, today="2026-04-09", window_days=10, horizon_days=7)
    ids = {k: [r["id"] for r in rows] for k, rows in v.items()}
    assert ids["reinspections_due"] == [L["fresh"]]   # last on-time day
    assert ids["listings_expired"] == [L["major"]]
    v = findings.today_view(s, today="2026-04-10", window_days=10, horizon_days=7)
    assert [r["id"] for r in v["reinspections_due"]] == []
    assert [r["id"] for r in v["overdue_reinspections"]] == [L["waiting"], L["late"], L["fresh"]]


def test_window_setting(s):
    assert findings.reinspection_window(s) == 10
    prefs.put(s, S.REINSPECTION_WINDOW, 15)
    assert findings.reinspection_window(s) == 15
    s.set_setting(S.REINSPECTION_WINDOW.key, 0)  # a value no screen can write reads as the bound
    assert findings.reinspection_window(s) == 1


# The SQL flags and filters agree with the core rules on random findings and days.
STATES = st.sampled_from(rules.STATES)
DAY0 = date(2026, 1, 1)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(STATES, st.integers(0, 60), st.one_of(st.none(), st.integers(0, 60))),
                  min_size=1, max_size=12),
    today=st.integers(0, 90), window=st.integers(1, 20), horizon=st.integers(0, 14),
)
def test_sql_overdue_matches_core_rules(rows, today, window, horizon):
    s = open_memory(device="A1")
    e = _enterprise(s, "江阴市某某有限公司")
    with s.write():
        for state, dl, rect in rows:
            r = {"enterprise_id": e, "description": "x", "found_on": DAY0.isoformat(), "state": state,
                 "deadline": (DAY0 + timedelta(days=dl)).isoformat(),
                 "rectified_on": (DAY0 + timedelta(days=rect)).isoformat() if rect is not None else ""}
            s.stamp(r, new=True)
            findings._insert(s, "finding", r)
    day = DAY0 + timedelta(days=today)
    got = findings.query_findings(s, today=day, window_days=window)
    assert len(got) == len(rows)  # the expectations below are built from got: it must be complete
    for r in got:
        assert bool(r["overdue_rectification"]) == rules.is_overdue_rectification(r, day)
        assert bool(r["overdue_reinspection"]) == rules.is_overdue_reinspection(r, day, window)
        due = rules.reinspection_due_by(r, window)
        assert r["reinspection_due_by"] == (due.isoformat() if due else "")
    expect = {r["id"] for r in got if rules.is_overdue_rectification(r, day)
              or rules.is_overdue_reinspection(r, day, window)}
    assert {r["id"] for r in findings.query_findings(s, today=day, window_days=window, overdue=True)} == expect
    for kind, rule in (("rectification", lambda r: rules.is_overdue_rectification(r, day)),
                       ("reinspection", lambda r: rules.is_overdue_reinspection(r, day, window))):
        assert set(findings.query_finding_ids(s, today=day, window_days=window, overdue=kind)) == {
            r["id"] for r in got if rule(r)}
    assert findings.finding_counts(s, today=day, window_days=window) == (len(got), len(expect))
    view = findings.today_view(s, today=day, window_days=window, horizon_days=horizon)
    due_soon = {r["id"] for r in got if (d := rules.reinspection_due_by(r, window)) is not None
                and rules.reinspection_starts(r) <= day + timedelta(days=horizon) and d >= day}
    assert {r["id"] for r in view["reinspections_due"]} == due_soon
    s.close()


def test_raw_delete_of_a_finding_with_history_is_refused(s, ent):
    # Deletion is the tombstone above; a raw DELETE of a finding is refused by the foreign key
    # from its event log.
    fid = new(s, ent)
    with pytest.raises(sqlite3.IntegrityError):
        s.conn.execute("DELETE FROM finding WHERE id = ?", [fid])


# Every order, both directions, against a sort in Python; pages (and the plan a page picks)
# never change the order.
VILLAGE_SORT = st.sampled_from([None, (0, "周庄村"), (1, "华宏村"), (1, "长寿村")])
# the last one, deleted in some examples, would sort first by its pinyin (阿福, afu)
ENTERPRISE_NAMES = ("江阴市长寿纺织有限公司", "江阴市周庄华宏机械有限公司", "江阴市澄江化工有限公司", "江阴市阿福五金厂")


def _reference(rows, order_by, descending, day):
    rows = sorted(rows, key=lambda r: (r["deadline"], r["id"]))
    if order_by == "deadline":
        return rows[::-1] if descending else rows
    key = {
        "enterprise": lambda r: (r["e_deleted"], r["py_full"]),
        "village": lambda r: (0,) if r["v_sort"] is None else (1, r["v_sort"], r["v_name"]),
        "description": lambda r: r["description"],
        "grade": lambda r: r["grade"],
        "state": lambda r: rules.STATES.index(r["state"]),
        "days_overdue": lambda r: rules.days_overdue(r, day),
        "listed": lambda r: (r["listed"], r["listing_deadline"]),
    }[order_by]
    # stable: ties keep deadline, id order; "listed" ascending shows the listed ones first
    return sorted(rows, key=key, reverse=descending != (order_by == "listed"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(st.tuples(STATES, st.integers(0, 40), st.one_of(st.none(), st.integers(0, 40)),
                            st.integers(0, 3), st.booleans(), st.sampled_from(["冲床防护罩缺失", "消防通道堵塞", "除尘器未泄爆"]),
                            st.one_of(st.none(), st.integers(0, 60))),
                  min_size=1, max_size=14),
    villages=st.lists(VILLAGE_SORT, min_size=4, max_size=4),
    deleted_enterprise=st.booleans(),
    today=st.integers(0, 60), window=st.integers(1, 15),
    flt=st.sampled_from([{}, {"overdue": True}, {"overdue": "rectification"}, {"overdue": "reinspection"},
                         {"major": True}, {"state": ("registered", "rectifying", "closed")}, {"village": 1},
                         {"enterprise": 0}, {"text": "消防"}]),
)
def test_orders_and_pages_match_a_sort_in_python(rows, villages, deleted_enterprise, today, window, flt):
    s = open_memory(device="A1")
    vids = {}
    with s.write():
        for sort_name in {v for v in villages if v}:
            vid = uuid7()
            s.conn.execute("INSERT INTO village (id, name, sort) VALUES (?, ?, ?)", [vid, sort_name[1], sort_name[0]])
            vids[sort_name] = vid
    ents = [_enterprise(s, name, vids.get(v)) for name, v in zip(ENTERPRISE_NAMES, villages)]
    if deleted_enterprise:
        with s.write():
            s.conn.execute("UPDATE enterprise SET deleted = 1 WHERE id = ?", [ents[3]])
    with s.write():
        for state, dl, rect, ent, major, desc, listed in rows:
            r = {"enterprise_id": ents[ent], "description": desc, "found_on": DAY0.isoformat(), "state": state,
                 "grade": "重大" if major else "一般", "deadline": (DAY0 + timedelta(days=dl)).isoformat(),
                 "rectified_on": (DAY0 + timedelta(days=rect)).isoformat() if rect is not None else "",
                 "listed": int(listed is not None),
                 "listing_deadline": (DAY0 + timedelta(days=listed)).isoformat() if listed is not None else ""}
            s.stamp(r, new=True)
            findings._insert(s, "finding", r)
    day = DAY0 + timedelta(days=today)
    query = {k: v for k, v in flt.items() if k in findings.FILTERS}
    if "village" in flt:
        query["village_id"] = s.conn.execute("SELECT village_id FROM enterprise WHERE id = ?", [ents[1]]).fetchone()[0]
    if "enterprise" in flt:
        query["enterprise_id"] = ents[0]
    base = dict(today=day, window_days=window, **query)
    extra = {r[0]: r[1:] for r in s.conn.execute(
        "SELECT f.id, e.py_full, e.deleted, v.sort, v.name FROM finding f JOIN enterprise e ON e.id = f.enterprise_id "
        "LEFT JOIN village v ON v.id = e.village_id")}
    matching = findings.query_findings(s, **base)
    for r in matching:
        r["py_full"], r["e_deleted"], r["v_sort"], r["v_name"] = extra[r["id"]]
    late = sum(1 for r in matching if rules.is_overdue_rectification(r, day)
               or rules.is_overdue_reinspection(r, day, window))
    for order_by in findings.ORDERS:
        for descending in (False, True):
            args = dict(base, order_by=order_by, descending=descending)
            want = [r["id"] for r in _reference(matching, order_by, descending, day)]
            assert findings.query_finding_ids(s, **args) == want, (order_by, descending)
            page, total, overdue = findings.first_finding_page(s, limit=3, count_overdue=True, **args)
            got = [r["id"] for r in page]
            for offset in range(3, total, 3):
                got += [r["id"] for r in findings.finding_page(s, offset=offset, limit=3, total=total, **args)]
            assert (got, total, overdue) == (want, len(want), late), (order_by, descending)
            if want:
                assert [r["id"] for r in findings.finding_page(s, offset=1, limit=2, **args)] == want[1:3]
                assert [r["id"] for r in findings.query_findings(s, limit=2, offset=1, **args)] == want[1:3]
                assert findings.finding_positions(s, want[::-1], **args) == {fid: i for i, fid in enumerate(want)}
    s.close()


def test_enterprise_order_walks_the_enterprises_when_many_findings_match(s, villages):
    """The enterprise order walks the enterprises in pinyin order when the count says many
    findings match (and sorts the matches otherwise); either way the same rows come."""
    ents = [_enterprise(s, name, villages["周庄村"]) for name in ENTERPRISE_NAMES]
    for i in range(24):
        new(s, ents[i % 4], deadline=f"2026-04-{i + 1:02d}")
    day = dict(today="2026-03-20", order_by="enterprise")
    q = finding_lists._Query(**day)
    assert q.walks(s, total=24, end=4) and not q.walks(s, total=3, end=4)
    assert not finding_lists._Query(**day, enterprise_id=ents[0]).walks(s, total=24, end=4)
    want = findings.query_finding_ids(s, **day)
    assert [r["id"] for r in findings.finding_page(s, offset=4, limit=4, total=24, **day)] == want[4:8]
    assert [r["id"] for r in findings.finding_page(s, offset=4, limit=4, **day)] == want[4:8]
    rows, total = findings.first_finding_page(s, limit=4, **day)
    assert ([r["id"] for r in rows], total) == (want[:4], 24)


@pytest.mark.parametrize("descending", [False, True])
def test_days_overdue_pages_walk_both_groups(s, ent, descending):
    """Days overdue pages come from two walks of the deadline index (overdue for rectification,
    and the rest); pages deep into either group keep the order."""
    for i in range(10):   # overdue on 2026-03-20 by 10 … 1 days
        new(s, ent, found_on="2026-03-01", deadline=f"2026-03-{10 + i:02d}")
    for i in range(3):    # not yet due
        new(s, ent, found_on="2026-03-01", deadline=f"2026-04-{10 + i:02d}")
    args = dict(today="2026-03-20", order_by="days_overdue", descending=descending)
    rows = findings.query_findings(s, **args)
    days = [rules.days_overdue(r, date(2026, 3, 20)) for r in rows]
    assert days == (sorted(days, reverse=True) if descending else sorted(days))
    want = [r["id"] for r in rows]
    for offset in range(0, 13, 2):
        assert [r["id"] for r in findings.finding_page(s, offset=offset, limit=2, **args)] == want[offset:offset + 2]
    rows, total = findings.first_finding_page(s, limit=4, **args)
    assert ([r["id"] for r in rows], total) == (want[:4], 13)


# ------------------------------------------------------------------------------------------
# an order voided or corrected: its findings follow


def test_voided_order_releases_findings_still_being_rectified(s, ent):
    a, b = new(s, ent), new(s, ent, description="配电箱未接地")
    doc = order_doc(s, ent)
    findings.order_rectification(s, [a, b], document_id=doc["id"])
    findings.mark_rectified(s, b, on="2026-03-10")  # b already reported rectified
    assert set(findings.findings_of_order(s, doc["id"])) == {a, b}
    documents.void_document(s, doc["id"], reason="当事人名称写错")
    assert findings.get_finding(s, a)["state"] == "registered"  # no void deadline is chased
    assert findings.get_finding(s, b)["state"] == "awaiting_reinspection"  # its course goes on
    assert kinds(s, a)[-1] == "order_voided"
    assert "作废" in findings.events(s, a)[-1]["note"]
    # the finding can be ordered again by a new document
    again = order_doc(s, ent)
    findings.order_rectification(s, [a], document_id=again["id"])
    assert findings.get_finding(s, a)["state"] == "ordered"


def test_corrected_order_takes_its_findings_and_new_deadlines(s, ent):
    a = new(s, ent)
    doc = order_doc(s, ent, served={"served_at": "2026-03-05T10:00", "served_how": "直接送达"})
    findings.order_rectification(s, [a], document_id=doc["id"])
    assert findings.get_finding(s, a)["state"] == "rectifying"
    fixed = documents.correct_document(
        s, doc["id"], issued_at="2026-03-06",
        content={"officers": OFFICERS, "items": [{"description": "冲床防护罩缺失", "deadline": "2026-03-31", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}]},
        deadlines={a: "2026-03-31"})
    f = findings.get_finding(s, a)
    assert (f["state"], f["deadline"]) == ("rectifying", "2026-03-31")
    assert findings.findings_of_order(s, doc["id"]) == []
    assert findings.findings_of_order(s, fixed["id"]) == [a]
    assert kinds(s, a)[-1] == "order_corrected"
    # voiding the superseded original afterwards does not touch the finding
    documents.void_document(s, doc["id"], reason="已更正")
    assert findings.get_finding(s, a)["state"] == "rectifying"
