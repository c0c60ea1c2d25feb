"""Seat limits from the domain (1–10,000, or an explicit "no seat limit") and STTPP
numbers unique per issuer.

Existing rows: a capacity above 10,000 was the old way to say "no limit" and
becomes one; every numbered certificate gets its program's issuer, except the
second and later holders of a number already used (kept as they are, with no
issuer, so the history is not rewritten; new completions are checked).
"""

from django.conf import settings
from django.db import migrations, models

LIMIT = 10_000


def forwards(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Nomination = apps.get_model("programs", "Nomination")
    Program.objects.filter(capacity__gt=LIMIT).update(
        capacity=None, unlimited_seats=True
    )
    seen = set()
    numbered = (
        Nomination.objects.exclude(certificate_number="")
        .select_related("program")
        .order_by("completed_at", "pk")
    )
    for nomination in numbered.iterator():
        key = (nomination.program.certificate_issuer, nomination.certificate_number)
        if key in seen:
            continue
        seen.add(key)
        Nomination.objects.filter(pk=nomination.pk).update(certificate_issuer=key[0])


def backwards(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    Program.objects.filter(unlimited_seats=True).update(capacity=LIMIT)


class Migration(migrations.Migration):

    dependencies = [
        ('competencies', '0003_matrix_duplicate_message'),
        ('people', '0003_inspectorate_role'),
        ('programs', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='program',
            name='program_capacity_positive',
        ),
        migrations.AddField(
            model_name='nomination',
            name='certificate_issuer',
            field=models.CharField(blank=True, max_length=200, verbose_name='penerbit STTPP'),
        ),
        migrations.AddField(
            model_name='program',
            name='certificate_issuer',
            field=models.CharField(default='BPSDM Provinsi DKI Jakarta', max_length=200, verbose_name='penerbit STTPP'),
        ),
        migrations.AddField(
            model_name='program',
            name='unlimited_seats',
            field=models.BooleanField(default=False, help_text='Misalnya e-learning yang terbuka bagi semua pegawai.', verbose_name='tanpa batas kursi'),
        ),
        migrations.AlterField(
            model_name='program',
            name='capacity',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='kapasitas (kursi)'),
        ),
        migrations.RunPython(forwards, backwards),
        migrations.AddConstraint(
            model_name='nomination',
            constraint=models.UniqueConstraint(condition=models.Q(models.Q(('certificate_number', ''), _negated=True), models.Q(('certificate_issuer', ''), _negated=True)), fields=('certificate_issuer', 'certificate_number'), name='nomination_certificate_unique_per_issuer'),
        ),
        migrations.AddConstraint(
            model_name='program',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('capacity__isnull', True), ('unlimited_seats', True)), models.Q(('capacity__gte', 1), ('capacity__lte', 10000), ('unlimited_seats', False)), _connector='OR'), name='program_capacity_bounded'),
        ),
    ]
