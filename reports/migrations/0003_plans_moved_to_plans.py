"""Development plans moved to the ``plans`` app. Their rows stay where they are:
the tables are renamed to the new app's names and the models leave this app's
state only (``plans`` 0001 takes them into its own state, without touching the
database)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_export_moved_to_exports"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("developmentplan", "plans_developmentplan"),
                migrations.AlterModelTable("planitem", "plans_planitem"),
            ],
            state_operations=[
                migrations.DeleteModel("PlanItem"),
                migrations.DeleteModel("DevelopmentPlan"),
            ],
        ),
    ]
