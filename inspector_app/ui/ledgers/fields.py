"""The fields of each recorded ledger kind as the add/edit dialog shows them: (name, widget kind,
label, options). Options name an enumeration of the ledger rules (``core.ledgers.rules``) or a
tuple; the record's own ``clean()`` validates, so the dialog only gathers text and numbers.

Widget kinds: ``text``, ``long`` (several lines), ``date``, ``datetime``, ``int``, ``float``,
``bool``, ``choice`` (``editable_choice``: a list the officer may go beyond), ``enterprise``,
``village``.
"""

from __future__ import annotations

from ...core.i18n import QT_TRANSLATE_NOOP
from ...core.ledgers import records as rec

FIELDS: dict[type, tuple] = {
    rec.Activity: (
        ("on_date", "date", QT_TRANSLATE_NOOP("LedgerForm", "Date"), None),
        ("kind", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Kind"), "activity_kinds"),
        ("title", "text", QT_TRANSLATE_NOOP("LedgerForm", "Title"), None),
        ("audience", "text", QT_TRANSLATE_NOOP("LedgerForm", "Audience"), None),
        ("participants", "int", QT_TRANSLATE_NOOP("LedgerForm", "Participants"), None),
        ("hours", "float", QT_TRANSLATE_NOOP("LedgerForm", "Hours"), None),
        ("place", "text", QT_TRANSLATE_NOOP("LedgerForm", "Place"), None),
        ("organiser", "text", QT_TRANSLATE_NOOP("LedgerForm", "Organiser"), None),
        ("village_id", "village", QT_TRANSLATE_NOOP("LedgerForm", "Village"), None),
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("content", "long", QT_TRANSLATE_NOOP("LedgerForm", "Content"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.Equipment: (
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("category", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Category"), "equipment_categories"),
        ("name", "text", QT_TRANSLATE_NOOP("LedgerForm", "Name"), None),
        ("model", "text", QT_TRANSLATE_NOOP("LedgerForm", "Model"), None),
        ("reg_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Registration certificate no."), None),
        ("device_code", "text", QT_TRANSLATE_NOOP("LedgerForm", "Device code"), None),
        ("factory_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Factory no."), None),
        ("location", "text", QT_TRANSLATE_NOOP("LedgerForm", "Location"), None),
        ("commissioned_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "In use since"), None),
        ("last_inspected_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Last inspected on"), None),
        ("result", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Inspection result"), rec.INSPECTION_RESULTS),
        ("inspection_body", "text", QT_TRANSLATE_NOOP("LedgerForm", "Inspection body"), None),
        ("report_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Report no."), None),
        ("interval_months", "int", QT_TRANSLATE_NOOP("LedgerForm", "Interval (months, 0 = the category's)"), None),
        ("status", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Status"), rec.EQUIPMENT_STATUSES),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.Person: (
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("role", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Role"), "roles"),
        ("name", "text", QT_TRANSLATE_NOOP("LedgerForm", "Full name"), None),
        ("id_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "ID number"), None),
        ("phone", "text", QT_TRANSLATE_NOOP("LedgerForm", "Phone"), None),
        ("category", "editable_choice", QT_TRANSLATE_NOOP("LedgerForm", "Operation category / item code"), "person_categories"),
        ("item", "text", QT_TRANSLATE_NOOP("LedgerForm", "Permitted item"), None),
        ("cert_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Certificate no."), None),
        ("issuer", "text", QT_TRANSLATE_NOOP("LedgerForm", "Issued by"), None),
        ("first_issued_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "First issued on"), None),
        ("issued_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Current certificate issued on"), None),
        ("valid_until", "date", QT_TRANSLATE_NOOP("LedgerForm", "Valid until (blank: computed)"), None),
        ("last_review_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Last review on"), None),
        ("review_extended", "bool", QT_TRANSLATE_NOOP("LedgerForm", "Review period extended"), None),
        ("trained_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Last training on"), None),
        ("training_hours", "float", QT_TRANSLATE_NOOP("LedgerForm", "Training hours"), None),
        ("on_duty", "bool", QT_TRANSLATE_NOOP("LedgerForm", "On duty"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.HazardSource: (
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("name", "text", QT_TRANSLATE_NOOP("LedgerForm", "Name"), None),
        ("substance", "text", QT_TRANSLATE_NOOP("LedgerForm", "Substance"), None),
        ("quantity_t", "float", QT_TRANSLATE_NOOP("LedgerForm", "Quantity (t)"), None),
        ("grade", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Grade"), "hazard_grades"),
        ("filing_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Filing no."), None),
        ("filed_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Filed on"), None),
        ("reviewed_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Last assessed on"), None),
        ("status", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Status"),
        ("在用", "停用", "已核销")),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.Accident: (
        ("occurred_at", "datetime", QT_TRANSLATE_NOOP("LedgerForm", "Occurred at"), None),
        ("place", "text", QT_TRANSLATE_NOOP("LedgerForm", "Place"), None),
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("type", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Type (GB 6441)"), "accident_types"),
        ("deaths", "int", QT_TRANSLATE_NOOP("LedgerForm", "Deaths"), None),
        ("serious_injuries", "int", QT_TRANSLATE_NOOP("LedgerForm", "Serious injuries"), None),
        ("minor_injuries", "int", QT_TRANSLATE_NOOP("LedgerForm", "Minor injuries"), None),
        ("missing", "int", QT_TRANSLATE_NOOP("LedgerForm", "Missing"), None),
        ("direct_loss_wan", "float", QT_TRANSLATE_NOOP("LedgerForm", "Direct loss (10,000 yuan)"), None),
        ("reported_at", "datetime", QT_TRANSLATE_NOOP("LedgerForm", "Reported at"), None),
        ("reported_to", "text", QT_TRANSLATE_NOOP("LedgerForm", "Reported to"), None),
        ("closed_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Case closed on"), None),
        ("summary", "long", QT_TRANSLATE_NOOP("LedgerForm", "What happened"), None),
        ("cause", "long", QT_TRANSLATE_NOOP("LedgerForm", "Cause"), None),
        ("investigation", "long", QT_TRANSLATE_NOOP("LedgerForm", "Investigation"), None),
        ("responsibility", "long", QT_TRANSLATE_NOOP("LedgerForm", "Responsibility"), None),
        ("measures", "long", QT_TRANSLATE_NOOP("LedgerForm", "Measures"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.TownshipAction: (
        ("kind", "choice", QT_TRANSLATE_NOOP("LedgerForm", "Kind"), "action_kinds"),
        ("on_date", "date", QT_TRANSLATE_NOOP("LedgerForm", "Date"), None),
        ("title", "text", QT_TRANSLATE_NOOP("LedgerForm", "Title"), None),
        ("place", "text", QT_TRANSLATE_NOOP("LedgerForm", "Place"), None),
        ("lead", "text", QT_TRANSLATE_NOOP("LedgerForm", "Lead unit"), None),
        ("departments", "text", QT_TRANSLATE_NOOP("LedgerForm", "Departments taking part"), None),
        ("participants", "int", QT_TRANSLATE_NOOP("LedgerForm", "Participants"), None),
        ("enterprises_checked", "int", QT_TRANSLATE_NOOP("LedgerForm", "Enterprises checked"), None),
        ("problems_found", "int", QT_TRANSLATE_NOOP("LedgerForm", "Problems found"), None),
        ("cases_referred", "int", QT_TRANSLATE_NOOP("LedgerForm", "Cases referred"), None),
        ("content", "long", QT_TRANSLATE_NOOP("LedgerForm", "Content"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.Supervisor: (
        ("village_id", "village", QT_TRANSLATE_NOOP("LedgerForm", "Village"), None),
        ("name", "text", QT_TRANSLATE_NOOP("LedgerForm", "Full name"), None),
        ("id_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "ID number"), None),
        ("phone", "text", QT_TRANSLATE_NOOP("LedgerForm", "Phone"), None),
        ("full_time", "bool", QT_TRANSLATE_NOOP("LedgerForm", "Full-time"), None),
        ("cert_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Certificate no."), None),
        ("trained_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Last training and exam on"), None),
        ("exam_passed", "bool", QT_TRANSLATE_NOOP("LedgerForm", "Exam passed"), None),
        ("active", "bool", QT_TRANSLATE_NOOP("LedgerForm", "Serving"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.Referral: (
        ("on_date", "date", QT_TRANSLATE_NOOP("LedgerForm", "Date"), None),
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("to_body", "text", QT_TRANSLATE_NOOP("LedgerForm", "Referred to"), None),
        ("doc_no", "text", QT_TRANSLATE_NOOP("LedgerForm", "Document no."), None),
        ("reason", "long", QT_TRANSLATE_NOOP("LedgerForm", "Reason"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
    rec.QuarterReport: (
        ("enterprise_id", "enterprise", QT_TRANSLATE_NOOP("LedgerForm", "Enterprise"), None),
        ("year", "int", QT_TRANSLATE_NOOP("LedgerForm", "Year"), None),
        ("quarter", "int", QT_TRANSLATE_NOOP("LedgerForm", "Quarter"), None),
        ("received_on", "date", QT_TRANSLATE_NOOP("LedgerForm", "Received on"), None),
        ("general_found", "int", QT_TRANSLATE_NOOP("LedgerForm", "General hazards found"), None),
        ("general_rectified", "int", QT_TRANSLATE_NOOP("LedgerForm", "General hazards rectified"), None),
        ("major_found", "int", QT_TRANSLATE_NOOP("LedgerForm", "Major hazards found"), None),
        ("major_rectified", "int", QT_TRANSLATE_NOOP("LedgerForm", "Major hazards rectified"), None),
        ("reporter", "text", QT_TRANSLATE_NOOP("LedgerForm", "Reported by"), None),
        ("notes", "long", QT_TRANSLATE_NOOP("LedgerForm", "Notes"), None),
    ),
}

# The ledger screen → the kind it records (the derived ledgers have none: they are read-only).
KIND_OF_LEDGER: dict[str, type] = {
    "activities": rec.Activity, "equipment": rec.Equipment, "people": rec.Person,
    "hazard_sources": rec.HazardSource, "accidents": rec.Accident, "township": rec.TownshipAction,
    "supervisors": rec.Supervisor, "quarter_reports": rec.QuarterReport, "referrals": rec.Referral,
}


def options(name, rules) -> tuple[str, ...]:
    if isinstance(name, tuple):
        return name
    if name == "roles":
        return tuple(rules.roles)
    if name == "person_categories":
        return ("",) + tuple(rules.special_operations) + tuple(rules.special_equipment_items)
    return tuple(getattr(rules, name))


__all__ = ["FIELDS", "KIND_OF_LEDGER", "options"]
