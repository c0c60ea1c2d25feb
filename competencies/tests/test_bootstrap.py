"""The production bootstrap: the reference standard without any demo person."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from competencies.models import (
    Dimension,
    FormDimension,
    Indicator,
    RequiredLevel,
    SetiaValue,
    Standard,
)
from people.models import Employee, PositionType, Unit, User

BASE_DIR = Path(__file__).resolve().parents[2]


def _counts():
    return (
        Dimension.objects.count(),
        Indicator.objects.count(),
        FormDimension.objects.count(),
        SetiaValue.objects.count(),
        PositionType.objects.count(),
        Standard.objects.count(),
        RequiredLevel.objects.count(),
    )


def test_load_standard_loads_the_reference_and_no_person(db):
    out = io.StringIO()
    call_command("load_standard", stdout=out)
    assert _counts() == (6, 90, 46, 5, 8, 1, 48)
    assert (User.objects.count(), Employee.objects.count(), Unit.objects.count()) == (
        0,
        0,
        0,
    )
    assert "6 dimensi, 90 indikator" in out.getvalue()
    call_command("load_standard", stdout=io.StringIO())
    assert _counts() == (6, 90, 46, 5, 8, 1, 48)


def test_seed_demo_builds_on_the_standard_it_loaded_first(db):
    call_command("load_standard", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    assert Standard.objects.count() == 2  # the reference one and the demo's 2025
    assert Dimension.objects.count() == 6
    assert User.objects.filter(username="bpsdm").exists()


def test_seed_demo_is_refused_without_debug_unless_forced(db, settings):
    settings.DEMO_SEED_ALLOWED = False  # as with DEBUG=false
    with pytest.raises(CommandError, match="load_standard"):
        call_command("seed_demo", stdout=io.StringIO())
    assert User.objects.count() == 0


@pytest.mark.slow
def test_a_production_database_gets_the_standard_and_no_demo_login(tmp_path):
    """A fresh database with production settings: migrate, load_standard; the
    standard is there and nobody can sign in."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.id",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }

    def manage(*args):
        return subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    assert manage("migrate", "--noinput", "-v0").returncode == 0
    loaded = manage("load_standard")
    assert loaded.returncode == 0, loaded.stderr
    refused = manage("seed_demo")
    assert refused.returncode != 0
    shell = manage(
        "shell",
        "--no-imports",
        "-c",
        "from people.models import User; from competencies.models import Standard;"
        "print(User.objects.count(), Standard.objects.count())",
    )
    assert shell.stdout.split() == ["0", "1"], shell.stderr
