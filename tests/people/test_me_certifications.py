"""/me/certifications/: submit with evidence, correct, resubmit, withdraw, and private files."""

import datetime
import html
import io
import re
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from people.models import Certification, CertificationDecision, IssuingBody
from people.services.certifications import RESUBMITTED_NOTE

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def text(response) -> str:
    return html.unescape(response.content.decode())


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (30, 120, 200)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_file_exists(certification: Certification) -> bool:
    return certification.evidence_file.storage.exists(certification.evidence_file.name)


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(listed=False)
    client.force_login(profile.user)
    return profile


@pytest.fixture
def form_data(body):
    sofa = body("sofa")

    def make(**overrides) -> dict:
        return {
            "body": sofa.pk,
            "other_body": "",
            "level": sofa.levels.get(name="Trainer").pk,
            "other_level": "",
            "issued_on": "2024-03-01",
            "expires_on": "2027-03-01",
            "evidence_url": "",
            **overrides,
        }

    return make


def add(client, data: dict):
    return client.post(reverse("me:certification-add"), data, follow=True)


def edit_form_token(client, certification: Certification) -> str:
    page = client.get(reverse("me:certification-edit", args=[certification.pk])).content.decode()
    return html.unescape(re.search(r'name="updated_at" value="([^"]+)"', page).group(1))


# --- adding --------------------------------------------------------------------------------


def test_certification_pages_need_login(client):
    response = client.get(reverse("me:certifications"))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_add_with_a_small_pdf_submits_it_for_review_with_a_private_file(
    client, member, form_data, settings
):
    response = add(client, form_data(evidence_file=upload("my certificate.pdf", PDF_BYTES)))

    certification = member.certifications.get()
    assert certification.status == Certification.Status.PENDING
    assert certification.evidence_file.name.endswith(".pdf")
    assert "my certificate" not in certification.evidence_file.name
    assert stored_file_exists(certification)
    path = certification.evidence_file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    page = text(response)
    assert "Your certification is submitted" in page
    assert "Pending review" in page
    assert certification.evidence_file.name not in page
    assert reverse("me:certification-evidence", args=[certification.pk]) in page


def test_add_with_a_png_made_by_pillow(client, member, form_data):
    add(client, form_data(evidence_file=upload("scan.png", image_bytes("PNG"), "image/png")))

    assert member.certifications.get().evidence_file.name.endswith(".png")


def test_add_with_a_jpeg_and_a_link(client, member, form_data):
    add(
        client,
        form_data(
            evidence_file=upload("photo.jpeg", image_bytes("JPEG"), "image/jpeg"),
            evidence_url="https://example.org/register/42",
        ),
    )

    certification = member.certifications.get()
    assert certification.evidence_file.name.endswith(".jpg")
    assert certification.evidence_url == "https://example.org/register/42"


def test_add_with_only_a_link(client, member, form_data):
    add(client, form_data(evidence_url="https://example.org/register/42"))

    certification = member.certifications.get()
    assert not certification.evidence_file
    assert certification.evidence_url == "https://example.org/register/42"


def test_add_from_a_body_not_in_the_list_is_shown_as_not_recognised(client, member, form_data):
    response = add(
        client,
        form_data(
            body="",
            level="",
            other_body="Circle Institute of Somewhere",
            other_level="Facilitator",
            evidence_url="https://example.org/c",
        ),
    )

    certification = member.certifications.get()
    assert certification.body is None
    assert certification.other_body == "Circle Institute of Somewhere"
    assert certification.other_level == "Facilitator"
    assert "Body not recognised yet" in text(response)


def assert_refused_with_data_kept(response, member, reason: str) -> None:
    assert response.status_code == HTTPStatus.OK
    page = text(response)
    assert reason in page
    assert 'id="id_evidence_file_error"' in page
    assert 'value="2024-03-01"' in page
    assert 'value="https://example.org/kept"' in page
    assert "choose the file again" in page
    assert not member.certifications.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "reason"),
    [
        (
            "certificate.pdf",
            b"I promise I am certified.\n%%EOF\n",
            "application/pdf",
            "The file is named .pdf, but its content is not a PDF.",
        ),
        (
            "certificate.png",
            b"<!DOCTYPE html><html><script>alert(1)</script></html>",
            "image/png",
            "The file is named .png, but its content is not a PNG image.",
        ),
        (
            "certificate.docx",
            b"PK\x03\x04 a word document",
            "application/octet-stream",
            "This file's content is not a PDF, JPEG or PNG.",
        ),
        (
            "certificate.pdf",
            b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
            "application/pdf",
            "The PDF is incomplete",
        ),
        (
            "certificate.png",
            image_bytes("PNG")[:40],
            "image/png",
            "The PNG image is damaged or incomplete",
        ),
    ],
    ids=["text-named-pdf", "html-named-png", "other-kind", "pdf-without-eof", "truncated-png"],
)
def test_a_file_that_is_not_what_it_claims_is_refused_with_the_reason(
    client, member, form_data, name, content, content_type, reason
):
    response = client.post(
        reverse("me:certification-add"),
        form_data(
            evidence_file=upload(name, content, content_type),
            evidence_url="https://example.org/kept",
        ),
    )

    assert_refused_with_data_kept(response, member, reason)


def test_an_oversize_file_is_refused_with_the_reason(client, member, form_data):
    content = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024) + b"\n%%EOF\n"

    response = client.post(
        reverse("me:certification-add"),
        form_data(
            evidence_file=upload("big.pdf", content), evidence_url="https://example.org/kept"
        ),
    )

    assert_refused_with_data_kept(response, member, "evidence files can be up to 10 MB")


def test_an_expiry_before_the_issue_date_is_refused_beside_the_field(client, member, form_data):
    response = client.post(
        reverse("me:certification-add"),
        form_data(
            issued_on="2024-03-01", expires_on="2024-02-01", evidence_url="https://example.org/k"
        ),
    )

    page = text(response)
    assert 'id="id_expires_on_error"' in page
    assert "The expiry date cannot be before the issue date." in page
    assert 'value="2024-02-01"' in page
    assert not member.certifications.exists()


def test_evidence_is_required(client, member, form_data):
    response = client.post(reverse("me:certification-add"), form_data())

    assert "Add a link to the certificate or upload a file (or both)." in text(response)
    assert not member.certifications.exists()


def test_the_level_must_belong_to_the_chosen_body(client, member, form_data, body):
    response = client.post(
        reverse("me:certification-add"),
        form_data(
            body=body("iscb").pk,
            level=body("sofa").levels.get(name="Trainer").pk,
            evidence_url="https://example.org/c",
        ),
    )

    assert "Trainer is a level of SoFA, not of ISCB." in text(response)
    assert not member.certifications.exists()


def test_only_bodies_that_issue_certificates_are_offered(client, member, form_data, body):
    no_certificates = body("sociocracy-3-0")
    page = text(client.get(reverse("me:certification-add")))
    body_select = re.search(r'<select name="body".*?</select>', page, re.DOTALL).group(0)
    assert f'value="{body("sofa").pk}"' in body_select
    assert f'value="{no_certificates.pk}"' not in body_select

    response = client.post(
        reverse("me:certification-add"),
        form_data(body=no_certificates.pk, level="", other_level="Practitioner"),
    )

    assert "Select a valid choice" in text(response)
    assert not member.certifications.exists()


def test_a_new_body_added_by_an_admin_is_offered_with_its_levels(client, member, form_data):
    guild = IssuingBody.objects.create(name="Consent Guild", slug="consent-guild")
    level = guild.levels.create(name="Steward", order=1)

    add(client, form_data(body=guild.pk, level=level.pk, evidence_url="https://example.org/c"))

    assert member.certifications.get().level == level


# --- editing --------------------------------------------------------------------------------


def test_editing_a_rejected_certification_resubmits_it_and_records_the_decision(
    client, member, form_data, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.REJECTED)
    token = edit_form_token(client, certification)

    response = client.post(
        reverse("me:certification-edit", args=[certification.pk]),
        form_data(evidence_url="https://example.org/clearer-scan", updated_at=token),
        follow=True,
    )

    certification.refresh_from_db()
    assert certification.status == Certification.Status.PENDING
    assert certification.evidence_url == "https://example.org/clearer-scan"
    decision = CertificationDecision.objects.get(certification=certification)
    assert decision.from_status == Certification.Status.REJECTED
    assert decision.to_status == Certification.Status.PENDING
    assert decision.reviewer == member.user
    assert decision.note == RESUBMITTED_NOTE
    assert "resubmitted for review" in text(response)


def test_editing_a_pending_certification_keeps_it_pending_without_a_decision(
    client, member, form_data, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    token = edit_form_token(client, certification)

    client.post(
        reverse("me:certification-edit", args=[certification.pk]),
        form_data(expires_on="", evidence_url="https://example.org/new", updated_at=token),
    )

    certification.refresh_from_db()
    assert certification.status == Certification.Status.PENDING
    assert certification.expires_on is None
    assert not certification.decisions.exists()


def test_replacing_the_file_deletes_the_old_one_after_commit(
    client, member, form_data, certification_factory, django_capture_on_commit_callbacks
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    certification.evidence_file.save("old.pdf", ContentFile(PDF_BYTES))
    old_name = certification.evidence_file.name
    token = edit_form_token(client, certification)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("me:certification-edit", args=[certification.pk]),
            form_data(
                evidence_url="",
                evidence_file=upload("new.png", image_bytes("PNG"), "image/png"),
                updated_at=token,
            ),
        )

    certification.refresh_from_db()
    assert certification.evidence_file.name.endswith(".png")
    assert stored_file_exists(certification)
    assert not certification.evidence_file.storage.exists(old_name)


def test_removing_the_only_evidence_is_refused(client, member, form_data, certification_factory):
    certification = certification_factory(
        member,
        status=Certification.Status.PENDING,
        evidence_url="",
        evidence_file=ContentFile(PDF_BYTES, name="old.pdf"),
    )
    token = edit_form_token(client, certification)

    response = client.post(
        reverse("me:certification-edit", args=[certification.pk]),
        form_data(remove_file="on", updated_at=token),
    )

    assert "Add a link to the certificate or upload a file (or both)." in text(response)
    certification.refresh_from_db()
    assert certification.evidence_file
    assert stored_file_exists(certification)


def test_a_stale_form_applies_nothing_and_says_why(
    client, member, form_data, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    token = edit_form_token(client, certification)
    # Meanwhile, in another window:
    Certification.objects.filter(pk=certification.pk).update(
        other_level="", evidence_url="https://example.org/from-another-tab"
    )
    certification.refresh_from_db()
    certification.save(update_fields=["updated_at"])

    response = client.post(
        reverse("me:certification-edit", args=[certification.pk]),
        form_data(evidence_url="https://example.org/stale", updated_at=token),
        follow=True,
    )

    certification.refresh_from_db()
    assert certification.evidence_url == "https://example.org/from-another-tab"
    assert "changed after you opened the form" in text(response)


def test_sending_the_edit_form_twice_applies_it_once(
    client, member, form_data, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.REJECTED)
    data = form_data(
        evidence_url="https://example.org/once", updated_at=edit_form_token(client, certification)
    )
    url = reverse("me:certification-edit", args=[certification.pk])

    client.post(url, data)
    response = client.post(url, data, follow=True)

    assert CertificationDecision.objects.filter(certification=certification).count() == 1
    assert "changed after you opened the form" in text(response)


@pytest.mark.parametrize("status", [Certification.Status.VERIFIED, Certification.Status.REVOKED])
def test_a_decided_certification_is_read_only(
    client, member, form_data, certification_factory, status
):
    certification = certification_factory(member, status=status)
    before = Certification.objects.filter(pk=certification.pk).values().get()
    edit_url = reverse("me:certification-edit", args=[certification.pk])
    withdraw_url = reverse("me:certification-withdraw", args=[certification.pk])

    list_page = text(client.get(reverse("me:certifications")))
    get_edit = client.get(edit_url, follow=True)
    post_edit = client.post(
        edit_url,
        form_data(evidence_url="https://example.org/x", updated_at="2020-01-01T00:00:00+00:00"),
        follow=True,
    )
    post_withdraw = client.post(withdraw_url, follow=True)

    assert edit_url not in list_page
    assert withdraw_url not in list_page
    for response in (get_edit, post_edit, post_withdraw):
        assert "read-only" in text(response)
    assert Certification.objects.filter(pk=certification.pk).values().get() == before
    assert not CertificationDecision.objects.filter(certification=certification).exists()


def test_the_reviewers_reason_for_a_rejection_is_shown(client, member, certification_factory):
    certification = certification_factory(member, status=Certification.Status.REJECTED)
    CertificationDecision.objects.create(
        certification=certification,
        from_status=Certification.Status.PENDING,
        to_status=Certification.Status.REJECTED,
        note="The scan is unreadable.",
    )

    page = text(client.get(reverse("me:certifications")))

    assert "The scan is unreadable." in page
    assert "Correct and resubmit" in page


# --- withdrawing ----------------------------------------------------------------------------


def test_withdrawing_asks_for_confirmation_first(client, member, certification_factory):
    certification = certification_factory(member, status=Certification.Status.PENDING)

    response = client.get(reverse("me:certification-withdraw", args=[certification.pk]))

    assert response.status_code == HTTPStatus.OK
    assert "cannot be undone" in text(response)
    assert Certification.objects.filter(pk=certification.pk).exists()


def test_withdrawing_a_pending_certification_deletes_it_and_its_file(
    client, member, certification_factory, django_capture_on_commit_callbacks
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    certification.evidence_file.save("cert.pdf", ContentFile(PDF_BYTES))
    storage, name = certification.evidence_file.storage, certification.evidence_file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("me:certification-withdraw", args=[certification.pk]), follow=True
        )

    assert not Certification.objects.filter(pk=certification.pk).exists()
    assert not storage.exists(name)
    assert "withdrawn" in text(response)


def test_withdrawing_a_rejected_certification_keeps_the_audit_trail(
    client, member, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.REJECTED)
    decision = CertificationDecision.objects.create(
        certification=certification,
        from_status=Certification.Status.PENDING,
        to_status=Certification.Status.REJECTED,
        note="Wrong person on the certificate.",
    )

    client.post(reverse("me:certification-withdraw", args=[certification.pk]))

    assert not Certification.objects.filter(pk=certification.pk).exists()
    decision.refresh_from_db()
    assert decision.note == "Wrong person on the certificate."


# --- the private evidence file --------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "content_type"),
    [(PDF_BYTES, "application/pdf"), (image_bytes("PNG"), "image/png")],
    ids=["pdf", "png"],
)
def test_the_evidence_file_is_served_to_its_owner_with_the_right_type(
    client, member, certification_factory, content, content_type
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    certification.evidence_file.save("file", ContentFile(content))

    response = client.get(reverse("me:certification-evidence", args=[certification.pk]))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert f"certification-{certification.pk}-evidence" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == content


def test_an_unrecognised_stored_file_is_only_offered_as_an_opaque_download(
    client, member, certification_factory
):
    certification = certification_factory(member, status=Certification.Status.PENDING)
    certification.evidence_file.save("put-there-by-hand.html", ContentFile(b"<html></html>"))

    response = client.get(reverse("me:certification-evidence", args=[certification.pk]))

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_evidence_file_is_404_for_another_member(
    client, member, profile_factory, certification_factory
):
    other = profile_factory()
    certification = certification_factory(other, status=Certification.Status.PENDING)
    certification.evidence_file.save("cert.pdf", ContentFile(PDF_BYTES))

    response = client.get(reverse("me:certification-evidence", args=[certification.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_evidence_file_sends_anonymous_visitors_to_log_in(
    client, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory())
    certification.evidence_file.save("cert.pdf", ContentFile(PDF_BYTES))

    response = client.get(reverse("me:certification-evidence", args=[certification.pk]))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_a_certification_without_a_file_has_no_evidence_download(
    client, member, certification_factory
):
    certification = certification_factory(member)

    response = client.get(reverse("me:certification-evidence", args=[certification.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_expiry_dates_are_shown_in_the_list(client, member, certification_factory, today):
    certification_factory(member, expires_on=today - datetime.timedelta(days=1))

    page = text(client.get(reverse("me:certifications")))

    assert "Expired" in page
