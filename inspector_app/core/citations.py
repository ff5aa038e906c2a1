"""What counts as a legal citation on an enforcement document.

A 责令限期整改指令书 item must rest on a law, regulation, rule or standard. A policy document
(规范性文件) such as 澄政发〔2012〕80号 may be cited beside it, never alone.
"""

from __future__ import annotations

import re

_STANDARD_RE = re.compile(r"(?<![A-Za-z])(GB|GB/T|GBZ|AQ|AQ/T|TSG|JGJ|DB\d*|DGJ\d*)\s*[/T]*\s*\d", re.I)
_DOC_NUMBER_RE = re.compile(r"〔\d{4}〕\s*\d+\s*号|\[\d{4}\]\s*\d+\s*号")
_NAMED_NORM_RE = re.compile(r"《[^》]*(法|条例|规定|办法|规则|细则|标准|规范|规程)》")
_LAW_NAME_RE = re.compile(r"《[^》]*((?<![办方])法|条例)》")
_BARE_LAW_RE = re.compile(r"[\u4e00-\u9fff](?<![办方做说无])(法|条例)(第[一二三四五六七八九十百零〇\d]+条|$|[；;，,、（(])")


def cites_binding_norm(text: str) -> bool:
    """True when ``text`` cites a law, regulation, rule or standard — not only a policy document.

    A 规范性文件 such as 澄政发〔2012〕80号 or 安监总管三〔2010〕186号 may stand beside the law
    but never alone (it cannot found an order). Checked per citation (split on ；;): a standard
    code (GB, AQ, TSG…), a ministerial order (令第N号), a 《…法/条例》, or a 《…规定/办法…》 that is
    not itself numbered like a policy document (〔年〕N号).
    """
    for part in re.split(r"[；;]", text or ""):
        part = part.strip()
        if not part:
            continue
        if _STANDARD_RE.search(part) or "令第" in part:
            return True
        if _LAW_NAME_RE.search(part) or _BARE_LAW_RE.search(part):
            return True
        if _NAMED_NORM_RE.search(part) and not _DOC_NUMBER_RE.search(part):
            return True
    return False


