"""The settings registry: one declaration per key, typed reads, strict writes."""

import pytest

from inspector_app.core import settings as S
from inspector_app.core.township import SETUP_OPTIONS, TownshipSetup

# The keys of the `setting` table as databases already hold them: renaming one loses the value.
STORED_KEYS = {
    "authority_name", "authority_abbr", "review_government", "court", "bank_name", "bank_account",
    "authority_address", "township", "township_government", "device_code", "current_officer_id",
    "setup_done", "reinspection_window_days", "max_fine_individual", "max_fine_unit", "doc_codes",
    "focused_inspection_max_employees",
    "authority_power", "identity_unit", "referral_recipient", "referral_wording",
    "backup_dir", "auto_backup", "backup_keep_daily", "backup_keep_weekly", "backup_remind_days",
    "last_backup_at", "last_backup_path",
    "idle_lock_minutes",
}


def test_every_stored_key_is_declared_once():
    assert set(S.REGISTRY) == STORED_KEYS
    assert all(S.option(key).key == key for key in STORED_KEYS)
    with pytest.raises(ValueError, match="declared twice"):
        S.register(S.Option("township", str, "", "重复"))
    with pytest.raises(KeyError):
        S.option("no_such_setting")


@pytest.mark.parametrize("option", list(S.all_options()), ids=lambda o: o.key)
def test_declarations_are_consistent(option):
    assert option.label and option.type in (str, int, bool, dict)
    assert isinstance(option.default, option.type)
    assert option.from_stored() == option.default
    assert option.from_stored(None) == option.default
    if not option.required:  # the default itself must be a valid value
        assert option.check(option.default) == option.default


@pytest.mark.parametrize("option, default", [
    (S.AUTHORITY_NAME, "江阴市应急管理局"), (S.AUTHORITY_ABBR, "澄"),
    (S.REVIEW_GOVERNMENT, "江阴市人民政府"), (S.REINSPECTION_WINDOW, 10),
    (S.MAX_FINE_INDIVIDUAL, 200), (S.MAX_FINE_UNIT, 3000), (S.SETUP_DONE, False), (S.DEVICE_CODE, ""),
])
def test_defaults(option, default):
    assert option.default == default


def test_the_wizard_starts_from_the_declared_defaults():
    setup = TownshipSetup()
    assert all(getattr(setup, o.key) == o.default for o in SETUP_OPTIONS)


@pytest.mark.parametrize("option, raw, value", [
    (S.REINSPECTION_WINDOW, 15, 15),
    (S.REINSPECTION_WINDOW, "15", 15),
    (S.REINSPECTION_WINDOW, 0, 1),          # below the range: the nearest bound
    (S.REINSPECTION_WINDOW, 999, 60),
    (S.REINSPECTION_WINDOW, "十天", 10),    # unusable: the default
    (S.REINSPECTION_WINDOW, True, 10),
    (S.MAX_FINE_UNIT, 1000.0, 1000),
    (S.MAX_FINE_UNIT, 1000.5, 3000),
    (S.SETUP_DONE, 1, True),
    (S.SETUP_DONE, "false", False),
    (S.TOWNSHIP, "  周庄镇 ", "周庄镇"),
    (S.TOWNSHIP, 12, "12"),
    (S.DOC_CODES, {"spot_penalty": "应急罚当"}, {"spot_penalty": "应急罚当"}),
    (S.DOC_CODES, ["not", "a", "map"], {}),
    (S.DEVICE_CODE, "A-1", "A-1"),          # reading never hides a bad code: issuing refuses it
])
def test_reads_are_typed_and_lenient(option, raw, value):
    assert option.from_stored(raw) == value
    assert type(option.from_stored(raw)) is option.type


def test_a_read_default_is_not_shared():
    codes = S.DOC_CODES.from_stored()
    codes["x"] = "y"
    assert S.DOC_CODES.from_stored() == {}


@pytest.mark.parametrize("option, value, message", [
    (S.REINSPECTION_WINDOW, 0, "复查期限（天）应在1至60之间，不能是0"),
    (S.REINSPECTION_WINDOW, 61, "应在1至60之间"),
    (S.REINSPECTION_WINDOW, "十天", "应为整数：“十天”"),
    (S.MAX_FINE_INDIVIDUAL, -1, "应在0至100000之间"),
    (S.MAX_FINE_UNIT, True, "应为整数"),
    (S.SETUP_DONE, "也许", "应为是或否"),
    (S.TOWNSHIP, "  ", "请填写镇（街道）名称。"),
    (S.AUTHORITY_ABBR, "", "请填写文号中使用的机关简称。如“澄”。"),
    (S.DEVICE_CODE, "", "请填写设备编号。设备编号由1至6位字母或数字组成"),
    (S.DEVICE_CODE, "A-1", "设备编号“A-1”不正确"),
    (S.DEVICE_CODE, "ABCDEFG", "设备编号“ABCDEFG”不正确"),
    (S.DEVICE_CODE, "甲1", "不正确"),
    (S.DOC_CODES, {"spot_penalty": 3}, "文书代字应为对照表"),
])
def test_writes_are_checked(option, value, message):
    assert message in option.problem(value)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        option.check(value)


@pytest.mark.parametrize("option, value, stored", [
    (S.REINSPECTION_WINDOW, "15", 15),
    (S.REINSPECTION_WINDOW, 1, 1),
    (S.REINSPECTION_WINDOW, 60, 60),
    (S.DEVICE_CODE, " A1 ", "A1"),
    (S.DEVICE_CODE, "b12345", "b12345"),
    (S.BANK_NAME, "", ""),
    (S.SETUP_DONE, True, True),
    (S.DOC_CODES, {"spot_penalty": " 应急罚当 ", "hazard_notice": ""}, {"spot_penalty": "应急罚当"}),
])
def test_valid_writes_are_converted(option, value, stored):
    assert option.problem(value) is None
    assert option.check(value) == stored


def test_authority_settings_are_the_printed_ones():
    assert [o.key for o in S.AUTHORITY] == [
        "authority_name", "authority_abbr", "review_government", "court", "bank_name", "bank_account",
        "authority_address", "township", "township_government", "device_code", "current_officer_id",
        "authority_power", "identity_unit", "referral_recipient"]
