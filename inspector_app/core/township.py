"""Township master data as plain values: villages, officers and the first-run setup."""

from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass
class TownshipSetup:
    """Everything the first-run wizard asks for."""

    authority_name: str = "江阴市应急管理局"
    authority_abbr: str = "澄"
    review_government: str = "江阴市人民政府"
    court: str = ""
    township: str = ""
    township_government: str = ""
    device_code: str = ""
    villages: list[str] = field(default_factory=list)
    officers: list[Officer] = field(default_factory=list)

    def errors(self) -> dict[str, str]:
        errs = {}
        if not self.authority_name.strip():
            errs["authority_name"] = "请填写执法机关全称。"
        if not self.authority_abbr.strip():
            errs["authority_abbr"] = "请填写文号中使用的机关简称，如“澄”。"
        if not self.township.strip():
            errs["township"] = "请填写镇（街道）名称。"
        code = self.device_code.strip()
        if not code or not code.isalnum() or len(code) > 6 or not code.isascii():
            errs["device_code"] = "设备编号由1至6位字母或数字组成，如“A1”，由县局统一分配，不得重复。"
        if not [v for v in self.villages if v.strip()]:
            errs["villages"] = "请至少填写一个村（社区）。"
        valid = [o for o in self.officers if o.name.strip()]
        if len(valid) < 2:
            errs["officers"] = "执法检查须两名以上执法人员，请至少填写两名。"
        elif any(not o.cert_no.strip() for o in valid):
            errs["officers"] = "每名执法人员都需要填写执法证号。"
        return errs


