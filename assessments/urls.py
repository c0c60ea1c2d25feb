from django.urls import path

from assessments.views import analysis, bank, results, taking, windows

app_name = "assessments"
urlpatterns = [
    # The employee's own tests.
    path("", taking.my_tests, name="my_tests"),
    path("kerjakan/<int:pk>/", taking.take, name="take"),
    path("kerjakan/<int:pk>/mulai/", taking.start, name="start"),
    path("kerjakan/<int:pk>/jawab/", taking.answer, name="answer"),
    path("kerjakan/<int:pk>/halaman/", taking.page_save, name="page_save"),
    path("kerjakan/<int:pk>/serahkan/", taking.submit, name="submit"),
    # Results and reports (scoped).
    path("hasil/", results.result_list, name="result_list"),
    path("hasil/<int:pk>/", results.result_detail, name="result_detail"),
    path("hasil/<int:pk>/rilis/", results.release, name="result_release"),
    path("hasil/<int:pk>/skor-ulang/", results.rescore, name="result_rescore"),
    path("peserta/<int:pk>/penilaian-atasan/", results.ratings, name="ratings"),
    path("pegawai/<int:pk>/", results.employee_report, name="employee_report"),
    # Windows (BPSDM, heads).
    path("jadwal/", windows.window_list, name="window_list"),
    path("jadwal/baru/", windows.window_new, name="window_create"),
    path("jadwal/<int:pk>/", windows.window_detail, name="window_detail"),
    path("jadwal/<int:pk>/rilis/", windows.window_release, name="window_release"),
    path("rilis/<int:pk>/", windows.release_job_detail, name="release_job"),
    path(
        "rilis/<int:pk>/status/",
        windows.release_job_status,
        name="release_job_status",
    ),
    # Item bank and instruments (BPSDM, administrators).
    path("bank/", bank.item_list, name="item_list"),
    path("bank/baru/", bank.item_new, name="item_create"),
    path("bank/<int:pk>/ubah/", bank.item_edit, name="item_edit"),
    path("instrumen/", bank.instrument_list, name="instrument_list"),
    path("instrumen/baru/", bank.instrument_new, name="instrument_create"),
    path("instrumen/<int:pk>/", bank.instrument_detail, name="instrument_detail"),
    path(
        "instrumen/<int:pk>/analisis/",
        analysis.instrument_analysis,
        name="instrument_analysis",
    ),
    path("instrumen/<int:pk>/ubah/", bank.instrument_edit, name="instrument_edit"),
    path("instrumen/<int:pk>/butir/", bank.instrument_items, name="instrument_items"),
    path(
        "instrumen/<int:pk>/ambang/",
        bank.instrument_thresholds,
        name="instrument_thresholds",
    ),
    path(
        "instrumen/<int:pk>/<str:action>/",
        bank.instrument_action,
        name="instrument_action",
    ),
]
