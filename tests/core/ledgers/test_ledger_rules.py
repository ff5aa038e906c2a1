"""The ledger rules: quarters, accident grades and certificate dates at their boundaries,
equipment intervals, masking, and the data file's checks."""

import copy
import tomllib
from datetime import date

import pytest

from inspector_app.core.ledgers import records as rec
from inspector_app.core.ledgers import rules as R
from inspector_app.core.ledgers.quarter import Quarter


# --- quarters --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026Q4", "2026q4", "2026-Q4", "2026 4", "2026季4"])
def test_quarter_parses_the_ways_officers_write_it(text):
    assert Quarter.parse(text) == Quarter(2026, 4)


@pytest.mark.parametrize("text", ["2026Q5", "2026", "Q4", "", "二〇二六Q4", "1999Q1"])
def test_bad_quarter_is_a_chinese_error(text):
    with pytest.raises(ValueError, match="季度|年份"):
        Quarter.parse(text)


def test_quarter_days_and_neighbours():
    q = Quarter(2026, 4)
    assert (q.first, q.last) == (date(2026, 10, 1), date(2026, 12, 31))
    assert q.next() == Quarter(2027, 1) and q.previous() == Quarter(2026, 3)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert q.same_last_year() == Quarter(2025, 4)
    assert Quarter(2024, 1).last == date(2024, 3, 31) and Quarter(2024, 3).last == date(2024, 9, 30)
    assert str(q) == "2026Q4" and q.label == "2026年第四季度"
    assert Quarter.of("2026-12-31") == q and Quarter.of("2027-01-01") == Quarter(2027, 1)


def test_report_due_is_the_15th_of_the_next_quarter():
    assert Quarter(2026, 4).report_due() == date(2027, 1, 15)
    assert Quarter(2026, 2).report_due(15) == date(2026, 7, 15)


def test_as_of_is_the_last_day_or_today_while_running():
    q = Quarter(2026, 4)
    assert q.as_of(date(2026, 11, 3)) == date(2026, 11, 3)
    assert q.as_of(date(2027, 2, 1)) == date(2026, 12, 31)


# --- accident grades (条例第三条: "以上包括本数，以下不包括本数") ---------------------------

@pytest.mark.parametrize("deaths, serious, loss, grade", [
    (0, 0, 0, "一般"),
    (2, 9, 999.99, "一般"),
    (3, 0, 0, "较大"),          # 3 deaths: 较大 begins
    (0, 10, 0, "较大"),
    (0, 0, 1000, "较大"),
    (9, 49, 4999.99, "较大"),
    (10, 0, 0, "重大"),
    (0, 50, 0, "重大"),
    (0, 0, 5000, "重大"),
    (29, 99, 9999.99, "重大"),
    (30, 0, 0, "特别重大"),
    (0, 100, 0, "特别重大"),
    (0, 0, 10000, "特别重大"),
    (1, 0, 5000, "重大"),       # the highest of the three figures decides
])
def test_accident_grade_at_its_boundaries(deaths, serious, loss, grade):
    assert R.accident_grade(deaths, serious, loss) == grade


def test_accident_grade_refuses_negative_figures():
    with pytest.raises(ValueError, match="负数"):
        R.accident_grade(-1, 0, 0)


def test_accident_thresholds_are_data():
    data = tomllib.loads(R.rules_path().read_text(encoding="utf-8"))
    changed = copy.deepcopy(data)
    changed["accident_grade"]["deaths"] = [2, 10, 30]
    r = R.parse_rules(changed)
    assert R.accident_grade(2, 0, 0, r=r) == "较大" and R.accident_grade(2, 0, 0) == "一般"
    broken = copy.deepcopy(data)
    broken["accident_grade"]["deaths"] = [10, 3, 30]
    with pytest.raises(ValueError, match="递增"):
        R.parse_rules(broken)


def test_accident_record_stores_its_grade_counting_the_missing():
    row = rec.Accident(occurred_at="2026-11-02 09:30", place="车间", type="触电", deaths=2, missing=1).clean()
    assert row["grade"] == "较大"
    with pytest.raises(ValueError, match="事故类别"):
        rec.Accident(occurred_at="2026-11-02 09:30", place="车间", type="交通事故").clean()
    with pytest.raises(ValueError, match="报告时间不能早于"):
        rec.Accident(occurred_at="2026-11-02 09:30", place="车间", type="触电", reported_at="2026-11-02 09:00").clean()


# --- certificates ----------------------------------------------------------------------------

def test_period_ends_the_day_before_the_anniversary():
    # the special-equipment card of REFERENCE §3: 批准 2019.07.25 → 有效 2023.07.24
    assert R.period_end(date(2019, 7, 25), 4) == date(2023, 7, 24)
    # 29 February: the anniversary in a common year is 1 March, the period ends 28 February
    assert R.period_end(date(2020, 2, 29), 3) == date(2023, 2, 28)
    assert R.period_end(date(2020, 2, 29), 4) == date(2024, 2, 28)


def test_special_operation_certificate_six_years_reviewed_every_three():
    d = R.certificate_dates("special_operation", issued_on="2020-03-10")
    assert d.valid_until == date(2026, 3, 9) and d.review_due == date(2023, 3, 9)
    # after the review, the next review would fall on the expiry: a renewal, not a review
    d = R.certificate_dates("special_operation", issued_on="2020-03-10", last_review_on="2023-02-20")
    assert d.review_due is None and d.valid_until == date(2026, 3, 9)
    # an extension (10 years in the trade, issuer agreed): the review goes with the renewal
    assert R.certificate_dates("special_operation", issued_on="2020-03-10", extended=True).review_due is None


@pytest.mark.parametrize("today, status", [
    ("2023-01-07", "有效"),       # 61 days before the review
    ("2023-01-08", "待复审"),     # 60 days before: the review window opens
    ("2023-03-09", "待复审"),     # the last day of the review period
    ("2023-03-10", "复审逾期"),
    ("2026-01-07", "复审逾期"),   # never reviewed: still overdue, not merely expiring
])
def test_review_status_at_its_boundaries(today, status):
    assert R.certificate_dates("special_operation", issued_on="2020-03-10", today=today).status == status


@pytest.mark.parametrize("today, status", [
    ("2026-01-07", "有效"),
    ("2026-01-08", "即将到期"),   # 60 days before the expiry
    ("2026-03-09", "即将到期"),   # the last valid day
    ("2026-03-10", "已过期"),
])
def test_expiry_status_at_its_boundaries(today, status):
    d = R.certificate_dates("special_operation", issued_on="2020-03-10", last_review_on="2023-03-01", today=today)
    assert d.status == status


def test_management_three_years_and_special_equipment_four_years():
    assert R.certificate_dates("management", issued_on="2024-05-01").valid_until == date(2027, 4, 30)
    assert R.certificate_dates("management", issued_on="2024-05-01").review_due is None
    assert R.certificate_dates("special_equipment", issued_on="2019-07-25").valid_until == date(2023, 7, 24)


def test_printed_expiry_wins_and_no_dates_is_unregistered():
    d = R.certificate_dates("management", issued_on="2024-05-01", valid_until="2027-06-30")
    assert d.valid_until == date(2027, 6, 30)
    assert R.certificate_dates("management").status == "未登记"
    with pytest.raises(ValueError, match="证书种类"):
        R.certificate_dates("driving_licence", issued_on="2024-05-01")


def test_certificate_periods_are_data():
    data = tomllib.loads(R.rules_path().read_text(encoding="utf-8"))
    for c in data["certificates"]:
        if c["kind"] == "special_operation":
            c["review_years"] = 2
    r = R.parse_rules(data)
    assert R.certificate_dates("special_operation", issued_on="2020-03-10", r=r).review_due == date(2022, 3, 9)


# --- equipment -------------------------------------------------------------------------------

def test_next_inspection_from_the_category_interval():
    assert R.next_inspection("电梯", "2026-03-31") == date(2027, 3, 31)
    assert R.next_inspection("起重机械", "2025-08-31") == date(2027, 8, 31)
    assert R.next_inspection("压力容器", "2024-02-29") == date(2027, 2, 28)   # clamped to the month
    assert R.next_inspection("电梯", "2026-03-31", override_months=6) == date(2026, 9, 30)
    assert R.next_inspection("电梯", "") is None
    with pytest.raises(ValueError, match="特种设备类别"):
        R.next_inspection("汽车", "2026-01-01")


@pytest.mark.parametrize("today, status", [
    ("2027-02-28", "正常"), ("2027-03-01", "即将到期"), ("2027-03-31", "即将到期"), ("2027-04-01", "逾期未检"),
])
def test_equipment_status_at_its_boundaries(today, status):
    assert R.equipment_status(date(2027, 3, 31), "在用", date.fromisoformat(today)) == status


def test_equipment_out_of_use_is_never_due():
    assert R.equipment_status(date(2020, 1, 1), "停用", date(2027, 1, 1)) == "停用"
    assert R.equipment_status(None, "在用", date(2027, 1, 1)) == "未检验"


def test_all_eight_categories_have_an_interval():
    assert set(R.rules().equipment_categories) == {"锅炉", "压力容器", "压力管道", "电梯", "起重机械", "客运索道",
                                                   "大型游乐设施", "场（厂）内专用机动车辆"}
    assert len(R.rules().special_operations) == 11 and len(R.rules().accident_types) == 20


# --- the rest --------------------------------------------------------------------------------

def test_mask_id_keeps_first_six_and_last_four():
    assert R.mask_id("32028119900101123X") == "320281********123X"
    assert R.mask_id("") == "" and R.mask_id(None) == ""
    assert R.mask_id("A1234") == "****4"


def test_safety_director_rule():
    assert R.needs_safety_director(employees=100, revenue_wan=0, sector="危化", tags=[])
    assert not R.needs_safety_director(employees=99, revenue_wan=1999, sector="危化", tags=[])
    assert R.needs_safety_director(employees=10, revenue_wan=2000, sector="机械", tags=["粉尘涉爆"])
    assert not R.needs_safety_director(employees=500, revenue_wan=9000, sector="机械", tags=["喷涂"])


def test_supervisor_training_every_two_years():
    assert R.supervisor_training_due("2025-06-01") == date(2027, 5, 31)


def test_person_record_validation():
    ok = rec.Person(enterprise_id="e", role="特种作业人员", name="王强", category="电工作业",
                    id_no="32028119900101123x", issued_on="2024-01-01").clean()
    assert ok["id_no"] == "32028119900101123X" and ok["first_issued_on"] == "2024-01-01"
    with pytest.raises(ValueError, match="特种作业类别"):
        rec.Person(enterprise_id="e", role="特种作业人员", name="王强", category="叉车").clean()
    with pytest.raises(ValueError, match="身份证号"):
        rec.Person(enterprise_id="e", role="主要负责人", name="王强", id_no="12345").clean()
    with pytest.raises(ValueError, match="人员类别"):
        rec.Person(enterprise_id="e", role="厂长", name="王强").clean()
    with pytest.raises(ValueError, match="请填写姓名"):
        rec.Person(enterprise_id="e", role="主要负责人", name=" ").clean()


def test_quarter_report_and_activity_validation():
    with pytest.raises(ValueError, match="已整改数不能多于"):
        rec.QuarterReport(enterprise_id="e", year=2026, quarter=4, received_on="2027-01-10",
                          general_found=1, general_rectified=2).clean()
    with pytest.raises(ValueError, match="活动类别"):
        rec.Activity(on_date="2026-06-10", kind="联欢会", title="x").clean()
    with pytest.raises(ValueError, match="参加人数应为整数"):
        rec.Activity(on_date="2026-06-10", kind="安全生产月", title="x", participants="很多").clean()
