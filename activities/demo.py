"""Demo history for Kembangan: a year of internal development, recorded through the
services (so it is verified and credited to the JP ledger like real use).

- daily briefings in the kecamatan office on working days for the last 12 months,
  weekly Monday briefings in Meruya Utara for the last 12 weeks;
- coaching for the newly placed CROs except one (who stays flagged), and a
  completed coaching of an earlier CRO;
- three gatherings, one benchmarking visit, self-development entries (two waiting
  for verification, one rejected) and a few personal approaches;
- what credits a head himself (a gathering, the visit, Meruya Utara's briefings)
  is verified by the head above, or by BPSDM for the kecamatan head, who has no
  head above him; BPSDM's latest one is left in its queue.

Deterministic: every random choice comes from a ``random.Random`` seeded by the
day or the person it concerns. Idempotent: each activity is looked up by its
natural key (form, unit, start) before it is recorded, so a second run creates
nothing.
"""

import random
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from activities.demo_data import (
    AGENDA_WEIGHTS,
    BRIEFING_SUMMARIES,
    GATHERINGS,
    PERSONAL_NOTES,
    SELF_STUDY,
)
from activities.kinds.benchmarking import CODE as BENCHMARKING
from activities.kinds.briefing import CODE as BRIEFING
from activities.kinds.coaching import CODE as COACHING
from activities.kinds.gathering import CODE as GATHERING
from activities.kinds.personal import CODE as PERSONAL
from activities.kinds.self_development import CODE as SELF_DEVELOPMENT
from activities.models import Activity, Coaching
from activities.selectors import deciders_to_notify
from activities.services import (
    activity_record,
    activity_reject,
    activity_verify,
    coaching_set_status,
)
from competencies.models import DevelopmentForm, Dimension
from people.models import Employee, User
from people.permissions import is_head, runs_province
from people.tree import subtree_q
from sosiokultural.demo import DemoContext

HEAD_LOGIN = "kepala.kembangan"
VILLAGE_HEAD_LOGIN = "kepala.meruyautara"


class _Recorder:
    """Records through the services, skipping activities that already exist."""

    def __init__(self, units):
        self.existing = set(
            Activity.objects.filter(subtree_q(units["JB-KMB"])).values_list(
                "form_id", "unit_id", "started_at"
            )
        )
        self.created: list[Activity] = []

    def record(self, *, form, unit, started_at, **kwargs) -> Activity | None:
        key = (form.pk, unit.pk, started_at)
        if key in self.existing:
            return None
        activity = activity_record(
            form=form, unit=unit, started_at=started_at, **kwargs
        )
        self.existing.add(key)
        self.created.append(activity)
        return activity


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _roster_on(people: list[Employee], day: date) -> list[Employee]:
    return [p for p in people if p.placed_on <= day and p.is_active]


def _attendance(rng: random.Random, people, absent=0.07, excused=0.04) -> dict:
    result = {}
    for person in people:
        roll = rng.random()
        if roll < absent:
            result[person.pk] = "absent"
        elif roll < absent + excused:
            result[person.pk] = "excused"
        else:
            result[person.pk] = "present"
    if people and "present" not in result.values():
        result[people[0].pk] = "present"
    return result


def _briefing(rec, rng, *, form, head, unit, people, day, hour, minute, facilitator):
    agenda = (
        "setia_motivation"
        if day.weekday() == 0
        else rng.choices(
            [a for a, __ in AGENDA_WEIGHTS], [w for __, w in AGENDA_WEIGHTS]
        )[0]
    )
    rec.record(
        recorder=head,
        form=form,
        unit=unit,
        started_at=_at(day, hour, minute),
        duration_minutes=15 if agenda == "rule_change" and rng.random() < 0.5 else 10,
        facilitator=facilitator,
        attendance=_attendance(rng, _roster_on(people, day)),
        summary=rng.choice(BRIEFING_SUMMARIES[agenda]),
        detail={"agenda_kind": agenda},
    )


def _briefings(rec, ctx, today):
    form, units, people = ctx["forms"][BRIEFING], ctx["units"], ctx["people"]
    office = units["JB-KMB"]
    head, subbag = people["JB-KMB:kepala-unit"][0], people["JB-KMB:kepala-subbagian"][0]
    # The head who records the office's daily briefing is not on its roster (what
    # credits him would wait for BPSDM every day).
    staff = [
        p
        for key, group in people.items()
        if key.startswith("JB-KMB:")
        for p in group
        if p != head
    ]
    for offset in range(365, 0, -1):
        day = today - timedelta(days=offset)
        rng = random.Random(f"briefing:{office.code}:{day.isoformat()}")
        if day.weekday() >= 5 or rng.random() < 0.04:  # weekend, leave or holiday
            continue
        facilitator = subbag if rng.random() < 0.25 else head
        _briefing(
            rec,
            rng,
            form=form,
            head=ctx["head"],
            unit=office,
            people=staff,
            day=day,
            hour=7,
            minute=45,
            facilitator=facilitator,
        )
    village_head = ctx.get("village_head")
    if village_head is None:
        return
    village = units["JB-KMB-MU"]
    crew = [
        p
        for key, group in people.items()
        if key.startswith("JB-KMB-MU:")
        for p in group
    ]
    monday = today - timedelta(days=today.weekday() or 7)
    for week in range(12):
        day = monday - timedelta(weeks=week)
        rng = random.Random(f"briefing:{village.code}:{day.isoformat()}")
        _briefing(
            rec,
            rng,
            form=form,
            head=village_head,
            unit=village,
            people=crew,
            day=day,
            hour=7,
            minute=50,
            facilitator=people["JB-KMB-MU:kepala-unit"][0],
        )


def _coaching_sessions(rec, ctx, *, coach, coachee, start: date, sessions: int, slot):
    form, head, unit = ctx["forms"][COACHING], ctx["head"], coachee.unit
    coaching = (
        Coaching.objects.filter(coachee=coachee, coach=coach, started_on__gte=start)
        .order_by("started_on")
        .first()
    )
    actions = [
        "Mengamati CRO senior melayani 10 pemohon dan mencatat pertanyaan yang "
        "sering muncul.",
        "Melayani pemohon di meja CRO dengan pendampingan; latihan menjelaskan "
        "persyaratan NIB.",
        "Menangani satu pengaduan dari awal sampai selesai, lalu refleksi bersama.",
        "Menyusun daftar jawaban singkat untuk 5 layanan terbanyak.",
    ]
    for number in range(sessions):
        day = start + timedelta(days=3 + 7 * number)
        if day >= ctx["today"]:
            break
        activity = rec.record(
            recorder=head,
            form=form,
            unit=unit,
            # One time slot per coachee keeps the natural key unique.
            started_at=_at(day, 9 + 2 * slot, 30),
            duration_minutes=60,
            facilitator=coach,
            detail={
                "coaching": coaching,
                "coachee": coachee,
                "goal": "CRO baru menguasai alur layanan, persyaratan umum dan cara "
                "menanggapi pemohon yang kecewa dengan empati.",
                "agreed_actions": actions[number % len(actions)],
                "due_on": day + timedelta(days=7),
            },
        )
        if activity is not None and coaching is None:
            coaching = activity.coaching_session.coaching
    return coaching


def _coachings(rec, ctx):
    today, people = ctx["today"], ctx["people"]
    coach = people["JB-KMB:staf-teknis"][0]
    cros = sorted(people.get("JB-KMB:cro", []), key=lambda e: e.pk)
    new = [c for c in cros if c.placed_on >= today - timedelta(days=90)]
    # The last newly placed CRO is left without coaching: the head sees the flag.
    for slot, cro in enumerate(new[:-1]):
        _coaching_sessions(
            rec,
            ctx,
            coach=coach,
            coachee=cro,
            start=cro.placed_on,
            sessions=4,
            slot=slot,
        )
    earlier = [c for c in cros if c not in new]
    if earlier:
        start = today - timedelta(days=300)
        coaching = _coaching_sessions(
            rec, ctx, coach=coach, coachee=earlier[0], start=start, sessions=3, slot=3
        )
        if coaching is not None and coaching.status != Coaching.Status.COMPLETED:
            coaching_set_status(
                coaching=coaching, actor=ctx["head"], status=Coaching.Status.COMPLETED
            )


def _gatherings(rec, ctx):
    everyone = [p for group in ctx["people"].values() for p in group]
    for days_ago, minutes, event, kinds, location in GATHERINGS:
        day = ctx["today"] - timedelta(days=days_ago)
        rng = random.Random(f"gathering:{day.isoformat()}")
        rec.record(
            recorder=ctx["head"],
            form=ctx["forms"][GATHERING],
            unit=ctx["units"]["JB-KMB"],
            started_at=_at(day, 8),
            duration_minutes=minutes,
            facilitator=ctx["people"]["JB-KMB:kepala-subbagian"][0],
            attendance=_attendance(
                rng, _roster_on(everyone, day), absent=0, excused=0.1
            ),
            summary="Kegiatan kebersamaan seluruh petugas PTSP Kembangan.",
            detail={"event": event, "kinds": kinds, "location": location},
        )


def _benchmarking(rec, ctx):
    people, day = ctx["people"], ctx["today"] - timedelta(days=120)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    team = [
        people["JB-KMB:kepala-unit"][0],
        people["JB-KMB:kepala-subbagian"][0],
        *people["JB-KMB:staf-teknis"][:2],
        *people["JB-KMB:ajib"][:1],
        *sorted(people.get("JB-KMB:cro", []), key=lambda e: e.placed_on)[:1],
    ]
    dims = Dimension.objects.filter(code__in=["jejaring-sosial", "keragaman-budaya"])
    rec.record(
        recorder=ctx["head"],
        form=ctx["forms"][BENCHMARKING],
        unit=ctx["units"]["JB-KMB"],
        started_at=_at(day, 9),
        duration_minutes=300,
        facilitator=people["JB-KMB:kepala-unit"][0],
        attendance=dict.fromkeys([p.pk for p in team], "present"),
        dimension_ids=[d.pk for d in dims],
        summary="Kunjungan belajar layanan multi-kanal.",
        detail={
            "host_type": "internal_unit",
            "host_name": "Mal Pelayanan Publik DKI Jakarta (Epicentrum)",
            "findings": "Antrean daring dan petugas penyambut memangkas waktu tunggu; "
            "layanan multi-kanal dengan TIK; ruang layanan ramah disabilitas.",
            "practices_adopted": "Nomor antrean daring untuk layanan PB-UMKU; CRO "
            "menyapa dan memilah berkas di pintu masuk sejak bulan berikutnya.",
        },
    )


def _self_study(rec, ctx, *, recorder, employee, index: int, days_ago: int):
    kind, topic, source, minutes, codes = SELF_STUDY[index % len(SELF_STUDY)]
    day = ctx["today"] - timedelta(days=days_ago)
    return rec.record(
        recorder=recorder,
        form=ctx["forms"][SELF_DEVELOPMENT],
        unit=employee.unit,
        # One start minute per person keeps the natural key unique.
        started_at=_at(day, 14, employee.pk % 60),
        duration_minutes=minutes,
        summary="Mempelajari kasus dan prosedur terbaru secara mandiri.",
        dimension_ids=[d.pk for d in Dimension.objects.filter(code__in=codes)],
        detail={
            "employee": employee,
            "study_kind": kind,
            "topic": topic,
            "source": source,
        },
    )


def _self_development(rec, ctx):
    people, head = ctx["people"], ctx["head"]
    learners = [
        *people["JB-KMB:staf-teknis"][1:4],
        *people["JB-KMB:ajib"][:2],
        *(
            people.get(f"{code}:staf-teknis", [None])[0]
            for code in ("JB-KMB-KS", "JB-KMB-JG")
        ),
    ]
    for number, learner in enumerate(p for p in learners if p is not None):
        for round_ in range(2):
            _self_study(
                rec,
                ctx,
                recorder=head,
                employee=learner,
                index=number + round_,
                days_ago=200 - 60 * round_ - 7 * number,
            )
    # Entries by staff themselves: verified, waiting, rejected.
    logins = {
        u.username: u
        for u in User.objects.filter(username__in=["pegawai.teknis", "pegawai.cro"])
    }
    technician, village_head = logins.get("pegawai.teknis"), ctx.get("village_head")
    if technician is not None and village_head is not None:
        employee = technician.employee
        done = _self_study(
            rec, ctx, recorder=technician, employee=employee, index=0, days_ago=70
        )
        if done is not None:
            activity_verify(activity=done, verifier=village_head)
        rejected = _self_study(
            rec, ctx, recorder=technician, employee=employee, index=1, days_ago=30
        )
        if rejected is not None:
            activity_reject(
                activity=rejected,
                verifier=village_head,
                reason="Lampirkan tangkapan layar materi atau sertifikat kursusnya.",
            )
        _self_study(
            rec, ctx, recorder=technician, employee=employee, index=2, days_ago=3
        )
    cro_login = logins.get("pegawai.cro")
    if cro_login is not None:
        _self_study(
            rec,
            ctx,
            recorder=cro_login,
            employee=cro_login.employee,
            index=3,
            days_ago=2,
        )


def _personal_approaches(rec, ctx):
    people, head = ctx["people"], ctx["head"]
    pairs = [
        (head, people["JB-KMB:phl"][0], 200),
        (head, people["JB-KMB:ajib"][1], 140),
        (head, sorted(people.get("JB-KMB:cro", []), key=lambda e: e.placed_on)[0], 60),
        (head, people["JB-KMB:staf-teknis"][4], 20),
    ]
    if ctx.get("village_head") is not None:
        pairs.append((ctx["village_head"], people["JB-KMB-MU:phl"][0], 45))
    for number, (recorder, employee, days_ago) in enumerate(pairs):
        day = ctx["today"] - timedelta(days=days_ago)
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        rec.record(
            recorder=recorder,
            form=ctx["forms"][PERSONAL],
            unit=employee.unit,
            started_at=_at(day, 15, 30),
            duration_minutes=30,
            detail={
                "employee": employee,
                "note": PERSONAL_NOTES[number % len(PERSONAL_NOTES)],
            },
        )


def _heads_own_verified(created: list[Activity]) -> None:
    """What credits a head waits for someone else: the head above verifies it,
    or BPSDM when there is none; BPSDM's latest one is left in its queue."""
    waiting = [
        a
        for a in created
        if a.status == Activity.Status.SUBMITTED and is_head(a.recorded_by)
    ]
    deciders = {a.pk: deciders_to_notify(a) for a in waiting}
    for_province = [
        a for a in waiting if deciders[a.pk] and runs_province(deciders[a.pk][0])
    ]
    left = max(for_province, key=lambda a: a.started_at, default=None)
    for activity in waiting:
        if activity != left and deciders[activity.pk]:
            activity_verify(activity=activity, verifier=deciders[activity.pk][0])


def _backdate(created: list[Activity]) -> None:
    """Make "recorded/verified at" follow the activity instead of the seeding day."""
    activities = list(Activity.objects.filter(pk__in=[a.pk for a in created]))
    for activity in activities:
        done = activity.started_at + timedelta(minutes=activity.duration_minutes + 20)
        activity.recorded_at = done
        if activity.submitted_at:
            activity.submitted_at = done
        if activity.verified_at:
            activity.verified_at = done + timedelta(hours=2)
    Activity.objects.bulk_update(
        activities, ["recorded_at", "submitted_at", "verified_at"], batch_size=200
    )


def seed(out, context: DemoContext) -> None:
    head = User.objects.filter(username=HEAD_LOGIN).first()
    if head is None or "JB-KMB" not in context.units:
        return
    forms = context.forms or {
        f.code: f for f in DevelopmentForm.objects.filter(provider="internal")
    }
    ctx = {
        "today": timezone.localdate(),
        "units": context.units,
        "people": context.people,
        "forms": forms,
        "head": head,
        "village_head": User.objects.filter(username=VILLAGE_HEAD_LOGIN).first(),
    }
    rec = _Recorder(ctx["units"])
    _briefings(rec, ctx, ctx["today"])
    _coachings(rec, ctx)
    _gatherings(rec, ctx)
    _benchmarking(rec, ctx)
    _self_development(rec, ctx)
    _personal_approaches(rec, ctx)
    _heads_own_verified(rec.created)
    _backdate(rec.created)
    if out is not None:
        out.write(f"Kegiatan internal: {len(rec.created)} baru.")
