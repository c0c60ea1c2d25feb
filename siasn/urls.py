from django.urls import path

from siasn import views

app_name = "siasn"
urlpatterns = [
    path("", views.index, name="index"),
    path("kirim/", views.province_push, name="province_push"),
    path("unit/<int:pk>/", views.unit_status, name="unit"),
    path("unit/<int:pk>/kirim/", views.unit_push, name="unit_push"),
    path("unit/<int:pk>/cocokkan/", views.unit_reconcile, name="unit_reconcile"),
    path("unit/<int:pk>/riwayat-kursus.xlsx", views.unit_export, name="unit_export"),
    path("proses/<int:pk>/", views.run_detail, name="run"),
]
