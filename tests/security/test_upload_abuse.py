"""Hostile uploads are refused with a reason, leave no file anywhere, and keep the form.

Covers what tests/people/test_profile_edit.py and tests/people/test_me_certifications.py do
not: an SVG with a script named .png, a PDF or an HTML page disguised as a picture, a
decompression bomb and SVGs as certification evidence, HTML named .pdf or with %PDF further
in, and for every case (oversize included) that nothing lands in the media folders or stays
behind in the upload temp folder.
"""

import struct
import zlib
from http import HTTPStatus
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from tests.people.review_support import PDF_BYTES
from tests.security.support import profile_form

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
# A polyglot: an HTML page that carries a PDF further in. It must start with %PDF- to count.
HTML_THEN_PDF = HTML_PAGE + b"\n" + PDF_BYTES


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes whose PNG header claims width x height pixels: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(autouse=True)
def _upload_folders(settings, monkeypatch, tmp_path):
    # Uploads over FILE_UPLOAD_MAX_MEMORY_SIZE are spooled here while the request runs.
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "upload-temp"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()


def files_under(*folders: Path) -> list[Path]:
    return [
        path
        for folder in folders
        if folder.exists()
        for path in folder.rglob("*")
        if path.is_file()
    ]


def assert_nothing_stored(settings) -> None:
    stored = files_under(
        Path(settings.MEDIA_ROOT),
        Path(settings.PRIVATE_MEDIA_ROOT),
        Path(settings.FILE_UPLOAD_TEMP_DIR),
    )
    assert stored == []


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(display_name="Upload Member", slug="upload-member", listed=False)
    client.force_login(profile.user)
    return profile


# --- Avatar -----------------------------------------------------------------------------------

NOT_A_PICTURE = "is not a JPEG, PNG or WebP picture"


@pytest.mark.parametrize(
    ("name", "content", "content_type", "reason"),
    [
        ("photo.png", SVG_WITH_SCRIPT, "image/png", NOT_A_PICTURE),
        ("photo.png", PDF_BYTES, "image/png", NOT_A_PICTURE),
        ("photo.jpg", HTML_PAGE, "image/jpeg", NOT_A_PICTURE),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 1024 * 1024), "image/png", "at most"),
    ],
    ids=["svg-named-png", "pdf-named-png", "html-named-jpg", "oversize"],
)
def test_a_hostile_avatar_is_refused_stores_nothing_and_keeps_the_form(
    client, member, settings, name, content, content_type, reason
):
    response = client.post(
        reverse("me:profile-edit"),
        {
            **profile_form(member, display_name="Kept Name", headline="Kept headline"),
            "avatar": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert reason in page
    assert 'value="Kept Name"' in page
    assert 'value="Kept headline"' in page
    member.refresh_from_db()
    assert member.display_name == "Upload Member"
    assert not member.avatar
    assert_nothing_stored(settings)


# --- Certification evidence -------------------------------------------------------------------


@pytest.fixture
def certification_form(body):
    sofa = body("sofa")
    return {
        "body": sofa.pk,
        "other_body": "",
        "level": sofa.levels.get(name="Trainer").pk,
        "other_level": "",
        "issued_on": "2024-03-01",
        "expires_on": "2027-03-01",
        "evidence_url": "https://example.org/kept",
    }


@pytest.mark.parametrize(
    ("name", "content", "content_type", "reason"),
    [
        (
            "certificate.png",
            png_declaring(100_000, 100_000),
            "image/png",
            "The PNG image is too large in pixels",
        ),
        (
            "certificate.png",
            png_declaring(8_000, 8_000),  # 64 megapixels: under Pillow's own bomb limit
            "image/png",
            "The PNG image is too large in pixels",
        ),
        (
            "certificate.png",
            SVG_WITH_SCRIPT,
            "image/png",
            "The file is named .png, but its content is not a PNG image.",
        ),
        (
            "certificate.svg",
            SVG_WITH_SCRIPT,
            "image/svg+xml",
            "This file's content is not a PDF, JPEG or PNG.",
        ),
        (
            "certificate.pdf",
            HTML_PAGE,
            "application/pdf",
            "The file is named .pdf, but its content is not a PDF.",
        ),
        (
            "certificate.pdf",
            HTML_THEN_PDF,
            "application/pdf",
            "The file is named .pdf, but its content is not a PDF.",
        ),
        (
            "certificate.pdf",
            b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"\n%%EOF\n",
            "application/pdf",
            "evidence files can be up to 10 MB",
        ),
    ],
    ids=[
        "decompression-bomb",
        "too-many-pixels",
        "svg-named-png",
        "svg",
        "html-named-pdf",
        "html-with-pdf-inside",
        "oversize",
    ],
)
def test_hostile_evidence_is_refused_stores_nothing_and_keeps_the_form(
    client, member, settings, certification_form, name, content, content_type, reason
):
    response = client.post(
        reverse("me:certification-add"),
        {
            **certification_form,
            "evidence_file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )

    page = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert escape(reason) in page
    assert 'value="2024-03-01"' in page
    assert 'value="https://example.org/kept"' in page
    assert not member.certifications.exists()
    assert_nothing_stored(settings)


def test_replacing_evidence_with_a_hostile_file_keeps_the_stored_one(
    client, member, settings, certification_form
):
    client.post(
        reverse("me:certification-add"),
        {
            **certification_form,
            "evidence_file": SimpleUploadedFile("c.pdf", PDF_BYTES, "application/pdf"),
        },
    )
    certification = member.certifications.get()
    stored = files_under(Path(settings.PRIVATE_MEDIA_ROOT))
    edit = reverse("me:certification-edit", args=[certification.pk])

    response = client.post(
        edit,
        {
            **certification_form,
            "updated_at": certification.updated_at.isoformat(),
            "evidence_file": SimpleUploadedFile("c.pdf", HTML_PAGE, "application/pdf"),
        },
    )

    assert response.status_code == HTTPStatus.OK
    assert "but its content is not a PDF" in response.content.decode()
    assert files_under(Path(settings.PRIVATE_MEDIA_ROOT)) == stored
    certification.refresh_from_db()
    assert certification.evidence_file.read() == PDF_BYTES
