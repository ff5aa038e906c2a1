"""Township master data as plain values: villages, officers and the first-run setup."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import settings as S
from .officers import two_officers_problem


@dataclass
class Village:
    name: str
    code: str = ""
    sort: int = 0
    id: str | None = None


@dataclass
class Officer:
    name: str
    cert_no: str = ""
    unit: str = ""
    phone: str = ""
    active: bool = True
    id: str | None = None


# The settings the first-run wizard asks for (TownshipSetup has one field per key).
SETUP_OPTIONS = (S.AUTHORITY_NAME, S.AUTHORITY_ABBR, S.REVIEW_GOVERNMENT, S.COURT, S.TOWNSHIP,
                 S.TOWNSHIP_GOVERNMENT, S.DEVICE_CODE)


@dataclass
class TownshipSetup:
    """Everything the first-run wizard asks for."""

    # Field names are the setting keys (core.settings), which storage.township.apply_setup relies on.
    authority_name: str = S.AUTHORITY_NAME.default
    authority_abbr: str = S.AUTHORITY_ABBR.default
    review_government: str = S.REVIEW_GOVERNMENT.default
    court: str = S.COURT.default
    township: str = S.TOWNSHIP.default
    township_government: str = S.TOWNSHIP_GOVERNMENT.default
    device_code: str = S.DEVICE_CODE.default
    villages: list[str] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)

    def errors(self) -> dict[str, str]:
        errs = {}
        for option in SETUP_OPTIONS:
            problem = option.problem(getattr(self, option.key))
            if problem:
                errs[option.key] = problem
        if not [v for v in self.villages if v.strip()]:
            errs["villages"] = "请至少填写一个村（社区）。"
        valid = [o for o in self.officers if o.name.strip()]
        problem = two_officers_problem(valid, what="执法检查")
        if problem:
            errs["officers"] = problem
        elif any(not o.cert_no.strip() for o in valid):
            errs["officers"] = "每名执法人员都需要填写执法证号。"
        return errs


