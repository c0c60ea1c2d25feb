from django.urls import path

from multirater import views

app_name = "multirater"
urlpatterns = [
    path("", views.index, name="index"),
    path("buka/", views.round_create, name="create"),
    path("nilai/<int:pk>/", views.rate, name="rate"),
    path("<int:pk>/", views.round_detail, name="detail"),
    path("<int:pk>/tutup/", views.round_close_view, name="close"),
    path(
        "<int:pk>/pegawai/<int:employee_pk>/penilai/",
        views.ratee_raters,
        name="raters",
    ),
    path(
        "<int:pk>/pegawai/<int:employee_pk>/penilai/<int:assignment_pk>/hapus/",
        views.rater_remove,
        name="rater_remove",
    ),
    path("<int:pk>/pegawai/<int:employee_pk>/hasil/", views.result, name="result"),
]
