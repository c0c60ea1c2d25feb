import pytest
from django.core.exceptions import ValidationError

from people.models import Unit
from people.selectors import unit_subtree
from people.services import employee_create, unit_create, unit_move
from people.tests.factories import PositionTypeFactory, UserFactory
from people.tree import segment


def test_unit_create_builds_path(org):
    assert org.kel_a.path == org.kecamatan.path + segment(org.kel_a.pk)
    assert (org.province.depth, org.kota.depth, org.kel_a.depth) == (0, 1, 3)


def test_unit_move_rehangs_the_whole_subtree(org):
    child = unit_create(code="SUB", name="Sub", kind="kelurahan", parent=org.kel_a)
    unit_move(unit=org.kel_a, new_parent=org.kota)
    child.refresh_from_db()
    org.kel_a.refresh_from_db()
    assert org.kel_a.parent == org.kota
    assert org.kel_a.depth == 2
    assert child.path == org.kota.path + segment(org.kel_a.pk) + segment(child.pk)
    assert child.depth == 3
    assert set(unit_subtree(org.kecamatan)) == {org.kecamatan, org.kel_b}


def test_unit_move_under_itself_refused(org):
    with pytest.raises(ValidationError):
        unit_move(unit=org.kecamatan, new_parent=org.kel_a)
    org.kecamatan.refresh_from_db()
    assert org.kecamatan.parent == org.kota
    assert Unit.objects.get(pk=org.kel_a.pk).path.startswith(org.kecamatan.path)


def test_employee_create_rejects_duplicate_nip(org):
    position = PositionTypeFactory()
    data = {
        "name": "A",
        "unit": org.kel_a,
        "position_type": position,
        "employment_status": "PNS",
        "gender": "L",
        "placed_on": "2020-01-01",
        "nip": "196608011988031001",
    }
    employee_create(**data)
    with pytest.raises(ValidationError) as caught:
        employee_create(**{**data, "name": "B"})
    assert "nip" in caught.value.message_dict


def test_employee_create_non_asn_without_nip(org):
    employee = employee_create(
        name="PHL",
        unit=org.kel_a,
        position_type=PositionTypeFactory(code="phl"),
        employment_status="NON_ASN",
        gender="P",
        placed_on="2020-01-01",
    )
    assert employee.nip is None


def test_admin_moves_a_unit_through_the_service_and_refuses_a_loop(org, login):
    client = login(
        UserFactory(username="root", role="admin", is_staff=True, is_superuser=True)
    )
    url = f"/admin/people/unit/{org.kecamatan.pk}/change/"
    data = {"code": "JB-KMB", "name": "Kembangan", "kind": "kecamatan"}
    refused = client.post(url, {**data, "parent": org.kel_a.pk})
    assert refused.status_code == 200
    assert "tidak dapat dipindahkan ke bawah dirinya sendiri" in refused.text
    moved = client.post(
        url, {**data, "name": "Kembangan Baru", "parent": org.province.pk}
    )
    assert moved.status_code == 302
    org.kel_a.refresh_from_db()
    org.kecamatan.refresh_from_db()
    assert org.kecamatan.name == "Kembangan Baru"
    assert org.kecamatan.parent == org.province
    assert org.kel_a.depth == 2
    assert org.province.contains(org.kel_a)
