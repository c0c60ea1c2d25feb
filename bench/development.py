"""The development half of the synthetic province: verified internal activities
with attendance and JP credits, completed BPSDM programs, and development plans."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from activities.models import Activity, Attendance
from competencies.models import DevelopmentForm
from ledger import rules
from ledger.models import JPEntry
from ledger.services import jp_rule_terms
from plans.models import DevelopmentPlan, PlanItem
from programs.models import Nomination, Program

PREFIX = "BENCH"  # every synthetic unit code starts with it
ACTIVITIES_PER_UNIT = 20


def activities_load(loader, rnd, units, employees, dims, forms, user, today) -> None:
    """Verified briefings and gatherings of every unit this year, attended by the
    unit's staff; JP credited per present attendee (as verification does)."""
    staff: dict[int, list[int]] = {}
    for pk, unit_id, __ in employees:
        staff.setdefault(unit_id, []).append(pk)
    internal = [forms[code] for code in ("briefing", "gathering", "coaching")]
    days = max(1, (today - date(today.year, 1, 1)).days)
    plan = []  # (activity id, unit id, form, start, minutes, dimension ids)
    count = sum(ACTIVITIES_PER_UNIT for u in units if staff.get(u["id"]))
    activity_ids = iter(loader.reserve_ids(Activity, count))
    for unit in units:
        if not staff.get(unit["id"]):
            continue
        for __ in range(ACTIVITIES_PER_UNIT):
            day = date(today.year, 1, 1) + timedelta(days=rnd.randrange(days))
            start = timezone.make_aware(datetime.combine(day, time(8, 0)))
            form = rnd.choice(internal)
            chosen = rnd.sample(dims, k=rnd.randint(1, 3))
            plan.append(
                (
                    next(activity_ids),
                    unit["id"],
                    form,
                    start,
                    rnd.choice([30, 45, 60, 60, 90]),
                    [d.pk for d in chosen],
                )
            )
    loader.load(
        Activity,
        (
            {
                "id": pk,
                "form_id": form.pk,
                "unit_id": unit_id,
                "started_at": start,
                "duration_minutes": minutes,
                "facilitator_id": None,
                "summary": "",
                "recorded_by_id": user.pk,
                "recorded_at": start,
                "status": Activity.Status.VERIFIED,
                "submitted_at": start,
                "verified_by_id": user.pk,
                "verified_at": start + timedelta(hours=2),
                "rejection_reason": "",
            }
            for pk, unit_id, form, start, minutes, __ in plan
        ),
    )
    loader.load(
        Activity.dimensions.through,
        (
            {"activity_id": pk, "dimension_id": d}
            for pk, *__, chosen in plan
            for d in chosen
        ),
    )
    present: list[tuple[int, int, object, date, int]] = []

    def attendance_rows():
        for pk, unit_id, form, start, minutes, __ in plan:
            for employee in staff[unit_id]:
                roll = rnd.random()
                status = (
                    "present" if roll < 0.9 else "excused" if roll < 0.97 else "absent"
                )
                if status == "present":
                    present.append((employee, pk, form, start.date(), minutes))
                yield {"activity_id": pk, "employee_id": employee, "status": status}

    loader.load(Attendance, attendance_rows())
    length = rules.minutes_per_jp(jp_rule_terms(), "PNS", today)
    loader.load(
        JPEntry,
        (
            {
                "employee_id": employee,
                "source": JPEntry.Source.INTERNAL,
                "source_key": f"activity:{pk}",
                "form_id": form.pk,
                "occurred_on": day,
                "minutes": Decimal(minutes),
                "minutes_per_jp": length,
                "description": form.name,
            }
            for employee, pk, form, day, minutes in present
        ),
    )


def programs_load(loader, rnd, employees, forms, today) -> None:
    external = [
        f for f in forms.values() if f.provider == DevelopmentForm.Provider.EXTERNAL
    ]
    programs = []
    for n, form in enumerate(external):
        ends = date(today.year, 1, 1) + timedelta(days=30 + 20 * n)
        ends = min(ends, today)
        program = Program.objects.create(
            title=f"{PREFIX} {form.name}",
            form=form,
            mode=Program.Mode.CLASSICAL,
            starts_on=ends - timedelta(days=3),
            ends_on=ends,
            jp=Decimal(24),
            capacity=max(10, len(employees) // 100),
            registration_opens_on=ends - timedelta(days=40),
            registration_closes_on=ends - timedelta(days=5),
        )
        program.dimensions.set(form.links.values_list("dimension_id", flat=True))
        programs.append(program)
    chosen = rnd.sample(employees, k=len(employees) // 20)
    nomination_ids = iter(loader.reserve_ids(Nomination, len(chosen)))
    rows = []
    for pk, __, __ in chosen:
        program = rnd.choice(programs)
        rows.append((next(nomination_ids), program, pk))
    moment = timezone.now()
    length = rules.minutes_per_jp(jp_rule_terms(), "PNS", today)
    loader.load(
        Nomination,
        (
            {
                "id": nid,
                "program_id": program.pk,
                "employee_id": pk,
                "state": Nomination.State.APPROVED,
                "reason": "Kesenjangan hasil uji",
                "decided_at": moment,
                "outcome": Nomination.Outcome.COMPLETED,
                "attendance_percent": 100,
                "completed_at": moment,
            }
            for nid, program, pk in rows
        ),
    )
    loader.load(
        JPEntry,
        (
            {
                "employee_id": pk,
                "source": JPEntry.Source.EXTERNAL,
                "source_key": f"program-nomination:{nid}",
                "form_id": program.form_id,
                "occurred_on": program.ends_on,
                "minutes": program.jp * length,
                "minutes_per_jp": length,
                "description": program.title,
            }
            for nid, program, pk in rows
        ),
    )


def plans_load(loader, rnd, employees, dims, forms, today) -> None:
    chosen = employees[::10]
    plan_ids = iter(loader.reserve_ids(DevelopmentPlan, len(chosen)))
    plans = [(next(plan_ids), pk) for pk, __, __ in chosen]
    loader.load(
        DevelopmentPlan,
        ({"id": plan, "employee_id": pk, "year": today.year} for plan, pk in plans),
    )
    options = [forms["briefing"], forms["gathering"], forms["e-learning"]]
    start = date(today.year, 1, 2)
    loader.load(
        PlanItem,
        (
            {
                "plan_id": plan,
                "dimension_id": dims[n].pk,
                "form_id": options[n].pk,
                "target_date": date(today.year, 12, 1),
                "note": "",
                "created_on": start,
                "created_by_id": None,
            }
            for plan, __ in plans
            for n in range(rnd.randint(1, 3))
        ),
    )
