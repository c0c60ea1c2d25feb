import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from sosiokultural.registry import dashboard_cards

logger = logging.getLogger(__name__)


@login_required
def dashboard(request):
    return render(request, "dashboard.html", {"cards": dashboard_cards(request.user)})


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "down"
        logger.exception("health: database check failed")
        return False
    return True


def _broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from sosiokultural.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:  # noqa: BLE001
        logger.warning("health: broker check failed")
        return "down"
    return "ok"


@require_GET
@never_cache
def health(request):
    """Liveness, for load balancers: 200 while the database answers, 503 when it
    does not. The broker is reported but does not fail the check: while it is
    down the web tier keeps serving (notices wait in the outbox), so taking every
    web node out of the pool would turn a Redis outage into a full outage."""
    database = "ok" if _database_ok() else "down"
    broker = _broker_status()
    return JsonResponse(
        {
            "status": "ok" if database == "ok" else "down",
            "database": database,
            "broker": broker,
        },
        status=200 if database == "ok" else 503,
    )


@require_GET
@never_cache
def readiness(request):
    """Readiness, for monitoring: 200 only when the database and the broker both
    answer, 503 naming what is down (alert on it; do not route traffic by it)."""
    database = "ok" if _database_ok() else "down"
    broker = _broker_status()
    ready = database == "ok" and broker in {"ok", "eager"}
    return JsonResponse(
        {"status": "ok" if ready else "down", "database": database, "broker": broker},
        status=200 if ready else 503,
    )


@require_GET
def service_worker(request):
    """The service worker (static/js/sw.js) served from the site's root: a worker
    controls only pages under the address it is served from, and it must control
    "/" and "/kegiatan/briefing/" to open them offline. Read from the static
    sources, never cached by the browser (an update must reach the phones)."""
    path = finders.find("js/sw.js")
    if path is None:  # pragma: no cover - the file ships with the code
        raise Http404
    with open(path, encoding="utf-8") as source:
        body = source.read()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
