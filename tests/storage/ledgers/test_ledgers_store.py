"""The ledgers in the database: CRUD with derived columns, the rows each ledger shows, the
quarter's close/snapshot/reopen with its log and trigger, the completeness check, reminders and
figures."""

import json
from inspector_app.storage import sqlite as sqlite3  # both drivers' error classes (SQLCipher in the app)
from datetime import date

import pytest

from inspector_app.core import clock
from inspector_app.demo import generate, load_demo
from inspector_app.storage import enterprises
from inspector_app.storage import ledgers as L
from inspector_app.storage import township

TODAY = date(2027, 1, 20)   # 2026Q4 has ended, its reports were due on 15 January


@pytest.fixture
def town(store):
    with clock.pinned(TODAY):
        load_demo(store, generate(seed=4, enterprises=30), history=False)
        yield store


def ents(store):
    return enterprises.list_all(store, status="在营")


def village(store):
    return township.list_villages(store)[0]


# --- CRUD ------------------------------------------------------------------------------------

def test_save_get_update_delete_with_sync_columns(town):
    e = ents(town)[0]
    p = L.save(town, L.Person(enterprise_id=e.id, role="特种作业人员", name="王强", category="电工作业",
                              cert_no="T32028119900101123X", issued_on="2022-03-10"))
    row = town.conn.execute("SELECT hlc, origin, deleted, cert_kind, expires_on, review_due FROM ledger_person "
                            "WHERE id = ?", [p.id]).fetchone()
    assert row[0] > 0 and row[1] == town.device and row[2] == 0
    assert row[3:] == ("special_operation", "2028-03-09", "2025-03-09")
    got = L.get(town, L.Person, p.id)
    assert got.name == "王强" and got.review_extended is False
    got.last_review_on = "2025-02-01"
    L.save(town, got)
    assert town.conn.execute("SELECT review_due FROM ledger_person WHERE id = ?", [p.id]).fetchone()[0] == ""
    L.delete(town, L.Person, p.id)
    assert town.conn.execute("SELECT deleted FROM ledger_person WHERE id = ?", [p.id]).fetchone()[0] == 1
    with pytest.raises(ValueError, match="不存在或已删除"):
        L.get(town, L.Person, p.id)
    assert L.list_records(town, L.Person, enterprise_id=e.id) == []


def test_bad_links_and_duplicate_quarter_reports_are_refused(town):
    with pytest.raises(ValueError, match="所选企业不存在"):
        L.save(town, L.Equipment(enterprise_id="nope", category="电梯", name="客梯"))
    e = ents(town)[0]
    L.save(town, L.QuarterReport(enterprise_id=e.id, year=2026, quarter=4, received_on="2027-01-10"))
    with pytest.raises(ValueError, match="季报已登记"):
        L.save(town, L.QuarterReport(enterprise_id=e.id, year=2026, quarter=4, received_on="2027-01-12"))


def test_equipment_next_due_is_stored_from_the_interval(town):
    e = ents(town)[0]
    x = L.save(town, L.Equipment(enterprise_id=e.id, category="起重机械", name="行车", last_inspected_on="2025-03-01"))
    assert town.conn.execute("SELECT next_due FROM ledger_equipment WHERE id = ?", [x.id]).fetchone()[0] == "2027-03-01"


# --- ledger rows -----------------------------------------------------------------------------

@pytest.mark.calendar
def test_each_recorded_ledger_shows_what_was_recorded(town):
    e, v = ents(town)[0], village(town)
    L.save(town, L.Activity(on_date="2026-11-05", kind="进企业", title="法规进企业", participants=40, hours=2,
                            photos=["a.jpg", "b.jpg"]))
    L.save(town, L.Activity(on_date="2026-09-30", kind="进企业", title="上季度的", participants=10))
    L.save(town, L.Equipment(enterprise_id=e.id, category="电梯", name="货梯", reg_no="梯T苏B00001(20)",
                             last_inspected_on="2025-12-01"))
    L.save(town, L.HazardSource(enterprise_id=e.id, name="甲醇罐区", substance="甲醇", quantity_t=480, grade="三级",
                                filing_no="BA1", filed_on="2024-05-01"))
    L.save(town, L.Accident(occurred_at="2026-12-02 10:15", place="车间", enterprise_id=e.id, type="机械伤害",
                            minor_injuries=1, direct_loss_wan=2.5, reported_at="2026-12-02 10:50", reported_to="镇安监办"))
    L.save(town, L.TownshipAction(kind="打非治违联合执法", on_date="2026-11-20", title="联合执法", enterprises_checked=20))
    L.save(town, L.Supervisor(village_id=v.id, name="李敏", id_no="32028119800101123X", trained_on="2024-12-01"))
    L.save(town, L.Referral(on_date="2026-10-09", enterprise_id=e.id, to_body="市场监管局", reason="叉车未检"))
    with clock.pinned(TODAY):
        acts = L.ledger_rows(town, "activities", "2026Q4")
        assert [(a["title"], a["participants"], a["photos"]) for a in acts] == [("法规进企业", 40, 2)]
        eq = L.ledger_rows(town, "equipment", "2026Q4")
        assert eq[0]["next_due"] == "2026-12-01" and eq[0]["due_status"] == "逾期未检" and eq[0]["enterprise"] == e.name
        hz = L.ledger_rows(town, "hazard_sources", "2026Q4")
        assert hz[0]["review_due"] == "2027-04-30"
        acc = L.ledger_rows(town, "accidents", "2026Q4")
        assert acc[0]["grade"] == "一般" and acc[0]["minor_injuries"] == 1
        assert L.ledger_rows(town, "township", "2026Q4")[0]["enterprises_checked"] == 20
        sup = L.ledger_rows(town, "supervisors", "2026Q4")[0]
        assert sup["training_due"] == "2026-11-30" and sup["training_status"] == "已逾期"
        assert L.ledger_rows(town, "referrals", "2026Q4")[0]["to_body"] == "市场监管局"
        # the enterprise ledger counts what belongs to the enterprise
        row = next(r for r in L.ledger_rows(town, "enterprises", "2026Q4") if r["id"] == e.id)
        assert row["equipment"] == 1
        # filters
        assert L.ledger_rows(town, "equipment", "2026Q4", enterprise_id=ents(town)[1].id) == []


@pytest.mark.calendar
def test_people_ledger_groups_roles_and_computes_status(town):
    e = ents(town)[0]
    L.save(town, L.Person(enterprise_id=e.id, role="特种作业人员", name="乙", category="焊接与热切割作业",
                          cert_no="T1", issued_on="2020-12-01", last_review_on="2023-11-20"))
    L.save(town, L.Person(enterprise_id=e.id, role="主要负责人", name="甲", cert_no="M1", issued_on="2024-02-10"))
    L.save(town, L.Person(enterprise_id=e.id, role="特种设备作业人员", name="丙", category="N1"))
    with clock.pinned(TODAY):
        rows = L.ledger_rows(town, "people", "2026Q4")
    assert [r["role"] for r in rows] == ["主要负责人", "特种作业人员", "特种设备作业人员"]
    by_name = {r["name"]: r for r in rows}
    assert by_name["乙"]["valid_until"] == "2026-11-30" and by_name["乙"]["cert_status"] == "已过期"
    assert by_name["甲"]["valid_until"] == "2027-02-09" and by_name["甲"]["cert_status"] == "即将到期"
    assert by_name["丙"]["cert_status"] == "无证"
    assert by_name["甲"]["cert_kind"] == "安全生产知识和管理能力考核合格证"


def test_quarter_reports_list_every_enterprise_that_must_report(town):
    required = [e for e in ents(town) if e.scale in ("规上", "规下", "小微")]
    first, second = required[0], required[1]
    L.save(town, L.QuarterReport(enterprise_id=first.id, year=2026, quarter=4, received_on="2027-01-14", general_found=3))
    L.save(town, L.QuarterReport(enterprise_id=second.id, year=2026, quarter=4, received_on="2027-01-18"))
    with clock.pinned(TODAY):
        rows = {r["enterprise_id"]: r for r in L.ledger_rows(town, "quarter_reports", "2026Q4")}
    assert len(rows) == len(required)
    assert rows[first.id]["on_time"] is True and rows[first.id]["general_found"] == 3
    assert rows[second.id]["on_time"] is False and rows[second.id]["received_on"] == "2027-01-18"
    assert sum(1 for r in rows.values() if not r["received_on"]) == len(required) - 2


def test_unknown_ledger_is_a_chinese_error(town):
    with pytest.raises(ValueError, match="台账“x”不存在"):
        L.ledger_rows(town, "x", "2026Q4")


# --- the quarter -----------------------------------------------------------------------------

@pytest.mark.calendar
def test_close_freezes_the_snapshot_and_reopen_is_logged(town):
    e = ents(town)[0]
    L.save(town, L.TownshipAction(kind="打非治违联合执法", on_date="2026-11-20", title="联合执法"))
    act = L.save(town, L.Activity(on_date="2026-11-05", kind="进企业", title="原名称", participants=40))
    with clock.pinned(TODAY):
        with pytest.raises(L.CompletenessError) as gaps:
            L.close_quarter(town, "2026Q4")
        assert any(i.code == "report_missing" for i in gaps.value.issues)
        assert L.quarter_state(town, "2026Q4").status == "open"
        state = L.close_quarter(town, "2026Q4", accept_gaps=True, by="王站长")
        assert state.is_closed and state.closed_by == "王站长" and len(state.snapshot_sha256) == 64
        with pytest.raises(ValueError, match="无需重复结账"):
            L.close_quarter(town, "2026Q4", accept_gaps=True)
        frozen = L.export_snapshot(town, "2026Q4")
        act.title = "改后名称"
        L.save(town, act)
        L.save(town, L.Activity(on_date="2026-12-01", kind="进学校", title="补录", participants=5))
        assert L.export_snapshot(town, "2026Q4") == frozen
        assert [a["title"] for a in frozen["ledgers"]["activities"]] == ["原名称"]
        assert frozen["status"] == "closed"
        # the database itself refuses to change a closed snapshot
        with pytest.raises(sqlite3.DatabaseError, match="已结账"):
            town.conn.execute("UPDATE ledger_quarter SET snapshot = '{}' WHERE year = 2026 AND quarter = 4")
        with pytest.raises(ValueError, match="理由"):
            L.reopen_quarter(town, "2026Q4", reason="改")
        L.reopen_quarter(town, "2026Q4", reason="补录遗漏的宣传活动", by="王站长")
        live = L.export_snapshot(town, "2026Q4")
        assert sorted(a["title"] for a in live["ledgers"]["activities"]) == ["改后名称", "补录"]
        log = L.quarter_log(town, "2026Q4")
        assert [x["action"] for x in log] == ["close", "reopen"]
        assert log[1]["reason"] == "补录遗漏的宣传活动" and log[1]["snapshot_sha256"] == state.snapshot_sha256
        assert "尚有" in log[0]["reason"]
        with pytest.raises(sqlite3.DatabaseError, match="不可删除"):
            town.conn.execute("DELETE FROM ledger_quarter_log")
        with pytest.raises(ValueError, match="尚未结账"):
            L.reopen_quarter(town, "2026Q4", reason="再次开账理由")
        # closing again after re-opening freezes the new state
        again = L.close_quarter(town, "2026Q4", accept_gaps=True)
        assert again.snapshot_sha256 != state.snapshot_sha256
        assert e.id  # the enterprise is untouched by all this


@pytest.mark.calendar
def test_a_running_quarter_cannot_be_closed(town):
    with clock.pinned(date(2026, 12, 31)):
        with pytest.raises(ValueError, match="尚未结束"):
            L.close_quarter(town, "2026Q4", accept_gaps=True)


@pytest.mark.calendar
def test_snapshot_is_canonical_json(town):
    with clock.pinned(TODAY):
        L.close_quarter(town, "2026Q4", accept_gaps=True)
    text, sha = town.conn.execute("SELECT snapshot, snapshot_sha256 FROM ledger_quarter").fetchone()
    import hashlib

    assert hashlib.sha256(text.encode()).hexdigest() == sha
    assert json.loads(text)["quarter"] == "2026Q4"


# --- completeness, reminders -----------------------------------------------------------------

@pytest.mark.calendar
def test_completeness_names_each_gap_and_its_record(town):
    e = ents(town)[0]
    person = L.save(town, L.Person(enterprise_id=e.id, role="特种作业人员", name="无证", category="电工作业"))
    carded = L.save(town, L.Person(enterprise_id=e.id, role="主要负责人", name="有证无期", cert_no="M9"))
    eq = L.save(town, L.Equipment(enterprise_id=e.id, category="电梯", name="货梯"))
    hz = L.save(town, L.HazardSource(enterprise_id=e.id, name="罐区", substance="甲醇", grade="四级"))
    acc = L.save(town, L.Accident(occurred_at="2026-11-02 09:00", place="车间", type="触电"))
    with clock.pinned(TODAY):
        issues = L.completeness(town, "2026Q4")
    by_code = {}
    for i in issues:
        by_code.setdefault(i.code, []).append(i)
    assert by_code["operator_no_certificate"][0].record_id == person.id
    assert by_code["certificate_no_expiry"][0].record_id == carded.id
    assert {i.record_id for i in by_code["equipment_no_inspection"]} == {eq.id}
    assert {i.record_id for i in by_code["equipment_no_registration"]} == {eq.id}
    assert by_code["hazard_source_not_filed"][0].record_id == hz.id
    assert by_code["accident_not_reported"][0].record_id == acc.id
    assert "no_drill_this_year" in by_code and "no_joint_action" in by_code
    assert by_code["report_missing"] and all(i.table == "enterprise" for i in by_code["report_missing"])
    labels = [label for _c, label, _n in L.summary(issues)]
    assert "证书未登记有效期" in labels


@pytest.mark.calendar
def test_reports_are_not_missing_before_their_due_day(town):
    with clock.pinned(date(2027, 1, 15)):
        assert not [i for i in L.completeness(town, "2026Q4") if i.code == "report_missing"]
    with clock.pinned(date(2027, 1, 16)):
        assert [i for i in L.completeness(town, "2026Q4") if i.code == "report_missing"]


@pytest.mark.calendar
def test_reminders_for_today(town):
    e = ents(town)[0]
    L.save(town, L.Person(enterprise_id=e.id, role="主要负责人", name="甲", cert_no="M1", issued_on="2024-03-01"))
    L.save(town, L.Person(enterprise_id=e.id, role="安全管理人员", name="乙", cert_no="M2", issued_on="2023-12-01"))
    L.save(town, L.Person(enterprise_id=e.id, role="安全管理人员", name="丙", cert_no="M3", issued_on="2026-01-01"))
    L.save(town, L.Equipment(enterprise_id=e.id, category="电梯", name="货梯", last_inspected_on="2026-02-10"))
    with clock.pinned(TODAY):
        got = {r.code: r for r in L.reminders(town)}
    assert [i["detail"] for i in got["certificates_expiring"].items] == ["甲（主要负责人）"]   # expires 2027-02-28
    assert [i["detail"] for i in got["certificates_expired"].items] == ["乙（安全管理人员）"]
    assert got["equipment_due"].count == 1
    assert "no_drill" in got and "no_joint_action" in got
    assert "reports_missing" in got and "quarter_not_closed" in got   # 2026Q4 ended 20 days ago
    with clock.pinned(date(2027, 1, 13)):
        codes = {r.code for r in L.reminders(town)}
    assert "quarter_not_closed" not in codes and "reports_missing" not in codes


@pytest.mark.calendar
def test_quarter_not_closed_reminder_from_two_weeks_after_the_end(town):
    with clock.pinned(date(2027, 1, 13)):
        assert "quarter_not_closed" not in {r.code for r in L.reminders(town)}
    with clock.pinned(date(2027, 1, 14)):
        assert "quarter_not_closed" in {r.code for r in L.reminders(town)}
        L.close_quarter(town, "2026Q4", accept_gaps=True)
        assert "quarter_not_closed" not in {r.code for r in L.reminders(town)}


@pytest.mark.calendar
def test_drill_and_joint_action_reminders_clear_when_recorded(town):
    with clock.pinned(TODAY):
        L.save(town, L.TownshipAction(kind="综合应急演练", on_date="2027-01-08", title="演练"))
        L.save(town, L.TownshipAction(kind="打非治违联合执法", on_date="2027-01-09", title="联合执法"))
        codes = {r.code for r in L.reminders(town)}
    assert "no_drill" not in codes and "no_joint_action" not in codes


# --- figures ---------------------------------------------------------------------------------

@pytest.mark.calendar
def test_figures_count_the_records(town):
    e = ents(town)[0]
    L.save(town, L.Accident(occurred_at="2026-11-02 09:00", place="车间", type="触电", deaths=1, serious_injuries=1,
                            direct_loss_wan=120))
    L.save(town, L.Accident(occurred_at="2026-09-02 09:00", place="车间", type="触电", deaths=5))
    L.save(town, L.TownshipAction(kind="综合应急演练", on_date="2026-06-20", title="演练"))
    L.save(town, L.TownshipAction(kind="打非治违联合执法", on_date="2026-11-20", title="联合执法"))
    L.save(town, L.Referral(on_date="2026-12-09", enterprise_id=e.id, to_body="消防", reason="三合一"))
    L.save(town, L.QuarterReport(enterprise_id=e.id, year=2026, quarter=4, received_on="2027-01-10"))
    with clock.pinned(TODAY):
        comp = L.comparison(town, "2026Q4")
    f = comp["current"]
    assert (f["accidents"], f["accident_deaths"], f["accident_injuries"], f["accident_loss_wan"]) == (1, 1, 1, 120.0)
    assert (f["drills"], f["drills_year"], f["joint_actions"], f["referrals"]) == (0, 1, 1, 1)
    assert f["reports_received"] == f["reports_on_time"] == 1
    assert f["enterprises_registered"] == len(ents(town))
    assert comp["previous"]["accidents"] == 1 and comp["previous"]["accident_deaths"] == 5
    assert comp["last_year"]["accidents"] == 0
    assert sum(v["enterprises"] for v in f["by_village"]) == f["enterprises_registered"]
    assert L.change_text(3, 1) == "+2" and L.change_text(1, 3) == "−2" and L.change_text(2, 2) == "持平"
    assert L.change_text(2, None) == "—"


@pytest.mark.calendar
def test_comparison_uses_a_closed_quarters_snapshot(town):
    with clock.pinned(date(2026, 10, 5)):
        L.close_quarter(town, "2026Q3", accept_gaps=True)
    L.save(town, L.Accident(occurred_at="2026-09-02 09:00", place="车间", type="触电"))
    with clock.pinned(TODAY):
        comp = L.comparison(town, "2026Q4")
        assert comp["previous"]["accidents"] == 0          # as reported when Q3 was closed
        assert L.figures(town, "2026Q3")["accidents"] == 1  # the live count
