import pytest

from notices.services import notice_create

pytestmark = pytest.mark.django_db


def test_notice_list_only_own_and_open_marks_read(roles, login):
    mine = notice_create(
        recipient=roles.staff_a,
        kind="t",
        dedupe_key="a",
        subject="Untuk A",
        body="x",
        link="/pegawai/",
    )
    notice_create(
        recipient=roles.staff_b, kind="t", dedupe_key="b", subject="Untuk B", body="x"
    )
    client = login(roles.staff_a)
    body = client.get("/pemberitahuan/").content.decode()
    assert "Untuk A" in body and "Untuk B" not in body
    response = client.get(f"/pemberitahuan/{mine.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/pegawai/")
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_notice_of_someone_else_is_404(roles, login):
    other = notice_create(
        recipient=roles.staff_b, kind="t", dedupe_key="b", subject="B", body="x"
    )
    assert login(roles.staff_a).get(f"/pemberitahuan/{other.pk}/").status_code == 404
    assert login(roles.bpsdm).get(f"/pemberitahuan/{other.pk}/").status_code == 404


def test_offsite_link_is_not_followed(roles, login):
    notice = notice_create(
        recipient=roles.staff_a,
        kind="t",
        dedupe_key="a",
        subject="A",
        body="x",
        link="https://evil.example/",
    )
    response = login(roles.staff_a).get(f"/pemberitahuan/{notice.pk}/")
    assert response["Location"] == "/"


def test_read_all_requires_post(roles, login):
    notice_create(
        recipient=roles.staff_a, kind="t", dedupe_key="a", subject="A", body="x"
    )
    client = login(roles.staff_a)
    assert client.get("/pemberitahuan/baca-semua/").status_code == 405
    client.post("/pemberitahuan/baca-semua/")
    assert roles.staff_a.notices.filter(read_at__isnull=True).count() == 0


def _notices(user, start, count):
    for n in range(start, start + count):
        notice_create(
            recipient=user, kind="t", dedupe_key=f"n{n}", subject=f"S{n}", body="x"
        )


def test_notice_list_is_one_page_in_constant_queries(
    roles, login, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _notices(roles.staff_a, 0, 2)
    client = login(roles.staff_a)
    with CaptureQueriesContext(connection) as small:
        client.get("/pemberitahuan/")
    _notices(roles.staff_a, 2, 60)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/pemberitahuan/")
    assert len(response.context["page"]) == 25
    assert response.context["page"].paginator.count == 62
    assert 'href="?page=2"' in response.content.decode()
