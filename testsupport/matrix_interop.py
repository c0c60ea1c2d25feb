"""Permission-matrix rows of the interoperability URLs (REST API, SIASN exchange,
certificates, calendars), merged into the one table of
``testsupport.urltable``. The objects they request belong to staff A or
kelurahan A (``matrix_world``); the few the world does not hold yet are made
here through the apps' services."""

from collections.abc import Callable

from testsupport.matrix_world import World


def _none(w: World) -> dict:
    return {}


def _pk(attribute: str) -> Callable[[World], dict]:
    return lambda w: {"pk": getattr(w, attribute).pk}


def _jp_entry(w: World) -> dict:
    from ledger.models import JPEntry

    return {"pk": JPEntry.objects.filter(employee=w.employee).order_by("pk")[0].pk}


def _token(w: World) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from api.services import token_create

    token, __ = token_create(
        user=w.employee.user,
        name="matrix",
        scope="read",
        expires_on=timezone.localdate() + timedelta(days=30),
    )
    return {"pk": token.pk}


def _run(w: World) -> dict:
    from siasn.models import SyncRun

    return {"pk": SyncRun.objects.create(kind="push", unit=w.unit).pk}


def _certificate(w: World):
    from certificates.services import certificate_issue
    from ledger.models import JPEntry

    entry = JPEntry.objects.get(employee=w.employee, source_key=w.nomination.source_key)
    return certificate_issue(entry=entry)


def _coaching_session(w: World) -> dict:
    from activities.models import Activity

    session = Activity.objects.get(coaching_session__coaching=w.coaching)
    return {"pk": session.pk, "employee_pk": w.employee.pk}


def _feed(w: World):
    from calendars.services import feed_create

    return feed_create(user=w.employee.user, kind="personal")


def interop_rows(expect: Callable[[str], dict[str, int]]) -> dict:
    # Read each expectation as: anonymous, staff A, staff B, head A, head B,
    # head of the kecamatan, BPSDM, administrator, inspectorate. The API answers
    # 401 (not a redirect) without credentials; the browser session is accepted.
    api_everyone = expect("401 200 200 200 200 200 200 200 200")
    api_scoped = expect("401 200 404 200 404 200 200 200 200")
    open_to_all = expect("200 200 200 200 200 200 200 200 200")
    everyone = expect("302 200 200 200 200 200 200 200 200")
    post_only = expect("302 405 405 405 405 405 405 405 405")
    heads_scoped = expect("302 403 403 200 404 200 200 200 200")
    scoped = expect("302 200 404 200 404 200 200 200 200")
    # Issued (or found) and sent on to the certificate's page.
    to_certificate = expect("302 302 404 302 404 302 302 302 302")
    return {
        # -- REST API --------------------------------------------------------------
        "api:schema": (_none, open_to_all),
        "api:docs": (_none, open_to_all),
        "api:unit-list": (_none, api_everyone),
        "api:unit-detail": (lambda w: {"pk": w.unit.pk}, api_scoped),
        "api:employee-list": (_none, api_everyone),
        "api:employee-detail": (lambda w: {"pk": w.employee.pk}, api_scoped),
        "api:dimension-list": (_none, api_everyone),
        "api:dimension-detail": (lambda w: {"code": w.dimension_code}, api_everyone),
        "api:level-list": (_none, api_everyone),
        "api:level-detail": (lambda w: {"level": w.level}, api_everyone),
        "api:standard-list": (_none, api_everyone),
        "api:standard-detail": (_pk("standard"), api_everyone),
        "api:activity-list": (_none, api_everyone),
        # Recording is a POST; a GET is refused after the credentials check.
        "api:activity-briefing": (_none, expect("401 405 405 405 405 405 405 405 405")),
        "api:activity-detail": (_pk("activity"), api_scoped),
        "api:jp-entry-list": (_none, api_everyone),
        "api:jp-entry-detail": (_jp_entry, api_scoped),
        "api:jp-standing-list": (_none, api_everyone),
        "api:latest-level-list": (_none, api_everyone),
        "api:result-list": (_none, api_everyone),
        "api:result-detail": (_pk("result_scored"), api_scoped),
        "api:program-list": (_none, api_everyone),
        "api:program-detail": (_pk("program"), api_everyone),
        "api:nomination-list": (_none, api_everyone),
        "api:nomination-detail": (_pk("nomination"), api_scoped),
        "api:aggregate": (_none, expect("401 403 403 200 200 200 200 200 200")),
        # -- one's own API tokens (profile) ------------------------------------------
        "api:tokens": (_none, everyone),
        "api:revoke": (_token, post_only),
        # -- SIASN exchange (BPSDM pushes; heads see their subtree) -----------------
        # Heads are sent on from the index to their own unit.
        "siasn:index": (_none, expect("302 403 403 302 302 302 200 200 200")),
        "siasn:province_push": (_none, post_only),
        "siasn:unit": (lambda w: {"pk": w.unit.pk}, heads_scoped),
        "siasn:unit_push": (lambda w: {"pk": w.unit.pk}, post_only),
        "siasn:unit_reconcile": (lambda w: {"pk": w.unit.pk}, post_only),
        "siasn:unit_export": (lambda w: {"pk": w.unit.pk}, heads_scoped),
        "siasn:run": (_run, heads_scoped),
        # -- certificates: issued from a completion in scope, verified by anyone ----
        "certificates:from_nomination": (_pk("nomination"), to_certificate),
        "certificates:from_activity": (_coaching_session, to_certificate),
        "certificates:detail": (lambda w: {"pk": _certificate(w).pk}, scoped),
        "certificates:pdf": (lambda w: {"pk": _certificate(w).pk}, scoped),
        "certificates:badge": (lambda w: {"pk": _certificate(w).pk}, scoped),
        "certificates:revoke": (lambda w: {"pk": _certificate(w).pk}, post_only),
        "certificates:issuer": (_none, open_to_all),
        "certificates:issuer_key": (_none, open_to_all),
        "certificates:verify_credential": (_none, expect("405 " * 8 + "405")),
        "certificates:verify_page": (
            lambda w: {"public_id": _certificate(w).public_id},
            open_to_all,
        ),
        # -- calendars: one's own feeds; a feed is read by its secret URL -----------
        "calendars:feeds": (_none, everyone),
        "calendars:revoke": (lambda w: {"pk": _feed(w)[0].pk}, post_only),
        "calendars:feed": (lambda w: {"secret": _feed(w)[1]}, open_to_all),
    }


# POSTs of these URLs the inspectorate may make, with the answer (none changes a
# record of anyone else): their own tokens and feeds are theirs alone, so
# another's is not there; checking a credential only reads (and logs), and an
# empty form is not a credential.
INTEROP_INSPECTOR_POSTS = {
    "api:revoke": 404,
    "calendars:revoke": 404,
    "calendars:feeds": 403,  # the inspectorate has no personal or unit calendar
    "certificates:verify_credential": 400,
}
