"""Helpers for the browser tests: axe-core checks, keyboard moves, files to upload."""

import io
import time
from pathlib import Path

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Locator, Page

from tests.people.review_support import PDF_BYTES

# WCAG 2.1 levels A and AA: what the site promises (static/css/site.css).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now."""
    return _axe.run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(where: str, violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, what to do, and each offending node."""
    lines = [f"{where}: {len(violations)} accessibility violation(s)"]
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"      {node['html'][:300]}")
            summary = (node.get("failureSummary") or "").replace("\n", "\n      ")
            if summary:
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    if violations:
        pytest.fail(describe_violations(page.url, violations))


def tab_to(
    page: Page, target: str | Locator, *, max_presses: int = 60, backwards: bool = False
) -> None:
    """Press Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails
    if it is never reached. The focus must then be visible."""
    locator = page.locator(target) if isinstance(target, str) else target
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(max_presses):
        page.keyboard.press(key)
        if locator.evaluate("element => element === document.activeElement"):
            assert_focus_visible(page)
            return
    raise AssertionError(f"{target} was not reached with {max_presses} presses of {key}")


def assert_focus_visible(page: Page) -> None:
    """The focused element is on screen and drawn with a focus indicator (an outline or a
    box shadow), under the :focus-visible rules a keyboard user gets."""
    state = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                element: element.outerHTML.slice(0, 120),
                focusVisible: element.matches(":focus-visible"),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== "none",
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0
                    && box.top < window.innerHeight,
            };
        }"""
    )
    assert state["focusVisible"], f"no :focus-visible on {state['element']}"
    assert state["outline"] or state["shadow"], f"no focus indicator on {state['element']}"
    assert state["onScreen"], f"the focused element is off screen: {state['element']}"


def authenticator_code(secret: str) -> str:
    """What an authenticator app shows now for the secret. Never a code about to roll over:
    allauth accepts no clock drift by default, so a code computed at the end of its period
    could be refused a moment later."""
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def png_file(folder: Path, name: str = "photo.png") -> Path:
    path = folder / name
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), (40, 110, 160)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def pdf_file(folder: Path, name: str = "certificate.pdf") -> Path:
    path = folder / name
    path.write_bytes(PDF_BYTES)
    return path
