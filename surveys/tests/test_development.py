from datetime import date
from decimal import Decimal

import pytest

from competencies.models import (
    DevelopmentForm,
    Dimension,
    RequiredLevel,
    Standard,
)
from ledger.services import jp_credit_set
from people.tests.factories import EmployeeFactory, PositionTypeFactory
from sosiokultural.periods import Period
from surveys.development import jp_by_period, mean_gaps, unit_development

Q4 = Period(2018, 4)


def test_mean_gaps_exact_and_floored():
    employees = [(1, 10), (2, 10), (3, 20), (4, 10)]
    required = {(10, 100): 3, (20, 100): 2, (10, 200): 2}
    assessed = {(1, 100): 1, (2, 100): 3, (3, 100): 4, (1, 200): 1}
    assert mean_gaps(
        employees=employees,
        required=required,
        assessed=assessed,
        dimension_ids=[100, 200, 300],
    ) == {
        # gaps 2, 0, 0 (surplus is not a negative need); employee 4 untested
        100: (3, 1, Decimal("0.67")),
        200: (1, 1, Decimal("1.00")),
        300: (0, 0, None),
    }


@pytest.fixture
def framework(db):
    dimension = Dimension.objects.create(
        code="empati-sosial", number=4, name="Empati Sosial"
    )
    other = Dimension.objects.create(
        code="kepekaan-gender", number=5, name="Kepekaan Gender"
    )
    briefing = DevelopmentForm.objects.create(
        code="briefing",
        name="Briefing",
        provider="internal",
        classification="non_classical",
        order=3,
    )
    elearning = DevelopmentForm.objects.create(
        code="e-learning",
        name="E-Learning",
        provider="external",
        classification="non_classical",
        order=2,
    )
    return dimension, other, briefing, elearning


def test_unit_development_in_the_quarter(org, framework, monkeypatch):
    dimension, other, briefing, elearning = framework
    position = PositionTypeFactory(code="cro", name="CRO")
    staff = [
        EmployeeFactory(unit=org.kel_a, position_type=position),
        EmployeeFactory(unit=org.kel_a, position_type=position),
        EmployeeFactory(unit=org.kecamatan, position_type=position),
    ]
    outsider = EmployeeFactory(unit=org.kel_b, position_type=position)
    standard = Standard.objects.create(name="S", effective_from=date(2018, 1, 1))
    RequiredLevel.objects.create(
        standard=standard, position_type=position, dimension=dimension, level=3
    )
    # Two briefings in the quarter, one outside it, an e-learning program, and the
    # outsider's credit (another kelurahan) which must not count.
    jp_credit_set(
        source_key="activity:1",
        source="internal",
        occurred_on=date(2018, 10, 3),
        description="Briefing",
        credits={staff[0].pk: 10, staff[1].pk: 10},
        form_id=briefing.pk,
    )
    jp_credit_set(
        source_key="activity:2",
        source="internal",
        occurred_on=date(2018, 12, 31),
        description="Briefing",
        credits={staff[0].pk: 10},
        form_id=briefing.pk,
    )
    jp_credit_set(
        source_key="activity:3",
        source="internal",
        occurred_on=date(2019, 1, 1),
        description="Briefing",
        credits={staff[0].pk: 10},
        form_id=briefing.pk,
    )
    jp_credit_set(
        source_key="program:1",
        source="external",
        occurred_on=date(2018, 11, 5),
        description="E-learning",
        credits={staff[1].pk: 90},
        form_id=elearning.pk,
    )
    jp_credit_set(
        source_key="activity:9",
        source="internal",
        occurred_on=date(2018, 11, 5),
        description="Briefing",
        credits={outsider.pk: 45},
        form_id=briefing.pk,
    )
    levels = {(staff[0].pk, dimension.pk): 1, (staff[1].pk, dimension.pk): 3}
    monkeypatch.setattr(
        "assessments.selectors.latest_levels",
        lambda ids: {k: v for k, v in levels.items() if k[0] in set(ids)},
    )
    result = unit_development(org.kel_a, Q4)
    assert (result.employees, result.participants, result.activities) == (2, 2, 3)
    # 30 + 90 minutes = 120 min = 2.67 JP (summed first, converted once)
    assert result.jp == Decimal("2.67")
    assert result.jp_per_employee == Decimal("1.34")
    assert [
        (r.label, r.source, r.activities, r.participants, r.jp) for r in result.forms
    ] == [
        ("E-Learning", "external", 1, 1, Decimal("2.00")),
        ("Briefing", "internal", 2, 2, Decimal("0.67")),
    ]
    assert [
        (g.dimension.code, g.employees, g.below, g.mean_gap) for g in result.gaps
    ] == [
        ("empati-sosial", 2, 1, Decimal("1.00")),
        ("kepekaan-gender", 0, 0, None),
    ]
    # the kecamatan includes both kelurahan (the other one is kelurahan B)
    wider = unit_development(org.kecamatan, Q4)
    assert (wider.employees, wider.jp) == (4, Decimal("3.67"))


def _credit(key, employees, form, day=date(2018, 11, 1)):
    jp_credit_set(
        source_key=key,
        source=form.provider,
        occurred_on=day,
        description=key,
        credits={e.pk: 45 for e in employees},
        form_id=form.pk,
    )


def test_unit_development_query_count(org, framework, django_assert_num_queries):
    __, __, briefing, elearning = framework
    Standard.objects.create(name="S", effective_from=date(2018, 1, 1))
    staff = [EmployeeFactory(unit=org.kel_a) for __ in range(2)]
    _credit("k1", staff, briefing)
    with django_assert_num_queries(11):
        unit_development(org.kel_a, Q4)
    staff += [EmployeeFactory(unit=org.kel_a) for __ in range(10)]
    for i in range(10):
        _credit(f"k{i + 2}", staff, briefing if i % 2 else elearning)
    with django_assert_num_queries(11):
        result = unit_development(org.kel_a, Q4)
    assert (result.employees, result.activities, result.jp) == (
        12,
        11,
        Decimal("122.00"),  # (2 + 10 × 12) × 45 min
    )


def test_jp_by_period_one_query(org, framework, django_assert_num_queries):
    __, __, briefing, __ = framework
    employee = EmployeeFactory(unit=org.kel_a)
    for key, day, minutes in [
        ("a", date(2018, 10, 1), 45),
        ("b", date(2018, 12, 31), 45),
        ("c", date(2019, 1, 1), 90),
        ("d", date(2019, 7, 1), 45),
    ]:
        jp_credit_set(
            source_key=key,
            source="internal",
            occurred_on=day,
            description=key,
            credits={employee.pk: minutes},
            form_id=briefing.pk,
        )
    with django_assert_num_queries(1):
        result = jp_by_period(org.kecamatan, [Q4, Period(2019, 1), Period(2019, 2)])
    assert result == {
        Q4: Decimal("2.00"),
        Period(2019, 1): Decimal("2.00"),
        Period(2019, 2): Decimal("0.00"),
    }
