from people.tests.factories import EmployeeFactory
from programs.models import Nomination, Submission
from programs.services import (
    submission_create,
)
from programs.tests.pages import constant_queries

State = Nomination.State


# -- submissions and demand ----------------------------------------------------------


def test_head_submits_unit_data(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/",
        {"unit": roles.head_a.employee.unit_id, "confirm": "on"},
    )
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert (submission.unit, submission.submitted_by, submission.employee_count) == (
        roles.head_a.employee.unit,
        roles.head_a,
        2,
    )


def test_head_cannot_submit_other_unit(roles, login, fw):
    response = login(roles.head_a).post(
        "/program/kiriman/kirim/",
        {"unit": roles.head_b.employee.unit_id, "confirm": "on"},
    )
    assert response.status_code == 302
    assert Submission.objects.count() == 0


def test_bpsdm_sees_which_units_submitted(
    org, roles, login, fw, django_assert_num_queries
):
    submission_create(unit=org.kel_a, by=roles.head_a)
    response = login(roles.bpsdm).get("/program/kiriman/")
    status = {
        u.code: (u.submission_count, u.latest_submission_id)
        for u in response.context["units"]
    }
    submission = Submission.objects.get()
    assert status == {
        "JB": (0, None),
        "JB-KMB": (0, None),
        "JB-KMB-MU": (1, submission.pk),
        "JB-KMB-JG": (0, None),
    }

    def grow():
        for __ in range(3):
            submission_create(unit=org.kel_b, by=roles.head_b)

    constant_queries(
        login(roles.bpsdm), "/program/kiriman/", grow, django_assert_num_queries
    )


def test_demand_page(roles, login, org, fw, django_assert_num_queries):
    response = login(roles.bpsdm).get("/program/kebutuhan/", {"units": [org.kel_a.pk]})
    assert response.status_code == 200
    assert response.context["result"].employees == 2
    for user in (roles.head_a, roles.staff_a):
        assert login(user).get("/program/kebutuhan/").status_code == 403

    def grow():
        for __ in range(5):
            EmployeeFactory(unit=org.kel_a)

    constant_queries(
        login(roles.bpsdm),
        f"/program/kebutuhan/?units={org.kel_a.pk}",
        grow,
        django_assert_num_queries,
    )


def test_sending_needs_the_confirmation(roles, org, login, fw):
    client = login(roles.head_a)
    response = client.post("/program/kiriman/kirim/", {"unit": org.kel_a.pk})
    assert response.status_code == 400
    assert response.context["form"].errors == {
        "confirm": ["Centang konfirmasi dulu: data yang terkirim tidak bisa diubah."]
    }
    assert Submission.objects.count() == 0


def test_preview_shows_what_would_be_sent(
    roles, org, login, fw, django_assert_num_queries
):
    client = login(roles.head_kecamatan)
    response = client.get("/program/kiriman/pratinjau/", {"unit": org.kel_a.pk})
    assert response.status_code == 200
    preview = response.context["preview"]
    assert (preview.employee_count, len(response.context["rows"])) == (2, 2)
    assert Submission.objects.count() == 0
    # Without a choice: the head's own unit.
    own = client.get("/program/kiriman/pratinjau/")
    assert own.context["preview"].unit == org.kecamatan
    # Another head's unit is not offered.
    other = login(roles.head_b).get(
        "/program/kiriman/pratinjau/", {"unit": org.kel_a.pk}
    )
    assert other.status_code == 302
    assert login(roles.bpsdm).get("/program/kiriman/pratinjau/").status_code == 403

    def grow():
        EmployeeFactory.create_batch(60, unit=org.kel_a)

    client = login(roles.head_kecamatan)
    constant_queries(
        client,
        f"/program/kiriman/pratinjau/?unit={org.kel_a.pk}",
        grow,
        django_assert_num_queries,
    )
    grown = client.get("/program/kiriman/pratinjau/", {"unit": org.kel_a.pk})
    assert (grown.context["preview"].employee_count, grown.context["shown"]) == (
        62,
        50,
    )


def test_bpsdm_returns_then_unit_resends_then_bpsdm_acknowledges(roles, org, login, fw):
    from django.test import Client

    from notices.models import Notice

    head, bpsdm = Client(), Client()
    head.force_login(roles.head_a)
    bpsdm.force_login(roles.bpsdm)
    head.post("/program/kiriman/kirim/", {"unit": org.kel_a.pk, "confirm": "on"})
    first = Submission.objects.get()
    assert first.status == "sent"
    # A return needs a reason.
    bpsdm.post(f"/program/kiriman/{first.pk}/kembalikan/", {"reason": "  "})
    first.refresh_from_db()
    assert first.status == "sent"
    response = bpsdm.post(
        f"/program/kiriman/{first.pk}/kembalikan/",
        {"reason": "Data jabatan dua pegawai belum diperbarui."},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.status, first.return_reason, first.reviewed_by) == (
        "returned",
        "Data jabatan dua pegawai belum diperbarui.",
        roles.bpsdm,
    )
    notice = Notice.objects.get(recipient=roles.head_a, kind="submission")
    assert notice.subject == "Kiriman data Meruya Utara dikembalikan BPSDM"
    # Answered once: a second answer is refused with a message.
    again = bpsdm.post(f"/program/kiriman/{first.pk}/terima/", follow=True)
    assert "sudah ditanggapi" in again.content.decode()
    first.refresh_from_db()
    assert first.status == "returned"
    # The unit sees the status and the reason, and may send again.
    page = head.get(f"/program/kiriman/{first.pk}/")
    assert page.context["can_resend"] is True
    assert "Data jabatan dua pegawai belum diperbarui." in page.content.decode()
    head.post("/program/kiriman/kirim/", {"unit": org.kel_a.pk, "confirm": "on"})
    second = Submission.objects.latest("pk")
    assert second.pk != first.pk
    bpsdm.post(f"/program/kiriman/{second.pk}/terima/")
    second.refresh_from_db()
    assert second.status == "acknowledged"
    listing = head.get("/program/kiriman/")
    latest = {u.code: u.latest_status for u in listing.context["units"]}
    assert latest[org.kel_a.code] == "acknowledged"


def test_only_bpsdm_answers_submissions(roles, org, login, fw):
    submission = submission_create(unit=org.kel_a, by=roles.head_a)
    for user in (roles.head_a, roles.head_kecamatan, roles.inspector):
        response = login(user).post(
            f"/program/kiriman/{submission.pk}/kembalikan/", {"reason": "x"}
        )
        assert response.status_code == 403
        response = login(user).post(f"/program/kiriman/{submission.pk}/terima/")
        assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == "sent"
