"""The form a visitor fills in to write to a member."""

from django import forms
from django.core.exceptions import ValidationError


def _single_line(value: str) -> str:
    # Name and subject end up in email headers: one line of printable text only.
    if any(char in value for char in "\r\n\t\x00"):
        raise ValidationError("Please keep this to a single line.")
    return value


class ContactForm(forms.Form):
    sender_name = forms.CharField(
        label="Your name",
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    sender_email = forms.EmailField(
        label="Your email",
        max_length=254,
        help_text="The member replies to this address. It is not shown on the site.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    subject = forms.CharField(label="Subject", max_length=150)
    message = forms.CharField(
        label="Message",
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    # A honeypot: hidden from sighted visitors by CSS, announced to screen readers as a field to
    # leave empty, skipped by the keyboard. Robots that fill every field fill it.
    homepage = forms.CharField(
        label="Leave this field empty: it is here to catch spam robots",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_sender_name(self) -> str:
        return _single_line(self.cleaned_data["sender_name"])

    def clean_subject(self) -> str:
        return _single_line(self.cleaned_data["subject"])

    @property
    def is_spam_trap_filled(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))
