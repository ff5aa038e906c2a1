"""The on-the-spot fine limits as storage applies them when issuing: the defaults (200 / 3,000 元,
行政处罚法第51条) when no setting is made, and the cash rule (第68条) on the way in."""

from inspector_app.core import settings as S  # noqa: E402
from inspector_app.storage import settings as settings_store  # noqa: E402
import pytest

from inspector_app.storage import documents, open_memory, township
from inspector_app.storage.township import Officer, TownshipSetup

OFFICERS = [{"name": "张三", "cert_no": "32010001"}, {"name": "李四", "cert_no": "32010002"}]
BASE = {"officers": OFFICERS, "decided_at": "2026-03-05T10:00", "place": "车间", "facts": "未设置安全警示标志",
        "violated": "安全生产法第三十五条", "basis": "安全生产法第九十九条"}


@pytest.fixture
def s():
    s = open_memory(device="A1")
    township.apply_setup(s, TownshipSetup(court="江阴市人民法院",
        township="周庄镇", device_code="A1", villages=["周庄村"],
        officers=[Officer(name="张三", cert_no="32010001"), Officer(name="李四", cert_no="32010002")]))
    settings_store.put_many(s, {S.BANK_NAME: "中国农业银行江阴支行", S.BANK_ACCOUNT: "10640101040001234"})
    row = {"name": "江阴市周庄华宏机械有限公司"}
    s.stamp(row, new=True)
    with s.write():
        s.conn.execute("INSERT INTO enterprise (id, name, hlc, origin) VALUES (?, ?, ?, ?)",
                       [row["id"], row["name"], row["hlc"], row["origin"]])
    s.ent = row["id"]
    yield s
    s.close()


def fine(s, amount, *, variant="unit", **kw):
    content = {**BASE, "variant": variant, "amount": amount, **kw}
    if variant == "individual":
        content["person"] = {"name": "刘强"}
    return documents.issue_document(s, kind="spot_penalty", content=content,
                                    enterprise_id=s.ent if variant == "unit" else None, issued_at="2026-03-05")


def test_the_defaults_are_the_2021_law():
    assert (documents.DEFAULT_MAX_FINE_INDIVIDUAL, documents.DEFAULT_MAX_FINE_UNIT) == (200, 3000)


@pytest.mark.parametrize("variant, limit", [("individual", 200), ("unit", 3000)])
def test_default_limit_on_both_sides(s, variant, limit):
    assert fine(s, limit, variant=variant)["seq"] == 1
    with pytest.raises(ValueError, match=f"不得超过{limit}元"):
        fine(s, limit + 1, variant=variant)
    assert s.conn.execute("SELECT count(*) FROM document").fetchone()[0] == 1


def test_cash_on_the_spot_through_storage(s):
    assert fine(s, 100, payment="当场缴纳")["seq"] == 1
    with pytest.raises(ValueError, match="第68条"):
        fine(s, 101, payment="当场缴纳")
    assert fine(s, 101, payment="当场缴纳", hard_to_enforce=True)["content"]["hard_to_enforce"] is True
