"""/me/checklist/: for each role the member holds, which responsibilities are met and why."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.views.decorators.http import require_GET, require_POST

from people.forms.checklist import DeclarationForm
from people.models import Certification, OutreachRecord, Profile, ResponsibilityDeclaration
from people.services.checklist import declaration_create, declaration_delete
from people.services.profiles import profile_for_user
from roles.checklist import Checklist, ItemStatus, checklist_for
from roles.models import Responsibility, RoleType, Rule
from sociodir.access import member_required

# Where to add the record an unmet derived item is waiting for, by rule (never by title).
# /me/profile/ is the profile editing page.
MISSING_RECORD_LINKS: dict[str, tuple[str, str]] = {
    Rule.CURRENT_CERTIFICATION: (reverse_lazy("me:certification-add"), "Add a certification"),
    Rule.RECENT_OUTREACH: (reverse_lazy("me:outreach-add"), "Log outreach"),
    Rule.ACCEPTS_CONTACT: ("/me/profile/", "Accept contact messages in your profile"),
    Rule.LISTS_AUDIENCE: ("/me/profile/", "Add the audiences you work with to your profile"),
    Rule.PROFILE_FIELDS: ("/me/profile/", "Complete your profile"),
}


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass
class ChecklistRow:
    status: ItemStatus
    declaration: ResponsibilityDeclaration | None = None
    form: DeclarationForm | None = None
    evidence_link: Link | None = None
    missing_link: Link | None = None


def _evidence_link(evidence: object) -> Link | None:
    """A link to the member's own record that meets an item."""
    if isinstance(evidence, Certification):
        return Link(
            f"{reverse('me:certifications')}#certification-{evidence.pk}",
            f"Your {evidence.body_name} {evidence.level_name} certification",
        )
    if isinstance(evidence, OutreachRecord):
        return Link(
            reverse("me:outreach-edit", kwargs={"pk": evidence.pk}),
            f"“{evidence.title}” on {evidence.held_on:%d %b %Y}",
        )
    return None


def _row(status: ItemStatus, bound: DeclarationForm | None) -> ChecklistRow:
    item = status.responsibility
    row = ChecklistRow(status=status)
    if status.is_self_declared:
        if isinstance(status.evidence, ResponsibilityDeclaration):
            row.declaration = status.evidence
        prefix = f"item-{item.pk}"
        row.form = bound if bound is not None and bound.prefix == prefix else None
        if row.form is None and row.declaration is None:
            row.form = DeclarationForm(prefix=prefix)
        return row
    row.evidence_link = _evidence_link(status.evidence)
    if not status.met and item.rule in MISSING_RECORD_LINKS:
        url, label = MISSING_RECORD_LINKS[item.rule]
        row.missing_link = Link(str(url), label)
    return row


def _render_checklist(
    request: HttpRequest, profile: Profile, *, bound: DeclarationForm | None = None
) -> HttpResponse:
    records = Profile.objects.for_checklist().get(pk=profile.pk)
    held = RoleType.objects.with_checklist().filter(
        pk__in=profile.holdings.open().values("role_type_id")
    )
    sections: list[tuple[Checklist, list[ChecklistRow]]] = []
    for role_type in held:
        checklist = checklist_for(role_type, records)
        sections.append((checklist, [_row(status, bound) for status in checklist.items]))
    return render(request, "people/me/checklist.html", {"sections": sections})


@member_required
@require_GET
def checklist(request: HttpRequest) -> HttpResponse:
    return _render_checklist(request, profile_for_user(user=request.user))


@member_required
@require_POST
def declare(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    # Only self-declared items of roles this member holds: anything else is not theirs to tick.
    responsibility = get_object_or_404(
        Responsibility.objects.active().filter(
            rule=Rule.SELF_DECLARED,
            role_type_id__in=profile.holdings.open().values("role_type_id"),
        ),
        pk=pk,
    )
    form = DeclarationForm(request.POST, prefix=f"item-{responsibility.pk}")
    if not form.is_valid():
        return _render_checklist(request, profile, bound=form)
    try:
        declaration_create(
            profile=profile, responsibility=responsibility, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Ticked “{responsibility.title}”.")
    return redirect(f"{reverse('me:checklist')}#item-{responsibility.pk}")


@member_required
@require_POST
def undeclare(request: HttpRequest, pk: int) -> HttpResponse:
    profile = profile_for_user(user=request.user)
    declaration = get_object_or_404(profile.declarations.select_related("responsibility"), pk=pk)
    declaration_delete(declaration=declaration)
    messages.success(request, f"Unticked “{declaration.responsibility.title}”.")
    return redirect(f"{reverse('me:checklist')}#item-{declaration.responsibility_id}")
