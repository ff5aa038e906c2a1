"""One date parser with one message (core.dates)."""

from datetime import date, datetime, timedelta, timezone

import pytest

from inspector_app.core.dates import (DATE_EXAMPLE, DATETIME_EXAMPLE, as_date, as_datetime, bad_format,
                                      check_iso, parse_date, parse_datetime)


@pytest.mark.parametrize("value, expected", [
    ("2026-03-15", date(2026, 3, 15)),
    (" 2026-03-15 ", date(2026, 3, 15)),
    ("2026-03-15T09:30:00+08:00", date(2026, 3, 15)),
    ("2026-03-15 09:30", date(2026, 3, 15)),
    (date(2026, 3, 15), date(2026, 3, 15)),
    (datetime(2026, 3, 15, 23, 59), date(2026, 3, 15)),
    (None, None),
    ("", None),
    ("   ", None),
])
def test_as_date(value, expected):
    assert as_date(value) == expected
    assert type(as_date(value)) is (date if expected else type(None))


@pytest.mark.parametrize("value, expected", [
    ("2026-03-15 09:30", datetime(2026, 3, 15, 9, 30)),
    ("2026-03-15T09:30:15", datetime(2026, 3, 15, 9, 30, 15)),
    ("2026-03-15", datetime(2026, 3, 15)),
    (date(2026, 3, 15), datetime(2026, 3, 15)),
    ("2026-03-15T09:30+08:00", datetime(2026, 3, 15, 9, 30, tzinfo=timezone(timedelta(hours=8)))),
    (None, None),
    ("", None),
])
def test_as_datetime(value, expected):
    assert as_datetime(value) == expected


def test_a_datetime_is_kept_as_given():
    t = datetime(2026, 3, 15, 9, 30, 15, 123)
    assert as_datetime(t) is t and parse_datetime(t) is t


@pytest.mark.parametrize("parse, value, what, message", [
    (parse_date, "3月5日", "日期", "日期格式不正确：“3月5日”，请按“2026-03-15”的格式填写。"),
    (parse_date, "2026-02-30", "整改期限", "整改期限格式不正确：“2026-02-30”，请按“2026-03-15”的格式填写。"),
    (as_date, "21/03/2026", "发现日期", "发现日期格式不正确：“21/03/2026”，请按“2026-03-15”的格式填写。"),
    (parse_datetime, "九点半", "检查开始时间",
     "检查开始时间格式不正确：“九点半”，请按“2026-03-15 09:30”的格式填写。"),
    (as_datetime, "2026-03-15 25:00", "时间", "时间格式不正确：“2026-03-15 25:00”，请按“2026-03-15 09:30”的格式填写。"),
    (parse_date, "", "复查日期", "请填写复查日期。"),
    (parse_date, None, "日期", "请填写日期。"),
    (parse_datetime, "  ", "检查结束时间", "请填写检查结束时间。"),
])
def test_one_message_per_kind_of_mistake(parse, value, what, message):
    with pytest.raises(ValueError) as err:
        parse(value, what)
    assert str(err.value) == message


def test_default_names_and_the_shared_message():
    with pytest.raises(ValueError, match="^日期格式不正确"):
        parse_date("x")
    with pytest.raises(ValueError, match="^时间格式不正确"):
        parse_datetime("x")
    assert str(bad_format("送达日期", "x")) == f"送达日期格式不正确：“x”，请按“{DATE_EXAMPLE}”的格式填写。"
    assert DATETIME_EXAMPLE in str(bad_format("时间", "x", DATETIME_EXAMPLE))


@pytest.mark.parametrize("value, expected", [
    ("2026-03-15", "2026-03-15"),
    (" 2026-03-15T09:30:00+08:00 ", "2026-03-15T09:30:00+08:00"),
    (date(2026, 3, 15), "2026-03-15"),
    (datetime(2026, 3, 15, 9, 30, 15, 999), "2026-03-15T09:30:15"),
])
def test_check_iso_keeps_the_text(value, expected):
    assert check_iso(value, "出具日期") == expected


@pytest.mark.parametrize("value", ["2026/03/15", "2026-03-15T25:00", "15.03.2026", ""])
def test_check_iso_refuses(value):
    with pytest.raises(ValueError, match="出具日期"):
        check_iso(value, "出具日期")


def test_the_old_import_path_still_works():
    from inspector_app.core.findings import as_date as old

    assert old is as_date


def test_local_naive():
    from inspector_app.core.dates import local_naive

    aware = datetime(2026, 3, 15, 1, 30, tzinfo=timezone.utc)
    assert local_naive(aware) == aware.astimezone().replace(tzinfo=None)
    assert local_naive(aware.isoformat()).tzinfo is None
    assert local_naive("2026-03-15 09:30") == datetime(2026, 3, 15, 9, 30)
    with pytest.raises(ValueError, match="结束时间格式不正确"):
        local_naive("later", "结束时间")
