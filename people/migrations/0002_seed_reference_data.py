"""Seed the editable reference data: issuing bodies of the field, audiences and languages."""

from django.db import migrations

# (name, short name, slug, website, recognised, issues certificates, note, levels)
# levels: (name, validity in months or None)
ISSUING_BODIES = [
    (
        "Sociocracy For All",
        "SoFA",
        "sofa",
        "https://www.sociocracyforall.org/",
        True,
        True,
        "Levels are reached through badges and a peer performance review.",
        [("Practitioner", None), ("Facilitator", None), ("Trainer", None), ("Consultant", None)],
    ),
    (
        "International Sociocracy Certification Board",
        "ISCB",
        "iscb",
        "",
        True,
        True,
        "Certifies consultants; certificates expire and are renewed.",
        [("Consultant", 24)],
    ),
    (
        "The Sociocracy Group",
        "TSG",
        "tsg",
        "https://www.thesociocracygroup.com/",
        True,
        True,
        "",
        [("Facilitator", None), ("Trainer", None), ("Consultant", None)],
    ),
    (
        "Sociocratisch Centrum",
        "",
        "sociocratisch-centrum",
        "",
        True,
        True,
        "The Dutch sociocratic centre.",
        [("Facilitator", None), ("Trainer", None), ("Consultant", None)],
    ),
    (
        "Holacracy",
        "",
        "holacracy",
        "https://www.holacracy.org/",
        True,
        True,
        "A related method. Facilitator certificates last two years.",
        [("Facilitator", 24), ("Coach", None), ("Master Coach", None)],
    ),
    (
        "Sociocracy 3.0",
        "S3",
        "sociocracy-3-0",
        "https://sociocracy30.org/",
        False,
        False,
        "Sociocracy 3.0 deliberately has no certification: practitioners make a public "
        "self-commitment instead, so there is nothing to verify here.",
        [],
    ),
]

AUDIENCES = [
    ("business-leaders", "Business leaders"),
    ("community-organisers", "Community organisers"),
    ("educators", "Educators and schools"),
    ("nonprofits", "Nonprofits and NGOs"),
    ("cooperatives", "Cooperatives"),
    ("cohousing", "Cohousing and intentional communities"),
    ("activists", "Activist and volunteer groups"),
    ("public-sector", "Public sector and local government"),
    ("healthcare", "Healthcare and care organisations"),
    ("families", "Families and small groups"),
]

LANGUAGES = [
    ("ar", "Arabic"), ("bg", "Bulgarian"), ("bn", "Bengali"), ("ca", "Catalan"),
    ("cs", "Czech"), ("da", "Danish"), ("de", "German"), ("el", "Greek"), ("en", "English"),
    ("eo", "Esperanto"), ("es", "Spanish"), ("et", "Estonian"), ("eu", "Basque"),
    ("fa", "Persian"), ("fi", "Finnish"), ("fr", "French"), ("ga", "Irish"), ("he", "Hebrew"),
    ("hi", "Hindi"), ("hr", "Croatian"), ("hu", "Hungarian"), ("id", "Indonesian"),
    ("is", "Icelandic"), ("it", "Italian"), ("ja", "Japanese"), ("ko", "Korean"),
    ("lt", "Lithuanian"), ("lv", "Latvian"), ("ms", "Malay"), ("nl", "Dutch"),
    ("no", "Norwegian"), ("pl", "Polish"), ("pt", "Portuguese"), ("ro", "Romanian"),
    ("ru", "Russian"), ("sk", "Slovak"), ("sl", "Slovenian"), ("sr", "Serbian"),
    ("sv", "Swedish"), ("sw", "Swahili"), ("ta", "Tamil"), ("th", "Thai"), ("tl", "Tagalog"),
    ("tr", "Turkish"), ("uk", "Ukrainian"), ("ur", "Urdu"), ("vi", "Vietnamese"),
    ("yo", "Yoruba"), ("zh", "Chinese"), ("zu", "Zulu"),
]  # fmt: skip


def seed(apps, schema_editor):
    IssuingBody = apps.get_model("people", "IssuingBody")
    CertificationLevel = apps.get_model("people", "CertificationLevel")
    Audience = apps.get_model("people", "Audience")
    Language = apps.get_model("people", "Language")
    for name, short, slug, website, recognised, issues, note, levels in ISSUING_BODIES:
        body, _ = IssuingBody.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": short,
                "website": website,
                "recognised": recognised,
                "issues_certificates": issues,
                "note": note,
            },
        )
        for order, (level, validity) in enumerate(levels, start=1):
            CertificationLevel.objects.update_or_create(
                body=body, name=level, defaults={"order": order, "validity_months": validity}
            )
    for order, (slug, name) in enumerate(AUDIENCES, start=1):
        Audience.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})
    for code, name in LANGUAGES:
        Language.objects.update_or_create(code=code, defaults={"name": name})


def unseed(apps, schema_editor):
    apps.get_model("people", "IssuingBody").objects.filter(
        slug__in=[body[2] for body in ISSUING_BODIES]
    ).delete()
    apps.get_model("people", "Audience").objects.filter(
        slug__in=[slug for slug, _ in AUDIENCES]
    ).delete()
    apps.get_model("people", "Language").objects.filter(
        code__in=[code for code, _ in LANGUAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
