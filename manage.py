#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that only read the code and the migration files: they never sign, hash or serve
# anything, so they run without a configured secret key (e.g. `makemigrations --check` in a
# bare shell). Everything else, and every server, still needs DJANGO_SECRET_KEY.
CODE_ONLY_COMMANDS = {"makemigrations", "showmigrations", "sqlmigrate"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sociodir.settings")
    if len(sys.argv) > 1 and sys.argv[1] in CODE_ONLY_COMMANDS:
        os.environ.setdefault("DJANGO_SECRET_KEY", "unused-by-code-only-management-commands")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
