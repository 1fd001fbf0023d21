"""Client records: kinds, statuses, inputs and the role-shaped views services return."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ClientKind(StrEnum):
    """What sort of client."""

    ENTERPRISE = "enterprise"
    INDIVIDUAL_BUSINESS = "individual_business"  # 个体工商户
    INDIVIDUAL = "individual"


class ClientStatus(StrEnum):
    """Lifecycle of a client record (DOMAIN.md)."""

    PROSPECT = "prospect"
    ACTIVE = "active"
    ENDED = "ended"
    LOCKED = "locked"
    ERASED = "erased"


class PersonRole(StrEnum):
    """How a person relates to the client."""

    LEGAL_REP = "legal_rep"
    FINANCE_CONTACT = "finance_contact"
    SHAREHOLDER = "shareholder"
    CONTACT = "contact"
    OWNER = "owner"


class SensitiveKind(StrEnum):
    """Sensitive items (PIPL Art 28; GB/T 35273 App. B)."""

    BANK_ACCOUNT = "bank_account"
    TAX_LOGIN = "tax_login"
    SOCIAL_INSURANCE_LOGIN = "social_insurance_login"


class DataCategory(StrEnum):
    """Data categories that purposes declare they need (minimisation)."""

    IDENTITY = "identity"  # names, codes: needed by every engagement
    CONTACT = "contact"  # phones, e-mail, addresses
    ID_DOCUMENT = "id_document"  # ID numbers of persons (sensitive)
    BANK = "bank"  # bank accounts (sensitive)
    CREDENTIALS = "credentials"  # tax-bureau and social-insurance logins (sensitive)
    # Employees' data the firm processes on a client's behalf (PIPL Art 21, entrusted processing):
    # kept in the payroll work, not as fields of the client record.
    SALARY = "salary"
    INCOME_TAX = "income_tax"  # individual income tax withheld
    SOCIAL_INSURANCE = "social_insurance"
    HOUSING_FUND = "housing_fund"


#: Which category each stored field belongs to; the client page shows why a field is collected.
FIELD_CATEGORY: dict[str, DataCategory] = {
    "client.name": DataCategory.IDENTITY,
    "client.uscc": DataCategory.IDENTITY,
    "client.tax_no": DataCategory.IDENTITY,
    "client.industry": DataCategory.IDENTITY,
    "client.address": DataCategory.CONTACT,
    "client.phone": DataCategory.CONTACT,
    "client.email": DataCategory.CONTACT,
    "person.name": DataCategory.IDENTITY,
    "person.id_number": DataCategory.ID_DOCUMENT,
    "person.phone": DataCategory.CONTACT,
    "person.email": DataCategory.CONTACT,
    "person.address": DataCategory.CONTACT,
    "sensitive.bank_account": DataCategory.BANK,
    "sensitive.tax_login": DataCategory.CREDENTIALS,
    "sensitive.social_insurance_login": DataCategory.CREDENTIALS,
}


@dataclass(frozen=True)
class ClientInput:
    """Fields for creating or editing a client; ``None`` means "leave unchanged" on edit."""

    kind: ClientKind | None = None
    name: str | None = None
    uscc: str | None = None
    tax_no: str | None = None
    address: str | None = None
    industry: str | None = None
    phone: str | None = None
    email: str | None = None
    engagement_start: str | None = None
    engagement_end: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class PersonInput:
    """Fields for a person linked to a client."""

    role: PersonRole
    name: str
    id_type: str | None = None
    id_number: str | int | float | None = None  # None: keep the stored number (edit); "": clear it
    phone: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class SensitiveInput:
    """A sensitive item to store."""

    kind: SensitiveKind
    value: str
    label: str = ""
    person_id: int | None = None


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the client list, already shaped for the acting role (slots: 300 000 of them fit)."""

    id: int
    kind: ClientKind
    name: str
    uscc: str
    phone: str  # masked for roles that may only see masked contacts
    status: ClientStatus
    accountants: str  # display names, comma-separated
    updated_at: str


@dataclass(frozen=True)
class PersonView:
    """A person as the acting role may see it. ``id_number`` is always masked here."""

    id: int
    role: PersonRole
    name: str
    id_type: str | None
    id_number_masked: str | None  # None: the role may not see that an ID exists
    phone: str
    email: str
    address: str
    version: int


@dataclass(frozen=True)
class SensitiveView:
    """A sensitive item, masked; the value itself comes only from a reveal call."""

    id: int
    kind: SensitiveKind
    label: str
    masked: str
    person_id: int | None
    version: int


@dataclass(frozen=True)
class ClientDetail:
    """A client page's data, shaped for the acting role."""

    id: int
    kind: ClientKind
    name: str
    uscc: str
    tax_no: str
    address: str
    industry: str
    phone: str
    email: str
    engagement_start: str
    engagement_end: str
    status: ClientStatus
    notes: str
    version: int
    accountant_ids: tuple[int, ...]
    persons: tuple[PersonView, ...] = ()
    sensitive: tuple[SensitiveView, ...] = ()
    contacts_masked: bool = False
    can_edit: bool = False
    can_reveal_ids: bool = False
    can_reveal_credentials: bool = False
    can_assign: bool = False
    can_view_history: bool = False
    raw_for_edit: dict[str, str] = field(default_factory=dict)  # unmasked editable fields, only when can_edit
