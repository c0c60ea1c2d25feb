from django.urls import path

from notices import views

app_name = "notices"
urlpatterns = [
    path("", views.notice_list, name="list"),
    path("<int:pk>/", views.notice_open, name="open"),
    path("baca-semua/", views.notice_read_all, name="read_all"),
    path("pengaturan/", views.preferences, name="preferences"),
]
