"""The one place that knows what "now" is.

Every rule that depends on the date (deadlines, overdue findings, the current quarter, document
years) asks this module instead of calling ``date.today()`` or ``datetime.now()``, so a test, a
benchmark or a support session can pin the calendar:

    with clock.pinned(date(2028, 2, 29)):
        ...

or for a whole process, ``INSPECTOR_TODAY=2027-01-01`` (a date, or an ISO date-time) in the
environment. A pinned date keeps the real time of day unless a date-time was given, so ordering by
timestamp still works in a pinned run.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from typing import Iterator

ENV = "INSPECTOR_TODAY"

# (pinned moment, real moment it was pinned at): time moves on from the pinned point.
_pin: tuple[datetime, datetime] | None = None


def _parse(value: str) -> datetime:
    value = value.strip()
    try:
        if "T" in value or " " in value:
            return datetime.fromisoformat(value)
        d = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{ENV} must be an ISO date such as 2027-01-01, not {value!r}") from None
    return datetime.combine(d, datetime.now().time())


def pin(moment: date | datetime | str | None) -> None:
    """Pin the clock to ``moment`` (a date keeps today's time of day); ``None`` unpins it."""
    global _pin
    if moment is None:
        _pin = None
        return
    if isinstance(moment, str):
        moment = _parse(moment)
    elif not isinstance(moment, datetime):
        moment = datetime.combine(moment, datetime.now().time())
    _pin = (moment.replace(tzinfo=None), datetime.now())


@contextmanager
def pinned(moment: date | datetime | str) -> Iterator[None]:
    """Run a block with the clock pinned; the previous pin (if any) is restored afterwards."""
    global _pin
    saved = _pin
    pin(moment)
    try:
        yield
    finally:
        _pin = saved


def is_pinned() -> bool:
    return _pin is not None


def now() -> datetime:
    """The local date-time (naive, as stored in the database)."""
    if _pin is None:
        return datetime.now()
    moment, at = _pin
    return moment + (datetime.now() - at)


def today() -> date:
    return now().date()


def now_iso(timespec: str = "seconds") -> str:
    return now().isoformat(timespec=timespec)


def start_of_day(d: date | None = None) -> datetime:
    return datetime.combine(d or today(), time.min)


def days_from_today(days: int) -> date:
    return today() + timedelta(days=days)


def week_bounds(d: date | None = None) -> tuple[date, date]:
    """Monday and Sunday of the week of ``d`` (today by default): what "this week" means."""
    d = d or today()
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


if os.environ.get(ENV):
    pin(os.environ[ENV])
