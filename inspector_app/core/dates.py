"""Reading dates and date-times typed by an officer or stored as ISO text: one parser, one message.

Accepted: a ``date``/``datetime`` object, or ISO text (``2026-03-15``, ``2026-03-15 09:30``,
``2026-03-15T09:30:00+08:00``). A date given where a date-time is wanted means its midnight; a
date-time given where a date is wanted means its day. Every failure is a ``ValueError`` whose
Chinese message names the field (``what``), repeats the value and shows the expected form.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

DATE_EXAMPLE = "2026-03-15"
DATETIME_EXAMPLE = "2026-03-15 09:30"


def bad_format(what: str, value: Any, example: str = DATE_EXAMPLE) -> ValueError:
    """The one message for a value that is not a date (or date-time) of the expected form."""
    return ValueError(f"{what}格式不正确：“{value}”，请按“{example}”的格式填写。")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def as_date(value: Any, what: str = "日期") -> date | None:
    """``value`` as a date; ``None`` or blank text → ``None``."""
    if _empty(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise bad_format(what, value) from None


def parse_date(value: Any, what: str = "日期") -> date:
    """``value`` as a date; blank is an error too ("请填写…")."""
    d = as_date(value, what)
    if d is None:
        raise ValueError(f"请填写{what}。")
    return d


def as_datetime(value: Any, what: str = "时间") -> datetime | None:
    """``value`` as a date-time (zone kept if given); ``None`` or blank text → ``None``."""
    if _empty(value):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise bad_format(what, value, DATETIME_EXAMPLE) from None


def parse_datetime(value: Any, what: str = "时间") -> datetime:
    """``value`` as a date-time; blank is an error too ("请填写…")."""
    t = as_datetime(value, what)
    if t is None:
        raise ValueError(f"请填写{what}。")
    return t


def local_naive(value: Any, what: str = "时间") -> datetime:
    """``value`` as local wall-clock time without zone (how times are printed and shown)."""
    t = parse_datetime(value, what)
    return t.astimezone().replace(tzinfo=None) if t.tzinfo is not None else t


def check_iso(value: Any, what: str) -> str:
    """ISO text of ``value`` as given (date, or date-time to the second), after checking it parses.

    Text is kept verbatim so a stored time keeps its zone and precision.
    """
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    parse_date(text, what)  # the day must lead, since callers take text[:10] as the date
    if len(text) > 10:
        as_datetime(text, what)
    return text
