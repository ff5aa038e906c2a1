"""The two-officer rule, in one place.

行政处罚法（2021）第四十二条: 行政处罚由具有行政执法资格的执法人员实施，执法人员不得少于两人
(REFERENCE §1.6). Inspections, the first-run setup and every enforcement document apply the same
rule through :func:`require_two_officers`, so it cannot differ between screens.

An officer may be given as an id or name (text), as an object with a ``name`` (the township's
officer or a document's signer), as a mapping with ``name`` or as a ``(name, cert_no)`` pair. The
same officer named twice is still one officer: entries are told apart by their stripped text or
name, and blank ones are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LAW = "行政处罚法第四十二条：执法人员不得少于两人"


def _identity(officer: Any) -> str:
    if officer is None:
        return ""
    if isinstance(officer, str):
        return officer.strip()
    if isinstance(officer, Mapping):
        return str(officer.get("name") or "").strip()
    if isinstance(officer, (tuple, list)):
        return str(officer[0] if officer else "").strip()
    return str(getattr(officer, "name", "") or "").strip()


def distinct_officers(officers: Iterable[Any] | None) -> list[Any]:
    """The officers in order, blanks dropped and repeats of the same id or name removed."""
    seen: dict[str, Any] = {}
    for officer in officers or ():
        key = _identity(officer)
        if key and key not in seen:
            seen[key] = officer
    return list(seen.values())


def two_officers_problem(officers: Iterable[Any] | None, *, what: str,
                         who: str = "执法人员") -> str | None:
    """The Chinese message when fewer than two distinct officers are given, else None.

    ``who`` says which officers count, e.g. "持证执法人员" when only those with an enforcement
    certificate number were passed in (an officer without one is then not counted)."""
    n = len(distinct_officers(officers))
    if n >= 2:
        return None
    return (f"{what}须有至少两名{who}（{LAW}），现有{n}名，请补足；"
            "同一人填写两次只算一名。")


def require_two_officers(officers: Iterable[Any] | None, *, what: str,
                         who: str = "执法人员") -> list[Any]:
    """The distinct officers (see :func:`distinct_officers`); ValueError when fewer than two.

    ``what`` names the act in the message, e.g. "执法检查" or "执法文书".
    """
    problem = two_officers_problem(officers, what=what, who=who)
    if problem:
        raise ValueError(problem)
    return distinct_officers(officers)
