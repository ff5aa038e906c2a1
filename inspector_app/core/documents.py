"""Enforcement documents (安全生产行政执法文书): frozen content, numbers, service details.

The content of a document is a frozen dataclass whose ``to_dict()`` is stored as JSON in the
``document.content`` column when the document is issued. That JSON never changes afterwards and
``inspector_app.reports.pdf_documents.render`` reproduces the same text from it, so everything
printed (authority names, officers, party, items, legal basis…) is captured here, never looked up
from settings at print time.

Two kinds of checks:

* construction (also when loading stored content) checks only stable structure: known enums,
  parseable dates and, for enforcement documents, at least two officers (行政处罚法第42条; 安全生产法
  第66条 practice);
* ``validate(...)`` checks completeness before issuing (non-empty items, deadlines not before the
  issue date, spot-penalty limits passed in as settings). Stored content is never re-validated, so
  a later change of a setting cannot make an issued document unreadable.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, NamedTuple

from .dates import parse_date, parse_datetime
from .officers import distinct_officers, require_two_officers

# --- kinds ---------------------------------------------------------------------------------

INSPECTION_RECORD = "inspection_record"
RECTIFICATION_ORDER = "rectification_order"
ONSITE_MEASURES = "onsite_measures"
REINSPECTION_OPINION = "reinspection_opinion"
SPOT_PENALTY = "spot_penalty"
HAZARD_NOTICE = "hazard_notice"

KINDS = (
    INSPECTION_RECORD, RECTIFICATION_ORDER, ONSITE_MEASURES,
    REINSPECTION_OPINION, SPOT_PENALTY, HAZARD_NOTICE,
)
# The non-enforcement notice is issued in the township's own name by officers without entrustment.
ENFORCEMENT_KINDS = frozenset(KINDS) - {HAZARD_NOTICE}

TITLES = {
    INSPECTION_RECORD: "现场检查记录",
    RECTIFICATION_ORDER: "责令限期整改指令书",
    ONSITE_MEASURES: "现场处理措施决定书",
    REINSPECTION_OPINION: "整改复查意见书",
    SPOT_PENALTY: "当场处罚决定书",
    HAZARD_NOTICE: "隐患整改通知书",
}

# 代字 per kind (2018→ 应急 family, REFERENCE §1.1). The spot-penalty code after 2018 and any code
# for the township notice were not found in the sources: defaults only, override per deployment.
DOC_CODES = {
    INSPECTION_RECORD: "应急检记",
    RECTIFICATION_ORDER: "应急责改",
    ONSITE_MEASURES: "应急现决",
    REINSPECTION_OPINION: "应急复查",
    SPOT_PENALTY: "应急罚当",
    HAZARD_NOTICE: "隐改",
}

SERVICE_METHODS = ("直接送达", "留置送达", "邮寄送达", "委托送达", "电子送达", "公告送达")
REVIEWED_DECISIONS = ("责令限期整改", "现场处理措施")
REVIEW_RESULTS = ("已整改", "部分整改", "未整改")
PENALTY_VARIANTS = ("unit", "individual")
PENALTY_TYPES = ("警告", "罚款", "警告并处罚款")
PAYMENT_MODES = ("银行缴纳", "当场缴纳")
# 安全生产法第65条 measures offered by the UI; free text is allowed as well.
ONSITE_MEASURE_CHOICES = (
    "责令立即排除事故隐患",
    "责令从危险区域内撤出作业人员",
    "责令暂时停产停业",
    "责令暂时停止使用相关设施、设备",
    "依法查封、扣押不符合保障安全生产的国家标准或者行业标准的设施、设备、器材",
)
# Verbatim from the Jiangsu/Nanjing 现场检查记录 (REFERENCE §1.2), odd grammar included.
DEFAULT_PURPOSE = "对你单位安全生产管理情况进行日常监督检查是否存在安全生产违法违规行为。"
ONSITE_CASH_LIMIT = 100  # 行政处罚法第68条: cash on the spot only up to 100 元 (or hard to enforce)


def cn_date(d: date) -> str:
    """2026年3月5日 (GB/T 9704: Arabic numerals, no zero padding)."""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_datetime(t: datetime) -> str:
    return f"{cn_date(t)}{t.hour}时{t.minute:02d}分"


# --- serialisation -------------------------------------------------------------------------

def _parse_datetime(v: Any, what: str = "时间") -> datetime:
    # Documents print hours and minutes only: seconds would make the frozen text look edited.
    return parse_datetime(v, what).replace(second=0, microsecond=0)


class _Model:
    """to_dict/from_dict driven by the type hints: nested models, tuples of models, dates."""

    _hints_cache: dict[type, dict[str, Any]] = {}

    def __post_init__(self):
        self._coerce()

    @classmethod
    def _hints(cls) -> dict[str, Any]:
        h = _Model._hints_cache.get(cls)
        if h is None:
            h = typing.get_type_hints(cls)
            _Model._hints_cache[cls] = h
        return h

    def to_dict(self) -> dict:
        out = {}
        for f in fields(self):
            out[f.name] = _dump(getattr(self, f.name))
        kind = getattr(type(self), "KIND", None)
        if kind:
            out = {"kind": kind, "v": 1, **out}
        return out

    @classmethod
    def from_dict(cls, data: dict):
        if not isinstance(data, dict):
            raise ValueError("文书内容格式不正确。")
        hints = cls._hints()
        kw = {}
        # Unknown keys are ignored so that content written by a newer version still loads.
        for f in fields(cls):
            if f.name in data:
                kw[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kw)

    def _coerce(self) -> None:
        """Normalise values given as lists/dicts/strings (frozen: via object.__setattr__)."""
        hints = self._hints()
        for f in fields(self):
            v = getattr(self, f.name)
            nv = _load(hints[f.name], v)
            if nv is not v:
                object.__setattr__(self, f.name, nv)


def _dump(v: Any) -> Any:
    if isinstance(v, _Model):
        return v.to_dict()
    if isinstance(v, (tuple, list)):
        return [_dump(x) for x in v]
    if isinstance(v, datetime):
        return v.isoformat(timespec="minutes")
    if isinstance(v, date):
        return v.isoformat()
    return v


def _load(tp: Any, v: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if v is None:
            return None
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _load(args[0], v)
    if origin is tuple:
        (inner, *_rest) = typing.get_args(tp)
        if isinstance(v, str) or not isinstance(v, (list, tuple)):
            raise ValueError(f"文书内容格式不正确：应为列表，实为 {v!r}")
        items = tuple(_load(inner, x) for x in v)
        if isinstance(v, tuple) and all(a is b for a, b in zip(items, v)):
            return v
        return items
    if isinstance(tp, type) and issubclass(tp, _Model):
        if isinstance(v, tp):
            return v
        if isinstance(v, dict):
            return tp.from_dict(v)
        if isinstance(v, (list, tuple)) and tp is Officer:
            return Officer(*v)
        raise ValueError(f"文书内容格式不正确：{v!r}")
    if tp is datetime:
        return v if isinstance(v, datetime) else _parse_datetime(v)
    if tp is date:
        return v if type(v) is date else parse_date(v)
    if tp is bool:
        return bool(v)
    if tp is int:
        return v if isinstance(v, int) and not isinstance(v, bool) else int(v)
    if tp is str:
        return "" if v is None else (v if isinstance(v, str) else str(v))
    return v


# --- shared parts --------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class Authority(_Model):
    """Issuing authority and the settings printed with it (REFERENCE §0, §1.3).

    In Jiangyin the entrusted towns act in the name of 江阴市应急管理局, so ``name`` is that
    authority and ``township`` only identifies the acting town (and issues the hazard notice).
    """

    name: str                      # 江阴市应急管理局
    abbr: str                      # 澄 — printed in the number: （澄）应急责改〔2026〕7号
    review_government: str         # 江阴市人民政府 (行政复议法 2024: same-level government only)
    court: str                     # 诉讼法院, full name
    bank: str = ""                 # 罚款缴纳银行
    account: str = ""              # 账号
    account_name: str = ""         # 户名 (optional)
    address: str = ""
    phone: str = ""
    postcode: str = ""
    township: str = ""             # 周庄镇 / 澄江街道
    township_full_name: str = ""   # 江阴市周庄镇人民政府; derived from ``township`` when empty
    township_abbr: str = ""        # for hazard notice numbers; derived when empty
    identity_unit: str = ""        # 我们是{…}行政执法人员; defaults to ``name``

    def __post_init__(self):
        self._coerce()
        if not self.name.strip():
            raise ValueError("请在设置中填写执法机关名称（如：江阴市应急管理局）。")

    @property
    def township_issuer(self) -> str:
        if self.township_full_name:
            return self.township_full_name
        if not self.township:
            return ""
        suffix = "办事处" if self.township.endswith("街道") else "人民政府"
        # 江阴市应急管理局 → 江阴市周庄镇人民政府 (the formal name carries the city).
        m = re.match(r"^(.+?[市县])", self.name)
        city = m.group(1) if m and not self.township.startswith(m.group(1)) else ""
        return f"{city}{self.township}{suffix}"

    @property
    def township_short(self) -> str:
        if self.township_abbr:
            return self.township_abbr
        t = self.township
        for s in ("街道", "镇", "乡"):
            if t.endswith(s) and len(t) > len(s):
                return t[: -len(s)]
        return t

    @property
    def identity(self) -> str:
        return self.identity_unit or self.name


@dataclass(frozen=True)
class Officer(_Model):
    name: str
    cert_no: str = ""


@dataclass(frozen=True, kw_only=True)
class Party(_Model):
    """The inspected / penalised unit."""

    name: str
    address: str = ""
    legal_rep: str = ""            # 法定代表人（负责人）
    title: str = ""                # 职务
    phone: str = ""
    uscc: str = ""
    postcode: str = ""


@dataclass(frozen=True, kw_only=True)
class Individual(_Model):
    """被处罚人 of the individual spot-penalty variant."""

    name: str
    gender: str = ""
    age: int | None = None
    id_no: str = ""
    home_address: str = ""
    employer: str = ""
    title: str = ""
    employer_address: str = ""
    postcode: str = ""
    phone: str = ""


@dataclass(frozen=True, kw_only=True)
class Witness(_Model):
    name: str
    id_no: str = ""


@dataclass(frozen=True, kw_only=True)
class CheckItem(_Model):
    """One failed check on the inspection record: 检查项 | 情况."""

    item: str
    finding: str


@dataclass(frozen=True, kw_only=True)
class Photo(_Model):
    """A photo shown by a record. ``path`` is relative to the photos folder (``ab/<sha256>.jpg``)
    so moving the data folder breaks nothing; ``sha256`` freezes the evidence: the renderer
    refuses to print an issued record whose photo file no longer has this hash."""

    path: str
    caption: str = ""
    sha256: str = ""


@dataclass(frozen=True, kw_only=True)
class OrderItem(_Model):
    """A problem to rectify with its own deadline (Nanjing 2019 variant: per-item 整改完成时限)."""

    description: str
    deadline: date
    legal_basis: str = ""


@dataclass(frozen=True, kw_only=True)
class ReviewItem(_Model):
    description: str
    result: str = "已整改"

    def __post_init__(self):
        self._coerce()
        if self.result not in REVIEW_RESULTS:
            raise ValueError("复查结果应为：" + "、".join(REVIEW_RESULTS) + "。")


def _check_officers(officers: tuple, *, enforcement: bool) -> None:
    if enforcement:
        require_two_officers(officers, what="执法文书")
    elif not distinct_officers(officers):
        raise ValueError("请至少填写一名检查人员。")
    if enforcement:
        missing = [o.name for o in officers if o.name.strip() and not o.cert_no.strip()]
        if missing:
            raise ValueError("执法人员须持有执法证件，请填写证号：" + "、".join(missing) + "。")


@dataclass(frozen=True, kw_only=True)
class DocumentContent(_Model):
    KIND: typing.ClassVar[str] = ""

    authority: Authority
    officers: tuple[Officer, ...]
    issued_on: date

    def __post_init__(self):
        self._coerce()
        _check_officers(self.officers, enforcement=self.KIND in ENFORCEMENT_KINDS)
        self._check()

    def _check(self) -> None:
        """Stable structural checks of a kind (run on construction and on load)."""

    def validate(self, **_settings) -> "DocumentContent":
        """Completeness checks before issuing; raise ValueError in Chinese. Returns self."""
        return self

    @property
    def kind(self) -> str:
        return self.KIND

    @property
    def title(self) -> str:
        return TITLES[self.KIND]


_Document = DocumentContent  # earlier private name, still used by callers


def _require(value: str, message: str) -> None:
    if not str(value).strip():
        raise ValueError(message)


def _check_party(party: Party) -> None:
    _require(party.name, "请填写被检查单位名称。")


# --- the documents -------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class InspectionRecord(DocumentContent):
    """现场检查记录 (检记), REFERENCE §1.2, with the Jiangsu richer fields."""

    KIND: typing.ClassVar[str] = INSPECTION_RECORD
    party: Party
    place: str
    started_at: datetime
    ended_at: datetime
    purpose: str = DEFAULT_PURPOSE
    situation: str = ""                      # 检查情况 (free text)
    failed_items: tuple[CheckItem, ...] = ()
    passed_summary: str = ""                 # e.g. 其余23项检查内容未发现问题。
    photos: tuple[Photo, ...] = ()
    onsite_person: str = ""                  # 被检查单位现场负责人
    onsite_person_title: str = ""
    onsite_person_phone: str = ""
    refused_to_sign: bool = False            # 安全生产法第66条: record the refusal
    refusal_note: str = ""
    witness: Witness | None = None

    def _check(self) -> None:
        if self.ended_at < self.started_at:
            raise ValueError("检查结束时间不能早于开始时间。")

    def validate(self, **_settings):
        _check_party(self.party)
        _require(self.place, "请填写检查场所。")
        if not (self.situation.strip() or self.failed_items or self.passed_summary.strip()):
            raise ValueError("请填写检查情况。")
        if self.refused_to_sign and not self.refusal_note.strip():
            raise ValueError("被检查单位负责人拒绝签字的，请记录拒签情况（安全生产法第66条）。")
        return self


@dataclass(frozen=True, kw_only=True)
class RectificationOrder(DocumentContent):
    """责令限期整改指令书 (责改): each item has its own deadline."""

    KIND: typing.ClassVar[str] = RECTIFICATION_ORDER
    party: Party
    items: tuple[OrderItem, ...]
    inspected_on: date | None = None

    def validate(self, **_settings):
        _check_party(self.party)
        if not self.items:
            raise ValueError("请至少列出一项需整改的问题。")
        for i, it in enumerate(self.items, 1):
            _require(it.description, f"第{i}项问题内容为空，请填写。")
            if it.deadline < self.issued_on:
                raise ValueError(f"第{i}项的整改期限（{cn_date(it.deadline)}）早于下达日期，请修改。")
        return self


@dataclass(frozen=True, kw_only=True)
class OnsiteMeasures(DocumentContent):
    """现场处理措施决定书 (现决), REFERENCE §1.5."""

    KIND: typing.ClassVar[str] = ONSITE_MEASURES
    party: Party
    inspected_on: date
    dangers: tuple[str, ...]
    legal_basis: str
    decisions: tuple[str, ...]

    def validate(self, **_settings):
        _check_party(self.party)
        if not [d for d in self.dangers if d.strip()]:
            raise ValueError("请列出发现的违法违规行为和事故隐患。")
        _require(self.legal_basis, "请填写作出现场处理决定的法律依据。")
        if not [d for d in self.decisions if d.strip()]:
            raise ValueError("请填写现场处理决定内容。")
        return self


@dataclass(frozen=True, kw_only=True)
class ReinspectionOpinion(DocumentContent):
    """整改复查意见书 (复查): cites the original decision; no rights notice (it is an opinion)."""

    KIND: typing.ClassVar[str] = REINSPECTION_OPINION
    party: Party
    original_doc_no: str
    original_date: date
    original_decision: str = "责令限期整改"
    items: tuple[ReviewItem, ...] = ()
    opinion: str = ""

    def _check(self) -> None:
        if self.original_decision not in REVIEWED_DECISIONS:
            raise ValueError("原决定类型应为：" + "、".join(REVIEWED_DECISIONS) + "。")

    def validate(self, **_settings):
        _check_party(self.party)
        _require(self.original_doc_no, "请填写原文书文号。")
        if self.original_date > self.issued_on:
            raise ValueError("复查日期不能早于原决定日期。")
        if not (self.opinion.strip() or self.items):
            raise ValueError("请填写复查意见。")
        return self


@dataclass(frozen=True, kw_only=True)
class SpotPenalty(DocumentContent):
    """当场处罚决定书 (简易程序, 行政处罚法第51、52条); unit or individual variant.

    The fine limits (公民200元 / 单位3000元 in the 2021 law, lower in older rules) are settings:
    pass them to :meth:`validate`.
    """

    KIND: typing.ClassVar[str] = SPOT_PENALTY
    variant: str                                 # "unit" | "individual"
    party: Party | None = None                   # unit variant
    person: Individual | None = None             # individual variant
    decided_at: datetime                         # 时间 (第52条)
    place: str                                   # 地点 (第52条)
    facts: str                                   # 违法事实及证据
    violated: str                                # 违反的规定
    basis: str                                   # 处罚依据
    penalty: str = "罚款"                         # PENALTY_TYPES
    amount: int = 0                              # 元
    payment: str = "银行缴纳"                     # PAYMENT_MODES
    hard_to_enforce: bool = False                # 第68条(二): 不当场收缴事后难以执行
    statement: str = ""                          # 当事人陈述、申辩 (empty: blank lines to fill by hand)

    @property
    def title(self) -> str:
        return TITLES[SPOT_PENALTY] + ("（单位）" if self.variant == "unit" else "（个人）")

    @property
    def party_name(self) -> str:
        if self.variant == "unit":
            return self.party.name if self.party else ""
        return self.person.name if self.person else ""

    def _check(self) -> None:
        if self.variant not in PENALTY_VARIANTS:
            raise ValueError("当场处罚对象应为单位或个人。")
        if self.variant == "unit" and self.party is None:
            raise ValueError("请填写被处罚单位。")
        if self.variant == "individual" and self.person is None:
            raise ValueError("请填写被处罚人。")
        if self.penalty not in PENALTY_TYPES:
            raise ValueError("简易程序只能给予警告或者罚款（行政处罚法第51条）。")
        if self.payment not in PAYMENT_MODES:
            raise ValueError("罚款缴纳方式应为：" + "、".join(PAYMENT_MODES) + "。")
        if self.amount < 0:
            raise ValueError("罚款金额不能为负数。")

    def validate(self, *, max_fine_individual: int, max_fine_unit: int, **_settings):
        """Check against the on-the-spot limits (settings; 行政处罚法第51条: 200 / 3000 元)."""
        _require(self.party_name, "请填写被处罚单位或被处罚人姓名。")
        _require(self.facts, "请填写违法事实及证据。")
        _require(self.violated, "请填写违反的法律、法规或者规章条款。")
        _require(self.basis, "请填写处罚依据。")
        _require(self.place, "请填写作出处罚的地点。")
        fines = self.penalty in ("罚款", "警告并处罚款")
        if fines and self.amount <= 0:
            raise ValueError("请填写罚款金额。")
        if not fines and self.amount:
            raise ValueError("仅给予警告时罚款金额应为0。")
        limit = max_fine_unit if self.variant == "unit" else max_fine_individual
        who = "法人或者其他组织" if self.variant == "unit" else "公民"
        if self.amount > limit:
            raise ValueError(
                f"对{who}当场处罚的罚款不得超过{limit}元（行政处罚法第51条），"
                f"本案{self.amount}元已超出，请改用普通程序立案处理。"
            )
        if fines and self.payment == "当场缴纳" and self.amount > ONSITE_CASH_LIMIT and not self.hard_to_enforce:
            raise ValueError(
                f"当场收缴罚款仅限{ONSITE_CASH_LIMIT}元以下或者不当场收缴事后难以执行的情形"
                "（行政处罚法第68条），请改为到指定银行缴纳。"
            )
        return self


@dataclass(frozen=True, kw_only=True)
class HazardNotice(DocumentContent):
    """隐患整改通知书: non-enforcement notice in the township's own name (REFERENCE §0)."""

    KIND: typing.ClassVar[str] = HAZARD_NOTICE
    party: Party
    inspected_on: date
    items: tuple[OrderItem, ...]
    report_to: str = ""            # whom the unit reports rectification to; defaults to the township

    def validate(self, **_settings):
        _check_party(self.party)
        _require(self.authority.township_issuer, "请在设置中填写所在镇（街道）名称。")
        if not self.items:
            raise ValueError("请至少列出一项事故隐患。")
        for i, it in enumerate(self.items, 1):
            _require(it.description, f"第{i}项隐患内容为空，请填写。")
            if it.deadline < self.issued_on:
                raise ValueError(f"第{i}项的整改期限（{cn_date(it.deadline)}）早于通知日期，请修改。")
        return self


CONTENT_TYPES: dict[str, type[DocumentContent]] = {
    cls.KIND: cls
    for cls in (InspectionRecord, RectificationOrder, OnsiteMeasures,
                ReinspectionOpinion, SpotPenalty, HazardNotice)
}


def content_from_dict(kind: str, data: dict) -> DocumentContent:
    """Load stored content of ``kind`` (the ``kind`` key inside ``data``, if any, must agree)."""
    cls = CONTENT_TYPES.get(kind)
    if cls is None:
        raise ValueError(f"未知的文书类型：{kind}")
    if data.get("kind", kind) != kind:
        raise ValueError(f"文书类型不一致：{data.get('kind')} 与 {kind}")
    return cls.from_dict(data)


# --- numbers -------------------------------------------------------------------------------

class DocNo(NamedTuple):
    abbr: str
    code: str
    year: int
    seq: int
    series_prefix: str = ""


def doc_code(kind: str, overrides: dict[str, str] | None = None) -> str:
    """The 代字 of ``kind``; ``overrides`` (from settings) win over :data:`DOC_CODES`."""
    if overrides and overrides.get(kind):
        return overrides[kind]
    try:
        return DOC_CODES[kind]
    except KeyError:
        raise ValueError(f"未知的文书类型：{kind}") from None


def format_doc_no(abbr: str, code: str, year: int, seq: int, *, series_prefix: str = "") -> str:
    """``（澄）应急责改〔2026〕7号``; with ``series_prefix="A1-"``: ``（澄）应急责改〔2026〕A1-7号``."""
    if not code or re.search(r"[（）()〔〕\[\]\d]", code):
        raise ValueError(f"文书代字不正确：{code!r}（不能为空，不能含括号或数字）。")
    if re.search(r"[（）()〔〕\[\]]", abbr):
        raise ValueError(f"机关简称不能含括号：{abbr!r}")
    if not (1000 <= int(year) <= 9999):
        raise ValueError(f"年份不正确：{year}")
    if int(seq) < 1:
        raise ValueError("文书序号应从1开始。")
    if series_prefix and (series_prefix[-1].isdigit() or re.search(r"[〔〕\[\]号]", series_prefix)):
        # A trailing digit would merge with the serial and make the number ambiguous.
        raise ValueError(f"编号前缀不能以数字结尾（例如用“A1-”）：{series_prefix!r}")
    head = f"（{abbr}）" if abbr else ""
    return f"{head}{code}〔{int(year)}〕{series_prefix}{int(seq)}号"


_DOC_NO_RE = re.compile(
    r"^(?:[（(](?P<abbr>[^）)]*)[）)])?(?P<code>[^〔\[【（()）\d]+)"
    r"[〔\[【](?P<year>\d{4})[〕\]】](?P<series>.*?)[（(]?(?P<seq>\d+)[）)]?号$"
)


def parse_doc_no(s: str) -> DocNo:
    """Inverse of :func:`format_doc_no`; also reads ``[2019]`` and ``(15)号`` variants."""
    m = _DOC_NO_RE.match(re.sub(r"\s+", "", s or ""))
    if not m:
        raise ValueError(f"无法识别的文书编号：{s!r}（格式如：（澄）应急责改〔2026〕7号）")
    return DocNo(m["abbr"] or "", m["code"], int(m["year"]), int(m["seq"]), m["series"])


def kind_for_code(code: str, overrides: dict[str, str] | None = None) -> str | None:
    codes = {**DOC_CODES, **(overrides or {})}
    for kind, c in codes.items():
        if c == code:
            return kind
    return None


# --- service (送达) ------------------------------------------------------------------------

_WITNESS_LINE = re.compile(r"(?:^|\n)见证人：(?P<name>[^（\n]+)(?:（身份证号：(?P<id>[^）\n]*)）)?$")


@dataclass(frozen=True, kw_only=True)
class Service(_Model):
    """How a document reached the party. Recorded after issue, in the document row's columns."""

    served_at: datetime
    served_how: str = "直接送达"
    refused: bool = False
    note: str = ""
    witness: Witness | None = None

    def __post_init__(self):
        self._coerce()
        if self.served_how not in SERVICE_METHODS:
            raise ValueError("送达方式应为：" + "、".join(SERVICE_METHODS) + "。")
        if self.refused:
            if not self.note.strip():
                raise ValueError("当事人拒绝签收的，请注明拒收事由和经过。")
            if self.served_how == "直接送达":
                raise ValueError("当事人拒绝签收的，应采用留置送达并注明情况。")
        if self.served_how == "留置送达" and self.witness is None and not self.note.strip():
            raise ValueError("留置送达应有见证人，或注明以拍照、录像等方式记录送达过程。")

    def to_columns(self) -> dict:
        """Values for document.served_at/served_how/service_refused/service_note."""
        note = self.note.strip()
        if self.witness:
            w = f"见证人：{self.witness.name}"
            if self.witness.id_no:
                w += f"（身份证号：{self.witness.id_no}）"
            note = f"{note}\n{w}" if note else w
        return {
            "served_at": self.served_at.isoformat(timespec="minutes"),
            "served_how": self.served_how,
            "service_refused": int(self.refused),
            "service_note": note,
        }

    @classmethod
    def from_columns(cls, row: dict) -> "Service | None":
        if not row.get("served_at"):
            return None
        note = row.get("service_note") or ""
        witness = None
        m = _WITNESS_LINE.search(note)
        if m:
            witness = Witness(name=m["name"], id_no=m["id"] or "")
            note = note[: m.start()]
        return cls(served_at=row["served_at"], served_how=row.get("served_how") or "直接送达",
                   refused=bool(row.get("service_refused")), note=note, witness=witness)
