"""Filters for text members type in: their bio, outreach notes, links.

User text is never trusted as HTML. `plain_text` escapes it first and only then adds the markup
it needs (paragraphs, line breaks, links), so a bio containing <script> reads as text.
"""

from urllib.parse import urlsplit

from django import template
from django.utils.html import Urlizer, escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Links a member typed are theirs, not ours: search engines should not read them as our
# endorsement (nofollow, ugc), and the opened page gets no handle on ours (noopener).
USER_LINK_REL = "nofollow ugc noopener"


class _UserTextUrlizer(Urlizer):
    # {attrs} stays empty: nofollow=False, since our rel already says more than Django's.
    url_template = '<a href="{href}" rel="' + USER_LINK_REL + '"{attrs}>{url}</a>'

    def is_email_simple(self, value: str) -> bool:
        # Addresses typed into a bio stay plain text: no mailto links for harvesters to follow.
        del value
        return False


_urlize_user_text = _UserTextUrlizer()


@register.filter(is_safe=True)
def plain_text(value: object) -> SafeString:
    """Escape, then link URLs and turn blank lines into paragraphs and newlines into <br>."""
    escaped = escape(str(value or ""))
    linked = _urlize_user_text(escaped, trim_url_limit=60, nofollow=False)
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped above


@register.filter
def external_url(value: object) -> str:
    """The URL if it is http(s), otherwise an empty string: a stored value never becomes a
    javascript: or data: link, whatever path it came in by."""
    url = str(value or "").strip()
    if urlsplit(url).scheme.lower() in {"http", "https"}:
        return url
    return ""


@register.filter
def url_host(value: object) -> str:
    """The host of a URL, as link text: "https://social.example/@ada" -> "social.example"."""
    return urlsplit(str(value or "")).hostname or ""


@register.simple_tag
def user_link_rel() -> str:
    return USER_LINK_REL
