from django.urls import path

from calendars import views

app_name = "calendars"
urlpatterns = [
    path("akun/kalender/", views.feeds, name="feeds"),
    path("akun/kalender/<int:pk>/cabut/", views.revoke, name="revoke"),
    path("kalender/<str:secret>.ics", views.feed, name="feed"),
]
