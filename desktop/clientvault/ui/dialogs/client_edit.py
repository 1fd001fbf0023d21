"""Create or edit a client, with inline validation and the second-workstation conflict flow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.errors import DuplicateIdentifier, ValidationError, VersionConflict
from clientvault.core.records import ClientInput, ClientKind
from clientvault.services.clients import ClientService, SharedIdentifier
from clientvault.ui.client_labels import field_error, field_label, kind_name
from clientvault.ui.dialogs.conflict import ConflictDialog
from clientvault.ui.dialogs.shared_identifier import ask_shared, refusal
from clientvault.ui.errors import show_inline
from clientvault.ui.i18n import fmt

#: Every editable client field, in form order.
CLIENT_FIELDS = (
    "kind",
    "name",
    "uscc",
    "tax_no",
    "industry",
    "address",
    "phone",
    "email",
    "engagement_start",
    "engagement_end",
    "notes",
)
_MAX = {"name": 200, "uscc": 40, "tax_no": 40, "industry": 100, "address": 300, "phone": 40, "email": 254}
_ERROR_STYLE = "color: #b00020;"


def _shown(field: str, value: str) -> str:
    """A stored client value as the conflict view shows it (the kind code by its name)."""
    if field == "kind" and value in ClientKind.__members__.values():
        return kind_name(ClientKind(value))
    return value


def _mnemonic(text: str) -> str:
    """Give a field label a keyboard mnemonic on its first letter (Latin labels only)."""
    return f"&{text}" if text[:1].isascii() and text[:1].isalpha() else text


class ClientForm(QWidget):
    """The client fields with an error line under each; values in, values and errors out."""

    def __init__(self, fields: tuple[str, ...] = CLIENT_FIELDS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in fields:
            editor: QWidget
            if f == "kind":
                combo = QComboBox(self)
                for kind in ClientKind:
                    combo.addItem(kind_name(kind), kind.value)
                editor = combo
            elif f == "notes":
                notes = QPlainTextEdit(self)
                notes.setTabChangesFocus(True)
                notes.setFixedHeight(70)
                editor = notes
            else:
                line = QLineEdit(self)
                line.setMaxLength(_MAX.get(f, 200))
                if f.startswith("engagement_"):
                    line.setPlaceholderText(self.tr("YYYY-MM-DD"))
                editor = line
            editor.setObjectName(f)
            editor.setAccessibleName(field_label(f))
            error = QLabel(self)
            error.setObjectName(f"{f}_error")
            error.setStyleSheet(_ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            cell = QWidget(self)
            col = QVBoxLayout(cell)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(1)
            col.addWidget(editor)
            col.addWidget(error)
            label = QLabel(fmt(self.tr("%1:"), _mnemonic(field_label(f))), self)
            label.setBuddy(editor)
            form.addRow(label, cell)
            self.editors[f] = editor
            self.errors[f] = error
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t, name=f: self._clear_error(name))
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(_ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        form.addRow(self.general_error)

    def editor(self, field: str) -> QWidget:
        """The input widget of ``field``."""
        return self.editors[field]

    def values(self) -> dict[str, str]:
        """The form's values as text, one per field."""
        out: dict[str, str] = {}
        for f, w in self.editors.items():
            if isinstance(w, QComboBox):
                out[f] = str(w.currentData())
            elif isinstance(w, QPlainTextEdit):
                out[f] = w.toPlainText()
            elif isinstance(w, QLineEdit):
                out[f] = w.text()
        return out

    def set_values(self, values: dict[str, str]) -> None:
        """Fill the form (fields missing from ``values`` are left as they are)."""
        for f, w in self.editors.items():
            if f not in values:
                continue
            if isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(values[f])))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(values[f])
            elif isinstance(w, QLineEdit):
                w.setText(values[f])

    def to_input(self) -> ClientInput:
        """A ``ClientInput`` with the form's fields (fields not on the form stay unchanged)."""
        v = self.values()
        kwargs: dict[str, object] = {f: v[f] for f in self.fields if f != "kind"}
        if "kind" in v:
            kwargs["kind"] = ClientKind(v["kind"])
        return ClientInput(**kwargs)  # type: ignore[arg-type]

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each field's error under it; focus the first invalid field."""
        self.clear_errors()
        first: QWidget | None = None
        other = []
        for f in self.fields:
            if f in errors:
                self.errors[f].setText(field_error(f, errors[f]))
                self.errors[f].setVisible(True)
                first = first or self.editors[f]
        for f, code in errors.items():
            if f not in self.errors:
                other.append(f"{field_label(f)}: {field_error(f, code)}")
        if other:
            self.general_error.setText("\n".join(other))
            self.general_error.setVisible(True)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_general_error(self, text: str) -> None:
        """Show a message that belongs to no single field."""
        self.general_error.setText(text)
        self.general_error.setVisible(True)

    def clear_errors(self) -> None:
        """Hide every error line."""
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.setVisible(False)

    def _clear_error(self, field: str) -> None:
        self.errors[field].setVisible(False)


class ClientEditDialog(QDialog):
    """Edits one client (or creates one when ``client_id`` is None); handles a stale version."""

    sig_saved = Signal(int)
    """The client was saved (its id)."""

    def __init__(
        self,
        service: ClientService,
        client_id: int | None = None,
        parent: QWidget | None = None,
        *,
        fields: tuple[str, ...] = CLIENT_FIELDS,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.client_id = client_id
        self.conflict_dialog: ConflictDialog | None = None
        self.shared: tuple[SharedIdentifier, ...] = ()  # what the user confirmed (a branch's credit code)
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Edit client"))
        self.setMinimumWidth(560)
        self.form = ClientForm(fields, self)
        self.original: dict[str, str] = {}
        self.version = 0
        if client_id is not None:
            self.original = service.edit_values(client_id)
            self.version = int(self.original["version"])
            self.form.set_values(self.original)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.editor("name").setFocus()

    def save(self) -> bool:
        """Validate and save; on a stale version open the conflict dialog. Returns True when saved."""
        data = self.form.to_input()
        try:
            if self.client_id is None:
                self.client_id = self.service.create(data, shared=self.shared)
            else:
                self.version = self.service.update(self.client_id, self.version, data, shared=self.shared)
        except DuplicateIdentifier as exc:
            if (confirmed := ask_shared(self, self.service, exc)) is None:
                self.form.show_general_error(refusal(self.service, exc))
                return False
            self.shared += (confirmed,)
            return self.save()
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            return False
        except VersionConflict:
            self.show_conflict()
            return False
        except Exception as exc:
            show_inline(self.form.show_general_error, self, exc)
            return False
        self.sig_saved.emit(self.client_id)
        self.accept()
        return True

    def show_conflict(self) -> ConflictDialog:
        """Show both versions side by side; the user keeps theirs, takes the stored one, or merges."""
        assert self.client_id is not None
        theirs = self.service.edit_values(self.client_id)
        dialog = ConflictDialog(
            self.original,
            self.form.values(),
            theirs,
            {f: field_label(f) for f in self.form.fields},
            self,
            intro=self.tr(
                "Someone saved this client on another workstation while you were editing it. Nothing has been "
                "overwritten. Compare both versions and choose what to keep for each field that differs."
            ),
            display=_shown,
        )
        self.conflict_dialog = dialog
        dialog.finished.connect(lambda result: self._resolved(dialog, theirs, result))
        dialog.open()
        return dialog

    def _resolved(self, dialog: ConflictDialog, theirs: dict[str, str], result: int) -> None:
        self.conflict_dialog = None
        if result != QDialog.DialogCode.Accepted:
            return  # back to the form, nothing saved
        self.original = theirs
        self.version = int(theirs["version"])
        if dialog.choice == ConflictDialog.TAKE_THEIRS:
            self.form.set_values(theirs)
            self.form.clear_errors()
            if self.client_id is not None:
                self.sig_saved.emit(self.client_id)
            self.accept()
            return
        self.form.set_values(dialog.merged())
        self.save()
