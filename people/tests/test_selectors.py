from people.models import Unit
from people.selectors import (
    employee_get_for_user,
    employees_visible_to,
    unit_ancestors,
    unit_subtree,
    units_visible_to,
)


def test_unit_subtree_is_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = sorted(unit_subtree(org.kecamatan).values_list("code", flat=True))
    assert codes == ["JB-KMB", "JB-KMB-JG", "JB-KMB-MU"]


def test_unit_subtree_query_count_constant_in_size(org, django_assert_num_queries):
    from people.services import unit_create

    for i in range(30):
        unit_create(code=f"X{i}", name=f"X{i}", kind="kelurahan", parent=org.kel_a)
    with django_assert_num_queries(1):
        assert len(list(unit_subtree(org.kota))) == 3 + 30 + 1


def test_unit_ancestors_root_first(org):
    assert [u.code for u in unit_ancestors(org.kel_a)] == [
        "DKI",
        "JB",
        "JB-KMB",
        "JB-KMB-MU",
    ]


def test_units_visible_to_roles(roles, org):
    assert set(units_visible_to(roles.bpsdm)) == set(Unit.objects.all())
    assert {u.code for u in units_visible_to(roles.head_kecamatan)} == {
        "JB-KMB",
        "JB-KMB-MU",
        "JB-KMB-JG",
    }
    assert {u.code for u in units_visible_to(roles.head_a)} == {"JB-KMB-MU"}
    assert {u.code for u in units_visible_to(roles.staff_a)} == {"JB-KMB-MU"}


def test_employees_visible_to_roles(roles):
    staff_a = roles.staff_a.employee
    assert list(employees_visible_to(roles.staff_a)) == [staff_a]
    assert set(employees_visible_to(roles.head_a)) == {roles.head_a.employee, staff_a}
    assert employees_visible_to(roles.head_kecamatan).count() == 5
    assert employees_visible_to(roles.bpsdm).count() == 5


def test_employee_get_for_user_outside_scope_is_404(roles):
    import pytest
    from django.http import Http404

    with pytest.raises(Http404):
        employee_get_for_user(roles.head_b, roles.staff_a.employee.pk)


def test_demo_nips_stay_valid_and_unique_past_a_thousand():
    from people.demo import demo_nip
    from people.nip import nip_errors

    nips = [demo_nip(i, "L", "PNS") for i in range(3000)]
    assert len(set(nips)) == 3000
    assert all(nip_errors(n, status="PNS", gender="L") == [] for n in nips[::97])
    assert nip_errors(demo_nip(2500, "P", "PPPK"), status="PPPK", gender="P") == []


def test_heads_over_unit_are_the_active_heads_up_the_tree(roles, org):
    from people.selectors import heads_over_unit

    assert list(heads_over_unit(org.kel_a)) == [roles.head_kecamatan, roles.head_a]
    roles.head_a.employee.is_active = False
    roles.head_a.employee.save(update_fields=["is_active"])
    assert list(heads_over_unit(org.kel_a)) == [roles.head_kecamatan]
    assert list(heads_over_unit(org.kota)) == []


def test_heads_over_takes_a_unit_or_each_row_of_an_outer_query(roles, org):
    from django.db.models import Exists, OuterRef

    from people.models import Unit
    from people.selectors import heads_over

    assert set(heads_over(org.kel_a)) == {roles.head_kecamatan, roles.head_a}
    assert list(heads_over(org.kota)) == []
    roles.head_kecamatan.is_active = False
    roles.head_kecamatan.save(update_fields=["is_active"])
    headed = Unit.objects.filter(Exists(heads_over(OuterRef("pk"))))
    assert set(headed) == {org.kel_a, org.kel_b}


def test_heads_over_units_equals_heads_over_unit_for_each(roles, org):
    from people.selectors import heads_over_unit, heads_over_units

    units = [org.kel_a, org.kel_b, org.kecamatan, org.kota, org.bpsdm]
    assert heads_over_units(units) == {
        unit.pk: list(heads_over_unit(unit)) for unit in units
    }
    assert [h.username for h in heads_over_units([org.kel_a])[org.kel_a.pk]] == [
        "kepala.kec",
        "kepala.a",
    ]
