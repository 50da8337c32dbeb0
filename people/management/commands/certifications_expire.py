from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from people.services.expiry import certifications_expire


class Command(BaseCommand):
    help = (
        "Run daily: email members 60 and 14 days before a verified certification expires, and "
        "record expiries. Each reminder is sent once, however often or concurrently this runs."
    )

    def handle(self, *args, **options) -> None:
        if not settings.SITE_URL:
            raise CommandError(
                "SITE_URL is not set: the reminder emails need the site's address for their "
                "links (e.g. SITE_URL=https://sociodir.example.org)."
            )
        run = certifications_expire()
        for line in run.summary():
            self.stdout.write(line)
        if run.failed:
            raise CommandError(f"{run.failed} email(s) could not be sent; see the log above.")
