"""What the printed notice (告知同意书) says beyond the purpose catalogue, and whether it may be printed.

* The firm's identity and contact (PIPL Art 17(1)(1)): name, address, phone, e-mail and the
  privacy contact must all be filled in; otherwise :func:`check_firm` raises
  :class:`~clientvault.core.errors.NoticeIncomplete` and no form is issued, previewed, printed
  or saved.
* The reply time for the individuals' requests: the requests register's setting
  (``requests.due_working_days``, default 15 working days), so the notice promises what the
  register tracks.
* Recipients (Art 23): each purpose's recipients from the firm's recipients list, with contact,
  purpose, method and categories; a third-party purpose without one refuses the form.
* Retention (what the app will do at sealing, services.retention): per purpose, the categories a
  retention rule requires after the engagement ends, with the rule's period, counted from the first
  day after the end of the accounting year in which the engagement ended; the rest is erased.
  The same text (services.retention_notice.retention_statement) is shown wherever retention is
  told: the access answer, the record of processing activities and the Purposes page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from clientvault.core.errors import NoticeIncomplete, ValidationError
from clientvault.core.records import DataCategory
from clientvault.core.validation import free_text
from clientvault.documents import consent_form as cf
from clientvault.services.context import Vault
from clientvault.services.purposes import Purpose
from clientvault.services.recipients import RecipientService
from clientvault.services.retention_notice import CATEGORY_CLASSES, kept_after_end
from clientvault.services.subject_requests import DEFAULT_DUE_DAYS, DUE_KEY
from clientvault.storage.retention import RetentionRepository
from clientvault.storage.users import SettingsRepository

__all__ = [
    "CATEGORY_CLASSES",
    "FIRM_FIELDS",
    "NOTICE_FIELDS",
    "check_firm",
    "check_notice_details",
    "kept_after_end",
    "notice_purposes",
    "reply_days",
]

#: The firm's details the notice must carry (Art 17(1)(1)), in the order they are reported missing.
FIRM_FIELDS = ("name", "address", "phone", "email", "privacy_contact")

#: The notice details the firm types (its name is the vault's firm name).
NOTICE_FIELDS = ("address", "phone", "email", "privacy_contact", "complaint_channel")


def check_firm(firm: cf.FirmDetails) -> None:
    """Refuse a notice that does not say who the firm is and how to reach it (Art 17(1)(1)).

    Raises:
        NoticeIncomplete: with the codes of the empty fields.
    """
    missing = tuple(f for f in FIRM_FIELDS if not str(getattr(firm, f)).strip())
    if missing:
        raise NoticeIncomplete(missing)


def check_notice_details(details: Any, *, required: bool = False) -> None:
    """Check typed notice details as ``ConsentService.set_notice_details`` stores them.

    Args:
        details: A ``NoticeDetails``.
        required: Also refuse an empty address, phone, e-mail or privacy contact (the first-run
            wizard: the forms need them).

    Raises:
        ValidationError: ``{field: code}`` per bad field (``required``, ``too_long``, ``control_chars``).
    """
    errors: dict[str, str] = {}
    for key in NOTICE_FIELDS:
        try:
            free_text(key, getattr(details, key), 300, multiline=True, required=required and key in FIRM_FIELDS)
        except ValidationError as exc:
            errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)


def reply_days(vault: Vault) -> int:
    """Working days the firm takes to answer an individual's request (the requests register's setting)."""
    try:
        return int(SettingsRepository(vault.db).get(DUE_KEY, str(DEFAULT_DUE_DAYS)))
    except ValueError:
        return DEFAULT_DUE_DAYS


def notice_purposes(
    vault: Vault, purposes: Sequence[Purpose], printed: Sequence[cf.FormPurpose], lang: str
) -> tuple[cf.FormPurpose, ...]:
    """Add to each printed purpose its recipients (from the list) and what the retention rules keep.

    Raises:
        NoticeIncomplete: ``("recipients",)`` when a purpose that provides data to third parties
            names no active recipient from the list.
    """
    recipients = RecipientService(vault)
    rules = RetentionRepository(vault.db).rules()
    out = []
    for purpose, fp in zip(purposes, printed, strict=True):
        listed = recipients.for_purpose(purpose.code)
        if purpose.third_party and not listed:
            raise NoticeIncomplete(("recipients",))
        details = tuple(
            cf.FormRecipient(
                name=r.name(lang),
                contact=r.contact,
                purpose=r.purpose(lang),
                method=r.method(lang),
                categories=tuple(c.value for c in DataCategory if c in r.categories),
            )
            for r in listed
        )
        out.append(
            replace(fp, recipient_details=details, kept_after_end=kept_after_end(purpose.categories, rules, lang))
        )
    return tuple(out)
