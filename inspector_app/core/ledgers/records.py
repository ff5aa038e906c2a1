"""The records the officer keeps by hand for the ledgers (what is not already recorded by the
inspections, findings and documents): dataclasses with validation, one per table.

Every record has ``id`` (None until stored) and ``to_row()``: the column values as stored
(dates as ``YYYY-MM-DD`` text so SQL compares them, booleans as 0/1, lists as JSON). A mistake
raises ``ValueError`` with a Chinese message naming the field.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar

from ..dates import as_date, as_datetime
from . import rules as R

MAX_TEXT = 4000


def _iso(value, what: str, *, required: bool = False) -> str:
    d = as_date(value, what)
    if d is None:
        if required:
            raise ValueError(f"请填写{what}。")
        return ""
    return d.isoformat()


def _iso_time(value, what: str, *, required: bool = False) -> str:
    t = as_datetime(value, what)
    if t is None:
        if required:
            raise ValueError(f"请填写{what}。")
        return ""
    if t.tzinfo is not None:
        t = t.astimezone().replace(tzinfo=None)
    return t.isoformat(timespec="minutes")


def _count(value, what: str) -> int:
    if value in (None, ""):
        return 0
    try:
        n = int(value)
        if isinstance(value, float) and not float(value).is_integer():
            raise ValueError
    except (TypeError, ValueError):
        raise ValueError(f"{what}应为整数，实为“{value}”。") from None
    if n < 0:
        raise ValueError(f"{what}不能为负数。")
    return n


def _amount(value, what: str) -> float:
    if value in (None, ""):
        return 0.0
    try:
        x = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{what}应为数字，实为“{value}”。") from None
    if x < 0 or x != x:
        raise ValueError(f"{what}不能为负数。")
    return x


def _text(value, what: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    text = "" if value is None else str(value).strip()
    if required and not text:
        raise ValueError(f"请填写{what}。")
    if len(text) > limit:
        raise ValueError(f"{what}过长（{len(text)}字），请精简到{limit}字以内。")
    return text


def _choice(value, options, what: str) -> str:
    text = _text(value, what, required=True)
    if text not in options:
        raise ValueError(f"{what}“{text}”不在可选范围内，可选：{'、'.join(options)}。")
    return text


@dataclass(kw_only=True)
class Record:
    TABLE: ClassVar[str] = ""
    WHAT: ClassVar[str] = ""        # the record named for the officer ("该宣传教育活动")
    ENTERPRISE_REQUIRED: ClassVar[bool] = False

    id: str | None = None

    def clean(self) -> dict[str, Any]:
        """Column → stored value; raises ValueError (Chinese) when something is wrong."""
        raise NotImplementedError

    def to_row(self) -> dict[str, Any]:
        return self.clean()

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.name != "id"]

    @classmethod
    def from_row(cls, row: dict) -> "Record":
        kw = {}
        for f in fields(cls):
            if f.name not in row:
                continue
            v = row[f.name]
            if f.name == "photos":
                v = json.loads(v or "[]") if isinstance(v, str) else list(v or [])
            elif f.type in ("bool",) or isinstance(f.default, bool):
                v = bool(v)
            kw[f.name] = v
        return cls(**kw)


# --------------------------------------------------------------------------------------------
# 3. 安全生产宣传教育

@dataclass(kw_only=True)
class Activity(Record):
    TABLE: ClassVar[str] = "ledger_activity"
    WHAT: ClassVar[str] = "该宣传教育活动"

    on_date: Any = ""
    kind: str = ""
    title: str = ""
    audience: str = ""
    participants: int = 0
    hours: float = 0.0
    content: str = ""
    place: str = ""
    organiser: str = ""
    village_id: str | None = None
    enterprise_id: str | None = None
    photos: list = field(default_factory=list)
    notes: str = ""

    def clean(self):
        r = R.rules()
        photos = [str(p).strip() for p in (self.photos or []) if str(p).strip()]
        hours = _amount(self.hours, "学时")
        if hours > 200:
            raise ValueError("学时过大，请核对（单次活动一般不超过200学时）。")
        return {
            "on_date": _iso(self.on_date, "活动日期", required=True),
            "kind": _choice(self.kind, r.activity_kinds, "活动类别"),
            "title": _text(self.title, "活动名称", required=True, limit=200),
            "audience": _text(self.audience, "参加对象", limit=200),
            "participants": _count(self.participants, "参加人数"),
            "hours": hours,
            "content": _text(self.content, "活动内容"),
            "place": _text(self.place, "地点", limit=200),
            "organiser": _text(self.organiser, "组织单位", limit=200),
            "village_id": self.village_id or None,
            "enterprise_id": self.enterprise_id or None,
            "photos": json.dumps(photos, ensure_ascii=False),
            "notes": _text(self.notes, "备注"),
        }


# --------------------------------------------------------------------------------------------
# 4. 特种设备安全监管

EQUIPMENT_STATUSES = ("在用", "停用", "报废")
INSPECTION_RESULTS = ("合格", "基本符合要求", "复检合格", "不合格", "")


@dataclass(kw_only=True)
class Equipment(Record):
    TABLE: ClassVar[str] = "ledger_equipment"
    WHAT: ClassVar[str] = "该特种设备"
    ENTERPRISE_REQUIRED: ClassVar[bool] = True

    enterprise_id: str | None = None
    category: str = ""
    name: str = ""
    model: str = ""
    reg_no: str = ""            # 使用登记证编号
    device_code: str = ""       # 设备代码
    factory_no: str = ""        # 出厂编号
    location: str = ""          # 使用地点
    commissioned_on: Any = ""
    last_inspected_on: Any = ""
    result: str = ""
    inspection_body: str = ""
    report_no: str = ""
    interval_months: int | None = None
    status: str = "在用"
    notes: str = ""

    def clean(self):
        r = R.rules()
        category = _choice(self.category, r.equipment_categories, "设备类别")
        interval = None
        if self.interval_months not in (None, "", 0):
            interval = _count(self.interval_months, "检验周期（月）")
            if not 1 <= interval <= 120:
                raise ValueError("检验周期应在1至120个月之间。")
        result = _text(self.result, "检验结论", limit=20)
        if result not in INSPECTION_RESULTS:
            raise ValueError("检验结论只能是：" + "、".join(x for x in INSPECTION_RESULTS if x) + "。")
        last = _iso(self.last_inspected_on, "上次检验日期")
        commissioned = _iso(self.commissioned_on, "投用日期")
        if last and commissioned and last < commissioned:
            raise ValueError("上次检验日期不能早于投用日期。")
        return {
            "enterprise_id": _text(self.enterprise_id, "使用单位", required=True),
            "category": category,
            "name": _text(self.name, "设备名称", required=True, limit=100),
            "model": _text(self.model, "型号规格", limit=100),
            "reg_no": _text(self.reg_no, "使用登记证编号", limit=60),
            "device_code": _text(self.device_code, "设备代码", limit=60),
            "factory_no": _text(self.factory_no, "出厂编号", limit=60),
            "location": _text(self.location, "使用地点", limit=200),
            "commissioned_on": commissioned,
            "last_inspected_on": last,
            "result": result,
            "inspection_body": _text(self.inspection_body, "检验机构", limit=100),
            "report_no": _text(self.report_no, "检验报告编号", limit=60),
            "interval_months": interval,
            "status": _choice(self.status or "在用", EQUIPMENT_STATUSES, "设备状态"),
            "notes": _text(self.notes, "备注"),
        }


# --------------------------------------------------------------------------------------------
# 5. 三类人员培训考核和持证上岗

@dataclass(kw_only=True)
class Person(Record):
    TABLE: ClassVar[str] = "ledger_person"
    WHAT: ClassVar[str] = "该人员"
    ENTERPRISE_REQUIRED: ClassVar[bool] = True

    enterprise_id: str | None = None
    role: str = ""              # 主要负责人 / 安全管理人员 / 安全总监 / 特种作业人员 / 特种设备作业人员
    name: str = ""
    id_no: str = ""
    phone: str = ""
    category: str = ""          # 作业类别 (11 categories) or 项目代号 (N1, Q2…)
    item: str = ""              # 准操项目
    cert_no: str = ""
    issuer: str = ""
    first_issued_on: Any = ""
    issued_on: Any = ""         # the current certificate's issue date
    valid_until: Any = ""       # as printed; computed from issued_on when blank
    last_review_on: Any = ""
    review_extended: bool = False
    trained_on: Any = ""        # last training (初训/再培训)
    training_hours: float = 0.0
    on_duty: bool = True
    notes: str = ""

    def clean(self):
        r = R.rules()
        role = _choice(self.role, tuple(r.roles), "人员类别")
        category = _text(self.category, "作业类别/项目代号", limit=60)
        if role == "特种作业人员" and category and category not in r.special_operations:
            raise ValueError("特种作业类别只能是：" + "、".join(r.special_operations) + "。")
        if role == "特种设备作业人员" and category and category not in r.special_equipment_items:
            raise ValueError("特种设备作业项目代号只能是：" + "、".join(r.special_equipment_items) + "。")
        id_no = _text(self.id_no, "身份证号", limit=18).upper()
        if id_no and not (len(id_no) == 18 and id_no[:17].isdigit() and (id_no[17].isdigit() or id_no[17] == "X")):
            raise ValueError("身份证号应为18位（最后一位可为X），请核对。")
        first = _iso(self.first_issued_on, "初领日期")
        issued = _iso(self.issued_on, "发证日期")
        until = _iso(self.valid_until, "有效期至")
        review = _iso(self.last_review_on, "复审日期")
        if first and issued and issued < first:
            raise ValueError("发证日期不能早于初领日期。")
        if issued and until and until <= issued:
            raise ValueError("有效期至应晚于发证日期。")
        if review and issued and review < issued:
            raise ValueError("复审日期不能早于发证日期。")
        return {
            "enterprise_id": _text(self.enterprise_id, "所在单位", required=True),
            "role": role,
            "name": _text(self.name, "姓名", required=True, limit=40),
            "id_no": id_no,
            "phone": _text(self.phone, "电话", limit=30),
            "category": category,
            "item": _text(self.item, "准操项目", limit=100),
            "cert_no": _text(self.cert_no, "证书编号", limit=60),
            "issuer": _text(self.issuer, "发证机关", limit=100),
            "first_issued_on": first or issued,
            "issued_on": issued,
            "valid_until": until,
            "last_review_on": review,
            "review_extended": int(bool(self.review_extended)),
            "trained_on": _iso(self.trained_on, "培训日期"),
            "training_hours": _amount(self.training_hours, "培训学时"),
            "on_duty": int(bool(self.on_duty)),
            "notes": _text(self.notes, "备注"),
        }


# --------------------------------------------------------------------------------------------
# 6. 重大危险源

@dataclass(kw_only=True)
class HazardSource(Record):
    TABLE: ClassVar[str] = "ledger_hazard_source"
    WHAT: ClassVar[str] = "该重大危险源"
    ENTERPRISE_REQUIRED: ClassVar[bool] = True

    enterprise_id: str | None = None
    name: str = ""              # 危险源名称 (罐区、仓库…)
    substance: str = ""
    quantity_t: float = 0.0     # 设计最大量（吨）
    grade: str = ""
    filing_no: str = ""
    filed_on: Any = ""
    reviewed_on: Any = ""       # last safety assessment (评估)
    status: str = "在用"
    notes: str = ""

    def clean(self):
        r = R.rules()
        filed, reviewed = _iso(self.filed_on, "备案日期"), _iso(self.reviewed_on, "评估日期")
        if filed and reviewed and reviewed < filed:
            raise ValueError("评估日期不能早于备案日期。")
        return {
            "enterprise_id": _text(self.enterprise_id, "所属单位", required=True),
            "name": _text(self.name, "危险源名称", required=True, limit=100),
            "substance": _text(self.substance, "危险物质", required=True, limit=200),
            "quantity_t": _amount(self.quantity_t, "数量（吨）"),
            "grade": _choice(self.grade, r.hazard_grades, "危险源级别"),
            "filing_no": _text(self.filing_no, "备案编号", limit=60),
            "filed_on": filed,
            "reviewed_on": reviewed,
            "status": _choice(self.status or "在用", ("在用", "停用", "已核销"), "状态"),
            "notes": _text(self.notes, "备注"),
        }


# --------------------------------------------------------------------------------------------
# 7. 事故管理

@dataclass(kw_only=True)
class Accident(Record):
    TABLE: ClassVar[str] = "ledger_accident"
    WHAT: ClassVar[str] = "该事故记录"

    occurred_at: Any = ""
    place: str = ""
    enterprise_id: str | None = None
    type: str = ""
    deaths: int = 0
    serious_injuries: int = 0
    minor_injuries: int = 0
    missing: int = 0
    direct_loss_wan: float = 0.0
    summary: str = ""           # 简要经过
    cause: str = ""
    reported_at: Any = ""
    reported_to: str = ""
    investigation: str = ""     # 调查组/调查情况
    responsibility: str = ""    # 责任处理
    measures: str = ""          # 整改措施
    closed_on: Any = ""         # 结案日期
    notes: str = ""

    def clean(self):
        r = R.rules()
        occurred = _iso_time(self.occurred_at, "事故发生时间", required=True)
        reported = _iso_time(self.reported_at, "报告时间")
        if reported and reported < occurred:
            raise ValueError("报告时间不能早于事故发生时间。")
        closed = _iso(self.closed_on, "结案日期")
        if closed and closed < occurred[:10]:
            raise ValueError("结案日期不能早于事故发生日期。")
        deaths = _count(self.deaths, "死亡人数")
        serious = _count(self.serious_injuries, "重伤人数")
        missing = _count(self.missing, "下落不明人数")
        loss = _amount(self.direct_loss_wan, "直接经济损失（万元）")
        return {
            "occurred_at": occurred,
            "place": _text(self.place, "事故地点", required=True, limit=200),
            "enterprise_id": self.enterprise_id or None,
            "type": _choice(self.type, r.accident_types, "事故类别"),
            "deaths": deaths,
            "serious_injuries": serious,
            "minor_injuries": _count(self.minor_injuries, "轻伤人数"),
            "missing": missing,
            "direct_loss_wan": loss,
            # 条例第三条 counts the missing with the dead for the initial grade (第十二条（四）).
            "grade": R.accident_grade(deaths + missing, serious, loss, r=r),
            "summary": _text(self.summary, "简要经过"),
            "cause": _text(self.cause, "事故原因"),
            "reported_at": reported,
            "reported_to": _text(self.reported_to, "报告对象", limit=200),
            "investigation": _text(self.investigation, "调查情况"),
            "responsibility": _text(self.responsibility, "责任处理"),
            "measures": _text(self.measures, "整改措施"),
            "closed_on": closed,
            "notes": _text(self.notes, "备注"),
        }


# --------------------------------------------------------------------------------------------
# the township's own work: drills (二十), joint 打非治违 actions (九), supervisors (六),
# referrals, and each enterprise's quarterly hidden-danger report (八, 16号令)

@dataclass(kw_only=True)
class TownshipAction(Record):
    TABLE: ClassVar[str] = "ledger_action"
    WHAT: ClassVar[str] = "该演练或联合执法记录"

    kind: str = ""
    on_date: Any = ""
    title: str = ""
    place: str = ""
    lead: str = ""              # 牵头单位
    departments: str = ""       # 参加部门
    participants: int = 0
    enterprises_checked: int = 0
    problems_found: int = 0
    cases_referred: int = 0
    content: str = ""
    notes: str = ""

    def clean(self):
        r = R.rules()
        return {
            "kind": _choice(self.kind, r.action_kinds, "类别"),
            "on_date": _iso(self.on_date, "日期", required=True),
            "title": _text(self.title, "名称", required=True, limit=200),
            "place": _text(self.place, "地点", limit=200),
            "lead": _text(self.lead, "牵头单位", limit=100),
            "departments": _text(self.departments, "参加部门", limit=400),
            "participants": _count(self.participants, "参加人数"),
            "enterprises_checked": _count(self.enterprises_checked, "检查单位数"),
            "problems_found": _count(self.problems_found, "发现问题数"),
            "cases_referred": _count(self.cases_referred, "移送案件数"),
            "content": _text(self.content, "内容"),
            "notes": _text(self.notes, "备注"),
        }


@dataclass(kw_only=True)
class Supervisor(Record):
    TABLE: ClassVar[str] = "ledger_supervisor"
    WHAT: ClassVar[str] = "该村（社区）安监员"

    village_id: str | None = None
    name: str = ""
    id_no: str = ""
    phone: str = ""
    full_time: bool = False
    cert_no: str = ""
    trained_on: Any = ""        # last 脱产培训及考试
    exam_passed: bool = True
    active: bool = True
    notes: str = ""

    def clean(self):
        return {
            "village_id": _text(self.village_id, "村（社区）", required=True),
            "name": _text(self.name, "姓名", required=True, limit=40),
            "id_no": _text(self.id_no, "身份证号", limit=18).upper(),
            "phone": _text(self.phone, "电话", limit=30),
            "full_time": int(bool(self.full_time)),
            "cert_no": _text(self.cert_no, "上岗证号", limit=60),
            "trained_on": _iso(self.trained_on, "培训考试日期"),
            "exam_passed": int(bool(self.exam_passed)),
            "active": int(bool(self.active)),
            "notes": _text(self.notes, "备注"),
        }


@dataclass(kw_only=True)
class Referral(Record):
    TABLE: ClassVar[str] = "ledger_referral"
    WHAT: ClassVar[str] = "该移送记录"

    on_date: Any = ""
    enterprise_id: str | None = None
    finding_id: str | None = None
    to_body: str = ""
    reason: str = ""
    doc_no: str = ""
    notes: str = ""

    def clean(self):
        return {
            "on_date": _iso(self.on_date, "移送日期", required=True),
            "enterprise_id": self.enterprise_id or None,
            "finding_id": self.finding_id or None,
            "to_body": _text(self.to_body, "移送机关", required=True, limit=100),
            "reason": _text(self.reason, "移送事由", required=True),
            "doc_no": _text(self.doc_no, "移送文号", limit=60),
            "notes": _text(self.notes, "备注"),
        }


@dataclass(kw_only=True)
class QuarterReport(Record):
    TABLE: ClassVar[str] = "ledger_quarter_report"
    WHAT: ClassVar[str] = "该企业季报"
    ENTERPRISE_REQUIRED: ClassVar[bool] = True

    enterprise_id: str | None = None
    year: int = 0
    quarter: int = 0
    received_on: Any = ""
    general_found: int = 0
    general_rectified: int = 0
    major_found: int = 0
    major_rectified: int = 0
    reporter: str = ""
    notes: str = ""

    def clean(self):
        year, q = _count(self.year, "年份"), _count(self.quarter, "季度")
        if q not in (1, 2, 3, 4):
            raise ValueError("季度只能是1至4。")
        if not 2000 <= year <= 2100:
            raise ValueError(f"年份“{year}”不在2000至2100之间，请核对。")
        gf, gr = _count(self.general_found, "一般隐患数"), _count(self.general_rectified, "一般隐患已整改数")
        mf, mr = _count(self.major_found, "重大隐患数"), _count(self.major_rectified, "重大隐患已整改数")
        if gr > gf or mr > mf:
            raise ValueError("已整改数不能多于发现数。")
        return {
            "enterprise_id": _text(self.enterprise_id, "报送企业", required=True),
            "year": year, "quarter": q,
            "received_on": _iso(self.received_on, "收到日期", required=True),
            "general_found": gf, "general_rectified": gr, "major_found": mf, "major_rectified": mr,
            "reporter": _text(self.reporter, "填报人", limit=40),
            "notes": _text(self.notes, "备注"),
        }


RECORD_TYPES: dict[str, type[Record]] = {
    "activity": Activity, "equipment": Equipment, "person": Person, "hazard_source": HazardSource,
    "accident": Accident, "action": TownshipAction, "supervisor": Supervisor, "referral": Referral,
    "quarter_report": QuarterReport,
}

__all__ = ["Accident", "Activity", "EQUIPMENT_STATUSES", "Equipment", "HazardSource", "INSPECTION_RESULTS",
           "Person", "QuarterReport", "RECORD_TYPES", "Record", "Referral", "Supervisor", "TownshipAction"]
