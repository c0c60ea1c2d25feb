from django.urls import path

from plans import views

# Under /laporan/ (sosiokultural/urls.py): a plan is opened from the employee's
# report, so its pages keep the report's address and menu entry.
app_name = "plans"
urlpatterns = [
    path("pegawai/<int:pk>/rencana/", views.plan_view, name="plan"),
    path(
        "pegawai/<int:pk>/rencana/tambah/",
        views.plan_item_create,
        name="plan_item_create",
    ),
    path(
        "pegawai/<int:pk>/rencana/usulan/",
        views.plan_suggestions_apply,
        name="plan_suggestions",
    ),
    path("rencana/butir/<int:pk>/ubah/", views.plan_item_edit, name="plan_item_edit"),
    path(
        "rencana/butir/<int:pk>/hapus/",
        views.plan_item_remove,
        name="plan_item_delete",
    ),
]
