from django.urls import path

from reports.views import employee, plans, province, unit

app_name = "reports"
urlpatterns = [
    path("", employee.index, name="index"),
    path("pegawai/<int:pk>/", employee.employee_view, name="employee"),
    path(
        "pegawai/<int:pk>/ekspor.<str:fmt>",
        employee.employee_export,
        name="employee_export",
    ),
    path("pegawai/<int:pk>/rencana/", plans.plan_view, name="plan"),
    path(
        "pegawai/<int:pk>/rencana/tambah/",
        plans.plan_item_create,
        name="plan_item_create",
    ),
    path(
        "pegawai/<int:pk>/rencana/usulan/",
        plans.plan_suggestions_apply,
        name="plan_suggestions",
    ),
    path("rencana/butir/<int:pk>/ubah/", plans.plan_item_edit, name="plan_item_edit"),
    path(
        "rencana/butir/<int:pk>/hapus/",
        plans.plan_item_remove,
        name="plan_item_delete",
    ),
    path("unit/<int:pk>/", unit.unit_view, name="unit"),
    path("unit/<int:pk>/ekspor.<str:fmt>", unit.unit_export, name="unit_export"),
    path("provinsi/", province.province_view, name="province"),
    path("provinsi/tren/", province.province_trend, name="province_trend"),
    path("provinsi/kebutuhan/", province.province_demand, name="province_demand"),
    path("provinsi/ekspor/", province.province_export, name="province_export"),
]
