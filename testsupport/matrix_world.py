"""The objects the permission matrix requests: one of each kind the URLs take,
all belonging to kelurahan A (staff A's unit) unless said otherwise, built through
the apps' own services and factories so they are in the state the app produces.

Outsiders are the roles of kelurahan B (its staff member and head): for them every
object here is out of scope.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone

from activities.models import Activity, Coaching, Evidence
from activities.services import evidence_add
from activities.tests.factories import PDF_BYTES, record_briefing, record_coaching
from assessments.models import (
    Attempt,
    Instrument,
    Item,
    ReleaseJob,
    Result,
    TestWindow,
)
from assessments.services.taking import attempt_start, attempt_submit
from assessments.tests.factories import ItemFactory, open_window, published_instrument
from competencies.bootstrap import reference_load
from competencies.models import FormDimension, Indicator, SetiaValue, Standard
from exports.models import Export
from multirater.models import Assignment, Round
from multirater.services import round_close, round_open
from multirater.tests.factories import answer
from notices.models import Notice
from notices.services import notice_create
from people.models import Employee, EmployeeImport, Unit
from plans.models import PlanItem
from plans.services import plan_item_add
from programs.models import Exchange, Nomination, Program, Submission
from programs.services.exchanges import exchange_create
from programs.services.nominations import nomination_approve, nomination_complete
from programs.services.submissions import submission_create
from programs.tests.factories import (
    PDF,
    NominationFactory,
    ProgramFactory,
    past_program,
)
from surveys.models import ElementSet, Survey
from surveys.tests.factories import import_survey, permen_set
from testsupport.province import released_result


@dataclass
class World:
    unit: Unit  # kelurahan A
    employee: Employee  # staff A
    dimension_code: str
    indicator: Indicator
    level: int
    setia_code: str
    cell: FormDimension
    form_code: str
    standard: Standard
    notice: Notice
    program: Program
    nomination: Nomination  # completed, with an STTPP file
    # Ended more than three months ago, completed by staff A: a follow-up is due.
    evaluation_program: Program
    exchange: Exchange  # with a report file
    submission: Submission
    activity: Activity  # a briefing recorded by staff A, waiting for verification
    evidence: Evidence
    coaching: Coaching
    item: Item
    instrument: Instrument
    window_open: TestWindow  # staff A and staff B; A's attempt not started yet
    attempt_open: Attempt
    window: TestWindow  # staff A only
    attempt_scored: Attempt  # submitted, result scored but not released
    result_scored: Result
    result_released: Result
    survey: Survey
    survey_period: str
    element_set: ElementSet
    plan_item: PlanItem
    export: Export  # requested by head A, finished
    employee_import: EmployeeImport  # uploaded by BPSDM, finished
    release_job: ReleaseJob  # the release of ``window``, asked by head A, finished
    feedback_round: Round  # a 360 round of kelurahan A opened by head A, running
    feedback_self: Assignment  # staff A rating themselves in it, not done yet
    feedback_head: Assignment  # head A rating staff A in it, not done yet
    feedback_closed: Round  # a closed 360 round of kelurahan A, answered


def role_users(roles) -> dict:
    """{column of the permission matrix: the user who plays it} (None: anonymous).
    ``roles`` is the ``roles`` fixture or anything with the same attributes."""
    return {
        "anonymous": None,
        "staff": roles.staff_a,
        "staff_other": roles.staff_b,
        "head": roles.head_a,
        "head_other": roles.head_b,
        "head_parent": roles.head_kecamatan,
        "bpsdm": roles.bpsdm,
        "admin": roles.admin,
        "inspector": roles.inspector,
    }


def role_clients(roles) -> dict:
    """{column of the permission matrix: a test client signed in as its user}
    (the anonymous column's client is not signed in)."""
    clients = {}
    for role, user in role_users(roles).items():
        clients[role] = Client()
        if user is not None:
            clients[role].force_login(user)
    return clients


@transaction.atomic  # the services expect their callers' transaction (row locks)
def build_world(org, roles) -> World:
    reference = reference_load()
    dims = reference.dimensions
    staff_a = roles.staff_a
    employee = staff_a.employee
    today = timezone.localdate()

    notice = notice_create(
        recipient=staff_a,
        kind="matrix",
        dedupe_key="matrix:staff-a",
        subject="Pemberitahuan",
        body="Isi pemberitahuan.",
        link="/",
    )

    program = ProgramFactory(form=reference.forms["diklat-komunikasi"])
    done = NominationFactory(program=past_program(), employee=employee)
    nomination_approve(nomination_id=done.pk, by=roles.bpsdm)
    nomination = nomination_complete(
        nomination=done,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
        certificate_number="STTPP/1",
        certificate_file=SimpleUploadedFile("sttpp.pdf", PDF),
    )
    evaluation_program = past_program(
        starts_on=today - timedelta(days=105),
        ends_on=today - timedelta(days=100),
        registration_opens_on=today - timedelta(days=140),
        registration_closes_on=today - timedelta(days=110),
        capacity=None,
        unlimited_seats=True,
    )
    earlier = NominationFactory(program=evaluation_program, employee=employee)
    nomination_approve(nomination_id=earlier.pk, by=roles.bpsdm)
    earlier.refresh_from_db()
    nomination_complete(
        nomination=earlier,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
        today=evaluation_program.ends_on,
    )
    exchange = exchange_create(
        by=roles.bpsdm,
        employee=employee,
        partner="PT Mitra Pelayanan",
        starts_on=today,
        ends_on=today + timedelta(days=90),
        report_file=SimpleUploadedFile("laporan.pdf", PDF),
    )
    submission = submission_create(unit=org.kel_a, by=roles.head_a)

    activity = record_briefing(staff_a, present=[employee])
    evidence = evidence_add(
        activity=activity,
        actor=staff_a,
        upload=SimpleUploadedFile("bukti.pdf", PDF_BYTES, "application/pdf"),
    )
    record_coaching(roles.head_a, coach=roles.head_a.employee, coachee=employee)
    coaching = Coaching.objects.get(coachee=employee)

    items = [ItemFactory(dimension=d) for d in dims.values()]
    instrument = published_instrument(items, by=roles.bpsdm)
    window_open = open_window(
        instrument, [employee, roles.staff_b.employee], by=roles.bpsdm
    )
    attempt_open = window_open.attempts.get(employee=employee)
    window_done = open_window(instrument, [employee], by=roles.bpsdm)
    attempt_scored = attempt_start(attempt=window_done.attempts.get(employee=employee))
    result_scored = attempt_submit(
        attempt=attempt_scored, answers={item.pk: 3 for item in items}
    )
    result_released = released_result(
        employee, today - timedelta(days=30), dict.fromkeys(dims.values(), 2)
    )

    survey = import_survey(org.kel_a, "2024Q1")

    plan_item = plan_item_add(
        employee=employee,
        year=today.year,
        dimension=dims["manajemen-konflik"],
        form=reference.forms["coaching"],
        target_date=today.replace(month=12, day=31),
        by=roles.head_a,
    )
    export = Export.objects.create(
        requested_by=roles.head_a,
        kind="reports.aggregate",
        status=Export.Status.DONE,
        file=ContentFile(b"PK\x03\x04", name="agregat.xlsx"),
    )
    employee_import = EmployeeImport.objects.create(
        requested_by=roles.bpsdm, filename="pegawai.csv", status="done", progress=100
    )
    release_job = ReleaseJob.objects.create(
        requested_by=roles.head_a, window=window_done, status="done", progress=100
    )

    from sosiokultural.periods import Period

    feedback_closed = round_open(
        unit=org.kel_a,
        period=Period(today.year, 1),
        title="Penilaian 360 awal tahun",
        min_responses=3,
        by=roles.bpsdm,
    )
    for assignment in feedback_closed.assignments.filter(
        ratee=employee, relation__in=["self", "head"]
    ):
        answer(assignment, [3, 3, 2, 4, 3, 3], "Komentar matriks")
    feedback_closed = round_close(round_=feedback_closed, by=roles.bpsdm)
    feedback_round = round_open(
        unit=org.kel_a,
        period=Period(today.year, (today.month - 1) // 3 + 1),
        title="Penilaian 360",
        min_responses=3,
        by=roles.head_a,
    )
    mine = feedback_round.assignments.filter(ratee=employee)

    return World(
        unit=org.kel_a,
        employee=employee,
        dimension_code="manajemen-konflik",
        indicator=Indicator.objects.filter(dimension=dims["manajemen-konflik"]).first(),
        level=3,
        setia_code=SetiaValue.objects.order_by("pk").first().code,
        cell=FormDimension.objects.order_by("pk").first(),
        form_code="coaching",
        standard=reference.standard,
        notice=notice,
        program=program,
        nomination=nomination,
        evaluation_program=evaluation_program,
        exchange=exchange,
        submission=submission,
        activity=activity,
        evidence=evidence,
        coaching=coaching,
        item=items[0],
        instrument=instrument,
        window_open=window_open,
        attempt_open=attempt_open,
        window=window_done,
        attempt_scored=attempt_scored,
        result_scored=result_scored,
        result_released=result_released,
        survey=survey,
        survey_period=str(survey.period),
        element_set=permen_set(),
        plan_item=plan_item,
        export=export,
        employee_import=employee_import,
        release_job=release_job,
        feedback_round=feedback_round,
        feedback_self=mine.get(relation="self"),
        feedback_head=mine.get(relation="head"),
        feedback_closed=feedback_closed,
    )
