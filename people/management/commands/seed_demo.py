from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from people.demo import DEMO_PASSWORD
from sosiokultural.demo import DemoContext
from sosiokultural.registry import project_modules


class Command(BaseCommand):
    help = (
        "Load the demo data (Kembangan tree, Table 1 staff, standard, matrix and a "
        "year of history) with demo logins sharing a published password. "
        "Idempotent: running it again changes nothing. Refused when DEBUG is off "
        "unless --force: production loads the standard with load_standard."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="seed even when DEBUG is off (creates logins with a known password)",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEMO_SEED_ALLOWED and not force:
            raise CommandError(
                "seed_demo membuat login demo dengan kata sandi yang diketahui umum; "
                "ditolak saat DEBUG=false. Untuk produksi gunakan load_standard "
                "(atau --force bila memang basis data demo)."
            )
        context = DemoContext(full_demo=True)
        with transaction.atomic():
            # Each project app may contribute a ``demo.seed(out, context)``; they run
            # in PROJECT_APPS order so later apps can use what earlier ones made.
            for module in project_modules("demo"):
                module.seed(self.stdout, context)
        self.stdout.write(self.style.SUCCESS("Data demo siap."))
        self.stdout.write("")
        self.stdout.write(f"Login demo (kata sandi untuk semua: {DEMO_PASSWORD}):")
        for username, role, unit in context.logins:
            self.stdout.write(f"  {username:<22} {role:<16} {unit}")
