"""Development plans: an item is done exactly while a qualifying verified activity
or completed program exists — re-read after every write elsewhere."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from activities.services import activity_record, activity_unverify
from competencies.models import DevelopmentForm
from plans.selectors import plan_items, plans_progress
from plans.tests.factories import PlanItemFactory, planned_item
from programs.models import Nomination, Program
from programs.services import nomination_complete, nomination_completion_clear

pytestmark = pytest.mark.django_db


def _day(offset: int = 1) -> date:
    today = timezone.localdate()
    return max(date(today.year, 1, 1), today - timedelta(days=offset))


def _briefing(
    head, *, present, absent=(), dims, day=None, form="briefing", at=time(7, 45)
):
    attendance = {e.pk: "present" for e in present} | {e.pk: "absent" for e in absent}
    started = timezone.make_aware(datetime.combine(day or _day(), at))
    return activity_record(
        recorder=head,
        form=DevelopmentForm.objects.get(code=form),
        unit=head.employee.unit,
        started_at=started,
        duration_minutes=15,
        facilitator=head.employee,
        attendance=attendance,
        summary="Evaluasi pengaduan.",
        dimension_ids=[d.pk for d in dims],
        detail={"agenda_kind": "setia_motivation"}
        if form == "briefing"
        else {"event": "Outbound", "kinds": ["outbound"]},
    )


def _state(item):
    (row,) = [i for i in plan_items(item.plan) if i.pk == item.pk]
    return row.done_activity_id, row.done_nomination_id


def test_item_done_by_verified_activity_and_undone_by_unverify(province, roles):
    staff = roles.staff_a.employee
    item = planned_item(province, staff, "briefing")
    assert _state(item) == (None, None)
    activity = _briefing(roles.head_a, present=[staff], dims=[province.d1])
    assert activity.status == "verified"
    assert _state(item) == (activity.pk, None)
    # The head who recorded it is not the one to undo it; the head above is.
    activity_unverify(activity=activity, actor=roles.head_kecamatan)
    assert _state(item) == (None, None)


def test_item_not_done_by_other_form_dimension_absence_or_earlier_day(province, roles):
    staff = roles.staff_a.employee
    other = roles.head_a.employee
    item = planned_item(province, staff, "briefing", created_on=timezone.localdate())
    _briefing(roles.head_a, present=[other], absent=[staff], dims=[province.d1])
    # (one person is in one activity at a time: later hours of the day)
    _briefing(roles.head_a, present=[staff], dims=[province.d2], at=time(9, 0))
    _briefing(
        roles.head_a,
        present=[staff],
        dims=[province.d1],
        form="gathering",
        at=time(11, 0),
    )
    # Held the day before the item was planned.
    _briefing(roles.head_a, present=[staff], dims=[province.d1], day=_day(1))
    assert _state(item) == (None, None)


def _program(province, *, ends_on, form="e-learning", dims=None):
    program = Program.objects.create(
        title="E-Learning Etika Pelayanan",
        form=province.fw.forms[form],
        mode=Program.Mode.ELEARNING,
        starts_on=ends_on - timedelta(days=2),
        ends_on=ends_on,
        jp=Decimal(10),
        capacity=5,
        registration_opens_on=ends_on - timedelta(days=30),
        registration_closes_on=ends_on - timedelta(days=3),
    )
    program.dimensions.set(dims if dims is not None else [province.d1])
    return program


def test_item_done_by_completed_program_and_undone_when_cleared(province, roles):
    staff = roles.staff_a.employee
    item = planned_item(province, staff, "e-learning")
    program = _program(province, ends_on=_day(1))
    nomination = Nomination.objects.create(
        program=program, employee=staff, state="approved", reason="Gap"
    )
    assert _state(item) == (None, None)
    nomination_complete(
        nomination=nomination,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=100,
    )
    assert _state(item) == (None, nomination.pk)
    nomination_completion_clear(nomination=nomination, by=roles.bpsdm)
    assert _state(item) == (None, None)


def test_item_done_by_program_only_for_its_dimension_form_and_year(province, roles):
    staff = roles.staff_a.employee
    item = planned_item(province, staff, "e-learning")
    for program in (
        _program(province, ends_on=_day(1), dims=[province.d2]),
        _program(province, ends_on=_day(1), form="diklat-komunikasi"),
        _program(province, ends_on=date(item.plan.year - 1, 12, 20)),
    ):
        Nomination.objects.create(
            program=program,
            employee=staff,
            state="approved",
            reason="Gap",
            outcome="completed",
            attendance_percent=100,
        )
    assert _state(item) == (None, None)
    # Named on the nomination even though the program lists another dimension.
    program = _program(province, ends_on=_day(1), dims=[province.d2])
    Nomination.objects.create(
        program=program,
        employee=staff,
        state="approved",
        reason="Gap",
        dimension=province.d1,
        outcome="completed",
        attendance_percent=100,
    )
    assert _state(item)[1] is not None


def test_plans_progress_counts_per_employee(province, roles):
    staff, e_a1 = roles.staff_a.employee, province.e_a1
    done = planned_item(province, staff, "briefing")
    PlanItemFactory(
        plan=done.plan, dimension=province.d2, form=province.fw.forms["gathering"]
    )
    planned_item(province, e_a1, "briefing", dimension=province.d2)
    _briefing(roles.head_a, present=[staff], dims=[province.d1])
    progress = plans_progress([staff.pk, e_a1.pk, province.e_a2.pk], done.plan.year)
    assert {k: (v.total, v.done) for k, v in progress.items()} == {
        staff.pk: (2, 1),
        e_a1.pk: (1, 0),
    }
    assert progress[staff.pk].percent == 50
