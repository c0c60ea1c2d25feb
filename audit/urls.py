from django.urls import path

from audit import views

app_name = "audit"
urlpatterns = [
    path("", views.audit_list, name="list"),
    path("pelaku/", views.audit_actors, name="actors"),
]
