from django.db import models
from django.utils.translation import gettext_lazy as _

from sosiokultural.jobs import Job


class ReleaseJob(Job):
    """The release of every scored result of a test window that its requester may
    release, run in the background (``sosiokultural.jobs``): one transaction for
    the whole round, the job marked done in that same transaction; a re-run skips
    what is already released."""

    window = models.ForeignKey(
        "assessments.TestWindow",
        verbose_name=_("jadwal uji"),
        on_delete=models.CASCADE,
        related_name="release_jobs",
    )
    released_count = models.PositiveIntegerField(_("hasil dirilis"), default=0)

    class Meta(Job.Meta):
        verbose_name = _("rilis hasil")
        verbose_name_plural = _("rilis hasil")

    def __str__(self) -> str:
        return f"{self.window} #{self.pk}"
