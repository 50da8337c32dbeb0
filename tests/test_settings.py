"""Settings are secure by default and refuse to start without a secret key in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

ROOT = Path(__file__).resolve().parent.parent


def run_django(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run_django({}, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_migration_checks_need_no_secret_key():
    result = run_django({}, "makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_starts_without_a_secret_key_in_development():
    result = run_django({"DJANGO_DEBUG": "true"}, "check")
    assert result.returncode == 0, result.stderr


def test_production_like_settings_pass_the_deploy_checks_without_warnings():
    result = run_django(
        {
            "DJANGO_SECRET_KEY": "production-like-" + "0123456789abcdef" * 4,
            "DJANGO_ALLOWED_HOSTS": "sociodir.example.org",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_misspelt_boolean_is_an_error_not_a_silent_default():
    result = run_django({"DJANGO_DEBUG": "ture"}, "check")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_production_defaults_are_secure(settings):
    # The test settings come from the same module; HTTPS is only switched off for the test
    # client, so check the parts that do not depend on it.
    assert settings.X_FRAME_OPTIONS == "DENY"
    assert settings.SECURE_REFERRER_POLICY == "strict-origin-when-cross-origin"
    script_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    style_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
    assert "'unsafe-inline'" not in script_src + style_src


def test_evidence_files_land_in_the_private_root_and_have_no_url(
    settings, profile_factory, certification_factory
):
    certification = certification_factory(profile_factory())
    certification.evidence_file.save("proof.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    stored = Path(certification.evidence_file.path)
    assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not stored.is_relative_to(ROOT)  # never in the project folder during tests
    with pytest.raises(ValueError, match="no URL"):
        _ = certification.evidence_file.url
