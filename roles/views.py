from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from roles.models import RoleType
from sociodir.access import public


@public
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    role_types = RoleType.objects.with_checklist()
    return render(request, "roles/home.html", {"role_types": role_types})
