"""Documents right to the article (issue 9): each test names the clause it holds."""

from datetime import date, datetime

import pytest

from inspector_app.core import documents as d
from inspector_app.core.citations import cites_binding_norm

AUTH = dict(name="江阴市应急管理局", abbr="澄", review_government="江阴市人民政府", court="江阴市人民法院",
            bank="中国农业银行江阴支行", account="10640101040001234", township="周庄镇")
OFFICERS = (d.Officer("张建国", "32028100123"), d.Officer("李雪梅", "32028100456"))
PARTY = d.Party(name="江阴市周庄华明机械配件厂")
LIMITS = dict(max_fine_individual=200, max_fine_unit=3000)


def authority(**kw):
    return d.Authority(**{**AUTH, **kw})


def order(basis, **auth):
    return d.RectificationOrder(authority=authority(**auth), officers=OFFICERS, issued_on=date(2026, 3, 5),
                                party=PARTY, items=(d.OrderItem(description="配电箱前堆物", deadline="2026-03-20",
                                                                legal_basis=basis),))


def measures(decisions, scope="", power="委托"):
    return d.OnsiteMeasures(authority=authority(power=power), officers=OFFICERS, issued_on=date(2026, 3, 5),
                            party=PARTY, inspected_on=date(2026, 3, 5), dangers=("除尘器未设泄爆装置",),
                            legal_basis="《中华人民共和国安全生产法》第六十五条第一款第（三）项",
                            decisions=tuple(decisions), suspension_scope=scope)


def penalty(**kw):
    base = dict(authority=authority(), officers=OFFICERS, issued_on=date(2026, 3, 5), variant="unit", party=PARTY,
                decided_at=datetime(2026, 3, 5, 10), place="车间", facts="未设置安全警示标志",
                violated="《中华人民共和国安全生产法》第三十五条", basis="《中华人民共和国安全生产法》第九十九条",
                amount=2000)
    return d.SpotPenalty(**{**base, **kw})


# --- 责令限期整改指令书: a law, regulation, rule or standard, never a policy document alone -------

@pytest.mark.parametrize("basis", ["澄政发〔2012〕80号（十四）", "安监总管三〔2010〕186号",
                                   "注册安全工程师分类管理办法（安监总人事〔2017〕118号）"])
def test_order_item_citing_only_a_policy_document_is_refused(basis):
    with pytest.raises(ValueError, match="只有政策文件"):
        order(basis).validate()


@pytest.mark.parametrize("basis", [
    "《中华人民共和国安全生产法》第四十一条", "安全生产法第三十六条", "应急管理部令第10号 第十一条第（三）项",
    "《城镇燃气设计规范》（GB 50028）", "澄政发〔2012〕80号（十四）；《中华人民共和国安全生产法》第四条",
    "《工贸企业有限空间作业安全规定》（应急管理部令第13号）"])
def test_order_item_citing_law_rule_or_standard_is_accepted_policy_beside_it(basis):
    assert cites_binding_norm(basis)
    assert order(basis).validate()


def test_order_item_without_any_basis_is_refused():
    with pytest.raises(ValueError, match="未填写依据"):
        order("").validate()


# --- settings every printed document depends on --------------------------------------------

@pytest.mark.parametrize("missing,label", [("court", "行政诉讼法院"), ("review_government", "行政复议机关")])
def test_rights_notice_settings_required_before_printing_xingzheng_fuyi_fa(missing, label):
    with pytest.raises(ValueError, match=label):
        order("《中华人民共和国安全生产法》第四十一条", **{missing: ""}).validate()


@pytest.mark.parametrize("missing,label", [("bank", "罚款缴纳银行"), ("account", "罚款缴纳账号")])
def test_bank_and_account_required_for_a_fine_paid_at_the_bank_xingzheng_chufa_fa_67(missing, label):
    doc = penalty(authority=authority(**{missing: ""}))
    with pytest.raises(ValueError, match=label):
        doc.validate(**LIMITS)
    assert penalty(authority=authority(**{missing: ""}), amount=50, payment="当场缴纳").validate(**LIMITS)


def test_identity_sentence_under_entrustment_names_the_entrusting_bureau():
    a = authority()
    assert a.identity == "受江阴市应急管理局委托的江阴市周庄镇人民政府"
    assert authority(identity_unit="江阴市周庄镇人民政府（受委托）").identity == "江阴市周庄镇人民政府（受委托）"
    bare = authority(township="")
    assert bare.identity == ""
    rec = d.InspectionRecord(authority=bare, officers=OFFICERS, issued_on=date(2026, 3, 5), party=PARTY,
                             place="车间", started_at="2026-03-05T09:00", ended_at="2026-03-05T10:00",
                             situation="检查")
    with pytest.raises(ValueError, match="身份表述"):
        rec.validate()


# --- 现场处理措施决定书 -----------------------------------------------------------------------

def test_seizure_absent_under_entrustment_xingzheng_qiangzhi_fa_17():
    with pytest.raises(ValueError, match="行政强制法》第十七条.*报请江阴市应急管理局"):
        measures([d.SEIZURE]).validate(power="委托")
    assert measures([d.SEIZURE], power="赋权").validate(power="赋权")


def test_suspension_needs_its_scope_art65_para1_item3():
    with pytest.raises(ValueError, match="范围"):
        measures([d.SUSPEND_BUSINESS]).validate()
    doc = measures([d.SUSPEND_BUSINESS], scope="喷漆车间").validate()
    assert doc.suspends and doc.suspends_business
    assert "经本机关审查同意，方可恢复生产经营和使用" in d.SUSPENSION_SENTENCE
    assert "第六十五条第一款第（三）项" in d.SUSPENSION_SENTENCE
    equipment = measures([d.SUSPEND_USE], scope="3号除尘器").validate()
    assert equipment.suspends and not equipment.suspends_business


# --- 当场处罚决定书 ---------------------------------------------------------------------------

def test_spot_penalty_carries_the_order_to_correct_xingzheng_chufa_fa_28():
    assert penalty().correction == d.DEFAULT_CORRECTION
    with pytest.raises(ValueError, match="第二十八条"):
        penalty(correction=" ").validate(**LIMITS)


@pytest.mark.parametrize("kind", ["警告", "警告并处罚款"])
def test_warning_only_when_the_cited_article_provides_it(kind):
    amount = 0 if kind == "警告" else 1000
    with pytest.raises(ValueError, match="没有规定警告"):
        penalty(penalty=kind, amount=amount).validate(**LIMITS)
    assert penalty(penalty=kind, amount=amount, basis_provides_warning=True).validate(**LIMITS)


# --- 整改复查意见书 that sets a new deadline ----------------------------------------------------

def test_reinspection_opinion_with_a_new_deadline_orders_and_needs_the_rights_settings():
    base = dict(officers=OFFICERS, issued_on=date(2026, 3, 25), party=PARTY,
                original_doc_no="（澄）应急责改〔2026〕A1-7号", original_date=date(2026, 3, 5),
                items=(d.ReviewItem(description="配电箱前堆物", result="未整改"),), opinion="未整改到位。")
    doc = d.ReinspectionOpinion(authority=authority(), new_deadline=date(2026, 4, 10), **base).validate()
    assert doc.orders
    with pytest.raises(ValueError, match="行政诉讼法院"):
        d.ReinspectionOpinion(authority=authority(court=""), new_deadline=date(2026, 4, 10), **base).validate()
    with pytest.raises(ValueError, match="晚于复查日期"):
        d.ReinspectionOpinion(authority=authority(), new_deadline=date(2026, 3, 20), **base).validate()


def test_refusal_to_sign_is_art68_of_the_work_safety_law():
    rec = d.InspectionRecord(authority=authority(), officers=OFFICERS, issued_on=date(2026, 3, 5), party=PARTY,
                             place="车间", started_at="2026-03-05T09:00", ended_at="2026-03-05T10:00",
                             situation="检查", refused_to_sign=True)
    with pytest.raises(ValueError, match="第六十八条"):
        rec.validate()


def test_referral_body_fills_the_wording_setting():
    from inspector_app.core import settings as S
    items = [d.OrderItem(description="配电箱前堆物", deadline="2026-03-20", legal_basis="安全生产法第三十六条")]
    body = d.referral_body(S.DEFAULT_REFERRAL_WORDING, party="某厂", items=items, order_no="（澄）应急责改〔2026〕A1-7号",
                           ordered_on=date(2026, 3, 5))
    assert "某厂" in body and "2026年3月20日" in body and "（澄）应急责改〔2026〕A1-7号" in body
    with pytest.raises(ValueError, match="占位符"):
        d.referral_body("{nope}", party="x", items=items)
