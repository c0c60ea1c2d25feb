from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from people.forms import LoginForm
from sosiokultural import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("health/", views.health, name="health"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("health/siap/", views.readiness, name="readiness"),
    path(
        "akun/masuk/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("akun/keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "akun/sandi/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "akun/sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("people.urls")),
    path("pemberitahuan/", include("notices.urls")),
    path("kompetensi/", include("competencies.urls")),
    path("program/", include("programs.urls")),
    path("kegiatan/", include("activities.urls")),
    path("jp/", include("ledger.urls")),
    path("uji/", include("assessments.urls")),
    path("360/", include("multirater.urls")),
    path("ikm/", include("surveys.urls")),
    path("evaluasi/", include("evaluations.urls")),
    path("laporan/", include("reports.urls")),
    path("laporan/", include("plans.urls")),
    path("audit/", include("audit.urls")),
    path("privasi/", include("privacy.urls")),
    path("ekspor/", include("exports.urls")),
    path("", include("api.urls")),
    path("siasn/", include("siasn.urls")),
    path("", include("certificates.urls")),
    path("", include("calendars.urls")),
]
