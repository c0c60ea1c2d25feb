from datetime import timedelta

from django.utils import timezone

from programs.filters import ProgramFilter
from programs.models import Program
from programs.tests.factories import ProgramFactory


def _catalogue(fw):
    dims, forms = fw
    open_one = ProgramFactory(title="Komunikasi terbuka")
    later = ProgramFactory(
        title="Disabilitas nanti",
        form=forms["diklat-disabilitas"],
        registration_opens_on=timezone.localdate() + timedelta(days=2),
    )
    return open_one, later


def _titles(data) -> list[str]:
    programs = Program.objects.order_by("title")
    return [p.title for p in ProgramFilter(data, programs).qs]


def test_program_filter_by_form_dimension_and_open_registration(fw):
    dims, forms = fw
    _catalogue(fw)
    assert _titles({"form": forms["diklat-disabilitas"].pk}) == ["Disabilitas nanti"]
    assert _titles({"dimension": dims["kepekaan-disabilitas"].pk}) == [
        "Disabilitas nanti"
    ]
    assert _titles({"open": "on"}) == ["Komunikasi terbuka"]
    assert _titles({"open": ""}) == ["Disabilitas nanti", "Komunikasi terbuka"]


def test_program_filter_refuses_an_internal_form(fw):
    """The catalogue offers external forms only: an internal one is no choice."""
    __, forms = fw
    _catalogue(fw)
    filterset = ProgramFilter({"form": forms["briefing"].pk}, Program.objects.all())
    assert list(filterset.form.errors) == ["form"]
    assert filterset.qs.count() == 2


def test_program_filter_invalid_value_keeps_every_program_and_says_why(fw):
    _catalogue(fw)
    filterset = ProgramFilter(
        {"dimension": "x", "open": "on"}, Program.objects.order_by("title")
    )
    assert list(filterset.form.errors) == ["dimension"]
    assert [p.title for p in filterset.qs] == [
        "Disabilitas nanti",
        "Komunikasi terbuka",
    ]


def test_catalogue_page_shows_an_invalid_filter_as_a_form_error(fw, roles, login):
    _catalogue(fw)
    response = login(roles.staff_a).get("/program/?form=999999")
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["form"]
    assert response.context["page"].paginator.count == 2
