import re
from collections import Counter
from dataclasses import replace

import pytest

from inspector_app import demo
from inspector_app.core import industry, uscc
from inspector_app.core.enterprise import RISK_TAGS, core_name, validate

MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0510-86\d{6}$")


@pytest.fixture(scope="module")
def town():
    return demo.generate(seed=2012, enterprises=800)


def _fingerprint(d):
    return [(e.name, e.uscc, e.legacy_reg_no, e.address, e.village_id, e.legal_rep, e.principal_phone,
             e.gbt_division, e.scale, e.employees, e.revenue_wan, tuple(e.risk_tags), e.status)
            for e in d.enterprises]


def test_reproducible_from_seed(town):
    again = demo.generate(seed=2012, enterprises=800)
    assert _fingerprint(again) == _fingerprint(town)
    assert again.tenancies == town.tenancies
    assert again.villages == town.villages
    assert [(o.name, o.cert_no) for o in again.setup.officers] == \
        [(o.name, o.cert_no) for o in town.setup.officers]
    other = demo.generate(seed=2013, enterprises=800)
    assert [e.name for e in other.enterprises] != [e.name for e in town.enterprises]


def test_does_not_touch_global_random(town):
    import random

    random.seed(5)
    expected = random.random()
    random.seed(5)
    demo.generate(seed=1, enterprises=50)
    assert random.random() == expected


def test_every_enterprise_validates(town):
    assert len(town.enterprises) == 800
    for e in town.enterprises:
        validate(replace(e, risk_tags=list(e.risk_tags)))
        assert set(e.risk_tags) <= set(RISK_TAGS)
        assert e.id is None and e.landlord_id is None


def test_codes_unique_valid_and_of_the_right_kind(town):
    codes = [e.uscc for e in town.enterprises if e.uscc]
    assert len(codes) == len(set(codes))
    for e in town.enterprises:
        if e.uscc:
            assert uscc.is_valid(e.uscc)
            assert e.uscc[2:8] == "320281"
        if e.scale == "个体":
            assert (e.uscc or "").startswith("92") or e.legacy_reg_no
        elif e.uscc.startswith("91"):
            assert "有限公司" in e.name or e.name.endswith("厂"), e.name
    kinds = Counter(e.uscc[:2] for e in town.enterprises if e.uscc)
    assert kinds["N2"] in (2, 3)
    assert 2 <= kinds["93"] <= 15
    assert set(kinds) <= {"91", "92", "93", "N2"}


def _legacy_ok(no):
    # ISO 7064 MOD 11,10 over all 15 digits (工商注册号 GS15).
    p = 10
    for ch in no[:-1]:
        s = (p + int(ch)) % 10 or 10
        p = s * 2 % 11
    return (p + int(no[-1])) % 10 == 1


def test_individuals_without_code_have_a_legacy_number(town):
    indiv = [e for e in town.enterprises if e.scale == "个体"]
    assert 100 < len(indiv) < 400
    legacy = [e for e in indiv if not e.uscc]
    assert 0.2 < len(legacy) / len(indiv) < 0.47
    nos = [e.legacy_reg_no for e in legacy]
    assert all(n and re.fullmatch(r"3202816\d{8}", n) and _legacy_ok(n) for n in nos)
    assert len(set(nos)) == len(nos)
    assert not [e for e in town.enterprises if e.uscc and e.legacy_reg_no]
    # Individual businesses are named like 江阴市璜土镇王建华五金加工店.
    assert all(e.name.startswith("江阴市璜土镇") for e in indiv)
    assert any(e.name.startswith("江阴市璜土镇" + e.legal_rep) for e in indiv)


def test_sector_consistent_with_division(town):
    exceptions = {("26", "轻工"), ("51", "危化"), ("52", "危化"), ("59", "危化")}
    for e in town.enterprises:
        assert industry.is_division(e.gbt_division)
        assert e.gbt_section == industry.section_of(e.gbt_division)
        if e.sector != industry.default_sector(e.gbt_division):
            assert (e.gbt_division, e.sector) in exceptions, (e.name, e.gbt_division, e.sector)
    divisions = Counter(e.gbt_division for e in town.enterprises)
    assert divisions.most_common(1)[0][0] == "33"
    assert divisions["26"] + divisions["25"] < 0.05 * 800  # few chemical works
    sectors = Counter(e.sector for e in town.enterprises)
    assert sectors.most_common(1)[0][0] == "机械"
    manufacturing = sum(1 for e in town.enterprises if e.gbt_section == "C")
    assert 0.5 < manufacturing / 800 < 0.8


def test_scale_employees_revenue_consistent(town):
    ranges = {"个体": (1, 8), "小微": (5, 50), "规下": (20, 150), "规上": (50, 800)}
    for e in town.enterprises:
        lo, hi = ranges[e.scale]
        assert lo <= e.employees <= hi, (e.scale, e.employees)
        assert e.revenue_wan > 0
        if e.scale == "规上":
            assert e.revenue_wan >= 200
        if e.scale in ("个体", "小微"):
            assert e.revenue_wan < 2000
    scales = Counter(e.scale for e in town.enterprises)
    assert scales["小微"] > scales["规上"] > 20


def test_safety_manager_and_grades(town):
    big = [e for e in town.enterprises if e.employees > 50]
    assert sum(e.safety_manager_type == "专职" for e in big) > 0.7 * len(big)
    for e in town.enterprises:
        if e.scale == "个体":
            assert e.safety_manager_type == "兼职" and e.safety_manager == e.legal_rep
        assert e.safety_manager and e.principal and e.legal_rep
    grades = Counter(e.standardisation_grade for e in town.enterprises)
    assert grades["三级"] + grades["小微达标"] + grades["未定级"] > 0.9 * 800
    classes = Counter(e.supervision_class for e in town.enterprises)
    assert classes.most_common(1)[0][0] == "C"
    status = Counter(e.status for e in town.enterprises)
    assert status["在营"] > 0.8 * 800 and status["停产"] and status["关闭"]


def test_risk_tags_make_sense(town):
    def share(pred, tag):
        group = [e for e in town.enterprises if pred(e)]
        return sum(tag in e.risk_tags for e in group) / max(1, len(group))

    assert share(lambda e: e.gbt_division == "62", "燃气使用") > 0.8
    assert share(lambda e: e.gbt_division in ("20", "21"), "粉尘涉爆") > 0.4
    assert share(lambda e: e.gbt_division == "26" and e.sector == "危化", "危化品储存") > 0.6
    assert share(lambda e: e.gbt_section != "C", "有限空间") < share(lambda e: e.gbt_section == "C", "有限空间")
    for e in town.enterprises:
        if "涉爆粉尘湿式作业" in e.risk_tags:
            assert "粉尘涉爆" in e.risk_tags
        assert e.risk_tags == sorted(e.risk_tags, key=RISK_TAGS.index)
        assert len(e.risk_tags) == len(set(e.risk_tags))
    collectives = [e for e in town.enterprises if e.uscc and e.uscc.startswith("N2")]
    assert all("出租厂房" in e.risk_tags and e.gbt_division == "70" for e in collectives)


def test_tenants_rent_from_a_landlord_in_the_same_village(town):
    pairs = town.tenancies
    assert 0.02 * 800 <= len(pairs) <= 0.04 * 800
    tenants = [t for t, _ in pairs]
    landlords = {lo for _, lo in pairs}
    assert len(set(tenants)) == len(tenants)
    assert not landlords & set(tenants)
    for t, lo in pairs:
        tenant, landlord = town.enterprises[t], town.enterprises[lo]
        assert tenant.village_id == landlord.village_id
        assert tenant.address.startswith(landlord.address)
        assert "出租厂房" in landlord.risk_tags
        assert landlord.sector != "危化" and landlord.status == "在营"
        assert tenant.scale in ("小微", "个体")
        assert landlord.name in tenant.notes
        assert town.landlord_of(t) is landlord
    # Village collectives own rented premises too.
    assert any(town.enterprises[lo].uscc.startswith("N2") for lo in landlords)
    assert all("出租厂房" not in town.enterprises[t].risk_tags for t in tenants)


def test_names_addresses_people_phones(town):
    cores = [core_name(e.name) for e in town.enterprises]
    assert len(set(cores)) == len(cores)
    prefixes = Counter(re.match(r"^(江阴市|江阴|无锡市|无锡|江苏)?", e.name).group(0) for e in town.enterprises)
    assert prefixes["江阴市"] > prefixes["无锡"] > 0 and prefixes["江阴"] > 0
    for e in town.enterprises:
        assert e.village_id in town.villages
        assert re.fullmatch(r"(江阴市)?璜土镇" + re.escape(e.village_id) + r"\S+\d+号.*", e.address), e.address
        assert 2 <= len(e.legal_rep) <= 3
        assert MOBILE.match(e.legal_rep_phone)
        for phone in (e.principal_phone, e.safety_manager_phone):
            assert MOBILE.match(phone) or LANDLINE.match(phone), phone
        assert e.grid_officer
    assert any(LANDLINE.match(e.safety_manager_phone) for e in town.enterprises)


def test_setup_is_complete_and_valid(town):
    s = town.setup
    assert s.errors() == {}
    assert (s.authority_name, s.authority_abbr, s.review_government) == ("江阴市应急管理局", "澄", "江阴市人民政府")
    assert s.township == "璜土镇" and s.township_government.endswith("璜土镇人民政府")
    assert s.device_code == "A1" and s.court
    assert 3 <= len(s.officers) <= 4
    certs = [o.cert_no for o in s.officers]
    assert len(set(certs)) == len(certs)
    assert all(re.fullmatch(r"32028119\d{4}", c) for c in certs)
    assert s.villages == town.villages


def test_villages():
    d = demo.generate(seed=3, enterprises=100)
    assert len(d.villages) == 15 and len(set(d.villages)) == 15
    assert all(v.endswith(("村", "社区")) for v in d.villages)
    assert len(demo.generate(seed=3, enterprises=1600).villages) == 30
    many = demo.generate(seed=3, enterprises=100, villages=60)
    assert len(set(many.villages)) == 60 and many.villages[:15] == d.villages
    assert {e.village_id for e in many.enterprises} <= set(many.villages)
    with pytest.raises(ValueError):
        demo.generate(villages=0)


def test_tiny_and_empty():
    assert demo.generate(enterprises=0).enterprises == []
    small = demo.generate(seed=9, enterprises=10)
    assert len(small.enterprises) == 10


def test_twenty_thousand_are_unique():
    # How fast this is: benchmarks/bench_demo.py (no wall-clock assertion in the suite).
    big = demo.generate(seed=7, enterprises=20000)
    assert len(big.enterprises) == 20000
    codes = [e.uscc for e in big.enterprises if e.uscc]
    assert len(set(codes)) == len(codes)
    assert len({core_name(e.name) for e in big.enterprises}) == 20000
    assert 0.025 * 20000 <= len(big.tenancies) <= 0.035 * 20000
