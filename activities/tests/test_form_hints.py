"""The activity form says the dimensions were filled in from the matrix only when
they were."""

from competencies.models import FormDimension

HINT = "Terisi sesuai matriks bentuk pengembangan; ubah bila perlu."


def test_activity_form_hint_shown_when_the_matrix_fills_the_dimensions(
    framework, roles, login
):
    assert FormDimension.objects.filter(form__code="briefing").exists()
    response = login(roles.head_a).get("/kegiatan/baru/briefing/")
    assert response.status_code == 200
    assert HINT in response.content.decode()


def test_activity_form_hint_hidden_when_nothing_is_filled_in(framework, roles, login):
    FormDimension.objects.filter(form__code="briefing").delete()
    response = login(roles.head_a).get("/kegiatan/baru/briefing/")
    assert response.status_code == 200
    assert HINT not in response.content.decode()
    assert response.context["form"]["dimensions"].initial == []


def test_activity_form_refuses_an_outsider(framework, client):
    response = client.get("/kegiatan/baru/briefing/")
    assert response.status_code == 302
