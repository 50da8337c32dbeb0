import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from people.demo.seeding import DEFAULT_SEED, demo_seed


class Command(BaseCommand):
    help = (
        "Add fictional demo members (demo-000001@example.invalid, ...) with roles, "
        "certifications and outreach. Safe to run again: only missing members are added."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--members", type=int, default=300, help="How many demo members should exist."
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="Random seed; the same seed gives the same members.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Seed even though DEBUG is off (e.g. a benchmark database). Never on a live site: "
            "demo members would appear in the public directory.",
        )

    def handle(
        self, *args, members: int, seed: int, verbosity: int, allow_production: bool, **options
    ) -> None:
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "Refusing to add demo members with DEBUG off: they would show in a live directory. "
                "Set DJANGO_DEBUG=true, or pass --allow-production for a throwaway database."
            )
        if members < 0:
            raise CommandError("--members cannot be negative.")

        def progress(done: int, total: int) -> None:
            if verbosity > 1:
                self.stderr.write(f"  {done}/{total} members added")

        started = time.perf_counter()
        try:
            summary = demo_seed(members=members, seed=seed, progress=progress)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{summary} ({time.perf_counter() - started:.1f}s)")
