from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from people.tests.factories import EmployeeFactory
from programs.models import Nomination, Program
from programs.services import (
    program_create,
)

State = Nomination.State


def _staff(org, n, unit=None):
    return [EmployeeFactory(unit=unit or org.kel_a) for __ in range(n)]


# -- programs ------------------------------------------------------------------------


def test_program_create_defaults_from_form_and_matrix(roles, fw):
    dims, forms = fw
    today = timezone.localdate()
    program = program_create(
        by=roles.bpsdm,
        title="Diklat Disabilitas",
        form=forms["diklat-disabilitas"],
        mode="klasikal",
        starts_on=today + timedelta(days=10),
        ends_on=today + timedelta(days=12),
        capacity=20,
        registration_opens_on=today,
        registration_closes_on=today + timedelta(days=9),
        eligible_statuses=["PNS", "CPNS"],
    )
    assert program.jp == Decimal(24)
    assert list(program.dimensions.values_list("code", flat=True)) == [
        "kepekaan-disabilitas"
    ]
    assert program.eligible_statuses == ["CPNS", "PNS"]
    assert program.created_by == roles.bpsdm


def test_program_create_rejects_internal_form_and_reversed_dates(roles, fw):
    dims, forms = fw
    today = timezone.localdate()
    with pytest.raises(ValidationError) as exc:
        program_create(
            by=roles.bpsdm,
            title="Briefing",
            form=forms["briefing"],
            mode="klasikal",
            starts_on=today + timedelta(days=10),
            ends_on=today + timedelta(days=9),
            capacity=0,
            registration_opens_on=today,
            registration_closes_on=today + timedelta(days=5),
        )
    assert exc.value.message_dict == {
        "form": ["Program BPSDM hanya untuk bentuk pengembangan eksternal."],
        "jp": ["JP harus diisi dan lebih dari 0."],
        "capacity": [
            "Isi kapasitas (paling sedikit 1 kursi) atau pilih tanpa batas kursi."
        ],
        "ends_on": ["Tanggal selesai tidak boleh sebelum tanggal mulai."],
    }
    assert Program.objects.count() == 0


def test_program_create_only_bpsdm(roles, fw):
    with pytest.raises(PermissionDenied):
        program_create(
            by=roles.head_a,
            title="x",
            form=fw[1]["e-learning"],
            mode="e-learning",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            capacity=1,
            registration_opens_on=timezone.localdate(),
            registration_closes_on=timezone.localdate(),
        )
