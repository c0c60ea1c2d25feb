from django.db import models
from django.utils.translation import gettext_lazy as _


class JPEntry(models.Model):
    """One credit of development time to one employee: the single JP ledger.

    Internal activities (verified, per present attendee) and completed external
    programs both write here through ``ledger.services``; ``source_key`` names the
    origin ("activity:12", "program-completion:7") so re-crediting is an upsert.
    Minutes are stored, not JP: JP are derived once from the summed minutes (see
    ``ledger.jp``), so rounding never accumulates.
    """

    class Source(models.TextChoices):
        INTERNAL = "internal", _("Pengembangan internal")
        EXTERNAL = "external", _("Program eksternal BPSDM")

    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="jp_entries"
    )
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices)
    source_key = models.CharField(max_length=80)
    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    occurred_on = models.DateField(_("tanggal"))
    minutes = models.DecimalField(_("menit"), max_digits=9, decimal_places=2)
    description = models.CharField(_("keterangan"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entri JP")
        verbose_name_plural = _("buku JP")
        ordering = ["-occurred_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "source_key"], name="jp_entry_unique_source"
            ),
            models.CheckConstraint(
                condition=models.Q(minutes__gt=0), name="jp_entry_positive"
            ),
        ]
        indexes = [models.Index(fields=["employee", "occurred_on"])]

    def __str__(self) -> str:
        return self.description
