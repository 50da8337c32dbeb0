"""The public directory: /directory/, filtered by GET parameters (people/filters.py)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from people.filters import DirectoryFilter
from people.models import Profile
from people.search import CappedPaginator
from sociodir.access import public

PAGE_SIZE = 24


@public
@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    # The filters add practising() (narrowed to a chosen role).
    filterset = DirectoryFilter(request.GET, queryset=Profile.objects.listed())
    paginator = CappedPaginator(filterset.qs.for_directory(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filterset": filterset,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }
    # htmx asks for the results only, except when it restores a page missing from its history
    # cache: then it needs the whole page.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "people/directory.html#results" if partial else "people/directory.html"
    response = render(request, template, context)
    # The same URL answers with a partial or a whole page: caches must keep them apart.
    patch_vary_headers(response, ["HX-Request"])
    return response
