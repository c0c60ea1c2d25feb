from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from people.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Load the demo data (Kembangan tree, Table 1 staff, standard, matrix and a "
        "year of history). Idempotent: running it again changes nothing."
    )

    def handle(self, *args, **options):
        # "full_demo": apps add what only the whole demo needs (history, a second
        # standard version); tests that seed one app's data alone leave it out.
        context: dict = {"full_demo": True}
        with transaction.atomic():
            # Each project app may contribute a ``demo.seed(out, context)``; they run
            # in INSTALLED_APPS order so later apps can use what earlier ones made.
            for config in apps.get_app_configs():
                if not config.path.startswith(str(settings.BASE_DIR)):
                    continue
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                if config.name == "people":
                    context.update(module.seed(self.stdout))
                else:
                    module.seed(self.stdout, context)
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
        self.stdout.write("")
        self.stdout.write(f"Login demo (kata sandi untuk semua: {DEMO_PASSWORD}):")
        for username, role, unit in context.get("logins", []):
            self.stdout.write(f"  {username:<22} {role:<16} {unit}")
