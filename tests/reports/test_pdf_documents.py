"""Enforcement documents: content round trip, numbers, and the printed PDFs (text via pypdf)."""

from __future__ import annotations

import io
import json
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from inspector_app.core import documents as d
from inspector_app.reports import fonts
from inspector_app.core import settings as S
from inspector_app.reports.pdf_documents import render, render_many, rmb_upper

A4_W, A4_H = 595.27, 841.89

AUTHORITY = d.Authority(
    name="江阴市应急管理局", abbr="澄", review_government="江阴市人民政府", court="江阴市人民法院",
    bank="江苏江阴农村商业银行股份有限公司", account="3202810012010000123456",
    account_name="江阴市非税收入结算户", address="江阴市澄江中路9号", phone="0510-86860000",
    township="周庄镇",
)
OFFICERS = (d.Officer("张建国", "32028100123"), d.Officer("李雪梅", "32028100456"))
PARTY = d.Party(name="江阴市周庄华明机械配件厂", address="江阴市周庄镇长寿村工业集中区8号",
                legal_rep="王华明", title="厂长", phone="13861600001", uscc="91320281MA1XXXXX0X")


def _items(n: int) -> list[d.OrderItem]:
    texts = [
        "粉尘涉爆除尘系统未按规定设置泄爆装置",
        "有限空间作业场所未设置明显的安全警示标志",
        "部分从业人员未经安全生产教育和培训合格即上岗作业",
        "车间配电箱前堆放杂物，消防通道被占用",
    ]
    return [d.OrderItem(description=f"{texts[i % 4]}（第{i + 1}处）" if n > 4 else texts[i % 4],
                        deadline=date(2026, 3, 20 if i % 2 == 0 else 31),
                        legal_basis="《中华人民共和国安全生产法》第四十一条" if i == 0
                        else "澄政发〔2012〕80号（十四）；《中华人民共和国安全生产法》第三十五条")
            for i in range(n)]


def sample(kind: str, *, items: int = 3, photos=()) -> d.DocumentContent:
    common = dict(authority=AUTHORITY, officers=OFFICERS, issued_on=date(2026, 3, 5))
    if kind == d.INSPECTION_RECORD:
        return d.InspectionRecord(
            **common, party=PARTY, place="生产车间、仓库、配电房",
            started_at=datetime(2026, 3, 5, 9, 30), ended_at=datetime(2026, 3, 5, 11, 5),
            situation="检查组对该厂生产车间、成品仓库和配电房进行了现场检查，查阅了安全生产责任制、"
                      "教育培训记录和隐患排查台账。",
            failed_items=(d.CheckItem(item="粉尘防爆", finding="除尘系统未设置泄爆装置"),
                          d.CheckItem(item="有限空间", finding="污水池入口未设置安全警示标志")),
            passed_summary="其余23项检查内容未发现问题。",
            photos=tuple(photos), onsite_person="陈立", onsite_person_title="安全员",
            onsite_person_phone="13961600002", refused_to_sign=True,
            refusal_note="现场负责人陈立以需请示厂长为由拒绝签字。",
            witness=d.Witness(name="周红", id_no="320281199001011234"),
        )
    if kind == d.RECTIFICATION_ORDER:
        return d.RectificationOrder(**common, party=PARTY, items=tuple(_items(items)))
    if kind == d.ONSITE_MEASURES:
        return d.OnsiteMeasures(
            **common, party=PARTY, inspected_on=date(2026, 3, 5),
            dangers=("除尘系统未设置泄爆装置，且粉尘清扫制度未落实，作业区域积尘严重",),
            legal_basis="《中华人民共和国安全生产法》第六十五条第一款第（三）项",
            decisions=("责令从危险区域内撤出作业人员", "责令暂时停止使用抛丸除尘设备"),
            suspension_scope="抛丸车间除尘系统及抛丸机",
        )
    if kind == d.REINSPECTION_OPINION:
        return d.ReinspectionOpinion(
            **common, party=PARTY, original_doc_no="（澄）应急责改〔2026〕7号",
            original_date=date(2026, 2, 20), original_decision="责令限期整改",
            items=(d.ReviewItem(description="除尘系统泄爆装置", result="已整改"),
                   d.ReviewItem(description="有限空间警示标志", result="未整改")),
            opinion="第1项已整改完毕；第2项未按期整改，请于2026年3月15日前整改完毕。",
        )
    if kind == d.SPOT_PENALTY:
        return d.SpotPenalty(
            **common, variant="unit", party=PARTY, decided_at=datetime(2026, 3, 5, 11, 20),
            place="江阴市周庄华明机械配件厂办公室",
            facts="经现场检查，该厂未如实记录安全生产教育和培训情况，有现场检查记录及照片为证。",
            violated="《中华人民共和国安全生产法》第二十八条第四款",
            basis="《中华人民共和国安全生产法》第九十七条第（四）项", penalty="罚款", amount=2000,
        )
    if kind == d.HAZARD_NOTICE:
        return d.HazardNotice(
            authority=AUTHORITY, officers=(d.Officer("赵晓东"),), issued_on=date(2026, 3, 5),
            party=PARTY, inspected_on=date(2026, 3, 5), items=tuple(_items(2)),
        )
    if kind == d.CASE_REFERRAL:
        its = tuple(_items(2))
        return d.CaseReferral(
            **common, party=PARTY, recipient="江阴市应急管理局", items=its,
            order_doc_no="（澄）应急责改〔2026〕A1-3号", ordered_on=date(2026, 2, 20),
            body=d.referral_body(S.DEFAULT_REFERRAL_WORDING, party=PARTY.name, items=its,
                                 order_no="（澄）应急责改〔2026〕A1-3号", ordered_on=date(2026, 2, 20)),
        )
    raise AssertionError(kind)


NOS = {k: d.format_doc_no("周庄" if k in d.TOWNSHIP_KINDS else "澄", d.DOC_CODES[k], 2026, 7)
       for k in d.KINDS}


def _text(pdf: bytes) -> tuple[PdfReader, list[str]]:
    r = PdfReader(io.BytesIO(pdf))
    return r, [p.extract_text() or "" for p in r.pages]


def _flat(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _assert_a4(reader: PdfReader) -> None:
    for page in reader.pages:
        box = page.mediabox
        assert abs(float(box.width) - A4_W) < 1 and abs(float(box.height) - A4_H) < 1


# --- content model -------------------------------------------------------------------------

@pytest.mark.parametrize("kind", d.KINDS)
def test_content_round_trips_through_json(kind):
    doc = sample(kind)
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert data["kind"] == kind
    back = d.content_from_dict(kind, data)
    assert back == doc
    assert back.to_dict() == data


def test_content_from_dict_rejects_wrong_kind():
    data = sample(d.RECTIFICATION_ORDER).to_dict()
    with pytest.raises(ValueError, match="文书类型不一致"):
        d.content_from_dict(d.ONSITE_MEASURES, data)


@pytest.mark.parametrize("kind", sorted(d.ENFORCEMENT_KINDS))
def test_enforcement_documents_need_two_officers(kind):
    data = sample(kind).to_dict()
    for officers in (data["officers"][:1], [data["officers"][0]] * 2, []):
        with pytest.raises(ValueError, match="至少两名执法人员"):
            d.content_from_dict(kind, {**data, "officers": officers})


def test_officers_need_certificate_numbers_but_notice_does_not():
    data = sample(d.RECTIFICATION_ORDER).to_dict()
    data["officers"][1]["cert_no"] = ""
    with pytest.raises(ValueError, match="证号"):
        d.content_from_dict(d.RECTIFICATION_ORDER, data)
    assert sample(d.HAZARD_NOTICE).validate()  # one uncertified township officer is fine


@pytest.mark.parametrize("variant, amount, ok", [
    ("unit", 3000, True), ("unit", 3001, False), ("individual", 200, True), ("individual", 201, False),
])
def test_spot_penalty_limits_are_settings(variant, amount, ok):
    kw = dict(authority=AUTHORITY, officers=OFFICERS, issued_on=date(2026, 3, 5), variant=variant,
              decided_at=datetime(2026, 3, 5, 10), place="车间", facts="未佩戴劳动防护用品",
              violated="某条", basis="某条", amount=amount)
    if variant == "unit":
        kw["party"] = PARTY
    else:
        kw["person"] = d.Individual(name="刘强", gender="男", age=35)
    doc = d.SpotPenalty(**kw)
    limits = dict(max_fine_individual=200, max_fine_unit=3000)
    if ok:
        assert doc.validate(**limits) is doc
    else:
        with pytest.raises(ValueError, match="不得超过.*行政处罚法第51条"):
            doc.validate(**limits)
    # The old rule (50 / 1000 元) is only a different setting.
    if variant == "unit":
        with pytest.raises(ValueError, match="不得超过1000元"):
            doc.validate(max_fine_individual=50, max_fine_unit=1000)


def test_spot_penalty_cash_only_up_to_100():
    doc = sample(d.SPOT_PENALTY)
    cash = d.SpotPenalty.from_dict({**doc.to_dict(), "payment": "当场缴纳"})
    with pytest.raises(ValueError, match="第68条"):
        cash.validate(max_fine_individual=200, max_fine_unit=3000)
    small = d.SpotPenalty.from_dict({**doc.to_dict(), "payment": "当场缴纳", "amount": 100})
    assert small.validate(max_fine_individual=200, max_fine_unit=3000)


def test_validation_messages():
    with pytest.raises(ValueError, match="早于下达日期"):
        d.RectificationOrder(authority=AUTHORITY, officers=OFFICERS, issued_on=date(2026, 3, 5),
                             party=PARTY, items=(d.OrderItem(description="x", deadline="2026-03-01",
                                                             legal_basis="《中华人民共和国安全生产法》第四十一条"),)
                             ).validate()
    with pytest.raises(ValueError, match="拒签"):
        d.InspectionRecord.from_dict({**sample(d.INSPECTION_RECORD).to_dict(), "refusal_note": ""}).validate()
    with pytest.raises(ValueError, match="结束时间"):
        d.InspectionRecord.from_dict({**sample(d.INSPECTION_RECORD).to_dict(), "ended_at": "2026-03-05T08:00"})
    for kind in d.KINDS:
        sample(kind).validate(max_fine_individual=200, max_fine_unit=3000)


def test_doc_numbers():
    assert d.format_doc_no("澄", "应急责改", 2026, 7) == "（澄）应急责改〔2026〕7号"
    assert d.format_doc_no("澄", "应急责改", 2026, 7, series_prefix="A1-") == "（澄）应急责改〔2026〕A1-7号"
    assert d.parse_doc_no("（澄）应急责改〔2026〕A1-7号") == ("澄", "应急责改", 2026, 7, "A1-")
    assert d.parse_doc_no("（宁）应急责改[2019](15)号") == ("宁", "应急责改", 2019, 15, "")
    for kind, code in d.DOC_CODES.items():
        for prefix in ("", "A1-", "JY-02-"):
            s = d.format_doc_no("澄", code, 2026, 123, series_prefix=prefix)
            assert d.parse_doc_no(s) == ("澄", code, 2026, 123, prefix)
            assert d.kind_for_code(d.parse_doc_no(s).code) == kind
    with pytest.raises(ValueError, match="数字结尾"):
        d.format_doc_no("澄", "应急责改", 2026, 7, series_prefix="A1")
    with pytest.raises(ValueError, match="无法识别"):
        d.parse_doc_no("澄应急责改2026年7号")
    assert d.doc_code(d.SPOT_PENALTY, {d.SPOT_PENALTY: "应急罚简"}) == "应急罚简"


def test_service_columns_round_trip():
    s = d.Service(served_at="2026-03-05T11:30", served_how="留置送达", refused=True,
                  note="负责人拒绝签收，已将文书留置于该厂办公室并拍照记录。",
                  witness=d.Witness(name="周红", id_no="320281199001011234"))
    cols = s.to_columns()
    assert cols["service_refused"] == 1 and "见证人：周红" in cols["service_note"]
    assert d.Service.from_columns(cols) == s
    with pytest.raises(ValueError, match="留置送达"):
        d.Service(served_at="2026-03-05T11:30", refused=True, note="拒收")


def test_rmb_upper():
    assert rmb_upper(3000) == "叁仟元整"
    assert rmb_upper(1050) == "壹仟零伍拾元整"
    assert rmb_upper(200) == "贰佰元整"
    assert rmb_upper(15) == "壹拾伍元整"


# --- PDFs ----------------------------------------------------------------------------------

REQUIRED = {
    d.INSPECTION_RECORD: ["现场检查记录", "江阴市周庄华明机械配件厂",
                          "我们是受江阴市应急管理局委托的江阴市周庄镇人民政府行政执法人员",
                          "负责人拒绝签字，记录在案（安全生产法第六十八条）",
                          "证件号码为32028100123、32028100456", "2026年3月5日9时30分至3月5日11时05分",
                          "除尘系统未设置泄爆装置", "其余23项检查内容未发现问题",
                          "见证人（签名）", "检查人员（签名）"],
    d.RECTIFICATION_ORDER: ["责令限期整改指令书", "经查，你单位存在下列问题", "整改期限", "2026年3月20日前",
                            "2026年3月31日前", "第1、3项问题于2026年3月20日前",
                            "第2项问题于2026年3月31日前整改完毕"],
    d.ONSITE_MEASURES: ["现场处理措施决定书", "责令从危险区域内撤出作业人员", "第六十五条第一款第（三）项",
                        "本决定不停止执行", "暂时停产停业或者停止使用的范围：抛丸车间除尘系统及抛丸机",
                        "在重大事故隐患排除后，经本机关审查同意，方可恢复生产经营和使用"],
    d.REINSPECTION_OPINION: ["整改复查意见书", "作出了责令限期整改的决定", "（澄）应急责改〔2026〕7号",
                             "2026年2月20日", "被复查单位负责人（签名）", "一份交被复查单位"],
    d.SPOT_PENALTY: ["当场处罚决定书（单位）", "罚款人民币2000元（贰仟元整）", "15日内缴至",
                     "3202810012010000123456", "每日按罚款数额的3%加处罚款", "申请人民法院强制执行",
                     "并责令你单位立即改正违法行为（行政处罚法第二十八条）"],
    d.HAZARD_NOTICE: ["江阴市周庄镇人民政府", "隐患整改通知书", "将报请江阴市应急管理局依法处理",
                      "一份由江阴市周庄镇人民政府存档"],
    d.CASE_REFERRAL: ["案件移送书", "江阴市应急管理局：", "现将该案移送你局依法处理", "（澄）应急责改〔2026〕A1-3号",
                      "整改期限：2026年3月20日", "一份由江阴市周庄镇人民政府存档"],
}
RIGHTS = "可以依法在60日内向江阴市人民政府申请行政复议，或者在6个月内依法向江阴市人民法院提起行政诉讼"


@pytest.mark.parametrize("kind", d.KINDS)
def test_each_kind_prints_its_wording(kind):
    doc = sample(kind)
    pdf = render(kind, doc.to_dict(), doc_no=NOS[kind])
    assert pdf.startswith(b"%PDF-")
    reader, pages = _text(pdf)
    _assert_a4(reader)
    # The spot penalty of this long sample now also prints the order to correct (第二十八条):
    # its facts continue on a 附页, the decision itself stays whole on page 1.
    assert len(pages) == (2 if kind == d.SPOT_PENALTY else 1)
    text = _flat("".join(pages))
    for phrase in REQUIRED[kind] + [NOS[kind], "本文书一式两份"]:
        assert _flat(phrase) in text, phrase
    assert f"共 {len(pages)} 页 第 1 页" in pages[0]
    assert "安全生产监督管理局" not in text
    if kind in d.TOWNSHIP_KINDS:
        assert "安全生产行政执法文书" not in text and "行政复议" not in text
    else:
        assert "安全生产行政执法文书" in text
    if kind in (d.RECTIFICATION_ORDER, d.ONSITE_MEASURES, d.SPOT_PENALTY):
        assert _flat(RIGHTS) in text
        assert "或者" + "上级" not in text  # post-2024: no alternative review body
    if kind in d.ENFORCEMENT_KINDS:
        # names appear only beside the certificate number, never typed into a 签名 cell
        assert "证号：32028100123（张建国）" in text
        assert "（签名）：张建国" not in text


def test_individual_spot_penalty():
    doc = d.SpotPenalty(
        authority=AUTHORITY, officers=OFFICERS, issued_on=date(2026, 3, 5), variant="individual",
        person=d.Individual(name="刘强", gender="男", age=35, id_no="320281199001015678",
                            employer="江阴市周庄华明机械配件厂", title="电焊工"),
        decided_at=datetime(2026, 3, 5, 10, 0), place="二号车间", facts="未按规定佩戴劳动防护用品从事焊接作业",
        violated="《中华人民共和国安全生产法》第五十七条", basis="《中华人民共和国安全生产法》第一百零七条",
        penalty="警告", basis_provides_warning=True, correction="立即停止违章作业，佩戴合格的劳动防护用品",
    ).validate(max_fine_individual=200, max_fine_unit=3000)
    reader, pages = _text(render(d.SPOT_PENALTY, doc.to_dict(), doc_no=NOS[d.SPOT_PENALTY]))
    text = _flat(pages[0])
    assert "当场处罚决定书（个人）" in text and "320281199001015678" in text
    assert "给予警告的行政处罚" in text and "一份交被处罚个人" in text
    assert "责令你立即停止违章作业，佩戴合格的劳动防护用品" in text
    assert "15日内缴至" not in text  # a warning has no payment sentence


def test_long_order_continues_on_annex_pages():
    doc = sample(d.RECTIFICATION_ORDER, items=40)
    pdf = render(d.RECTIFICATION_ORDER, doc.to_dict(), doc_no=NOS[d.RECTIFICATION_ORDER])
    reader, pages = _text(pdf)
    _assert_a4(reader)
    n = len(pages)
    assert n >= 3
    for m, page in enumerate(pages, 1):
        assert f"共 {n} 页 第 {m} 页" in page
    first = _flat(pages[0])
    match = re.search(r"（此栏不够，第(\d+)—40项见附页）", first)
    assert match, "the first page must say where the list continues"
    k = int(match.group(1))
    # Page 1 still holds the whole form: deadlines sentence, rights notice, signatures, seal.
    assert _flat(RIGHTS) in first and "执法人员（签名）" in first and "本文书一式两份" in first
    assert "责令限期整改指令书（附页）" in _flat(pages[1])
    rest = _flat("".join(pages[1:]))
    for i in range(1, 41):  # every item printed exactly once, in the right place
        where = rest if i >= k else first
        other = first if i >= k else rest
        assert f"（第{i}处）" in where and f"（第{i}处）" not in other, i


def test_batch_numbers_pages_per_document(tmp_path):
    batch = [(k, sample(k).to_dict(), NOS[k]) for k in (d.RECTIFICATION_ORDER, d.ONSITE_MEASURES)]
    batch.insert(1, (d.RECTIFICATION_ORDER, sample(d.RECTIFICATION_ORDER, items=40).to_dict(),
                     d.format_doc_no("澄", "应急责改", 2026, 8)))
    reader, pages = _text(render_many(batch))
    long_n = len(pages) - 2
    assert long_n >= 3
    assert "共 1 页 第 1 页" in pages[0] and "（澄）应急责改〔2026〕7号" in _flat(pages[0])
    for m in range(1, long_n + 1):
        assert f"共 {long_n} 页 第 {m} 页" in pages[m]
    assert "共 1 页 第 1 页" in pages[-1] and "现场处理措施决定书" in _flat(pages[-1])
    with pytest.raises(ValueError):
        render_many([])


def _photo(path, size, color):
    from PIL import Image

    Image.new("RGB", size, color).save(path)
    return str(path)


def test_record_photo_annex(tmp_path):
    photos = [
        d.Photo(path=_photo(tmp_path / "a.jpg", (800, 600), "red"), caption="除尘器未设泄爆口"),
        d.Photo(path=_photo(tmp_path / "b.png", (600, 900), "blue"), caption="污水池入口"),
        d.Photo(path=_photo(tmp_path / "c.jpg", (2400, 1800), "green"), caption="配电箱前堆物"),
        d.Photo(path=str(tmp_path / "missing.jpg"), caption="丢失的照片"),
    ]
    doc = sample(d.INSPECTION_RECORD, photos=photos)
    pdf = render(d.INSPECTION_RECORD, doc.to_dict(), doc_no=NOS[d.INSPECTION_RECORD])
    reader, pages = _text(pdf)
    # the record (its failed items on a 附页 since the identity sentence names the entrustment)
    # + two photo pages, two photos each
    assert len(pages) == 4
    assert "现场照片4张，见附页" in _flat(pages[0])
    assert "照片1：除尘器未设泄爆口" in _flat(pages[2]) and "照片2：污水池入口" in _flat(pages[2])
    assert "照片文件无法读取" in _flat(pages[3])
    assert "共 4 页 第 4 页" in pages[3]
    images = [len(p.images) for p in reader.pages]
    assert images == [0, 0, 2, 1]


def _font_files(reader: PdfReader) -> set[str]:
    found = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if desc is not None:
                found.update(k for k in ("/FontFile", "/FontFile2", "/FontFile3") if k in desc.get_object())
    return found


def test_font_is_embedded_when_truetype_cjk_exists():
    info = fonts.font_info()
    pdf = render(d.ONSITE_MEASURES, sample(d.ONSITE_MEASURES).to_dict(), doc_no=NOS[d.ONSITE_MEASURES])
    files = _font_files(PdfReader(io.BytesIO(pdf)))
    if info.embedded:
        assert "/FontFile2" in files
    else:
        assert not files and info.name == fonts.CID_FALLBACK
    assert fonts.body_font() == info.name


def test_truetype_font_is_found_on_this_machine():
    import glob

    if not glob.glob("/usr/share/fonts/truetype/wqy/*.tt[cf]"):
        pytest.skip("no WenQuanYi TrueType font installed")
    assert fonts.font_info().embedded


def test_font_env_override_and_cid_fallback(monkeypatch):
    saved = fonts._info
    try:
        monkeypatch.setenv(fonts.ENV_VAR, "STSong-Light")
        fonts._reset_for_tests()
        assert fonts.font_info() == fonts.FontInfo("STSong-Light", None, False)
        monkeypatch.setenv(fonts.ENV_VAR, "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#2")
        fonts._reset_for_tests()
        assert fonts.font_info().path != "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
    finally:
        fonts._info = saved


def test_reprint_is_identical():
    content = sample(d.RECTIFICATION_ORDER).to_dict()
    stored = json.loads(json.dumps(content, ensure_ascii=False))
    a = render(d.RECTIFICATION_ORDER, content, doc_no=NOS[d.RECTIFICATION_ORDER])
    b = render(d.RECTIFICATION_ORDER, stored, doc_no=NOS[d.RECTIFICATION_ORDER])
    assert a == b


def test_render_many_gives_one_page_per_document():
    # The time to render one and a hundred is measured by benchmarks/bench_findings.py.
    content = sample(d.RECTIFICATION_ORDER).to_dict()
    pdf = render_many([(d.RECTIFICATION_ORDER, content, d.format_doc_no("澄", "应急责改", 2026, i))
                       for i in range(1, 11)])
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 10
    assert "〔2026〕10号" in pages[-1].extract_text().replace(" ", "").replace("\n", "")


def test_officers_as_pairs_and_dates_as_strings():
    doc = d.RectificationOrder(
        authority=AUTHORITY, officers=[("张建国", "32028100123"), ["李雪梅", "32028100456"]],
        issued_on="2026-03-05", party=PARTY,
        items=[{"description": "配电箱前堆物", "deadline": "2026-03-20", "legal_basis": "《中华人民共和国安全生产法》第四十一条"}],
    )
    assert doc.officers == OFFICERS and doc.issued_on == date(2026, 3, 5)
    assert doc.items[0].deadline == date(2026, 3, 20)
    with pytest.raises(ValueError, match="日期格式不正确"):
        d.RectificationOrder.from_dict({**doc.to_dict(), "issued_on": "3月5日"})
