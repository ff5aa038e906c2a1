"""Township master data as plain values: villages, officers and the first-run setup."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import settings as S
from .officers import two_officers_problem
from .phones import phone_problem


@dataclass
class Village:
    name: str
    code: str = ""
    sort: int = 0
    active: bool = True  # a retired village stays for history but is no longer offered
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
        """``{field: message}`` for every field with a problem (all of them, not the first)."""
        errs = {}
        for option in SETUP_OPTIONS:
            problem = option.problem(getattr(self, option.key))
            if problem:
                errs[option.key] = problem
        problem = villages_problem(self.villages)
        if problem:
            errs["villages"] = problem
        # The two-officer rule first (the one every document depends on), then each entry's own.
        lines = [two_officers_problem([o for o in self.officers if o.name.strip()], what="执法检查")]
        lines += [f"第{i + 1}名：{msg}" for i, msg in officer_row_problems(self.officers).items()]
        if any(lines):
            errs["officers"] = "\n".join(line for line in lines if line)
        return errs


def villages_problem(lines: list[str]) -> str | None:
    """Blank lines are skipped; a village entered twice is named with its line numbers."""
    seen: dict[str, int] = {}
    names = []
    for n, line in enumerate(lines, 1):
        name = line.strip()
        if not name:
            continue
        if name in seen:
            return f"“{name}”填了两次（第{seen[name]}行和第{n}行），请删去一行。"
        if len(name) > 30:
            return f"第{n}行“{name[:12]}…”过长：村（社区）名称最多30字，每行只写一个。"
        seen[name] = n
        names.append(name)
    if not names:
        return "请至少填写一个村（社区）。"
    return None


def officer_row_problems(officers: list[Officer]) -> dict[int, str]:
    """``{index: message}`` for each officer entry (index into ``officers``) that cannot be saved:
    a missing name or certificate number, a bad phone, a name or certificate entered twice."""
    out: dict[int, str] = {}
    names: dict[str, int] = {}
    certs: dict[str, int] = {}
    for i, o in enumerate(officers):
        name, cert = o.name.strip(), o.cert_no.strip()
        if not name:
            out[i] = "请填写姓名（整行不用时请清空该行）。"
            continue
        if not cert:
            out[i] = f"请填写{name}的执法证号。"
            continue
        if name in names:
            out[i] = f"“{name}”与第{names[name] + 1}名重复；同名的两人请在姓名后加注以区分。"
            continue
        if cert in certs:
            out[i] = f"执法证号{cert}与第{certs[cert] + 1}名重复，一个证号只属于一人。"
            continue
        problem = phone_problem(o.phone, what="联系电话")
        if problem:
            out[i] = problem
            continue
        names[name] = i
        certs[cert] = i
    return out
