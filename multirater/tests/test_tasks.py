from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from multirater.services import raters_remind, round_close
from multirater.tasks import remind_raters
from multirater.tests.factories import SELF, answer, colleague, open_round
from notices.models import Notice

pytestmark = pytest.mark.django_db
DAY = date(2026, 12, 2)


def _reminded() -> dict[str, str]:
    return dict(
        Notice.objects.filter(kind="multirater.reminder").values_list(
            "recipient__username", "subject"
        )
    )


def test_raters_with_answers_due_are_reminded_once_a_day(org, roles):
    # Kelurahan A: staff A rates themselves and head A (as staff); head A rates
    # themselves and staff A; the kecamatan's head rates head A.
    round_ = open_round(org.kel_a, roles.bpsdm)
    answer(round_.assignments.get(rater=roles.staff_a.employee, relation="self"), SELF)
    assert raters_remind(today=DAY) == 3
    assert _reminded() == {
        "staf.a": "1 penilaian 360 menunggu Anda",
        "kepala.a": "2 penilaian 360 menunggu Anda",
        "kepala.kec": "1 penilaian 360 menunggu Anda",
    }
    notice = Notice.objects.get(recipient=roles.staff_a)
    assert notice.link == "/360/"
    # Twice the same day: nothing new (the task too).
    assert raters_remind(today=DAY) == 0
    assert Notice.objects.filter(kind="multirater.reminder").count() == 3
    # The next day again, for those still due; a closed round reminds nobody.
    assert raters_remind(today=DAY + timedelta(days=1)) == 3
    round_close(round_=round_, by=roles.bpsdm)
    assert raters_remind(today=DAY + timedelta(days=2)) == 0


def test_the_task_is_thin_and_idempotent(org, roles):
    open_round(org.kel_a, roles.bpsdm)
    assert remind_raters.delay().get() == 3
    assert remind_raters.delay().get() == 0


def test_inactive_raters_are_not_reminded(org, roles):
    open_round(org.kel_a, roles.bpsdm)
    roles.head_kecamatan.is_active = False
    roles.head_kecamatan.save(update_fields=["is_active"])
    assert set(_reminded()) == set()
    raters_remind(today=DAY)
    assert set(_reminded()) == {"staf.a", "kepala.a"}


def _queries(today) -> int:
    with CaptureQueriesContext(connection) as queries:
        raters_remind(today=today)
    return len(queries)


def test_reminders_cost_the_same_queries_for_more_raters(org, roles):
    open_round(org.kel_a, roles.bpsdm)
    few = _queries(DAY)
    for i in range(8):
        colleague(org.kel_b, f"Penilai {i}")
    open_round(org.kel_b, roles.bpsdm)
    many = _queries(DAY + timedelta(days=1))
    assert Notice.objects.filter(kind="multirater.reminder").count() == 3 + 3 + 10
    assert few == many == 4
