"""The immutability of legal records, declared once and turned into SQL triggers.

``PROTECTED`` lists, per table, when a row is a legal record and which columns it then prints or
depends on. :func:`trigger_sql` generates every trigger from it, the migrations install them with
:func:`install_triggers`, ``storage.verify`` checks that the installed SQL is exactly the
generated SQL, and the tests are generated from the same list, so a column added here is
protected, checked and tested at once. Changing this list needs a new migration that calls
:func:`install_triggers` again (old migrations are never edited).

Each protected table gets four triggers:

* ``BEFORE UPDATE``: a protected row's protected columns never change; a column group frozen
  "once set" (a document's service, a void) never changes after it was set; an update may not
  collide on a unique key with another protected row (``UPDATE OR REPLACE`` would delete it);
* ``BEFORE DELETE``: a protected row is never deleted;
* ``BEFORE INSERT``: ``INSERT OR REPLACE`` deletes the conflicting row WITHOUT firing DELETE
  triggers (unless ``PRAGMA recursive_triggers`` is on), so the insert itself is refused when it
  would replace a protected row by anything but an exact copy of its legal content (an identical
  re-insert, e.g. a bundle imported twice, stays harmless); and a new child row of a finalised
  record (an answer, a photo, a finding) is refused unless the guard allows it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

TRIGGER_PREFIX = "protect_"


@dataclass(frozen=True)
class Guard:
    table: str
    # SQL over the row alias ``{r}``: true when the row is a legal record.
    when: str
    columns: tuple[str, ...]
    message: str
    # (condition over the OLD row, columns frozen once it holds)
    once_set: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # unique keys other than ``id`` (what INSERT/UPDATE OR REPLACE could collide on)
    unique: tuple[tuple[str, ...], ...] = ()
    # the guard follows a parent row: moving a row INTO a finalised parent is refused too
    check_new: bool = False
    # SQL over NEW: a new row of a finalised parent that is nevertheless allowed
    insert_allowed: str | None = None
    delete_message: str = ""

    def cond(self, alias: str) -> str:
        return "(" + self.when.format(r=alias) + ")"

    @property
    def all_columns(self) -> tuple[str, ...]:
        seen = list(self.columns)
        for _, cols in self.once_set:
            seen += [c for c in cols if c not in seen]
        return tuple(seen)


_FINAL_PARENT = "(SELECT status FROM inspection WHERE id = {r}.inspection_id) = 'final'"

PROTECTED: tuple[Guard, ...] = (
    Guard(
        table="document",
        when="1",  # every document row is an issued legal document
        columns=("id", "kind", "doc_no", "series", "year", "seq", "enterprise_id", "inspection_id",
                 "issued_at", "content", "supersedes_id", "deleted"),
        once_set=(
            ("OLD.status = 'void'", ("status", "void_reason", "voided_at")),
            ("OLD.served_at <> ''", ("served_at", "served_how", "service_refused", "service_note",
                                     "served_place", "served_to", "served_by")),
        ),
        unique=(("doc_no",), ("series", "kind", "year", "seq")),
        message="已出具的执法文书不可修改、删除或隐藏；如需更正请出具新文书，如需作废请登记作废原因。",
        delete_message="已出具的执法文书不可删除；如需作废请登记作废原因。",
    ),
    Guard(
        table="inspection",
        when="{r}.status = 'final'",
        columns=("id", "enterprise_id", "kind", "place", "purpose", "started_at", "ended_at", "officer_ids",
                 "status", "finalised_at", "checklist_snapshot", "onsite_person", "onsite_person_title",
                 "onsite_person_phone", "refused_to_sign", "refusal_note", "witness", "witness_id_no",
                 "summary", "scope", "deleted"),
        message="检查已定稿，检查记录不可修改、删除或隐藏。",
    ),
    Guard(
        table="inspection_answer",
        when=_FINAL_PARENT,
        columns=("id", "inspection_id", "item_key", "answer", "value_num", "value_text", "note", "deleted"),
        unique=(("inspection_id", "item_key"),),
        check_new=True,
        message="检查已定稿，不可修改检查结果。",
    ),
    Guard(
        table="photo",
        when=_FINAL_PARENT,
        columns=("id", "sha256", "mime", "width", "height", "inspection_id", "item_key", "finding_id", "kind",
                 "caption", "photographer", "taken_at", "deleted"),
        check_new=True,
        # Rectification and re-inspection photos of a finding may still name the inspection.
        insert_allowed="NEW.kind IN ('整改', '复查')",
        message="检查已定稿，检查记录中的照片不可更换、删除或补充；整改照片请在隐患整改中添加。",
    ),
    Guard(
        table="finding",
        when=_FINAL_PARENT,
        columns=("id", "enterprise_id", "inspection_id", "item_key", "description", "location", "category",
                 "grade", "major_ref", "grade_override_reason", "legal_basis", "requirement", "found_on",
                 "deleted"),
        check_new=True,
        message="检查已定稿，检查记录中登记的隐患不可修改、删除或补充。",
    ),
    Guard(
        # A suspension lifted by a passed resumption review (复产审查) or by the voiding of its
        # decision is final, like an issued document; an open one still takes its reviews.
        table="suspension",
        when="{r}.resumed_on <> ''",
        columns=("id", "enterprise_id", "document_id", "scope", "started_on", "review_on", "review_passed",
                 "review_note", "review_officers", "review_document_id", "resumed_on", "deleted"),
        message="复产审查已登记通过（或停产决定已作废），该停产整改记录不可修改、删除。",
    ),
    Guard(
        # Every resumption review (复产审查) is a legal record once written: who reviewed, when,
        # the result and the rectification evidence never change (a later review is a new row).
        table="resumption_review",
        when="1",
        columns=("id", "suspension_id", "reviewed_on", "passed", "reviewers", "evidence", "opinion", "document_id",
                 "deleted"),
        message="复产审查记录不可修改、删除；如需重新审查请另行登记。",
    ),
    Guard(
        table="audit_log",
        when="1",
        columns=("seq", "at", "device", "action", "record_kind", "record_id", "content_sha256", "prev_hash",
                 "hash"),
        message="审计记录只能追加，不可修改或删除。",
    ),
)


def guard(table: str) -> Guard:
    for g in PROTECTED:
        if g.table == table:
            return g
    raise KeyError(table)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _differs(cols, a: str = "NEW", b: str = "OLD") -> str:
    return " OR ".join(f"{a}.{_q(c)} IS NOT {b}.{_q(c)}" for c in cols)


def _key(g: Guard) -> str:
    return "seq" if g.table == "audit_log" else "id"


def _collides(g: Guard, other: str) -> str:
    """NEW collides with the row ``other`` on the primary or another unique key."""
    keys = [(_key(g),), *g.unique]
    return " OR ".join("(" + " AND ".join(f"{other}.{_q(c)} = NEW.{_q(c)}" for c in key) + ")" for key in keys)


def trigger_sql(g: Guard) -> dict[str, str]:
    """name → CREATE TRIGGER statement, for one guard."""
    t, msg = _q(g.table), _sql_str(g.message)
    key = _key(g)
    changed = [f"({g.cond('OLD')}{' OR ' + g.cond('NEW') if g.check_new else ''}) AND ({_differs(g.columns)})"]
    for cond, cols in g.once_set:
        changed.append(f"({cond}) AND ({_differs(cols)})")
    # UPDATE OR REPLACE onto another protected row's key
    changed.append(f"EXISTS (SELECT 1 FROM {t} o WHERE ({_collides(g, 'o')}) AND o.{_q(key)} IS NOT OLD.{_q(key)}"
                   f" AND {g.cond('o')})")
    update = (f"CREATE TRIGGER {_q(TRIGGER_PREFIX + g.table + '_update')} BEFORE UPDATE ON {t}\n"
              f"WHEN " + "\n  OR ".join(f"({c})" for c in changed) + "\n"
              f"BEGIN SELECT RAISE(ABORT, {msg}); END")
    delete = (f"CREATE TRIGGER {_q(TRIGGER_PREFIX + g.table + '_delete')} BEFORE DELETE ON {t}\n"
              f"WHEN {g.cond('OLD')}\n"
              f"BEGIN SELECT RAISE(ABORT, {_sql_str(g.delete_message or g.message)}); END")
    same = " AND ".join(f"o.{_q(c)} IS NEW.{_q(c)}" for c in g.all_columns)
    replaces = (f"EXISTS (SELECT 1 FROM {t} o WHERE ({_collides(g, 'o')}) AND {g.cond('o')}"
                f" AND NOT (o.{_q(key)} = NEW.{_q(key)} AND {same}))")
    insert_conds = [replaces]
    if g.check_new:
        allowed = f" AND NOT ({g.insert_allowed})" if g.insert_allowed else ""
        # An exact copy of an existing row is the idempotent re-insert, not a new child.
        insert_conds.append(f"{g.cond('NEW')}{allowed} AND NOT EXISTS (SELECT 1 FROM {t} o "
                            f"WHERE o.{_q(key)} = NEW.{_q(key)} AND {same})")
    insert = (f"CREATE TRIGGER {_q(TRIGGER_PREFIX + g.table + '_insert')} BEFORE INSERT ON {t}\n"
              f"WHEN " + "\n  OR ".join(f"({c})" for c in insert_conds) + "\n"
              f"BEGIN SELECT RAISE(ABORT, {msg}); END")
    return {
        TRIGGER_PREFIX + g.table + "_update": update,
        TRIGGER_PREFIX + g.table + "_delete": delete,
        TRIGGER_PREFIX + g.table + "_insert": insert,
    }


def expected_triggers() -> dict[str, str]:
    out: dict[str, str] = {}
    for g in PROTECTED:
        out.update(trigger_sql(g))
    return out


# Triggers of the first schema that the generated ones replace.
SUPERSEDED_TRIGGERS = ("document_immutable", "document_no_delete", "inspection_final_immutable",
                       "inspection_answer_final", "inspection_answer_final_ins")


def install_triggers(conn) -> None:
    """(Re)create every protection trigger from ``PROTECTED`` (inside the caller's transaction)."""
    for name in SUPERSEDED_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {_q(name)}")
    existing = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", [TRIGGER_PREFIX + "%"])]
    for name in existing:
        conn.execute(f"DROP TRIGGER {_q(name)}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for g in PROTECTED:
        # An old database is upgraded migration by migration: a guard's table or column that a
        # later migration adds does not exist yet here, and a trigger naming it would fail. That
        # later migration calls this again, so the last one installs the full declared set.
        if g.table not in tables:
            continue
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({_q(g.table)})")}
        g = replace(g, columns=tuple(c for c in g.columns if c in have),
                    once_set=tuple((cond, tuple(c for c in cols if c in have)) for cond, cols in g.once_set),
                    unique=tuple(u for u in g.unique if set(u) <= have))
        for sql in trigger_sql(g).values():
            conn.execute(sql)


@functools.lru_cache(maxsize=1)
def app_triggers() -> dict[str, str]:
    """Every trigger this version's migrations create (name → SQL): the generated protection
    triggers and those other rooms declare in their migrations (e.g. a closed ledger quarter).
    Read once from a fresh in-memory database, so no second list can drift from the migrations."""
    from . import open_memory  # storage's own entry point; imported late (it imports this module)

    s = open_memory(device="X")
    try:
        return {name: sql for name, sql in s.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    finally:
        s.close()


def same_sql(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def trigger_problems(conn) -> list[str]:
    """Triggers that are missing or differ from the ones this version creates (Chinese)."""
    have = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    problems = []
    for name, sql in app_triggers().items():
        if name not in have:
            problems.append(f"保护触发器“{name}”缺失：相关记录可被直接改写。")
        elif not same_sql(have[name], sql):
            problems.append(f"保护触发器“{name}”已被改动，与本软件声明的不一致。")
    return problems


__all__ = ["Guard", "PROTECTED", "TRIGGER_PREFIX", "app_triggers", "expected_triggers", "same_sql", "guard", "install_triggers",
           "trigger_problems", "trigger_sql"]
