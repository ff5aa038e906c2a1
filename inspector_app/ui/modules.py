"""Where the main window's modules and the enterprise dossier's pages come from.

Entries are import paths, resolved only when the window or dossier is built, so each screen's
imports stay off the start-up path until it is needed.
"""

from __future__ import annotations

import importlib

from ..core.i18n import QT_TRANSLATE_NOOP

# Main-window modules after the enterprise registry: (title, "module:factory(store, parent)").
MODULES: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("Modules", "Today"), ".today.widget:TodayWidget"),
    (QT_TRANSLATE_NOOP("Modules", "Inspections"), ".inspection.inspections_list:InspectionsWidget"),
    (QT_TRANSLATE_NOOP("Modules", "Findings"), ".findings.list_widget:FindingsWidget"),
    (QT_TRANSLATE_NOOP("Modules", "Document register"), ".documents.register:DocumentRegisterWidget"),
    (QT_TRANSLATE_NOOP("Modules", "Ledgers"), ".ledgers.screen:LedgersWidget"),
    (QT_TRANSLATE_NOOP("Modules", "Sync"), ".sync.screen:SyncWidget"),
]

# Pages of an enterprise's dossier after "Basic information":
# (title, "module:factory(store, enterprise_id, parent)").
ENTERPRISE_PAGES: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("Modules", "Obligations"), ".registry.obligations_panel:ObligationsPage"),
    (QT_TRANSLATE_NOOP("Modules", "Inspections"), ".inspection.history:EnterpriseInspectionsPage"),
    (QT_TRANSLATE_NOOP("Modules", "Findings"), ".findings.enterprise_page:EnterpriseFindingsPage"),
    (QT_TRANSLATE_NOOP("Modules", "Documents"), ".documents.enterprise_page:EnterpriseDocumentsPage"),
    (QT_TRANSLATE_NOOP("Modules", "Suspension (停产整改)"), ".findings.suspension:SuspensionPage"),
]


def _resolve(target: str):
    mod_name, attr = target.split(":")
    return getattr(importlib.import_module(mod_name, package=__package__), attr)


def enterprise_pages():
    for title, target in ENTERPRISE_PAGES:
        yield title, _resolve(target)


