"""The life of a finding (事故隐患) from registration to closure (销号), as pure data and functions.

States are stored as English codes; officers read the Chinese labels. The allowed moves are a
table (``TRANSITIONS``) so the UI can offer exactly the actions that are legal in a state:

    registered ──order──▶ ordered ──serve──▶ rectifying ──rectified──▶ awaiting_reinspection
                                                                              │
        ▲ reinspection_failed (new deadline) ◀────────────────────────────────┤
        │                                                       reinspection_passed
      ordered                                                                 ▼
                                                       passed ──close──▶ closed

* ``ordered``: a 责令限期整改 (or 现场处理措施) decision names the finding; ``rectifying``: that
  decision has been served, the rectification period runs.
* A re-inspection may also happen straight from ``ordered``/``rectifying``: 执法程序 requires a
  复查 within the window after the deadline even if the enterprise never reported back.
* A failed re-inspection sets a NEW deadline and goes back to ``ordered``; serving the 复查意见书
  (or the new order) moves it on to ``rectifying`` again.
* ``rectified`` is also allowed from ``registered``: a 一般隐患 can be removed on the spot
  (“发现后能够立即整改排除”) and still needs the officer's acceptance.
* After the deadline passes the officer may refer the case to the bureau (案件移送, general
  procedure): ``referred``. The finding stays open until the bureau's outcome is recorded:
  resolved (→ ``passed``, then 销号) or returned to the township with a new deadline
  (→ ``rectifying``).

The re-inspection window (10 days) is practice that was not confirmed against the official
text (REFERENCE §1.4 [K]); it is therefore a parameter everywhere, fed from a setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from . import settings as S
from .dates import as_date, parse_date
from .i18n import QT_TRANSLATE_NOOP

STATES = ("registered", "ordered", "rectifying", "awaiting_reinspection", "referred", "passed", "closed")

STATE_LABELS = {
    "registered": QT_TRANSLATE_NOOP("FindingState", "已登记"),
    "ordered": QT_TRANSLATE_NOOP("FindingState", "已责令整改"),
    "rectifying": QT_TRANSLATE_NOOP("FindingState", "整改中"),
    "awaiting_reinspection": QT_TRANSLATE_NOOP("FindingState", "已整改待复查"),
    "referred": QT_TRANSLATE_NOOP("FindingState", "已移送县局"),
    "passed": QT_TRANSLATE_NOOP("FindingState", "复查合格"),
    "closed": QT_TRANSLATE_NOOP("FindingState", "已销号"),
}

EVENTS = ("order", "serve", "rectified", "reinspection_passed", "reinspection_failed", "refer",
          "bureau_resolved", "bureau_returned", "close")

EVENT_LABELS = {
    "registered": QT_TRANSLATE_NOOP("FindingEvent", "登记隐患"),
    "order": QT_TRANSLATE_NOOP("FindingEvent", "责令整改"),
    "serve": QT_TRANSLATE_NOOP("FindingEvent", "文书送达"),
    "rectified": QT_TRANSLATE_NOOP("FindingEvent", "企业整改完成"),
    "reinspection_passed": QT_TRANSLATE_NOOP("FindingEvent", "复查合格"),
    "reinspection_failed": QT_TRANSLATE_NOOP("FindingEvent", "复查不合格"),
    "close": QT_TRANSLATE_NOOP("FindingEvent", "销号"),
    "refer": QT_TRANSLATE_NOOP("FindingEvent", "案件移送"),
    "bureau_resolved": QT_TRANSLATE_NOOP("FindingEvent", "县局处理完毕"),
    "bureau_returned": QT_TRANSLATE_NOOP("FindingEvent", "县局退回继续整改"),
    # Events that do not change the state (recorded in finding_event all the same).
    "five": QT_TRANSLATE_NOOP("FindingEvent", "登记五到位"),
    "listed": QT_TRANSLATE_NOOP("FindingEvent", "挂牌督办"),
    "delisted": QT_TRANSLATE_NOOP("FindingEvent", "摘牌"),
    "deleted": QT_TRANSLATE_NOOP("FindingEvent", "删除"),
    "order_voided": QT_TRANSLATE_NOOP("FindingEvent", "整改文书作废"),
    "order_corrected": QT_TRANSLATE_NOOP("FindingEvent", "整改文书更正"),
}

# (state, event) → next state. Everything not listed is illegal.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("registered", "order"): "ordered",
    ("registered", "rectified"): "awaiting_reinspection",
    ("ordered", "serve"): "rectifying",
    ("ordered", "rectified"): "awaiting_reinspection",
    ("rectifying", "rectified"): "awaiting_reinspection",
    ("ordered", "reinspection_passed"): "passed",
    ("rectifying", "reinspection_passed"): "passed",
    ("awaiting_reinspection", "reinspection_passed"): "passed",
    ("ordered", "reinspection_failed"): "ordered",
    ("rectifying", "reinspection_failed"): "ordered",
    ("awaiting_reinspection", "reinspection_failed"): "ordered",
    ("ordered", "refer"): "referred",
    ("rectifying", "refer"): "referred",
    ("awaiting_reinspection", "refer"): "referred",
    ("referred", "bureau_resolved"): "passed",
    ("referred", "bureau_returned"): "rectifying",
    ("passed", "close"): "closed",
}

# States in which the rectification deadline is still running (not yet rectified).
OPEN_STATES = ("registered", "ordered", "rectifying")
# States in which a re-inspection is owed once the deadline passes or the enterprise reports back.
REINSPECTION_STATES = ("ordered", "rectifying", "awaiting_reinspection")

DEFAULT_REINSPECTION_WINDOW_DAYS = S.REINSPECTION_WINDOW.default


def allowed_events(state: str) -> list[str]:
    """Events legal in ``state``, in the canonical order (what the UI may offer)."""
    return [e for e in EVENTS if (state, e) in TRANSITIONS]


def transition(state: str, event: str) -> str:
    """The state after ``event``; a Chinese ValueError when the move is not allowed."""
    if state not in STATES:
        raise ValueError(f"隐患状态“{state}”无法识别，请检查数据或联系管理员。")
    nxt = TRANSITIONS.get((state, event))
    if nxt is None:
        label = EVENT_LABELS.get(event, event)
        options = "、".join(EVENT_LABELS[e] for e in allowed_events(state)) or "无（已办结）"
        raise ValueError(
            f"隐患当前状态为“{STATE_LABELS[state]}”，不能进行“{label}”操作。当前可进行的操作：{options}。"
        )
    return nxt


# ---------------------------------------------------------------------------------------------
# Reading findings (dates through core.dates.as_date, re-exported here for older imports)

def _get(finding, key: str):
    if isinstance(finding, Mapping):
        return finding.get(key)
    return getattr(finding, key, None)


def is_overdue_rectification(finding, today) -> bool:
    """The rectification deadline has passed and the enterprise has not rectified yet."""
    if _get(finding, "deleted"):
        return False
    if _get(finding, "state") not in OPEN_STATES:
        return False
    deadline = as_date(_get(finding, "deadline"))
    return deadline is not None and as_date(today) > deadline


def reinspection_starts(finding) -> date | None:
    """The day from which the re-inspection window runs, or None if none is owed (yet).

    执法程序: the 复查 is due within the window after the deadline expires or after the
    enterprise reports rectification done, whichever comes first.
    """
    state = _get(finding, "state")
    if state not in REINSPECTION_STATES:
        return None
    deadline = as_date(_get(finding, "deadline"))
    rectified = as_date(_get(finding, "rectified_on")) if state == "awaiting_reinspection" else None
    candidates = [d for d in (deadline, rectified) if d is not None]
    return min(candidates) if candidates else None


def reinspection_due_by(finding, window_days: int = DEFAULT_REINSPECTION_WINDOW_DAYS) -> date | None:
    """The last day on which the re-inspection is still on time."""
    start = reinspection_starts(finding)
    return None if start is None else start + timedelta(days=int(window_days))


def is_overdue_reinspection(finding, today, window_days: int = DEFAULT_REINSPECTION_WINDOW_DAYS) -> bool:
    """A re-inspection is owed (rectification reported, or deadline passed) and ``window_days``
    after the deadline (or the report, if earlier) have gone by without one.

    A re-inspection resets the state (passed, or ordered with a new deadline), so "no
    re-inspection yet" is exactly "still in a re-inspection-owing state".
    """
    if _get(finding, "deleted"):
        return False
    due = reinspection_due_by(finding, window_days)
    return due is not None and as_date(today) > due


def days_overdue(finding, today) -> int:
    """Days past the rectification deadline (0 when not overdue)."""
    if not is_overdue_rectification(finding, today):
        return 0
    return (as_date(today) - as_date(_get(finding, "deadline"))).days


# ---------------------------------------------------------------------------------------------
# Major findings: 五到位 and 挂牌督办

GRADES = ("一般", "重大")
CATEGORIES = ("人", "物", "管理", "环境")

FIVE_FIELDS = ("five_measures", "five_responsible", "five_funds", "five_deadline", "five_contingency")
FIVE_LABELS = {
    "five_measures": QT_TRANSLATE_NOOP("Finding", "整改措施"),
    "five_responsible": QT_TRANSLATE_NOOP("Finding", "责任单位/责任人"),
    "five_funds": QT_TRANSLATE_NOOP("Finding", "整改资金（元）"),
    "five_deadline": QT_TRANSLATE_NOOP("Finding", "完成时限"),
    "five_contingency": QT_TRANSLATE_NOOP("Finding", "应急预案/安全防范措施"),
}


def five_missing(finding) -> list[str]:
    """The 五到位 items not yet recorded (field names in FIVE_FIELDS order); [] when complete.

    Funds of 0 count as recorded (a purely managerial measure can cost nothing); only a blank
    entry is missing.
    """
    missing = []
    for key in FIVE_FIELDS:
        value = _get(finding, key)
        if key == "five_funds":
            if value is None or value == "":
                missing.append(key)
        elif not str(value or "").strip():
            missing.append(key)
    return missing


def five_errors(fields: Mapping) -> dict[str, str]:
    """Validate 五到位 values being saved (not completeness): field → Chinese message."""
    errs: dict[str, str] = {}
    for key in fields:
        if key not in FIVE_FIELDS:
            errs[key] = f"“{key}”不是五到位的内容，可填写：{'、'.join(FIVE_LABELS.values())}。"
    funds = fields.get("five_funds")
    if funds not in (None, ""):
        try:
            if float(funds) < 0:
                errs["five_funds"] = "整改资金不能为负数，请填写金额（元）。"
        except (TypeError, ValueError):
            errs["five_funds"] = "整改资金请填写数字（元）。"
    if fields.get("five_deadline"):
        try:
            as_date(fields["five_deadline"], FIVE_LABELS["five_deadline"])
        except ValueError as e:
            errs["five_deadline"] = str(e)
    return errs


LISTING_LABELS = {
    "listing_body": QT_TRANSLATE_NOOP("Finding", "督办单位"),
    "listing_doc_no": QT_TRANSLATE_NOOP("Finding", "督办文号"),
    "listed_on": QT_TRANSLATE_NOOP("Finding", "挂牌日期"),
    "listing_deadline": QT_TRANSLATE_NOOP("Finding", "督办期限"),
    "delisted_on": QT_TRANSLATE_NOOP("Finding", "摘牌日期"),
}


def listing_errors(*, grade: str, body: str, doc_no: str, listed_on, deadline) -> dict[str, str]:
    """Validate 挂牌督办 fields: field → Chinese message ({} when valid).

    Only 重大事故隐患 are listed (国发〔2010〕23号 [K]). The 督办文号 is optional because a
    listing is sometimes announced at a meeting before the notice is numbered.
    """
    errs: dict[str, str] = {}
    if grade != "重大":
        errs["grade"] = "只有重大事故隐患才能挂牌督办，请先将隐患定级为“重大”。"
    if not (body or "").strip():
        errs["listing_body"] = "请填写督办单位，如“江阴市安委办”。"
    try:
        listed = as_date(listed_on, "挂牌日期")
    except ValueError as e:
        errs["listed_on"] = str(e)
        listed = None
    else:
        if listed is None:
            errs["listed_on"] = "请填写挂牌日期。"
    try:
        until = as_date(deadline, "督办期限")
    except ValueError as e:
        errs["listing_deadline"] = str(e)
        until = None
    else:
        if until is None:
            errs["listing_deadline"] = "请填写督办期限。"
    if listed and until and until <= listed:
        errs["listing_deadline"] = "督办期限应晚于挂牌日期。"
    if doc_no is not None and len(str(doc_no)) > 60:
        errs["listing_doc_no"] = "督办文号过长，请核对。"
    return errs


def grade_errors(*, grade: str, major_ref: str, override_reason: str) -> dict[str, str]:
    """A grade that contradicts the checklist item's 重大隐患判定 reference needs a reason."""
    errs: dict[str, str] = {}
    if grade not in GRADES:
        errs["grade"] = "隐患等级只能是“一般”或“重大”。"
        return errs
    reason = (override_reason or "").strip()
    if grade == "重大" and not (major_ref or "").strip() and not reason:
        errs["grade_override_reason"] = "该检查项不属于重大事故隐患判定标准所列情形，定为“重大”请填写理由。"
    if grade == "一般" and (major_ref or "").strip() and not reason:
        errs["grade_override_reason"] = (
            f"该检查项属于重大事故隐患判定情形（{major_ref}），定为“一般”请填写理由。"
        )
    return errs


# ---------------------------------------------------------------------------------------------
# Quarters (the 16号令 quarterly statistics)

def quarter_of(value) -> tuple[int, int]:
    """(year, quarter 1–4) of a date."""
    d = parse_date(value)
    return d.year, (d.month - 1) // 3 + 1


def quarter_range(year: int, q: int) -> tuple[date, date]:
    """First and last day (inclusive) of quarter ``q`` of ``year``."""
    if q not in (1, 2, 3, 4):
        raise ValueError("季度只能是1至4。")
    first = date(year, 3 * (q - 1) + 1, 1)
    last = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, last - timedelta(days=1)


__all__ = [
    "STATES", "STATE_LABELS", "EVENTS", "EVENT_LABELS", "TRANSITIONS", "OPEN_STATES",
    "REINSPECTION_STATES", "DEFAULT_REINSPECTION_WINDOW_DAYS", "allowed_events", "transition",
    "as_date", "is_overdue_rectification", "reinspection_starts", "reinspection_due_by",
    "is_overdue_reinspection", "days_overdue", "GRADES", "CATEGORIES", "FIVE_FIELDS", "FIVE_LABELS",
    "five_missing", "five_errors", "LISTING_LABELS", "listing_errors", "grade_errors", "quarter_of",
    "quarter_range",
]
