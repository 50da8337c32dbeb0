"""What the floor page renders: 24 directory rows and the filter choices, built in memory.

The rows are unsaved model instances whose prefetch caches are filled by hand, the way
Profile.objects.for_directory() fills them, so the card template reads them without a query.
The choices are the reference rows every database starts with (the seed migrations), so the
floor's filter form is as long as the real page's.
"""

import datetime
import functools
import importlib
import itertools

from django.http import QueryDict
from django_filters import FilterSet

from people.filters import Choice, DirectoryFilter, Sort
from people.models import Certification, IssuingBody, Language, Profile, RoleHolding
from roles.models import RoleType

ROWS = 24

_people_reference = importlib.import_module("people.migrations.0002_seed_reference_data")
_role_reference = importlib.import_module("roles.migrations.0002_seed_role_types")

# (display name, headline, country, city or "" when hidden, language codes)
_PEOPLE = [
    ("Sanne de Vries", "Facilitator for cooperatives", "NL", "Utrecht", ["nl", "en"]),
    ("Jonas Weber", "Consent decisions for growing teams", "DE", "", ["de", "en"]),
    ("Camille Dubois", "Sociocracy in schools", "FR", "Lyon", ["fr"]),
    ("Lucía García", "Círculos y consentimiento", "ES", "Valencia", ["es", "ca", "en"]),
    ("Ximena Quispe", "Community organising with consent", "PE", "", ["es"]),
    ("Aiko Tanaka", "Self-management for nonprofits", "JP", "Osaka", ["ja", "en"]),
    ("Kwame Mensah", "Talks and first conversations", "GH", "", ["en"]),
    ("Ingrid Johansson", "Cohousing governance", "SE", "Malmö", ["sv", "en", "de"]),
    ("Mateo Rossi", "Trainer for social enterprises", "IT", "", ["it", "en"]),
    ("Hanna Kowalska", "Workshops for public-sector teams", "PL", "Kraków", ["pl", "en"]),
    ("Ravi Iyer", "Sociocracy for healthcare", "IN", "", ["hi", "en", "ta"]),
    ("Emily Carter", "Coaching after the workshop", "US", "Portland", ["en"]),
    ("Noor Bakker", "Ambassador for activist groups", "NL", "", ["nl"]),
    ("Felix Hoffmann", "Organisational change, one circle at a time", "AT", "Graz", ["de"]),
    ("Amélie Laurent", "Facilitation and objections", "BE", "", ["fr", "nl"]),
    ("Thiago Silva", "Cooperatives and collectives", "BR", "Recife", ["pt", "es"]),
    ("Chloé Martin", "Webinars for curious teams", "CA", "", ["fr", "en"]),
    ("Oren Levi", "Consent in family businesses", "IL", "Haifa", ["he", "en"]),
    ("Zanele Dlamini", "Community circles", "ZA", "", ["zu", "en"]),
    ("Sören Krüger", "Trainer, ISCB consultant", "DE", "Leipzig", ["de", "en"]),
    ("Mei Chen", "Sociocracy for educators", "TW", "", ["zh", "en"]),
    ("Liam O'Brien", "Talks for business leaders", "IE", "Cork", ["en", "ga"]),
    ("Fatima Haddad", "Nonprofit governance", "MA", "", ["ar", "fr"]),
    ("Pilar Serrano", "Training in consent decision-making", "MX", "Oaxaca", ["es", "en"]),
]


@functools.cache
def choices() -> dict[str, list[Choice]]:
    """The role, language and audience choices, as directory_choices() reads them from a
    freshly migrated database."""
    roles = sorted(_role_reference.ROLE_TYPES, key=lambda role: (role["order"], role["name"]))
    languages = sorted(_people_reference.LANGUAGES, key=lambda language: language[1])
    return {
        "role": [Choice(pk, role["slug"], role["name"]) for pk, role in enumerate(roles, start=1)],
        "language": [Choice(pk, code, name) for pk, (code, name) in enumerate(languages, start=1)],
        "audience": [
            Choice(pk, slug, name)
            for pk, (slug, name) in enumerate(_people_reference.AUDIENCES, start=1)
        ],
    }


class FloorFilter(DirectoryFilter):
    """The directory's filter form with its choices from memory: the same form, no query.

    DirectoryFilter.__init__ reads the choices from the database; this does what it does with
    choices() instead.
    """

    def __init__(self, data: QueryDict) -> None:
        data = data.copy()
        if not data.get("sort"):
            data["sort"] = Sort.RELEVANCE
        FilterSet.__init__(self, data, queryset=Profile.objects.none())
        self.pks = {}
        for name, options in choices().items():
            self.filters[name].extra["choices"] = [
                (option.value, option.label) for option in options
            ]
            self.pks[name] = {option.value: option.pk for option in options}


@functools.cache
def rows() -> list[Profile]:
    """24 practising members, as Profile.objects.for_directory() would hand them to the card."""
    today = datetime.date.today()  # noqa: DTZ011 -- a date in the past is all that matters
    trainer = RoleType(pk=1, slug="trainer", name="Trainer", requires_certification=True)
    ambassador = RoleType(pk=2, slug="ambassador", name="Ambassador", order=2)
    bodies = itertools.cycle(
        [
            IssuingBody(pk=1, name="Sociocracy For All", short_name="SoFA", slug="sofa"),
            IssuingBody(pk=2, name="The Sociocracy Group", short_name="TSG", slug="tsg"),
            IssuingBody(
                pk=3, name="International Sociocracy Certification Board", short_name="ISCB"
            ),
        ]
    )
    languages = {code: Language(pk=pk, code=code, name=name) for pk, code, name in _languages()}
    profiles = []
    for index, (name, headline, country, city, codes) in enumerate(_PEOPLE, start=1):
        profile = Profile(
            pk=index,
            slug=f"floor-{index}",
            display_name=name,
            headline=headline,
            country=country,
            city=city,
            show_city=bool(city),
            offers_online=index % 4 != 0,
            offers_in_person=index % 3 != 0,
            is_listed=True,
        )
        # Like the demo data: a third train, a third promote, a third do both.
        roles = [[trainer], [ambassador], [trainer, ambassador]][index % 3]
        holdings = [
            RoleHolding(pk=index * 10 + role.pk, profile=profile, role_type=role, status="active")
            for role in roles
        ]
        certifications = [
            Certification(
                pk=index * 10 + number,
                profile=profile,
                body=next(bodies),
                status=Certification.Status.VERIFIED,
                issued_on=today - datetime.timedelta(days=400 * number),
            )
            for number in range(1, 3 if index % 2 else 2)
            if trainer in roles
        ]
        profile._prefetched_objects_cache = {
            "holdings": holdings,
            "certifications": sorted(certifications, key=lambda cert: cert.body.name),
            "languages": sorted((languages[code] for code in codes), key=lambda lang: lang.name),
        }
        profiles.append(profile)
    return profiles


def _languages() -> list[tuple[int, str, str]]:
    return [(choice.pk, choice.value, choice.label) for choice in choices()["language"]]
