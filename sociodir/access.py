"""Every view declares who may open it; tests/security walks the URL resolver to check.

    @public                 anyone, no account needed
    @member_required        a logged-in member (login_required, then the view scopes objects)
    @staff_required         staff (Django admin-style pages)
    @reviewer_required      reviewers with two-factor authentication (people/mfa.py)

A view's rule is stored on it as `access_rule`, which decorators from Django keep through
functools.wraps.
"""

from collections.abc import Callable

from django.contrib.auth.decorators import login_required, user_passes_test

PUBLIC = "public"
MEMBER = "member"
STAFF = "staff"
REVIEWER = "reviewer"


def _declare(view: Callable, rule: str) -> Callable:
    view.access_rule = rule  # type: ignore[attr-defined]
    return view


def public(view: Callable) -> Callable:
    return _declare(view, PUBLIC)


def member_required(view: Callable) -> Callable:
    return _declare(login_required(view), MEMBER)


def staff_required(view: Callable) -> Callable:
    check = user_passes_test(lambda user: user.is_active and user.is_staff)
    return _declare(check(view), STAFF)
