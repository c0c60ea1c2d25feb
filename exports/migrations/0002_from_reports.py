"""Background exports moved out of ``reports``: copy the rows (the files stay
where they are; the stored names still point at them)."""

from datetime import timedelta

from django.db import migrations

KINDS = {"aggregate": "reports.aggregate"}


def copy_rows(apps, schema_editor):
    Old = apps.get_model("reports", "Export")
    New = apps.get_model("exports", "Export")
    for old in Old.objects.order_by("pk").iterator(chunk_size=500):
        finished = old.finished_at
        status = old.status
        if status == "running":  # its worker is long gone: build it again
            status = "pending"
        New.objects.create(
            id=old.pk,
            kind=KINDS.get(old.kind, old.kind),
            fmt="xlsx",
            requested_by_id=old.requested_by_id,
            params={
                "query": {
                    key: [str(value)]
                    for key, value in old.params.items()
                    if key != "language" and value not in (None, "")
                },
                "kwargs": {},
                "language": old.params.get("language") or "id",
            },
            status=status,
            progress=100 if status == "done" else 0,
            file=old.file.name if old.file else "",
            error=old.error,
            finished_at=finished,
            expires_at=finished + timedelta(hours=24) if finished else None,
        )
        # auto_now_add stamped the copy; keep when it was really requested.
        New.objects.filter(pk=old.pk).update(created_at=old.created_at)
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence('exports_export', 'id'), "
                "COALESCE((SELECT MAX(id) FROM exports_export), 0) + 1, false)"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("exports", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [migrations.RunPython(copy_rows, migrations.RunPython.noop)]
