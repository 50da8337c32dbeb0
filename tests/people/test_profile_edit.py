"""/me/profile/: editing every profile field, the avatar checks, stale forms, and the preview."""

import datetime
import io
import struct
import zlib
from http import HTTPStatus

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from people.models import Audience, Language, Profile, ProfileLink, RoleHolding

EDIT_URL = "/me/profile/"


@pytest.fixture
def member(client, profile_factory):
    profile = profile_factory(display_name="Ada Lovelace", slug="ada", listed=False)
    client.force_login(profile.user)
    return profile


def form_data(profile: Profile, **overrides) -> dict:
    """What the browser sends for the profile form as it stands, plus `overrides`."""
    links = list(profile.links.all())
    data = {
        "version": profile.updated_at.isoformat(),
        "display_name": profile.display_name,
        "slug": profile.slug,
        "headline": profile.headline,
        "bio": profile.bio,
        "country": profile.country.code or "",
        "city": profile.city,
        "time_zone": profile.time_zone,
        "languages": [lang.pk for lang in profile.languages.all()],
        "audiences": [audience.pk for audience in profile.audiences.all()],
        "website": profile.website,
        "links-TOTAL_FORMS": "5",
        "links-INITIAL_FORMS": str(len(links)),
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
    }
    for index, link in enumerate(links):
        data[f"links-{index}-kind"] = link.kind
        data[f"links-{index}-url"] = link.url
    for flag in ("offers_online", "offers_in_person", "is_listed", "accepts_contact", "show_city"):
        if getattr(profile, flag):
            data[flag] = "on"
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def image_file(fmt="PNG", size=(1600, 1200), name=None, exif=None, mode="RGB") -> bytes:
    buffer = io.BytesIO()
    image = Image.new(mode, size, (200, 120, 40) if mode == "RGB" else 128)
    image.save(buffer, format=fmt, **({"exif": exif} if exif is not None else {}))
    return buffer.getvalue()


def upload(content: bytes, name: str, content_type: str = "image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def post(client, data, **files):
    return client.post(EDIT_URL, {**data, **files})


def test_form_shows_the_members_profile_and_what_becomes_public(client, member):
    response = client.get(EDIT_URL)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert 'value="Ada Lovelace"' in html
    assert "Public when your profile is listed." in html
    assert 'id="privacy"' in html
    assert '<option value="Europe/Amsterdam">' in html
    assert 'enctype="multipart/form-data"' in html


def test_saving_changes_every_field(client, member):
    dutch, english = Language.objects.get(code="nl"), Language.objects.get(code="en")
    educators = Audience.objects.get(slug="educators")
    data = form_data(
        member,
        display_name="Ada King",
        slug="ada-king",
        headline="Helps schools decide by consent",
        bio="Twenty years of circles.",
        country="NL",
        city="Utrecht",
        time_zone="Europe/Amsterdam",
        languages=[dutch.pk, english.pk],
        audiences=[educators.pk],
        website="https://ada.example.org/",
        offers_in_person="on",
        is_listed="on",
        accepts_contact="on",
        show_city="on",
        **{
            "links-0-kind": "mastodon",
            "links-0-url": "https://social.example/@ada",
            "links-1-kind": "linkedin",
            "links-1-url": "https://linkedin.example/in/ada",
        },
    )
    data.pop("offers_online")

    response = post(client, data)

    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    assert member.display_name == "Ada King"
    assert member.slug == "ada-king"
    assert member.headline == "Helps schools decide by consent"
    assert member.bio == "Twenty years of circles."
    assert member.country.code == "NL"
    assert member.city == "Utrecht"
    assert member.time_zone == "Europe/Amsterdam"
    assert set(member.languages.all()) == {dutch, english}
    assert list(member.audiences.all()) == [educators]
    assert member.website == "https://ada.example.org/"
    assert (member.offers_online, member.offers_in_person) == (False, True)
    assert (member.is_listed, member.accepts_contact, member.show_city) == (True, True, True)
    assert [(link.kind, link.url) for link in member.links.order_by("pk")] == [
        ("mastodon", "https://social.example/@ada"),
        ("linkedin", "https://linkedin.example/in/ada"),
    ]
    assert "Your profile has been saved." in client.get(response.url).content.decode()


def test_emptying_a_link_row_removes_the_link(client, member):
    ProfileLink.objects.create(profile=member, kind="github", url="https://git.example/ada")

    post(client, form_data(member, **{"links-0-url": ""}))

    assert not member.links.exists()


def test_slug_must_be_free_and_well_formed(client, member, profile_factory):
    profile_factory(slug="taken")

    taken = post(client, form_data(member, slug="taken"))
    malformed = post(client, form_data(member, slug="ada lovelace!"))

    assert "Another member already has this address" in taken.content.decode()
    assert "errorlist" in malformed.content.decode()
    member.refresh_from_db()
    assert member.slug == "ada"


def test_unknown_time_zone_is_refused(client, member):
    response = post(client, form_data(member, time_zone="Mars/Olympus_Mons"))

    assert "Select a valid choice" in response.content.decode()


def test_real_photo_is_resized_and_stripped_of_exif(client, member):
    exif = Image.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 0.0)}  # GPS
    photo = image_file("JPEG", size=(2000, 1500), exif=exif.tobytes())
    assert Image.open(io.BytesIO(photo)).getexif()  # the upload does carry EXIF

    response = post(client, form_data(member), avatar=upload(photo, "me.jpg", "image/jpeg"))

    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    with default_storage.open(member.avatar.name) as stored, Image.open(stored) as saved:
        assert saved.format == "WEBP"
        assert max(saved.size) == 512
        assert saved.size == (512, 384)
        assert not saved.getexif()
        assert "exif" not in saved.info
    assert member.avatar.name.endswith(".webp")
    assert "me.jpg" not in member.avatar.name


def test_png_photo_is_accepted(client, member):
    response = post(
        client, form_data(member), avatar=upload(image_file("PNG", (300, 200)), "a.png")
    )

    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    assert member.avatar
    assert default_storage.exists(member.avatar.name)


@pytest.mark.parametrize(
    ("content", "name", "content_type", "reason"),
    [
        (b"just some text, honestly", "photo.png", "image/png", "not a JPEG, PNG or WebP picture"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "photo.svg",
            "image/svg+xml",
            "not a JPEG, PNG or WebP picture",
        ),
        (
            image_file("GIF", (50, 50), mode="L"),
            "photo.png",
            "image/png",
            "not a JPEG, PNG or WebP",
        ),
        (png_declaring(100_000, 100_000), "bomb.png", "image/png", "far too large"),
        (image_file("PNG")[:200], "cut.png", "image/png", "seems damaged"),
    ],
    ids=["text-named-png", "svg", "gif", "decompression-bomb", "truncated"],
)
def test_refused_files_say_why_and_keep_the_members_input(
    client, member, content, name, content_type, reason
):
    response = post(
        client,
        form_data(member, display_name="Ada Changed", headline="Kept headline"),
        avatar=upload(content, name, content_type),
    )

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert reason in html
    assert 'value="Ada Changed"' in html
    assert 'value="Kept headline"' in html
    member.refresh_from_db()
    assert member.display_name == "Ada Lovelace"
    assert not member.avatar


def test_file_over_5_mb_is_refused(client, member):
    big = image_file("PNG", (64, 64)) + b"\x00" * (5 * 1024 * 1024)

    response = post(client, form_data(member), avatar=upload(big, "big.png"))

    assert "a photo may be at most 5.0\xa0MB" in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar


def test_picture_over_the_pixel_limit_is_refused(client, member, settings):
    settings.PROFILE_AVATAR_MAX_PIXELS = 100 * 100

    response = post(
        client, form_data(member), avatar=upload(image_file("PNG", (200, 200)), "a.png")
    )

    assert "far too large (200 by 200 pixels)" in response.content.decode()
    member.refresh_from_db()
    assert not member.avatar


def test_new_photo_replaces_the_old_file(client, member, django_capture_on_commit_callbacks):
    member.avatar.save("old.webp", ContentFile(image_file("WEBP", (10, 10))))
    old_name = member.avatar.name

    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(member), avatar=upload(image_file("PNG", (64, 64)), "new.png"))

    member.refresh_from_db()
    assert member.avatar.name != old_name
    assert default_storage.exists(member.avatar.name)
    assert not default_storage.exists(old_name)


def test_remove_photo(client, member, django_capture_on_commit_callbacks):
    member.avatar.save("old.webp", ContentFile(image_file("WEBP", (10, 10))))
    old_name = member.avatar.name
    assert "Remove my photo" in client.get(EDIT_URL).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(member, remove_avatar="on"))

    member.refresh_from_db()
    assert not member.avatar
    assert not default_storage.exists(old_name)


def test_stale_form_does_not_overwrite_a_newer_save(client, member):
    opened = form_data(member, headline="Typed in the old tab")
    Profile.objects.filter(pk=member.pk).update(
        headline="Saved in another tab",
        updated_at=member.updated_at + datetime.timedelta(seconds=5),
    )

    response = post(client, opened)

    html = response.content.decode()
    assert response.status_code == HTTPStatus.CONFLICT
    assert "changed in another window or tab" in html
    assert 'value="Typed in the old tab"' in html
    member.refresh_from_db()
    assert member.headline == "Saved in another tab"


def test_saving_again_after_a_stale_warning_keeps_the_members_input(client, member):
    opened = form_data(member, headline="Typed in the old tab")
    Profile.objects.filter(pk=member.pk).update(
        updated_at=member.updated_at + datetime.timedelta(seconds=5)
    )
    warned = post(client, opened)
    version = warned.context["form"]["version"].value()

    response = post(client, {**opened, "version": version})

    assert response.status_code == HTTPStatus.FOUND
    member.refresh_from_db()
    assert member.headline == "Typed in the old tab"


def test_double_submission_is_caught(client, member):
    data = form_data(member, headline="First")

    first = post(client, data)
    second = post(client, {**data, "headline": "Second"})

    assert first.status_code == HTTPStatus.FOUND
    assert second.status_code == HTTPStatus.CONFLICT
    member.refresh_from_db()
    assert member.headline == "First"


def test_more_than_five_links_are_refused(client, member):
    data = form_data(member, **{"links-TOTAL_FORMS": "6"})
    for index in range(6):
        data[f"links-{index}-url"] = f"https://example.org/{index}"

    response = post(client, data)

    assert response.status_code == HTTPStatus.OK
    assert "Please submit at most 5 forms." in response.content.decode()
    assert not member.links.exists()


def test_preview_shows_an_unlisted_profile_to_its_owner(client, member, role, outreach_factory):
    member.headline = "Helps cooperatives decide by consent"
    member.save()
    RoleHolding.objects.create(profile=member, role_type=role("ambassador"), status="active")
    outreach_factory(member, title="Consent at the library")

    response = client.get(reverse("me:profile-preview"))

    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Helps cooperatives decide by consent" in html
    assert "<strong>not listed</strong>" in html
    assert "Ambassador" in html
    assert "Consent at the library" in html
    assert html.count("<h1") == 1
    assert client.get(member.get_absolute_url()).status_code == HTTPStatus.OK  # owner sees it
    client.logout()
    assert client.get(member.get_absolute_url()).status_code == HTTPStatus.NOT_FOUND


def test_preview_says_when_the_profile_is_listed(client, member):
    Profile.objects.filter(pk=member.pk).update(is_listed=True)

    html = client.get(reverse("me:profile-preview")).content.decode()

    assert "<strong>listed</strong>" in html


def test_preview_hides_what_only_the_owner_sees(client, member, role):
    RoleHolding.objects.create(profile=member, role_type=role("trainer"), status="applied")

    html = client.get(reverse("me:profile-preview")).content.decode()

    assert "Applied on" not in html
    assert "Only you can see this page" not in html
