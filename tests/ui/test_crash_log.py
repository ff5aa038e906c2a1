"""The crash log rotates by size like logging.handlers.RotatingFileHandler (which start-up no
longer imports: ui.crash._RotatingFileHandler)."""

import logging

from inspector_app.ui.crash import _RotatingFileHandler


def test_the_log_rotates_by_size_and_keeps_its_backups(tmp_path):
    h = _RotatingFileHandler(tmp_path / "a.log", max_bytes=200, backups=3)
    h.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("tests.crash_log")
    log.addHandler(h)
    log.setLevel(logging.INFO)
    log.propagate = False
    try:
        for i in range(40):
            log.info("line %02d %s", i, "x" * 30)
    finally:
        log.removeHandler(h)
        h.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["a.log", "a.log.1", "a.log.2", "a.log.3"]  # three backups, the oldest dropped
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())
    firsts = [(tmp_path / n).read_text(encoding="utf-8").split()[1] for n in names]
    assert firsts == sorted(firsts, reverse=True)  # a.log newest, .3 oldest
    assert (tmp_path / "a.log").read_text(encoding="utf-8").splitlines()[-1].startswith("line 39")
