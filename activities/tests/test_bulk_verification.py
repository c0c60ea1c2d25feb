"""Bulk verification in the queue: preview, confirmation, reasons, all or nothing."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import Activity
from activities.tests.factories import past, record_briefing, roster
from ledger.models import JPEntry
from notices.models import Notice


def _waiting(roles, org, n, people=None, start=1):
    people = people or [roles.staff_a.employee]
    return [
        record_briefing(roles.staff_a, present=people, started_at=past(day + start))
        for day in range(n)
    ]


def _post(client, data):
    return client.post("/kegiatan/verifikasi/putuskan/", data)


def test_bulk_asks_for_confirmation_before_deciding(framework, roles, org, login):
    first, second = _waiting(roles, org, 2)
    client = login(roles.head_a)
    data = {
        "selected": [first.pk, second.pk],
        f"decision-{second.pk}": "reject",
        f"reason-{second.pk}": "Foto bukti tidak ada",
    }
    response = _post(client, data)
    assert response.status_code == 200
    assert "Ya, putuskan 2 kegiatan" in response.content.decode()
    assert response.context["verify_count"] == 1
    assert response.context["reject_count"] == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("submitted", "submitted")
    response = _post(client, {**data, "confirmed": "on"})
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("verified", "rejected")
    assert second.rejection_reason == "Foto bukti tidak ada"
    assert JPEntry.objects.filter(source_key=first.source_key).count() == 1
    assert Notice.objects.filter(kind="activity_rejected").count() == 1


def test_bulk_rejection_without_reason_decides_nothing(framework, roles, org, login):
    first, second = _waiting(roles, org, 2)
    response = _post(
        login(roles.head_a),
        {
            "selected": [first.pk, second.pk],
            f"decision-{second.pk}": "reject",
            "confirmed": "on",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tuliskan alasan penolakan." in html
    assert f'id="error-{second.pk}"' in html
    assert set(Activity.objects.values_list("status", flat=True)) == {"submitted"}


def test_bulk_is_all_or_nothing_when_one_item_fails(framework, roles, org, login):
    first, second = _waiting(roles, org, 2)
    # Someone else decides the second one between the confirmation and the post.
    login(roles.head_kecamatan).post(f"/kegiatan/{second.pk}/verifikasi/")
    response = _post(
        login(roles.head_a),
        {"selected": [first.pk, second.pk], "confirmed": "on"},
    )
    assert response.status_code == 400
    first.refresh_from_db()
    assert first.status == "submitted"
    assert JPEntry.objects.filter(source_key=first.source_key).count() == 0


def test_bulk_refuses_items_outside_the_queue(framework, roles, org, login):
    own = record_briefing(roles.head_a, present=[roles.head_a.employee])
    other = record_briefing(roles.staff_b, present=[roles.staff_b.employee])
    client = login(roles.head_a)
    for activity in (own, other):  # about himself; another unit's
        response = _post(client, {"selected": [activity.pk], "confirmed": "on"})
        assert response.status_code == 400
        activity.refresh_from_db()
        assert activity.status == "submitted"
    assert _post(login(roles.staff_a), {"selected": [own.pk]}).status_code == 403
    assert _post(login(roles.inspector), {"selected": [own.pk]}).status_code == 403


def test_bulk_with_nothing_ticked_is_a_message(framework, roles, org, login):
    _waiting(roles, org, 1)
    response = _post(login(roles.head_a), {"confirmed": "on"})
    assert response.status_code == 400
    assert "Pilih minimal satu kegiatan." in response.content.decode()


def test_queue_previews_attendees_and_is_bounded(
    framework, roles, org, login, django_assert_num_queries
):
    people = roster(org.kel_a, 10)
    (activity,) = _waiting(roles, org, 1, people=people)
    client = login(roles.head_a)
    with CaptureQueriesContext(connection) as small:
        response = client.get("/kegiatan/verifikasi/")
    (row,) = response.context["page"]
    assert len(row.preview_attendees) == 8
    assert row.more_attendees == 2
    assert "dan 2 lainnya" in response.content.decode()
    assert activity.summary[:40] in response.content.decode()
    _waiting(roles, org, 25, people=people, start=2)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get("/kegiatan/verifikasi/")
    assert len(response.context["page"]) == 20
    assert response.context["page"].paginator.count == 26


def test_daily_digest_reaches_heads_with_pending_items_once_a_day(
    framework, roles, org
):
    from datetime import date

    from activities.services.notify import notify_pending_digest
    from activities.tasks import pending_digest

    _waiting(roles, org, 2)
    Notice.objects.all().delete()  # the notices of the submissions themselves
    assert pending_digest() == 2  # head A and the kecamatan head above
    digests = Notice.objects.filter(kind="activity_digest").order_by("recipient_id")
    assert [n.recipient for n in digests] == sorted(
        [roles.head_a, roles.head_kecamatan], key=lambda u: u.pk
    )
    assert digests[0].subject == "2 kegiatan menunggu verifikasi Anda"
    assert digests[0].link == "/kegiatan/verifikasi/"
    notify_pending_digest()  # the same day again: nothing new
    assert Notice.objects.filter(kind="activity_digest").count() == 2
    notify_pending_digest(today=date(2099, 1, 2))
    assert Notice.objects.filter(kind="activity_digest").count() == 4
