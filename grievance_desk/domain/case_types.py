"""The vocabulary of a case: kinds, request types, channels, outcomes and the rest.

Values are stable lower-case strings because they are stored in the register, written to
exports and typed by officers in spreadsheets; labels are what a person reads.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a human label for forms, letters and reports."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())


class CaseKind(LabelledEnum):
    COMPLAINT = "complaint"
    RIGHTS_REQUEST = "rights_request"


class RequestType(LabelledEnum):
    ACCESS = "access"
    CORRECTION = "correction"
    COMPLETION = "completion"
    ERASURE = "erasure"
    OBJECTION = "objection"
    CONSENT_WITHDRAWAL = "consent_withdrawal"
    NOMINATION = "nomination"
    MARKETING_OPT_OUT = "marketing_opt_out"
    COOKIE_CONSENT = "cookie_consent"
    MINOR_DATA = "minor_data"
    SECURITY_CONCERN = "security_concern"
    OTHER = "other"


class Channel(LabelledEnum):
    EMAIL = "email"
    POST = "post"
    WEB_FORM = "web_form"
    PHONE = "phone"
    IN_PERSON = "in_person"
    REGULATOR = "regulator"


class Relationship(LabelledEnum):
    CUSTOMER = "customer"
    EMPLOYEE = "employee"
    JOB_APPLICANT = "job_applicant"
    VENDOR = "vendor"
    WEBSITE_VISITOR = "website_visitor"
    OTHER = "other"


class Representative(LabelledEnum):
    NONE = "none"
    GUARDIAN = "guardian"
    NOMINEE = "nominee"
    AUTHORISED_AGENT = "authorised_agent"


class DataCategory(LabelledEnum):
    REGISTRATION = "registration"
    PROFILE = "profile"
    KYC = "kyc"
    BILLING = "billing"
    TECHNICAL_SUPPORT = "technical_support"
    COOKIES_ANALYTICS = "cookies_analytics"
    MARKETING = "marketing"
    EMPLOYMENT = "employment"
    THIRD_PARTY = "third_party"


class IdentityState(LabelledEnum):
    NOT_REQUIRED = "not_required"
    PENDING = "pending"
    VERIFIED = "verified"
    FAILED = "failed"


class Priority(LabelledEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Outcome(LabelledEnum):
    FULFILLED = "fulfilled"
    PARTLY_FULFILLED = "partly_fulfilled"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    NO_DATA_HELD = "no_data_held"
    TRANSFERRED = "transferred"


class RefusalGround(LabelledEnum):
    LEGAL_PRIVILEGE = "legal_privilege"
    LEGAL_DUTY_TO_RETAIN = "legal_duty_to_retain"
    IDENTITY_NOT_VERIFIED = "identity_not_verified"
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    OTHER = "other"


_LABELS: dict[str, str] = {
    "rights_request": "Rights request",
    "completion": "Completion / updating",
    "objection": "Objection / restriction",
    "consent_withdrawal": "Withdrawal of consent",
    "marketing_opt_out": "Marketing opt-out",
    "cookie_consent": "Cookie consent",
    "minor_data": "Minor's data",
    "email": "E-mail",
    "web_form": "Web form",
    "in_person": "In person",
    "regulator": "Data Protection Board / regulator",
    "job_applicant": "Job applicant",
    "website_visitor": "Website visitor",
    "authorised_agent": "Authorised agent",
    "kyc": "KYC",
    "technical_support": "Technical support",
    "cookies_analytics": "Cookies and analytics",
    "employment": "Employment / recruitment",
    "third_party": "Third-party sources",
    "not_required": "Not required",
    "partly_fulfilled": "Partly fulfilled",
    "no_data_held": "No data held",
    "legal_privilege": "Legal privilege",
    "legal_duty_to_retain": "Legal duty to retain",
    "identity_not_verified": "Identity not verified",
    "manifestly_unfounded": "Manifestly unfounded or excessive",
}
