"""Quarter arithmetic for the township ledgers (澄政发〔2012〕80号（四）: updated every quarter)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import parse_date

_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*[-_ ]?\s*[Qq季]?\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter, written ``2026Q4`` (the CLI argument and the snapshot key)."""

    year: int
    q: int

    def __post_init__(self):
        if self.q not in (1, 2, 3, 4):
            raise ValueError("季度只能是1至4。")
        if not 2000 <= self.year <= 2100:
            raise ValueError(f"年份“{self.year}”不在2000至2100之间，请核对。")

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str | "Quarter") -> "Quarter":
        """``2026Q4``, ``2026-Q4``, ``2026 4`` or ``2026季4`` → Quarter; a Chinese ValueError otherwise."""
        if isinstance(text, Quarter):
            return text
        m = _QUARTER_RE.match(str(text or ""))
        if not m:
            raise ValueError(f"季度“{text}”格式不正确，请写成“2026Q4”（年份加Q加1至4）。")
        return cls(int(m.group(1)), int(m.group(2)))

    @classmethod
    def of(cls, value) -> "Quarter":
        d = parse_date(value)
        return cls(d.year, (d.month - 1) // 3 + 1)

    # --- days -----------------------------------------------------------------------------

    @property
    def first(self) -> date:
        return date(self.year, 3 * (self.q - 1) + 1, 1)

    @property
    def last(self) -> date:
        return self.next().first - timedelta(days=1)

    def contains(self, value) -> bool:
        d = parse_date(value)
        return self.first <= d <= self.last

    def as_of(self, today: date) -> date:
        """The day the quarter's figures are counted at: its last day, or today while it runs."""
        return min(self.last, today)

    # --- neighbours -----------------------------------------------------------------------

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.q == 4 else Quarter(self.year, self.q + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.q == 1 else Quarter(self.year, self.q - 1)

    def same_last_year(self) -> "Quarter":
        return Quarter(self.year - 1, self.q)

    def year_start(self) -> date:
        return date(self.year, 1, 1)

    # --- deadlines ------------------------------------------------------------------------

    def report_due(self, due_day: int = 15) -> date:
        """The enterprises' quarterly hidden-danger report is due by this day (16号令 第十四条:
        下一季度15日前 [K]; ``due_day`` comes from the rules data)."""
        return self.next().first.replace(day=int(due_day))

    def close_reminder_from(self, days: int = 14) -> date:
        """From this day on an unclosed quarter is a reminder on Today."""
        return self.last + timedelta(days=int(days))

    # --- text -----------------------------------------------------------------------------

    def __str__(self) -> str:
        return f"{self.year}Q{self.q}"

    @property
    def label(self) -> str:
        return f"{self.year}年第{'一二三四'[self.q - 1]}季度"


__all__ = ["Quarter"]
