"""In-process look at the benchmark database, run by bench/run.py as `python -m bench.probe`
with the server's environment (DJANGO_SETTINGS_MODULE=bench.settings).

    pick            choose the scenario URLs from the data and print them as JSON
    count URL...    request each URL through Django's test client and print, as JSON, its
                    status, its SQL queries, (for directory pages) how many members matched,
                    and the median time it took in-process: in all, in Python, in SQL

Both print one JSON object on the last line of stdout.
"""

import argparse
import json
import statistics
import sys
import time

import django


def pick() -> dict:
    from django.db.models import Count
    from django.templatetags.static import static

    from people.models import Certification, Profile
    from people.search import search_words
    from roles.models import RoleType

    role = RoleType.objects.order_by("-requires_certification", "order", "name").first()
    if role is None:
        raise SystemExit("No role types: is the database migrated?")
    practising = Profile.objects.listed().practising(role.slug)
    # The country with most practising members of the role, and its most common language:
    # a combination of all three filters that still finds people.
    top_country = (
        practising.exclude(country="")
        .values("country")
        .annotate(members=Count("pk"))
        .order_by("-members", "country")
        .first()
    )
    if top_country is None:
        raise SystemExit(f"No listed {role.slug} has a country: is the database seeded?")
    country = top_country["country"]
    top_language = (
        Profile.languages.through.objects.filter(
            profile__in=practising.filter(country=country).values("pk")
        )
        .values("language__code")
        .annotate(members=Count("pk"))
        .order_by("-members", "language__code")
        .first()
    )
    language = top_language["language__code"] if top_language else ""

    # A name only one member has, among the first members seeded: a seed of 1,000 members
    # holds them too, so both runs search for the same person.
    unique_names = (
        Profile.objects.values("display_name")
        .annotate(holders=Count("pk"))
        .filter(holders=1)
        .values("display_name")
    )
    rare_name = (
        Profile.objects.listed()
        .practising()
        .filter(display_name__in=unique_names)
        .order_by("pk")
        .values_list("display_name", flat=True)
        .first()
    )
    profile = Profile.objects.listed().practising(role.slug).order_by("pk").first()
    certification = (
        Certification.objects.current()
        .recognised()
        .filter(profile__is_listed=True, profile__user__is_active=True)
        .order_by("pk")
        .first()
    )
    if rare_name is None or profile is None or certification is None:
        raise SystemExit("Too few listed, practising members to benchmark: seed the database.")
    return {
        "members": Profile.objects.count(),
        "listed": Profile.objects.listed().count(),
        "rare_name": rare_name,
        "rare_name_words": search_words(rare_name),
        "urls": {
            "directory": "/directory/",
            "filtered": f"/directory/?role={role.slug}&country={country}&language={language}",
            "search-rare": "/directory/?" + _query(q=rare_name),
            "search-common": "/directory/?q=sociocracy",
            "profile": profile.get_absolute_url(),
            "verify": certification.get_verify_url(),
            "floor": "/bench/floor/",
            "trivial": "/bench/trivial/",
            "static": static("css/site.css"),
        },
    }


def _query(**params: str) -> str:
    from urllib.parse import urlencode

    return urlencode(params)


def count(urls: list[str], repeats: int = 10) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    client = Client(HTTP_HOST="127.0.0.1")
    timings = {url: _timing(client, url, repeats) for url in urls}
    # Instrumented templates give the response its context, to read how many matched (and
    # would slow the timing above, so they come after it).
    setup_test_environment()
    measured = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        page = response.context.get("page") if response.context else None
        measured[url] = {
            "status": response.status_code,
            "queries": len(queries),
            "sql": [query["sql"] for query in queries.captured_queries],
            "matches": page.paginator.count if page is not None else None,
            "capped": bool(getattr(page.paginator, "is_capped", False)) if page else None,
            **timings[url],
        }
    return measured


def _timing(client, url: str, repeats: int) -> dict[str, float]:
    """Median time of `repeats` requests one at a time, after one that may fill per-process
    caches: what a page costs the server with no other request competing for the cores."""
    from django.db import connection

    waited = 0.0

    def timed(execute, sql, params, many, context):
        nonlocal waited
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            waited += time.perf_counter() - started

    client.get(url)
    wall, cpu, sql = [], [], []
    with connection.execute_wrapper(timed):
        for _ in range(repeats):
            waited = 0.0
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
            sql.append(waited)
    return {
        "in_process_ms": round(statistics.median(wall) * 1000, 2),
        "python_cpu_ms": round(statistics.median(cpu) * 1000, 2),
        "sql_ms": round(statistics.median(sql) * 1000, 2),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("pick", help="choose the scenario URLs from the data")
    counting = commands.add_parser("count", help="count each URL's SQL queries")
    counting.add_argument("urls", nargs="+")
    args = parser.parse_args(argv)
    django.setup()
    result = pick() if args.command == "pick" else count(args.urls)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
