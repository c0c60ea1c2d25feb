import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sosiokultural.env import env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parents[2]
CLEAN_ENV = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", str(BASE_DIR))}


def _python(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**CLEAN_ENV, "DJANGO_SETTINGS_MODULE": "sosiokultural.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_embedded_default_with_no_environment():
    result = _python(
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.EMAIL_BACKEND, s.LANGUAGE_CODE)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.db.backends.sqlite3",
        "True",
        "django.core.mail.backends.console.EmailBackend",
        "id",
    ]


def test_production_without_secret_key_fails_loudly():
    result = _python("from django.conf import settings as s; s.DEBUG", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in result.stderr


def test_database_and_broker_from_environment():
    result = _python(
        "from django.conf import settings as s; d = s.DATABASES['default']; "
        "print(d['ENGINE'], d['NAME'], d['HOST'], s.CELERY_TASK_ALWAYS_EAGER, "
        "s.CELERY_BROKER_URL)",
        DATABASE_URL="postgres://u:p@db.internal:5432/sk",
        REDIS_URL="redis://cache.internal:6379/0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "sk",
        "db.internal",
        "False",
        "redis://cache.internal:6379/0",
    ]


def test_check_deploy_clean_with_production_values():
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={
            **CLEAN_ENV,
            "DEBUG": "false",
            "SECRET_KEY": "k" * 30 + "-production-secret-value-0123456789",
            "ALLOWED_HOSTS": "sosiokultural.example.go.id",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("yes", True), ("off", False), ("", False)]
)
def test_env_bool(monkeypatch, value, expected):
    monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG") is expected


def test_env_bool_rejects_garbage(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG='maybe' is not a boolean"):
        env_bool("FLAG")


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("N", "12")
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_int("N", 1) == 12
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.setenv("N", "dua")
    with pytest.raises(ImproperlyConfigured, match="N='dua' is not an integer"):
        env_int("N", 1)


def test_collectstatic_in_production_mode(tmp_path):
    """The manifest storage refuses a vendored file whose source map is missing."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=BASE_DIR,
        env={
            **CLEAN_ENV,
            "DEBUG": "false",
            "SECRET_KEY": "k" * 50,
            "ALLOWED_HOSTS": "sosiokultural.example.go.id",
            "STATIC_ROOT": str(tmp_path / "static"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "static" / "staticfiles.json").exists()


_DB_SETTINGS = (
    "from django.conf import settings as s; d = s.DATABASES['default']; "
    "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], "
    "d.get('OPTIONS', {}).get('options', '-'))"
)


def test_database_connection_defaults():
    result = _python(_DB_SETTINGS, DATABASE_URL="postgres://u:p@db.internal:5432/sk")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "60 True -c jit=off"


def test_jit_can_be_switched_back_on():
    result = _python(
        _DB_SETTINGS, DATABASE_URL="postgres://u:p@db.internal:5432/sk", DB_JIT="true"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "True", "-"]


def test_statement_timeout_and_connection_reuse_from_environment():
    result = _python(
        _DB_SETTINGS,
        DATABASE_URL="postgres://u:p@db.internal:5432/sk",
        DB_STATEMENT_TIMEOUT_MS="15000",
        DB_CONN_MAX_AGE="0",
        DB_CONN_HEALTH_CHECKS="false",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0 False -c jit=off -c statement_timeout=15000"


def test_statement_timeout_is_not_sent_to_sqlite():
    result = _python(
        "from django.conf import settings as s; "
        "print(s.DATABASES['default'].get('OPTIONS', {}))",
        DATABASE_URL="sqlite:////tmp/sk-settings-test.sqlite3",
        DB_STATEMENT_TIMEOUT_MS="15000",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{}"


@pytest.mark.parametrize("value", ["-1", "15s"])
def test_bad_statement_timeout_fails_loudly(value):
    result = _python(
        "from django.conf import settings as s; s.DATABASES",
        DATABASE_URL="postgres://u:p@db.internal:5432/sk",
        DB_STATEMENT_TIMEOUT_MS=value,
    )
    assert result.returncode != 0
    assert "DB_STATEMENT_TIMEOUT_MS" in result.stderr
