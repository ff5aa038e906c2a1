"""Every setting of a township database, declared once: key, type, default, Chinese label, checks.

Like Picard's ``options.py``: call sites name an option object (``S.REINSPECTION_WINDOW``), never a
key string, so a key is spelt in exactly one place and a default cannot drift between the screen
that edits a setting and the rule that reads it. The values live in the database's ``setting``
table (JSON per key, the keys below unchanged since the first schema); ``storage.settings`` reads
and writes them typed. This module knows nothing about storage.

Reading is lenient and writing is strict: a stored value of the wrong type reads as the default
and an integer outside its range reads as the nearest bound (an older version or a hand edit may
have left it), while :meth:`Option.check` refuses both with a Chinese message before anything is
written.

The re-inspection window and the fine limits are [K] facts in REFERENCE (not confirmed against the
official text), which is why they are settings and not constants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterator

MISSING = object()  # "not stored", unlike a stored null


@dataclass(frozen=True, eq=False)  # eq=False: options hash by identity, so they can key a dict
class Option:
    key: str
    type: type
    default: Any
    label: str                      # Chinese, as the officer reads it in messages
    required: bool = False          # an empty value is refused on write (the default may be empty)
    hint: str = ""                  # appended to the "please fill in" message
    minimum: int | None = None
    maximum: int | None = None
    validate: Callable[[Any], str | None] | None = None  # returns a Chinese problem, or None

    def from_stored(self, raw: Any = MISSING) -> Any:
        """The typed value of what the ``setting`` table holds (missing or unusable → default)."""
        if raw is MISSING or raw is None:
            return self._default()
        try:
            value = self._coerce(raw)
        except (TypeError, ValueError):
            return self._default()
        if self.type is int:
            if self.minimum is not None:
                value = max(self.minimum, value)
            if self.maximum is not None:
                value = min(self.maximum, value)
        return value

    def problem(self, value: Any) -> str | None:
        """What is wrong with ``value`` as this setting (Chinese), or None."""
        try:
            value = self._coerce(value)
        except (TypeError, ValueError):
            return f"{self.label}应为{_TYPE_NAMES.get(self.type, '正确的格式')}：“{value}”。"
        if self.required and value in ("", None, {}):
            return f"请填写{self.label}。{self.hint}"
        if self.type is int:
            low, high = self.minimum, self.maximum
            if (low is not None and value < low) or (high is not None and value > high):
                return f"{self.label}应在{low}至{high}之间，不能是{value}。"
        if self.validate is not None and value not in ("", None):
            return self.validate(value)
        return None

    def check(self, value: Any) -> Any:
        """``value`` converted to this setting's type; ValueError (Chinese) when it is not valid."""
        problem = self.problem(value)
        if problem:
            raise ValueError(problem)
        return self._coerce(value)

    def _default(self) -> Any:
        return dict(self.default) if isinstance(self.default, dict) else self.default

    def _coerce(self, value: Any) -> Any:
        if self.type is str:
            return "" if value is None else str(value).strip()
        if self.type is bool:
            if isinstance(value, str):
                if value.strip().lower() in ("1", "true", "yes"):
                    return True
                if value.strip().lower() in ("", "0", "false", "no"):
                    return False
                raise ValueError(value)
            return bool(value)
        if self.type is int:
            if isinstance(value, bool) or isinstance(value, float) and not value.is_integer():
                raise ValueError(value)
            return int(str(value).strip()) if isinstance(value, str) else int(value)
        if self.type is dict:
            if value in (None, ""):
                return {}
            if not isinstance(value, dict) or not all(
                    isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
                raise TypeError(value)
            return {k: v.strip() for k, v in value.items() if v.strip()}
        raise TypeError(f"unsupported setting type {self.type!r}")


_TYPE_NAMES = {int: "整数", bool: "是或否", str: "文字", dict: "对照表"}

REGISTRY: dict[str, Option] = {}


def register(option: Option) -> Option:
    if option.key in REGISTRY:
        raise ValueError(f"setting {option.key!r} declared twice")
    REGISTRY[option.key] = option
    return option


def option(key: str) -> Option:
    """The declared option of ``key`` (for the few places that still hold a key string)."""
    try:
        return REGISTRY[key]
    except KeyError:
        raise KeyError(f"undeclared setting {key!r}") from None


def all_options() -> Iterator[Option]:
    return iter(REGISTRY.values())


DEVICE_CODE_RULE = "设备编号由1至6位字母或数字组成，如“A1”，由县局统一分配，不得重复。"


def _device_code_problem(code: str) -> str | None:
    if code.isascii() and code.isalnum() and len(code) <= 6:
        return None
    return f"设备编号“{code}”不正确：{DEVICE_CODE_RULE}"


# --- the issuing authority and this township (first-run wizard; printed on every document) ----

AUTHORITY_NAME = register(Option("authority_name", str, "江阴市应急管理局", "执法机关全称", required=True))
AUTHORITY_ABBR = register(Option("authority_abbr", str, "澄", "文号中使用的机关简称", required=True,
                                 hint="如“澄”。"))
REVIEW_GOVERNMENT = register(Option("review_government", str, "江阴市人民政府", "行政复议机关"))
COURT = register(Option("court", str, "", "行政诉讼法院"))
BANK_NAME = register(Option("bank_name", str, "", "罚款缴纳银行"))
BANK_ACCOUNT = register(Option("bank_account", str, "", "罚款缴纳账号"))
AUTHORITY_ADDRESS = register(Option("authority_address", str, "", "执法机关地址"))
TOWNSHIP = register(Option("township", str, "", "镇（街道）名称", required=True))
TOWNSHIP_GOVERNMENT = register(Option("township_government", str, "", "镇（街道）全称"))

# Where the township's enforcement power comes from (REFERENCE §0): acting under the bureau's
# entrustment (委托, Jiangyin 2025) or by a power conferred on it in its own name (赋权). 查封、扣押
# is an administrative compulsory measure that cannot be entrusted (行政强制法第十七条), so under
# 委托 the app never offers it and tells the officer to refer it to the bureau.
POWER_ENTRUSTED = "委托"
POWER_CONFERRED = "赋权"
POWER_SOURCES = (POWER_ENTRUSTED, POWER_CONFERRED)


def _power_problem(value: str) -> str | None:
    return None if value in POWER_SOURCES else f"执法权来源应为“委托”或“赋权”，不能是“{value}”。"


AUTHORITY_POWER = register(Option("authority_power", str, POWER_ENTRUSTED, "执法权来源（委托/赋权）",
                                  required=True, validate=_power_problem))
# "我们是{…}行政执法人员" on the inspection record. Under entrustment the officers are the town's
# staff acting in the bureau's name, so the sentence must say so; required before the first record.
IDENTITY_UNIT = register(Option("identity_unit", str, "", "检查记录中执法人员的身份表述",
                                hint="受委托执法的，如“江阴市应急管理局委托的江阴市周庄镇人民政府”。"))
# 案件移送: who receives a case the township cannot finish by the simple procedure, and the
# wording of the letter. No official template was found in the sources consulted ([K]): a setting.
REFERRAL_RECIPIENT = register(Option("referral_recipient", str, "江阴市应急管理局", "案件移送接收机关"))
DEFAULT_REFERRAL_WORDING = (
    "{party}存在下列安全生产违法行为和事故隐患，经本单位于{ordered_on}责令限期整改（{order_no}），"
    "整改期限{deadline}届满后仍未整改到位：\n{items}\n"
    "该案需依照普通程序立案查处，超出本单位受委托实施的简易程序处罚范围。根据《中华人民共和国安全生产法》"
    "和《中华人民共和国行政处罚法》的有关规定，现将该案移送你局依法处理，请将处理结果函告本单位。"
    "\n移送材料：{materials}"
)
REFERRAL_WORDING = register(Option("referral_wording", str, DEFAULT_REFERRAL_WORDING, "案件移送函正文",
                                   hint="可用占位符：{party} {items} {ordered_on} {order_no} {deadline} {materials}。"))

# --- this laptop ------------------------------------------------------------------------------

# The document number series of this laptop (docs/numbering.md): handed out by the county.
DEVICE_CODE = register(Option("device_code", str, "", "设备编号", required=True, hint=DEVICE_CODE_RULE,
                              validate=_device_code_problem))
CURRENT_OFFICER = register(Option("current_officer_id", str, "", "使用本机的执法人员"))
SETUP_DONE = register(Option("setup_done", bool, False, "已完成首次设置"))

# --- rules that are settings because REFERENCE marks them [K] ---------------------------------

# 72号规定: re-inspection within (commonly) 10 days of the deadline (REFERENCE §1.4 [K]).
REINSPECTION_WINDOW = register(Option("reinspection_window_days", int, 10, "整改期满后的复查期限（天）",
                                      minimum=1, maximum=60))
# 行政处罚法第51条: on-the-spot fines up to 200 yuan (individual) / 3000 yuan (organisation) [K].
MAX_FINE_INDIVIDUAL = register(Option("max_fine_individual", int, 200, "当场处罚罚款上限（个人，元）",
                                      minimum=0, maximum=100000))
MAX_FINE_UNIT = register(Option("max_fine_unit", int, 3000, "当场处罚罚款上限（单位，元）",
                                minimum=0, maximum=1000000))
# Firms of at most this many people are inspected with the focused checklist by default
# (core/scope.py); the officer can still choose the full one. A local practice, not a rule.
FOCUSED_MAX_EMPLOYEES = register(Option("focused_inspection_max_employees", int, 20,
                                        "默认重点检查的企业从业人数上限（人）", minimum=0, maximum=100000))
# 代字 per document kind overriding core.documents.DOC_CODES (post-2018 codes partly unknown).
DOC_CODES = register(Option("doc_codes", dict, {}, "文书代字"))

# --- backups (storage/backup.py, docs/backup.md) ---------------------------------------------

# The folder the officer last backed up to (a USB stick); automatic backups go next to the data.
BACKUP_DIR = register(Option("backup_dir", str, "", "备份文件夹"))
AUTO_BACKUP = register(Option("auto_backup", bool, True, "每天自动备份"))
# Rotation of the automatic backups: the newest of each of the last N days and of M weeks.
BACKUP_KEEP_DAILY = register(Option("backup_keep_daily", int, 7, "保留每日自动备份（份）", minimum=1, maximum=60))
BACKUP_KEEP_WEEKLY = register(Option("backup_keep_weekly", int, 4, "保留每周自动备份（份）", minimum=0, maximum=52))
# Remind the officer when the last backup to another disk is older than this.
BACKUP_REMIND_DAYS = register(Option("backup_remind_days", int, 7, "备份提醒间隔（天）", minimum=1, maximum=90))
# --- access (ui/access, docs/encryption.md) ----------------------------------------------------
# The window locks (content hidden) after this many minutes without a key or mouse press; 0 never.
IDLE_LOCK_MINUTES = register(Option("idle_lock_minutes", int, 15, "无操作自动锁定（分钟，0为不锁定）",
                                    minimum=0, maximum=480))
LAST_BACKUP_AT = register(Option("last_backup_at", str, "", "上次备份时间"))
LAST_BACKUP_PATH = register(Option("last_backup_path", str, "", "上次备份文件"))

# What documents print about the authority and the township, in the order Settings shows them.
AUTHORITY = (AUTHORITY_NAME, AUTHORITY_ABBR, REVIEW_GOVERNMENT, COURT, BANK_NAME, BANK_ACCOUNT,
             AUTHORITY_ADDRESS, TOWNSHIP, TOWNSHIP_GOVERNMENT, DEVICE_CODE, CURRENT_OFFICER,
             AUTHORITY_POWER, IDENTITY_UNIT, REFERRAL_RECIPIENT)
