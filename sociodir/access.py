"""Every view declares who may open it; tests/security walks the URL resolver to check.

    @public                 anyone, no account needed
    @member_required        a logged-in member (login_required, then the view scopes objects)
    @staff_required         staff (Django admin-style pages)
    @reviewer_required      reviewers with two-factor authentication (people/mfa.py)

A view's rule is stored on it as `access_rule`, which decorators from Django keep through
functools.wraps. Views of installed packages cannot carry it: their rules are declared in
THIRD_PARTY_RULES below, the one place the URL sweep accepts them from.
"""

from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class ThirdPartyRule:
    rule: str
    mounted_under: str  # the only URL prefix where such a view may be routed


ALLAUTH = "allauth (public log-in and sign-up; its account and two-factor pages check login)"

# Keyed by the start of the view's dotted name (module, then function or class). A view matched
# here but routed anywhere else than `mounted_under` still fails the sweep.
THIRD_PARTY_RULES: dict[str, ThirdPartyRule] = {
    "allauth.": ThirdPartyRule(ALLAUTH, "accounts/"),
    # Every admin view goes through AdminSite.admin_view, which requires active staff.
    "django.contrib.admin.": ThirdPartyRule(STAFF, "admin/"),
    "django.contrib.auth.admin.": ThirdPartyRule(STAFF, "admin/"),  # UserAdmin's password page
    # Generic views that the admin site mounts through admin_view: "view on site", and the old
    # object addresses that redirect to the change page.
    "django.contrib.contenttypes.views.shortcut": ThirdPartyRule(STAFF, "admin/"),
    "django.views.generic.base.RedirectView": ThirdPartyRule(STAFF, "admin/"),
    # DEBUG only: avatars from MEDIA_ROOT, which are public (evidence lives elsewhere).
    "django.views.static.serve": ThirdPartyRule(PUBLIC, "media/"),
}


def view_dotted_name(view: Callable) -> str:
    """The view's module and function, or class for class-based views, as URLPattern names
    them: "people.views.verify.verify", "allauth.account.views.LoginView"."""
    target = getattr(view, "view_class", view)
    return f"{target.__module__}.{target.__qualname__}"


def third_party_rule(view: Callable) -> ThirdPartyRule | None:
    name = view_dotted_name(view)
    for prefix, rule in THIRD_PARTY_RULES.items():
        if name.startswith(prefix):
            return rule
    return None
