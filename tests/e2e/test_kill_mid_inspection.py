"""Kill the app mid-inspection: on restart the draft is there, with every answer given.

A child process runs the real inspection window offscreen, answers items with the keyboard
and types a note, then kills itself with SIGKILL (no cleanup, no flush, like a flat battery).
The parent reopens the database as the restarted app would.
"""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from inspector_app.demo import create_demo_database
from inspector_app.storage import enterprises as repo
from inspector_app.storage import inspections as ins
from inspector_app.storage import open_db, township

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(os.name != "posix", reason="SIGKILL")]

CHILD = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from inspector_app.storage import open_db
    from inspector_app.ui.inspection.window import InspectionWindow

    app = QApplication([])
    store = open_db(sys.argv[1])
    win = InspectionWindow(store, sys.argv[2])
    win.show()
    app.processEvents()
    win.tree.setFocus()
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1):
        QTest.keyClick(win.tree, key)
        app.processEvents()
    print("answered", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.calendar
def test_draft_survives_sigkill(tmp_path, qtbot):
    db_path = create_demo_database(tmp_path / "t.sqlite", enterprises=40)
    store = open_db(db_path)
    ent = repo.get(store, repo.search_ids(store)[0])
    officers = [o.id for o in township.list_officers(store)[:2]]
    inspection_id = ins.start_inspection(store, enterprise_id=ent.id, officer_ids=officers)
    store.close()

    proc = subprocess.run([sys.executable, "-c", CHILD, str(db_path), inspection_id],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert "answered" in proc.stdout

    # The restarted app: the database is sound, the draft is listed, the answers are there.
    store = open_db(db_path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    drafts = ins.drafts(store)
    assert [d["id"] for d in drafts] == [inspection_id]
    session = ins.open_inspection(store, inspection_id)
    answers = [a.answer for a in session.answers.values() if a.answer]
    assert sorted(answers) == sorted(["符合", "符合", "不符合", "不适用", "符合"])

    from inspector_app.ui.inspection.inspections_list import InspectionsWidget

    widget = InspectionsWidget(store)
    qtbot.addWidget(widget)
    assert [r["id"] for r in widget.drafts_model.rows] == [inspection_id]  # shown to resume
    store.close()
