"""An index on the day of JP entries, for the API's year filter."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("competencies", "0003_matrix_duplicate_message"),
        ("ledger", "0004_jp_total_covering_indexes"),
        ("people", "0005_employee_import_job"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="jpentry",
            index=models.Index(fields=["occurred_on"], name="jp_entry_day"),
        ),
    ]
