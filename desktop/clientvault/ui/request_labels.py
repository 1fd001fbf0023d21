"""Translated names for the registers of issue 14 (request kinds and states, complaint categories)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.services.complaints import ComplaintCategory
from clientvault.services.subject_requests import RequestKind, RequestStatus

translate = QCoreApplication.translate


def request_kind_name(kind: RequestKind) -> str:
    """The translated name of what a person asked for."""
    return {
        RequestKind.ACCESS: translate("RequestLabels", "Access"),
        RequestKind.COPY: translate("RequestLabels", "Copy"),
        RequestKind.CORRECTION: translate("RequestLabels", "Correction"),
        RequestKind.SUPPLEMENT: translate("RequestLabels", "Supplement"),
        RequestKind.DELETION: translate("RequestLabels", "Deletion"),
        RequestKind.WITHDRAWAL: translate("RequestLabels", "Withdrawal of consent"),
        RequestKind.EXPLANATION: translate("RequestLabels", "Explanation of the rules"),
        RequestKind.RESTRICTION: translate("RequestLabels", "Restriction or objection"),
        RequestKind.TRANSFER: translate("RequestLabels", "Transfer to another processor"),
    }[RequestKind(kind)]


def request_status_name(status: RequestStatus) -> str:
    """The translated name of a request's state."""
    return {
        RequestStatus.OPEN: translate("RequestLabels", "Open"),
        RequestStatus.HANDED_OVER: translate("RequestLabels", "With the erasure workflow"),
        RequestStatus.DONE: translate("RequestLabels", "Answered"),
        RequestStatus.REFUSED: translate("RequestLabels", "Refused"),
    }[RequestStatus(status)]


def complaint_category_name(category: ComplaintCategory) -> str:
    """The translated name of a complaint category."""
    return {
        ComplaintCategory.COLLECTION: translate("RequestLabels", "Collection"),
        ComplaintCategory.USE: translate("RequestLabels", "Use beyond the purpose"),
        ComplaintCategory.DISCLOSURE: translate("RequestLabels", "Disclosure or leak"),
        ComplaintCategory.SECURITY: translate("RequestLabels", "Security"),
        ComplaintCategory.RIGHTS: translate("RequestLabels", "Rights not honoured"),
        ComplaintCategory.RETENTION: translate("RequestLabels", "Kept too long"),
        ComplaintCategory.SERVICE: translate("RequestLabels", "Service"),
        ComplaintCategory.OTHER: translate("RequestLabels", "Other"),
    }[ComplaintCategory(category)]
