"""Bounds from the domain: seats 1–10,000 or an explicit "no seat limit", an
exchange program of at most one year, one STTPP number per issuer."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from people.tests.factories import EmployeeFactory
from programs.forms import ProgramForm
from programs.models import Nomination
from programs.rules import capacity_error
from programs.services import (
    nomination_approve,
    nomination_complete,
    program_create,
    program_update,
)
from programs.tests.factories import (
    NominationFactory,
    past_program,
    program_fields,
)


def _create(roles, forms, **kwargs):
    today = timezone.localdate()
    fields = {
        "by": roles.bpsdm,
        "title": "E-Learning Etika",
        "form": forms["e-learning"],
        "mode": "e-learning",
        "starts_on": today + timedelta(days=10),
        "ends_on": today + timedelta(days=20),
        "capacity": 40,
        "registration_opens_on": today,
        "registration_closes_on": today + timedelta(days=9),
        "link": "https://elearning.example.id/etika",
    }
    fields.update(kwargs)
    return program_create(**fields)


def test_capacity_rule():
    assert capacity_error(1, False) is None
    assert capacity_error(10_000, False) is None
    assert capacity_error(None, True) is None
    assert "10.000" in capacity_error(10_001, False)
    assert "paling sedikit 1" in capacity_error(0, False)
    assert "paling sedikit 1" in capacity_error(None, False)


def test_a_province_sized_capacity_is_refused(roles, fw):
    __, forms = fw
    with pytest.raises(ValidationError) as exc:
        _create(roles, forms, capacity=99_999_999_999)
    assert list(exc.value.message_dict) == ["capacity"]
    form = ProgramForm(
        {"capacity": "99999999999", "title": "x", "form": forms["e-learning"].pk}
    )
    assert not form.is_valid()
    assert form.errors["capacity"] == [
        "Pastikan nilai ini lebih kecil dari atau sama dengan 10000."
    ]


def test_an_offering_without_a_seat_limit_approves_everyone(roles, fw, org):
    __, forms = fw
    program = _create(roles, forms, capacity=None, unlimited_seats=True)
    assert (program.capacity, program.seats_left) == (None, None)
    people = [EmployeeFactory(unit=org.kel_a) for __ in range(5)]
    for person in people:
        nomination = NominationFactory(program=program, employee=person)
        nomination_approve(nomination_id=nomination.pk, by=roles.bpsdm)
    assert program.nominations.filter(state="approved").count() == 5
    page = _client(roles).get(f"/program/{program.pk}/")
    assert "Tanpa batas kursi" in page.text


def _client(roles):
    from django.test import Client

    client = Client()
    client.force_login(roles.bpsdm)
    return client


def test_limiting_seats_again_needs_a_capacity(roles, fw):
    __, forms = fw
    program = _create(roles, forms, capacity=None, unlimited_seats=True)
    with pytest.raises(ValidationError) as exc:
        program_update(
            program=program,
            by=roles.bpsdm,
            **program_fields(program, capacity=None, unlimited_seats=False),
        )
    assert list(exc.value.message_dict) == ["capacity"]


def test_an_exchange_program_lasts_at_most_a_year(roles, fw):
    __, forms = fw
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        _create(
            roles,
            forms,
            title="Pertukaran PNS–swasta",
            form=forms["pertukaran-pns-swasta"],
            mode="klasikal",
            location="PT Mitra",
            starts_on=today + timedelta(days=10),
            ends_on=today + timedelta(days=10 + 487),  # about 16 months
        )
    assert exc.value.message_dict["ends_on"][0].startswith(
        "Pertukaran paling lama satu tahun"
    )
    program = _create(
        roles,
        forms,
        title="Pertukaran PNS–swasta",
        form=forms["pertukaran-pns-swasta"],
        mode="klasikal",
        location="PT Mitra",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=10 + 365),
    )
    assert program.pk


def _complete(program, employee, bpsdm, number):
    nomination = NominationFactory(program=program, employee=employee)
    nomination_approve(nomination_id=nomination.pk, by=bpsdm)
    return nomination_complete(
        nomination=Nomination.objects.get(pk=nomination.pk),
        by=bpsdm,
        outcome="completed",
        attendance_percent=100,
        certificate_number=number,
    )


def test_an_sttpp_number_is_unique_per_issuer(roles, fw, org):
    first, second = past_program(), past_program()
    done = _complete(first, roles.staff_a.employee, roles.bpsdm, "STTPP/2026/7")
    assert done.certificate_issuer == "BPSDM Provinsi DKI Jakarta"
    with pytest.raises(ValidationError) as exc:
        _complete(second, roles.staff_b.employee, roles.bpsdm, " STTPP/2026/7 ")
    assert exc.value.message_dict == {
        "certificate_number": [
            "Nomor STTPP STTPP/2026/7 sudah dipakai untuk peserta lain dari "
            "penerbit BPSDM Provinsi DKI Jakarta."
        ]
    }
    # Another issuer may use the same numbering; re-recording the same person is
    # not a duplicate.
    other = past_program(certificate_issuer="LAN RI")
    assert _complete(
        other, EmployeeFactory(unit=org.kel_a), roles.bpsdm, "STTPP/2026/7"
    )
    again = nomination_complete(
        nomination=done,
        by=roles.bpsdm,
        outcome="completed",
        attendance_percent=90,
        certificate_number="STTPP/2026/7",
    )
    assert again.attendance_percent == 90
