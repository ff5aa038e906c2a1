"""Settings in the database (storage.settings over the `setting` table) and the one existence
check (db.require / db.not_found)."""

import json

import pytest

from inspector_app.core import settings as S
from inspector_app.storage import settings, township
from inspector_app.storage.db import not_found, require


def test_unset_settings_read_as_their_defaults(store):
    assert settings.get(store, S.REINSPECTION_WINDOW) == 10
    assert settings.get(store, S.MAX_FINE_UNIT) == 3000
    assert settings.get(store, S.SETUP_DONE) is False
    assert settings.get(store, S.DOC_CODES) == {}
    assert settings.get_many(store) == {o.key: o.default for o in S.all_options()}


def test_values_written_by_older_versions_read_the_same(store):
    # Older code wrote raw JSON under the same keys; the registry must read those rows unchanged.
    store.set_setting("reinspection_window_days", 15)
    store.set_setting("township", "周庄镇")
    store.set_setting("setup_done", True)
    store.set_setting("doc_codes", {"spot_penalty": "应急罚当"})
    assert settings.get(store, S.REINSPECTION_WINDOW) == 15
    assert settings.get(store, S.TOWNSHIP) == "周庄镇"
    assert township.is_configured(store)
    assert settings.get(store, S.DOC_CODES) == {"spot_penalty": "应急罚当"}


@pytest.mark.parametrize("raw, value", [("12", 12), (0, 1), (None, 10), ("x", 10), (500, 60)])
def test_unusable_stored_values_read_safely(store, raw, value):
    store.set_setting("reinspection_window_days", raw)
    assert settings.get(store, S.REINSPECTION_WINDOW) == value


def test_put_checks_then_writes_the_same_representation(store):
    assert settings.put(store, S.MAX_FINE_UNIT, "1000") == 1000
    assert store.setting("max_fine_unit") == 1000
    row = store.conn.execute("SELECT value FROM setting WHERE key = 'max_fine_unit'").fetchone()
    assert json.loads(row[0]) == 1000
    with pytest.raises(ValueError, match="应在0至1000000之间"):
        settings.put(store, S.MAX_FINE_UNIT, -5)
    assert settings.get(store, S.MAX_FINE_UNIT) == 1000


def test_put_many_is_all_or_nothing(store):
    with pytest.raises(ValueError, match="设备编号"):
        settings.put_many(store, {S.BANK_NAME: "某银行", S.DEVICE_CODE: "A-1"})
    assert store.conn.execute("SELECT count(*) FROM setting WHERE key = 'bank_name'").fetchone()[0] == 0
    assert settings.put_many(store, {S.BANK_NAME: " 某银行 ", S.DEVICE_CODE: "A1"}) == {
        "bank_name": "某银行", "device_code": "A1"}
    assert settings.get_many(store, [S.BANK_NAME, S.DEVICE_CODE]) == {"bank_name": "某银行", "device_code": "A1"}


def test_the_old_township_settings_dict_is_built_from_the_registry(store):
    settings.put(store, S.TOWNSHIP, "璜土镇")
    s = township.settings(store)
    assert list(s) == [o.key for o in S.AUTHORITY]
    assert s["township"] == "璜土镇" and s["authority_name"] == "江阴市应急管理局"
    assert township.AUTHORITY_KEYS["authority_abbr"] == "澄"


def test_setup_writes_through_the_registry(store):
    township.apply_setup(store, township.TownshipSetup(
        township=" 周庄镇 ", device_code="B2", villages=["周庄村"],
        officers=[township.Officer(name="张三", cert_no="1"), township.Officer(name="李四", cert_no="2")]))
    assert settings.get(store, S.TOWNSHIP) == "周庄镇"
    assert settings.get(store, S.DEVICE_CODE) == "B2" == store.device
    assert township.is_configured(store)


def test_setup_with_one_officer_named_twice_is_refused(store):
    with pytest.raises(ValueError, match="至少两名执法人员"):
        township.apply_setup(store, township.TownshipSetup(
            township="周庄镇", device_code="B2", villages=["周庄村"],
            officers=[township.Officer(name="张三", cert_no="1"), township.Officer(name="张三", cert_no="1")]))
    assert not township.is_configured(store)


# --- the existence check ---------------------------------------------------------------------

def _village(store, name="周庄村"):
    return township.save_village(store, township.Village(name=name)).id


def test_require_returns_the_asked_columns(store):
    vid = _village(store)
    assert require(store, "village", vid, "该村（社区）") == (vid,)
    assert require(store, "village", vid, "该村（社区）", columns=("name", "sort")) == ("周庄村", 0)


@pytest.mark.parametrize("row_id", ["missing", "", None])
def test_require_refuses_a_missing_id_with_one_message(store, row_id):
    with pytest.raises(ValueError) as err:
        require(store, "village", row_id, "所选村（社区）")
    assert str(err.value) == "所选村（社区）不存在或已删除，请刷新后重新选择。"


def test_require_treats_a_tombstone_as_missing_unless_told(store):
    vid = _village(store)
    with store.write():
        store.conn.execute("UPDATE village SET deleted = 1 WHERE id = ?", [vid])
    with pytest.raises(ValueError, match="不存在或已删除，请先保存。"):
        require(store, "village", vid, "该村（社区）", hint="请先保存。")
    assert require(store, "village", vid, "该村（社区）", columns="deleted", live=False) == (1,)


def test_require_quotes_identifiers(store):
    with pytest.raises(Exception):
        require(store, "village; DROP TABLE village", "x", "该村")
    assert store.conn.execute("SELECT count(*) FROM village").fetchone()[0] == 0


def test_not_found_is_the_shared_message():
    assert str(not_found("该文书", "请刷新后重试。")) == "该文书不存在或已删除，请刷新后重试。"
    assert isinstance(not_found("该文书"), ValueError)
