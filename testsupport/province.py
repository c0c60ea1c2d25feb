"""The hand-written province of the report and plan tests: two kota, known
levels and two standards, so every gap number can be checked by hand (see
``reports/tests/test_numbers.py`` for the arithmetic); and ``released_result``,
a released test result with the ``LatestLevel`` roll-up refreshed as a release
does. Test modules take the fixtures in through their ``conftest.py``."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction
from django.utils import timezone

from assessments.models import (
    DimensionResult,
    Instrument,
    Result,
)
from assessments.services import latest_levels_refresh
from assessments.tests.factories import submitted_attempt
from competencies.bootstrap import reference_load
from competencies.models import Dimension, RequiredLevel, Standard
from ledger.services import jp_credit_set
from people.models import Employee, PositionType
from people.tests.factories import EmployeeFactory, UnitFactory
from reports.periods import recent_quarters


def _instrument() -> Instrument:
    instrument, __ = Instrument.objects.get_or_create(
        code="uji-laporan",
        version=1,
        defaults={
            "name": "Uji kompetensi sosiokultural",
            "time_limit_minutes": 30,
            "status": Instrument.Status.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    return instrument


def released_result(
    employee: Employee,
    assessed_on: date,
    levels: Mapping[Dimension, int],
) -> Result:
    """A released result of ``employee`` on ``assessed_on`` with the given level
    per dimension; ``LatestLevel`` refreshed as a release does."""
    instrument = _instrument()
    attempt = submitted_attempt(instrument, employee, assessed_on)
    moment = attempt.started_at
    result = Result.objects.create(
        attempt=attempt,
        employee=employee,
        instrument=instrument,
        assessed_on=assessed_on,
        status=Result.Status.RELEASED,
        scored_at=moment,
        released_at=moment,
    )
    DimensionResult.objects.bulk_create(
        DimensionResult(
            result=result,
            employee=employee,
            dimension=dimension,
            test_score=Decimal(level),
            score=Decimal(level),
            level=level,
        )
        for dimension, level in levels.items()
    )
    with transaction.atomic():  # the refresh locks the employee row
        latest_levels_refresh(employee_id=employee.pk)
    return result


@pytest.fixture
def framework(roles):
    """Dimensions, forms, matrix (Tables 4 and 5) and the demo's 2018 standard."""
    return reference_load()


@dataclass
class Province:
    fw: SimpleNamespace
    d1: object
    d2: object
    staff: PositionType
    head: PositionType
    past: object  # the Period four quarters ago
    standard_past: Standard
    standard_now: Standard
    kota2: object
    kec2: object
    e_a1: Employee
    e_a2: Employee
    e_b1: Employee
    e_k1: Employee
    e_t1: Employee
    e_t2: Employee


def _standard(name, effective_from, staff, head, levels_staff, levels_head, dims):
    standard = Standard.objects.create(name=name, effective_from=effective_from)
    for dimension in dims:
        for position, levels in ((staff, levels_staff), (head, levels_head)):
            RequiredLevel.objects.create(
                standard=standard,
                position_type=position,
                dimension=dimension,
                level=levels.get(dimension.code, levels["*"]),
            )
    return standard


@pytest.fixture
def province(org, roles, framework) -> Province:
    today = timezone.localdate()
    past = recent_quarters(today, 4)[0]
    dims = list(framework.dimensions.values())
    d1 = framework.dimensions["keragaman-budaya"]
    d2 = framework.dimensions["jejaring-sosial"]
    staff = roles.staff_a.employee.position_type
    head = roles.head_a.employee.position_type
    standard_past = _standard(
        "Standar lama",
        past.on - timedelta(days=100),
        staff,
        head,
        {"*": 2},
        {"*": 3},
        dims,
    )
    standard_now = _standard(
        "Standar baru",
        past.on + timedelta(days=1),
        staff,
        head,
        {d1.code: 3, d2.code: 2, "*": 1},
        {d1.code: 4, d2.code: 3, "*": 2},
        dims,
    )
    kota2 = UnitFactory(
        code="JT", name="Jakarta Timur", kind="kota", parent=org.province
    )
    kec2 = UnitFactory(code="JT-X", name="Kecamatan X", kind="kecamatan", parent=kota2)
    e_a1 = EmployeeFactory(
        unit=org.kel_a,
        position_type=staff,
        gender="P",
        employment_status="PPPK",
        nip="200012312024212001",
    )
    e_a2 = EmployeeFactory(unit=org.kel_a, position_type=staff)
    e_b1 = EmployeeFactory(unit=org.kel_b, position_type=staff)
    e_k1 = EmployeeFactory(unit=org.kecamatan, position_type=staff)
    e_t1 = EmployeeFactory(unit=kec2, position_type=staff)
    e_t2 = EmployeeFactory(unit=kec2, position_type=staff, is_active=False)
    old = past.on - timedelta(days=10)
    new = today - timedelta(days=20)
    released_result(roles.staff_a.employee, old, {d1: 1, d2: 1})
    released_result(roles.staff_a.employee, new, {d1: 2, d2: 3})
    released_result(e_a1, new, {d1: 3, d2: 1})
    released_result(roles.head_a.employee, new, {d1: 2, d2: 3})
    released_result(roles.staff_b.employee, old, {d1: 2, d2: 2})
    released_result(e_b1, new, {d1: 1, d2: 2})
    released_result(roles.head_kecamatan.employee, new, {d1: 5, d2: 1})
    released_result(e_k1, old, {d1: 1, d2: 2})
    released_result(e_k1, new, {d1: 3})
    released_result(e_t1, new, {d1: 2, d2: 2})
    released_result(e_t2, new, {d1: 1, d2: 1})  # inactive: never counted
    year = today.year
    credits = {
        roles.staff_a.employee.pk: 900,  # 20.00 JP
        e_a1.pk: "899.78",  # 19.9951… → 20.00 JP (rounded half up)
        roles.head_a.employee.pk: "899.77",  # 19.9949… → 19.99 JP
    }
    for n, (employee_id, minutes) in enumerate(credits.items()):
        jp_credit_set(
            source_key=f"uji-jp:{n}",
            source="internal",
            occurred_on=date(year, 1, 15),
            description="Briefing",
            credits={employee_id: minutes},
        )
    jp_credit_set(
        source_key="uji-jp:lalu",
        source="internal",
        occurred_on=date(year - 1, 6, 1),
        description="Tahun lalu",
        credits={e_a2.pk: 2000},
    )
    return Province(
        fw=framework,
        d1=d1,
        d2=d2,
        staff=staff,
        head=head,
        past=past,
        standard_past=standard_past,
        standard_now=standard_now,
        kota2=kota2,
        kec2=kec2,
        e_a1=e_a1,
        e_a2=e_a2,
        e_b1=e_b1,
        e_k1=e_k1,
        e_t1=e_t1,
        e_t2=e_t2,
    )
