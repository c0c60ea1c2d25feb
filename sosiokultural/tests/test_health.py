import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_broker(client):
    response = client.get("/health/")
    expected_broker = "eager" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "broker": expected_broker,
    }


def test_health_503_when_database_down(client, monkeypatch):
    monkeypatch.setattr("sosiokultural.views._database_ok", lambda: False)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_health_is_get_only(client):
    assert client.post("/health/").status_code == 405


def test_dashboard_requires_login(client):
    assert client.get("/").status_code == 302


def test_dashboard_per_role(roles, login):
    for user in [roles.admin, roles.bpsdm, roles.head_a, roles.staff_a]:
        assert login(user).get("/").status_code == 200


def test_indonesian_by_default_even_for_an_english_browser(roles, login):
    client = login(roles.staff_a)
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in body
    assert "Keluar" in body


def test_admin_pages_open_for_every_model(roles, login):
    """Every registered model's admin list (and the add page where allowed) renders."""
    from django.contrib import admin

    client = login(roles.admin)
    roles.admin.is_superuser = True
    roles.admin.save(update_fields=["is_superuser"])
    for model in admin.site._registry:
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        assert client.get(url).status_code == 200, url


def test_every_project_model_is_in_the_admin():
    from django.apps import apps
    from django.contrib import admin

    # Private notes of a personal approach are deliberately kept out of the admin.
    private = {"activities.PersonalNote"}
    shown = {m._meta.label for m in admin.site._registry}
    inline = {
        inline.model._meta.label
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    project = {
        m._meta.label
        for m in apps.get_models()
        if m._meta.app_label in settings.PROJECT_APPS
    }
    assert project - shown - inline - private == set()
