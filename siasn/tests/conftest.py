import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from programs.services.nominations import nomination_approve, nomination_complete
from programs.tests.factories import PDF, NominationFactory, past_program
from siasn.tests.fake_siasn import FakeSiasn


@pytest.fixture(autouse=True)
def framework(db):
    from competencies.bootstrap import reference_load

    return reference_load()


@pytest.fixture
def siasn(settings):
    """The local SIASN server, with the settings pointing at it."""
    cache.clear()
    with FakeSiasn() as server:
        for name, value in server.settings_values().items():
            setattr(settings, name, value)
        yield server
    cache.clear()


@pytest.fixture
def complete():
    """``complete(employee, by=bpsdm, title=…, jp=…)`` → a completed program
    nomination with an STTPP file (credited to the JP ledger)."""

    def make(employee, *, by, title="Diklat Komunikasi Pelayanan", jp=30, **kw):
        with transaction.atomic():
            nomination = NominationFactory(
                program=past_program(title=title, jp=jp, **kw), employee=employee
            )
            nomination_approve(nomination_id=nomination.pk, by=by)
            return nomination_complete(
                nomination=nomination,
                by=by,
                outcome="completed",
                attendance_percent=100,
                certificate_number=f"STTPP/{nomination.pk}",
                certificate_file=SimpleUploadedFile("sttpp.pdf", PDF),
            )

    return make
