from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from people.demo.reviewer import REVIEWER_EMAIL, REVIEWER_PASSWORD, demo_reviewer_reset


class Command(BaseCommand):
    help = (
        "Development only (needs DEBUG): create or reset the demo reviewer "
        f"{REVIEWER_EMAIL} with a fixed, printed password."
    )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "demo_reviewer creates a login with a publicly known password, so it only runs "
                "in development: set DJANGO_DEBUG=true."
            )
        try:
            demo_reviewer_reset()
        except Group.DoesNotExist as error:
            raise CommandError(
                "The Reviewers group is missing: run `manage.py migrate` first."
            ) from error
        site = settings.SITE_URL or "http://127.0.0.1:8000"
        self.stdout.write(
            "Demo reviewer ready (development only):\n"
            f"  log in at {site}{reverse('account_login')}\n"
            f"  email:    {REVIEWER_EMAIL}\n"
            f"  password: {REVIEWER_PASSWORD}"
        )
