"""/me/outreach/: a member logs, edits and deletes their outreach; future dates are upcoming."""

import datetime
import html
from http import HTTPStatus

import pytest
from django.urls import reverse

from people.models import OutreachRecord


def text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(role_slug="ambassador")
    client.force_login(profile.user)
    return profile


def outreach_data(**overrides) -> dict:
    return {
        "kind": OutreachRecord.Kind.WEBINAR,
        "title": "Consent decisions for housing co-ops",
        "held_on": "2025-05-14",
        "audience": "Cohousing groups",
        "attendance": "35",
        "is_online": "on",
        "place": "",
        "link": "https://example.org/recording",
        "description": "An hour on rounds and consent.",
        **overrides,
    }


def test_outreach_pages_need_login(client):
    response = client.get(reverse("me:outreach"))

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("account_login") in response["Location"]


def test_logging_outreach_adds_it_to_the_list(client, member):
    response = client.post(reverse("me:outreach-add"), outreach_data(), follow=True)

    record = member.outreach.get()
    assert record.kind == OutreachRecord.Kind.WEBINAR
    assert record.held_on == datetime.date(2025, 5, 14)
    assert record.attendance == 35
    assert record.is_online
    page = text(response)
    assert "Logged “Consent decisions for housing co-ops”." in page
    assert "about 35 people" in page


def test_bad_input_is_shown_beside_the_fields_and_the_data_kept(client, member):
    response = client.post(
        reverse("me:outreach-add"),
        outreach_data(title="", held_on="14 May last year", link="not a link at all"),
    )

    assert response.status_code == HTTPStatus.OK
    page = text(response)
    assert 'id="id_title_error"' in page
    assert 'id="id_held_on_error"' in page
    assert 'id="id_link_error"' in page
    assert "Cohousing groups" in page
    assert "An hour on rounds and consent." in page
    assert not member.outreach.exists()


def test_the_list_shows_upcoming_events_apart_from_past_outreach(client, member, outreach_factory):
    outreach_factory(member, days_ago=-20, title="Spring open day")
    outreach_factory(member, days_ago=-3, title="Library talk next week")
    outreach_factory(member, days_ago=0, title="Webinar today")
    outreach_factory(member, days_ago=60, title="Old article")

    page = text(client.get(reverse("me:outreach")))

    upcoming, past = page.split('id="past-title"')
    assert "Library talk next week" in upcoming
    assert "Spring open day" in upcoming
    assert upcoming.index("Library talk next week") < upcoming.index("Spring open day")
    assert "Webinar today" in past
    assert "Old article" in past
    assert past.index("Webinar today") < past.index("Old article")
    assert "Old article" not in upcoming


def test_editing_a_record_saves_the_changes(client, member, outreach_factory):
    record = outreach_factory(member)

    client.post(
        reverse("me:outreach-edit", args=[record.pk]),
        outreach_data(title="Renamed talk", held_on="2030-01-10"),
    )

    record.refresh_from_db()
    assert record.title == "Renamed talk"
    assert record.is_upcoming()


def test_the_edit_form_shows_the_current_values(client, member, outreach_factory):
    record = outreach_factory(member, title="Talk at the town hall")

    page = text(client.get(reverse("me:outreach-edit", args=[record.pk])))

    assert 'value="Talk at the town hall"' in page


def test_deleting_asks_first_then_deletes(client, member, outreach_factory):
    record = outreach_factory(member, title="Talk to remove")
    url = reverse("me:outreach-delete", args=[record.pk])

    confirm = client.get(url)
    assert confirm.status_code == HTTPStatus.OK
    assert "Delete “Talk to remove”?" in text(confirm)
    assert member.outreach.exists()

    response = client.post(url, follow=True)

    assert not member.outreach.exists()
    assert "Deleted “Talk to remove”." in text(response)


def test_another_members_record_cannot_be_edited_or_deleted(
    client, member, profile_factory, outreach_factory
):
    other_record = outreach_factory(profile_factory(), title="Not yours")

    edit = client.post(reverse("me:outreach-edit", args=[other_record.pk]), outreach_data())
    delete = client.post(reverse("me:outreach-delete", args=[other_record.pk]))

    assert edit.status_code == HTTPStatus.NOT_FOUND
    assert delete.status_code == HTTPStatus.NOT_FOUND
    other_record.refresh_from_db()
    assert other_record.title == "Not yours"
