"""Someone saved the same client on another workstation: show both versions and let the user choose."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clientvault.core.records import ClientKind
from clientvault.ui.client_labels import field_label, kind_name
from clientvault.ui.i18n import fmt

_DIFF_STYLE = "background: #fff3cd; padding: 2px 4px;"
_SAME_STYLE = "color: #666; padding: 2px 4px;"


def _shown(field: str, value: str) -> str:
    if field == "kind" and value in ClientKind.__members__.values():
        return kind_name(ClientKind(value))
    return value if value else "—"


class ConflictDialog(QDialog):
    """Yours vs the stored version, field by field; nothing is overwritten without a choice.

    Fields only you changed default to yours, fields only they changed default to theirs, and
    fields both changed default to yours but are marked.
    """

    KEEP_MINE = "mine"
    TAKE_THEIRS = "theirs"
    MERGE = "merge"

    def __init__(
        self,
        base: dict[str, str],
        mine: dict[str, str],
        theirs: dict[str, str],
        fields: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mine = mine
        self.theirs = theirs
        self.choice: str | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Saved on another workstation"))
        self.setMinimumWidth(720)
        intro = QLabel(
            self.tr(
                "Someone saved this client on another workstation while you were editing it. Nothing has been "
                "overwritten. Compare both versions and choose what to keep for each field that differs."
            ),
            self,
        )
        intro.setWordWrap(True)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        for col, text in enumerate((self.tr("Field"), self.tr("Your version"), self.tr("Saved version"))):
            head = QLabel(f"<b>{text}</b>", grid_host)
            grid.addWidget(head, 0, col)
        self.differing: list[str] = []
        row = 1
        for f in fields:
            mine_v, theirs_v = mine.get(f, ""), theirs.get(f, "")
            name = QLabel(field_label(f), grid_host)
            grid.addWidget(name, row, 0)
            if mine_v.strip() == theirs_v.strip():
                same = QLabel(_shown(f, mine_v), grid_host)
                same.setStyleSheet(_SAME_STYLE)
                same.setWordWrap(True)
                grid.addWidget(same, row, 1, 1, 2)
            else:
                self.differing.append(f)
                group = QButtonGroup(self)
                mine_b = QRadioButton(_shown(f, mine_v), grid_host)
                mine_b.setObjectName(f"{f}_mine")
                theirs_b = QRadioButton(_shown(f, theirs_v), grid_host)
                theirs_b.setObjectName(f"{f}_theirs")
                for b in (mine_b, theirs_b):
                    b.setStyleSheet(_DIFF_STYLE)
                group.addButton(mine_b, 0)
                group.addButton(theirs_b, 1)
                i_changed = mine_v.strip() != base.get(f, "").strip()
                they_changed = theirs_v.strip() != base.get(f, "").strip()
                (theirs_b if they_changed and not i_changed else mine_b).setChecked(True)
                if i_changed and they_changed:
                    name.setText(fmt(self.tr("%1 (changed by both)"), field_label(f)))
                    name.setStyleSheet("font-weight: bold; color: #8a5300;")
                grid.addWidget(mine_b, row, 1)
                grid.addWidget(theirs_b, row, 2)
                self.groups[f] = group
            row += 1
        grid.setRowStretch(row, 1)  # rows keep their natural height; spare space goes below
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)

        buttons = QDialogButtonBox(self)
        self.keep_button = QPushButton(self.tr("Keep &mine"), self)
        self.keep_button.setObjectName("keep_mine")
        self.keep_button.setToolTip(self.tr("Save your version over the stored one."))
        self.take_button = QPushButton(self.tr("Take &theirs"), self)
        self.take_button.setObjectName("take_theirs")
        self.take_button.setToolTip(self.tr("Discard your changes and show the stored version."))
        self.merge_button = QPushButton(self.tr("Save &merged"), self)
        self.merge_button.setObjectName("save_merged")
        self.merge_button.setToolTip(self.tr("Save the values chosen above, field by field."))
        self.merge_button.setDefault(True)
        for action in (self.merge_button, self.keep_button, self.take_button):
            buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Back to editing"))
        buttons.rejected.connect(self.reject)
        self.keep_button.clicked.connect(lambda: self._choose(self.KEEP_MINE))
        self.take_button.clicked.connect(lambda: self._choose(self.TAKE_THEIRS))
        self.merge_button.clicked.connect(lambda: self._choose(self.MERGE))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)

    def pick(self, field: str, theirs: bool) -> None:
        """Choose the stored (``theirs``) or your value for one differing field."""
        self.groups[field].button(1 if theirs else 0).setChecked(True)

    def merged(self) -> dict[str, str]:
        """The values to save: per field as chosen (all yours for Keep mine, all theirs for Take theirs)."""
        if self.choice == self.KEEP_MINE:
            return dict(self.mine)
        if self.choice == self.TAKE_THEIRS:
            return dict(self.theirs)
        out = dict(self.mine)
        for f, group in self.groups.items():
            if group.checkedId() == 1:
                out[f] = self.theirs.get(f, "")
        return out

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
