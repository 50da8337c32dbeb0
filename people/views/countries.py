"""Where they are: listed, practising members per country for each role type."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django_countries import countries as country_names

from people.models import Profile
from roles.models import RoleType
from sociodir.access import public

TOP_COUNTRIES = 25

# Chart geometry in SVG user units; the SVG scales to its container through its viewBox.
CHART_WIDTH = 360
ROW_HEIGHT = 40
LABEL_BASELINE = 15  # country name above its bar
BAR_TOP = 21
BAR_HEIGHT = 14
VALUE_GAP = 6
VALUE_ROOM = 40  # room right of the longest bar for its number


def directory_url(**filters: str) -> str:
    return f"{reverse('people:directory')}?{urlencode(filters)}"


@dataclass(frozen=True)
class Bar:
    name: str
    count: int
    url: str
    top: int
    width: float

    @property
    def label_y(self) -> int:
        return self.top + LABEL_BASELINE

    @property
    def bar_y(self) -> int:
        return self.top + BAR_TOP

    @property
    def value_x(self) -> float:
        return self.width + VALUE_GAP

    @property
    def value_y(self) -> int:
        return self.top + BAR_TOP + BAR_HEIGHT - 2


@dataclass
class RoleByCountry:
    role_type: RoleType
    counts: dict[str, int]  # country code -> members; "" for members who gave no country
    bars: list[Bar] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def without_country(self) -> int:
        return self.counts.get("", 0)

    @property
    def chart_height(self) -> int:
        return max(len(self.bars), 1) * ROW_HEIGHT

    @property
    def directory_url(self) -> str:
        return directory_url(role=self.role_type.slug)


@dataclass(frozen=True)
class CountryCell:
    count: int
    url: str


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str
    cells: list[CountryCell]


def members_per_country(role_type: RoleType) -> dict[str, int]:
    """One grouped query: listed members practising the role, counted by country."""
    rows = (
        Profile.objects.listed()
        .practising(role_type.slug)
        .values("country")
        .annotate(members=Count("pk"))
        .order_by()
    )
    return {row["country"]: row["members"] for row in rows}


def chart_bars(role_type: RoleType, counts: dict[str, int]) -> list[Bar]:
    ranked = sorted(
        ((code, count) for code, count in counts.items() if code),
        key=lambda pair: (-pair[1], country_names.name(pair[0])),
    )[:TOP_COUNTRIES]
    if not ranked:
        return []
    largest = ranked[0][1]
    room = CHART_WIDTH - VALUE_ROOM
    return [
        Bar(
            name=country_names.name(code) or code,
            count=count,
            url=directory_url(country=code, role=role_type.slug),
            top=index * ROW_HEIGHT,
            width=round(max(count / largest * room, 2), 1),
        )
        for index, (code, count) in enumerate(ranked)
    ]


def all_countries_rows(roles: list[RoleByCountry]) -> list[CountryRow]:
    codes = {code for role in roles for code in role.counts if code}
    rows = [
        CountryRow(
            code=code,
            name=country_names.name(code) or code,
            cells=[
                CountryCell(
                    count=role.counts.get(code, 0),
                    url=directory_url(country=code, role=role.role_type.slug),
                )
                for role in roles
            ],
        )
        for code in codes
    ]
    return sorted(rows, key=lambda row: row.name)


@public
@require_GET
def countries(request: HttpRequest) -> HttpResponse:
    roles = []
    for role_type in RoleType.objects.all():
        counts = members_per_country(role_type)
        roles.append(RoleByCountry(role_type, counts, chart_bars(role_type, counts)))
    return render(
        request,
        "people/countries.html",
        {
            "roles": roles,
            "rows": all_countries_rows(roles),
            "top_countries": TOP_COUNTRIES,
            "chart_width": CHART_WIDTH,
            "bar_height": BAR_HEIGHT,
        },
    )
