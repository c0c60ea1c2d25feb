from django.urls import path

from reports.views import employee, province, unit

app_name = "reports"
urlpatterns = [
    path("", employee.index, name="index"),
    path("pegawai/<int:pk>/", employee.employee_view, name="employee"),
    path(
        "pegawai/<int:pk>/ekspor.<str:fmt>",
        employee.employee_export,
        name="employee_export",
    ),
    path("unit/<int:pk>/", unit.unit_view, name="unit"),
    path("unit/<int:pk>/ekspor.<str:fmt>", unit.unit_export, name="unit_export"),
    path("provinsi/", province.province_view, name="province"),
    path("provinsi/tren/", province.province_trend, name="province_trend"),
    path("provinsi/kebutuhan/", province.province_demand, name="province_demand"),
    path("provinsi/ekspor/", province.province_export, name="province_export"),
]
