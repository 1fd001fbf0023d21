"""The settings page's sections: one group box per module, composed by ``ui/pages/settings.py``.

A section is a :class:`SettingsSection`: built with ``(ctx, vault, operations, parent)``, shown
only to the roles :meth:`SettingsSection.shown_to` allows, with its own Save and message line,
and refreshed by :meth:`SettingsSection.apply_changes` when a change reaches the page. To add one,
write a module here and add its class to ``SECTIONS`` in ``settings.py``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from clientvault.core.roles import Role
from clientvault.services.changes import Changes
from clientvault.services.context import Vault
from clientvault.ui.context import UiContext
from clientvault.ui.operations import Operations

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b00020;"


class SettingsSection(QGroupBox):
    """One group of settings with its own Save."""

    def __init__(
        self, title: str, ctx: UiContext, vault: Vault, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.vault = vault
        self.operations = operations

    @staticmethod
    def shown_to(role: Role) -> bool:
        """Whether ``role`` sees (and may change) this section."""
        return True

    def apply_changes(self, changes: Changes) -> None:
        """Show the stored values again after ``changes`` (override when the section shows stored data)."""

    @staticmethod
    def say(label: QLabel, text: str, ok: bool) -> None:
        """Show what a Save did (green) or why it did not (red)."""
        label.setText(text)
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
