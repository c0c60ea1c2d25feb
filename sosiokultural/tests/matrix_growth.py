"""More of everything the pages of the permission matrix list, for the query-count
test: ``grow(world, org, roles, n)`` adds ``n`` of each kind of row to kelurahan A
and to kelurahan B (so the outsiders' own lists grow too), through the same
services and factories as ``matrix_world``: employees, briefings they attended,
released results, nominations, coachings, notices and finished exports of the
roles, programs and development plans."""

from datetime import timedelta
from itertools import count

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from activities.tests.factories import past, record_briefing, record_coaching
from competencies.bootstrap import reference_load
from exports.models import Export
from notices.services import notice_create
from people.tests.factories import EmployeeFactory
from plans.services import plan_item_add
from programs.tests.factories import NominationFactory, ProgramFactory
from sosiokultural.tests.matrix_world import World
from testsupport.province import released_result

_SERIAL = count(1)


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
