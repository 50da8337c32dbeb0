"""How a responsibility is met, in one plain sentence for visitors.

`how_it_is_met()` reads only the item's rule and parameters, like `roles.checklist.evaluate()`,
so an item added in the admin is explained without any code change. It never looks at a title.
"""

from collections.abc import Callable, Mapping
from typing import Any

from roles.models import RULE_PARAMS, Rule


def _join_words(words: list[str], conjunction: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def _with_article(phrase: str) -> str:
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return singular if count == 1 else (plural or f"{singular}s")


def _period(months: int) -> str:
    return "in the last month" if months == 1 else f"in the last {months} months"


def _self_declared(params: Mapping[str, Any]) -> str:
    del params
    return "Self-declared by the member."


def _current_certification(params: Mapping[str, Any]) -> str:
    if params["recognised_only"]:
        return (
            "Met by holding a current certification from a recognised training body, "
            "verified by a reviewer."
        )
    return "Met by holding a current certification, verified by a reviewer."


def _recent_outreach(params: Mapping[str, Any]) -> str:
    months, min_count = int(params["months"]), int(params["min_count"])
    kinds = [str(kind).replace("_", " ") for kind in params["kinds"] or []]
    if min_count == 1:
        what = _with_article(_join_words(kinds, "or")) if kinds else "outreach"
    else:
        kind_note = f" ({_join_words(kinds, 'or')})" if kinds else ""
        what = f"at least {min_count} outreach records{kind_note}"
    return f"Met by logging {what} {_period(months)}."


def _accepts_contact(params: Mapping[str, Any]) -> str:
    del params
    return "Met by accepting messages from visitors through the site's contact form."


def _lists_audience(params: Mapping[str, Any]) -> str:
    min_count = int(params["min_count"])
    audiences = "one audience" if min_count == 1 else f"{min_count} audiences"
    return f"Met by listing at least {audiences} they work with on their profile."


def _profile_fields(params: Mapping[str, Any]) -> str:
    fields = [str(field).replace("_", " ") for field in params["fields"] or []]
    if not fields:
        return "Met by filling in their profile."
    return f"Met by filling in their profile's {_join_words(fields, 'and')}."


EXPLANATIONS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    Rule.SELF_DECLARED: _self_declared,
    Rule.CURRENT_CERTIFICATION: _current_certification,
    Rule.RECENT_OUTREACH: _recent_outreach,
    Rule.ACCEPTS_CONTACT: _accepts_contact,
    Rule.LISTS_AUDIENCE: _lists_audience,
    Rule.PROFILE_FIELDS: _profile_fields,
}


def how_it_is_met(rule: str, params: Mapping[str, Any] | None) -> str:
    """One sentence saying how an item with this rule and these parameters is met."""
    explain = EXPLANATIONS.get(rule)
    if explain is None:
        # A rule added to Rule before its sentence is written here: say something true.
        return "Checked by the site against the member's records."
    return explain({**RULE_PARAMS.get(rule, {}), **(params or {})})
