from django.urls import path

from certificates import views

app_name = "certificates"
urlpatterns = [
    path("sertifikat/program/<int:pk>/", views.from_nomination, name="from_nomination"),
    path(
        "sertifikat/kegiatan/<int:pk>/<int:employee_pk>/",
        views.from_activity,
        name="from_activity",
    ),
    path("sertifikat/<int:pk>/", views.detail, name="detail"),
    path("sertifikat/<int:pk>/sertifikat.pdf", views.pdf, name="pdf"),
    path("sertifikat/<int:pk>/openbadge.json", views.badge, name="badge"),
    path("sertifikat/<int:pk>/cabut/", views.revoke, name="revoke"),
    path("sertifikat/penerbit.json", views.issuer, name="issuer"),
    path("sertifikat/kunci-penerbit.json", views.issuer_key, name="issuer_key"),
    path("verifikasi/kredensial/", views.verify_credential, name="verify_credential"),
    path("verifikasi/<str:public_id>/", views.verify_page, name="verify_page"),
]
