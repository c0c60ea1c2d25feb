"""The attendee-unit roll-up ``AttendeeUnit``, filled from the attendance in one
set-based statement: per activity and unit, the attendance rows of the employees
placed in that unit now (``activities.rollups``)."""

import django.db.models.deletion
from django.db import migrations, models

FILL = (
    "INSERT INTO activities_attendeeunit (activity_id, unit_id, attendees) "
    "SELECT a.activity_id, e.unit_id, COUNT(*) "
    "FROM activities_attendance a "
    "JOIN people_employee e ON e.id = a.employee_id "
    "GROUP BY a.activity_id, e.unit_id"
)


def fill(apps, schema_editor):
    schema_editor.execute(FILL)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ANALYZE activities_attendeeunit")


def empty(apps, schema_editor):
    schema_editor.execute("DELETE FROM activities_attendeeunit")


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0003_merge_client_key_and_recent_index"),
        ("people", "0005_employee_import_job"),
    ]

    operations = [
        migrations.CreateModel(
            name="AttendeeUnit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("attendees", models.PositiveIntegerField(verbose_name="peserta")),
                (
                    "activity",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attendee_units",
                        to="activities.activity",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="people.unit",
                    ),
                ),
            ],
            options={
                "verbose_name": "unit peserta kegiatan",
                "verbose_name_plural": "unit peserta kegiatan",
                "indexes": [
                    models.Index(fields=["unit", "activity"], name="attendee_unit_unit")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("activity", "unit"), name="attendee_unit_unique"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, empty),
    ]
