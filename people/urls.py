from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("pegawai/", views.employee_list, name="employee_list"),
    path("pegawai/ekspor.<str:fmt>", views.employee_export, name="employee_export"),
    path("pegawai/cari/", views.employee_search_view, name="employee_search"),
    path("pegawai/baru/", views.employee_create_view, name="employee_create"),
    path("pegawai/impor/", views.employee_import_view, name="employee_import"),
    path(
        "pegawai/impor/<int:pk>/",
        views.employee_import_detail,
        name="employee_import_detail",
    ),
    path(
        "pegawai/impor/<int:pk>/status/",
        views.employee_import_status,
        name="employee_import_status",
    ),
    path("pegawai/<int:pk>/", views.employee_detail, name="employee_detail"),
    path("pegawai/<int:pk>/ubah/", views.employee_edit, name="employee_edit"),
    path("pegawai/<int:pk>/akun/", views.employee_login, name="employee_login"),
    path("unit/", views.unit_list, name="unit_list"),
    path("unit/<int:pk>/", views.unit_detail, name="unit_detail"),
]
