"""More of everything the pages of the permission matrix list, for the query-count
test: ``grow(world, org, roles, n)`` adds ``n`` of each kind of row to kelurahan A
and to kelurahan B (so the outsiders' own lists grow too), through the same
services and factories as ``matrix_world``: employees, briefings they attended,
released results, nominations, coachings, notices and finished exports of the
roles, programs and development plans, completions of an evaluated program with
their reaction answers, 360 rounds (one more of kelurahan B's, one more rater of
staff A in the running round, one more answer about staff A in the closed one)."""

from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from activities.tests.factories import past, record_briefing, record_coaching
from competencies.bootstrap import reference_load
from evaluations.models import Reaction
from exports.models import Export
from multirater.models import Rating, Response
from multirater.services import assignment_add, round_open
from notices.services import notice_create
from people.tests.factories import EmployeeFactory
from plans.services import plan_item_add
from programs.services.nominations import nomination_approve, nomination_complete
from programs.tests.factories import NominationFactory, ProgramFactory
from sosiokultural.periods import Period
from testsupport.matrix_world import World
from testsupport.province import released_result

_SERIAL = count(1)


def _evaluated(world: World, person, bpsdm) -> None:
    """``person`` completed the program whose follow-ups are due, and answered
    its reaction survey (the follow-up queue and the effectiveness report
    grow)."""
    program = world.evaluation_program
    nomination = NominationFactory(program=program, employee=person)
    nomination_approve(nomination_id=nomination.pk, by=bpsdm)
    nomination.refresh_from_db()
    nomination_complete(
        nomination=nomination,
        by=bpsdm,
        outcome="completed",
        attendance_percent=100,
        today=program.ends_on,
    )
    Reaction.objects.create(
        employee=person,
        program=program,
        relevance=4,
        usefulness=4,
        facilitator=3,
        recommend=5,
    )


@transaction.atomic  # the services expect their callers' transaction (row locks)
def grow(world: World, org, roles, n: int) -> None:
    reference = reference_load()
    dims = list(reference.dimensions.values())
    today = timezone.localdate()
    sides = (
        (org.kel_a, roles.staff_a, roles.head_a),
        (org.kel_b, roles.staff_b, roles.head_b),
    )
    for __ in range(n):
        serial = next(_SERIAL)
        ProgramFactory(form=reference.forms["diklat-komunikasi"])
        round_open(
            unit=org.kel_b,
            period=Period(today.year, 1 + serial % 4),
            title=f"Penilaian 360 tambahan {serial}",
            min_responses=3,
            by=roles.head_b,
        )
        answered = Response.objects.create(
            round=world.feedback_closed,
            ratee=world.employee,
            relation="peer",
            comment=f"Komentar rekan {serial}",
        )
        Rating.objects.bulk_create(
            Rating(response=answered, dimension=d, level=1 + serial % 5) for d in dims
        )
        for unit, staff, head in sides:
            person = EmployeeFactory(
                unit=unit, position_type=staff.employee.position_type
            )
            record_briefing(
                staff,
                present=[staff.employee, person],
                started_at=past(days=2 + serial),
            )
            record_coaching(
                head,
                coach=head.employee,
                coachee=person,
                started_at=past(days=2 + serial, hour=10),
            )
            released_result(
                person,
                today - timedelta(days=10 + serial),
                dict.fromkeys(dims, 2 + serial % 3),
            )
            NominationFactory(program=world.program, employee=person)
            _evaluated(world, person, roles.bpsdm)
            if unit == org.kel_a:
                assignment_add(
                    round_=world.feedback_round,
                    ratee=world.employee,
                    rater=person,
                    relation="peer",
                    by=roles.bpsdm,
                )
            plan_item_add(
                employee=person,
                year=today.year,
                dimension=reference.dimensions["manajemen-konflik"],
                form=reference.forms["coaching"],
                target_date=today.replace(month=12, day=31),
                by=head,
            )
            for user in (staff, head, roles.bpsdm, roles.admin, roles.inspector):
                notice_create(
                    recipient=user,
                    kind="matrix",
                    dedupe_key=f"matrix:grow:{serial}:{unit.pk}:{user.pk}",
                    subject="Pemberitahuan",
                    body="Isi pemberitahuan.",
                    link="/",
                )
            Export.objects.create(
                requested_by=head,
                kind="reports.aggregate",
                status=Export.Status.DONE,
                file=ContentFile(b"PK\x03\x04", name="agregat.xlsx"),
            )
