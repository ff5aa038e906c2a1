#!/usr/bin/env python3
"""Break each protected rule once, in a copy of the repository, and check that a test notices.

Not part of CI (a full run takes a few minutes). Usage, from the repository root:

    .venv/bin/python scripts/mutation_check.py              # every mutation, its own test subset
    .venv/bin/python scripts/mutation_check.py --all-tests  # the whole suite for each mutation
    .venv/bin/python scripts/mutation_check.py -k cash -v   # mutations whose rule mentions "cash"
    .venv/bin/python scripts/mutation_check.py --list

Each mutation names the rule it breaks, a snippet that occurs exactly once in the package and its
replacement. The file is found by searching ``inspector_app/`` for the snippet (never by a fixed
path: modules move). A mutation is *killed* when pytest fails on the broken copy, *survived* when
the tests still pass; a snippet that is missing or ambiguous is an ERROR (update the list).

The exit status is 0 only when every mutation was killed. ``--markdown`` prints the result table
that docs/testing.md keeps from the last run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "inspector_app"


@dataclass(frozen=True)
class Mutation:
    rule: str
    find: str
    replace: str
    tests: tuple[str, ...] = ("tests/core", "tests/storage", "tests/reports")
    name: str = field(default="", compare=False)  # trigger mutations: "trigger:column"


# Test subsets per area (a missing path is dropped; nothing left means the whole suite).
USCC = ("tests/core/test_uscc.py",)
FINES = ("tests/core/test_fine_limits.py", "tests/storage/test_fine_limits_store.py",
         "tests/storage/test_documents_store.py")
OFFICERS = ("tests/storage/test_two_officer_rule.py", "tests/storage/test_inspections_store.py",
            "tests/storage/test_documents_store.py")
RECORDS = ("tests/storage/test_corrections_and_voids.py", "tests/storage/test_protected_columns.py",
           "tests/storage/test_documents_store.py", "tests/storage/test_inspections_store.py")
DEADLINES = ("tests/storage/test_documents_store.py", "tests/core/test_findings_lifecycle.py",
             "tests/reports/test_pdf_documents.py")

MUTATIONS: list[Mutation] = [
    # --- credit codes (GB 32100-2015 / GB 11714) --------------------------------------------------
    Mutation("credit code: two letters swapped in the 31-character alphabet (T/U)",
             '"0123456789ABCDEFGHJKLMNPQRTUWXY"', '"0123456789ABCDEFGHJKLMNPQRUTWXY"', USCC),
    Mutation("credit code: two letters swapped in the alphabet (A/B)",
             '"0123456789ABCDEFGHJKLMNPQRTUWXY"', '"0123456789BACDEFGHJKLMNPQRTUWXY"', USCC),
    Mutation("credit code: check-character weights (3^i mod 31) wrong",
             "[pow(3, i, 31) for i in range(17)]", "[pow(3, i, 29) for i in range(17)]", USCC),
    Mutation("credit code: check character computed as total mod 31 instead of its complement",
             "ALPHABET[(31 - total % 31) % 31]", "ALPHABET[total % 31]", USCC),
    Mutation("credit code: region (positions 3-8) need not be digits",
             "if not code[2:8].isdigit():", "if False:", USCC),
    Mutation("credit code: I O Z S V accepted",
             'bad = sorted({c for c in code if c not in _VALUE})', 'bad = []', USCC),
    Mutation("organisation code (GB 11714): two weights swapped",
             "weights = (3, 7, 9, 10, 5, 8, 4, 2)", "weights = (3, 7, 9, 10, 5, 8, 2, 4)", USCC),
    Mutation("organisation code (GB 11714): remainder 10 written as 0 instead of X",
             '{10: "X", 11: "0"}', '{10: "0", 11: "0"}', USCC),

    # --- fines: simple procedure and cash on the spot (行政处罚法第51、68条) -------------------------
    Mutation("cash collection limit 100 yuan raised to 1,000",
             "ONSITE_CASH_LIMIT = 100 ", "ONSITE_CASH_LIMIT = 1000 ", FINES),
    Mutation("cash collection: exactly 100 yuan refused (boundary)",
             "self.amount > ONSITE_CASH_LIMIT", "self.amount >= ONSITE_CASH_LIMIT", FINES),
    Mutation("cash collection: exception for fines hard to collect later removed",
             "> ONSITE_CASH_LIMIT and not self.hard_to_enforce:", "> ONSITE_CASH_LIMIT:", FINES),
    Mutation("cash collection: rule skipped for 'warning and fine'",
             'if fines and self.payment == "当场缴纳"', 'if self.penalty == "罚款" and self.payment == "当场缴纳"',
             FINES),
    Mutation("simple procedure: fine equal to the limit refused (boundary)",
             "if self.amount > limit:", "if self.amount >= limit:", FINES),
    Mutation("simple procedure: individuals get the unit limit",
             'limit = max_fine_unit if self.variant == "unit" else max_fine_individual',
             "limit = max_fine_unit", FINES),
    Mutation("simple procedure: default limit for individuals 200 raised",
             'MAX_FINE_INDIVIDUAL = register(Option("max_fine_individual", int, 200,',
             'MAX_FINE_INDIVIDUAL = register(Option("max_fine_individual", int, 2000,', FINES),
    Mutation("simple procedure: default limit for units 3,000 raised",
             'MAX_FINE_UNIT = register(Option("max_fine_unit", int, 3000,',
             'MAX_FINE_UNIT = register(Option("max_fine_unit", int, 30000,', FINES),
    Mutation("simple procedure: the stored limit settings ignored (defaults always used)",
             "max_fine_individual=settings.get(store, S.MAX_FINE_INDIVIDUAL),\n"
             "        max_fine_unit=settings.get(store, S.MAX_FINE_UNIT),",
             "max_fine_individual=DEFAULT_MAX_FINE_INDIVIDUAL,\n"
             "        max_fine_unit=DEFAULT_MAX_FINE_UNIT,", FINES),
    Mutation("simple procedure: penalties other than warning/fine allowed",
             'if self.penalty not in PENALTY_TYPES:', 'if False:', FINES),

    # --- two officers (行政处罚法第42条, 安全生产法): core/officers.py and every entry point ---------
    Mutation("two-officer rule: one officer is enough (the shared rule, core/officers.py)",
             "    if n >= 2:\n        return None", "    if n >= 1:\n        return None", OFFICERS),
    Mutation("two-officer rule: the same officer named twice counts as two (core/officers.py)",
             "n = len(distinct_officers(officers))",
             "n = len([o for o in officers or () if _identity(o)])", OFFICERS),
    Mutation("two-officer rule: enforcement documents skip the rule (core content check)",
             '    if enforcement:\n        require_two_officers(officers, what="执法文书")',
             '    if False:\n        require_two_officers(officers, what="执法文书")', OFFICERS),
    Mutation("two-officer rule: officers without a certificate number accepted (core content check)",
             "missing = [o.name for o in officers if o.name.strip() and not o.cert_no.strip()]",
             "missing = []", OFFICERS),
    Mutation("two-officer rule: storage's second check disabled (issuing a document)",
             "    if kind in docs.ENFORCEMENT_KINDS:\n        require_two_officers(",
             "    if False:\n        require_two_officers(", OFFICERS),
    Mutation("two-officer rule: storage counts officers without a certificate (issuing a document)",
             "require_two_officers([o for o in content.officers if o.cert_no.strip()], what=\"执法文书\",",
             "require_two_officers(list(content.officers), what=\"执法文书\",", OFFICERS),
    Mutation("two-officer rule: an inspection may start (or be edited) with one officer",
             'ids = require_two_officers(officer_ids, what="执法检查")',
             "ids = list(dict.fromkeys(i for i in officer_ids if i))", OFFICERS),
    Mutation("two-officer rule: an inspection's officers may be edited down to one",
             'values[key] = json.dumps(_check_officers(store, value))',
             'values[key] = json.dumps(list(value or []))', OFFICERS),
    Mutation("two-officer rule: the township may be set up with one officer",
             'lines = [two_officers_problem([o for o in self.officers if o.name.strip()], what="执法检查")]',
             "lines = [None]", OFFICERS + ("tests/core/test_officers.py", "tests/storage/test_township_edits.py", "tests/ui/test_setup_wizard.py")),
    Mutation("two-officer rule: an officer may be deactivated leaving fewer than two",
             "        if len(others) < 2:\n            raise ValueError(f\"停用",
             "        if False:\n            raise ValueError(f\"停用",
             ("tests/storage/test_township_edits.py", "tests/core/test_officers.py", "tests/ui/test_settings_dialog.py")),
    Mutation("two-officer rule: the inspection dialogs accept one ticked officer",
             "    if len(distinct_officers(picker.checked_ids())) < 2:\n        return",
             "    if False:\n        return", ("tests/ui/inspection",)),

    # --- corrections and voids ------------------------------------------------------------------
    Mutation("correction may name another enterprise",
             "if (old[2] or None) != (enterprise_id or None):", "if False:", RECORDS),
    Mutation("correction of a void document allowed",
             'if old[1] == "void":', "if False:", RECORDS),
    Mutation("correction may change the kind of document",
             "if old[0] != kind:", "if False:", RECORDS),
    Mutation("a document may be corrected twice (two successors)",
             "if later:\n                raise", "if False:\n                raise", RECORDS),
    Mutation("void hands its number back for reuse",
             'change = {"status": "void", "void_reason": reason.strip(), "voided_at": now_iso()}',
             'store.conn.execute("UPDATE doc_seq SET last = last - 1 WHERE series = ? AND kind = ? '
             'AND year = ?", [row["series"], row["kind"], row["year"]])\n'
             '        change = {"status": "void", "void_reason": reason.strip(), "voided_at": now_iso()}',
             RECORDS),
    Mutation("void without a reason accepted",
             'if not (reason or "").strip():\n        raise ValueError("请填写作废原因。")',
             'if False:\n        raise ValueError("请填写作废原因。")', RECORDS),
    Mutation("a void document may be served",
             'if row["status"] == "void":\n            raise ValueError(f"文书{row[\'doc_no\']}已作废，无需送达。")',
             'if False:\n            raise ValueError(f"文书{row[\'doc_no\']}已作废，无需送达。")', RECORDS),
    Mutation("service dated before the issue date accepted",
             'if cols["served_at"][:10] < issued_at[:10]:', "if False:", RECORDS),
    # The triggers are generated from storage/protect.py: one mutation per protected column and
    # per guard is generated below (trigger_mutations); these break the rest of its logic.
    Mutation("document: a void document may be revived (void no longer frozen once set)",
             """("OLD.status = 'void'", ("status", "void_reason", "voided_at")),""", "", RECORDS),
    Mutation("document: a recorded service may be rewritten",
             """("OLD.served_at <> ''", ("served_at", "served_how", "service_refused", "service_note",""",
             """("0", ("served_at", "served_how", "service_refused", "service_note",""",
             RECORDS + ("tests/storage/trust",)),
    Mutation("finalised inspection: problem photos may be added after finalising",
             """insert_allowed="NEW.kind IN ('整改', '复查')",""", """insert_allowed="1",""",
             RECORDS + ("tests/storage/trust",)),

    # --- deadlines -------------------------------------------------------------------------------
    Mutation("order: item deadline before the issue date accepted",
             "if it.deadline < self.issued_on:\n                raise ValueError(f\"第{i}项的整改期限（{cn_date(it.deadline)}）早于下达日期",
             "if False:\n                raise ValueError(f\"第{i}项的整改期限（{cn_date(it.deadline)}）早于下达日期",
             DEADLINES),
    Mutation("finding overdue on its deadline day (boundary)",
             "return deadline is not None and as_date(today) > deadline",
             "return deadline is not None and as_date(today) >= deadline", DEADLINES),
]

# One mutation per column that storage/protect.py protects, and one per guard that stops guarding,
# generated from that declaration (a column added there gets its mutation without editing this
# list). Each replaces one Guard(...) block of protect.py, which is unique text.
RECORDS_ALL = RECORDS + ("tests/storage/trust",)

# --- UI mutations ----------------------------------------------------------------------------------
# The dialogs are being rewritten around ui/operations.py on other branches: after merging, check
# these snippets still exist (a stale one is reported as ERROR, not silently skipped) and add the
# UI tests that kill them (tests/ui, tests/e2e) to their subsets. Each disconnects one button.
UI = ("tests/e2e/test_findings_loop.py", "tests/ui/documents", "tests/ui/today", "tests/ui/findings")
UI_MUTATIONS: list[Mutation] = [
    Mutation("UI: the document dialog's issue button is disconnected",
             "buttons.accepted.connect(self._on_issue_clicked)", "pass  # mutation: disconnected", UI),
    Mutation("UI: the re-inspection dialog's OK button is disconnected",
             "buttons.accepted.connect(self._on_accept_clicked)", "pass  # mutation: disconnected", UI),
    Mutation("UI: the start-inspection dialog's Start button is disconnected",
             "self.buttons.accepted.connect(self._on_start_clicked)", "pass  # mutation: disconnected",
             ("tests/ui/inspection", "tests/e2e/test_inspection_day.py")),
    Mutation("UI: the finalise dialog's Finalise button is disconnected",
             "self.buttons.accepted.connect(self._on_finalise_clicked)", "pass  # mutation: disconnected",
             ("tests/ui/inspection", "tests/e2e/test_inspection_day.py")),
    Mutation("UI: the enterprise form's Save button is disconnected",
             "buttons.accepted.connect(self._on_save)", "pass  # mutation: disconnected",
             ("tests/ui/registry", "tests/e2e/test_registry_day.py")),
    Mutation("UI: the backup dialog's Back up button is disconnected",
             "buttons.accepted.connect(self._on_backup_clicked)", "pass  # mutation: disconnected",
             ("tests/ui/backup", "tests/e2e/test_backup_restore.py")),
    # add further UI mutations here, located by a unique snippet as above
]


def package_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / PACKAGE).rglob("*.py") if "__pycache__" not in p.parts)


def trigger_mutations(root: Path) -> list[Mutation]:
    out = []
    for path in package_files(root):
        text = path.read_text(encoding="utf-8")
        if "PROTECTED: tuple[Guard, ...] = (" not in text:
            continue
        for block in re.findall(r"\n    Guard\(\n.*?\n    \),", text, re.S):
            table = re.search(r'table="(\w+)"', block).group(1)
            cols = re.search(r"columns=\((.*?)\),\n", block, re.S)
            for col in re.findall(r'"(\w+)"', cols.group(1)):
                dropped = re.sub(rf'"{col}",\s*|,\s*"{col}"(?=\))', "", cols.group(0), count=1)
                out.append(Mutation(f"{table}: protected column {col} dropped from the guard", block,
                                    block.replace(cols.group(0), dropped, 1), RECORDS_ALL,
                                    name=f"{table}:{col}"))
            when = re.search(r'when=("[^"]*"|_\w+),', block).group(0)
            out.append(Mutation(f"{table}: the guard never applies (when = 0)", block,
                                block.replace(when, 'when="0",', 1), RECORDS_ALL, name=f"{table}:when"))
    return out


def locate(root: Path, m: Mutation) -> tuple[Path, str]:
    """The one file holding the snippet (relative), or raise LookupError."""
    hits = []
    for path in package_files(root):
        text = path.read_text(encoding="utf-8")
        n = text.count(m.find)
        if n:
            hits.append((path, n, text))
    if not hits:
        raise LookupError("snippet not found in the package")
    if len(hits) > 1 or hits[0][1] > 1:
        where = ", ".join(f"{p.relative_to(root)}×{n}" for p, n, _ in hits)
        raise LookupError(f"snippet is not unique: {where}")
    path, _n, text = hits[0]
    return path.relative_to(root), text.replace(m.find, m.replace, 1)


def copy_repo(dest: Path) -> None:
    ignore = shutil.ignore_patterns(".venv", ".git", "__pycache__", "build", "dist", "*.egg-info",
                                    ".pytest_cache", ".hypothesis")
    shutil.copytree(ROOT, dest, ignore=ignore, dirs_exist_ok=True)


def run_tests(copy: Path, tests: tuple[str, ...], timeout: int, python: str) -> tuple[str, float, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.pop("INSPECTOR_TODAY", None)
    # The copy goes first on sys.path (pytest runs from it and conftest inserts its root), so the
    # mutated package shadows the editable install of the original.
    env["PYTHONPATH"] = str(copy)
    tests = tuple(t for t in tests if (copy / t.split("::")[0]).exists()) or ("tests",)
    cmd = [python, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", *tests]
    t = time.monotonic()
    try:
        r = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "killed (timeout)", time.monotonic() - t, ""
    elapsed = time.monotonic() - t
    tail = (r.stdout.strip().splitlines() or [""])[-1]
    if r.returncode == 0:
        return "SURVIVED", elapsed, tail
    if r.returncode in (1, 2) and ("failed" in tail or "error" in tail):
        failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", r.stdout, re.M)
        return "killed", elapsed, failed[0] if failed else tail
    return f"ERROR (pytest exit {r.returncode})", elapsed, tail


def check_copy_is_used(copy: Path, python: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(copy))
    out = subprocess.run([python, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"], cwd=copy,
                         env=env, capture_output=True, text=True).stdout.strip()
    if not out.startswith(str(copy)):
        sys.exit(f"the copy's package is not the one imported ({out}); cannot mutate safely")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-k", default="", help="only mutations whose rule contains this text")
    ap.add_argument("--all-tests", action="store_true", help="run the whole suite for every mutation")
    ap.add_argument("--list", action="store_true", help="list the mutations and exit")
    ap.add_argument("--jobs", "-j", type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument("--timeout", type=int, default=300, help="seconds per test run")
    ap.add_argument("--markdown", action="store_true", help="print the result as a Markdown table")
    ap.add_argument("--no-ui", action="store_true", help="skip the UI mutations (needs no Qt)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    python = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() \
        else sys.executable
    mutations = [m for m in MUTATIONS + trigger_mutations(ROOT) + ([] if args.no_ui else UI_MUTATIONS) if args.k.lower() in m.rule.lower()]
    if args.list:
        for m in mutations:
            print(m.rule)
        return 0

    work = Path(tempfile.mkdtemp(prefix="inspector-mutants-"))
    results: list[tuple[Mutation, str, str, float, str]] = []
    try:
        # Locate everything first so that a stale snippet is reported before any test runs.
        planned = []
        for m in mutations:
            try:
                rel, new_text = locate(ROOT, m)
                planned.append((m, rel, new_text))
            except LookupError as e:
                results.append((m, "-", f"ERROR ({e})", 0.0, ""))

        def one(i_item):
            i, (m, rel, new_text) = i_item
            copy = work / f"m{i:03d}"
            copy_repo(copy)
            if i == 0:
                check_copy_is_used(copy, python)
            (copy / rel).write_text(new_text, encoding="utf-8")
            tests = ("tests",) if args.all_tests else m.tests
            status, secs, detail = run_tests(copy, tests, args.timeout, python)
            shutil.rmtree(copy, ignore_errors=True)
            if args.verbose:
                print(f"{status:10} {secs:5.1f}s  {m.rule}  [{detail}]", flush=True)
            return (m, str(rel), status, secs, detail)

        if planned:
            check_copy = work / "check"
            copy_repo(check_copy)
            check_copy_is_used(check_copy, python)
            shutil.rmtree(check_copy, ignore_errors=True)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results.extend(pool.map(one, enumerate(planned)))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    killed = sum(r[2].startswith("killed") for r in results)
    if args.markdown:
        print("| # | rule broken | file | result | first failing test |")
        print("|---|---|---|---|---|")
        for i, (m, rel, status, _secs, detail) in enumerate(results, 1):
            print(f"| {i} | {m.rule} | `{rel}` | {status} | `{detail}` |")
        print(f"\n{killed} of {len(results)} mutations killed.")
    else:
        for m, rel, status, secs, detail in results:
            print(f"{status:10} {secs:5.1f}s  {m.rule}  ({rel})  [{detail}]")
        print(f"\n{killed} of {len(results)} mutations killed.")
    return 0 if killed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
