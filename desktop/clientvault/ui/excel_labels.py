"""Translated names of import fields and of the import findings (the services speak in codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.services.imports import Issue
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate


def field_name(field: str) -> str:
    """The translated name of an import field."""
    names = {
        "name": translate("ExcelLabels", "Client name"),
        "kind": translate("ExcelLabels", "Client type"),
        "uscc": translate("ExcelLabels", "Credit code"),
        "tax_no": translate("ExcelLabels", "Tax number"),
        "legal_rep": translate("ExcelLabels", "Legal representative"),
        "id_number": translate("ExcelLabels", "ID number"),
        "phone": translate("ExcelLabels", "Phone"),
        "email": translate("ExcelLabels", "E-mail"),
        "address": translate("ExcelLabels", "Address"),
        "industry": translate("ExcelLabels", "Industry"),
        "bank_name": translate("ExcelLabels", "Bank"),
        "bank_account": translate("ExcelLabels", "Bank account"),
        "accountant": translate("ExcelLabels", "Accountant"),
        "status": translate("ExcelLabels", "Status"),
        "engagement_start": translate("ExcelLabels", "Engagement start"),
        "notes": translate("ExcelLabels", "Notes"),
        "": translate("ExcelLabels", "Row"),
    }
    return names.get(field, field)


def issue_text(issue: Issue) -> str:
    """One translated sentence for a finding, naming the field (never a value)."""
    texts = {
        "required": translate("ExcelLabels", "%1 is empty but required."),
        "required_with_id": translate("ExcelLabels", "%1 is needed when an ID number is given."),
        "control_chars": translate("ExcelLabels", "%1 contains control characters."),
        "too_long": translate("ExcelLabels", "%1 is too long."),
        "length": translate("ExcelLabels", "%1 has the wrong number of characters."),
        "format": translate("ExcelLabels", "%1 has characters or a shape it cannot have."),
        "check_digit": translate("ExcelLabels", "%1: the check digit is wrong."),
        "birth_date": translate("ExcelLabels", "%1 holds an impossible date of birth."),
        "area_code": translate("ExcelLabels", "%1 has a region code that does not exist."),
        "number_precision": translate(
            "ExcelLabels", "%1 was stored by Excel as a number and has lost digits. Format the column as text."
        ),
        "date": translate("ExcelLabels", "%1 is not a valid date."),
        "out_of_range": translate("ExcelLabels", "%1 is out of range."),
        "unknown": translate("ExcelLabels", "%1 is not one of the allowed values."),
        "formula": translate("ExcelLabels", "%1 holds a formula. Formulas are never evaluated: type the value."),
        "merged": translate("ExcelLabels", "The row is part of merged cells spanning several rows."),
        "merged_columns": translate("ExcelLabels", "The row has merged cells; only the first cell's value is read."),
        "number_cell": translate("ExcelLabels", "%1 was a number cell; it is read as text."),
        "serial_date": translate("ExcelLabels", "%1 was an Excel day number; it is read as a date."),
        "fullwidth": translate("ExcelLabels", "%1 had full-width characters; they were normalised."),
        "no_purpose": translate("ExcelLabels", "%1 is not stored: no purpose in force needs this data."),
        "role": translate("ExcelLabels", "%1 is not stored: your role may not set it."),
        "unknown_accountant": translate("ExcelLabels", "%1 names no active accountant; not assigned."),
        "duplicate_in_file": translate("ExcelLabels", "%1 repeats the code of row %2."),
        "duplicate_name_in_file": translate("ExcelLabels", "%1 repeats the name of row %2."),
        "matches_existing": translate("ExcelLabels", "Matches an existing client."),
        "matches_not_yours": translate("ExcelLabels", "Matches a client not assigned to you; skipped."),
    }
    template = texts.get(issue.code, translate("ExcelLabels", "%1 is not valid."))
    return fmt(template, field_name(issue.field), issue.ref)


def drop_text(field: str, reason: str) -> str:
    """Why a mapped column is not stored."""
    return issue_text(Issue(field, reason, False))
