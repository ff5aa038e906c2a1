"""The finding state machine, overdue rules, 五到位 / 挂牌督办 checks and quarter helpers."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector_app.core import findings as fx
from inspector_app.core.findings import (
    EVENTS, STATES, TRANSITIONS, allowed_events, days_overdue, five_errors, five_missing,
    grade_errors, is_overdue_rectification, is_overdue_reinspection, listing_errors, quarter_of,
    quarter_range, reinspection_due_by, transition,
)

# ------------------------------------------------------------------------------------------
# transitions

EXPECTED = {
    ("registered", "order"): "ordered",
    ("registered", "rectified"): "awaiting_reinspection",
    ("ordered", "serve"): "rectifying",
    ("ordered", "rectified"): "awaiting_reinspection",
    ("rectifying", "rectified"): "awaiting_reinspection",
    ("ordered", "reinspection_passed"): "passed",
    ("rectifying", "reinspection_passed"): "passed",
    ("awaiting_reinspection", "reinspection_passed"): "passed",
    ("ordered", "reinspection_failed"): "ordered",
    ("rectifying", "reinspection_failed"): "ordered",
    ("awaiting_reinspection", "reinspection_failed"): "ordered",
    # 案件移送 after the deadline: open until the bureau's outcome is recorded.
    ("ordered", "refer"): "referred",
    ("rectifying", "refer"): "referred",
    ("awaiting_reinspection", "refer"): "referred",
    ("referred", "bureau_resolved"): "passed",
    ("referred", "bureau_returned"): "rectifying",
    ("passed", "close"): "closed",
}


def test_transition_table_is_exactly_the_documented_one():
    assert TRANSITIONS == EXPECTED


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("event", EVENTS)
def test_every_state_event_pair(state, event):
    if (state, event) in EXPECTED:
        assert transition(state, event) == EXPECTED[(state, event)]
        assert event in allowed_events(state)
    else:
        with pytest.raises(ValueError) as exc:
            transition(state, event)
        msg = str(exc.value)
        assert fx.STATE_LABELS[state] in msg          # says where the finding is
        assert "不能" in msg
        assert event not in allowed_events(state)


def test_illegal_move_names_the_legal_ones():
    with pytest.raises(ValueError, match="复查合格.*复查不合格|复查不合格.*复查合格"):
        transition("awaiting_reinspection", "close")
    with pytest.raises(ValueError, match="已销号"):
        transition("closed", "order")


def test_unknown_state_or_event():
    with pytest.raises(ValueError, match="无法识别"):
        transition("lost", "order")
    with pytest.raises(ValueError):
        transition("registered", "teleport")


def test_closed_is_final_and_every_state_can_still_reach_closure():
    assert allowed_events("closed") == []
    for start in STATES:
        seen, todo = {start}, [start]
        while todo:
            s = todo.pop()
            for (a, _e), b in TRANSITIONS.items():
                if a == s and b not in seen:
                    seen.add(b)
                    todo.append(b)
        assert "closed" in seen, start
    # and everything is reachable from registration
    reach, todo = {"registered"}, ["registered"]
    while todo:
        s = todo.pop()
        for (a, _e), b in TRANSITIONS.items():
            if a == s and b not in reach:
                reach.add(b)
                todo.append(b)
    assert reach == set(STATES)


def test_happy_path_and_failed_reinspection_loop():
    s = "registered"
    for ev in ("order", "serve", "rectified", "reinspection_failed", "serve", "rectified",
               "reinspection_passed", "close"):
        s = transition(s, ev)
    assert s == "closed"


def test_labels_are_chinese_and_complete():
    assert set(fx.STATE_LABELS) == set(STATES)
    assert fx.STATE_LABELS["awaiting_reinspection"] == "已整改待复查"
    assert fx.STATE_LABELS["closed"] == "已销号"
    assert set(EVENTS) <= set(fx.EVENT_LABELS)


# ------------------------------------------------------------------------------------------
# overdue

D = date(2026, 3, 20)


def f(state, deadline=D, rectified_on="", deleted=0):
    return {"state": state, "deadline": deadline.isoformat() if deadline else "",
            "rectified_on": rectified_on, "deleted": deleted}


@pytest.mark.parametrize("state", ["registered", "ordered", "rectifying"])
def test_overdue_rectification_from_the_day_after_the_deadline(state):
    assert not is_overdue_rectification(f(state), D - timedelta(days=1))
    assert not is_overdue_rectification(f(state), D)       # the deadline day is still on time
    assert is_overdue_rectification(f(state), D + timedelta(days=1))
    assert days_overdue(f(state), D + timedelta(days=4)) == 4
    assert days_overdue(f(state), D) == 0


@pytest.mark.parametrize("state", ["awaiting_reinspection", "passed", "closed"])
def test_rectified_findings_are_never_overdue_for_rectification(state):
    assert not is_overdue_rectification(f(state), D + timedelta(days=400))


def test_deleted_or_undated_findings_are_not_overdue():
    assert not is_overdue_rectification(f("ordered", deleted=1), D + timedelta(days=30))
    assert not is_overdue_reinspection(f("ordered", deleted=1), D + timedelta(days=30))
    assert not is_overdue_rectification(f("ordered", deadline=None), D + timedelta(days=30))
    assert not is_overdue_reinspection(f("ordered", deadline=None), D + timedelta(days=30))


@pytest.mark.parametrize("state", ["ordered", "rectifying", "awaiting_reinspection"])
@pytest.mark.parametrize("window", [1, 3, 10])
def test_overdue_reinspection_after_the_window(state, window):
    finding = f(state, rectified_on=D.isoformat() if state == "awaiting_reinspection" else "")
    assert reinspection_due_by(finding, window) == D + timedelta(days=window)
    assert not is_overdue_reinspection(finding, D + timedelta(days=window), window)
    assert is_overdue_reinspection(finding, D + timedelta(days=window + 1), window)


def test_default_window_is_ten_days():
    assert fx.DEFAULT_REINSPECTION_WINDOW_DAYS == 10
    assert not is_overdue_reinspection(f("ordered"), D + timedelta(days=10))
    assert is_overdue_reinspection(f("ordered"), D + timedelta(days=11))


def test_early_rectification_starts_the_window_at_the_report():
    # 执法程序: 申请复查 or 期限届满, whichever first — reported 10 days early.
    early = f("awaiting_reinspection", rectified_on=(D - timedelta(days=10)).isoformat())
    assert reinspection_due_by(early, 10) == D
    assert is_overdue_reinspection(early, D + timedelta(days=1), 10)
    # reported after the deadline: the deadline still counts
    late = f("awaiting_reinspection", rectified_on=(D + timedelta(days=5)).isoformat())
    assert reinspection_due_by(late, 10) == D + timedelta(days=10)


@pytest.mark.parametrize("state", ["registered", "passed", "closed"])
def test_no_reinspection_owed(state):
    assert reinspection_due_by(f(state), 10) is None
    assert not is_overdue_reinspection(f(state), D + timedelta(days=400), 10)


def test_accepts_dates_strings_and_objects():
    class Row:
        state = "ordered"
        deadline = "2026-03-20"
        rectified_on = ""
        deleted = 0

    assert is_overdue_rectification(Row(), "2026-03-21")
    assert is_overdue_reinspection(Row(), date(2026, 3, 31))
    with pytest.raises(ValueError, match="格式不正确"):
        is_overdue_rectification(Row(), "21/03/2026")


# ------------------------------------------------------------------------------------------
# 五到位, 挂牌督办, grades

def test_five_missing_lists_the_blank_items_in_order():
    assert five_missing({}) == list(fx.FIVE_FIELDS)
    partial = {"five_measures": "加装泄爆片", "five_responsible": "  ", "five_funds": 0,
               "five_deadline": "2026-05-01", "five_contingency": ""}
    assert five_missing(partial) == ["five_responsible", "five_contingency"]   # 0 元 counts
    full = {**partial, "five_responsible": "设备科 王五", "five_contingency": "停用除尘系统"}
    assert five_missing(full) == []
    assert five_missing({**full, "five_funds": None}) == ["five_funds"]


def test_five_errors():
    assert five_errors({"five_funds": 12000, "five_deadline": "2026-05-01"}) == {}
    assert "five_funds" in five_errors({"five_funds": -1})
    assert "five_funds" in five_errors({"five_funds": "很多"})
    assert "five_deadline" in five_errors({"five_deadline": "五月底"})
    assert "budget" in five_errors({"budget": 1})


def test_listing_errors():
    ok = dict(grade="重大", body="江阴市安委办", doc_no="澄安委办〔2026〕3号", listed_on="2026-03-01",
              deadline="2026-06-01")
    assert listing_errors(**ok) == {}
    assert listing_errors(**{**ok, "doc_no": ""}) == {}
    assert "grade" in listing_errors(**{**ok, "grade": "一般"})
    assert "listing_body" in listing_errors(**{**ok, "body": " "})
    assert "listed_on" in listing_errors(**{**ok, "listed_on": ""})
    assert "listing_deadline" in listing_errors(**{**ok, "deadline": "2026-03-01"})
    assert "listing_deadline" in listing_errors(**{**ok, "deadline": "不详"})


def test_grade_override_needs_a_reason_both_ways():
    ref = "应急管理部令第10号 第十一条第（三）项"
    assert grade_errors(grade="重大", major_ref=ref, override_reason="") == {}
    assert grade_errors(grade="一般", major_ref="", override_reason="") == {}
    assert "grade_override_reason" in grade_errors(grade="重大", major_ref="", override_reason="")
    assert "grade_override_reason" in grade_errors(grade="一般", major_ref=ref, override_reason="")
    assert grade_errors(grade="一般", major_ref=ref, override_reason="已设置湿式除尘，不涉爆") == {}
    assert "grade" in grade_errors(grade="较大", major_ref="", override_reason="")


# ------------------------------------------------------------------------------------------
# quarters

def test_quarter_boundaries():
    assert quarter_of("2026-01-01") == (2026, 1)
    assert quarter_of(date(2026, 3, 31)) == (2026, 1)
    assert quarter_of("2026-04-01") == (2026, 2)
    assert quarter_of("2026-12-31") == (2026, 4)
    assert quarter_range(2026, 1) == (date(2026, 1, 1), date(2026, 3, 31))
    assert quarter_range(2024, 1)[1] == date(2024, 3, 31)
    assert quarter_range(2026, 2) == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarter_range(2026, 4) == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(ValueError):
        quarter_range(2026, 5)


@settings(max_examples=60)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_date_lies_in_its_quarter_and_quarters_tile_the_year(d):
    y, q = quarter_of(d)
    first, last = quarter_range(y, q)
    assert first <= d <= last
    if q < 4:
        assert quarter_range(y, q + 1)[0] == last + timedelta(days=1)
    else:
        assert quarter_range(y + 1, 1)[0] == last + timedelta(days=1)
