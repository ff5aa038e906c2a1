"""The rules of the seven township ledgers (澄政发〔2012〕80号（四）), pure and Qt-free.

* :mod:`.quarter` — :class:`Quarter` (``2026Q4``): days, neighbours, the report due date.
* :mod:`.rules` — the data file ``resources/ledgers/rules.toml`` ([K] numbers marked there) and
  the functions over it: :func:`accident_grade` (条例第三条), :func:`certificate_dates` (expiry,
  review due, status), :func:`next_inspection` / :func:`equipment_status` (the category's
  interval), :func:`needs_safety_director`, :func:`supervisor_training_due`, :func:`mask_id`.
* :mod:`.records` — the hand-kept records (activities, equipment, people, hazard sources,
  accidents, drills and joint actions, village supervisors, referrals, enterprise quarterly
  reports) as dataclasses whose ``clean()`` validates with Chinese messages.
* :mod:`.ledgers` — the column definitions of every ledger (headers, widths, kinds).
"""

# (``rules`` stays the submodule: its function of the same name is ``rules.rules()``.)
from .quarter import Quarter
from .rules import accident_grade, certificate_dates, mask_id, next_inspection

__all__ = ["Quarter", "accident_grade", "certificate_dates", "mask_id", "next_inspection"]
