from django.urls import path

from evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.pending, name="pending"),
    path("survei/<str:kind>/<int:pk>/", views.survey, name="survey"),
    path("tindak-lanjut/", views.follow_up_list, name="follow_ups"),
    path(
        "tindak-lanjut/<str:kind>/<int:pk>/<int:employee_pk>/",
        views.follow_up,
        name="follow_up",
    ),
    path("laporan/", views.report, name="report"),
    path("laporan/ekspor.<str:fmt>", views.report_export, name="report_export"),
]
