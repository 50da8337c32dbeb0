from people.models.certifications import (
    Certification,
    CertificationDecision,
    CertificationLevel,
    IssuingBody,
)
from people.models.expiry import ExpiryNotice
from people.models.holdings import ResponsibilityDeclaration, RoleHolding
from people.models.outreach import OutreachRecord
from people.models.profiles import Audience, Language, Profile, ProfileLink
from people.models.users import User

__all__ = [
    "Audience",
    "Certification",
    "CertificationDecision",
    "CertificationLevel",
    "ExpiryNotice",
    "IssuingBody",
    "Language",
    "OutreachRecord",
    "Profile",
    "ProfileLink",
    "ResponsibilityDeclaration",
    "RoleHolding",
    "User",
]
