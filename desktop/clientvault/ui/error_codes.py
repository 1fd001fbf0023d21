"""Translated sentences for the codes that errors carry: field codes, state codes, spreadsheet refusals.

Split from ``ui/errors.py`` (which maps the error types and shows them); the translation context
stays "Errors". ``ui/errors.py`` re-exports these names.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clientvault.core.errors import NoticeIncomplete
from clientvault.ui.i18n import fmt

translate = QCoreApplication.translate


def field_message(field: str, code: str) -> str:
    """Translate one validation error (field name + code)."""
    fields = {
        "firm_name": translate("Errors", "Firm name"),
        "username": translate("Errors", "User name"),
        "display_name": translate("Errors", "Full name"),
        "password": translate("Errors", "Password"),
        "new_password": translate("Errors", "New password"),
        "pin": translate("Errors", "PIN"),
        "valid_until": translate("Errors", "Valid until"),
        "kind": translate("Errors", "Kind"),
        "held_on": translate("Errors", "Date of the session"),
        "topic": translate("Errors", "Topic"),
        "trainer": translate("Errors", "Trainer"),
        "attendees": translate("Errors", "Attendees"),
        "until": translate("Errors", "Last day"),
        "refresher_months": translate("Errors", "Months between refreshers"),
        "scan": translate("Errors", "Scan"),
        "years": translate("Errors", "Years"),
        "legal_source": translate("Errors", "Legal source"),
        "covers": translate("Errors", "Items the rule requires"),
        "category": translate("Errors", "Category"),
        "title": translate("Errors", "Title"),
        "recipient": translate("Errors", "Recipient"),
        "categories": translate("Errors", "Categories"),
        "witness": translate("Errors", "Witness"),
        "note": translate("Errors", "Note"),
        "purpose": translate("Errors", "Purpose"),
        "reason": translate("Errors", "Reason"),
        "identity_method": translate("Errors", "How the identity was checked"),
        "person": translate("Errors", "Person"),
        "outcome": translate("Errors", "What was done"),
        "received_on": translate("Errors", "Date received"),
        "working_days": translate("Errors", "Extra working days"),
        "due_days": translate("Errors", "Answer period"),
        "calendar": translate("Errors", "Holiday calendar"),
        "summary": translate("Errors", "Summary"),
        "resolution": translate("Errors", "Resolution"),
        "channel": translate("Errors", "Channel"),
        "lessons": translate("Errors", "Lessons learnt"),
        "step": translate("Errors", "Response plan step"),
        "discovered_on": translate("Errors", "Date discovered"),
        "scope": translate("Errors", "Scope of the entrusted processing"),
        "purposes": translate("Errors", "Purposes"),
        "signed_on": translate("Errors", "Date signed"),
        "ends_on": translate("Errors", "End of the term"),
        "ended_on": translate("Errors", "Date ended"),
        "confirmation": translate("Errors", "Confirmation of the return or deletion"),
        "confirmed_on": translate("Errors", "Date confirmed"),
        "purpose_necessity": translate("Errors", "Purpose and necessity"),
        "risks": translate("Errors", "Risks"),
        "measures": translate("Errors", "Measures"),
        "conclusion": translate("Errors", "Conclusion"),
        "trigger": translate("Errors", "Trigger"),
        "recipients": translate("Errors", "Recipients"),
        "assessed_on": translate("Errors", "Date assessed"),
        "security_duties": translate("Errors", "Security duties of the recipient"),
    }
    codes = {
        "required": translate("Errors", "%1 is required."),
        "too_long": translate("Errors", "%1 is too long."),
        "format": translate("Errors", "%1 contains characters that are not allowed."),
        "taken": translate("Errors", "%1 is already in use."),
        "too_short": translate("Errors", "%1 is too short."),
        "control_chars": translate("Errors", "%1 contains control or text-direction characters."),
        "mismatch": translate("Errors", "%1 and its confirmation differ."),
    }
    name = fields.get(field, field)
    template = codes.get(code, translate("Errors", "%1 is not valid."))
    if field == "username" and code == "format":
        return translate("Errors", "User name: 2–64 letters, digits, dots, dashes or underscores.")
    if field in ("password", "new_password") and code == "too_short":
        return fmt(translate("Errors", "%1 must have at least 10 characters."), name)
    if field == "pin" and code == "too_short":
        return translate("Errors", "The PIN must have at least 6 characters.")
    if field == "witness" and code == "executor":
        return translate("Errors", "The witness must be someone other than the person who executes the erasure.")
    if field == "reason" and code == "personal_data":
        return translate(
            "Errors", "The reason is printed on the certificate: it must not contain the client's or a person's name."
        )
    if field == "years" and code == "range":
        return translate("Errors", "Years: 1–100 (0 only for a permanent rule).")
    if field == "witness" and code == "executor":
        return translate("Errors", "The witness must be someone other than the person who executes the erasure.")
    if field == "reason" and code == "personal_data":
        return translate(
            "Errors", "The reason is printed on the certificate: it must not contain the client's or a person's name."
        )
    if field == "held_on" and code == "future":
        return translate("Errors", "The date of the session cannot be in the future.")
    if field == "attendees" and code == "required":
        return translate("Errors", "Choose at least one member of staff who attended.")
    if field == "until" and code == "range":
        return translate("Errors", "Last day: from today to at most 30 days ahead.")
    if field == "refresher_months" and code == "range":
        return translate("Errors", "Months between refreshers: 1–60.")
    if field == "scan" and code == "not_image_or_pdf":
        return translate("Errors", "The scan must be a PDF, PNG, JPEG or TIFF file.")
    if field == "scan" and code == "too_large":
        return translate("Errors", "The scan is larger than 10 MB.")
    if field == "scan" and code == "empty":
        return translate("Errors", "The scan file is empty.")
    if field == "categories" and code == "not_in_purpose":
        return translate("Errors", "Categories: the chosen purposes do not process all of these categories.")
    if code == "future" and field in ("signed_on", "ended_on", "confirmed_on", "assessed_on"):
        return fmt(translate("Errors", "%1 cannot be in the future."), name)
    if code == "before_start":
        return fmt(translate("Errors", "%1 cannot be before the start of the agreement."), name)
    if field == "recipient_id" and code == "required":
        return translate("Errors", "Choose the recipient from the recipients list.")
    if field == "assessment_covers" and code == "required":
        return translate("Errors", "Choose at least one purpose or recipient the assessment covers.")
    if field == "received_on" and code == "future":
        return translate("Errors", "The date received cannot be in the future.")
    if field == "person" and code == "required":
        return translate("Errors", "Choose the person who made the request (a company is not a natural person).")
    if field == "calendar":
        return translate(
            "Errors",
            "The holiday calendar file is not valid (JSON with per-year lists of holidays and working weekend "
            "days, as in the shipped file). Nothing was changed.",
        )
    if field == "years" and code == "range":
        return translate("Errors", "Years: 1–100 (0 only for a permanent rule).")
    if field == "pin" and code == "weak":
        return translate(
            "Errors", "This PIN is too easy to guess (repeated digits, a run such as 123456, or a common PIN)."
        )
    return fmt(template, name)


def notice_incomplete_message(exc: NoticeIncomplete) -> str:
    """Why the 告知同意书 cannot be printed: the firm's empty details (PIPL Art 17), or a recipient missing."""
    names = {
        "name": translate("Errors", "name"),
        "address": translate("Errors", "address"),
        "phone": translate("Errors", "telephone"),
        "email": translate("Errors", "e-mail"),
        "privacy_contact": translate("Errors", "privacy contact"),
    }
    lines = []
    firm = [names[m] for m in exc.missing if m in names]
    if firm:
        lines.append(
            fmt(
                translate(
                    "Errors",
                    "The consent form cannot be printed: the firm's %1 must be filled in (PIPL Art 17). "
                    "Enter them on the Settings page.",
                ),
                translate("Errors", ", ").join(firm),
            )
        )
    if "recipients" in exc.missing:
        lines.append(
            translate(
                "Errors",
                "The consent form cannot be printed: a purpose that provides data to third parties names no "
                "recipient from the recipients list (PIPL Art 23). Link one on the Purposes page.",
            )
        )
    return "\n".join(lines)


def state_message(code: str) -> str:
    """Translate an ``InvalidState`` code."""
    messages = {
        "cannot_disable_self": translate("Errors", "You cannot disable your own account."),
        "last_partner": translate("Errors", "The last active partner cannot be disabled."),
        "vault_exists": translate("Errors", "This folder already holds a vault."),
        "partner_key_unavailable": translate(
            "Errors", "This needs the partner key: log in as a partner with your password (not the PIN)."
        ),
        "password_session_needed": translate(
            "Errors", "Log in with your password (not the PIN) to remember this workstation."
        ),
        "export_destroyed": translate("Errors", "This exported file is already marked as destroyed."),
        "import_refused_rows": translate(
            "Errors", "Some rows were refused, so nothing was imported. Correct them in the file and try again."
        ),
        "import_empty": translate("Errors", "The sheet has no data rows. Nothing was imported."),
        "import_record_changed": translate(
            "Errors", "A matching client was changed during the import. Nothing was imported; please try again."
        ),
        "export_needs_approval": translate(
            "Errors", "This export is above the row threshold: a partner must approve it before it can be saved."
        ),
        "export_approval_mismatch": translate("Errors", "The approval does not cover this export."),
        "export_approval_used": translate("Errors", "This approval has already been used."),
        "export_not_approved": translate("Errors", "This export request has not been approved."),
        "four_eyes_requester": translate(
            "Errors",
            "The person who asked for an erasure cannot approve it. Another partner approves it (in a firm "
            "with one partner: the privacy officer).",
        ),
        "retention_running": translate(
            "Errors",
            "A legal retention period is still running for this client, so the erasure cannot use the basis "
            "'retention period ended'. The attempt has been recorded.",
        ),
        "appraisal_missing": translate(
            "Errors",
            "These records hold accounting archives: record an appraisal (鉴定意见书) concluding they may be "
            "destroyed before executing the erasure.",
        ),
        "identity_not_verified": translate(
            "Errors",
            "The requester's identity check failed: the request can only be refused (with the reason) until "
            "a new request is recorded after a successful check.",
        ),
        "request_closed": translate("Errors", "This request is already closed or handed over."),
        "complaint_closed": translate("Errors", "This complaint is already resolved."),
        "user_disabled": translate("Errors", "This account is disabled."),
        "override_not_needed": translate(
            "Errors", "No override is needed: a partner, or someone whose confidentiality agreement is in force."
        ),
        "disclosure_without_entrustment": translate(
            "Errors",
            "Refused: employees' salary, income-tax, social-insurance or housing-fund data is processed on the "
            "client's behalf and may only be given out under an entrustment agreement with the client in force "
            "that covers this purpose and these categories (PIPL Art 21). Record the agreement first.",
        ),
        "disclosure_recipient_not_in_notice": translate(
            "Errors",
            "Refused: the notice of this purpose does not name this recipient, so the person was not told their "
            "data goes there (PIPL Art 23). Link the recipient to the purpose (Purposes page) and ask for consent "
            "again, or choose a recipient the purpose names.",
        ),
        "entrustment_ended": translate("Errors", "This agreement has already ended."),
        "entrustment_not_ended": translate(
            "Errors", "End the agreement first; then record the client's confirmation of the return or deletion."
        ),
        "entrustment_confirmed": translate("Errors", "The return or deletion is already confirmed."),
        "assessment_kept_three_years": translate(
            "Errors",
            "An impact assessment is kept at least three years after it was made (PIPL Art 56); it cannot be "
            "deleted before its keep-until date.",
        ),
        "disclosure_not_in_purpose": translate(
            "Errors", "Refused: the purpose does not cover some of these categories of data. Nothing was logged."
        ),
        "disclosure_without_consent": translate(
            "Errors", "Refused: this purpose rests on consent and there is no consent in force. Nothing was logged."
        ),
        "disclosure_without_sensitive_consent": translate(
            "Errors",
            "Refused: sensitive data (ID numbers, bank accounts, logins) needs its separate consent (PIPL Art 29). "
            "Nothing was logged.",
        ),
        "disclosure_without_third_party_consent": translate(
            "Errors",
            "Refused: giving the data to a third party needs the person's separate consent (PIPL Art 23). "
            "Nothing was logged.",
        ),
        "incident_closed": translate("Errors", "This incident is already closed."),
        "incident_not_notified": translate(
            "Errors", "Record the decision to notify first: letters are written only for an incident that is notified."
        ),
        "incident_needs_decision": translate(
            "Errors", "Record whether the persons and the authority are notified (and why) before closing."
        ),
        "client_erased": translate(
            "Errors", "This client has been erased: nothing of its data is left, so no letter can be written to it."
        ),
        "request_needs_handover": translate(
            "Errors", "A deletion or withdrawal closes through its workflow: use Hand over."
        ),
        "request_no_handover": translate("Errors", "Only deletion and withdrawal requests are handed over."),
        "request_not_access": translate("Errors", "Only access and copy requests are answered with a copy."),
        "erasure_check_running": translate(
            "Errors",
            "The vault file is still being checked after this erasure. The certificate is issued once the check "
            "has finished.",
        ),
        "erasure_pending_on_disk": translate(
            "Errors",
            "Another workstation is reading the vault, so the erased values are still on disk. The certificate "
            "is issued once they are gone: try again when the other workstations are idle.",
        ),
    }
    return messages.get(code, translate("Errors", "The operation does not fit the current state."))


def spreadsheet_message(reason: str) -> str:
    """Translate why a file offered for import is not read (``SpreadsheetRefused.reason``)."""
    messages = {
        "not_found": translate("Errors", "The file does not exist."),
        "locked": translate(
            "Errors", "The file is open in Excel or WPS (or locked by another program). Close it and try again."
        ),
        "unreadable": translate("Errors", "The file cannot be read. Check its permissions."),
        "xls": translate("Errors", "This is an old .xls workbook. Open it in Excel or WPS and save it as .xlsx."),
        "csv": translate(
            "Errors", "This is a CSV text file, not a workbook. Open it in Excel or WPS and save it as .xlsx."
        ),
        "encrypted": translate(
            "Errors", "The workbook is protected with a password. Save an unprotected copy and import that."
        ),
        "not_workbook": translate("Errors", "The file is not an Excel workbook (.xlsx)."),
        "damaged": translate(
            "Errors", "The workbook is damaged or incomplete (a truncated copy?). Save it again from Excel or WPS."
        ),
        "zip_bomb": translate(
            "Errors", "The workbook unpacks to far more data than a client list holds, so it was not opened."
        ),
        "too_large": translate("Errors", "The file is too large for a client list."),
        "empty": translate("Errors", "The workbook has no data."),
        "no_sheet": translate("Errors", "The workbook has no sheet of that name."),
        "no_header": translate(
            "Errors",
            "No header row was found in the first 30 rows. It needs a client name column and at least one "
            "other known column.",
        ),
        "no_data": translate("Errors", "The sheet has a header row but no data rows."),
        "too_many_rows": translate("Errors", "The sheet has more rows than one import takes. Split it into parts."),
    }
    return messages.get(reason, translate("Errors", "The file cannot be read as a workbook."))
