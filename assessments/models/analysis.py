from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ItemAnalysis(models.Model):
    """The latest item analysis of an instrument (``assessments.item_analysis``),
    stored because it reads every answer of every round: recomputed by a task
    after a release and on request, read by the instrument's analysis page."""

    instrument = models.OneToOneField(
        "assessments.Instrument", on_delete=models.CASCADE, related_name="analysis"
    )
    computed_at = models.DateTimeField(_("dihitung"))
    respondents = models.PositiveIntegerField(_("peserta yang menyerahkan"))

    class Meta:
        verbose_name = _("analisis butir")
        verbose_name_plural = _("analisis butir")

    def __str__(self) -> str:
        return str(self.instrument)


class ItemStatistic(models.Model):
    analysis = models.ForeignKey(
        ItemAnalysis, on_delete=models.CASCADE, related_name="items"
    )
    item = models.ForeignKey(
        "assessments.Item", on_delete=models.CASCADE, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("urutan"))
    respondents = models.PositiveIntegerField(_("menjawab"))
    mean = models.DecimalField(
        _("rata-rata skor"), max_digits=5, decimal_places=3, null=True
    )
    facility = models.DecimalField(
        _("tingkat kemudahan"), max_digits=4, decimal_places=3, null=True
    )
    discrimination = models.DecimalField(
        _("daya beda"), max_digits=4, decimal_places=3, null=True
    )
    everyone_best = models.BooleanField(default=False)
    nobody_best = models.BooleanField(default=False)
    negative = models.BooleanField(default=False)
    # [[label, count], …] in the order the options are shown (or 1–5 on a scale).
    choices = models.JSONField(default=list)

    class Meta:
        verbose_name = _("statistik butir")
        verbose_name_plural = _("statistik butir")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "item"], name="item_statistic_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.analysis_id}/{self.item_id}"


class ScaleStatistic(models.Model):
    """Reliability of one scale (a dimension or a personality aspect)."""

    analysis = models.ForeignKey(
        ItemAnalysis, on_delete=models.CASCADE, related_name="scales"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension", null=True, on_delete=models.CASCADE, related_name="+"
    )
    trait = models.CharField(max_length=20, blank=True)
    items = models.PositiveSmallIntegerField(_("butir"))
    respondents = models.PositiveIntegerField(_("peserta yang menjawab semua butir"))
    alpha = models.DecimalField(
        _("alfa Cronbach"), max_digits=5, decimal_places=3, null=True
    )

    class Meta:
        verbose_name = _("reliabilitas skala")
        verbose_name_plural = _("reliabilitas skala")
        constraints = [
            models.CheckConstraint(
                condition=Q(dimension__isnull=False) | ~Q(trait=""),
                name="scale_statistic_has_scale",
            )
        ]

    def __str__(self) -> str:
        return f"{self.analysis_id}/{self.dimension_id or self.trait}"
