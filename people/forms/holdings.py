"""Forms for pausing and ending a role holding."""

from django import forms

from people.models import RoleHolding

# Suspension is imposed by the site's reviewers, not something a member chooses for themselves.
MEMBER_END_REASONS = [
    (reason.value, reason.label)
    for reason in RoleHolding.EndReason
    if reason != RoleHolding.EndReason.SUSPENDED
]


class HoldingPauseForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        max_length=300,
        required=False,
        help_text="For example why, or until when. Only you and the reviewers see it.",
    )


class HoldingEndForm(forms.Form):
    reason = forms.ChoiceField(label="Why are you ending this role?", choices=MEMBER_END_REASONS)
    note = forms.CharField(label="Note (optional)", max_length=300, required=False)

    def clean_reason(self) -> RoleHolding.EndReason:
        return RoleHolding.EndReason(self.cleaned_data["reason"])
