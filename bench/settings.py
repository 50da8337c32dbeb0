"""The benchmark server's settings: production's, plus two pages that exist only here.

gunicorn runs with DJANGO_SETTINGS_MODULE=bench.settings and the production environment
(bench/server.py), so everything but the URLconf is what a live site runs.
"""

from sociodir.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
