"""/me/checklist/: every responsibility of a held role, met or not, and why."""

import html
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import ResponsibilityDeclaration, RoleHolding
from roles.models import Responsibility, Rule


def text(response) -> str:
    return html.unescape(response.content.decode())


def item_html(page: str, responsibility: Responsibility) -> str:
    """The part of the page about one checklist item."""
    start = page.index(f'id="item-{responsibility.pk}"')
    end = page.find('class="checklist-item', start)
    return page[start : end if end != -1 else len(page)]


def first_item(role_type, rule: str) -> Responsibility:
    return role_type.responsibilities.active().filter(rule=rule).first()


@pytest.fixture
def ambassador(client, profile_factory):
    profile = profile_factory(role_slug="ambassador", listed=False, audiences=("educators",))
    client.force_login(profile.user)
    return profile


def test_checklist_needs_login(client):
    response = client.get(reverse("me:checklist"))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_a_member_without_a_role_is_invited_to_join(client, profile_factory):
    profile = profile_factory()
    client.force_login(profile.user)

    page = text(client.get(reverse("me:checklist")))

    assert "You do not hold a role yet" in page
    assert reverse("me:roles") in page


def test_the_checklist_shows_every_active_item_with_met_and_unmet_reasons(client, ambassador, role):
    page = text(client.get(reverse("me:checklist")))

    ambassador_role = role("ambassador")
    for item in ambassador_role.responsibilities.active():
        assert item.title in page
    audience_item = item_html(page, first_item(ambassador_role, Rule.LISTS_AUDIENCE))
    assert "Met:" in audience_item
    assert "Works with: Educators and schools." in audience_item
    contact_item = item_html(page, first_item(ambassador_role, Rule.ACCEPTS_CONTACT))
    assert "Not yet:" in contact_item
    assert "Does not accept contact messages." in contact_item
    assert 'href="/me/profile/"' in contact_item


def test_an_unmet_outreach_item_links_to_logging_outreach(client, ambassador, role):
    page = text(client.get(reverse("me:checklist")))

    outreach_item = item_html(page, first_item(role("ambassador"), Rule.RECENT_OUTREACH))
    assert "Not yet:" in outreach_item
    assert f'href="{reverse("me:outreach-add")}"' in outreach_item


def test_a_met_outreach_item_names_the_record_that_meets_it(
    client, ambassador, role, outreach_factory
):
    record = outreach_factory(ambassador, title="Sociocracy at the library")

    page = text(client.get(reverse("me:checklist")))

    outreach_item = item_html(page, first_item(role("ambassador"), Rule.RECENT_OUTREACH))
    assert "Sociocracy at the library" in outreach_item
    assert reverse("me:outreach-edit", args=[record.pk]) in outreach_item


def test_the_certification_item_links_to_the_certification_or_to_adding_one(
    client, profile_factory, role, certification_factory
):
    trainer = profile_factory(role_slug="trainer")
    client.force_login(trainer.user)
    certification_item = first_item(role("trainer"), Rule.CURRENT_CERTIFICATION)

    page = text(client.get(reverse("me:checklist")))
    assert "No verified certification yet." in item_html(page, certification_item)
    assert reverse("me:certification-add") in item_html(page, certification_item)

    certification = certification_factory(trainer)
    page = text(client.get(reverse("me:checklist")))
    assert f"#certification-{certification.pk}" in item_html(page, certification_item)


def test_ticking_a_self_declared_item_records_a_declaration_and_meets_it(client, ambassador, role):
    item = first_item(role("ambassador"), Rule.SELF_DECLARED)

    response = client.post(
        reverse("me:checklist-declare", args=[item.pk]),
        {f"item-{item.pk}-note": "Monthly open evenings at the community centre"},
        follow=True,
    )

    declaration = ResponsibilityDeclaration.objects.get(profile=ambassador, responsibility=item)
    assert declaration.note == "Monthly open evenings at the community centre"
    item_part = item_html(text(response), item)
    assert "Met:" in item_part
    assert "Not yet:" not in item_part
    assert "Monthly open evenings at the community centre" in item_part
    assert reverse("me:checklist-undeclare", args=[declaration.pk]) in item_part


def test_unticking_makes_the_item_unmet_again(client, ambassador, role):
    item = first_item(role("ambassador"), Rule.SELF_DECLARED)
    declaration = ResponsibilityDeclaration.objects.create(profile=ambassador, responsibility=item)

    response = client.post(reverse("me:checklist-undeclare", args=[declaration.pk]), follow=True)

    assert not ambassador.declarations.exists()
    assert "Not yet:" in item_html(text(response), item)


def test_a_derived_item_cannot_be_ticked(client, ambassador, role):
    item = first_item(role("ambassador"), Rule.ACCEPTS_CONTACT)

    response = client.post(reverse("me:checklist-declare", args=[item.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not ambassador.declarations.exists()


def test_an_item_of_a_role_not_held_cannot_be_ticked(client, ambassador, role):
    item = first_item(role("trainer"), Rule.SELF_DECLARED)

    response = client.post(reverse("me:checklist-declare", args=[item.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not ambassador.declarations.exists()


def test_items_of_an_ended_role_are_no_longer_shown(client, ambassador, role):
    ambassador.holdings.update(
        status=RoleHolding.Status.ENDED,
        ended_on=ambassador.holdings.get().started_on,
        end_reason=RoleHolding.EndReason.STEPPED_DOWN,
    )

    page = text(client.get(reverse("me:checklist")))

    assert first_item(role("ambassador"), Rule.ACCEPTS_CONTACT).title not in page


def test_an_item_added_in_the_admin_shows_and_can_be_ticked_without_code_change(
    client, ambassador, role
):
    item = Responsibility.objects.create(
        role_type=role("ambassador"),
        title="Mentors a newcomer",
        description="Takes a new ambassador along to a few conversations.",
        order=99,
        rule=Rule.SELF_DECLARED,
    )
    assert "Mentors a newcomer" in text(client.get(reverse("me:checklist")))

    response = client.post(reverse("me:checklist-declare", args=[item.pk]), follow=True)

    assert "Met:" in item_html(text(response), item)


def test_a_too_long_note_is_refused_beside_the_field_and_kept(client, ambassador, role):
    item = first_item(role("ambassador"), Rule.SELF_DECLARED)
    note = "x" * 501

    response = client.post(
        reverse("me:checklist-declare", args=[item.pk]), {f"item-{item.pk}-note": note}
    )

    assert response.status_code == HTTPStatus.OK
    item_part = item_html(text(response), item)
    assert f'id="id_item-{item.pk}-note_error"' in item_part
    assert note in item_part
    assert not ambassador.declarations.exists()
