"""The incidents and breaches register page (PIPL Arts 51(5), 57): report for everyone, handling for managers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import KnownError
from clientvault.services.changes import Changes
from clientvault.services.clients import ClientFilter, ClientService
from clientvault.services.context import Vault
from clientvault.services.incidents import Incident, IncidentKind, IncidentService
from clientvault.ui.errors import error_message
from clientvault.ui.i18n import fmt, format_date, format_number
from clientvault.ui.operations import Operations
from clientvault.ui.widgets.register_page import action_button, headed_layout, refill, table_model, toolbar
from clientvault.ui.widgets.tables import make_table_view, selected_item
from clientvault.ui.widgets.text import wrapped_label


class ChecklistDialog(QDialog):
    """Tick the containment steps of the firm's response plan."""

    def __init__(self, incident: Incident, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Containment checklist"))
        layout = QVBoxLayout(self)
        self.boxes: list[QCheckBox] = []
        for step, done in incident.containment:
            box = QCheckBox(step, self)
            box.setChecked(done)
            self.boxes.append(box)
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def steps(self) -> list[tuple[str, bool]]:
        """The steps and whether each is done."""
        return [(b.text(), b.isChecked()) for b in self.boxes]


class IncidentsPage(QWidget):
    """Lists incidents; partner and privacy officer name the affected, tick the checklist, decide, write letters."""

    def __init__(
        self,
        vault: Vault,
        operations: Operations,
        parent: QWidget | None = None,
        *,
        lang: str = "zh",
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.vault = vault
        self.operations = operations
        self.lang = lang
        self.service = IncidentService(vault, today=today)
        self.service.entries()  # AccessDenied (audited) for a role without the register
        self.entries: list[Incident] = []
        self.kind_names = {
            IncidentKind.INCIDENT: self.tr("Incident"),
            IncidentKind.BREACH: self.tr("Breach"),
            IncidentKind.DRILL: self.tr("Drill"),
        }
        self.show_all = QCheckBox(self.tr("Show closed incidents too"), self)
        self.count_label = QLabel(self)
        self.report_button = self._button("report", self.tr("Report incident…"), lambda: self.report_incident())
        self.affected_button = self._button("affected", self.tr("Add affected…"), lambda: self.add_affected())
        self.checklist_button = self._button("checklist", self.tr("Checklist…"), lambda: self.edit_checklist())
        self.decide_button = self._button("decide", self.tr("Notify decision…"), lambda: self.decide())
        self.authority_button = self._button(
            "authority", self.tr("Report to authority (PDF)…"), lambda: self.save_authority()
        )
        self.letters_button = self._button("letters", self.tr("Letters to persons (PDF)…"), lambda: self.save_letters())
        self.close_button = self._button("close", self.tr("Close…"), lambda: self.close_incident())
        self.manage_buttons = (
            self.affected_button, self.checklist_button, self.decide_button, self.authority_button,
            self.letters_button, self.close_button,
        )  # fmt: skip
        top = toolbar([self.show_all, self.count_label], [self.report_button])
        actions = QHBoxLayout()
        for b in self.manage_buttons:
            actions.addWidget(b)
            b.setVisible(self.service.can_manage())
        actions.addStretch(1)
        self.model = table_model(
            self,
            [self.tr("No."), self.tr("Kind"), self.tr("Discovered"), self.tr("What happened"), self.tr("Affected"),
             self.tr("Notify"), self.tr("State")],
        )  # fmt: skip
        self.view = make_table_view(self, "incidents", self.model)
        self.status = wrapped_label(self, name="status")
        layout = headed_layout(
            self,
            self.tr("Incidents and breaches"),
            self.tr(
                "Report any event that may have exposed client data (a lost laptop, a mis-sent e-mail, a "
                "break-in) at once. The partner or the privacy officer names the affected clients and persons, "
                "works through the response plan, decides whether to notify them and the authority (PIPL "
                "Art 57) and prints the letters. Drills are recorded the same way."
            ),
        )
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.status)
        self.show_all.toggled.connect(lambda _c: self.reload())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        return action_button(self, name, text, slot)

    def reload(self) -> None:
        """Re-read the register."""
        if self.vault.locked:
            return
        before = self.selected()
        self.entries = self.service.entries(open_only=not self.show_all.isChecked())
        notify = {"notify": self.tr("Notify"), "no_notify": self.tr("Not notified"), "": self.tr("Not decided")}
        refill(
            self.model,
            (
                [
                    i.number,
                    self.kind_names[i.kind],
                    format_date(i.discovered_on),
                    i.summary.splitlines()[0] if i.summary else "",
                    format_number(len(i.affected)),
                    notify[i.notify],
                    self.tr("Open") if i.status == "open" else self.tr("Closed"),
                ]
                for i in self.entries
            ),
        )
        self.count_label.setText(fmt(self.tr("%1 incidents"), format_number(len(self.entries))))
        if before is not None:  # keep the incident being worked on selected
            for row, i in enumerate(self.entries):
                if i.id == before.id:
                    self.view.selectRow(row)
        self._update_buttons()

    def apply_changes(self, changes: Changes) -> None:
        """Reload when registers, clients or sealed records changed."""
        if changes.touches("requests", "clients", "sealed"):
            self.reload()

    def selected(self) -> Incident | None:
        """The selected incident."""
        return selected_item(self.view, self.entries.__getitem__)

    def _update_buttons(self) -> None:
        i = self.selected()
        is_open = i is not None and i.status == "open"
        for b in (self.affected_button, self.checklist_button, self.decide_button, self.close_button):
            b.setEnabled(is_open)
        notified = i is not None and i.notify == "notify"
        self.authority_button.setEnabled(notified)
        self.letters_button.setEnabled(notified)

    def _try(self, action: Callable[[], object], message: str) -> bool:
        try:
            action()
        except KnownError as exc:
            self.status.setText(error_message(exc))
            return False
        self.status.setText(message)
        self.reload()
        self.operations.report(Changes(requests=True), self)
        return True

    # -- actions -------------------------------------------------------------------------------

    def report_incident(self, kind: IncidentKind | None = None, summary: str | None = None) -> bool:
        """Report an incident, breach or drill."""
        if kind is None or summary is None:
            names = list(self.kind_names.values())
            chosen, ok = QInputDialog.getItem(self, self.tr("Report incident"), self.tr("Kind:"), names, 0, False)
            if not ok:
                return False
            kind = list(self.kind_names)[names.index(chosen)]
            summary, ok = QInputDialog.getMultiLineText(self, self.tr("Report incident"), self.tr("What happened:"))
            if not ok:
                return False
        k, text = kind, summary
        return self._try(lambda: self.service.report(k, text), self.tr("Incident reported."))

    def add_affected(self, client_id: int | None = None, person_id: int | None = None) -> bool:
        """Name an affected client (and person), chosen from the vault."""
        i = self.selected()
        if i is None:
            return False
        if client_id is None:
            picked = self._pick_affected()
            if picked is None:
                return False
            client_id, person_id = picked
        cid, pid = client_id, person_id
        return self._try(lambda: self.service.add_affected(i.id, cid, pid), self.tr("Affected client added."))

    def _pick_affected(self) -> tuple[int, int | None] | None:
        clients = ClientService(self.vault)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Add affected"))
        client, person = QComboBox(dialog), QComboBox(dialog)
        for row in clients.page(ClientFilter(), limit=500):
            client.addItem(row.name, row.id)

        def fill() -> None:
            person.clear()
            person.addItem(self.tr("(the client as a whole)"), None)
            if client.currentData() is not None:
                for p in clients.get(client.currentData()).persons:
                    person.addItem(p.name, p.id)

        client.currentIndexChanged.connect(lambda _i: fill())
        fill()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        for w in (client, person, buttons):
            layout.addWidget(w)
        if dialog.exec() != QDialog.DialogCode.Accepted or client.currentData() is None:
            return None
        return int(client.currentData()), person.currentData()

    def edit_checklist(self, steps: list[tuple[str, bool]] | None = None) -> bool:
        """Tick the containment steps done."""
        i = self.selected()
        if i is None:
            return False
        if steps is None:
            dialog = ChecklistDialog(i, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            steps = dialog.steps()
        done = steps
        return self._try(lambda: self.service.update(i.id, containment=done), self.tr("Checklist saved."))

    def decide(self, notify: bool | None = None, reason: str | None = None) -> bool:
        """Record whether to notify, and why."""
        i = self.selected()
        if i is None:
            return False
        if notify is None or reason is None:
            options = [self.tr("Notify the persons and the authority"), self.tr("Do not notify")]
            chosen, ok = QInputDialog.getItem(self, self.tr("Notify decision"), self.tr("Decision:"), options, 0, False)
            if not ok:
                return False
            notify = chosen == options[0]
            reason, ok = QInputDialog.getMultiLineText(self, self.tr("Notify decision"), self.tr("Reason:"))
            if not ok:
                return False
        n, why = notify, reason
        return self._try(lambda: self.service.decide(i.id, n, why), self.tr("Decision recorded."))

    def _folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the letters"))
        return Path(chosen) if chosen else None

    def save_authority(self, folder: Path | None = None) -> bool:
        """Save the report to the authority (PDF, export register)."""
        i = self.selected()
        folder = folder or self._folder()
        if i is None or folder is None:
            return False
        path = folder / f"{i.number}-authority.pdf"
        return self._try(
            lambda: self.service.save_letter(self.service.authority_letter(i.id, self.lang), path, i.id),
            fmt(self.tr("Saved %1."), path.name),
        )

    def save_letters(self, folder: Path | None = None) -> bool:
        """Save one letter per affected person still in the vault (PDF, export register)."""
        i = self.selected()
        folder = folder or self._folder()
        if i is None or folder is None:
            return False

        def write() -> int:
            n = 0
            for a in i.affected:
                if a.erased:
                    continue  # nothing is left to write to
                pdf = self.service.person_letter(i.id, a.client_id, a.person_id, self.lang)
                name = f"{i.number}-{a.client_id}-{a.person_id or 0}.pdf"
                self.service.save_letter(pdf, folder / name, i.id, [a.client_id])
                n += 1
            return n

        return self._try(write, self.tr("Letters saved (one per affected person still in the vault)."))

    def close_incident(self, lessons: str | None = None) -> bool:
        """Close with the lessons learnt."""
        i = self.selected()
        if i is None:
            return False
        if lessons is None:
            lessons, ok = QInputDialog.getMultiLineText(self, self.tr("Close incident"), self.tr("Lessons learnt:"))
            if not ok:
                return False
        text = lessons
        return self._try(lambda: self.service.close(i.id, text), self.tr("Incident closed."))
