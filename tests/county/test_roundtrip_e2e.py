"""The round trip on the demo township, on both county engines: two officers' laptops export,
the county merges and writes the township's return bundle, both laptops import it — and then
both show the same registry, inspections, documents and ledgers."""

from __future__ import annotations

import pytest

from inspector_app.cli import main
from inspector_app.sync import laptop
from inspector_app.sync import tables as T

from .helpers import key_file, make_laptop, township

# Received-at dates, acknowledgements and 'silent for a month' read today: rerun on the pinned days.
pytestmark = pytest.mark.calendar

# What differs between two laptops by design: who wrote a merged version and when.
BOOKKEEPING = {"hlc", "origin", "created_at", "updated_at"}


def registry_view(store) -> dict:
    """What an officer sees: every live row of every synced table, by id (bookkeeping apart)."""
    out = {}
    for t in T.SYNCED:
        cur = store.conn.execute(f'SELECT * FROM "{t.name}" WHERE deleted = 0')
        names = [d[0] for d in cur.description]
        out[t.name] = {r[0]: tuple(v for n, v in zip(names, r) if n not in BOOKKEEPING) for r in cur}
    return out


@pytest.mark.e2e
def test_two_laptops_county_and_back_show_the_same_township(county_target, tmp_path, capsys):
    a = make_laptop(tmp_path / "a.sqlite", "A1", enterprises=40, ledgers=True)
    b = make_laptop(tmp_path / "b.sqlite", "B2", enterprises=40, ledgers=True)
    stick = tmp_path / "stick"
    stick.mkdir()
    try:
        db = ["--db", county_target]
        assert main(["county", "init", *db, "--photos", str(tmp_path / "county-photos")]) == 0
        assert main(["county", "key", *db, "--out", str(stick / "county.key.json")]) == 0
        for s in (a, b):
            laptop.trust_county_key(s, stick / "county.key.json")
            assert main(["county", "enrol", *db, str(key_file(s, stick / f"{s.device}.key.json"))]) == 0
        before_a = {t: len(v) for t, v in registry_view(a).items()}

        for rnd in range(2):  # the second quarter carries the merged versions each laptop wrote
            # A's bundles sealed to the county's key (as the 同步 screen does by default), B's plain.
            bundles = [laptop.export_bundle(s, stick, encrypt=s is a)["path"] for s in (a, b)]
            assert main(["county", "merge", *db, *map(str, bundles)]) == 0
            out = stick / f"return-{rnd}.tsobundle"
            assert main(["county", "return", *db, "--township", township(a), "--out", str(out)]) == 0
            for s in (a, b):
                laptop.import_bundle(s, out)
        capsys.readouterr()

        va, vb = registry_view(a), registry_view(b)
        for t in ("enterprise", "village", "officer", "inspection", "inspection_answer", "finding", "document",
                  "photo", "ledger_equipment", "ledger_person", "ledger_activity", "ledger_quarter_report"):
            assert va[t] == vb[t], t
        assert va == vb
        # Each laptop now holds the other's records, and the same county list once (unified).
        docs = a.conn.execute("SELECT DISTINCT origin FROM document").fetchall()
        assert {r[0] for r in docs} == {"A1", "B2"}
        assert len(va["enterprise"]) == before_a["enterprise"]
        assert len(va["inspection"]) > before_a["inspection"]
        assert va["ledger_person"] and len(va["ledger_person"]) > before_a["ledger_person"]
        # Every photo a record shows is on both laptops' disks.
        from inspector_app.storage.photos import has_photo

        for s in (a, b):
            shas = [r[0] for r in s.conn.execute("SELECT sha256 FROM photo WHERE deleted = 0")]
            assert shas and all(has_photo(s, x) for x in shas)
        assert main(["county", "report", *db]) == 0
        report = capsys.readouterr().out
        assert "A1：收到2个数据包" in report and "B2：收到2个数据包" in report
    finally:
        a.close()
        b.close()
