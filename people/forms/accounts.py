"""Account forms: signup (settings.ACCOUNT_FORMS) and account deletion."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms

from people.models import Profile


class SignupForm(AllauthSignupForm):
    """allauth's signup (email, password twice) plus the name shown on the member's profile."""

    display_name = forms.CharField(
        label="Your name",
        max_length=Profile._meta.get_field("display_name").max_length,
        help_text="Shown on your profile once you choose to be listed. You can change it later.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError("Please enter the name you want to be known by.")
        return name


class AccountDeleteForm(forms.Form):
    """Asks for the password; people.services.accounts.account_delete checks it."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To make sure it is really you. This cannot be undone.",
    )
