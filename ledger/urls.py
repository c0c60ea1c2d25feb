from django.urls import path

from ledger import views

app_name = "ledger"
urlpatterns = [
    path("", views.ledger_index, name="index"),
    path("pegawai/<int:pk>/", views.ledger_employee, name="employee"),
    path("unit/<int:pk>/", views.ledger_unit, name="unit"),
    path(
        "unit/<int:pk>/ekspor.<str:fmt>", views.ledger_unit_export, name="unit_export"
    ),
]
