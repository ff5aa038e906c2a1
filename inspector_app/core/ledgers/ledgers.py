"""What each ledger shows: its title and columns (Chinese header, width, kind), in one table that
the storage queries fill, the screens show and the Excel/PDF exports print.

Column kinds: ``text``; ``code`` (digits that must stay text: credit codes, document numbers,
phones); ``id_no`` (a personal ID number, masked unless the officer asks); ``date`` /
``datetime`` (ISO text in rows); ``int`` / ``float`` (summed in the totals row when ``total``);
``bool`` (是/否; counted in the totals row when ``total``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float = 12
    kind: str = "text"
    total: bool = False


@dataclass(frozen=True)
class LedgerSpec:
    key: str
    number: str          # the opinion's numbering ("一"…"七"), "" for the township's own work
    title: str
    columns: tuple[Column, ...]
    pdf_columns: tuple[str, ...] = ()   # a narrower set for the landscape PDF (all when empty)

    def column(self, key: str) -> Column:
        for c in self.columns:
            if c.key == key:
                return c
        raise KeyError(key)

    @property
    def has_totals(self) -> bool:
        return any(c.total for c in self.columns)


C = Column

LEDGERS: tuple[LedgerSpec, ...] = (
    LedgerSpec("enterprises", "一", "企事业单位基本情况台账", (
        C("no", "序号", 6, "int"), C("name", "单位名称", 30), C("uscc", "统一社会信用代码", 21, "code"),
        C("village", "所在村（社区）", 12), C("address", "地址", 28), C("principal", "主要负责人", 10),
        C("principal_phone", "电话", 14, "code"), C("safety_manager", "安全管理人员", 10),
        C("safety_manager_type", "类型", 8), C("employees", "从业人数", 8, "int", True),
        C("sector", "监管行业", 8), C("scale", "规模", 6), C("risk_tags", "风险标签", 20),
        C("standardisation_grade", "标准化等级", 9), C("supervision_class", "监管分级", 8),
        C("equipment", "特种设备（台）", 9, "int", True), C("special_operators", "特种作业人员（人）", 10, "int", True),
        C("equipment_operators", "特种设备作业人员（人）", 11, "int", True),
        C("director_required", "应设安全总监", 9, "bool", True), C("director", "安全总监", 10),
        C("inspections", "本季检查（次）", 9, "int", True), C("status", "状态", 6),
    ), ("no", "name", "uscc", "village", "principal", "principal_phone", "employees", "sector", "scale",
        "risk_tags", "supervision_class", "equipment", "special_operators", "equipment_operators", "director",
        "inspections", "status")),
    LedgerSpec("inspections", "二", "安全生产检查台账", (
        C("no", "序号", 6, "int"), C("date", "检查日期", 11, "date"), C("enterprise", "被检查单位", 28),
        C("village", "村（社区）", 11), C("kind", "检查方式", 9), C("officers", "执法人员（证号）", 28),
        C("record_no", "检查记录文号", 20, "code"), C("general", "一般隐患", 8, "int", True),
        C("major", "重大隐患", 8, "int", True), C("documents", "下发文书", 30, "code"),
        C("deadline", "整改期限", 11, "date"), C("reinspected_on", "复查日期", 11, "date"),
        C("closed_loop", "是否闭环", 8, "bool", True),
    )),
    LedgerSpec("activities", "三", "安全生产宣传教育台账", (
        C("no", "序号", 6, "int"), C("date", "日期", 11, "date"), C("kind", "类别", 12), C("title", "活动名称", 26),
        C("audience", "参加对象", 18), C("participants", "参加人数", 8, "int", True),
        C("hours", "学时", 6, "float", True), C("content", "主要内容", 36), C("place", "地点", 16),
        C("organiser", "组织单位", 16), C("photos", "照片（张）", 8, "int", True),
    )),
    LedgerSpec("equipment", "四", "特种设备安全监管台账", (
        C("no", "序号", 6, "int"), C("enterprise", "使用单位", 26), C("village", "村（社区）", 11),
        C("category", "设备类别", 12), C("name", "设备名称", 16), C("model", "型号规格", 12),
        C("reg_no", "使用登记证编号", 18, "code"), C("device_code", "设备代码", 20, "code"),
        C("location", "使用地点", 14), C("last_inspected_on", "上次检验日期", 11, "date"),
        C("result", "检验结论", 10), C("interval_months", "检验周期（月）", 8, "int"),
        C("next_due", "下次检验日期", 11, "date"), C("due_status", "检验状态", 9), C("status", "设备状态", 8),
    ), ("no", "enterprise", "category", "name", "reg_no", "device_code", "location", "last_inspected_on",
        "result", "next_due", "due_status", "status")),
    LedgerSpec("people", "五", "三类人员培训考核和持证上岗台账", (
        C("no", "序号", 6, "int"), C("enterprise", "单位名称", 24), C("role", "人员类别", 12), C("name", "姓名", 8),
        C("id_no", "身份证号", 20, "id_no"), C("category", "作业类别/项目代号", 16), C("item", "准操项目", 14),
        C("cert_kind", "证书种类", 20), C("cert_no", "证书编号", 20, "code"), C("issuer", "发证机关", 16),
        C("first_issued_on", "初领日期", 11, "date"), C("valid_until", "有效期至", 11, "date"),
        C("review_due", "应复审日期", 11, "date"), C("last_review_on", "上次复审", 11, "date"),
        C("cert_status", "证件状态", 9), C("on_duty", "在岗", 6, "bool", True),
    ), ("no", "enterprise", "role", "name", "id_no", "category", "cert_no", "first_issued_on", "valid_until",
        "review_due", "cert_status")),
    LedgerSpec("findings", "六", "事故隐患整改跟踪台账", (
        C("no", "序号", 6, "int"), C("enterprise", "单位名称", 24), C("village", "村（社区）", 11),
        C("found_on", "排查日期", 11, "date"), C("location", "隐患部位", 12), C("description", "隐患描述", 36),
        C("category", "类别", 6), C("grade", "等级", 6), C("basis", "判定依据", 22),
        C("requirement", "整改措施", 26), C("deadline", "整改期限", 11, "date"),
        C("order_no", "整改文书文号", 20, "code"), C("rectified_on", "整改完成日期", 11, "date"),
        C("reinspected_on", "复查日期", 11, "date"), C("closed_on", "销号日期", 11, "date"),
        C("listing", "挂牌督办", 26, "code"), C("delisted_on", "摘牌日期", 11, "date"),
        C("state", "治理状态", 10), C("overdue_days", "逾期天数", 8, "int"),
    ), ("no", "enterprise", "found_on", "description", "grade", "deadline", "order_no", "rectified_on",
        "reinspected_on", "closed_on", "listing", "state", "overdue_days")),
    LedgerSpec("hazard_sources", "六", "重大危险源登记台账", (
        C("no", "序号", 6, "int"), C("enterprise", "单位名称", 26), C("village", "村（社区）", 11),
        C("name", "危险源名称", 16), C("substance", "危险物质", 18), C("quantity_t", "数量（吨）", 10, "float", True),
        C("grade", "级别", 6), C("filing_no", "备案编号", 18, "code"), C("filed_on", "备案日期", 11, "date"),
        C("reviewed_on", "最近评估", 11, "date"), C("review_due", "应复评日期", 11, "date"), C("status", "状态", 8),
    )),
    LedgerSpec("accidents", "七", "事故管理台账", (
        C("no", "序号", 6, "int"), C("occurred_at", "发生时间", 16, "datetime"), C("place", "地点", 18),
        C("enterprise", "事故单位", 24), C("type", "事故类别", 10), C("deaths", "死亡", 6, "int", True),
        C("serious_injuries", "重伤", 6, "int", True), C("minor_injuries", "轻伤", 6, "int", True),
        C("missing", "下落不明", 7, "int", True), C("direct_loss_wan", "直接经济损失（万元）", 11, "float", True),
        C("grade", "事故等级", 8), C("summary", "简要经过", 30), C("reported_at", "报告时间", 16, "datetime"),
        C("reported_to", "报告对象", 16), C("investigation", "调查情况", 24), C("responsibility", "责任处理", 20),
        C("closed_on", "结案日期", 11, "date"),
    ), ("no", "occurred_at", "place", "enterprise", "type", "deaths", "serious_injuries", "minor_injuries",
        "direct_loss_wan", "grade", "summary", "reported_at", "reported_to", "closed_on")),
    LedgerSpec("township", "", "应急演练和打非治违联合执法台账", (
        C("no", "序号", 6, "int"), C("kind", "类别", 14), C("date", "日期", 11, "date"), C("title", "名称", 28),
        C("place", "地点", 16), C("lead", "牵头单位", 16), C("departments", "参加部门", 26),
        C("participants", "参加人数", 8, "int", True), C("enterprises_checked", "检查单位数", 9, "int", True),
        C("problems_found", "发现问题", 8, "int", True), C("cases_referred", "移送案件", 8, "int", True),
    )),
    LedgerSpec("supervisors", "", "村（社区）安全生产监管员台账", (
        C("no", "序号", 6, "int"), C("village", "村（社区）", 14), C("name", "姓名", 8), C("id_no", "身份证号", 20, "id_no"),
        C("full_time", "专职", 6, "bool", True), C("phone", "电话", 14, "code"), C("cert_no", "上岗证号", 18, "code"),
        C("trained_on", "最近培训考试", 11, "date"), C("exam_passed", "考试合格", 8, "bool", True),
        C("training_due", "下次培训应于", 11, "date"), C("training_status", "培训状态", 9),
    )),
    LedgerSpec("quarter_reports", "", "企业隐患排查治理季报报送情况", (
        C("no", "序号", 6, "int"), C("enterprise", "单位名称", 28), C("village", "村（社区）", 11),
        C("scale", "规模", 6), C("received_on", "收到日期", 11, "date"), C("on_time", "按期报送", 8, "bool", True),
        C("general_found", "一般隐患", 8, "int", True), C("general_rectified", "一般已整改", 9, "int", True),
        C("major_found", "重大隐患", 8, "int", True), C("major_rectified", "重大已整改", 9, "int", True),
        C("reporter", "填报人", 8),
    )),
    LedgerSpec("referrals", "", "案件移送台账", (
        C("no", "序号", 6, "int"), C("date", "移送日期", 11, "date"), C("enterprise", "当事单位", 26),
        C("to_body", "移送机关", 18), C("reason", "移送事由", 40), C("doc_no", "移送文号", 20, "code"),
    )),
)

LEDGER_KEYS = tuple(s.key for s in LEDGERS)
_BY_KEY = {s.key: s for s in LEDGERS}


def spec(key: str) -> LedgerSpec:
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(f"台账“{key}”不存在，可选：{'、'.join(LEDGER_KEYS)}。") from None


__all__ = ["Column", "LEDGERS", "LEDGER_KEYS", "LedgerSpec", "spec"]
