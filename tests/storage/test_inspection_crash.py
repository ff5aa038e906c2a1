"""Kill the app mid-inspection: every answer committed before the crash is there on reopen.

A child Python process works on a real database file (WAL, synchronous=FULL) and reports each
committed answer on stdout; it then dies without any cleanup (``os._exit``) or is SIGKILLed by
the test while it is still writing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from inspector_app.storage import inspections
from inspector_app.storage.db import open_db

FORM = "\n".join(
    ['id = "crash_form"', 'version = 1', 'title = "崩溃测试检查表"', 'description = "测试"',
     'basis = "测试依据"', 'applies = { always = true }', 'deadline_days = 15', '',
     '[[sections]]', 'title = "现场"']
    + [line for i in range(12) for line in (
        '', '[[sections.items]]', f'id = "c{i:02d}"', f'question = "第{i}项检查内容符合要求"',
        'basis = "测试依据"', 'category = "物"', 'kind = "choice"', 'suggestion = "整改。"')]
) + "\n"

CHILD = textwrap.dedent("""
    import os, sys
    from inspector_app.core.enterprise import Enterprise
    from inspector_app.storage import enterprises, inspections, township
    from inspector_app.storage.db import open_db

    db_path, forms_dir, mode = sys.argv[1:4]
    store = open_db(db_path, device="T1", create=True)
    officers = [township.save_officer(store, township.Officer(name=n, cert_no=c)).id
                for n, c in (("张三", "32000001"), ("李四", "32000002"))]
    ent = enterprises.save(store, Enterprise(name="江阴市崩溃测试机械厂", scale="个体",
                                             risk_tags=["粉尘涉爆"]))
    ins = inspections.start_inspection(store, enterprise_id=ent.id, officer_ids=officers,
                                       kind="日常", place="", forms=forms_dir)
    inspections.update_header(store, ins, onsite_person="王五")
    print("started", ins, flush=True)
    keys = [it.key for it in inspections.open_inspection(store, ins).items() if it.kind == "choice"]
    n = 0
    while True:
        key = keys[n % len(keys)]
        inspections.record_answer(store, ins, key, answer="不符合" if n % 3 == 0 else "符合",
                                  note=f"n={n}")
        print("committed", key, n, flush=True)
        if mode == "exit" and n == 9:
            os._exit(1)  # no close(), no atexit, no flush of anything
        n += 1
""")


@pytest.fixture
def setup(tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    (forms / "crash_form.toml").write_text(FORM, encoding="utf-8")
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    return tmp_path / "data" / "inspector.sqlite", forms, script


def _expected(n: int) -> str:
    return "不符合" if n % 3 == 0 else "符合"


def _reopen_and_check(db_path, ins_id, committed: dict[str, int], max_n: int):
    store = open_db(db_path)
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert ins_id in [d["id"] for d in inspections.drafts(store)]
        s = inspections.open_inspection(store, ins_id)
        assert s.status == "draft" and s.onsite_person == "王五"
        assert [f.id for f in s.forms][-1] == "crash_form"
        for key, n in committed.items():
            stored = s.answers[key]
            got = int(stored.note.removeprefix("n="))
            # Every reported commit survived; at most the one write in flight went further.
            assert n <= got <= max_n + 1, (key, n, got)
            assert stored.answer == _expected(got)
        assert all(int(a.note.removeprefix("n=")) <= max_n + 1 for a in s.answers.values())
        # The draft goes on after the crash.
        key = next(iter(committed))
        inspections.record_answer(store, ins_id, key, answer="不适用", note="恢复后修改")
        assert inspections.open_inspection(store, ins_id).answers[key].answer == "不适用"
    finally:
        store.close()


def _parse(lines):
    ins_id, committed, max_n = None, {}, -1
    for line in lines:
        parts = line.split()
        if parts[0] == "started":
            ins_id = parts[1]
        elif parts[0] == "committed":
            committed[parts[1]] = int(parts[2])
            max_n = max(max_n, int(parts[2]))
    return ins_id, committed, max_n


def test_os_exit_mid_inspection_keeps_draft_and_answers(setup):
    db_path, forms, script = setup
    proc = subprocess.run([sys.executable, str(script), str(db_path), str(forms), "exit"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 1, proc.stderr
    ins_id, committed, max_n = _parse(proc.stdout.splitlines())
    assert ins_id and max_n == 9 and len(committed) == 10
    _reopen_and_check(db_path, ins_id, committed, max_n)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_sigkill_while_writing_keeps_every_committed_answer(setup):
    db_path, forms, script = setup
    proc = subprocess.Popen([sys.executable, str(script), str(db_path), str(forms), "kill"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in proc.stdout:
            lines.append(line)
            # Past a full round of the items, the child is busy rewriting answers: kill it.
            if line.startswith("committed") and int(line.split()[2]) >= 30:
                os.kill(proc.pid, signal.SIGKILL)
                break
        else:
            pytest.fail("child ended early: " + proc.stderr.read())
        lines += proc.stdout.readlines()  # anything printed before the signal landed
    finally:
        proc.kill()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    ins_id, committed, max_n = _parse(lines)
    assert ins_id and max_n >= 30 and len(committed) >= 12  # form items + derived duties
    _reopen_and_check(db_path, ins_id, committed, max_n)
