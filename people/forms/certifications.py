"""Submitting and correcting a certification, with its evidence."""

import datetime
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from people.evidence import ACCEPTED_DESCRIPTION, validate_evidence_file
from people.models import Certification, CertificationLevel, IssuingBody
from people.services.certifications import CertificationDetails, EvidenceUpload

_field = Certification._meta.get_field


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class CertificationForm(forms.Form):
    body = forms.ModelChoiceField(
        label="Issuing body",
        queryset=IssuingBody.objects.filter(issues_certificates=True),
        required=False,
        empty_label="Other (type its name below)",
    )
    other_body = forms.CharField(
        label="Other issuing body",
        max_length=_field("other_body").max_length,
        required=False,
        help_text="Only if it is not in the list. It is shown on your profile, but does not "
        "count towards a role until an administrator adds the body.",
    )
    level = forms.ModelChoiceField(
        label="Level",
        queryset=CertificationLevel.objects.filter(body__issues_certificates=True).select_related(
            "body"
        ),
        required=False,
        help_text="The levels are grouped by issuing body.",
    )
    other_level = forms.CharField(
        label="Level (for another body)",
        max_length=_field("other_level").max_length,
        required=False,
        help_text="Type the level or title of a certificate from a body not in the list.",
    )
    issued_on = forms.DateField(label="Issued on", widget=DateInput())
    expires_on = forms.DateField(
        label="Expires on",
        required=False,
        widget=DateInput(),
        help_text="Leave empty if it does not expire.",
    )
    evidence_url = forms.URLField(
        label="Link to the certificate",
        max_length=_field("evidence_url").max_length,
        required=False,
        assume_scheme="https",
        help_text="For example the issuing body's public register or a badge page.",
    )
    evidence_file = forms.FileField(
        label="Certificate file",
        required=False,
        widget=forms.FileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg"}),
        help_text=f"{ACCEPTED_DESCRIPTION[0].upper()}{ACCEPTED_DESCRIPTION[1:]}. Only you and "
        "the reviewers can open it.",
    )

    def __init__(self, *args, certification: Certification | None = None, **kwargs) -> None:
        self.certification = certification
        self.evidence_kind = None
        super().__init__(*args, **kwargs)
        levels = self.fields["level"].queryset.order_by("body__name", "order", "name")
        self.fields["level"].choices = [("", "Choose a level")] + [
            (str(body), [(level.pk, level.name) for level in body_levels])
            for body, body_levels in groupby(levels, key=lambda level: level.body)
        ]

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            self.evidence_kind = validate_evidence_file(upload)
        return upload

    def clean(self) -> dict:
        cleaned = super().clean()
        self._clean_body_and_level(cleaned)
        issued_on, expires_on = cleaned.get("issued_on"), cleaned.get("expires_on")
        if issued_on and issued_on > timezone.localdate():
            self.add_error("issued_on", "The issue date cannot be in the future.")
        if issued_on and expires_on and expires_on < issued_on:
            self.add_error("expires_on", "The expiry date cannot be before the issue date.")
        # A refused file has its own error already; do not pile a second one on top.
        if (
            not cleaned.get("evidence_url")
            and not self._will_have_file(cleaned)
            and "evidence_file" not in self.errors
        ):
            self.add_error(
                "evidence_url", "Add a link to the certificate or upload a file (or both)."
            )
        return cleaned

    def _will_have_file(self, cleaned: dict) -> bool:
        return bool(cleaned.get("evidence_file"))

    def _clean_body_and_level(self, cleaned: dict) -> None:
        body, other_body = cleaned.get("body"), cleaned.get("other_body", "").strip()
        level, other_level = cleaned.get("level"), cleaned.get("other_level", "").strip()
        if body and other_body:
            self.add_error("other_body", "Choose a body from the list or type one here, not both.")
        elif not body and not other_body:
            self.add_error(
                "body", "Choose the issuing body, or choose “Other” and type its name below."
            )
        if level and body and level.body_id != body.pk:
            self.add_error("level", f"{level.name} is a level of {level.body}, not of {body}.")
        elif level and not body:
            self.add_error(
                "level", "The levels in the list belong to the listed bodies; type yours below."
            )
        if body and body.levels.exists():
            if not level and "level" not in self.errors:
                self.add_error("level", f"Choose your level at {body}.")
            if other_level:
                self.add_error("other_level", f"Choose the level from the list above for {body}.")
        elif (body or other_body) and not other_level:
            self.add_error("other_level", "Type the level or title of the certificate.")

    def details(self) -> CertificationDetails:
        data = self.cleaned_data
        return CertificationDetails(
            body=data["body"],
            other_body=data["other_body"],
            level=data["level"],
            other_level=data["other_level"],
            issued_on=data["issued_on"],
            expires_on=data["expires_on"],
            evidence_url=data["evidence_url"],
        )

    def evidence(self) -> EvidenceUpload | None:
        upload = self.cleaned_data.get("evidence_file")
        if not upload or self.evidence_kind is None:
            return None
        return EvidenceUpload(file=upload, kind=self.evidence_kind)


class CertificationEditForm(CertificationForm):
    """The same questions, plus the version the form was built from and the stored file."""

    updated_at = forms.CharField(widget=forms.HiddenInput)
    remove_file = forms.BooleanField(label="Remove the current file", required=False)

    def __init__(self, *args, certification: Certification, **kwargs) -> None:
        kwargs.setdefault("initial", self.initial_for(certification))
        super().__init__(*args, certification=certification, **kwargs)
        if not certification.evidence_file:
            del self.fields["remove_file"]
        else:
            self.fields["evidence_file"].label = "Replace the certificate file"

    @staticmethod
    def initial_for(certification: Certification) -> dict:
        return {
            "body": certification.body_id,
            "other_body": certification.other_body,
            "level": certification.level_id,
            "other_level": certification.other_level,
            "issued_on": certification.issued_on,
            "expires_on": certification.expires_on,
            "evidence_url": certification.evidence_url,
            "updated_at": certification.updated_at.isoformat(),
        }

    def clean_updated_at(self) -> datetime.datetime:
        value = parse_datetime(self.cleaned_data["updated_at"] or "")
        if value is None:
            raise ValidationError("Reload the page and try again.")
        return value

    def _will_have_file(self, cleaned: dict) -> bool:
        keeps_stored_file = bool(self.certification.evidence_file) and not cleaned.get(
            "remove_file"
        )
        return bool(cleaned.get("evidence_file")) or keeps_stored_file
