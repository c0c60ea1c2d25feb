"""Individual development plans (the AKPK of one employee for one year).

Whether a plan item is done is never stored: it is read from the activities and
programs it depends on (``plans.selectors.plan_items``), so verifying,
un-verifying or completing anything elsewhere can never leave it stale.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DevelopmentPlan(models.Model):
    """The development plan of one employee for one calendar year."""

    employee = models.ForeignKey(
        "people.Employee",
        verbose_name=_("pegawai"),
        on_delete=models.CASCADE,
        related_name="development_plans",
    )
    year = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("rencana pengembangan individu")
        verbose_name_plural = _("rencana pengembangan individu")
        ordering = ["-year", "employee__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "year"], name="development_plan_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000, year__lte=2100),
                name="development_plan_year_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.employee} · {self.year}"


class PlanItem(models.Model):
    """One planned development: a dimension to develop through a form by a date.

    ``created_on`` is the local date the item was planned: only development held
    on or after it (and within the plan's year) completes the item.
    """

    plan = models.ForeignKey(
        DevelopmentPlan, on_delete=models.CASCADE, related_name="items"
    )
    dimension = models.ForeignKey(
        "competencies.Dimension",
        verbose_name=_("dimensi"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    form = models.ForeignKey(
        "competencies.DevelopmentForm",
        verbose_name=_("bentuk pengembangan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    target_date = models.DateField(_("target selesai"))
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_on = models.DateField(_("direncanakan pada"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("direncanakan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("butir rencana")
        verbose_name_plural = _("butir rencana")
        ordering = ["target_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "dimension", "form"], name="plan_item_unique_form"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension} · {self.form}"
