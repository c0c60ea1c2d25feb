"""Background exports (Celery). Thin: claim, build through the writer, store."""

import logging
import os

from celery import shared_task
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import override

from exports.models import Export
from exports.registry import kind_get
from exports.services import (
    export_claim,
    export_enqueue,
    export_fail,
    export_finish,
    export_heartbeat,
    export_release,
    export_set_expected,
    exports_purge_expired,
    exports_sweep,
    temporary_path,
)
from exports.writer import csv_write, xlsx_write
from sosiokultural.broker import broker_down

logger = logging.getLogger(__name__)


class TakenOver(Exception):
    """The lease ran out and another worker took the job: stop building."""


def query_of(params: dict) -> QueryDict:
    query = QueryDict(mutable=True)
    for key, values in (params.get("query") or {}).items():
        query.setlist(key, [str(v) for v in values])
    return query


@shared_task(name="exports.build")
def build_export(*, export_id: int) -> bool:
    """Build one export. Safe to run twice: only the run that claims the pending
    row builds it. Returns True when this run finished it."""
    if not export_claim(export_id=export_id):
        return False
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    params = export.params
    language = params.get("language") or "id"
    path = temporary_path(f".{export.fmt}")
    try:
        with override(language):
            document = kind_get(export.kind).build(
                export.requested_by, query_of(params), **(params.get("kwargs") or {})
            )
            export_set_expected(
                export_id=export_id,
                rows=document.expected_rows(csv_only=export.fmt == "csv"),
            )

            def progress(rows: int) -> None:
                if not export_heartbeat(export_id=export_id, rows_done=rows):
                    raise TakenOver

            if export.fmt == "csv":
                with open(path, "w", encoding="utf-8", newline="") as handle:
                    rows = csv_write(document, handle, progress=progress)
            else:
                with open(path, "wb") as handle:
                    rows = xlsx_write(
                        document, handle, user=export.requested_by, progress=progress
                    )
            filename = document.filename(export.fmt)
        return export_finish(export=export, path=path, filename=filename, rows=rows)
    except TakenOver:
        logger.warning("export %s was taken over by another worker", export_id)
        return False
    except (ValidationError, Http404) as exc:
        with override(language):
            message = (
                " ".join(exc.messages)
                if isinstance(exc, ValidationError)
                else _("Data ekspor di luar cakupan Anda.")
            )
        export_fail(export_id=export_id, error=message)
        return False
    except DatabaseError as exc:  # transient: another attempt may succeed
        logger.exception("export %s: database error, released for a retry", export_id)
        export_release(export_id=export_id, error=str(exc))
        export_enqueue(export_id=export_id)
        return False
    except Exception:
        logger.exception("export %s failed", export_id)
        with override(language):
            message = _(
                "Ekspor gagal dibuat. Silakan coba lagi atau hubungi administrator."
            )
        export_fail(export_id=export_id, error=message)
        return False
    finally:
        if os.path.exists(path):
            os.remove(path)


@shared_task(name="exports.sweep")
def sweep_exports() -> int:
    """Publish the jobs that were never published (broker down) or whose worker
    died; stops at the first refused publish. Returns how many were published."""
    published = 0
    for export_id in exports_sweep():
        if export_enqueue(export_id=export_id, force=True):
            published += 1
        elif broker_down():
            break
    return published


@shared_task(name="exports.purge_expired")
def purge_expired_exports() -> int:
    """Delete the files of expired exports."""
    return exports_purge_expired()
