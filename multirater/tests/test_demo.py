"""The demo's 360 rounds: a closed one whose profiles show a group at the
threshold and groups below it, an open one with answers due for demo logins,
and a second ``seed_demo`` that changes nothing."""

import pytest
from django.core.management import call_command

from multirater.models import Assignment, Rating, Relation, Response, Round
from multirater.selectors import assignments_due, profile
from people.models import User


@pytest.fixture
def seeded(demo_seeded, db):
    """The demo, seeded once for this module (each test runs in a savepoint)."""


def _counts():
    return (
        Round.objects.count(),
        Assignment.objects.count(),
        Assignment.objects.filter(done=True).count(),
        Response.objects.count(),
        Rating.objects.count(),
    )


def _closed():
    return Round.objects.get(status=Round.Status.CLOSED, unit__code="JB-KMB")


def test_closed_round_shows_the_staff_group_and_hides_the_small_head_group(
    seeded, client
):
    round_ = _closed()
    bpsdm = User.objects.get(username="bpsdm")
    head = User.objects.get(username="kepala.kembangan").employee
    cro = User.objects.get(username="pegawai.cro").employee
    # The kecamatan head: his three demo-login staff answered (threshold 3).
    shown = profile(round_, head, viewer=bpsdm)
    assert shown.threshold == 3
    assert shown.counts[Relation.STAFF] == 3
    assert shown.counts[Relation.HEAD] == shown.counts[Relation.PEER] == 0
    assert all(line.staff.shown for line in shown.lines)
    # The demo standard weighs head 2, peers 1, staff 1 (self 0): with only the
    # staff group shown, his weighted score is that group's mean.
    assert [(p.relation, p.count) for p in shown.weighting.parts] == [("staff", 3)]
    assert [line.weighted for line in shown.lines] == [
        line.staff.mean for line in shown.lines
    ]
    # The CRO: only the head among the demo logins rates her (peers have no login).
    hidden = profile(round_, cro, viewer=bpsdm)
    assert hidden.counts[Relation.HEAD] == 1
    assert hidden.counts[Relation.PEER] == 0
    assert not any(line.head.shown for line in hidden.lines)

    client.force_login(bpsdm)
    page = client.get(f"/360/{round_.pk}/pegawai/{head.pk}/hasil/")
    assert page.status_code == 200
    assert "(n=3)" in page.content.decode()
    assert "Bawahan ×1, 3 penilai" in page.content.decode()
    page = client.get(f"/360/{round_.pk}/pegawai/{cro.pk}/hasil/")
    assert "kurang dari 3 penilai" in page.content.decode()


def test_open_round_leaves_answers_due_for_demo_logins(seeded):
    open_round = Round.objects.get(status=Round.Status.OPEN)
    assert open_round.unit.code == "JB-KMB-MU"
    assert open_round.responses.count() == 1  # the technician's self-rating
    for username in ("kepala.kembangan", "kepala.meruyautara", "pegawai.teknis"):
        user = User.objects.get(username=username)
        assert assignments_due(user).filter(round=open_round).exists()


def test_second_seed_demo_changes_no_row_count(seeded):
    first = _counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first
