from django.core.management.base import BaseCommand
from django.db import transaction

from competencies.bootstrap import reference_load
from competencies.models import FormDimension, Indicator, RequiredLevel, SetiaValue
from people.reference import position_types_load


class Command(BaseCommand):
    help = (
        "Load the reference competency standard (PKP2A II LAN dimensions, levels and "
        "indicators, the development forms and the Tables 4/5 matrix, the SETIA "
        "values, the reference position types and the 2018 standard). Idempotent, "
        "creates no person and no login: the production bootstrap."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            positions = position_types_load()
            reference = reference_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Standar acuan siap: {len(reference.dimensions)} dimensi, "
                f"{Indicator.objects.count()} indikator, {len(reference.forms)} bentuk "
                f"pengembangan, {FormDimension.objects.count()} sel matriks, "
                f"{SetiaValue.objects.count()} nilai SETIA, {len(positions)} jenis "
                f"jabatan acuan, standar berlaku {reference.standard.effective_from} "
                f"({RequiredLevel.objects.filter(standard=reference.standard).count()} "
                "level dipersyaratkan)."
            )
        )
