"""The directory's filters: every one a GET parameter, so any view can be shared and bookmarked.

    q          words that must all appear in the name, headline, bio or shown city
    role       a role type's slug: practising in that role
    country    a country code
    language   a language code
    delivery   online | in_person
    audience   an audience's slug
    certified  on: holds a current certification from a recognised body
    sort       relevance (the default; by name when there is no q) | name | newest

The choices of role, language and audience come from the database in one query
(`directory_choices`); the filters then work with the submitted values alone, so validating
and filtering need no further lookups. The country choices are static: they are built once
per language (`country_choices`) and a submitted code is checked against a set of codes.
"""

from functools import cache
from typing import NamedTuple

import django_filters
from django import forms
from django.db.models import CharField, Exists, IntegerField, OuterRef, Value
from django.http import QueryDict
from django.utils.translation import get_language
from django_countries import countries
from django_filters.fields import ChoiceField as FilterChoiceField

from people.models import Audience, Certification, Language, Profile
from roles.models import RoleType


class Sort:
    RELEVANCE = "relevance"
    NAME = "name"
    NEWEST = "newest"

    choices = [(RELEVANCE, "Best match"), (NAME, "Name"), (NEWEST, "Newest members")]


class Choice(NamedTuple):
    pk: int
    value: str
    label: str


def directory_choices() -> dict[str, list[Choice]]:
    """The role, language and audience choices, each in its model's order, in one query."""

    def rows(model, kind: str, value: str, order: str | None):
        return model.objects.order_by().values_list(
            Value(kind, output_field=CharField()),
            "pk",
            value,
            "name",
            order or Value(0, output_field=IntegerField()),
        )

    union = rows(RoleType, "role", "slug", "order").union(
        rows(Language, "language", "code", None),
        rows(Audience, "audience", "slug", "order"),
        all=True,
    )
    choices: dict[str, list[Choice]] = {"role": [], "language": [], "audience": []}
    for kind, pk, value, label, _order in sorted(union, key=lambda row: (row[4], row[3])):
        choices[kind].append(Choice(pk, value, label))
    return choices


@cache
def _country_choices(language: str | None) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    choices = tuple((code, str(name)) for code, name in countries)
    return choices, frozenset(code for code, _name in choices)


def country_choices() -> tuple[tuple[str, str], ...]:
    """(code, name) for every country, sorted by name in the active language.

    django_countries translates and sorts its whole list each time it is iterated; the list
    never changes while the site runs, so it is built once per language.
    """
    return _country_choices(get_language())[0]


class CountryField(FilterChoiceField):
    """A country choice validated against a set of codes, not by walking ~250 choices."""

    def valid_value(self, value) -> bool:
        return str(value) in _country_choices(get_language())[1]


class CountryFilter(django_filters.ChoiceFilter):
    field_class = CountryField


class CheckboxFilter(django_filters.BooleanFilter):
    """A checkbox: present (with any value but "false"/"0") means on, absent means off."""

    field_class = forms.BooleanField


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search", method="filter_search", max_length=200, help_text="Every word must match."
    )
    role = django_filters.ChoiceFilter(label="Role", empty_label="Any role", method="filter_role")
    country = CountryFilter(label="Country", empty_label="Any country")
    language = django_filters.ChoiceFilter(
        label="Language", empty_label="Any language", method="filter_language"
    )
    delivery = django_filters.ChoiceFilter(
        label="Works",
        empty_label="Online or in person",
        choices=Profile.Delivery.choices,
        method="filter_delivery",
    )
    audience = django_filters.ChoiceFilter(
        label="Works with", empty_label="Any audience", method="filter_audience"
    )
    certified = CheckboxFilter(label="Certified only", method="filter_certified")
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=Sort.choices, empty_label=None, method="filter_sort"
    )

    class Meta:
        model = Profile
        fields: list[str] = []

    def __init__(self, data=None, *args, **kwargs):
        # Always bound, so the directory never lists anyone but practising members.
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if not data.get("sort"):
            data["sort"] = Sort.RELEVANCE
        super().__init__(data, *args, **kwargs)
        self.filters["country"].extra["choices"] = country_choices()  # built once per language
        # Languages and audiences are then filtered by primary key: with a literal id the
        # planner knows how common the chosen one is (English is not Swahili), and the
        # subquery needs no join.
        self.pks: dict[str, dict[str, int]] = {}
        for name, choices in directory_choices().items():
            self.filters[name].extra["choices"] = [
                (choice.value, choice.label) for choice in choices
            ]
            self.pks[name] = {choice.value: choice.pk for choice in choices}

    def filter_queryset(self, queryset):
        # Only practising members are listed; a chosen role narrows that to the role, in the
        # same subquery.
        role = self.form.cleaned_data.get("role") or None
        return super().filter_queryset(queryset.practising(role))

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_role(self, queryset, name, value):
        return queryset  # applied with practising() in filter_queryset

    def filter_language(self, queryset, name, value):
        through = Profile.languages.through.objects
        language = self.pks[name][value]
        return queryset.filter(Exists(through.filter(profile=OuterRef("pk"), language=language)))

    def filter_audience(self, queryset, name, value):
        through = Profile.audiences.through.objects
        audience = self.pks[name][value]
        return queryset.filter(Exists(through.filter(profile=OuterRef("pk"), audience=audience)))

    def filter_delivery(self, queryset, name, value):
        if value == Profile.Delivery.IN_PERSON:
            return queryset.filter(offers_in_person=True)
        return queryset.filter(offers_online=True)

    def filter_certified(self, queryset, name, value):
        if not value:
            return queryset
        current = Certification.objects.current().recognised().filter(profile=OuterRef("pk"))
        return queryset.filter(Exists(current))

    def filter_sort(self, queryset, name, value):
        query = self.form.cleaned_data.get("q")
        if value == Sort.RELEVANCE and query:
            return queryset.by_relevance(query)
        if value == Sort.NEWEST:
            return queryset.order_by("-created_at", "-pk")
        return queryset.order_by("display_name", "pk")

    @property
    def is_filtered(self) -> bool:
        """Whether the visitor narrowed the directory (sorting alone does not)."""
        return any(value for name, value in self.form.cleaned_data.items() if name != "sort")
