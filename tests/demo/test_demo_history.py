"""The demo township's history: made through the storage APIs, reproducible, and showing every
state an officer has to deal with (Today's buckets, the findings cycle, the register)."""

import json
from datetime import date, timedelta

import pytest

from inspector_app import demo as demo_mod
from inspector_app.core import documents as docs
from inspector_app.core.findings import STATES, five_missing, quarter_of
from inspector_app.storage import documents, findings, inspections, open_db, open_memory
from inspector_app.demo.history import (
    HISTORY_DAYS,
    MAX_INSPECTIONS,
    MIN_INSPECTIONS,
    add_history,
    default_inspections,
)
from inspector_app.demo.loader import load_demo
from inspector_app.storage.inspection_record import current_record
from inspector_app.storage.photos import photo_path

# A Monday early in January: the history crosses the new year (numbers restart per year) and
# the current quarter is only days old (listings are dated inside it all the same).
TODAY = date(2026, 1, 12)
SIZE = 120


def build(store, seed=7, today=TODAY):
    return load_demo(store, demo_mod.generate(seed=seed, enterprises=SIZE), today=today)["history"]


@pytest.fixture(scope="module", params=["file", "memory"])
def built(request, tmp_path_factory):
    """A 120-enterprise demo with its history: in a file (problem photos next to it) and in
    memory (no photos: only items that need none are failed)."""
    if request.param == "file":
        store = open_db(tmp_path_factory.mktemp("history") / "d.sqlite", create=True)
    else:
        store = open_memory()
    counts = build(store)
    yield store, counts
    store.close()


def scalar(store, sql, params=()):
    return store.conn.execute(sql, params).fetchone()[0]


def fingerprint(store):
    """What the history is made of, without the ids (UUIDv7, new on every run)."""
    officers = dict(store.conn.execute("SELECT id, name FROM officer"))
    return (
        [(*r[:-1], [officers[i] for i in json.loads(r[-1])]) for r in store.conn.execute(
            "SELECT e.name, i.kind, i.started_at, i.ended_at, i.status, i.officer_ids "
            "FROM inspection i JOIN enterprise e ON e.id = i.enterprise_id ORDER BY i.started_at, e.name")],
        store.conn.execute(
            "SELECT e.name, f.item_key, f.description, f.state, f.deadline, f.grade, f.listed FROM finding f "
            "JOIN enterprise e ON e.id = f.enterprise_id ORDER BY e.name, f.item_key").fetchall(),
        store.conn.execute(
            "SELECT doc_no, kind, issued_at, status, served_at, content FROM document ORDER BY doc_no").fetchall(),
    )


def test_reproducible_from_the_seed():
    a, b, c = open_memory(), open_memory(), open_memory()
    counts_a, counts_b = build(a), build(b)
    assert counts_a == counts_b
    assert fingerprint(a) == fingerprint(b)
    # another seed: other enterprises, answers and dates, the same showcase
    counts_c = build(c, seed=8)
    assert fingerprint(c) != fingerprint(a)
    assert set(counts_c["states"]) == set(STATES)


def test_counts_match_the_database(built):
    store, counts = built
    assert counts["inspections"] == scalar(store, "SELECT count(*) FROM inspection WHERE status = 'final'")
    assert counts["inspections"] == default_inspections(
        scalar(store, "SELECT count(*) FROM enterprise WHERE status = '在营'")) == MIN_INSPECTIONS
    assert counts["drafts"] == 1 == scalar(store, "SELECT count(*) FROM inspection WHERE status = 'draft'")
    assert counts["findings"] == scalar(store, "SELECT count(*) FROM finding") == sum(counts["states"].values())
    assert counts["documents"] == scalar(store, "SELECT count(*) FROM document")
    assert counts["major"] == scalar(store, "SELECT count(*) FROM finding WHERE grade = '重大'")
    assert counts["void"] == 1 and counts["corrected"] == 1 and counts["spot_penalties"] == 1
    assert counts["photos"] == scalar(store, "SELECT count(*) FROM photo")


def test_photos_are_stored_next_to_a_database_file(built):
    store, counts = built
    if store.path is None:
        assert counts["photos"] == 0
        return
    assert counts["photos"] > 0
    root = store.path.parent / "photos"
    for sha, kind, finding_id in store.conn.execute("SELECT sha256, kind, finding_id FROM photo"):
        assert photo_path(root, sha).is_file()
        # problem photos became the findings' "before" evidence at finalising
        assert finding_id is not None and kind in ("问题", "复查")


def test_every_finding_state_appears(built):
    store, counts = built
    assert set(counts["states"]) == set(STATES)
    assert {r[0] for r in store.conn.execute("SELECT DISTINCT state FROM finding")} == set(STATES)


def test_referrals_and_suspensions_with_their_reviews(built):
    """Issue 9's screens have content: a referral awaiting the bureau, one returned with a new
    deadline still running, an enterprise still 停产整改 after a failed 复产审查, and one back 在营
    after a failed and a passed review (with the evidence)."""
    from inspector_app.core.enterprise import SUSPENDED
    from inspector_app.storage import enterprises, escalation

    store, counts = built
    assert counts["referrals"] == 2 and counts["suspensions"] == 2 and counts["resumption_reviews"] == 3
    letters = store.conn.execute("SELECT count(*) FROM document WHERE kind = 'case_referral'").fetchone()[0]
    assert letters == 2
    assert scalar(store, "SELECT count(*) FROM finding WHERE state = 'referred'") >= 1
    returned = store.conn.execute(
        "SELECT f.state, f.deadline FROM finding f JOIN finding_event e ON e.finding_id = f.id "
        "WHERE e.kind = 'bureau_returned'").fetchall()
    assert returned and all(st == "rectifying" and d > TODAY.isoformat() for st, d in returned)
    reviewed = [s for s in escalation.suspensions(store) if escalation.resumption_reviews(store, s["id"])]
    still = [s for s in reviewed if not s["resumed_on"]]
    resumed = [s for s in reviewed if s["resumed_on"]]
    assert len(still) == 1 and len(resumed) == 1
    assert enterprises.get(store, still[0]["enterprise_id"]).status == SUSPENDED
    assert enterprises.get(store, resumed[0]["enterprise_id"]).status == "在营"
    reviews = escalation.resumption_reviews(store, resumed[0]["id"])
    assert [r["passed"] for r in reviews] == [0, 1] and all(r["evidence"] and r["reviewers"] for r in reviews)
    # the resumed enterprise's major danger went the whole way: re-inspected and closed
    states = {r[0] for r in store.conn.execute("SELECT state FROM finding WHERE enterprise_id = ?",
                                                 [resumed[0]["enterprise_id"]])}
    assert states == {"closed"}


def test_today_has_work_in_every_bucket(built):
    store, _ = built
    view = findings.today_view(store, today=TODAY, window_days=findings.reinspection_window(store))
    for bucket in ("reinspections_due", "overdue_rectifications", "overdue_reinspections", "listings_expiring"):
        assert view[bucket], bucket
    week = TODAY + timedelta(days=7)
    # a deadline running out this week, the re-inspection to plan
    assert any(r["state"] == "rectifying" and TODAY <= date.fromisoformat(r["deadline"]) <= week
               for r in view["reinspections_due"])
    # reported rectified, waiting for the officers
    assert any(r["state"] == "awaiting_reinspection" for r in view["reinspections_due"])
    assert all(date.fromisoformat(r["deadline"]) < TODAY for r in view["overdue_rectifications"])


def test_a_failed_reinspection_set_a_new_deadline(built):
    store, _ = built
    failed = store.conn.execute(
        "SELECT ev.finding_id, ev.new_deadline, d.kind FROM finding_event ev JOIN finding f ON f.id = ev.finding_id "
        "LEFT JOIN document d ON d.id = ev.document_id WHERE ev.kind = 'reinspection_failed' "
        "AND f.state = 'rectifying' AND f.deadline >= ?", [TODAY.isoformat()]).fetchall()
    assert failed
    for fid, new_deadline, kind in failed:
        f = findings.get_finding(store, fid)
        assert f["deadline"] == new_deadline and kind == docs.REINSPECTION_OPINION
        # the 整改复查意见书 was served on the spot, so the new period runs
        kinds = [(e["kind"], e["document_id"]) for e in findings.events(store, fid)]
        i = max(n for n, (k, _d) in enumerate(kinds) if k == "reinspection_failed")
        assert kinds[i + 1] == ("serve", kinds[i][1])


def test_major_findings_listed_this_quarter_with_five_measures(built):
    store, counts = built
    majors = [findings.get_finding(store, r[0]) for r in store.conn.execute(
        "SELECT id FROM finding WHERE grade = '重大' ORDER BY found_on")]
    assert 2 + counts["suspensions"] <= len(majors) <= 3 + counts["suspensions"]  # the suspensions are majors
    assert all(f["major_ref"] and not five_missing(f) for f in majors)
    listed = findings.listed_major_for_quarter(store, *quarter_of(TODAY), today=TODAY)
    assert listed and all(r["listed"] and r["listing_body"] for r in listed)
    assert any(TODAY <= date.fromisoformat(r["listing_deadline"]) <= TODAY + timedelta(days=14) for r in listed)
    measures = store.conn.execute("SELECT enterprise_id, inspection_id FROM document WHERE kind = ?",
                                  [docs.ONSITE_MEASURES]).fetchall()
    assert len(measures) == 1 + counts["suspensions"]
    assert all(any((f["enterprise_id"], f["inspection_id"]) == m for f in majors) for m in measures)


@pytest.mark.calendar  # asks clock.today(): rerun under pinned dates
def test_register_numbers_have_no_gaps_and_hold_a_void_and_a_correction(built):
    store, _ = built
    assert documents.numbering_gaps(store) == []
    entries = documents.register(store)
    assert {e["kind"] for e in entries} == set(docs.KINDS) - {docs.HAZARD_NOTICE}
    assert {e["series"] for e in entries} == {"A1"}
    void = [e for e in entries if e["status"] == "void"]
    assert len(void) == 1 and void[0]["void_reason"].strip() and not void[0]["served_at"]
    old = [e for e in entries if e["status"] == "superseded"]
    assert len(old) == 1
    new = next(e for e in entries if e["id"] == old[0]["superseded_by_id"])
    assert new["status"] == "issued" and new["supersedes_doc_no"] == old[0]["doc_no"] and new["served_at"]
    # within a kind and year, numbers rise with the date of issue
    for kind in {e["kind"] for e in entries}:
        for year in {e["year"] for e in entries}:
            rows = sorted((e for e in entries if e["kind"] == kind and e["year"] == year), key=lambda e: e["seq"])
            assert [e["issued_at"] for e in rows] == sorted(e["issued_at"] for e in rows)
    assert {e["year"] for e in entries} == {TODAY.year - 1, TODAY.year}  # the history crosses new year
    # everything valid was handed over, but the order still in the post
    # (the 案件移送书 goes to the bureau, not to the party: it has no service)
    unserved = [e for e in entries if e["status"] != "void" and not e["served_at"] and e["kind"] != docs.CASE_REFERRAL]
    assert [e["kind"] for e in unserved] == [docs.RECTIFICATION_ORDER]
    assert {f["state"] for f in findings.query_findings(store, enterprise_id=unserved[0]["enterprise_id"])} == {"ordered"}
    penalty = next(e for e in entries if e["kind"] == docs.SPOT_PENALTY)
    content = documents.get_document(store, penalty["id"])["content"]
    assert content["variant"] == "unit" and 0 < content["amount"] <= 3000 and penalty["served_at"]


def test_inspections_are_complete_records_of_the_last_months(built):
    store, _ = built
    first = TODAY - timedelta(days=HISTORY_DAYS + 3)
    rows = store.conn.execute(
        "SELECT id, started_at, ended_at, officer_ids FROM inspection WHERE status = 'final'").fetchall()
    assert len(rows) >= MIN_INSPECTIONS  # the loop below must have something to check
    for iid, started, ended, _officers in rows:
        assert first.isoformat() <= started < ended < TODAY.isoformat()
        session = inspections.open_inspection(store, iid)
        assert len(session.officer_ids) == 2 and session.onsite_person
        assert session.unanswered() == []
        assert current_record(store, iid) is not None
    answers = dict(store.conn.execute("SELECT answer, count(*) FROM inspection_answer GROUP BY answer").fetchall())
    assert answers["符合"] > 10 * answers["不符合"] > 0 and answers["不适用"] > 0
    assert scalar(store, "SELECT count(*) FROM inspection_answer WHERE answer = '不符合' AND trim(note) = ''") == 0
    kinds = {r[0] for r in store.conn.execute("SELECT DISTINCT kind FROM inspection")}
    assert len(kinds) >= 3
    # deadlines of ordered findings lie 7 to 30 days after the inspection (per item)
    for found, deadline in store.conn.execute(
            "SELECT f.found_on, e.new_deadline FROM finding_event e JOIN finding f ON f.id = e.finding_id "
            "WHERE e.kind = 'order' AND e.new_deadline != ''"):
        assert 7 <= (date.fromisoformat(deadline) - date.fromisoformat(found)).days <= 30


def test_one_draft_is_left_to_resume(built):
    store, _ = built
    (draft,) = inspections.drafts(store)
    session = inspections.open_inspection(store, draft["id"])
    total = sum(1 for it in session.items() if it.kind != "text")
    assert 0 < draft["answered_count"] < total and draft["started_at"] < TODAY.isoformat()


def test_database_integrity(built):
    store, _ = built
    assert store.conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_size_of_the_history():
    assert default_inspections(60) == MIN_INSPECTIONS
    assert 40 <= default_inspections(800) <= 60
    assert default_inspections(20000) == MAX_INSPECTIONS


def test_a_township_without_two_officers_gets_a_chinese_error():
    store = open_memory()
    load_demo(store, demo_mod.generate(seed=3, enterprises=30), history=False)
    store.conn.execute("UPDATE officer SET active = 0")
    with pytest.raises(ValueError, match="两名"):
        add_history(store, seed=3, today=TODAY)
    assert scalar(store, "SELECT count(*) FROM inspection") == 0
