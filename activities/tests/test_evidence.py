from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from activities.models import Activity, Evidence
from activities.rules import MAX_EVIDENCE_BYTES
from activities.tests.factories import PDF_BYTES, PNG_BYTES, record_briefing


def _self_study(**files):
    day = timezone.localdate() - timedelta(days=1)
    return {
        "study_kind": "procedures",
        "topic": "Prosedur izin reklame",
        "source": "",
        "date": day.isoformat(),
        "start_time": "13:00",
        "duration_minutes": "45",
        **files,
    }


def test_create_with_evidence_files(framework, roles, login, settings):
    files = [
        SimpleUploadedFile("sertifikat.pdf", PDF_BYTES, "application/pdf"),
        SimpleUploadedFile("catatan.png", PNG_BYTES, "image/png"),
    ]
    response = login(roles.staff_a).post(
        "/kegiatan/baru/pengembangan-diri/", _self_study(evidence=files)
    )
    assert response.status_code == 302
    activity = Activity.objects.get()
    stored = list(activity.evidence.order_by("original_name"))
    assert [(e.original_name, e.kind, e.size) for e in stored] == [
        ("catatan.png", "png", len(PNG_BYTES)),
        ("sertifikat.pdf", "pdf", len(PDF_BYTES)),
    ]
    for evidence in stored:
        assert evidence.file.name.startswith(f"activities/evidence/{activity.pk}/")
        assert (settings.MEDIA_ROOT / evidence.file.name).exists()
        assert evidence.original_name not in evidence.file.name


def test_self_study_needs_evidence_or_source(framework, roles, login):
    response = login(roles.staff_a).post(
        "/kegiatan/baru/pengembangan-diri/", _self_study()
    )
    assert response.context["form"].errors["source"] == [
        "Lampirkan berkas bukti atau isi sumber belajar."
    ]
    assert Activity.objects.count() == 0


def test_wrong_type_and_too_large_files_save_nothing(framework, roles, login, settings):
    bad = SimpleUploadedFile("bukti.pdf", b"MZ executable", "application/pdf")
    exe = SimpleUploadedFile("virus.exe", b"MZ", "application/octet-stream")
    response = login(roles.staff_a).post(
        "/kegiatan/baru/pengembangan-diri/", _self_study(evidence=[bad, exe])
    )
    assert response.status_code == 200
    assert response.context["form"].errors["evidence"] == [
        "bukti.pdf: Isi berkas tidak sesuai dengan jenisnya (.pdf).",
        "virus.exe: Jenis berkas tidak diizinkan; gunakan PDF, JPG, PNG, DOCX atau "
        "XLSX.",
    ]
    # A file past the limit is stopped while it streams in: the whole request is
    # refused with the size rule (sosiokultural.middleware.RequestLimitsMiddleware).
    big = SimpleUploadedFile(
        "besar.pdf", PDF_BYTES + b"0" * MAX_EVIDENCE_BYTES, "application/pdf"
    )
    response = login(roles.staff_a).post(
        "/kegiatan/baru/pengembangan-diri/", _self_study(evidence=[big])
    )
    assert response.status_code == 413
    assert "setiap berkas paling besar 5 MB" in response.content.decode()
    assert Activity.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert not (settings.MEDIA_ROOT / "activities").exists()


def test_download_is_scoped(framework, roles, login):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    client.post(
        f"/kegiatan/{activity.pk}/bukti/",
        {"evidence": SimpleUploadedFile("notulen.pdf", PDF_BYTES)},
    )
    evidence = Evidence.objects.get()
    response = login(roles.staff_a).get(f"/kegiatan/bukti/{evidence.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="notulen.pdf"'
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert (
        login(roles.staff_b).get(f"/kegiatan/bukti/{evidence.pk}/").status_code == 404
    )
    assert login(roles.head_b).get(f"/kegiatan/bukti/{evidence.pk}/").status_code == 404
    assert login(roles.bpsdm).get(f"/kegiatan/bukti/{evidence.pk}/").status_code == 200


def test_upload_refuses_wrong_type_and_outsiders(framework, roles, login):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    response = client.post(
        f"/kegiatan/{activity.pk}/bukti/",
        {"evidence": SimpleUploadedFile("foto.png", PDF_BYTES)},
        follow=True,
    )
    assert "foto.png: Isi berkas tidak sesuai dengan jenisnya (.png)." in (
        response.content.decode()
    )
    assert Evidence.objects.count() == 0
    outsider = login(roles.head_b).post(
        f"/kegiatan/{activity.pk}/bukti/",
        {"evidence": SimpleUploadedFile("notulen.pdf", PDF_BYTES)},
    )
    assert outsider.status_code == 404
    assert (
        login(roles.bpsdm)
        .post(
            f"/kegiatan/{activity.pk}/bukti/",
            {"evidence": SimpleUploadedFile("notulen.pdf", PDF_BYTES)},
        )
        .status_code
        == 403
    )


def test_delete_evidence_removes_file(
    framework, roles, login, settings, django_capture_on_commit_callbacks
):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    client.post(
        f"/kegiatan/{activity.pk}/bukti/",
        {"evidence": SimpleUploadedFile("notulen.pdf", PDF_BYTES)},
    )
    evidence = Evidence.objects.get()
    path = settings.MEDIA_ROOT / evidence.file.name
    assert path.exists()
    assert (
        login(roles.head_b).post(f"/kegiatan/bukti/{evidence.pk}/hapus/").status_code
        == 404
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = login(roles.head_a).post(f"/kegiatan/bukti/{evidence.pk}/hapus/")
    assert response.status_code == 302
    assert Evidence.objects.count() == 0
    assert not path.exists()


def test_deleting_activity_removes_its_files(
    framework, roles, login, settings, django_capture_on_commit_callbacks
):
    activity = record_briefing(roles.head_a, present=[roles.staff_a.employee])
    client = login(roles.head_a)
    client.post(
        f"/kegiatan/{activity.pk}/bukti/",
        {"evidence": SimpleUploadedFile("notulen.pdf", PDF_BYTES)},
    )
    path = settings.MEDIA_ROOT / Evidence.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/kegiatan/{activity.pk}/hapus/")
    assert not path.exists()
