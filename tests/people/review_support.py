"""Helpers shared by the review tests (tests/people/test_review_*.py, tests/security/
test_review_access.py): reviewers with or without two-factor authentication, evidence files."""

import io

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from PIL import Image

from people.models import Certification, User

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (30, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def enable_totp(user: User) -> Authenticator:
    return TOTP.activate(user, generate_totp_secret()).instance


def make_reviewer(user_factory, *, mfa: bool = True, **extra) -> User:
    """A staff member in the Reviewers group (created by migration), with an authenticator
    app unless mfa=False."""
    user = user_factory(is_staff=True, **extra)
    user.groups.add(Group.objects.get(name="Reviewers"))
    if mfa:
        enable_totp(user)
    return User.objects.get(pk=user.pk)  # fresh: no permission cache from before the group


def attach_evidence(certification: Certification, content: bytes, name: str) -> Certification:
    certification.evidence_file.save(name, ContentFile(content), save=True)
    return certification
