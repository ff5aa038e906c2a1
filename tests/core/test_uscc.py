"""Unified social credit codes (GB 32100-2015) against real published codes and a reference
check computed here, apart from ``core/uscc.py`` — never by asking the code under test."""

import pytest

from inspector_app.core import uscc

# --- an independent reference, written from the standard's text ---------------------------------
# GB 32100-2015 §4.3 / GB/T 17710 (MOD 31-3): characters 0-9 A-H J-N P-R T-U W-Y (I O Z S V are
# never used), weights W_i = 3^(i-1) mod 31, check = 31 - (Σ C_i·W_i mod 31), 31 written as 0.
REF_ALPHABET = "0123456789" + "ABCDEFGH" + "JKLMN" + "PQR" + "TU" + "WXY"
REF_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def ref_check(first17: str) -> str:
    total = sum(REF_ALPHABET.index(c) * w for c, w in zip(first17, REF_WEIGHTS, strict=True))
    c = 31 - total % 31
    return REF_ALPHABET[0 if c == 31 else c]


# GB 11714-1997 organisation code (positions 9-17 of codes of bodies that had one): weights
# 3 7 9 10 5 8 4 2 over the 8-character body, digits as themselves and A=10 … Z=35;
# C9 = 11 - (Σ mod 11), 10 written as X and 11 as 0.
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def ref_org_check(body8: str) -> str:
    values = [int(c) if c.isdigit() else ord(c) - ord("A") + 10 for c in body8]
    c = 11 - sum(v * w for v, w in zip(values, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


# --- real published codes --------------------------------------------------------------------------
# Named ones from their public listings (mirrored as test data by python-stdnum, hutool and
# uscc-utils); the rest are the "found online" list of python-stdnum's doctests. Together they put
# letters in the body (positions 9-17) in every column, check characters of every kind (digit,
# X, other letters), and registration bodies 1 (编办), 5 (民政) and 9 (市场监管).
NAMED = {
    "91110108551385082Q": "小米科技有限责任公司",
    "91370000728611939A": "山东步长制药股份有限公司",
    "531000005000160090": "中国红十字基金会 (53 基金会)",
    "52410000663412719U": "河南省嵩山少林寺文化院 (52 民办非企业单位)",
    "121200004013590816": "天津 事业单位 (12)",
    "91110000600037341L": "sample of GB 32100 guides",
    "91310110666007217T": "上海 enterprise (hutool's test)",
    "91310115591693856A": "上海 enterprise (hutool's test)",
}
FOUND_ONLINE = """
91110000710926094P 91120224064012553U 911522010783710635 91152201078371135X 9115220107837757XE
9115220107837941X1 91310000631696382C 91310112087994932F 913101127033980359 91310115MA1K3BTP2B
9131012056010553X5 91320214745555318W 913205056082348768 913304007429141869 91340600MA2PBM9HXD
91340600MA2PBMA74B 91340600MA2PBMBL5H 91340600MA2PBMDH5R 91340600MA2PBMQB9E 91340600MA2PBN188W
91340600MA2PBNE723 91340600MA2PBP6A1W 91340600MA2PENCC7K 91340600MA2PENWF9P 91340600MA2PEP3Y54
91340600MA2PERLJ2D 91340600MA2UJY987H 91340603MA2UJXXCXF 91340603MA2UJYNU67 91340621MA2PEMUHX8
91340621MA2PEMWN1C 91420684MA4927PJ7B 91440300568520498A 9144030071526726XG 9144060573144633XL
91620105L015101280 91620105MA71T4YW8Q 91620105MA73NBBLXE 92340602MA2PBMEM24 92340602MA2PEL8AXA
92340603MA2PBQBC2X 92340603MA2UK2QAXJ 92340604MA2PBNQNXM 92340621MA2PBKRXXG 92340621MA2UK3PJXE
""".split()
REAL = [*NAMED, *FOUND_ONLINE]


def test_the_reference_itself_accepts_every_real_code():
    # Guards the reference (and the list): if this fails, the reference is wrong, not the app.
    assert [c for c in REAL if ref_check(c[:17]) != c[17]] == []


def test_the_real_codes_cover_letters_in_every_position_that_may_hold_one():
    body_columns = {i for c in REAL for i in range(8, 17) if c[i].isalpha()}
    # (the 11th character is a digit in every "MA…" body: the issuing office's number)
    assert body_columns == set(range(8, 17)) - {10}
    assert len({c[17] for c in REAL if c[17].isalpha()}) >= 15 and any(c[17] == "0" for c in REAL)
    # every letter of the alphabet occurs somewhere, so a swap of any two is caught below
    assert set(REF_ALPHABET[10:]) - {ch for c in REAL for ch in c} == set()


@pytest.mark.parametrize("code", REAL)
def test_real_codes_are_valid(code):
    assert uscc.validate(code).code == code


@pytest.mark.parametrize("code", REAL)
def test_check_character_matches_the_reference(code):
    assert uscc.check_char(code[:17]) == ref_check(code[:17]) == code[17]


def test_alphabet_and_weights_are_the_standards():
    assert uscc.ALPHABET == REF_ALPHABET
    assert len(REF_ALPHABET) == 31 and not set("IOZSV") & set(REF_ALPHABET)
    assert [pow(3, i, 31) for i in range(17)] == list(REF_WEIGHTS)  # the standard's table


@pytest.mark.parametrize("first17", [
    # letter-led registration bodies the app must accept (python-stdnum rejects them); no
    # published code of these classes was at hand, so their check comes from the reference only
    "N2320281MA1XK3B70", "N1320281MA1XK3B71", "N3320281MA1XK3B72", "A1110000MA01ABCD3",
    "G1110000MA01ABCD4", "J1320281MA1XK3B75", "Y1320281MA1XK3B76", "11320281014089611",
])
def test_letter_led_codes_are_checked_like_any_other(first17):
    code = first17 + ref_check(first17)
    assert uscc.validate(code).code == code
    wrong = REF_ALPHABET[(REF_ALPHABET.index(code[17]) + 1) % 31]
    assert not uscc.is_valid(first17 + wrong)


def test_village_collective_kind():
    first17 = "N2320281MA1XK3B7X"
    assert uscc.validate(first17 + ref_check(first17)).kind == "村级集体经济组织"


@pytest.mark.parametrize("code", REAL)
def test_organisation_code_check_matches_the_reference(code):
    # Positions 9-17 are a GB 11714 organisation code, its 9th character that code's check (the
    # "MA…" bodies assigned since 2015 included).
    body8 = code[8:16]
    assert ref_org_check(body8) == code[16]
    assert uscc.make(code[:2], code[2:8], body8=body8) == code


def test_wrong_check_character_is_reported_in_chinese():
    good = "91110108551385082Q"
    with pytest.raises(uscc.UsccError, match="校验位"):
        uscc.validate(good[:17] + "F")


@pytest.mark.parametrize("bad, fragment", [
    ("9111000060003734", "18位"),
    ("91110000600037341I", "不允许的字符"),
    ("9111000060003734OL", "不允许的字符"),
    ("91ABCDEF600037341L", "行政区划码"),
])
def test_malformed_codes(bad, fragment):
    with pytest.raises(uscc.UsccError, match=fragment):
        uscc.validate(bad)


def test_compact_accepts_spaces_and_fullwidth():
    assert uscc.validate("９１１１ 0000-6000 37341l").code == "91110000600037341L"


@pytest.mark.parametrize("code", ["91110108551385082Q", "91340600MA2PBM9HXD", "92340621MA2UK3PJXE"])
def test_every_single_character_change_is_caught(code):
    # MOD 31-3 detects every single substitution; the reference decides what a change is.
    changed = 0
    for i in range(18):
        for ch in REF_ALPHABET:
            if ch == code[i] or (2 <= i < 8 and not ch.isdigit()):
                continue
            changed += 1
            assert not uscc.is_valid(code[:i] + ch + code[i + 1:]), (i, ch)
    assert changed == 2 * 30 + 6 * 9 + 10 * 30


@pytest.mark.parametrize("code", ["91110108551385082Q", "91340600MA2PBM9HXD"])
def test_adjacent_transpositions_are_caught(code):
    for i in range(17):
        if code[i] == code[i + 1]:
            continue
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2:]
        if swapped[2:8].isdigit():
            assert not uscc.is_valid(swapped), i
