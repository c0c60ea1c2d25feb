import pytest
from django import forms

from people.lookup import (
    SEARCH_LIMIT,
    EmployeeLookupField,
    EmployeeLookupMultipleField,
    employee_search,
)
from people.models import Employee
from people.tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_employee_search_matches_name_part_and_nip_start(org):
    ani = EmployeeFactory(unit=org.kel_a, name="Ani Rahmawati")
    EmployeeFactory(unit=org.kel_a, name="Budi Santoso")
    found = list(employee_search(Employee.objects.all(), "rahma"))
    assert found == [ani]
    assert list(employee_search(Employee.objects.all(), ani.nip[:8])) == [ani]


def test_employee_search_needs_two_characters_and_skips_the_inactive(org):
    EmployeeFactory(unit=org.kel_a, name="Ani", is_active=False)
    assert list(employee_search(Employee.objects.all(), "a")) == []
    assert list(employee_search(Employee.objects.all(), "an")) == []


def test_search_page_is_scoped_and_bounded(roles, org, login):
    EmployeeFactory.create_batch(SEARCH_LIMIT + 2, unit=org.kel_a, name="Sari Dewi")
    outsider = EmployeeFactory(unit=org.kel_b, name="Sari Outsider")
    body = login(roles.head_a).get("/pegawai/cari/?q=sari").content.decode()
    assert body.count("data-lookup-pick=") == SEARCH_LIMIT
    assert "ketik lebih lengkap" in body
    assert outsider.name not in body
    # Staff see only themselves; a unit out of scope finds nobody.
    staff_body = login(roles.staff_b).get("/pegawai/cari/?q=sari").content.decode()
    assert "data-lookup-pick=" not in staff_body
    out = login(roles.head_a).get(f"/pegawai/cari/?q=sari&unit={org.kel_b.pk}")
    assert "data-lookup-pick=" not in out.content.decode()
    assert "Tidak ada pegawai yang cocok." in out.content.decode()


def test_search_page_query_count_does_not_grow(
    roles, org, login, django_assert_num_queries
):
    client = login(roles.bpsdm)
    EmployeeFactory.create_batch(2, unit=org.kel_a, name="Sari")
    client.get("/pegawai/cari/?q=sari")
    # session, user and their employee record, the unit, the matches: the same
    # count whatever the number of employees
    with django_assert_num_queries(6):
        client.get(f"/pegawai/cari/?q=sari&unit={org.kel_a.pk}")
    EmployeeFactory.create_batch(30, unit=org.kel_a, name="Sari")
    with django_assert_num_queries(6):
        client.get(f"/pegawai/cari/?q=sari&unit={org.kel_a.pk}")


class _Pick(forms.Form):
    person = EmployeeLookupField(queryset=Employee.objects.none())
    people = EmployeeLookupMultipleField(
        queryset=Employee.objects.none(), required=False
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = queryset
        self.fields["people"].queryset = queryset


def test_lookup_field_renders_only_the_chosen(
    org, django_assert_num_queries, monkeypatch
):
    from people import lookup

    monkeypatch.setattr(lookup._LookupWidget, "select_below", 3)
    chosen = EmployeeFactory(unit=org.kel_a, name="Ani")
    EmployeeFactory.create_batch(5, unit=org.kel_a, name="Other")
    form = _Pick(
        initial={"person": chosen.pk, "people": [chosen.pk]},
        queryset=Employee.objects.filter(unit=org.kel_a),
    )
    # per field: are there more than 3 to choose from, then the chosen person
    with django_assert_num_queries(4):
        html = str(form["person"]) + str(form["people"])
    assert "Other" not in html
    assert f'value="{chosen.pk}"' in html
    assert "/pegawai/cari/?field=person" in html


def test_lookup_field_validates_against_its_own_queryset(org):
    inside = EmployeeFactory(unit=org.kel_a)
    outside = EmployeeFactory(unit=org.kel_b)
    queryset = Employee.objects.filter(unit=org.kel_a)
    ok = _Pick(data={"person": inside.pk, "people": [inside.pk]}, queryset=queryset)
    assert ok.is_valid(), ok.errors
    assert ok.cleaned_data["person"] == inside
    assert list(ok.cleaned_data["people"]) == [inside]
    refused = _Pick(
        data={"person": outside.pk, "people": [outside.pk]}, queryset=queryset
    )
    assert not refused.is_valid()
    assert set(refused.errors) == {"person", "people"}
    empty = _Pick(data={}, queryset=queryset)
    assert not empty.is_valid()
    assert list(empty.errors) == ["person"]


def test_a_field_that_never_folds_into_a_select_asks_nothing_to_render(
    org, django_assert_num_queries
):
    """``select_below=0`` (guests of an activity): always the search, without
    a query to find out how many people there are."""
    EmployeeFactory(unit=org.kel_a, name="Ani")
    form = _Pick(queryset=Employee.objects.filter(unit=org.kel_a))
    form.fields["people"].widget.select_below = 0
    with django_assert_num_queries(0):
        html = str(form["people"])
    assert "<select" not in html and "/pegawai/cari/?field=people" in html
    assert "Ani" not in html


def test_a_few_people_to_choose_from_are_a_plain_select(org, monkeypatch):
    from people import lookup

    monkeypatch.setattr(lookup._LookupWidget, "select_below", 3)
    chosen = EmployeeFactory(unit=org.kel_a, name="Ani")
    EmployeeFactory(unit=org.kel_a, name="Budi")
    form = _Pick(
        initial={"person": chosen.pk},
        queryset=Employee.objects.filter(unit=org.kel_a),
    )
    html = str(form["person"])
    assert "<select" in html and "/pegawai/cari/" not in html
    assert (
        f'<option value="{chosen.pk}" selected>Ani — {org.kel_a.name}</option>' in html
    )
    assert "Budi" in html
