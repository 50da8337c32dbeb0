"""The gate in front of every /review/ page: reviewers, with two-factor authentication.

Reviewers decide what the public is told about people's certifications, so a stolen password
alone must not be enough: no review page opens until the account has an authenticator app
(allauth's TOTP). Superusers pass through the same gate.
"""

from collections.abc import Callable
from functools import wraps

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from people.models import User
from people.services.reviews import can_review
from sociodir.access import REVIEWER

MFA_SETUP_URL_NAME = "mfa_activate_totp"
MFA_REQUIRED_MESSAGE = (
    "Reviewers must use two-factor authentication. Set up an authenticator app here, "
    "then open the review pages (/review/) again."
)
# Recovery codes only back up a real second factor; on their own they do not count.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def has_second_factor(user: User) -> bool:
    return is_mfa_enabled(user, types=SECOND_FACTORS)


def reviewer_required(view: Callable) -> Callable:
    """Anonymous: to the login page. Logged in without the review permission: 403. A reviewer
    without two-factor authentication: to its set-up page, with a message. Else the view."""

    @wraps(view)
    def gate(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_review(user):
            raise PermissionDenied("Only reviewers can open the review pages.")
        if not has_second_factor(user):
            messages.warning(request, MFA_REQUIRED_MESSAGE)
            return redirect(MFA_SETUP_URL_NAME)
        return view(request, *args, **kwargs)

    gate.access_rule = REVIEWER  # type: ignore[attr-defined]
    return gate
