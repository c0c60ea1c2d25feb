from django.urls import path

from activities.views import briefing, coaching, evidence, records, verification

app_name = "activities"
urlpatterns = [
    path("", records.activity_list_view, name="list"),
    path("ekspor.<str:fmt>", records.activity_export, name="export"),
    path("baru/", records.activity_new, name="new"),
    path("baru/<slug:code>/", records.activity_create, name="create"),
    path("briefing/", briefing.briefing_quick, name="briefing"),
    path("verifikasi/", verification.verification_queue_view, name="queue"),
    path("verifikasi/putuskan/", verification.verification_bulk, name="bulk_decide"),
    path("coaching/", coaching.coaching_list_view, name="coaching_list"),
    path("coaching/<int:pk>/", coaching.coaching_detail, name="coaching_detail"),
    path("coaching/<int:pk>/status/", coaching.coaching_status, name="coaching_status"),
    path("bukti/<int:pk>/", evidence.evidence_download, name="evidence_download"),
    path(
        "bukti/<int:pk>/hapus/", evidence.evidence_delete_view, name="evidence_delete"
    ),
    path("<int:pk>/", records.activity_detail, name="detail"),
    path("<int:pk>/ubah/", records.activity_edit, name="edit"),
    path("<int:pk>/hapus/", records.activity_delete_view, name="delete"),
    path("<int:pk>/ajukan/", records.activity_submit_view, name="submit"),
    path("<int:pk>/verifikasi/", verification.activity_verify_view, name="verify"),
    path("<int:pk>/tolak/", verification.activity_reject_view, name="reject"),
    path(
        "<int:pk>/batal-verifikasi/",
        verification.activity_unverify_view,
        name="unverify",
    ),
    path("<int:pk>/bukti/", evidence.evidence_upload, name="evidence_upload"),
    path(
        "<int:pk>/kehadiran/<int:employee_id>/",
        records.attendance_toggle,
        name="attendance",
    ),
]
