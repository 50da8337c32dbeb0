"""Ticking a self-declared checklist item."""

from django import forms

from people.models import ResponsibilityDeclaration


class DeclarationForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        max_length=ResponsibilityDeclaration._meta.get_field("note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="How you meet it, in a sentence.",
    )
