"""Reviewers' forms: filtering the queue, and deciding one certification."""

from django import forms

from people.models import Certification, IssuingBody
from people.services.reviews import NOTE_PROMPTS, Decision

OTHER_BODY = "other"
ANY_STATUS = "all"
NOTE_MAX_LENGTH = 2000


class QueueFilterForm(forms.Form):
    """GET filters of /review/. Without a status, the queue shows what is waiting: pending."""

    q = forms.CharField(label="Holder", required=False, max_length=100)
    body = forms.ChoiceField(label="Issuing body", required=False)
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[*Certification.Status.choices, (ANY_STATUS, "Any status")],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = [(body.slug, str(body)) for body in IssuingBody.objects.all()]
        self.fields["body"].choices = [
            ("", "Any body"),
            *bodies,
            (OTHER_BODY, "Other (typed in by the member)"),
        ]

    def _valid_data(self) -> dict:
        """The filters that are valid; a bad value in one (an edited URL) drops only that one."""
        if not self.is_bound:
            return {}
        self.is_valid()  # fills cleaned_data with the fields that passed
        return self.cleaned_data

    def filter(self, certifications):
        """The certifications matching the valid filters; invalid values are ignored."""
        if self.chosen_status != ANY_STATUS:
            certifications = certifications.filter(status=self.chosen_status)
        return self.filter_without_status(certifications)

    def filter_without_status(self, certifications):
        data = self._valid_data()
        if data.get("q"):
            certifications = certifications.filter(profile__display_name__icontains=data["q"])
        if data.get("body") == OTHER_BODY:
            certifications = certifications.filter(body__isnull=True)
        elif data.get("body"):
            certifications = certifications.filter(body__slug=data["body"])
        return certifications

    @property
    def chosen_status(self) -> str:
        return self._valid_data().get("status") or Certification.Status.PENDING


class DecisionForm(forms.Form):
    """One reviewer decision. `expected_status` is the status the reviewer saw on the page."""

    decision = forms.ChoiceField(choices=Decision.choices, widget=forms.HiddenInput)
    expected_status = forms.ChoiceField(
        choices=Certification.Status.choices, widget=forms.HiddenInput
    )
    note = forms.CharField(
        required=False, max_length=NOTE_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision in NOTE_PROMPTS and not (cleaned.get("note") or "").strip():
            self.add_error("note", NOTE_PROMPTS[decision])
        return cleaned
