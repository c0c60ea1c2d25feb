"""Validity intervals on the released level rows and the ``LevelCount`` roll-up.

Every existing row gets its result's employee, every released row its interval
(in force from its test date until the next released test of the same employee
and dimension), and ``LevelCount`` is filled from ``LatestLevel``. On PostgreSQL
an exclusion constraint (btree_gist) makes overlapping intervals of one employee
× dimension impossible; SQLite keeps the portable one-open-interval constraint.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

INTERVALS_SQL = """
UPDATE {t} SET valid_from = x.valid_from, valid_to = x.valid_to
FROM (
  SELECT d.id, r.assessed_on AS valid_from,
         LEAD(r.assessed_on) OVER (
           PARTITION BY d.employee_id, d.dimension_id
           ORDER BY r.assessed_on, d.result_id
         ) AS valid_to
  FROM {t} d JOIN {r} r ON r.id = d.result_id
  WHERE r.status = 'released'
) x
WHERE {t}.id = x.id
"""
T = "assessments_dimensionresult"
R = "assessments_result"
EXCLUSION = "dimension_result_no_overlap"


def _immediate(schema_editor):
    # Check the new foreign key now: PostgreSQL refuses ALTER TABLE with pending
    # deferred trigger events in the same transaction.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def fill_employee(apps, schema_editor):
    _immediate(schema_editor)
    # T and R are the two constant table names above.
    schema_editor.execute(
        f"UPDATE {T} SET employee_id = r.employee_id "  # noqa: S608  # nosec B608
        f"FROM {R} r WHERE r.id = {T}.result_id"
    )


def fill_intervals(apps, schema_editor):
    schema_editor.execute(INTERVALS_SQL.format(t=T, r=R))


def fill_level_counts(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO assessments_levelcount "
        "(unit_id, position_type_id, dimension_id, level, employees) "
        "SELECT e.unit_id, e.position_type_id, l.dimension_id, l.level, COUNT(*) "
        "FROM assessments_latestlevel l "
        "JOIN people_employee e ON e.id = l.employee_id "
        "WHERE e.is_active "
        "GROUP BY e.unit_id, e.position_type_id, l.dimension_id, l.level"
    )


def exclusion_add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE {T} ADD CONSTRAINT {EXCLUSION} EXCLUDE USING gist "
        "(employee_id WITH =, dimension_id WITH =, "
        "daterange(valid_from, valid_to, '[)') WITH &&) "
        "WHERE (valid_from IS NOT NULL)"
    )


def exclusion_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {T} DROP CONSTRAINT IF EXISTS {EXCLUSION}")


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0002_item_analysis"),
        ("competencies", "0003_matrix_duplicate_message"),
        ("people", "0004_employee_contract"),
    ]

    operations = [
        migrations.CreateModel(
            name="LevelCount",
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
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(5),
                        ],
                        verbose_name="level",
                    ),
                ),
                ("employees", models.PositiveIntegerField(verbose_name="pegawai")),
            ],
            options={
                "verbose_name": "jumlah pegawai per level",
                "verbose_name_plural": "jumlah pegawai per level",
            },
        ),
        migrations.AddField(
            model_name="dimensionresult",
            name="employee",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="people.employee",
            ),
        ),
        migrations.RunPython(fill_employee, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="dimensionresult",
            name="employee",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="people.employee",
            ),
        ),
        migrations.AddField(
            model_name="dimensionresult",
            name="valid_from",
            field=models.DateField(blank=True, null=True, verbose_name="berlaku sejak"),
        ),
        migrations.AddField(
            model_name="dimensionresult",
            name="valid_to",
            field=models.DateField(
                blank=True, null=True, verbose_name="berlaku sampai"
            ),
        ),
        migrations.AddIndex(
            model_name="dimensionresult",
            index=models.Index(
                fields=["valid_from", "valid_to"], name="dimension_result_valid"
            ),
        ),
        migrations.AddIndex(
            model_name="dimensionresult",
            index=models.Index(
                fields=["employee", "dimension", "valid_from"],
                name="dimension_result_emp_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="dimensionresult",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_to__isnull", True),
                    models.Q(
                        ("valid_from__isnull", False),
                        ("valid_to__gte", models.F("valid_from")),
                    ),
                    _connector="OR",
                ),
                name="dimension_result_interval",
            ),
        ),
        migrations.AddConstraint(
            model_name="dimensionresult",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    ("valid_from__isnull", False), ("valid_to__isnull", True)
                ),
                fields=("employee", "dimension"),
                name="dimension_result_one_open",
            ),
        ),
        migrations.AddField(
            model_name="levelcount",
            name="dimension",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="competencies.dimension",
            ),
        ),
        migrations.AddField(
            model_name="levelcount",
            name="position_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="people.positiontype",
            ),
        ),
        migrations.AddField(
            model_name="levelcount",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="people.unit",
            ),
        ),
        migrations.AddConstraint(
            model_name="levelcount",
            constraint=models.UniqueConstraint(
                fields=("unit", "position_type", "dimension", "level"),
                name="level_count_uq",
            ),
        ),
        migrations.AddConstraint(
            model_name="levelcount",
            constraint=models.CheckConstraint(
                condition=models.Q(("employees__gt", 0)), name="level_count_pos"
            ),
        ),
        migrations.RunPython(fill_intervals, migrations.RunPython.noop),
        migrations.RunPython(exclusion_add, exclusion_drop),
        migrations.RunPython(fill_level_counts, migrations.RunPython.noop),
    ]
