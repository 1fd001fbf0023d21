"""The client list (lazy, sortable, search-as-you-type, filters) with each opened client in a tab."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.core.records import ClientStatus
from clientvault.core.roles import Capability, Scope, scope
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.ui.client_labels import clients_count, status_name
from clientvault.ui.errors import show_error
from clientvault.ui.i18n import format_number
from clientvault.ui.models.clients import ClientTableModel
from clientvault.ui.operations import Operations
from clientvault.ui.pages.client_detail import ClientDetailPage
from clientvault.ui.pages.client_list_actions import ClientListActions, make_client_table
from clientvault.ui.widgets.clipboard import SecretClipboard
from clientvault.ui.widgets.masked_value import REVEAL_MS

SEARCH_DEBOUNCE_MS = 150


class ClientsPage(ClientListActions, QWidget):
    """Client list and opened clients; a client opens on double-click or Enter."""

    sig_client_opened = Signal(int)
    """A client's page was opened (its id)."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        service: ClientService | None = None,
        clipboard: SecretClipboard | None = None,
        reveal_ms: int = REVEAL_MS,
        lang: str = "zh",
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang  # of printed consent forms and purpose names on the client pages
        self.service = service or ClientService(vault)
        self.reveal_ms = reveal_ms
        self.clipboard = clipboard or SecretClipboard(QGuiApplication.clipboard(), self)
        # A lock closes the pages: take our secret off the clipboard first and hide revealed values.
        vault.on_lock.append(self._on_lock)
        self.details: dict[int, ClientDetailPage] = {}
        role = self.service.role

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Name, credit code, tax number, phone or person…"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        statuses = [ClientStatus.PROSPECT, ClientStatus.ACTIVE]
        if scope(role, Capability.VIEW_CLIENTS) is not Scope.ACTIVE:
            statuses.append(ClientStatus.ENDED)
        for st in statuses:
            self.status_filter.addItem(status_name(st), st.value)
        status_label = QLabel(self.tr("S&tatus:"), self)
        status_label.setBuddy(self.status_filter)
        self.accountant_filter: QComboBox | None = None
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        if scope(role, Capability.VIEW_CLIENTS) is Scope.ALL:
            self.accountant_filter = QComboBox(self)
            self.accountant_filter.setObjectName("accountant_filter")
            self.accountant_filter.addItem(self.tr("All accountants"), None)
            for a in self.service.accountants():
                self.accountant_filter.addItem(a.display_name, a.id)
            acc_label = QLabel(self.tr("Acco&untant:"), self)
            acc_label.setBuddy(self.accountant_filter)
            filters.addWidget(acc_label)
            filters.addWidget(self.accountant_filter)
        self.add_action_buttons(role, filters)

        self.model = ClientTableModel(self.service, self)
        self.view = make_client_table(self.model, self)
        self.view.setObjectName("clients")
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        self.model.sig_counted.connect(self._update_count)
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.view, 1)
        list_layout.addWidget(self.count_label)
        self.closed_note = QLabel(self)
        self.closed_note.setObjectName("closed_note")
        self.closed_note.setVisible(False)
        list_layout.addWidget(self.closed_note)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("client_pages")
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(list_page, self.tr("Client list"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        if self.accountant_filter is not None:
            self.accountant_filter.currentIndexChanged.connect(self.apply_filter)
        self.view.doubleClicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)  # Enter on a row
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close_current)
        self.setTabOrder(self.search, self.status_filter)
        self._update_count()

    # -- list ----------------------------------------------------------------------------------

    def current_filter(self) -> ClientFilter:
        """The filter the controls describe (keeping the current sort)."""
        status = self.status_filter.currentData()
        acc = self.accountant_filter.currentData() if self.accountant_filter is not None else None
        return replace(
            self.model.filter,
            text=self.search.text(),
            status=ClientStatus(status) if status else None,
            accountant_id=acc,
        )

    def apply_filter(self) -> None:
        """Re-query the list now (the search box calls this after a short pause in typing)."""
        self._debounce.stop()
        try:
            self.model.set_filter(self.current_filter())
        except KnownError as exc:
            show_error(self, exc)
        self._update_count()

    def _search_entered(self) -> None:
        self.apply_filter()
        self.focus_results()

    def focus_results(self) -> None:
        """Move from the search box into the results, on the first row (Down or Enter in the search box)."""
        if self.model.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.selectRow(self.view.currentIndex().row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        down = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if watched is self.search and down:
            if self._debounce.isActive():
                self.apply_filter()
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.is_sortable(column):
            # Only columns the service can order by: put the indicator back where the list is sorted.
            flt = self.model.filter
            current = next(c for c, k in ClientTableModel.SORT_KEYS.items() if k == flt.sort)
            header = self.view.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                current, Qt.SortOrder.DescendingOrder if flt.descending else Qt.SortOrder.AscendingOrder
            )
            header.blockSignals(False)
        self._update_count()

    def _update_count(self) -> None:
        if not self.model.counted:
            return  # the first page is shown first; sig_counted brings the count
        searching = bool(self.model.filter.text.strip())
        self.count_label.setText(clients_count(format_number(self.model.total), self.model.capped, searching))

    def focus_search(self) -> None:
        """Go to the list and put the cursor in the search box (Ctrl+F)."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- client pages --------------------------------------------------------------------------

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_client(self.model.client(index.row()).id)

    def open_client(self, client_id: int) -> ClientDetailPage | None:
        """Show the client's page (in its tab, opened if needed)."""
        page = self.details.get(client_id)
        if page is None:
            try:
                page = ClientDetailPage(
                    self.service,
                    client_id,
                    self.clipboard,
                    self,
                    reveal_ms=self.reveal_ms,
                    operations=self.operations,
                    lang=self.lang,
                )
            except KnownError as exc:
                show_error(self, exc)
                return None
            page.setObjectName(f"client_{client_id}")
            page.sig_changed.connect(self._client_changed)
            page.sig_close_requested.connect(self.close_client)
            page.sig_notice.connect(self.show_notice)
            self.details[client_id] = page
            title = page.detail.name if page.detail else str(client_id)
            self.tabs.addTab(page, title if len(title) <= 18 else title[:17] + "…")
            self.tabs.setTabToolTip(self.tabs.indexOf(page), title)
        self.tabs.setCurrentWidget(page)
        self.sig_client_opened.emit(client_id)
        return page

    def close_client(self, client_id: int) -> None:
        """Close a client's tab (any revealed value is hidden)."""
        page = self.details.pop(client_id, None)
        if page is None:
            return
        page.conceal_all()
        self.tabs.removeTab(self.tabs.indexOf(page))
        page.deleteLater()

    def close_current(self) -> None:
        """Close the client tab shown (Ctrl+W); the list itself stays."""
        page = self.tabs.currentWidget()
        if isinstance(page, ClientDetailPage):
            self.close_client(page.client_id)

    def _close_tab(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, ClientDetailPage):
            self.close_client(page.client_id)

    def _client_changed(self, client_id: int) -> None:
        page = self.details.get(client_id)
        if page is not None and page.detail is not None:
            self.tabs.setTabText(self.tabs.indexOf(page), page.detail.name[:18])

    def show_notice(self, text: str) -> None:
        """Confirm on the list what an action on a page that has closed did."""
        self.closed_note.setText(text)
        self.closed_note.setVisible(True)

    def apply_changes(self, changes: Changes) -> None:
        """Close the tabs of clients gone (erased, sealed); re-read the list and the open clients they concern."""
        closed = [cid for cid in changes.gone if cid in self.details]
        for cid in closed:
            self.close_client(cid)
        if changes.touches("clients", "consent", "sealed", "users"):
            self.apply_filter()
            for cid, page in list(self.details.items()):
                page.reload()
                if page.gone:  # erased or sealed at another workstation, or no longer visible to this role
                    closed.append(cid)
                    self.close_client(cid)
        if closed:
            self.closed_note.setText(
                self.tr("A client's page was closed: the record was erased or sealed, or is no longer visible to you.")
            )
            self.closed_note.setVisible(True)

    def _on_lock(self) -> None:
        try:
            for page in self.details.values():
                page.conceal_all()
            self.clipboard.clear_if_unchanged()
        except RuntimeError:  # the page was already deleted (an earlier session's window)
            pass
