from inspector_app.core import pinyin


def test_initials_skip_legal_form_suffix():
    initials, full = pinyin.keys("江阴市华宏化工有限公司")
    assert initials == "jyshhhg"
    assert full.startswith("jiangyinshihuahong") and full.endswith("gongsi")


def test_factory_keeps_its_suffix():
    assert pinyin.keys("江阴永盛机械厂")[0] == "jyysjxc"


def test_latin_and_digits_are_kept():
    assert pinyin.keys("ABC精密2厂")[0] == "abcjm2c"
