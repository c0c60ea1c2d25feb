from django.urls import path

from surveys import views

app_name = "surveys"
urlpatterns = [
    path("", views.survey_list, name="list"),
    path("ekspor.<str:fmt>", views.survey_list_export, name="list_export"),
    path("impor/", views.import_view, name="import"),
    path("dilaporkan/", views.reported_create, name="reported"),
    path("perbandingan/", views.comparison_view, name="comparison"),
    path(
        "perbandingan/ekspor.<str:fmt>",
        views.comparison_export,
        name="comparison_export",
    ),
    path("tindak-lanjut/", views.follow_up_overview, name="follow_up_overview"),
    path("kuesioner/", views.element_set_list, name="element_sets"),
    path(
        "kuesioner/<slug:code>/templat.<str:fmt>",
        views.element_set_template,
        name="element_set_template",
    ),
    path("unit/<int:unit_pk>/", views.unit_trend_view, name="trend"),
    path(
        "unit/<int:unit_pk>/ekspor.<str:fmt>",
        views.unit_trend_export,
        name="trend_export",
    ),
    path("unit/<int:unit_pk>/<str:period>/", views.survey_detail, name="detail"),
    path(
        "unit/<int:unit_pk>/<str:period>/tindak-lanjut/",
        views.follow_up_page,
        name="follow_ups",
    ),
    path(
        "unit/<int:unit_pk>/<str:period>/tindak-lanjut/<int:pk>/status/",
        views.follow_up_status,
        name="follow_up_status",
    ),
    path(
        "unit/<int:unit_pk>/<str:period>/publikasi/",
        views.publication_add,
        name="publication_add",
    ),
    path(
        "unit/<int:unit_pk>/<str:period>/populasi/",
        views.survey_population,
        name="population",
    ),
    path(
        "unit/<int:unit_pk>/<str:period>/ekspor/<slug:table>.<str:fmt>",
        views.survey_detail_export,
        name="detail_export",
    ),
]
