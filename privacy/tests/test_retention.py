from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from activities.models import Activity, Evidence
from activities.services import evidence_add
from activities.tests.factories import PDF_BYTES, record_briefing
from competencies.bootstrap import reference_load
from privacy.services import evidence_delete_expired
from privacy.tasks import delete_expired_evidence

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(roles):
    reference_load()
    activity = record_briefing(roles.staff_a, present=[roles.staff_a.employee])
    return evidence_add(
        activity=activity,
        actor=roles.staff_a,
        upload=SimpleUploadedFile("bukti.pdf", PDF_BYTES, "application/pdf"),
    )


def test_evidence_past_retention_is_deleted_with_its_file(evidence, settings):
    settings.EVIDENCE_RETENTION_DAYS = 30
    storage, name = evidence.file.storage, evidence.file.name
    assert storage.exists(name)
    now = evidence.uploaded_at
    assert evidence_delete_expired(now=now + timedelta(days=29)) == 0
    assert evidence_delete_expired(now=now + timedelta(days=31)) == 1
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not storage.exists(name)
    assert Activity.objects.filter(pk=evidence.activity_id).exists()
    assert evidence_delete_expired(now=now + timedelta(days=31)) == 0


def test_zero_keeps_evidence(evidence, settings):
    settings.EVIDENCE_RETENTION_DAYS = 0
    assert evidence_delete_expired(now=timezone.now() + timedelta(days=9999)) == 0
    assert Evidence.objects.count() == 1


def test_beat_task(evidence, settings):
    settings.EVIDENCE_RETENTION_DAYS = 1
    Evidence.objects.update(uploaded_at=timezone.now() - timedelta(days=2))
    assert delete_expired_evidence.apply().get() == 1


def test_task_is_scheduled(settings):
    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "privacy.delete_expired_evidence" in schedule
