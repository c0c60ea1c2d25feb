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
    path("aturan/", views.rule_list, name="rules"),
    path("aturan/baru/", views.rule_create, name="rule_create"),
    path("aturan/<int:pk>/hapus/", views.rule_delete, name="rule_delete"),
]
