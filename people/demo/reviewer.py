"""A reviewer account for trying the review pages locally. Development only.

The password is fixed and printed on purpose so anyone running the demo can log in; the command
that calls this refuses to run unless DEBUG is on.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from people.models import Profile, User
from people.services.profiles import profile_create

REVIEWER_EMAIL = "reviewer@example.invalid"
REVIEWER_PASSWORD = "review-the-demo"  # noqa: S105 -- dev-only demo login, printed on purpose
REVIEWERS_GROUP = "Reviewers"  # created by migration people/0003_reviewers_group


@transaction.atomic
def demo_reviewer_reset() -> User:
    """Create the demo reviewer, or put it back as it was: staff, in Reviewers, known password,
    verified primary address (so allauth lets it log in) and a profile."""
    group = Group.objects.get(name=REVIEWERS_GROUP)
    user = User.objects.filter(email__iexact=REVIEWER_EMAIL).first() or User(email=REVIEWER_EMAIL)
    user.is_staff = True
    user.is_active = True
    user.set_password(REVIEWER_PASSWORD)
    user.save()
    user.groups.add(group)

    EmailAddress.objects.filter(user=user).exclude(email__iexact=REVIEWER_EMAIL).update(
        primary=False
    )
    address = EmailAddress.objects.filter(user=user, email__iexact=REVIEWER_EMAIL).first()
    if address is None:
        address = EmailAddress(user=user, email=REVIEWER_EMAIL)
    address.verified = True
    address.primary = True
    address.save()

    if not Profile.objects.filter(user=user).exists():
        profile_create(user=user, display_name="Demo Reviewer")
    return user
