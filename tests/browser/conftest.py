"""Browser tests: a real Chromium, driven by Playwright's sync API, against pytest-django's
live server.

One browser for the whole session, a fresh context (cookies, storage) per test. Chromium comes
from the system (Playwright's own browser download is not used): CHROMIUM_PATH, else the usual
names on PATH. Without one the tests are skipped, with the reason shown; with CI=true they fail
instead, so a CI run can never pass by skipping them.

When a test fails, a full-page screenshot of every page it had open is saved in
test-artifacts/ (gitignored).
"""

import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import connections
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from people.models import User

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Quiet, deterministic Chromium: no sandbox (containers), no GPU, nothing fetched in the background.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--mute-audio",
]
TIMEOUT_MS = 10_000


def find_chromium() -> str | None:
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in CHROMIUM_NAMES:
        if found := shutil.which(name):
            return found
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path:
        return path
    reason = (
        "No Chromium found (looked at $CHROMIUM_PATH, then "
        + ", ".join(CHROMIUM_NAMES)
        + " on PATH). Install it, e.g. `apt-get install -y chromium`, or set CHROMIUM_PATH."
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true: browser tests must run, not skip. {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(chromium_path: str, django_db_setup, django_db_blocker) -> Iterator[Browser]:
    # Playwright's sync API keeps an asyncio loop running in this thread. Django's ORM guard
    # takes that for async code (the test code stays synchronous, so the guard is lifted),
    # and Django's connections, kept per thread *and* per async context, become new objects
    # from here on: they need the serialized test data that restores the seeded rows after
    # each transactional test, and they are closed before the loop goes.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        expect.set_options(timeout=TIMEOUT_MS)
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        with django_db_blocker.unblock():
            connections.close_all()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _browser_test_isolation(settings, monkeypatch):
    """Rate-limit counters start at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def new_context(request, browser: Browser, live_server) -> Iterator[Callable[..., BrowserContext]]:
    """Opens browser contexts on the live server; each is closed after the test. Contexts are
    remembered on the test item so that a failure can screenshot their pages."""
    contexts: list[BrowserContext] = []
    request.node.browser_contexts = contexts

    def make(**options) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server.url,
            locale="en-GB",
            timezone_id="UTC",
            viewport={"width": 1280, "height": 900},
            **options,
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def no_js_page(new_context) -> Page:
    return new_context(java_script_enabled=False).new_page()


@pytest.fixture
def log_in(live_server) -> Callable[[BrowserContext, User], None]:
    """Logs a user in to a browser context through a session made server-side (the UI's own
    log-in is covered by the journeys); their address counts as confirmed."""

    def log_in_as(context: BrowserContext, user: User) -> None:
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        client = Client()
        client.force_login(user)
        name = django_settings.SESSION_COOKIE_NAME
        context.add_cookies(
            [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
        )

    return log_in_as


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when in ("setup", "call"):
        saved = _screenshot_open_pages(item)
        if saved:
            report.sections.append(("screenshots", "\n".join(str(path) for path in saved)))
    return report


def _screenshot_open_pages(item) -> list[Path]:
    saved = []
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-150:]
    for context_number, context in enumerate(getattr(item, "browser_contexts", []), start=1):
        for page_number, open_page in enumerate(context.pages, start=1):
            path = ARTIFACTS / f"{name}-{context_number}-{page_number}.png"
            try:
                ARTIFACTS.mkdir(exist_ok=True)
                open_page.screenshot(path=path, full_page=True)
            except PlaywrightError:  # a page that closed must not hide the real failure
                continue
            saved.append(path)
    return saved
