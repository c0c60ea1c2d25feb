import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from people.models import PositionType
from people.tests.factories import EmployeeFactory
from programs.demand import demand, demand_counts, gap_dimensions
from programs.tests.factories import latest_level, standard


def test_gap_dimensions_and_counts_pure():
    gaps = gap_dimensions(
        employees=[(1, 10), (2, 10), (3, 20)],
        dimension_ids=[100, 200],
        required={(10, 100): 2, (10, 200): 2, (20, 100): 3, (20, 200): 3},
        levels={(1, 100): 1, (1, 200): 2, (2, 100): 3, (3, 200): 1},
    )
    # 2 has a surplus (not a need); 3 is untested in 100.
    assert gaps == {1: {100}, 2: set(), 3: {200}}
    assert demand_counts(
        gaps=gaps, form_dimensions={7: {100, 200}, 8: {100}, 9: set()}
    ) == {7: 2, 8: 1, 9: 0}


@pytest.fixture
def known(org, roles, fw):
    """A known fixture: staff need level 2, heads level 3 in every dimension."""
    dims, forms = fw
    staff = PositionType.objects.get(code="staf-teknis")
    head = PositionType.objects.get(code="kepala-unit")
    standard({staff: 2, head: 3})
    d = [dims[code] for code in sorted(dims, key=lambda c: dims[c].number)]
    # staff A: gap in dimension 1 only.
    latest_level(roles.staff_a.employee, d[0], 1)
    for dim in d[1:]:
        latest_level(roles.staff_a.employee, dim, 2)
    # a new staff member of kelurahan A: tested only in disability sensitivity, gap.
    latest_level(EmployeeFactory(unit=org.kel_a), d[5], 1)
    # staff B: at or above the standard everywhere (a surplus is no need).
    for dim in d:
        latest_level(roles.staff_b.employee, dim, 3)
    EmployeeFactory(unit=org.kel_b)  # never tested
    inactive = EmployeeFactory(unit=org.kel_b, is_active=False)
    for dim in d:
        latest_level(inactive, dim, 1)
    # head A: gap in conflict management only.
    for dim in d:
        latest_level(
            roles.head_a.employee, dim, 2 if dim.code == "manajemen-konflik" else 3
        )
    # outside Kembangan: gaps everywhere.
    elsewhere = EmployeeFactory(unit=org.kota)
    for dim in d:
        latest_level(elsewhere, dim, 1)
    return forms


def _by_code(result):
    return {row.form.code: row.employees for row in result.rows}


FIVE = ["e-learning", "diklat-komunikasi", "pertukaran-pns-swasta", "uji-kompetensi"]


def test_demand_for_kecamatan_subtree(known, org):
    result = demand(units=[org.kecamatan], on=timezone.localdate())
    assert _by_code(result) == {
        "orientasi-pelayanan": 3,
        "e-learning": 2,
        "diklat-komunikasi": 2,
        "pertukaran-pns-swasta": 2,
        "uji-kompetensi": 2,
        "diklat-disabilitas": 1,
    }
    assert (result.employees, result.assessed, result.with_gap) == (7, 4, 3)


def test_demand_for_one_kelurahan_and_for_two(known, org):
    kel_a = demand(units=[org.kel_a], on=timezone.localdate())
    assert _by_code(kel_a)["orientasi-pelayanan"] == 3
    assert _by_code(kel_a)["diklat-disabilitas"] == 1
    assert (kel_a.employees, kel_a.assessed, kel_a.with_gap) == (3, 3, 3)
    kel_b = demand(units=[org.kel_b], on=timezone.localdate())
    assert set(_by_code(kel_b).values()) == {0}
    assert (kel_b.employees, kel_b.assessed, kel_b.with_gap) == (3, 1, 0)
    both = demand(units=[org.kel_a, org.kel_b], on=timezone.localdate())
    assert _by_code(both) == _by_code(kel_a)


def test_demand_without_filter_is_every_unit(known):
    result = demand(on=timezone.localdate())
    assert _by_code(result) == {
        "orientasi-pelayanan": 4,
        "e-learning": 3,
        "diklat-komunikasi": 3,
        "pertukaran-pns-swasta": 3,
        "uji-kompetensi": 3,
        "diklat-disabilitas": 2,
    }
    assert result.employees == 8


def test_demand_lists_only_external_forms_in_matrix_order(known, org):
    codes = [
        row.form.code for row in demand(units=[org.kel_a], on=timezone.localdate()).rows
    ]
    assert codes == [
        "orientasi-pelayanan",
        "e-learning",
        "diklat-komunikasi",
        "pertukaran-pns-swasta",
        "uji-kompetensi",
        "diklat-disabilitas",
    ]


def test_demand_query_count_is_constant(known, org, fw, django_assert_num_queries):
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as small:
        demand(units=[org.kecamatan, org.kel_a], on=today)
    dims = list(fw[0].values())
    for __ in range(15):
        employee = EmployeeFactory(unit=org.kel_b)
        for dim in dims:
            latest_level(employee, dim, 1)
    with django_assert_num_queries(len(small.captured_queries)):
        result = demand(units=[org.kecamatan, org.kel_a], on=today)
    assert _by_code(result)["orientasi-pelayanan"] == 18
