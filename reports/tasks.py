"""Background builds of the reports (Celery). Thin: fetch, claim, call."""

import logging

from celery import shared_task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from reports.models import Export
from reports.services import (
    export_claim,
    export_fail,
    export_finish,
    export_progress,
)

logger = logging.getLogger(__name__)


@shared_task(name="reports.export_aggregate")
def export_aggregate(*, export_id: int) -> None:
    """Build the aggregate workbook of one ``Export`` row. Safe to run twice:
    only the run that claims the pending row builds it."""
    from reports.aggregate_export import aggregate_export_build

    if not export_claim(export_id=export_id):
        return
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    language = export.params.get("language") or "id"
    try:
        with override(language):
            content = aggregate_export_build(
                export=export,
                progress=lambda p: export_progress(export_id=export_id, percent=p),
            )
            filename = f"rekap-kesenjangan-{timezone.localdate():%Y%m%d}.xlsx"
        export_finish(export=export, filename=filename, content=content)
    except Exception as exc:
        logger.exception("export %s failed", export_id)
        with override(language):
            message = str(getattr(exc, "message", "")) or _(
                "Ekspor gagal dibuat. Silakan coba lagi atau hubungi administrator."
            )
        export_fail(export_id=export_id, error=message)
