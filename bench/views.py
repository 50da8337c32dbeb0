"""The benchmark's reference pages, served by bench.urls only (never by the production site).

floor    the directory template rendered like people.views.directory, from 24 in-memory rows:
         what a directory page costs with no database at all, so the real page's p50 can be
         compared with it.
trivial  the smallest response through the whole middleware stack.
"""

import functools

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from bench.floor import FloorFilter, rows
from people.search import RESULT_CAP
from people.views.directory import PAGE_SIZE
from sociodir.access import public


class FloorPaginator(Paginator):
    """Pages over RESULT_CAP copies of the rows: the header and the page links read like the
    unfiltered directory at 100,000 members ("1,000+ members, page 1 of 42")."""

    is_capped = True


@functools.cache
def _listing() -> list:
    members = rows()
    return [members[index % len(members)] for index in range(RESULT_CAP)]


@public
@require_GET
def floor(request: HttpRequest) -> HttpResponse:
    filterset = FloorFilter(request.GET)
    # The real view validates the form when it filters (filterset.qs); the template reads the
    # cleaned data (is_filtered).
    filterset.is_valid()
    paginator = FloorPaginator(_listing(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "filterset": filterset,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
    }
    response = render(request, "people/directory.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@public
@require_GET
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok\n", content_type="text/plain")
