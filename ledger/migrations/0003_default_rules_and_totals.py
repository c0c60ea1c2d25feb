"""The first JP rules, and the roll-up of the entries already in the ledger.

The rules reach back to 2000 (before a status's first rule, that rule applies):
PNS and CPNS at least 20 JP per calendar year (PP 11/2017 Art. 203(4), kept by
PP 17/2020), PPPK at most 24 JP per contract year (PP 49/2018 Art. 40(1)),
non-ASN none; 45 minutes per JP. An installation that had set the old
``JP_MINUTES`` / ``JP_ANNUAL_MINIMUM`` environment variables gets those values in
its first rules, and its existing entries keep the JP length they were read
with.
"""

from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db import migrations

from sosiokultural.env import env_int


def seed(apps, schema_editor):
    JPRule = apps.get_model("ledger", "JPRule")
    JPEntry = apps.get_model("ledger", "JPEntry")
    JPTotal = apps.get_model("ledger", "JPTotal")
    minutes = env_int("JP_MINUTES", 45)
    minimum = Decimal(env_int("JP_ANNUAL_MINIMUM", 20))
    start = date(2000, 1, 1)
    pns = "PP 11/2017 Pasal 203 ayat (4) jo. PP 17/2020"
    for status, kind, jp, basis, basis_text in [
        ("PNS", "minimum", minimum, "calendar", pns),
        ("CPNS", "minimum", minimum, "calendar", pns),
        ("PPPK", "cap", Decimal(24), "contract", "PP 49/2018 Pasal 40 ayat (1)"),
        ("NON_ASN", "none", None, "calendar", ""),
    ]:
        JPRule.objects.get_or_create(
            employment_status=status,
            effective_from=start,
            defaults={
                "kind": kind,
                "jp": jp,
                "basis": basis,
                "minutes_per_jp": minutes,
                "legal_basis": basis_text,
            },
        )
    JPEntry.objects.update(minutes_per_jp=minutes)
    # No employee has contract dates yet: calendar-year totals only.
    sums = defaultdict(Decimal)
    for employee_id, day, value in JPEntry.objects.values_list(
        "employee_id", "occurred_on", "minutes"
    ).iterator(chunk_size=10000):
        sums[(employee_id, day.year)] += Decimal(value)
    cent = Decimal("0.01")
    JPTotal.objects.bulk_create(
        (
            JPTotal(
                employee_id=employee_id,
                basis="calendar",
                starts_on=date(year, 1, 1),
                ends_on=date(year, 12, 31),
                minutes=total.quantize(cent),
                jp=(total / minutes).quantize(cent, rounding=ROUND_HALF_UP),
            )
            for (employee_id, year), total in sums.items()
        ),
        batch_size=5000,
    )


def unseed(apps, schema_editor):
    apps.get_model("ledger", "JPTotal").objects.all().delete()
    apps.get_model("ledger", "JPRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ledger", "0002_jp_rules_and_totals")]

    operations = [migrations.RunPython(seed, unseed)]
