from inspector_app.core import pinyin


def test_initials_skip_legal_form_suffix():
    initials, full = pinyin.keys("江阴市华宏化工有限公司")
    assert initials == "jyshhhg"
    assert full.startswith("jiangyinshihuahong") and full.endswith("gongsi")


def test_factory_keeps_its_suffix():
    assert pinyin.keys("江阴永盛机械厂")[0] == "jyysjxc"


def test_latin_and_digits_are_kept():
    assert pinyin.keys("ABC精密2厂")[0] == "abcjm2c"


# --- polyphones (issue 10): every reading indexed, the likeliest one primary -----------------

import pytest  # noqa: E402


@pytest.mark.parametrize("name, primary, other", [
    ("长富五金", "cfwj", "zfwj"),            # 长 cháng / zhǎng in a company name
    ("长泾", "cj", "zj"),                    # a Jiangyin town: 长泾 is Chángjīng
    ("重庆路", "cql", "zql"),                # 重 chóng / zhòng in a road name
    ("重工机械", "zgjx", "cgjx"),            # …and zhòng where it means heavy
    ("行知机械", "xzjx", "hzjx"),            # 行 xíng / háng
    ("银行", "yh", "yx"),
    ("乐器厂", "yqc", "lqc"),                # 乐 yuè / lè
    ("快乐五金", "klwj", "kywj"),
])
def test_polyphones_have_primary_and_alternate_readings(name, primary, other):
    k = pinyin.all_keys(name)
    assert k.initials == primary
    assert other in k.alt_initials
    assert primary not in k.alt_initials


def test_a_place_name_before_a_firm_name_is_not_read_as_a_title():
    # pypinyin alone segments 市长 / 镇长 (mayor) across "江阴市长泾镇长富…"
    k = pinyin.all_keys("江阴市长泾镇长富五金厂")
    assert k.full.startswith("jiangyinshichangjingzhenchangfu")
    assert "jyszjzzfwjc" in k.alt_initials


def test_only_real_readings_are_indexed():
    # pypinyin's heteronym lists carry archaic readings (市 fú, 厂 hàn); they are not indexed
    assert pinyin.all_keys("江阴市华宏化工有限公司").alt_initials == ()
    assert pinyin.all_keys("江阴永盛机械厂").alt_initials == ("jyycjxc",)  # 盛 shèng / chéng


def test_alternates_are_capped():
    k = pinyin.all_keys("长重行乐长重行乐长重")
    assert 0 < len(k.alt_initials) <= pinyin.MAX_ALT_INITIALS
    assert 0 < len(k.alt_full) <= pinyin.MAX_ALT_FULL
