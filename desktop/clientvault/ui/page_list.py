"""The pages each role sees in the main window, and how each is built and wired to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from clientvault.core.roles import Capability, Role, can
from clientvault.ui.pages.account import AccountPage
from clientvault.ui.pages.agreements import AgreementsPage
from clientvault.ui.pages.audit import AuditPage
from clientvault.ui.pages.backups import BackupsPage
from clientvault.ui.pages.clients import ClientsPage
from clientvault.ui.pages.complaints import ComplaintsPage
from clientvault.ui.pages.consent_overview import ConsentOverviewPage
from clientvault.ui.pages.disclosures import DisclosuresPage
from clientvault.ui.pages.erasure import ErasurePage
from clientvault.ui.pages.exports import ExportsPage
from clientvault.ui.pages.home import AssistantHomePage, home_page
from clientvault.ui.pages.impact_assessments import ImpactAssessmentsPage
from clientvault.ui.pages.incidents import IncidentsPage
from clientvault.ui.pages.locked import LockedPage
from clientvault.ui.pages.purposes import PurposesPage
from clientvault.ui.pages.requests_register import RequestsRegisterPage
from clientvault.ui.pages.settings import SettingsPage
from clientvault.ui.pages.staff import StaffPage
from clientvault.ui.pages.staff_register import StaffRegisterPage

if TYPE_CHECKING:
    from clientvault.ui.main_window import MainWindow


# The titles keep the main window's translation context ("MainWindow").
translate = QCoreApplication.translate


def page_factories(win: MainWindow) -> list[tuple[str, str, Callable[[], QWidget]]]:
    """(key, title, factory) for the pages this role may see; the first is the role's home."""
    role = win.vault.session.role
    staff = ("staff", translate("MainWindow", "Staff accounts"), lambda: StaffPage(win.ctx, win.vault, win.operations))
    audit = ("audit", translate("MainWindow", "Audit log"), lambda: AuditPage(win.vault, win.operations))
    account = ("account", translate("MainWindow", "My account"), lambda: _account_page(win))
    home = ("home", translate("MainWindow", "Home"), lambda: _home_page(win))
    lang = win.ctx.pdf_lang
    clients = ("clients", translate("MainWindow", "Clients"), lambda: ClientsPage(win.vault, win.operations, lang=lang))
    pages: list[tuple[str, str, Callable[[], QWidget]]] = [home, clients]
    if role is Role.PRIVACY_OFFICER:
        overview = lambda: ConsentOverviewPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("consent_overview", translate("MainWindow", "Consent overview"), overview))
    if can(role, Capability.MANAGE_PURPOSES):
        purposes = lambda: PurposesPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("purposes", translate("MainWindow", "Purposes"), purposes))
    if role is Role.PARTNER:
        locked = lambda: LockedPage(win.vault, operations=win.operations, vaults=win.ctx.vaults)  # noqa: E731
        pages.append(("locked", translate("MainWindow", "Locked records"), locked))
    if role in (Role.PARTNER, Role.PRIVACY_OFFICER):
        erasure = lambda: ErasurePage(win.vault, win.operations, pdf_lang=lang)  # noqa: E731
        pages.append(("erasure", translate("MainWindow", "Erasure"), erasure))
    if can(role, Capability.EXPORT):  # partner and privacy officer: all; an accountant: own files
        pages.append(
            ("exports", translate("MainWindow", "Export register"), lambda: ExportsPage(win.vault, win.operations))
        )
    if can(role, Capability.REGISTERS):  # intake for every role; partner and privacy officer answer
        requests = lambda: RequestsRegisterPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("requests_register", translate("MainWindow", "Requests from individuals"), requests))
        complaints = lambda: ComplaintsPage(win.vault, win.operations)  # noqa: E731
        pages.append(("complaints", translate("MainWindow", "Complaints"), complaints))
        incidents = lambda: IncidentsPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("incidents", translate("MainWindow", "Incidents and breaches"), incidents))
    if can(role, Capability.REGISTERS) and role is not Role.ASSISTANT:
        disclosures = lambda: DisclosuresPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("disclosures", translate("MainWindow", "Sharing log"), disclosures))
        assessments = lambda: ImpactAssessmentsPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("impact_assessments", translate("MainWindow", "Impact assessments"), assessments))
    if can(role, Capability.REGISTERS):  # entrustment agreements: intake for every role; recipients: not assistants
        agreements = lambda: AgreementsPage(win.vault, win.operations, lang=lang)  # noqa: E731
        pages.append(("agreements", translate("MainWindow", "Agreements"), agreements))
    if can(role, Capability.REGISTERS):  # managers see everyone; other staff their own agreement and training
        staff_register = lambda: StaffRegisterPage(win.vault, win.operations)  # noqa: E731
        pages.append(("staff_register", translate("MainWindow", "Staff register"), staff_register))
    if role in (Role.PARTNER, Role.PRIVACY_OFFICER):
        pages.append(("dashboard", translate("MainWindow", "Compliance dashboard"), lambda: _dashboard_page(win)))
    if role is Role.PARTNER:
        pages.append(("backups", translate("MainWindow", "Backups"), lambda: _backups_page(win)))
        pages.append(staff)
    if can(role, Capability.VIEW_AUDIT):
        pages.append(audit)
    settings = lambda: SettingsPage(win.ctx, win.vault, win.operations)  # noqa: E731
    pages.append(("settings", translate("MainWindow", "Settings"), settings))
    pages.append(account)
    return pages


def _home_page(win: MainWindow) -> QWidget:
    page = home_page(win.vault, win.operations)
    page.sig_open_client.connect(win.open_client)
    if isinstance(page, AssistantHomePage):  # the intake dialog opens the new client's page
        page.sig_prospect_created.connect(win.open_client)
    page.sig_show_page.connect(win.show_page)
    return page


def _dashboard_page(win: MainWindow) -> QWidget:
    from clientvault.ui.pages.dashboard import DashboardPage

    page = DashboardPage(win.vault, win.operations, lang=win.ctx.pdf_lang)
    page.sig_open.connect(win.open_filtered)
    return page


def _backups_page(win: MainWindow) -> QWidget:
    page = BackupsPage(win.vault, win.operations)
    page.sig_restored.connect(win.lock)  # every page holds the replaced database: log in again
    return page


def _account_page(win: MainWindow) -> QWidget:
    page = AccountPage(win.ctx, win.vault)
    page.sig_lock_requested.connect(win.lock)
    return page
