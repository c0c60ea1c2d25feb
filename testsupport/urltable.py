"""The permission matrix's table: every URL pattern of the project, with the
status each role gets from a GET (``TABLE``, in the column order of ``ROLES``),
and ``url_patterns`` to walk the URLconf.

The objects requested (``testsupport.matrix_world``) belong to kelurahan A; the
roles of kelurahan B are the outsiders. The tests that check the table are in
``sosiokultural/tests/test_permission_matrix.py``; ``bench_pages`` times the same
URLs on the synthetic province.
"""

from django.urls import URLPattern, URLResolver, get_resolver

from testsupport.matrix_interop import interop_rows
from testsupport.matrix_world import World

# Column order of every expectation string below.
ROLES = (
    "anonymous",
    "staff",  # staff A: the objects are theirs
    "staff_other",  # staff B, another kelurahan
    "head",  # head of kelurahan A
    "head_other",  # head of kelurahan B
    "head_parent",  # head of the kecamatan above both kelurahan
    "bpsdm",
    "admin",
    "inspector",  # the inspectorate: reads everything, changes nothing
)
SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "media/")


def expect(codes: str) -> dict[str, int]:
    """``"302 200 404 …"`` → {role: status} in the order of ``ROLES``."""
    return dict(zip(ROLES, (int(code) for code in codes.split()), strict=True))


# Shapes that recur (read each as: anonymous, staff, staff B, head, head B,
# head of the kecamatan, BPSDM, administrator, inspectorate). The inspectorate
# reads every page BPSDM reads and gets 403 from every page that writes.
EVERYONE = expect("302 200 200 200 200 200 200 200 200")
SCOPED = expect("302 200 404 200 404 200 200 200 200")  # staff A's own record
POST_ONLY = expect("302 405 405 405 405 405 405 405 405")
EDITORS = expect("302 403 403 403 403 403 200 200 403")  # BPSDM and administrators
EDITORS_POST = expect("302 403 403 403 403 403 405 405 403")
PROVINCE_READS = expect("302 403 403 403 403 403 200 200 200")  # BPSDM's read pages
HEADS_AND_UP = expect("302 403 403 200 200 200 200 200 200")
HEADS_AND_UP_WRITE = expect("302 403 403 200 200 200 200 200 403")
HEADS_AND_UP_POST = expect("302 403 403 405 405 405 405 405 403")
HEADS_SCOPED = expect("302 403 403 200 404 200 200 200 200")  # kelurahan A's pages
RECORDERS = expect("302 200 200 200 200 200 403 403 403")  # people with a unit
# Heads decide, and BPSDM when no other head is left (nobody about themselves).
DECIDERS_POST = expect("302 403 403 405 405 405 405 405 403")


def _none(w: World) -> dict:
    return {}


def _employee(w: World) -> dict:
    return {"pk": w.employee.pk}


def _unit(w: World) -> dict:
    return {"pk": w.unit.pk}


def _pk(attribute: str, **extra):
    def build(w: World) -> dict:
        return {"pk": getattr(w, attribute).pk, **extra}

    return build


def _survey(**extra):
    def build(w: World) -> dict:
        return {"unit_pk": w.unit.pk, "period": w.survey_period, **extra}

    return build


def _jp_rule() -> int:
    from ledger.models import JPRule

    return JPRule.objects.order_by("pk").values_list("pk", flat=True)[0]


def _dimension(w: World) -> dict:
    return {"code": w.dimension_code}


def _form(w: World) -> dict:
    return {"code": w.form_code}


# {url name: (kwargs builder, {role: expected status of a GET})}
TABLE = {
    # -- accounts and the dashboard ----------------------------------------------
    "dashboard": (_none, EVERYONE),
    "health": (_none, expect("200 200 200 200 200 200 200 200 200")),  # load balancers
    # The service worker script: public, like the static files it caches.
    "service_worker": (_none, expect("200 200 200 200 200 200 200 200 200")),
    "readiness": (_none, expect("200 200 200 200 200 200 200 200 200")),  # monitoring
    # A signed-in user is sent on to the dashboard.
    "login": (_none, expect("200 302 302 302 302 302 302 302 302")),
    "logout": (_none, expect("405 405 405 405 405 405 405 405 405")),  # POST only
    "password_change": (_none, EVERYONE),
    "password_change_done": (_none, EVERYONE),
    # -- people ------------------------------------------------------------------
    "people:employee_list": (_none, EVERYONE),
    "people:employee_export": (lambda w: {"fmt": "csv"}, EVERYONE),
    "people:employee_create": (
        _none,
        expect("302 403 403 200 200 200 200 200 403"),
    ),
    "people:employee_import": (_none, EDITORS),
    "people:employee_search": (lambda w: {}, EVERYONE),
    # An import job is seen by its requester (BPSDM) only.
    "people:employee_import_detail": (
        _pk("employee_import"),
        expect("302 403 403 403 403 403 200 404 403"),
    ),
    "people:employee_import_status": (
        _pk("employee_import"),
        expect("302 403 403 403 403 403 200 404 403"),
    ),
    "people:employee_detail": (_employee, SCOPED),
    "people:employee_edit": (
        _employee,
        expect("302 403 404 200 404 200 200 200 403"),
    ),
    # Logins are given by heads (their subtree) and administrators, not BPSDM.
    "people:employee_login": (
        _employee,
        expect("302 403 403 200 404 200 403 200 403"),
    ),
    "people:unit_list": (_none, EVERYONE),
    "people:unit_detail": (_unit, SCOPED),
    # -- notices: only the recipient opens one (then goes on to its link) ----------
    "notices:list": (_none, EVERYONE),
    "notices:open": (_pk("notice"), expect("302 302 404 404 404 404 404 404 404")),
    "notices:read_all": (_none, POST_ONLY),
    "notices:preferences": (_none, EVERYONE),
    # -- competency framework: read by all, edited by BPSDM and administrators ---
    "competencies:index": (_none, EVERYONE),
    "competencies:dimension_detail": (_dimension, EVERYONE),
    "competencies:dimension_edit": (_dimension, EDITORS),
    "competencies:indicator_create": (_dimension, EDITORS),
    "competencies:indicator_edit": (_pk("indicator"), EDITORS),
    "competencies:indicator_delete": (_pk("indicator"), EDITORS_POST),
    "competencies:level_edit": (lambda w: {"level": w.level}, EDITORS),
    "competencies:setia_edit": (lambda w: {"code": w.setia_code}, EDITORS),
    "competencies:matrix": (_none, EVERYONE),
    "competencies:matrix_export": (_none, EVERYONE),
    "competencies:cell_create": (_none, EDITORS),
    "competencies:cell_edit": (_pk("cell"), EDITORS),
    "competencies:cell_delete": (_pk("cell"), EDITORS_POST),
    "competencies:form_list": (_none, EVERYONE),
    "competencies:form_create": (_none, EDITORS),
    "competencies:form_detail": (_form, EVERYONE),
    "competencies:form_edit": (_form, EDITORS),
    "competencies:standard": (_none, EVERYONE),
    "competencies:standard_export": (_none, EVERYONE),
    "competencies:standard_create": (_none, EDITORS),
    "competencies:standard_detail": (_pk("standard"), EVERYONE),
    "competencies:standard_version_export": (_pk("standard"), EVERYONE),
    # The standard already in force is not edited in place: editors are sent back
    # to it (a new version is created instead).
    "competencies:standard_edit": (
        _pk("standard"),
        expect("302 403 403 403 403 403 302 302 403"),
    ),
    "competencies:standard_delete": (_pk("standard"), EDITORS_POST),
    # -- programs (catalogue run by BPSDM; heads nominate) -----------------------
    "programs:program_list": (_none, EVERYONE),
    "programs:program_create": (_none, EDITORS),
    "programs:program_detail": (_pk("program"), EVERYONE),
    "programs:program_edit": (_pk("program"), EDITORS),
    "programs:program_nominate": (
        _pk("program"),
        expect("302 403 403 200 200 200 403 403 403"),
    ),
    "programs:program_candidates": (
        _pk("program"),
        expect("302 403 403 200 200 200 403 403 403"),
    ),
    "programs:program_request": (_pk("program"), POST_ONLY),
    "programs:program_completion": (
        lambda w: {"pk": w.nomination.program_id},
        PROVINCE_READS,
    ),
    "programs:program_export": (_pk("program", fmt="csv"), HEADS_AND_UP),
    "programs:my_programs": (_none, EVERYONE),
    "programs:queue": (_none, EDITORS),
    "programs:nomination_list": (_none, EVERYONE),
    "programs:nomination_detail": (_pk("nomination"), SCOPED),
    "programs:nomination_approve": (_pk("nomination"), EDITORS_POST),
    "programs:nomination_waitlist": (_pk("nomination"), EDITORS_POST),
    "programs:nomination_reject": (_pk("nomination"), EDITORS_POST),
    "programs:nomination_withdraw": (_pk("nomination"), POST_ONLY),
    "programs:nomination_complete": (_pk("nomination"), EDITORS),
    "programs:nomination_completion_clear": (_pk("nomination"), EDITORS_POST),
    "programs:nomination_certificate": (_pk("nomination"), SCOPED),
    "programs:exchange_list": (_none, EVERYONE),
    "programs:exchange_create": (_none, EDITORS),
    "programs:exchange_detail": (_pk("exchange"), SCOPED),
    "programs:exchange_edit": (_pk("exchange"), EDITORS),
    # The learning report is written by the employee (or BPSDM), not by heads.
    "programs:exchange_report": (
        _pk("exchange"),
        expect("302 200 404 403 404 403 200 200 403"),
    ),
    "programs:exchange_file": (_pk("exchange"), SCOPED),
    "programs:submission_list": (_none, HEADS_AND_UP),
    "programs:submission_create": (
        _none,
        expect("302 403 403 405 405 405 403 403 403"),
    ),
    "programs:submission_preview": (
        _none,
        expect("302 403 403 200 200 200 403 403 403"),
    ),
    "programs:submission_detail": (_pk("submission"), HEADS_SCOPED),
    "programs:submission_acknowledge": (_pk("submission"), EDITORS_POST),
    "programs:submission_return": (_pk("submission"), EDITORS_POST),
    "programs:submission_download": (_pk("submission"), HEADS_SCOPED),
    "programs:demand": (_none, PROVINCE_READS),
    # -- internal activities (recorded in a unit; BPSDM/admin only read) --------
    "activities:list": (_none, EVERYONE),
    "activities:export": (lambda w: {"fmt": "csv"}, EVERYONE),
    "activities:new": (_none, RECORDERS),
    "activities:create": (lambda w: {"code": "briefing"}, RECORDERS),
    "activities:briefing": (_none, RECORDERS),
    "activities:queue": (_none, expect("302 403 403 200 200 200 200 200 403")),
    "activities:bulk_decide": (_none, DECIDERS_POST),
    "activities:coaching_list": (_none, EVERYONE),
    "activities:coaching_detail": (_pk("coaching"), SCOPED),
    "activities:coaching_status": (_pk("coaching"), POST_ONLY),
    "activities:evidence_download": (_pk("evidence"), SCOPED),
    "activities:evidence_delete": (_pk("evidence"), POST_ONLY),
    "activities:detail": (_pk("activity"), SCOPED),
    "activities:edit": (
        _pk("activity"),
        expect("302 200 404 200 404 200 403 403 403"),
    ),
    "activities:delete": (_pk("activity"), POST_ONLY),
    "activities:submit": (_pk("activity"), POST_ONLY),
    "activities:verify": (_pk("activity"), DECIDERS_POST),
    "activities:reject": (_pk("activity"), DECIDERS_POST),
    "activities:unverify": (_pk("activity"), DECIDERS_POST),
    "activities:evidence_upload": (_pk("activity"), POST_ONLY),
    "activities:attendance": (
        lambda w: {"pk": w.activity.pk, "employee_id": w.employee.pk},
        POST_ONLY,
    ),
    # -- JP ledger (the index sends staff and heads on to their own page) -------
    "ledger:index": (_none, expect("302 302 302 302 302 302 200 200 200")),
    "ledger:employee": (_employee, SCOPED),
    "ledger:unit": (_unit, HEADS_SCOPED),
    "ledger:unit_export": (_pk("unit", fmt="csv"), HEADS_SCOPED),
    # The JP rules: read by everyone, versions added and withdrawn by the province.
    "ledger:rules": (_none, EVERYONE),
    "ledger:rule_create": (_none, EDITORS_POST),
    "ledger:rule_delete": (lambda w: {"pk": _jp_rule()}, EDITORS_POST),
    # -- competency tests --------------------------------------------------------
    "assessments:my_tests": (_none, EVERYONE),
    # Only the employee takes their own test: everyone else, even BPSDM, gets 404.
    "assessments:take": (
        _pk("attempt_open"),
        expect("302 200 404 404 404 404 404 404 404"),
    ),
    "assessments:start": (_pk("attempt_open"), POST_ONLY),
    "assessments:answer": (_pk("attempt_open"), POST_ONLY),
    "assessments:page_save": (_pk("attempt_open"), POST_ONLY),
    "assessments:submit": (_pk("attempt_open"), POST_ONLY),
    "assessments:result_list": (_none, EVERYONE),
    "assessments:result_detail": (_pk("result_scored"), SCOPED),
    "assessments:result_release": (_pk("result_scored"), HEADS_AND_UP_POST),
    "assessments:result_rescore": (_pk("result_released"), EDITORS),
    "assessments:ratings": (
        _pk("attempt_scored"),
        expect("302 403 403 200 404 200 200 200 403"),
    ),
    "assessments:employee_report": (_employee, SCOPED),
    "assessments:window_list": (_none, HEADS_AND_UP),
    "assessments:window_create": (_none, HEADS_AND_UP_WRITE),
    "assessments:window_detail": (_pk("window"), HEADS_SCOPED),
    "assessments:window_release": (_pk("window"), HEADS_AND_UP_POST),
    # A release job is seen by its requester (head A) only.
    "assessments:release_job": (
        _pk("release_job"),
        expect("302 403 403 200 404 404 404 404 403"),
    ),
    "assessments:release_job_status": (
        _pk("release_job"),
        expect("302 403 403 200 404 404 404 404 403"),
    ),
    "assessments:item_list": (_none, PROVINCE_READS),
    "assessments:item_create": (_none, EDITORS),
    "assessments:item_edit": (_pk("item"), EDITORS),
    "assessments:instrument_list": (_none, PROVINCE_READS),
    "assessments:instrument_create": (_none, EDITORS),
    "assessments:instrument_detail": (_pk("instrument"), PROVINCE_READS),
    "assessments:instrument_analysis": (_pk("instrument"), PROVINCE_READS),
    "assessments:instrument_edit": (_pk("instrument"), EDITORS),
    "assessments:instrument_items": (_pk("instrument"), EDITORS),
    "assessments:instrument_thresholds": (_pk("instrument"), EDITORS),
    "assessments:instrument_action": (
        _pk("instrument", action="revisi"),
        EDITORS_POST,
    ),
    # -- 360 feedback rounds ----------------------------------------------------
    "multirater:index": (_none, EVERYONE),  # one's own ratings due, rounds for heads
    "multirater:create": (_none, HEADS_AND_UP_WRITE),
    # Only the assigned rater opens an assignment: everyone else, BPSDM too, 404.
    "multirater:rate": (
        _pk("feedback_self"),
        expect("302 200 404 404 404 404 404 404 404"),
    ),
    "multirater:detail": (_pk("feedback_round"), HEADS_SCOPED),
    "multirater:close": (_pk("feedback_round"), POST_ONLY),
    "multirater:raters": (
        lambda w: {"pk": w.feedback_round.pk, "employee_pk": w.employee.pk},
        HEADS_SCOPED,
    ),
    "multirater:rater_remove": (
        lambda w: {
            "pk": w.feedback_round.pk,
            "employee_pk": w.employee.pk,
            "assignment_pk": w.feedback_head.pk,
        },
        expect("302 403 403 405 405 405 405 405 405"),
    ),
    # One's own profile, the heads over one, the province (the closed round).
    "multirater:result": (
        lambda w: {"pk": w.feedback_closed.pk, "employee_pk": w.employee.pk},
        SCOPED,
    ),
    # -- IKM surveys ---------------------------------------------------------------
    "surveys:list": (_none, EVERYONE),
    "surveys:list_export": (lambda w: {"fmt": "csv"}, EVERYONE),
    "surveys:import": (_none, HEADS_AND_UP_WRITE),
    "surveys:reported": (_none, HEADS_AND_UP_WRITE),
    "surveys:comparison": (_none, EVERYONE),
    # Kelurahan B has no survey in the period compared: nothing to export.
    "surveys:comparison_export": (lambda w: {"fmt": "csv"}, SCOPED),
    "surveys:element_sets": (_none, EVERYONE),
    "surveys:element_set_template": (
        lambda w: {"code": w.element_set.code, "fmt": "csv"},
        EVERYONE,
    ),
    "surveys:trend": (lambda w: {"unit_pk": w.unit.pk}, SCOPED),
    "surveys:trend_export": (lambda w: {"unit_pk": w.unit.pk, "fmt": "csv"}, SCOPED),
    "surveys:detail": (_survey(), SCOPED),
    "surveys:population": (_survey(), HEADS_AND_UP_POST),
    "surveys:follow_ups": (_survey(), SCOPED),
    "surveys:follow_up_status": (
        _survey(pk=0),
        HEADS_AND_UP_POST,
    ),
    "surveys:publication_add": (_survey(), HEADS_AND_UP_POST),
    "surveys:follow_up_overview": (_none, EVERYONE),
    "surveys:detail_export": (_survey(table="unsur", fmt="csv"), SCOPED),
    # -- training evaluation ---------------------------------------------------------
    "evaluations:pending": (_none, EVERYONE),  # one's own open surveys
    # Staff A took part in the program (it ended yesterday): only they answer.
    "evaluations:survey": (
        lambda w: {"kind": "program", "pk": w.nomination.program_id},
        expect("302 200 404 404 404 404 404 404 404"),
    ),
    "evaluations:follow_ups": (_none, expect("302 403 403 200 200 200 403 403 403")),
    # Staff A's follow-up: recorded by the heads over them, never by themselves.
    "evaluations:follow_up": (
        lambda w: {
            "kind": "program",
            "pk": w.evaluation_program.pk,
            "employee_pk": w.employee.pk,
        },
        expect("302 403 404 200 404 200 403 403 403"),
    ),
    "evaluations:report": (_none, HEADS_AND_UP),
    "evaluations:report_export": (lambda w: {"fmt": "csv"}, HEADS_AND_UP),
    # -- reports -------------------------------------------------------------------
    # The index sends each role on to its report (own, unit or province).
    "reports:index": (_none, expect("302 302 302 302 302 302 302 302 302")),
    "reports:employee": (_employee, SCOPED),
    "reports:employee_export": (_pk("employee", fmt="csv"), SCOPED),
    "reports:unit": (_unit, HEADS_SCOPED),
    "reports:unit_export": (_pk("unit", fmt="csv"), HEADS_SCOPED),
    "reports:province": (_none, HEADS_AND_UP),
    "reports:province_trend": (_none, HEADS_AND_UP),
    "reports:province_demand": (_none, HEADS_AND_UP),
    # An export only reads: the inspectorate requests one like BPSDM.
    "reports:province_export": (
        _none,
        expect("302 403 403 405 405 405 405 405 405"),
    ),
    # -- development plans -----------------------------------------------------
    "plans:plan": (_employee, SCOPED),
    "plans:plan_item_create": (_employee, POST_ONLY),
    "plans:plan_suggestions": (_employee, POST_ONLY),
    # A coaching item (an internal form) is planned by the heads over the
    # employee, not by staff or BPSDM (BPSDM plans external forms).
    "plans:plan_item_edit": (
        _pk("plan_item"),
        expect("302 403 404 200 404 200 403 403 403"),
    ),
    "plans:plan_item_delete": (_pk("plan_item"), POST_ONLY),
    # -- audit trail ---------------------------------------------------------------
    # -- personal data -------------------------------------------------------------
    "privacy:my_data": (_none, EVERYONE),  # one's own data, whoever one is
    # Only someone who has left is anonymised: staff A is still active.
    "privacy:anonymise": (_employee, expect("302 403 403 403 403 403 403 403 403")),
    "audit:list": (_none, PROVINCE_READS),
    "audit:actors": (_none, PROVINCE_READS),  # the actor filter's type-ahead
    # -- background exports: each job is seen by its requester (head A) only -------
    "exports:list": (_none, EVERYONE),
    "exports:detail": (_pk("export"), expect("302 404 404 200 404 404 404 404 404")),
    "exports:status": (_pk("export"), expect("302 404 404 200 404 404 404 404 404")),
    "exports:download": (
        _pk("export"),
        expect("302 404 404 200 404 404 404 404 404"),
    ),
}
# REST API, SIASN exchange, certificates and calendars.
TABLE.update(interop_rows(expect))


def url_patterns(resolver=None, prefix: str = "", namespace: str = ""):
    """(name or None, route) of every URL pattern outside admin/, i18n/, static
    and media, walking included URLconfs recursively."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            yield from url_patterns(entry, route, inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (
                f"{namespace}:{entry.name}" if namespace else entry.name
            )
            yield name, route
