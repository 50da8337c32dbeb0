"""Logging a piece of outreach."""

from django import forms

from people.forms.certifications import DateInput
from people.models import OutreachRecord
from people.services.outreach import OutreachDetails


class OutreachForm(forms.ModelForm):
    link = forms.URLField(
        max_length=OutreachRecord._meta.get_field("link").max_length,
        required=False,
        assume_scheme="https",
        help_text="A recording, slides, the event page or the article.",
    )

    class Meta:
        model = OutreachRecord
        fields = [
            "kind",
            "title",
            "held_on",
            "audience",
            "attendance",
            "is_online",
            "place",
            "link",
            "description",
        ]
        widgets = {
            "held_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "held_on": "A future date makes it an upcoming event.",
        }

    def details(self) -> OutreachDetails:
        return OutreachDetails(**{name: self.cleaned_data[name] for name in self.Meta.fields})
