"""The enterprise record of the township registry (一企一档) and its validation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from . import uscc as uscc_mod
from .dates import parse_date
from .i18n import QT_TRANSLATE_NOOP

# Supervision sector: the 工贸 sectors of 应急管理部令第10号 plus 危化 and 其他. Stored in Chinese:
# these values are legal vocabulary printed on documents and exchanged with the county.
SECTORS = ("冶金", "有色", "建材", "机械", "轻工", "纺织", "烟草", "商贸", "危化", "其他")
SCALES = ("规上", "规下", "小微", "个体")
# 停产整改: suspended by a 现场处理措施决定书 (安全生产法第六十五条第一款第（三）项); only a passed
# resumption review (复产审查, storage.escalation) brings the enterprise back to 在营.
SUSPENDED = "停产整改"
STATUSES = ("在营", "停产", SUSPENDED, "关闭")
SAFETY_MANAGER_TYPES = ("专职", "兼职", "委托服务")
STANDARDISATION_GRADES = ("一级", "二级", "三级", "小微达标", "未定级")
SUPERVISION_CLASSES = ("A", "B", "C", "D")
RISK_TAGS = (
    "粉尘涉爆", "涉氨制冷", "有限空间", "危化品使用", "危化品储存", "金属冶炼",
    "喷涂", "锂电池", "燃气使用", "涉爆粉尘湿式作业", "高温熔融金属", "特种设备",
    "外包作业", "出租厂房", "危险物品装卸",
)
# Registry fields that judge the staffing duties (core.obligations). None = not recorded yet:
# the obligation then shows as unknown, never as met or violated.
STAFFING_FIELDS = ("full_time_managers", "part_time_managers", "registered_engineers",
                   "safety_director_appointed", "safety_director", "main_revenue_wan",
                   "standardisation_valid_until")

PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$")

# Field labels, extracted for translation; the UI shows QCoreApplication.translate("Enterprise", …).
LABELS = {
    "name": QT_TRANSLATE_NOOP("Enterprise", "Name"),
    "uscc": QT_TRANSLATE_NOOP("Enterprise", "Unified social credit code"),
    "legacy_reg_no": QT_TRANSLATE_NOOP("Enterprise", "Registration no. (no credit code)"),
    "address": QT_TRANSLATE_NOOP("Enterprise", "Address"),
    "village_id": QT_TRANSLATE_NOOP("Enterprise", "Village / community"),
    "legal_rep": QT_TRANSLATE_NOOP("Enterprise", "Legal representative"),
    "legal_rep_phone": QT_TRANSLATE_NOOP("Enterprise", "Legal representative phone"),
    "principal": QT_TRANSLATE_NOOP("Enterprise", "Main responsible person"),
    "principal_phone": QT_TRANSLATE_NOOP("Enterprise", "Main responsible person phone"),
    "safety_manager": QT_TRANSLATE_NOOP("Enterprise", "Safety manager"),
    "safety_manager_type": QT_TRANSLATE_NOOP("Enterprise", "Safety manager type"),
    "safety_manager_phone": QT_TRANSLATE_NOOP("Enterprise", "Safety manager phone"),
    "employees": QT_TRANSLATE_NOOP("Enterprise", "Employees"),
    "revenue_wan": QT_TRANSLATE_NOOP("Enterprise", "Annual revenue (10k yuan)"),
    "gbt_section": QT_TRANSLATE_NOOP("Enterprise", "GB/T 4754 section"),
    "gbt_division": QT_TRANSLATE_NOOP("Enterprise", "GB/T 4754 division"),
    "sector": QT_TRANSLATE_NOOP("Enterprise", "Supervision sector"),
    "scale": QT_TRANSLATE_NOOP("Enterprise", "Scale"),
    "risk_tags": QT_TRANSLATE_NOOP("Enterprise", "Risk tags"),
    "landlord_id": QT_TRANSLATE_NOOP("Enterprise", "Landlord (rented premises)"),
    "standardisation_grade": QT_TRANSLATE_NOOP("Enterprise", "Standardisation grade"),
    "supervision_class": QT_TRANSLATE_NOOP("Enterprise", "Supervision class"),
    "grid_officer": QT_TRANSLATE_NOOP("Enterprise", "Grid officer"),
    "full_time_managers": QT_TRANSLATE_NOOP("Enterprise", "Full-time safety managers"),
    "part_time_managers": QT_TRANSLATE_NOOP("Enterprise", "Part-time safety managers"),
    "registered_engineers": QT_TRANSLATE_NOOP("Enterprise", "Registered safety engineers"),
    "safety_director_appointed": QT_TRANSLATE_NOOP("Enterprise", "Safety director appointed"),
    "safety_director": QT_TRANSLATE_NOOP("Enterprise", "Safety director"),
    "main_revenue_wan": QT_TRANSLATE_NOOP("Enterprise", "Main business revenue (10k yuan)"),
    "standardisation_valid_until": QT_TRANSLATE_NOOP("Enterprise", "Standardisation valid until"),
    "status": QT_TRANSLATE_NOOP("Enterprise", "Status"),
    "notes": QT_TRANSLATE_NOOP("Enterprise", "Notes"),
}


@dataclass
class Enterprise:
    """One enterprise. ``id`` is a UUIDv7 string once stored; ``risk_tags`` a list of RISK_TAGS."""

    name: str = ""
    uscc: str | None = None
    legacy_reg_no: str | None = None
    address: str = ""
    village_id: str | None = None
    legal_rep: str = ""
    legal_rep_phone: str = ""
    principal: str = ""
    principal_phone: str = ""
    safety_manager: str = ""
    safety_manager_type: str = "兼职"
    safety_manager_phone: str = ""
    employees: int = 0
    revenue_wan: float = 0.0
    gbt_section: str = ""
    gbt_division: str = ""
    sector: str = "其他"
    scale: str = "小微"
    risk_tags: list[str] = field(default_factory=list)
    landlord_id: str | None = None
    standardisation_grade: str = "未定级"
    supervision_class: str = "C"
    grid_officer: str = ""
    full_time_managers: int | None = None     # 专职安全生产管理人员人数
    part_time_managers: int | None = None     # 兼职安全生产管理人员人数
    registered_engineers: int | None = None   # 注册安全工程师人数 (初级/中级/高级)
    safety_director_appointed: bool | None = None  # 是否任命安全总监
    safety_director: str = ""                 # 安全总监姓名
    main_revenue_wan: float | None = None     # 上年度主营业务收入（万元）
    standardisation_valid_until: str = ""     # 标准化证书有效期至 (ISO date)
    status: str = "在营"
    notes: str = ""
    id: str | None = None

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    @classmethod
    def from_row(cls, row: dict) -> "Enterprise":
        data = {k: row[k] for k in cls.field_names() if k in row}
        tags = data.get("risk_tags")
        if isinstance(tags, str):
            data["risk_tags"] = [t for t in tags.split("|") if t]
        if data.get("safety_director_appointed") is not None:
            data["safety_director_appointed"] = bool(data["safety_director_appointed"])
        return cls(**data)

    def to_row(self) -> dict:
        # Shallow on purpose: asdict() deep-copies and costs a quarter of a bulk load.
        row = {f.name: getattr(self, f.name) for f in fields(self)}
        row["risk_tags"] = encode_tags(self.risk_tags)
        if self.safety_director_appointed is not None:
            row["safety_director_appointed"] = int(bool(self.safety_director_appointed))
        return row


def encode_tags(tags) -> str:
    """Tags are stored as ``|a|b|`` so that ``LIKE '%|a|%'`` filters exactly one tag."""
    tags = [t for t in tags if t]
    return "|" + "|".join(tags) + "|" if tags else ""


class ValidationErrors(ValueError):
    """Field → Chinese message. Raised by :func:`validate`, shown next to each field."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("；".join(f"{LABELS_ZH.get(k, k)}：{v}" for k, v in errors.items()))
        self.errors = errors


LABELS_ZH = {
    "name": "企业名称", "uscc": "统一社会信用代码", "legacy_reg_no": "注册号", "address": "地址",
    "village_id": "所在村（社区）", "legal_rep": "法定代表人", "legal_rep_phone": "法定代表人电话",
    "principal": "主要负责人", "principal_phone": "主要负责人电话", "safety_manager": "安全管理人员",
    "safety_manager_type": "安全管理人员类型", "safety_manager_phone": "安全管理人员电话",
    "employees": "从业人数", "revenue_wan": "年营业收入（万元）", "gbt_section": "行业门类",
    "gbt_division": "行业大类", "sector": "监管行业", "scale": "规模", "risk_tags": "风险标签",
    "landlord_id": "出租方", "standardisation_grade": "标准化等级", "supervision_class": "监管分级",
    "grid_officer": "网格员", "status": "状态", "notes": "备注",
    "full_time_managers": "专职安全管理人员人数", "part_time_managers": "兼职安全管理人员人数",
    "registered_engineers": "注册安全工程师人数", "safety_director_appointed": "是否任命安全总监",
    "safety_director": "安全总监", "main_revenue_wan": "主营业务收入（万元）",
    "standardisation_valid_until": "标准化有效期至",
}


def normalise(ent: Enterprise) -> Enterprise:
    """Trim text and normalise the credit code; returns the same object."""
    for f in fields(ent):
        v = getattr(ent, f.name)
        if isinstance(v, str):
            setattr(ent, f.name, v.strip())
    if ent.uscc:
        ent.uscc = uscc_mod.compact(ent.uscc) or None
    else:
        ent.uscc = None
    ent.legacy_reg_no = (ent.legacy_reg_no or "").strip() or None
    ent.risk_tags = list(dict.fromkeys(t.strip() for t in ent.risk_tags if t and t.strip()))
    return ent


def validate(ent: Enterprise) -> Enterprise:
    """Normalise and check an enterprise; raise :class:`ValidationErrors` listing every problem."""
    normalise(ent)
    errors: dict[str, str] = {}
    if not ent.name:
        errors["name"] = "企业名称不能为空。"
    elif len(ent.name) > 100:
        errors["name"] = "企业名称过长（最多100字）。"
    if ent.uscc:
        try:
            uscc_mod.validate(ent.uscc)
        except uscc_mod.UsccError as e:
            errors["uscc"] = str(e)
    elif ent.scale != "个体" and not ent.legacy_reg_no:
        errors["uscc"] = "请填写统一社会信用代码；个体工商户无代码时可填写原注册号。"
    for key in ("legal_rep_phone", "principal_phone", "safety_manager_phone"):
        phone = getattr(ent, key)
        if phone and not PHONE_RE.match(phone.replace(" ", "")):
            errors[key] = "电话号码格式不正确（手机11位，座机如0510-86801234）。"
    if ent.employees is None or ent.employees < 0:
        errors["employees"] = "从业人数不能为负数。"
    if ent.revenue_wan is None or ent.revenue_wan < 0:
        errors["revenue_wan"] = "年营业收入不能为负数。"
    for key, allowed in (
        ("sector", SECTORS), ("scale", SCALES), ("status", STATUSES),
        ("safety_manager_type", SAFETY_MANAGER_TYPES),
        ("standardisation_grade", STANDARDISATION_GRADES),
        ("supervision_class", SUPERVISION_CLASSES),
    ):
        if getattr(ent, key) not in allowed:
            errors[key] = "取值无效，应为：" + "、".join(allowed) + "。"
    for key in ("full_time_managers", "part_time_managers", "registered_engineers"):
        n = getattr(ent, key)
        if n is not None and (isinstance(n, bool) or not isinstance(n, int) or n < 0):
            errors[key] = "人数应为不小于0的整数；未掌握时请留空。"
    if ent.main_revenue_wan is not None and ent.main_revenue_wan < 0:
        errors["main_revenue_wan"] = "主营业务收入不能为负数；未掌握时请留空。"
    if ent.safety_director_appointed and not ent.safety_director:
        errors["safety_director"] = "已任命安全总监的，请填写其姓名。"
    if ent.safety_director and ent.safety_director_appointed is False:
        errors["safety_director_appointed"] = "已填写安全总监姓名，请将“是否任命安全总监”选为“是”。"
    if ent.standardisation_valid_until:
        try:
            ent.standardisation_valid_until = parse_date(ent.standardisation_valid_until,
                                                         "标准化有效期").isoformat()
        except ValueError as e:
            errors["standardisation_valid_until"] = str(e)
    unknown = [t for t in ent.risk_tags if t not in RISK_TAGS]
    if unknown:
        errors["risk_tags"] = "未知的风险标签：" + "、".join(unknown) + "。"
    if ent.landlord_id and ent.id and ent.landlord_id == ent.id:
        errors["landlord_id"] = "出租方不能是企业自身。"
    if errors:
        raise ValidationErrors(errors)
    return ent


def similar_names(a: str, b: str) -> bool:
    """Cheap similarity test used to warn of likely duplicates (same core name)."""
    return core_name(a) == core_name(b) and bool(core_name(a))


_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司", "厂", "店", "经营部", "商行", "工作室")
_PREFIXES = ("江苏省", "江苏", "无锡市", "无锡", "江阴市", "江阴")


def core_name(name: str) -> str:
    n = re.sub(r"[\s（）()·\-]", "", name)
    for p in _PREFIXES:
        if n.startswith(p):
            n = n[len(p):]
            break
    changed = True
    while changed:
        changed = False
        for s in _SUFFIXES:
            if n.endswith(s) and len(n) > len(s):
                n = n[: -len(s)]
                changed = True
    return n
