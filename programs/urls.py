from django.urls import path

from programs.views import catalogue, exchanges, nominations, submissions

app_name = "programs"
urlpatterns = [
    path("", catalogue.program_list, name="program_list"),
    path("baru/", catalogue.program_create_view, name="program_create"),
    path("<int:pk>/", catalogue.program_detail, name="program_detail"),
    path("<int:pk>/ubah/", catalogue.program_edit, name="program_edit"),
    path("<int:pk>/usulkan/", catalogue.program_nominate, name="program_nominate"),
    path("<int:pk>/calon/", catalogue.program_candidates, name="program_candidates"),
    path("<int:pk>/ajukan/", catalogue.program_request, name="program_request"),
    path(
        "<int:pk>/penyelesaian/",
        catalogue.program_completion,
        name="program_completion",
    ),
    path("<int:pk>/usulan.<str:fmt>", catalogue.program_export, name="program_export"),
    path("saya/", nominations.my_programs, name="my_programs"),
    path("antrean/", nominations.queue, name="queue"),
    path("usulan/", nominations.nomination_list, name="nomination_list"),
    path("usulan/<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    path(
        "usulan/<int:pk>/setujui/",
        nominations.nomination_approve_view,
        name="nomination_approve",
    ),
    path(
        "usulan/<int:pk>/tunggu/",
        nominations.nomination_waitlist_view,
        name="nomination_waitlist",
    ),
    path(
        "usulan/<int:pk>/tolak/",
        nominations.nomination_reject_view,
        name="nomination_reject",
    ),
    path(
        "usulan/<int:pk>/tarik/",
        nominations.nomination_withdraw_view,
        name="nomination_withdraw",
    ),
    path(
        "usulan/<int:pk>/hasil/",
        nominations.nomination_complete_view,
        name="nomination_complete",
    ),
    path(
        "usulan/<int:pk>/hasil/hapus/",
        nominations.nomination_completion_clear_view,
        name="nomination_completion_clear",
    ),
    path(
        "usulan/<int:pk>/sttpp/",
        nominations.nomination_certificate,
        name="nomination_certificate",
    ),
    path("pertukaran/", exchanges.exchange_list, name="exchange_list"),
    path("pertukaran/baru/", exchanges.exchange_create_view, name="exchange_create"),
    path("pertukaran/<int:pk>/", exchanges.exchange_detail, name="exchange_detail"),
    path("pertukaran/<int:pk>/ubah/", exchanges.exchange_edit, name="exchange_edit"),
    path(
        "pertukaran/<int:pk>/laporan/",
        exchanges.exchange_report,
        name="exchange_report",
    ),
    path("pertukaran/<int:pk>/berkas/", exchanges.exchange_file, name="exchange_file"),
    path("kiriman/", submissions.submission_list, name="submission_list"),
    path(
        "kiriman/kirim/", submissions.submission_create_view, name="submission_create"
    ),
    path(
        "kiriman/pratinjau/",
        submissions.submission_preview,
        name="submission_preview",
    ),
    path("kiriman/<int:pk>/", submissions.submission_detail, name="submission_detail"),
    path(
        "kiriman/<int:pk>/terima/",
        submissions.submission_acknowledge_view,
        name="submission_acknowledge",
    ),
    path(
        "kiriman/<int:pk>/kembalikan/",
        submissions.submission_return_view,
        name="submission_return",
    ),
    path(
        "kiriman/<int:pk>/unduh.xlsx",
        submissions.submission_download,
        name="submission_download",
    ),
    path("kebutuhan/", submissions.demand_view, name="demand"),
]
