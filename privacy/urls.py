from django.urls import path

from privacy import views

app_name = "privacy"

urlpatterns = [
    path("data-saya.zip", views.my_data, name="my_data"),
    path("pegawai/<int:pk>/anonimkan/", views.anonymise, name="anonymise"),
]
