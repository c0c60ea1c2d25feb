"""Covering indexes for the JP pages on PostgreSQL: the calendar-year totals of a
year and the contract-year totals still running on a day are read by index-only
scans (measured in docs/performance.md). SQLite has no INCLUDE; it keeps the plain
(basis, starts_on) index of the model."""

from django.db import migrations

INDEXES = [
    (
        "jp_total_year_cover",
        "(basis, starts_on, employee_id) INCLUDE (jp, minutes)",
    ),
    (
        "jp_total_ends_cover",
        "(basis, ends_on) INCLUDE (starts_on, employee_id, jp, minutes)",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON ledger_jptotal {columns}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, __ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("ledger", "0003_default_rules_and_totals")]

    operations = [migrations.RunPython(create, drop)]
