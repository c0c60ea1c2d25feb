"""A synthetic DKI-like province for the benchmark, written in bulk.

Shape: one province office, up to six kota, kecamatan and kelurahan under them
(``--units`` in all), employees spread over every unit, ``--rounds`` province-wide
test rounds 120 days apart (each round tests a growing share of the employees on
all six dimensions; levels drift upward), LatestLevel rows matching the latest
round, verified internal activities with attendance and JP credits this year
(about 20 per employee), completed BPSDM programs for some employees, and
development plans for one employee in ten.

Every unit code starts with ``BENCH`` and every row hangs off those units, so
``wipe`` can remove exactly what ``build`` made.

``# nosec B608`` marks SQL built with f-strings whose only interpolations are
table and column names taken from model metadata and quoted by the backend
(``connection.ops.quote_name``), integers passed through ``int()``, the
configured time zone name, or fragments built the same way in this module;
every value is a query parameter.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from activities.models import Activity, Attendance, AttendeeUnit
from assessments.management.commands.rebuild_rollups import rebuild_all
from assessments.models import (
    Attempt,
    DimensionResult,
    Instrument,
    LatestLevel,
    LevelCount,
    LevelProfileCount,
    Result,
    TestWindow,
)
from assessments.rollups import quarter_snapshots_ensure
from bench.development import (
    PREFIX,
    activities_load,
    plans_load,
    programs_load,
)
from bench.ikm import surveys_load
from bench.loader import Loader
from competencies.bootstrap import DEFAULT_STANDARD_FROM, reference_load
from competencies.models import Dimension, RequiredLevel, Standard
from evaluations.models import DueFollowUpDay
from ledger.models import JPEntry, JPTotal
from people import tree
from people.models import Employee, PositionType, Unit, User
from people.reference import position_types_load
from plans.models import DevelopmentPlan, PlanItem
from programs.models import Nomination, Program
from surveys.models import (
    Answer,
    FollowUp,
    Publication,
    ReportedScore,
    Response,
    Survey,
)

BENCH_USER = "bench-bpsdm"
INSTRUMENT = "bench-uji"
# Levels the synthetic standard requires per tier (used only when the database
# has no standard of its own).
BENCH_TIER_LEVEL = {
    "pelaksana": 3,
    "pengawas": 3,
    "administrator": 4,
    "jpt_pratama": 4,
    "jpt_madya": 5,
}
# Position mix of a unit's staff (weights), codes from people.demo.
POSITION_MIX = [
    ("kepala-unit", 3),
    ("kepala-subbagian", 2),
    ("staf-teknis", 40),
    ("ajib", 15),
    ("cro", 15),
    ("phl", 25),
]


@dataclass
class Shape:
    employees: int
    units: int
    rounds: int
    seed: int = 7

    @property
    def label(self) -> str:
        return (
            f"{PREFIX} provinsi sintetis ({self.employees} pegawai, {self.units} unit, "
            f"{self.rounds} putaran, seed {self.seed})"
        )


@dataclass
class Built:
    root: Unit
    user: User
    counts: dict[str, int] = field(default_factory=dict)


def has_foreign_data() -> bool:
    """Units or employees not made by the benchmark."""
    return (
        Unit.objects.exclude(code__startswith=PREFIX).exists()
        or Employee.objects.exclude(unit__code__startswith=PREFIX).exists()
    )


def existing(shape: Shape) -> Built | None:
    """The province of a previous run with the same shape, if complete."""
    root = Unit.objects.filter(code=f"{PREFIX}-DKI", name=shape.label).first()
    user = User.objects.filter(username=BENCH_USER).first()
    if root is None or user is None:
        return None
    return Built(root=root, user=user)


def wipe() -> None:
    """Delete every row a previous run made, and nothing else: plain DELETEs
    keyed on the BENCH units (fast at millions of rows, no ORM collection)."""
    units = f"SELECT id FROM {_t(Unit)} WHERE code LIKE %s"  # nosec B608  # noqa: S608
    employees = f"SELECT id FROM {_t(Employee)} WHERE unit_id IN ({units})"  # nosec B608  # noqa: S608
    activities = f"SELECT id FROM {_t(Activity)} WHERE unit_id IN ({units})"  # nosec B608  # noqa: S608
    results = f"SELECT id FROM {_t(Result)} WHERE employee_id IN ({employees})"  # nosec B608  # noqa: S608
    plans = f"SELECT id FROM {_t(DevelopmentPlan)} WHERE employee_id IN ({employees})"  # nosec B608  # noqa: S608
    surveys = f"SELECT id FROM {_t(Survey)} WHERE unit_id IN ({units})"  # nosec B608  # noqa: S608
    responses = f"SELECT id FROM {_t(Response)} WHERE survey_id IN ({surveys})"  # nosec B608  # noqa: S608
    through = Activity.dimensions.through
    statements = [
        (Answer, f"response_id IN ({responses})"),
        (Response, f"survey_id IN ({surveys})"),
        (ReportedScore, f"survey_id IN ({surveys})"),
        (FollowUp, f"survey_id IN ({surveys})"),
        (Publication, f"survey_id IN ({surveys})"),
        (Survey, f"unit_id IN ({units})"),
        (PlanItem, f"plan_id IN ({plans})"),
        (DevelopmentPlan, f"employee_id IN ({employees})"),
        (JPTotal, f"employee_id IN ({employees})"),
        (JPEntry, f"employee_id IN ({employees})"),
        (Nomination, f"employee_id IN ({employees})"),
        (AttendeeUnit, f"activity_id IN ({activities}) OR unit_id IN ({units})"),
        (DueFollowUpDay, f"unit_id IN ({units})"),
        (Attendance, f"activity_id IN ({activities})"),
        (through, f"activity_id IN ({activities})"),
        (Activity, f"unit_id IN ({units})"),
        (LatestLevel, f"employee_id IN ({employees})"),
        (LevelCount, f"unit_id IN ({units})"),
        (LevelProfileCount, f"unit_id IN ({units})"),
        (DimensionResult, f"result_id IN ({results})"),
        (Result, f"employee_id IN ({employees})"),
        (Attempt, f"employee_id IN ({employees})"),
        (Employee, f"unit_id IN ({units})"),
    ]
    like = f"{PREFIX}%"
    with connection.cursor() as cursor:
        for model, where in statements:
            cursor.execute(
                f"DELETE FROM {_t(model)} WHERE {where}",  # nosec B608  # noqa: S608
                [like] * where.count("%s"),
            )
    for program in Program.objects.filter(title__startswith=PREFIX):
        program.dimensions.clear()
        program.delete()
    TestWindow.objects.filter(instrument__code=INSTRUMENT).delete()
    Instrument.objects.filter(code=INSTRUMENT).delete()
    # Children before parents (parent is PROTECT).
    bench_units = Unit.objects.filter(code__startswith=PREFIX)
    for depth in sorted(set(bench_units.values_list("depth", flat=True)), reverse=True):
        Unit.objects.filter(code__startswith=PREFIX, depth=depth).delete()
    User.objects.filter(username=BENCH_USER).delete()


def _contract(pk: int, status: str, today: date) -> dict:
    """PPPK work on five-year contracts that started on various days of the last
    three years (so contract years cross calendar years)."""
    if status != "PPPK":
        return {"contract_starts_on": None, "contract_ends_on": None}
    start = date(today.year - 1 - pk % 3, 1 + pk % 12, 1 + pk % 28)
    return {
        "contract_starts_on": start,
        "contract_ends_on": date(start.year + 5, start.month, start.day)
        - timedelta(days=1),
    }


def _t(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _framework() -> tuple[list[Dimension], dict[str, PositionType], dict]:
    positions = position_types_load()
    own_standard = None
    if not Standard.objects.exists():
        own_standard = Standard.objects.create(
            name="Standar sintetis (benchmark)",
            effective_from=DEFAULT_STANDARD_FROM,
        )
    forms = reference_load().forms
    dims = list(Dimension.objects.order_by("number"))
    if own_standard is not None:
        RequiredLevel.objects.bulk_create(
            RequiredLevel(
                standard=own_standard,
                position_type=position,
                dimension=dimension,
                level=BENCH_TIER_LEVEL[position.tier],
            )
            for position in PositionType.objects.all()
            for dimension in dims
        )
    return dims, positions, forms


def _tree(loader: Loader, shape: Shape, rnd: random.Random) -> list[dict]:
    n_kota = min(6, max(1, shape.units // 80))
    n_kec = max(n_kota, shape.units // 8)
    n_kel = max(1, shape.units - 1 - n_kota - n_kec)
    ids = iter(loader.reserve_ids(Unit, 1 + n_kota + n_kec + n_kel))
    units = []

    def add(code, name, kind, parent):
        pk = next(ids)
        path = tree.child_path(parent["path"] if parent else "", pk)
        row = {
            "id": pk,
            "code": code,
            "name": name,
            "kind": kind,
            "parent_id": parent["id"] if parent else None,
            "path": path,
            "depth": tree.depth_of(path),
        }
        units.append(row)
        return row

    root = add(f"{PREFIX}-DKI", shape.label, "provinsi", None)
    kotas = [
        add(f"{PREFIX}-K{k + 1}", f"UPPTSP Kota sintetis {k + 1}", "kota", root)
        for k in range(n_kota)
    ]
    kecs = [
        add(
            f"{PREFIX}-C{c + 1}",
            f"UPPTSP Kecamatan sintetis {c + 1}",
            "kecamatan",
            kotas[c % n_kota],
        )
        for c in range(n_kec)
    ]
    for n in range(n_kel):
        add(
            f"{PREFIX}-L{n + 1}",
            f"UP PTSP Kelurahan sintetis {n + 1}",
            "kelurahan",
            kecs[rnd.randrange(n_kec)],
        )
    loader.load(Unit, units)
    return units


def build(shape: Shape, *, out=None) -> Built:
    """Write the province; a few minutes at 100,000 employees on PostgreSQL."""
    rnd = random.Random(shape.seed)
    loader = Loader()
    today = timezone.localdate()
    say = (lambda text: out.write(text + "\n")) if out else (lambda text: None)
    dims, positions, forms = _framework()
    user = User.objects.create_user(
        username=BENCH_USER, role=User.Role.BPSDM, password=None
    )
    units = _tree(loader, shape, rnd)
    say(f"  {len(units)} unit")

    # Employees: every unit staffed, sizes varying ±50 % around the mean.
    weights = [rnd.uniform(0.5, 1.5) for __ in units]
    scale = shape.employees / sum(weights)
    sizes = [max(1, int(w * scale)) for w in weights]
    sizes[-1] += shape.employees - sum(sizes)
    mix = [positions[code].pk for code, __ in POSITION_MIX]
    mix_weights = [w for __, w in POSITION_MIX]
    phl = positions["phl"].pk
    emp_ids = iter(loader.reserve_ids(Employee, shape.employees))
    employees: list[tuple[int, int, int]] = []  # (id, unit_id, position_type_id)

    def employee_rows():
        for unit, size in zip(units, sizes, strict=True):
            for position in rnd.choices(mix, mix_weights, k=max(size, 0)):
                pk = next(emp_ids)
                gender = rnd.choice("LP")
                status = (
                    "NON_ASN" if position == phl else rnd.choice(["PNS", "PNS", "PPPK"])
                )
                employees.append((pk, unit["id"], position))
                yield {
                    "id": pk,
                    "name": f"Pegawai sintetis {pk}",
                    "nip": None if status == "NON_ASN" else f"19{pk:016d}",
                    "unit_id": unit["id"],
                    "position_type_id": position,
                    "employment_status": status,
                    "gender": gender,
                    "placed_on": date(2015 + pk % 10, 1 + pk % 12, 1),
                    "is_active": rnd.random() > 0.01,
                    "email": "",
                    "user_id": None,
                    **_contract(pk, status, today),
                }

    loader.load(Employee, employee_rows())
    say(f"  {len(employees)} pegawai")
    _assessments(loader, shape, rnd, employees, dims, today)
    say("  hasil uji dan level terkini")
    activities_load(loader, rnd, units, employees, dims, forms, user, today)
    say("  kegiatan internal, kehadiran dan JP")
    programs_load(loader, rnd, employees, forms, today)
    plans_load(loader, rnd, employees, dims, forms, today)
    surveys_load(loader, rnd, units, employees, user, today)
    say("  survei IKM, responden, tindak lanjut dan publikasi")
    loader.finish()
    # The snapshot days first (as the daily task keeps them), then every roll-up
    # from its sources in the order the rebuild command knows, as a deployment
    # would after loading data by hand.
    quarter_snapshots_ensure(today)
    rebuild_all()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    say("  total JP per pegawai dan jangka waktu")
    root = Unit.objects.get(code=f"{PREFIX}-DKI")
    return Built(root=root, user=user, counts=dict(loader.counts))


def _assessments(loader, shape, rnd, employees, dims, today) -> None:
    instrument = Instrument.objects.create(
        code=INSTRUMENT,
        name="Uji sintetis",
        time_limit_minutes=30,
        status=Instrument.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    ability = {pk: rnd.choice([1, 2, 2, 3, 3, 3, 4, 4, 5]) for pk, __, __ in employees}
    latest: dict[int, tuple[int, date, list[int]]] = {}
    rounds = []
    for r in range(shape.rounds):
        assessed_on = today - timedelta(days=120 * (shape.rounds - r))
        moment = timezone.make_aware(datetime.combine(assessed_on, time(9)))
        window = TestWindow.objects.create(
            instrument=instrument,
            title=f"{PREFIX} putaran {r + 1}",
            opens_at=moment,
            closes_at=moment + timedelta(hours=8),
        )
        share = min(0.95, 0.6 + 0.12 * r)
        tested = [e for e in employees if rnd.random() < share]
        rounds.append((r, assessed_on, moment, window, tested))
    total = sum(len(t) for *__, t in rounds)
    attempt_ids = iter(loader.reserve_ids(Attempt, total))
    result_ids = iter(loader.reserve_ids(Result, total))
    results: list[tuple[int, int, date, list[int]]] = []

    def attempt_rows():
        for r, assessed_on, moment, window, tested in rounds:
            for pk, __, __ in tested:
                attempt = next(attempt_ids)
                result = next(result_ids)
                levels = [
                    max(1, min(5, ability[pk] + rnd.choice([-1, 0, 0, 0, 1]) + r // 2))
                    for __ in dims
                ]
                results.append((result, attempt, pk, assessed_on, moment, levels))
                latest[pk] = (result, assessed_on, levels)
                yield {
                    "id": attempt,
                    "window_id": window.pk,
                    "employee_id": pk,
                    "status": Attempt.Status.SUBMITTED,
                    "started_at": moment,
                    "deadline": moment + timedelta(minutes=30),
                    "submitted_at": moment + timedelta(minutes=25),
                    "auto_submitted": False,
                }

    loader.load(Attempt, attempt_rows())
    loader.load(
        Result,
        (
            {
                "id": result,
                "attempt_id": attempt,
                "employee_id": pk,
                "instrument_id": instrument.pk,
                "assessed_on": assessed_on,
                "status": Result.Status.RELEASED,
                "scored_at": moment,
                "released_at": moment,
                "released_by_id": None,
                "revision": 0,
            }
            for result, attempt, pk, assessed_on, moment, __ in results
        ),
    )
    # Each result is in force until the employee's next round (rounds are in
    # date order): the validity interval the release service would write.
    following: dict[int, date | None] = {}
    next_on: dict[int, date] = {}
    for result, __, pk, assessed_on, __, __ in reversed(results):
        following[result] = next_on.get(pk)
        next_on[pk] = assessed_on
    loader.load(
        DimensionResult,
        (
            {
                "result_id": result,
                "employee_id": pk,
                "dimension_id": d.pk,
                "test_score": Decimal(level),
                "supervisor_rating": None,
                "score": Decimal(level),
                "level": level,
                "valid_from": assessed_on,
                "valid_to": following[result],
            }
            for result, __, pk, assessed_on, __, levels in results
            for d, level in zip(dims, levels, strict=True)
        ),
    )
    loader.load(
        LatestLevel,
        (
            {
                "employee_id": pk,
                "dimension_id": d.pk,
                "level": level,
                "assessed_on": assessed_on,
                "result_id": result,
            }
            for pk, (result, assessed_on, levels) in latest.items()
            for d, level in zip(dims, levels, strict=True)
        ),
    )
