"""axe-core finds no WCAG 2.1 A or AA violation on any page a visitor, a member or a reviewer
opens, including forms showing errors and pages reached only after an action.

Each audit walks its pages in one browser context and reports every violation of every page
at the end, so one run shows the whole picture. The export (/me/export/) is a JSON download,
not a page, and is left out.
"""

import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import Page, expect

from people.models import (
    Certification,
    ProfileLink,
    ResponsibilityDeclaration,
    RoleHolding,
    User,
)
from people.services.reviews import Decision, certification_decide
from roles.models import Responsibility, Rule
from tests.browser.support import authenticator_code, axe_violations, describe_violations
from tests.people.review_support import PDF_BYTES, attach_evidence, png_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    # The live server's WhiteNoise looks for collected static files, which tests never make.
    pytest.mark.filterwarnings("ignore:No directory at:UserWarning"),
]

PASSWORD = "a long enough passphrase 42"
MEMBER_PASSWORD = "correct horse battery"  # user_factory's


class Audit:
    """Visits pages and keeps every page's violations, to report them all at once. Anything
    the Content Security Policy blocks (which would break the page quietly) counts too."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.failures: list[str] = []
        self.blocked: list[str] = []
        page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            self.blocked.append(f"{self.page.url}: {message.text}")

    def check(self, name: str) -> None:
        self.page.wait_for_load_state("load")
        violations = axe_violations(self.page)
        if violations:
            self.failures.append(describe_violations(f"{name} ({self.page.url})", violations))

    def visit(self, name: str, url: str) -> None:
        response = self.page.goto(url)
        assert response is not None
        assert response.ok, f"{name}: {url} answered {response.status}"
        self.check(name)

    def submit_unvalidated(self, button: str) -> None:
        """Sends the button's form past the browser's own checks, to see the server's errors."""
        submit = self.page.get_by_role("button", name=button)
        submit.evaluate("button => { button.form.noValidate = true; }")
        submit.click()
        self.page.wait_for_load_state("load")

    def assert_clean(self) -> None:
        problems = list(self.failures)
        if self.blocked:
            problems.append("Blocked by the Content Security Policy:\n" + "\n".join(self.blocked))
        if problems:
            pytest.fail("\n\n".join(problems))


@dataclass
class Site:
    trainer: User
    ambassador: User
    member: User
    verified: Certification
    pending: Certification


@pytest.fixture
def site(profile_factory, certification_factory, outreach_factory, role, today):
    """A certified trainer and an ambassador in the directory, and a member with a bit of
    everything: roles (one applied), certifications (pending with a file, verified), outreach,
    a self-declared checklist item, links."""
    trainer = profile_factory(
        role_slug="trainer",
        certified=True,
        display_name="Trude Trainer",
        headline="Teaches consent decision-making to cooperatives",
        bio="Ten years of workshops.\n\nTrained with SoFA.",
        country="NL",
        city="Utrecht",
        show_city=True,
        accepts_contact=True,
        languages=("en", "nl"),
        audiences=("cooperatives", "educators"),
    )
    trainer.avatar.save("trude.png", ContentFile(png_bytes()))
    ProfileLink.objects.create(profile=trainer, kind="mastodon", url="https://social.example/@t")
    outreach_factory(trainer, title="Consent in practice")
    outreach_factory(trainer, days_ago=-20, title="Autumn webinar")
    ambassador = profile_factory(
        role_slug="ambassador",
        display_name="Amir Ambassador",
        country="FR",
        languages=("fr",),
        audiences=("community-organisers",),
    )
    member = profile_factory(role_slug="ambassador", display_name="Mia Member", listed=False)
    RoleHolding.objects.create(profile=member, role_type=role("trainer"))  # applied
    verified = certification_factory(member, body_slug="iscb")
    attach_evidence(verified, png_bytes(), "certificate.png")
    pending = certification_factory(
        member, status=Certification.Status.PENDING, issued_on=today - datetime.timedelta(days=30)
    )
    attach_evidence(pending, PDF_BYTES, "certificate.pdf")
    outreach_factory(member, title="Talk at the library")
    declared = Responsibility.objects.filter(rule=Rule.SELF_DECLARED).first()
    ResponsibilityDeclaration.objects.create(profile=member, responsibility=declared, note="Yes")
    return Site(
        trainer=trainer.user,
        ambassador=ambassador.user,
        member=member.user,
        verified=verified,
        pending=pending,
    )


def test_public_pages_have_no_accessibility_violations(page, site):
    audit = Audit(page)
    trainer = site.trainer.profile
    audit.visit("home", "/")
    audit.visit("directory", "/directory/")
    audit.visit("directory filtered", "/directory/?role=trainer&country=NL&certified=on")
    audit.visit("directory with no results", "/directory/?q=nobodyatall")
    audit.visit("countries", reverse("people:countries"))
    audit.visit("trainer role", "/roles/trainer/")
    audit.visit("ambassador role", "/roles/ambassador/")
    audit.visit("compare", "/roles/compare/")
    audit.visit("trainer profile", trainer.get_absolute_url())
    audit.visit("ambassador profile", site.ambassador.profile.get_absolute_url())
    audit.visit("verify lookup", reverse("people:verify-lookup"))
    audit.visit("verify valid", trainer.certifications.get().get_verify_url())
    not_found = page.goto(reverse("people:verify", args=["no-such-code"]))
    assert not_found is not None
    assert not_found.status == HTTPStatus.NOT_FOUND
    audit.check("verify not found")

    audit.visit("contact form", reverse("people:profile-contact", args=[trainer.slug]))
    audit.submit_unvalidated("Send message")
    expect(page.locator(".errorlist").first).to_be_visible()
    audit.check("contact form with errors")
    page.get_by_label("Your name").fill("Vera Visitor")
    page.get_by_label("Your email").fill("vera@example.org")
    page.get_by_label("Subject").fill("A workshop for our cooperative")
    page.get_by_label("Message").fill("Could you run a workshop for twelve people in May?")
    page.get_by_role("button", name="Send").click()
    expect(page).to_have_url(reverse("people:profile-contact-sent", args=[trainer.slug]))
    audit.check("contact sent")

    audit.visit("login", reverse("account_login"))
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    audit.check("login with an error")

    audit.visit("password reset", reverse("account_reset_password"))
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_role("button", name="Reset my password").click()
    expect(page).to_have_url(reverse("account_reset_password_done"))
    audit.check("password reset sent")

    audit.visit("signup", reverse("account_signup"))
    page.get_by_label("Email").fill("not an address")
    audit.submit_unvalidated("Sign up")
    expect(page.locator(".errorlist").first).to_be_visible()
    audit.check("signup with errors")
    page.get_by_label("Your name").fill("Sam Signup")
    page.get_by_label("Email").fill("sam@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(reverse("account_email_verification_sent"))
    audit.check("signup: confirm your email")
    page.goto(confirmation_link(mail.outbox[-1].body))
    audit.check("confirm email")

    audit.assert_clean()


def confirmation_link(body: str) -> str:
    return next(word for word in body.split() if "/accounts/confirm-email/" in word)


def test_member_pages_have_no_accessibility_violations(
    page, context, log_in, site, profile_factory
):
    log_in(context, site.member)
    audit = Audit(page)
    member = site.member.profile
    outreach = member.outreach.get()
    audit.visit("dashboard", reverse("me:dashboard"))
    audit.visit("profile edit", reverse("me:profile-edit"))
    page.get_by_label("Profile address").fill("")
    audit.submit_unvalidated("Save profile")
    expect(page.get_by_role("alert").first).to_be_visible()
    audit.check("profile edit with errors")
    audit.visit("profile preview", reverse("me:profile-preview"))
    audit.visit("roles", reverse("me:roles"))
    audit.visit("checklist", reverse("me:checklist"))
    audit.visit("certifications", reverse("me:certifications"))
    audit.visit("certification add", reverse("me:certification-add"))
    audit.submit_unvalidated("Submit for review")
    expect(page.get_by_role("alert").first).to_be_visible()
    audit.check("certification add with errors")
    audit.visit("certification edit", reverse("me:certification-edit", args=[site.pending.pk]))
    audit.visit(
        "certification withdraw", reverse("me:certification-withdraw", args=[site.pending.pk])
    )
    audit.visit("outreach", reverse("me:outreach"))
    audit.visit("outreach add", reverse("me:outreach-add"))
    audit.submit_unvalidated("Save")
    expect(page.get_by_role("alert").first).to_be_visible()
    audit.check("outreach add with errors")
    audit.visit("outreach edit", reverse("me:outreach-edit", args=[outreach.pk]))
    audit.visit("outreach delete", reverse("me:outreach-delete", args=[outreach.pk]))
    audit.visit("account delete", reverse("me:delete"))
    audit.visit("email addresses", reverse("account_email"))
    audit.visit("password change", reverse("account_change_password"))
    audit.visit("two-factor settings", reverse("mfa_index"))
    audit.visit("two-factor set-up: confirm your password", reverse("mfa_activate_totp"))
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(reverse("mfa_activate_totp"))
    audit.check("two-factor set-up: authenticator app")
    audit.visit("own profile page while unlisted", member.get_absolute_url())

    # A brand-new member's pages: the empty states.
    log_in(context, profile_factory(listed=False).user)
    audit.visit("new member: dashboard", reverse("me:dashboard"))
    audit.visit("new member: roles", reverse("me:roles"))
    audit.visit("new member: checklist", reverse("me:checklist"))
    audit.visit("new member: certifications", reverse("me:certifications"))
    audit.visit("new member: outreach", reverse("me:outreach"))
    audit.assert_clean()


def test_review_pages_have_no_accessibility_violations(page, user_factory, site):
    reviewer = user_factory(email="rita@example.org", password=PASSWORD, is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Reviewers"))
    EmailAddress.objects.create(user=reviewer, email=reviewer.email, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(reviewer, secret)
    # A decision history to show: the verified certification was revoked, with a reason.
    certification_decide(
        certification_id=site.verified.pk,
        reviewer=reviewer,
        decision=Decision.REVOKE,
        note="The issuing body withdrew it.",
        expected_status=Certification.Status.VERIFIED,
        site_url="http://localhost",
    )
    audit = Audit(page)

    # Logging in through the UI: password, then the authenticator app's code.
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill(reviewer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(reverse("mfa_authenticate"))
    audit.check("two-factor code")
    code = authenticator_code(secret)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(reverse("mfa_authenticate"))

    audit.visit("review queue", reverse("review:queue"))
    audit.visit("review queue, all", reverse("review:queue") + "?status=all")
    audit.visit("review queue, empty", reverse("review:queue") + "?q=nobodyatall")
    audit.visit("pending certification", reverse("review:certification", args=[site.pending.pk]))
    page.once("dialog", lambda dialog: dialog.accept())  # "Reject this certification?"
    audit.submit_unvalidated("Reject")
    expect(page.locator(".errorlist").first).to_be_visible()
    audit.check("pending certification, reject without a reason")
    audit.visit("revoked certification", reverse("review:certification", args=[site.verified.pk]))
    audit.visit("two-factor settings with an authenticator app", reverse("mfa_index"))
    audit.assert_clean()
