"""Findings and documents benchmark. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_findings.py [--db /tmp/bench_findings.sqlite]
                                                  [--enterprises 20000] [--findings 30000] [--runs 15]

Figures:
* the time to render one 责令限期整改指令书 (target ≤ 100 ms; first call apart, it loads the font)
  and 100 orders in one PDF, a day's printing (target ≤ 5 s);
* the findings list's filter latency (median, p95) per filter, measured like the registry: the
  query alone (first page and count) and the whole list update through the real widget (query,
  model reset, count label, repaint of the visible rows), which is what the officer waits for.

The database (a demo township of ``--enterprises`` with ``--findings`` findings spread over two
years in every state, documents for the ordered ones) is built once and reused with ``--db``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DESCRIPTIONS = (
    "冲床防护罩缺失，光电保护装置失效", "消防通道堵塞", "配电箱未上锁，箱前堆放杂物", "灭火器压力不足",
    "有限空间作业场所未设置明显的安全警示标志", "特种作业人员未持证上岗", "安全警示标志缺失",
    "干式除尘系统未采取泄爆、惰化、抑爆等任一种爆炸防控措施", "未落实粉尘清理制度，作业现场积尘严重",
    "叉车司机未取得特种设备作业人员证", "危化品仓库未设置可燃气体报警装置", "员工宿舍与仓库设在同一建筑内",
)
MAJOR_REF = "应急管理部令第10号 第十一条第（三）项"


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def build(path: Path, *, enterprises: int, count: int, seed: int = 7) -> None:
    from inspector_app.demo import create_demo_database
    from inspector_app.storage import documents, findings, open_db, township

    t = time.perf_counter()
    create_demo_database(path, enterprises=enterprises)
    print(f"built {enterprises}-enterprise township in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    rnd = random.Random(seed)
    s = open_db(path)
    today = date.today()
    ents = [r[0] for r in s.conn.execute("SELECT id FROM enterprise WHERE deleted = 0")]
    officers = [{"name": o.name, "cert_no": o.cert_no} for o in township.list_officers(s)][:2]
    made: list[tuple[str, str, date, date]] = []
    with s.write():  # one transaction: 30,000 fsyncs would take minutes
        for _ in range(count):
            ent = rnd.choice(ents)
            found = today - timedelta(days=rnd.randint(0, 730))
            due = found + timedelta(days=rnd.choice((3, 7, 15, 30)))
            major = rnd.random() < 0.05
            fid = findings.create_finding(
                s, enterprise_id=ent, inspection_id=None, item_key="", description=rnd.choice(DESCRIPTIONS),
                category=rnd.choice(("人", "物", "管理")), grade="重大" if major else "一般",
                major_ref=MAJOR_REF if major else "", legal_basis="《中华人民共和国安全生产法》第四十一条",
                deadline=due.isoformat(), found_on=found.isoformat())
            made.append((fid, ent, found, due))
        for fid, ent, found, due in made:
            r = rnd.random()
            if r < 0.15:  # ordered by a 责令限期整改指令书, most served
                doc = documents.issue_document(
                    s, kind="rectification_order", enterprise_id=ent, issued_at=found.isoformat(),
                    content={"officers": officers, "items": [{"description": "隐患整改", "deadline": due.isoformat()}]},
                    served={"served_at": found.isoformat(), "served_how": "直接送达"} if rnd.random() < 0.8 else None)
                findings.order_rectification(s, [fid], document_id=doc["id"])
            elif r < 0.85 and due < today:  # most old ones are done
                done = min(today, due - timedelta(days=rnd.randint(0, 2)))
                done = max(done, found)
                findings.mark_rectified(s, fid, on=done.isoformat())
                if rnd.random() < 0.9:
                    findings.record_reinspection(s, fid, passed=True, on=done.isoformat())
                    f = findings.get_finding(s, fid)
                    if f["grade"] != "重大" and rnd.random() < 0.9:
                        findings.close_finding(s, fid, on=done.isoformat())
        for fid, _ent, found, _due in [m for m in made if m[2] > today - timedelta(days=80)][:300]:
            f = findings.get_finding(s, fid)
            if f["grade"] == "重大" and f["state"] != "closed":
                findings.list_for_supervision(s, fid, body="江阴市安委办", listed_on=found.isoformat(),
                                              deadline=(found + timedelta(days=90)).isoformat())
    states = dict(s.conn.execute("SELECT state, count(*) FROM finding GROUP BY state").fetchall())
    s.conn.execute("ANALYZE")
    s.close()
    print(f"added {count} findings in {time.perf_counter() - t:.1f} s: {states}")


def bench_render(store) -> None:
    import json

    from inspector_app.reports import pdf_documents

    officers = [{"name": "张建国", "cert_no": "32028100123"}, {"name": "李雪梅", "cert_no": "32028100456"}]
    authority = {"name": "江阴市应急管理局", "abbr": "澄", "review_government": "江阴市人民政府",
                 "court": "无锡市梁溪区人民法院", "township": "周庄镇"}
    today = date.today()
    content = {
        "authority": authority, "officers": officers, "issued_on": today.isoformat(),
        "party": {"name": "江阴市周庄华明机械配件厂", "address": "江阴市周庄镇长寿村工业集中区8号", "legal_rep": "王华明"},
        "items": [{"description": DESCRIPTIONS[i], "deadline": (today + timedelta(days=7 * (i + 1))).isoformat(),
                   "legal_basis": "《中华人民共和国安全生产法》第四十一条"} for i in range(3)],
    }
    row = store.conn.execute("SELECT content, doc_no FROM document WHERE kind = 'rectification_order' LIMIT 1").fetchone()
    if row:  # a real stored one, if the database has any
        content, doc_no = json.loads(row[0]), row[1]
    else:
        doc_no = "（澄）应急责改〔2026〕A1-1号"
    t = time.perf_counter()
    pdf_documents.render("rectification_order", content, doc_no=doc_no)
    first = (time.perf_counter() - t) * 1000
    times = []
    for _ in range(15):
        t = time.perf_counter()
        pdf_documents.render("rectification_order", content, doc_no=doc_no)
        times.append((time.perf_counter() - t) * 1000)
    print(f"render one order: median {statistics.median(times):.0f} ms, p95 {pct(times, 0.95):.0f} ms "
          f"(first call {first:.0f} ms incl. font load; target ≤ 100 ms)")
    batch = [("rectification_order", content, doc_no)] * 100
    t = time.perf_counter()
    data = pdf_documents.render_many(batch)
    print(f"render 100 orders in one PDF: {time.perf_counter() - t:.2f} s, {len(data) / 1e6:.1f} MB (target ≤ 5 s)")


def bench_filters(store, runs: int) -> None:
    """The findings list per filter, as the registry benchmark measures the registry: the query
    alone (first page + count, as the list asks for it) and the list's whole update (query,
    model reset, count label) with the repaint of the visible rows."""
    from PySide6.QtWidgets import QApplication

    from inspector_app.storage import findings as findings_store
    from inspector_app.ui.findings.list_model import BLOCK, FindingFilter
    from inspector_app.ui.findings.list_widget import FindingsWidget

    app = QApplication.instance()
    widget = FindingsWidget(store)
    widget.resize(1280, 720)
    widget.show()
    app.processEvents()
    village = store.conn.execute("SELECT id FROM village WHERE deleted = 0 LIMIT 1").fetchone()[0]
    ent = store.conn.execute("SELECT enterprise_id FROM finding GROUP BY enterprise_id "
                             "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    cases = [
        ("all findings", FindingFilter()),
        ("not closed", FindingFilter(state=("registered", "ordered", "rectifying", "awaiting_reinspection", "passed"))),
        ("overdue (any)", FindingFilter(overdue="any")),
        ("rectification overdue", FindingFilter(overdue="rectification")),
        ("re-inspection overdue", FindingFilter(overdue="reinspection")),
        ("major", FindingFilter(major=True)),
        ("village", FindingFilter(village_id=village)),
        ("one enterprise", FindingFilter(enterprise_id=ent)),
        ("text 消防通道", FindingFilter(text="消防通道")),
        ("pinyin jyhg", FindingFilter(text="jyhg")),
        ("major + overdue + text", FindingFilter(major=True, overdue="any", text="除尘")),
        ("sorted by enterprise", FindingFilter(order_by="enterprise")),
        ("sorted by days overdue", FindingFilter(order_by="days_overdue", descending=True)),
    ]
    total = store.conn.execute("SELECT count(*) FROM finding WHERE deleted = 0").fetchone()[0]
    print(f"findings list per filter over {total} findings, {runs} runs (target p95 ≤ 20 ms):")
    print(f"  {'':26} {'rows':>6}   {'query (page + count)':>24}   {'query + list update + repaint':>30}   (label after)")
    for label, flt in cases:
        widget.set_filter(flt)  # the controls and the sort as an officer would set them
        model = widget.model
        args = model.query_args(widget.current_filter())
        sql, lat, late = [], [], []
        for _ in range(runs):
            t = time.perf_counter()
            findings_store.first_finding_page(store, limit=BLOCK, **args)
            sql.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            widget.apply_filters()  # what a filter change triggers: SQL, model reset, count label
            widget.view.viewport().repaint()  # and the repaint of the visible rows
            lat.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            widget._overdue_timer.stop()
            widget._on_overdue_timer_timeout()  # the "· n overdue" label, which follows the paint
            late.append((time.perf_counter() - t) * 1000)
        print(f"  {label:26} {model.rowCount():6}   median {statistics.median(sql):5.1f} p95 {pct(sql, 0.95):5.1f} ms"
              f"   median {statistics.median(lat):5.1f} p95 {pct(lat, 0.95):5.1f} ms"
              f"   then overdue count {statistics.median(late):5.1f} ms")
    widget.close()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench_findings.sqlite"),
                    help="database to reuse (built here if it does not exist)")
    ap.add_argument("--enterprises", type=int, default=20000)
    ap.add_argument("--findings", type=int, default=30000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    if not args.db.exists():
        build(args.db, enterprises=args.enterprises, count=args.findings)

    from PySide6.QtWidgets import QApplication

    from inspector_app.storage import open_db

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (models need an app)
    store = open_db(args.db)
    bench_render(store)
    bench_filters(store, args.runs)
    store.close()
    sys.stdout.flush()
    # Skip interpreter teardown (as the registry benchmark does): destroying the list widget's
    # Qt objects after QApplication at exit is not what is measured, and PySide can abort there.
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
