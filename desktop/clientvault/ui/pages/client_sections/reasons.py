"""Why each personal-data field is collected (PIPL Art 17), and which fields may be filled in now."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from clientvault.core.errors import KnownError
from clientvault.core.records import FIELD_CATEGORY, DataCategory
from clientvault.core.roles import Capability, Role, can
from clientvault.services.consent import ConsentService
from clientvault.services.purposes import NEW_PERSON
from clientvault.ui.i18n import fmt

REASON_STYLE = "color: #6b6b6b;"
ERROR_STYLE = "color: #b00020;"
_UNNEEDED_STYLE = "color: #8a5300;"


def reason_label(name: str, parent: QWidget) -> QLabel:
    """A small grey caption under a field saying which purposes need it."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.setStyleSheet(REASON_STYLE)
    return label


class FieldReasons(QObject):
    """The consent service's answers for one client: purposes per field, categories that may be filled."""

    def __init__(self, consent: ConsentService, client_id: int, role: Role, lang: str, parent: QObject) -> None:
        super().__init__(parent)
        self.consent = consent
        self.client_id = client_id
        self.role = role
        self.lang = lang
        self.reasons: dict[str, list[str]] = {}
        self.allowed: frozenset[DataCategory] = frozenset(DataCategory)
        # Per person (and NEW_PERSON for one being added): only their own consent counts (PIPL Art 14).
        self.person_allowed: dict[int, frozenset[DataCategory]] = {}

    def load(self) -> None:
        """Ask the consent service which purposes need each field and which categories may be filled now."""
        self.reasons, self.allowed, self.person_allowed = {}, frozenset(DataCategory), {}
        if not can(self.role, Capability.RECORD_CONSENT):
            return  # no answers for this role: show no captions, offer what the role may do (the service decides)
        try:
            self.reasons = self.consent.field_reasons(self.client_id, self.lang)
            self.allowed = self.consent.allowed_categories(self.client_id)
            persons = [r.person_id for r in self.consent.person_consents(self.client_id) if r.person_id is not None]
            self.person_allowed = {
                pid: self.consent.allowed_categories(self.client_id, pid) for pid in (*persons, NEW_PERSON)
            }
        except KnownError:
            self.reasons, self.allowed, self.person_allowed = {}, frozenset(DataCategory), {}

    def text(self, field: str) -> str:
        """Why ``field`` (a FIELD_CATEGORY name) is collected for this client, as shown beside it."""
        purposes = self.reasons.get(field)
        if purposes is None:
            return ""
        if purposes:
            return fmt(self.tr("Collected for: %1"), self.join(purposes))
        if FIELD_CATEGORY[field] in self.consent.baseline_categories():
            return self.tr("Needed to identify and contact the client")
        return self.tr("No current purpose needs this")

    def join(self, names: Iterable[str]) -> str:
        """List names the way the document language lists (purpose names come in that language)."""
        return ("、" if self.lang == "zh" else ", ").join(names)

    def show(self, label: QLabel, field: str) -> None:
        """Put the reason for ``field`` under it (amber when no purpose needs it)."""
        text = self.text(field)
        label.setText(text)
        label.setVisible(bool(text))
        needed = bool(self.reasons.get(field)) or FIELD_CATEGORY[field] in self.consent.baseline_categories()
        label.setStyleSheet(REASON_STYLE if needed else _UNNEEDED_STYLE)

    def may_fill(self, field: str, person_id: int | None = None) -> bool:
        """Whether a purpose in force (or the baseline) lets ``field`` be filled in for this client.

        ``person_id``: for that person's data (:data:`NEW_PERSON` for a person being added).
        """
        if person_id is not None and self.person_allowed:
            return FIELD_CATEGORY[field] in self.person_allowed.get(person_id, frozenset())
        return FIELD_CATEGORY[field] in self.allowed
