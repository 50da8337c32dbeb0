"""The data migrations seed the field as DOMAIN.md describes it."""

from django.contrib.auth.models import Group

from people.models import IssuingBody
from roles.models import RoleType, Rule

TRAINER_ITEMS = [
    "Education and Training",
    "Skill Development",
    "Customization",
    "Support",
    "Certification",
    "Advocacy",
    "Professional Networking",
]
AMBASSADOR_ITEMS = [
    "Promotes Awareness",
    "Engages in Outreach",
    "Provides Information",
    "Facilitates Conversations",
    "Answers Queries",
    "Collaborates",
    "Cultivates Interest",
    "Tailors Information",
]


def titles(slug: str) -> list[str]:
    return list(
        RoleType.objects.get(slug=slug).responsibilities.active().values_list("title", flat=True)
    )


def test_trainer_checklist_has_its_seven_items_in_order(db):
    assert titles("trainer") == TRAINER_ITEMS


def test_ambassador_checklist_has_its_eight_items_in_order(db):
    assert titles("ambassador") == AMBASSADOR_ITEMS


def test_only_the_trainer_needs_a_certification_to_practise(db):
    assert RoleType.objects.get(slug="trainer").requires_certification
    assert not RoleType.objects.get(slug="ambassador").requires_certification


def test_items_say_how_they_are_met_as_data(db):
    trainer = RoleType.objects.get(slug="trainer").responsibilities
    ambassador = RoleType.objects.get(slug="ambassador").responsibilities
    assert trainer.get(title="Certification").rule == Rule.CURRENT_CERTIFICATION
    outreach = ambassador.get(title="Engages in Outreach")
    assert (outreach.rule, outreach.rule_params()["months"]) == (Rule.RECENT_OUTREACH, 12)
    assert ambassador.get(title="Answers Queries").rule == Rule.ACCEPTS_CONTACT
    assert ambassador.get(title="Tailors Information").rule == Rule.LISTS_AUDIENCE
    assert ambassador.get(title="Collaborates").rule == Rule.SELF_DECLARED


def test_every_item_has_a_description_and_valid_parameters(db):
    for role_type in RoleType.objects.all():
        for item in role_type.responsibilities.all():
            assert item.description
            item.full_clean()


def test_issuing_bodies_of_the_field_are_seeded_as_editable_rows(db):
    sofa = IssuingBody.objects.get(slug="sofa")
    assert list(sofa.levels.values_list("name", flat=True)) == [
        "Practitioner",
        "Facilitator",
        "Trainer",
        "Consultant",
    ]
    assert sofa.recognised
    holacracy_facilitator = IssuingBody.objects.get(slug="holacracy").levels.get(name="Facilitator")
    assert holacracy_facilitator.validity_months == 24
    s3 = IssuingBody.objects.get(slug="sociocracy-3-0")
    assert not s3.issues_certificates
    assert not s3.recognised
    assert {"iscb", "tsg", "sociocratisch-centrum"} <= set(
        IssuingBody.objects.values_list("slug", flat=True)
    )


def test_reviewers_group_may_review_certifications(db):
    group = Group.objects.get(name="Reviewers")
    assert group.permissions.filter(codename="review_certification").exists()
