"""kill -9 during an import (a subprocess): all or nothing, and the database stays sound."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from inspector_app.storage import open_db
from inspector_app.sync import laptop

from .helpers import Relay, add_enterprise, dump, file_laptop, rectification

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SCRIPT = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    from inspector_app.storage import open_db
    from inspector_app.sync import laptop
    s = open_db(sys.argv[1])
    hook = (lambda: os.kill(os.getpid(), signal.SIGKILL)) if sys.argv[3] == "inside" else None
    print("start", flush=True)
    laptop.import_bundle(s, sys.argv[2], _after_merge=hook)
    print("done", flush=True)
""")


@pytest.fixture
def prepared(tmp_path, sqlite_engine):
    a = file_laptop(tmp_path, "A1")
    b = file_laptop(tmp_path, "B2")
    relay = Relay(sqlite_engine)
    laptop.trust_county_key(b, relay.key_file(tmp_path / "county.key"))
    for i in range(300):
        e = add_enterprise(a, f"江阴市第{i}机械有限公司")
    rectification(a, e)
    (tmp_path / "stick").mkdir()
    relay.receive(laptop.export_bundle(a, tmp_path / "stick")["path"], a)
    bundle = relay.write_return(tmp_path / "stick" / "r.tsobundle")
    a.close()
    path = b.path
    before = dump(b)
    b.close()
    script = tmp_path / "imp.py"
    script.write_text(SCRIPT.format(root=ROOT))
    return path, bundle, before, script


def _state(path):
    s = open_db(path)
    try:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dump(s), s.conn.execute("SELECT count(*) FROM sync_import").fetchone()[0]
    finally:
        s.close()


def test_killed_inside_the_transaction_leaves_nothing(prepared):
    path, bundle, before, script = prepared
    p = subprocess.run([sys.executable, str(script), str(path), str(bundle), "inside"], capture_output=True, timeout=120)
    assert p.returncode == -signal.SIGKILL, p.stderr.decode()
    text, imports = _state(path)
    assert imports == 0 and text == before
    # and the same bundle imports cleanly afterwards
    s = open_db(path)
    assert laptop.import_bundle(s, bundle)["new"] > 300
    s.close()


def test_killed_at_random_moments_leaves_all_or_nothing(prepared):
    path, bundle, before, script = prepared
    rng = random.Random(9)
    seen = set()
    for _ in range(6):
        p = subprocess.Popen([sys.executable, str(script), str(path), str(bundle), "outside"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert p.stdout.readline().strip() == b"start"
        time.sleep(rng.uniform(0.0, 0.4))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        text, imports = _state(path)
        if imports == 0:
            assert text == before
            seen.add("nothing")
        else:
            s = open_db(path)
            n = s.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
            s.close()
            assert n == 300 and imports == 1
            seen.add("all")
            break
    assert seen
