"""Unit paths with 19-digit segments (any BigAutoField id), instead of 6 digits
that broke once ids reached seven digits."""

from django.db import migrations

WIDTH = 19


def widen(apps, schema_editor):
    Unit = apps.get_model("people", "Unit")
    paths: dict[int, str] = {}
    # Parents before children: the old paths sort depth first.
    for unit in Unit.objects.order_by("depth", "pk").only("pk", "parent_id"):
        parent = paths.get(unit.parent_id, "") if unit.parent_id else ""
        paths[unit.pk] = f"{parent}{unit.pk:0{WIDTH}d}/"
    # Temporary values first: the path is unique and old and new values could meet.
    for pk in paths:
        Unit.objects.filter(pk=pk).update(path=f"tmp-{pk}")
    for pk, path in paths.items():
        Unit.objects.filter(pk=pk).update(path=path, depth=len(path) // (WIDTH + 1) - 1)


def narrow(apps, schema_editor):
    Unit = apps.get_model("people", "Unit")
    paths: dict[int, str] = {}
    for unit in Unit.objects.order_by("depth", "pk").only("pk", "parent_id"):
        parent = paths.get(unit.parent_id, "") if unit.parent_id else ""
        paths[unit.pk] = f"{parent}{unit.pk:06d}/"
    for pk in paths:
        Unit.objects.filter(pk=pk).update(path=f"tmp-{pk}")
    for pk, path in paths.items():
        Unit.objects.filter(pk=pk).update(path=path)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]

    operations = [migrations.RunPython(widen, narrow)]
