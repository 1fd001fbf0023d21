"""Someone saved the same record on another workstation: show both versions and let the user choose.

One dialog for every record kind (clients, persons): the caller passes the fields with their
labels, the base / mine / theirs values, and how a stored code reads on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from clientvault.ui.i18n import fmt

_CHOICE_STYLE = "QFrame#%s { background: #fff3cd; border: 1px solid %s; border-radius: 3px; }"
_BORDER = {True: "#c58a00", False: "#f3e2a9"}  # the chosen side is outlined
_SAME_COLOR = "color: #666;"
_BOTH_STYLE = "font-weight: bold; color: #8a5300;"
_PAD = 3  # vertical padding of every value, so field names line up with the first line of text


def _plain(text: str, parent: QWidget) -> QLabel:
    """A label that shows record data as typed (never as rich text) and wraps long values."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return label


class _Choice(QFrame):
    """One side of a differing field: a radio button and the value, wrapped; a click anywhere picks it."""

    def __init__(self, text: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_choice")
        self.button = QRadioButton(self)
        self.button.setObjectName(name)
        self.button.setAccessibleName(text)
        self.value = _plain(text, self)
        self.value.setObjectName(f"{name}_value")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, _PAD - 1, 6, _PAD - 1)  # the 1 px border makes up the rest
        layout.setSpacing(6)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value, 1)
        self.button.toggled.connect(self._outline)
        self._outline(False)

    def text(self) -> str:
        """The value as shown."""
        return self.value.text()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.button.setChecked(True)
        self.button.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()

    def _outline(self, checked: bool) -> None:
        self.setStyleSheet(_CHOICE_STYLE % (self.objectName(), _BORDER[checked]))


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
        base: Mapping[str, str],
        mine: Mapping[str, str],
        theirs: Mapping[str, str],
        labels: Mapping[str, str],
        parent: QWidget | None = None,
        *,
        intro: str | None = None,
        display: Callable[[str, str], str] | None = None,
    ) -> None:
        """Compare ``mine`` with ``theirs`` for each field of ``labels`` (field → translated label).

        Args:
            base: The values the edit started from (decides which side changed a field).
            mine: The values in the edit form.
            theirs: The values stored now.
            labels: The fields to compare, in order, with their labels.
            parent: The edit dialog.
            intro: The sentence above the comparison (a generic one by default).
            display: How a stored value reads on screen, ``display(field, value)`` (codes → names).
        """
        super().__init__(parent)
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.display = display
        self.choice: str | None = None
        self.groups: dict[str, QButtonGroup] = {}
        self.setWindowTitle(self.tr("Saved on another workstation"))
        self.setMinimumWidth(720)
        self.intro = QLabel(
            intro
            or self.tr(
                "Someone saved this record on another workstation while you were editing it. Nothing has been "
                "overwritten. Compare both versions and choose what to keep for each field that differs."
            ),
            self,
        )
        self.intro.setObjectName("intro")
        self.intro.setWordWrap(True)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for col, text in enumerate((self.tr("Field"), self.tr("Your version"), self.tr("Saved version"))):
            head = QLabel(f"<b>{text}</b>", grid_host)
            grid.addWidget(head, 0, col)
        # Values that agree start where the text of a choice starts (past the radio button).
        indent = 7 + self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + 6
        self.differing: list[str] = []
        self.choices: dict[str, tuple[_Choice, _Choice]] = {}
        row = 1
        for f, label in labels.items():
            mine_v, theirs_v = mine.get(f, ""), theirs.get(f, "")
            name = _plain(label, grid_host)
            name.setObjectName(f"{f}_label")
            name.setWordWrap(False)
            name.setContentsMargins(0, _PAD, 0, _PAD)
            grid.addWidget(name, row, 0)
            if mine_v.strip() == theirs_v.strip():
                same = _plain(self._shown(f, mine_v), grid_host)
                same.setObjectName(f"{f}_same")
                same.setStyleSheet(_SAME_COLOR)
                same.setContentsMargins(indent, _PAD, 0, _PAD)
                grid.addWidget(same, row, 1, 1, 2)
            else:
                self.differing.append(f)
                group = QButtonGroup(self)
                mine_c = _Choice(self._shown(f, mine_v), f"{f}_mine", grid_host)
                theirs_c = _Choice(self._shown(f, theirs_v), f"{f}_theirs", grid_host)
                group.addButton(mine_c.button, 0)
                group.addButton(theirs_c.button, 1)
                i_changed = mine_v.strip() != base.get(f, "").strip()
                they_changed = theirs_v.strip() != base.get(f, "").strip()
                (theirs_c if they_changed and not i_changed else mine_c).button.setChecked(True)
                if i_changed and they_changed:
                    name.setText(fmt(self.tr("%1 (changed by both)"), label))
                    name.setStyleSheet(_BOTH_STYLE)
                grid.addWidget(mine_c, row, 1)
                grid.addWidget(theirs_c, row, 2)
                self.groups[f] = group
                self.choices[f] = (mine_c, theirs_c)
            row += 1
        grid.setRowStretch(row, 1)  # rows keep their natural height; spare space goes below
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(grid_host)
        # As tall as the comparison needs, up to most of the screen; beyond that it scrolls.
        scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            scroll.setMaximumHeight(int(screen.availableGeometry().height() * 0.7))

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
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        # Wide enough that a typical address fits on one line; as tall as the wrapped values need.
        width = 880
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        height = layout.totalHeightForWidth(width)
        self.resize(width, height if height > 0 else self.sizeHint().height())

    def _shown(self, field: str, value: str) -> str:
        shown = self.display(field, value) if self.display is not None and value else value
        return shown if shown else "—"

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
