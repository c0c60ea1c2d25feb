import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from programs.services.nominations import nomination_approve, nomination_complete
from programs.tests.factories import PDF, NominationFactory, past_program


@pytest.fixture(autouse=True)
def framework(db):
    from competencies.bootstrap import reference_load

    return reference_load()


@pytest.fixture
def completed(roles):
    """A completed program nomination of staff A (30 JP in the ledger)."""
    with transaction.atomic():
        nomination = NominationFactory(
            program=past_program(title="Diklat <Komunikasi> & Etika", jp=30),
            employee=roles.staff_a.employee,
        )
        nomination_approve(nomination_id=nomination.pk, by=roles.bpsdm)
        return nomination_complete(
            nomination=nomination,
            by=roles.bpsdm,
            outcome="completed",
            attendance_percent=100,
            certificate_number="STTPP/9",
            certificate_file=SimpleUploadedFile("sttpp.pdf", PDF),
        )
