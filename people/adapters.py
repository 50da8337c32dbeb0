"""django-allauth hooks: signing up creates the member's profile (settings.ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.db import transaction
from django.forms import BaseForm
from django.http import HttpRequest

from people.models import Profile, User
from people.services.profiles import profile_create


class AccountAdapter(DefaultAccountAdapter):
    def save_user(
        self, request: HttpRequest, user: User, form: BaseForm, commit: bool = True
    ) -> User:
        """Save the account and, with it, the member's unlisted profile under the name they
        gave. Both or neither: a member never exists without a profile."""
        with transaction.atomic():
            user = super().save_user(request, user, form, commit=commit)
            if commit:
                display_name = form.cleaned_data.get("display_name") or "New member"
                profile_create(user=user, display_name=display_name)
        return user


def user_display(user: User) -> str:
    """How allauth names the member on its pages and in emails: the name they chose
    (settings.ACCOUNT_USER_DISPLAY)."""
    try:
        return user.profile.display_name
    except Profile.DoesNotExist:
        return user.email
