"""The result list's order (newest test first), unfiltered and by status, as indexes."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0006_level_profile_counts"),
        ("people", "0005_employee_import_job"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="result",
            index=models.Index(fields=["-assessed_on", "-id"], name="result_recent"),
        ),
        migrations.AddIndex(
            model_name="result",
            index=models.Index(
                fields=["status", "-assessed_on", "-id"], name="result_status_recent"
            ),
        ),
    ]
