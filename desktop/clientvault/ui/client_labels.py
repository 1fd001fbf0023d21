"""Translated names and field messages for client records (codes stay codes everywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from clientvault.core.records import ClientKind, ClientStatus, PersonRole, SensitiveKind
from clientvault.ui.i18n import fmt
from clientvault.ui.labels import action_name

translate = QCoreApplication.translate


def status_name(status: ClientStatus) -> str:
    """The translated name of a client status."""
    return {
        ClientStatus.PROSPECT: translate("ClientLabels", "Prospect"),
        ClientStatus.ACTIVE: translate("ClientLabels", "Active"),
        ClientStatus.ENDED: translate("ClientLabels", "Ended"),
        ClientStatus.LOCKED: translate("ClientLabels", "Locked"),
        ClientStatus.ERASED: translate("ClientLabels", "Erased"),
    }[status]


def kind_name(kind: ClientKind) -> str:
    """The translated name of a client kind."""
    return {
        ClientKind.ENTERPRISE: translate("ClientLabels", "Enterprise"),
        ClientKind.INDIVIDUAL_BUSINESS: translate("ClientLabels", "Individual business"),
        ClientKind.INDIVIDUAL: translate("ClientLabels", "Individual"),
    }[kind]


def person_role_name(role: PersonRole) -> str:
    """The translated name of a person's relation to the client."""
    return {
        PersonRole.LEGAL_REP: translate("ClientLabels", "Legal representative"),
        PersonRole.FINANCE_CONTACT: translate("ClientLabels", "Finance contact"),
        PersonRole.SHAREHOLDER: translate("ClientLabels", "Shareholder"),
        PersonRole.CONTACT: translate("ClientLabels", "Contact"),
        PersonRole.OWNER: translate("ClientLabels", "Owner"),
    }[role]


def sensitive_kind_name(kind: SensitiveKind) -> str:
    """The translated name of a kind of sensitive item."""
    return {
        SensitiveKind.BANK_ACCOUNT: translate("ClientLabels", "Bank account"),
        SensitiveKind.TAX_LOGIN: translate("ClientLabels", "Tax bureau login"),
        SensitiveKind.SOCIAL_INSURANCE_LOGIN: translate("ClientLabels", "Social insurance login"),
    }[kind]


def stored_item_name(kind: str) -> str:
    """The translated name of the field or kind of a stored item (an erasure flag names no value)."""
    if kind in {k.value for k in SensitiveKind}:
        return sensitive_kind_name(SensitiveKind(kind))
    if kind == "id_number":
        return translate("ClientLabels", "Person's ID number")
    return field_label(kind)


ID_TYPES = ("resident_id", "passport", "hk_macau_permit", "taiwan_permit", "residence_permit_hmt")


def id_type_name(code: str | None) -> str:
    """The translated name of an identity document type."""
    if not code:
        return ""
    return {
        "resident_id": translate("ClientLabels", "Resident ID card"),
        "passport": translate("ClientLabels", "Passport"),
        "hk_macau_permit": translate("ClientLabels", "Home-return permit (HK/Macau)"),
        "taiwan_permit": translate("ClientLabels", "Mainland travel permit (Taiwan)"),
        "residence_permit_hmt": translate("ClientLabels", "Residence permit (HK/Macau/Taiwan)"),
    }.get(code, code)


def purpose_name(code: str) -> str:
    """The translated name of a processing purpose."""
    return {
        "bookkeeping": translate("ClientLabels", "Bookkeeping"),
        "tax_filing": translate("ClientLabels", "Tax filing"),
        "annual_report": translate("ClientLabels", "Annual report"),
        "payroll_social_insurance": translate("ClientLabels", "Payroll and social insurance"),
        "bank_services": translate("ClientLabels", "Bank account services"),
        "marketing": translate("ClientLabels", "Newsletters and service news"),
    }.get(code, code)


def purpose_option_name(code: str, name_zh: str = "", name_en: str = "") -> str:
    """A purpose's name as the firm's catalogue spells it, in the UI language; else the built-in name."""
    chinese = QLocale().language() == QLocale.Language.Chinese
    return (name_zh if chinese else name_en) or purpose_name(code)


def lawful_basis_name(code: str) -> str:
    """The translated name of a lawful basis (PIPL Art 13)."""
    return {
        "consent": translate("ClientLabels", "consent"),
        "contract": translate("ClientLabels", "necessary for the contract"),
        "legal_obligation": translate("ClientLabels", "legal obligation"),
    }.get(code, code)


def field_label(field: str) -> str:
    """The translated label of a client or person field."""
    return {
        "kind": translate("ClientLabels", "Kind"),
        "name": translate("ClientLabels", "Name"),
        "uscc": translate("ClientLabels", "Unified social credit code"),
        "tax_no": translate("ClientLabels", "Tax number"),
        "address": translate("ClientLabels", "Address"),
        "industry": translate("ClientLabels", "Industry"),
        "phone": translate("ClientLabels", "Phone"),
        "email": translate("ClientLabels", "E-mail"),
        "engagement_start": translate("ClientLabels", "Engagement start"),
        "engagement_end": translate("ClientLabels", "Engagement end"),
        "notes": translate("ClientLabels", "Notes"),
        "status": translate("ClientLabels", "Status"),
        "accountants": translate("ClientLabels", "Accountants"),
        "person_name": translate("ClientLabels", "Name"),
        "role": translate("ClientLabels", "Relation"),
        "id_type": translate("ClientLabels", "ID type"),
        "id_number": translate("ClientLabels", "ID number"),
        "person_phone": translate("ClientLabels", "Phone"),
        "person_email": translate("ClientLabels", "E-mail"),
        "person_address": translate("ClientLabels", "Address"),
        "label": translate("ClientLabels", "Description"),
        "value": translate("ClientLabels", "Value"),
        "person": translate("ClientLabels", "Person"),
    }.get(field, field)


def field_error(field: str, code: str) -> str:
    """The inline message for one validation error (shown beside its field, so it names no field)."""
    messages = {
        "required": translate("ClientLabels", "Required."),
        "too_long": translate("ClientLabels", "Too long."),
        "control_chars": translate("ClientLabels", "Contains control characters."),
        "check_digit": translate("ClientLabels", "The check digit is wrong: please check for a typing error."),
        "length": translate("ClientLabels", "Wrong number of characters."),
        "area_code": translate("ClientLabels", "Unknown area code."),
        "birth_date": translate("ClientLabels", "The date of birth in the number is not valid."),
        "date": translate("ClientLabels", "Not a valid date (use YYYY-MM-DD)."),
        "out_of_range": translate("ClientLabels", "The date is out of range."),
        "number_precision": translate(
            "ClientLabels", "The number lost digits (it was stored as a number, e.g. in Excel): type it as text."
        ),
        "before_start": translate("ClientLabels", "The end is before the start."),
        "engagement_range": translate("ClientLabels", "Use a date from 1980-01-01 to 2099-12-31."),
        "unknown_type": translate("ClientLabels", "Unknown document type."),
        "unknown": translate("ClientLabels", "Unknown value."),
        "no_purpose": translate(
            "ClientLabels",
            "No purpose in force for this client needs this data, so it may not be stored yet "
            "(record the engagement or the client's consent first).",
        ),
    }
    if code == "format":
        return {
            "uscc": translate("ClientLabels", "18 characters: digits and capital letters (not I, O, S, V, Z)."),
            "phone": translate("ClientLabels", "A mobile (11 digits) or landline number with area code."),
            "person_phone": translate("ClientLabels", "A mobile (11 digits) or landline number with area code."),
            "email": translate("ClientLabels", "Not a valid e-mail address."),
            "person_email": translate("ClientLabels", "Not a valid e-mail address."),
        }.get(field, translate("ClientLabels", "Not in the expected format."))
    return messages.get(code, translate("ClientLabels", "Not valid."))


def client_action_name(action: str) -> str:
    """The translated description of an audit action about a client (one table: labels.action_name)."""
    return action_name(action)


def clients_count(n: str, capped: bool, searching: bool) -> str:
    """'N clients', 'N matches' or '1000+ matches' (``n`` already formatted for the locale)."""
    if capped:
        return fmt(translate("ClientLabels", "%1+ matches — showing the first %1; type more to narrow the search"), n)
    if searching:
        return fmt(translate("ClientLabels", "%1 matches"), n)
    return fmt(translate("ClientLabels", "%1 clients"), n)
