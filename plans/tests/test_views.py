"""The plan pages: who sees, who edits what, suggestions from the gaps."""

from datetime import date

import pytest
from django.utils import timezone

from plans.models import PlanItem
from plans.tests.factories import DevelopmentPlanFactory, PlanItemFactory

pytestmark = pytest.mark.django_db


def _url(employee):
    return f"/laporan/pegawai/{employee.pk}/rencana/"


def test_plan_page_scope_and_read_only_roles(province, roles, login):
    staff = roles.staff_a.employee
    assert login(roles.staff_a).get(_url(staff)).context["editable"] is True
    assert login(roles.head_a).get(_url(staff)).context["can_edit_all"] is True
    bpsdm = login(roles.bpsdm).get(_url(staff))
    assert (bpsdm.status_code, bpsdm.context["editable"]) == (200, False)
    assert login(roles.head_b).get(_url(staff)).status_code == 404
    assert login(roles.staff_b).get(_url(staff)).status_code == 404


def test_staff_plans_only_self_development(province, roles, login):
    staff = roles.staff_a.employee
    year = timezone.localdate().year
    client = login(roles.staff_a)
    forms = province.fw.forms
    post = {
        "tahun": year,
        "dimension": province.d1.pk,
        "form": forms["briefing"].pk,
        "target_date": f"{year}-12-01",
        "note": "",
    }
    client.post(f"{_url(staff)}tambah/", post)
    assert not PlanItem.objects.exists()
    client.post(f"{_url(staff)}tambah/", post | {"form": forms["pengembangan-diri"].pk})
    assert list(PlanItem.objects.values_list("form__code", flat=True)) == [
        "pengembangan-diri"
    ]
    assert login(roles.bpsdm).post(f"{_url(staff)}tambah/", post).status_code == 403
    assert login(roles.head_b).post(f"{_url(staff)}tambah/", post).status_code == 404


def test_head_adds_suggestions_from_gaps(province, roles, login):
    staff = roles.staff_a.employee
    client = login(roles.head_a)
    page = client.get(_url(staff))
    offered = [(s.dimension_id, f.code) for s, __, f in page.context["suggestions"]]
    # staff_a has a gap only in D1: the first internal and external forms of the
    # matrix row.
    assert offered == [
        (province.d1.pk, "pendekatan-personal"),
        (province.d1.pk, "orientasi-pelayanan"),
    ]
    chosen = [f"{d}:{province.fw.forms[code].pk}" for d, code in offered]
    response = client.post(
        f"{_url(staff)}usulan/", {"pilih": chosen, "tahun": timezone.localdate().year}
    )
    assert response.status_code == 302
    assert sorted(PlanItem.objects.values_list("form__code", flat=True)) == [
        "orientasi-pelayanan",
        "pendekatan-personal",
    ]
    assert client.get(_url(staff)).context["suggestions"] == []


def test_item_edit_and_delete_permissions(province, roles, login):
    staff = roles.staff_a.employee
    plan = DevelopmentPlanFactory(employee=staff)
    briefing = PlanItemFactory(
        plan=plan, dimension=province.d1, form=province.fw.forms["briefing"]
    )
    own = PlanItemFactory(
        plan=plan, dimension=province.d2, form=province.fw.forms["pengembangan-diri"]
    )
    staff_client = login(roles.staff_a)
    assert (
        staff_client.post(f"/laporan/rencana/butir/{briefing.pk}/hapus/").status_code
        == 403
    )
    assert staff_client.get(f"/laporan/rencana/butir/{own.pk}/ubah/").status_code == 200
    assert (
        login(roles.head_b).post(f"/laporan/rencana/butir/{own.pk}/hapus/").status_code
        == 404
    )
    assert (
        login(roles.bpsdm).post(f"/laporan/rencana/butir/{own.pk}/hapus/").status_code
        == 403
    )
    response = login(roles.head_a).post(
        f"/laporan/rencana/butir/{briefing.pk}/ubah/",
        {
            "dimension": province.d1.pk,
            "form": province.fw.forms["gathering"].pk,
            "target_date": f"{plan.year}-11-30",
            "note": "Outbound bersama",
        },
    )
    assert response.status_code == 302
    briefing.refresh_from_db()
    assert (briefing.form.code, briefing.target_date) == (
        "gathering",
        date(plan.year, 11, 30),
    )
    staff_client.post(f"/laporan/rencana/butir/{own.pk}/hapus/")
    assert list(PlanItem.objects.values_list("pk", flat=True)) == [briefing.pk]


def test_past_year_plans_are_read_only(province, roles, login):
    staff = roles.staff_a.employee
    last = timezone.localdate().year - 1
    plan = DevelopmentPlanFactory(employee=staff, year=last)
    item = PlanItemFactory(
        plan=plan, dimension=province.d1, form=province.fw.forms["briefing"]
    )
    page = login(roles.head_a).get(f"{_url(staff)}?tahun={last}")
    assert (page.context["year"], page.context["editable"]) == (last, False)
    assert [i.pk for i in page.context["report"].items] == [item.pk]
    assert (
        login(roles.head_a).post(f"/laporan/rencana/butir/{item.pk}/hapus/").status_code
        == 403
    )


def test_plan_page_links_the_activity_that_completed_an_item(province, roles, login):
    from datetime import datetime, time, timedelta

    from activities.services import activity_record

    staff = roles.staff_a.employee
    plan = DevelopmentPlanFactory(employee=staff)
    PlanItemFactory(
        plan=plan,
        dimension=province.d1,
        form=province.fw.forms["briefing"],
        created_on=date(plan.year, 1, 1),
    )
    today = timezone.localdate()
    day = max(date(today.year, 1, 1), today - timedelta(days=1))
    activity = activity_record(
        recorder=roles.head_a,
        form=province.fw.forms["briefing"],
        unit=roles.head_a.employee.unit,
        started_at=timezone.make_aware(datetime.combine(day, time(7, 45))),
        duration_minutes=15,
        facilitator=roles.head_a.employee,
        attendance={staff.pk: "present"},
        dimension_ids=[province.d1.pk],
        detail={"agenda_kind": "setia_motivation"},
    )
    html = login(roles.staff_a).get(_url(staff)).content.decode()
    assert f'href="/kegiatan/{activity.pk}/"' in html
    report = login(roles.staff_a).get(f"/laporan/pegawai/{staff.pk}/").context["report"]
    assert (report.progress.done, report.progress.total, report.progress.percent) == (
        1,
        1,
        100,
    )
