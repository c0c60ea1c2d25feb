"""The development plans, formerly of ``reports``: its 0003 renamed their tables
to this app's names, so this migration only records the models in the state (and
moves their content types and permissions along, so nothing that names them by
content type is left pointing at a model that no longer exists)."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODELS = ("developmentplan", "planitem")


def content_types_follow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label="plans", model=model):
            continue
        ContentType.objects.using(db).filter(app_label="reports", model=model).update(
            app_label="plans"
        )


def content_types_return(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MODELS:
        if ContentType.objects.using(db).filter(app_label="reports", model=model):
            continue
        ContentType.objects.using(db).filter(app_label="plans", model=model).update(
            app_label="reports"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("competencies", "0002_setia_and_english_texts"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("people", "0001_initial"),
        ("reports", "0003_plans_moved_to_plans"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DevelopmentPlan",
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
                            "year",
                            models.PositiveSmallIntegerField(
                                validators=[
                                    django.core.validators.MinValueValidator(2000),
                                    django.core.validators.MaxValueValidator(2100),
                                ],
                                verbose_name="tahun",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="dibuat"
                            ),
                        ),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="dibuat oleh",
                            ),
                        ),
                        (
                            "employee",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="development_plans",
                                to="people.employee",
                                verbose_name="pegawai",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "rencana pengembangan individu",
                        "verbose_name_plural": "rencana pengembangan individu",
                        "ordering": ["-year", "employee__name"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("employee", "year"),
                                name="development_plan_unique_year",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("year__gte", 2000), ("year__lte", 2100)
                                ),
                                name="development_plan_year_range",
                            ),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PlanItem",
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
                            "target_date",
                            models.DateField(verbose_name="target selesai"),
                        ),
                        (
                            "note",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="catatan"
                            ),
                        ),
                        (
                            "created_on",
                            models.DateField(verbose_name="direncanakan pada"),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "created_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="direncanakan oleh",
                            ),
                        ),
                        (
                            "dimension",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="competencies.dimension",
                                verbose_name="dimensi",
                            ),
                        ),
                        (
                            "form",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="competencies.developmentform",
                                verbose_name="bentuk pengembangan",
                            ),
                        ),
                        (
                            "plan",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="items",
                                to="plans.developmentplan",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "butir rencana",
                        "verbose_name_plural": "butir rencana",
                        "ordering": ["target_date", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("plan", "dimension", "form"),
                                name="plan_item_unique_form",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_follow, content_types_return),
    ]
