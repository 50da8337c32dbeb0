"""The member's profile form: every profile field, the avatar, links and privacy choices."""

import datetime
import functools
import zoneinfo

from django import forms
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat

from people.avatars import ACCEPTED_LABEL, avatar_clean
from people.models import Audience, Language, Profile, ProfileLink

PUBLIC_WHEN_LISTED = "Public when your profile is listed."
MAX_LINKS = 5


@functools.cache
def time_zone_choices() -> list[tuple[str, str]]:
    zones = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    return [("", "Not set"), *((zone, zone.replace("_", " ")) for zone in zones)]


class ProfileForm(forms.ModelForm):
    """Validation only; people.services.profiles.profile_update saves."""

    # Content first, then privacy: the template shows them as separate groups.
    PRIVACY_FIELDS = ("is_listed", "accepts_contact", "show_city")

    time_zone = forms.ChoiceField(
        label="Time zone",
        choices=time_zone_choices,
        required=False,
        help_text="Helps visitors find a good time to talk. " + PUBLIC_WHEN_LISTED,
    )
    languages = forms.ModelMultipleChoiceField(
        queryset=Language.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Languages you work in. " + PUBLIC_WHEN_LISTED,
    )
    audiences = forms.ModelMultipleChoiceField(
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Audiences you work with",
        help_text="Visitors filter the directory by these. " + PUBLIC_WHEN_LISTED,
    )
    avatar = forms.FileField(
        label="Photo",
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=Profile._meta.get_field("website").max_length,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
        help_text=PUBLIC_WHEN_LISTED,
    )
    remove_avatar = forms.BooleanField(label="Remove my photo", required=False)
    # The profile's updated_at when the form was opened: detects a save made meanwhile.
    version = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Profile
        fields = [
            "display_name",
            "slug",
            "headline",
            "bio",
            "country",
            "city",
            "time_zone",
            "languages",
            "audiences",
            "website",
            "offers_online",
            "offers_in_person",
            "is_listed",
            "accepts_contact",
            "show_city",
        ]
        labels = {
            "display_name": "Name",
            "slug": "Profile address",
            "offers_online": "I work online",
            "offers_in_person": "I work in person",
            "is_listed": "List my profile in the public directory",
            "accepts_contact": "Let visitors write to me through the contact form",
            "show_city": "Show my city publicly",
        }
        help_texts = {
            "display_name": "How you want to be known. " + PUBLIC_WHEN_LISTED,
            "slug": "Your page will be at /people/your-address/. Lowercase letters, numbers and "
            "hyphens. Changing it breaks links others may have shared.",
            "headline": "One line about what you do, e.g. “Helps cooperatives decide by "
            "consent”. " + PUBLIC_WHEN_LISTED,
            "bio": "A few paragraphs about your work and experience. " + PUBLIC_WHEN_LISTED,
            "country": "Visitors filter the directory by country. " + PUBLIC_WHEN_LISTED,
            "city": "Shown only if you tick “Show my city publicly” below.",
            "offers_online": PUBLIC_WHEN_LISTED,
            "offers_in_person": PUBLIC_WHEN_LISTED,
            "is_listed": "When off, your profile page and directory card are hidden from "
            "everyone except you and the reviewers.",
            "accepts_contact": "Your email address is never shown; messages reach you by "
            "email and you choose whether to answer.",
            "show_city": "Your country is shown either way when you are listed.",
        }
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 8}),
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["version"] = self.instance.updated_at.isoformat()
        side = settings.PROFILE_AVATAR_SIZE
        self.fields["avatar"].help_text = (
            f"{ACCEPTED_LABEL}, at most {filesizeformat(settings.PROFILE_AVATAR_MAX_BYTES)}. "
            f"We shrink it to at most {side} by {side} pixels and remove hidden details such "
            "as camera data and location. " + PUBLIC_WHEN_LISTED
        )
        self.fields["slug"].error_messages["unique"] = (
            "Another member already has this address; please choose a different one."
        )

    @property
    def privacy_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.PRIVACY_FIELDS]

    def clean_slug(self) -> str:
        return self.cleaned_data["slug"].lower()

    def clean_avatar(self) -> ContentFile | None:
        upload = self.cleaned_data.get("avatar")
        if not upload:
            return None
        return avatar_clean(upload)

    def clean_version(self) -> datetime.datetime:
        try:
            return datetime.datetime.fromisoformat(self.cleaned_data["version"])
        except ValueError as error:
            raise forms.ValidationError(
                "This form is damaged; please reload the page.", code="version"
            ) from error

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("avatar") and cleaned.get("remove_avatar"):
            self.add_error(
                "remove_avatar", "Choose either a new photo or removing it, not both at once."
            )
        return cleaned


class LinkForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=ProfileLink.Kind.choices, required=False)
    url = forms.URLField(
        label="Address",
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )


class BaseLinkFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            url = form.cleaned_data.get("url")
            if url in seen:
                form.add_error("url", "You have listed this address already.")
            if url:
                seen.add(url)

    def links(self) -> list[tuple[str, str]]:
        """(kind, url) of every filled-in row, in order; empty rows are ignored."""
        return [
            (form.cleaned_data.get("kind") or ProfileLink.Kind.OTHER, form.cleaned_data["url"])
            for form in self.forms
            if form.cleaned_data.get("url")
        ]


LinkFormSet = forms.formset_factory(
    LinkForm,
    formset=BaseLinkFormSet,
    extra=MAX_LINKS,
    max_num=MAX_LINKS,
    absolute_max=MAX_LINKS,
    validate_max=True,
)


def link_formset(profile: Profile, data=None) -> BaseLinkFormSet:
    initial = [{"kind": link.kind, "url": link.url} for link in profile.links.all()]
    return LinkFormSet(data=data, initial=initial, prefix="links")
