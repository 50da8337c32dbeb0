"""The whole story in a real browser: a new member signs up and becomes a listed ambassador who
applies as a trainer with a certificate; a reviewer sets up two-factor authentication and
verifies it; a visitor then finds the certified trainer and checks the certificate."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import Page, expect

from people.models import Certification, CertificationLevel, Profile, RoleHolding, User
from tests.browser.support import authenticator_code, pdf_file, png_file

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long enough passphrase 42"
MEMBER_EMAIL = "noor@example.org"
REVIEWER_EMAIL = "rita@example.org"


def link_in(body: str, path_prefix: str) -> str:
    return next(word for word in body.split() if path_prefix in word)


def member_signs_up_and_confirms(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Join").click()
    page.get_by_label("Your name").fill("Noor Nieuwenhuis")
    page.get_by_label("Email").fill(MEMBER_EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verify")

    (confirmation,) = mail.outbox
    assert confirmation.to == [MEMBER_EMAIL]
    page.goto(link_in(confirmation.body, "/accounts/confirm-email/"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Noor Nieuwenhuis")


def member_fills_in_the_profile(page: Page, photo) -> None:
    page.get_by_role("link", name="Edit your profile").first.click()
    page.get_by_label("Headline").fill("Brings consent decision-making to schools")
    page.get_by_label("Bio").fill("Teacher for fifteen years, facilitator for five.")
    page.get_by_label("Country").select_option("NL")
    page.get_by_role("textbox", name="City").fill("Utrecht")
    page.get_by_label("Dutch").check()
    page.get_by_label("English").check()
    page.get_by_label("Educators and schools").check()
    page.get_by_label("Photo:", exact=True).set_input_files(photo)
    page.get_by_label("List my profile in the public directory").check()
    page.get_by_label("Let visitors write to me through the contact form").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    expect(page.get_by_role("img", name="Your current photo")).to_be_visible()


def member_joins_logs_outreach_and_applies(page: Page, evidence, today) -> None:
    page.goto("/me/roles/")
    page.get_by_role("button", name="Join as ambassador").click()
    expect(page.get_by_role("status")).to_contain_text("You are now an active ambassador.")

    page.goto("/me/outreach/add/")
    page.get_by_label("Kind").select_option("talk")
    page.get_by_label("Title").fill("Sociocracy in the staff room")
    page.get_by_label("Date").fill((today - datetime.timedelta(days=10)).isoformat())
    page.get_by_label("Audience").fill("Primary school teachers")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("main")).to_contain_text("Sociocracy in the staff room")

    page.goto("/me/roles/")
    page.get_by_role("button", name="Apply as trainer").click()
    expect(page.get_by_role("status")).to_contain_text("Your application as trainer is recorded")

    page.get_by_role("link", name="Add a certification").first.click()
    page.get_by_label("Issuing body:", exact=True).select_option(label="SoFA")
    level = CertificationLevel.objects.get(body__slug="sofa", name="Trainer")
    page.get_by_label("Level:", exact=True).select_option(str(level.pk))
    page.get_by_label("Issued on").fill((today - datetime.timedelta(days=100)).isoformat())
    page.get_by_label("Expires on").fill((today + datetime.timedelta(days=700)).isoformat())
    page.get_by_label("Certificate file").set_input_files(evidence)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status")).to_contain_text("Your certification is submitted.")
    page.get_by_role("button", name="Log out").click()


def reviewer_sets_up_two_factor_and_verifies(page: Page) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(REVIEWER_EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Welcome")
    page.goto("/review/")
    # No review page opens before the authenticator app is set up; allauth asks for the
    # password once more before a second factor is added.
    expect(page.get_by_role("status").first).to_contain_text("two-factor authentication")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url("/accounts/2fa/totp/activate/")
    secret = page.locator("#authenticator_secret").input_value()
    code = authenticator_code(secret)
    page.get_by_label("Authenticator code").fill(code)
    page.get_by_role("button", name="Activate").click()

    page.goto("/review/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Review queue")
    page.get_by_role("link", name="Noor Nieuwenhuis").click()
    expect(page.get_by_role("link", name="Open the PDF")).to_be_visible()
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("status").first).to_contain_text("verified")
    page.get_by_role("button", name="Log out").click()


def visitor_finds_the_trainer_and_checks_the_certificate(page: Page) -> None:
    page.goto("/directory/")
    page.get_by_role("combobox", name="Role").select_option("trainer")
    page.get_by_label("Certified only").check()
    results = page.locator("#results")
    expect(results.get_by_role("heading", level=2)).to_have_text("1 member")
    card = results.get_by_role("article")
    expect(card).to_contain_text("Certified by SoFA")
    card.get_by_role("link", name="Noor Nieuwenhuis").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Noor Nieuwenhuis")
    page.get_by_role("link", name="Verify this certification").click()
    expect(page.get_by_role("status")).to_contain_text("Valid.")
    expect(page.get_by_role("main")).to_contain_text("Sociocracy For All")


@pytest.fixture
def reviewer(user_factory) -> User:
    """Staff in the Reviewers group, with a confirmed address and no authenticator yet."""
    user = user_factory(email=REVIEWER_EMAIL, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_sign_up_apply_as_trainer_get_verified_and_be_found(new_context, reviewer, tmp_path, today):
    member_page = new_context().new_page()
    member_signs_up_and_confirms(member_page)
    member_fills_in_the_profile(member_page, png_file(tmp_path))
    member_joins_logs_outreach_and_applies(member_page, pdf_file(tmp_path), today)

    profile = Profile.objects.get(user__email=MEMBER_EMAIL)
    assert profile.is_listed
    assert profile.holdings.get(role_type__slug="ambassador").status == RoleHolding.Status.ACTIVE
    assert profile.outreach.get().title == "Sociocracy in the staff room"
    assert profile.avatar.name.startswith("avatars/")
    assert (settings.MEDIA_ROOT / profile.avatar.name).is_file()
    certification = profile.certifications.get()
    assert certification.status == Certification.Status.PENDING
    assert certification.evidence_file.read() == pdf_file(tmp_path).read_bytes()

    reviewer_sets_up_two_factor_and_verifies(new_context().new_page())

    assert Authenticator.objects.filter(user=reviewer, type=Authenticator.Type.TOTP).exists()
    certification.refresh_from_db()
    assert certification.status == Certification.Status.VERIFIED
    assert profile.holdings.get(role_type__slug="trainer").status == RoleHolding.Status.ACTIVE
    assert any(MEMBER_EMAIL in message.to for message in mail.outbox[1:])

    visitor_finds_the_trainer_and_checks_the_certificate(new_context().new_page())
