from django.urls import path

from competencies.views import browse, edit, standards

app_name = "competencies"
urlpatterns = [
    path("", browse.index, name="index"),
    path("dimensi/<slug:code>/", browse.dimension_detail, name="dimension_detail"),
    path("dimensi/<slug:code>/ubah/", edit.dimension_edit, name="dimension_edit"),
    path(
        "dimensi/<slug:code>/indikator/baru/",
        edit.indicator_create,
        name="indicator_create",
    ),
    path("indikator/<int:pk>/ubah/", edit.indicator_edit, name="indicator_edit"),
    path("indikator/<int:pk>/hapus/", edit.indicator_delete, name="indicator_delete"),
    path("level/<int:level>/ubah/", edit.level_edit, name="level_edit"),
    path("setia/<slug:code>/ubah/", edit.setia_edit, name="setia_edit"),
    path("matriks/", browse.matrix, name="matrix"),
    path("matriks/ekspor.xlsx", browse.matrix_export, name="matrix_export"),
    path("matriks/sel/baru/", edit.cell_create, name="cell_create"),
    path("matriks/sel/<int:pk>/ubah/", edit.cell_edit, name="cell_edit"),
    path("matriks/sel/<int:pk>/hapus/", edit.cell_delete, name="cell_delete"),
    path("bentuk/", browse.form_list, name="form_list"),
    path("bentuk/baru/", edit.form_create, name="form_create"),
    path("bentuk/<slug:code>/", browse.form_detail, name="form_detail"),
    path("bentuk/<slug:code>/ubah/", edit.form_edit, name="form_edit"),
    path("standar/", standards.standard_view, name="standard"),
    path("standar/ekspor.xlsx", standards.standard_export, name="standard_export"),
    path("standar/baru/", standards.standard_create, name="standard_create"),
    path("standar/<int:pk>/", standards.standard_view, name="standard_detail"),
    path(
        "standar/<int:pk>/ekspor.xlsx",
        standards.standard_export,
        name="standard_version_export",
    ),
    path("standar/<int:pk>/ubah/", standards.standard_edit, name="standard_edit"),
    path("standar/<int:pk>/hapus/", standards.standard_delete, name="standard_delete"),
]
