"""Nobody rates, releases or re-scores their own test: a head's own attempt and
result are left to the head above or to BPSDM."""

import pytest
from django.core.exceptions import PermissionDenied

from assessments.models import Result
from assessments.permissions import RATE_ATTEMPT, RELEASE_RESULT, RESCORE_RESULT
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    result_release,
    result_rescore,
    supervisor_ratings_set,
)
from assessments.tests.factories import open_window
from people.permissions import can


def _submitted(attempt, value=2):
    attempt_start(attempt=attempt)
    for item in attempt.window.instrument.items.all():
        answer_save(attempt=attempt, item_id=item.pk, value=value)
    return attempt_submit(attempt=attempt)


@pytest.fixture
def heads_window(instrument, roles):
    """A round with head A himself and his staff member in it."""
    return open_window(
        instrument, [roles.head_a.employee, roles.staff_a.employee], by=roles.bpsdm
    )


def test_a_head_does_not_rate_his_own_attempt(login, roles, heads_window, dims):
    own = heads_window.attempts.get(employee=roles.head_a.employee)
    url = f"/uji/peserta/{own.pk}/penilaian-atasan/"
    field = f"d{dims['empati-sosial'].pk}"
    assert login(roles.head_a).get(url).status_code == 403
    assert login(roles.head_a).post(url, {field: "5"}).status_code == 403
    assert not own.supervisor_ratings.exists()
    with pytest.raises(PermissionDenied):
        supervisor_ratings_set(
            attempt=own, ratings={dims["empati-sosial"].pk: 5}, by=roles.head_a
        )
    # The head above rates him; BPSDM may too.
    assert login(roles.head_kecamatan).post(url, {field: "3"}).status_code == 302
    assert own.supervisor_ratings.get().rated_by == roles.head_kecamatan
    assert can(roles.bpsdm, RATE_ATTEMPT, own)
    # His staff member he rates as before.
    staff = heads_window.attempts.get(employee=roles.staff_a.employee)
    assert can(roles.head_a, RATE_ATTEMPT, staff)


CONFIRM = {"confirm": "ya"}


def test_a_head_does_not_release_his_own_result(login, roles, heads_window):
    own = _submitted(heads_window.attempts.get(employee=roles.head_a.employee))
    url = f"/uji/hasil/{own.pk}/rilis/"
    page = login(roles.head_a).get(f"/uji/hasil/{own.pk}/")
    assert "Rilis hasil dan kirim umpan balik" not in page.content.decode()
    assert "Ini hasil uji Anda sendiri" in page.content.decode()
    assert login(roles.head_a).post(url, CONFIRM).status_code == 403
    with pytest.raises(PermissionDenied):
        result_release(result=own, by=roles.head_a)
    own.refresh_from_db()
    assert own.status == Result.Status.SCORED
    assert login(roles.head_kecamatan).post(url, CONFIRM).status_code == 302
    own.refresh_from_db()
    assert (own.status, own.released_by) == (
        Result.Status.RELEASED,
        roles.head_kecamatan,
    )


def test_a_window_with_his_own_result_is_released_without_it(
    login, roles, heads_window, django_capture_on_commit_callbacks
):
    own = _submitted(heads_window.attempts.get(employee=roles.head_a.employee))
    staff = _submitted(heads_window.attempts.get(employee=roles.staff_a.employee))
    page = login(roles.head_a).get(f"/uji/jadwal/{heads_window.pk}/")
    assert page.context["scored"] == 1
    assert page.context["own_in_window"] is True
    assert "Anda peserta jadwal ini" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(roles.head_a).post(
            f"/uji/jadwal/{heads_window.pk}/rilis/", CONFIRM
        )
    response = login(roles.head_a).get(response["Location"])
    messages = [str(m) for m in response.context["messages"]]
    assert messages == [
        "Hasil uji Anda sendiri tidak ikut dirilis: hasil itu dirilis oleh atasan "
        "Anda atau BPSDM."
    ]
    assert "1 hasil dirilis; pemberitahuan dikirim." in response.content.decode()
    own.refresh_from_db()
    staff.refresh_from_db()
    assert (own.status, staff.status) == (Result.Status.SCORED, Result.Status.RELEASED)
    # The head above releases what is left: the head's own result.
    with django_capture_on_commit_callbacks(execute=True):
        login(roles.head_kecamatan).post(
            f"/uji/jadwal/{heads_window.pk}/rilis/", CONFIRM
        )
    own.refresh_from_db()
    assert own.released_by == roles.head_kecamatan


def test_nobody_rescores_their_own_result(roles, org, heads_window, dims):
    from people.tests.factories import EmployeeFactory

    EmployeeFactory(unit=org.bpsdm, user=roles.bpsdm)
    window = open_window(
        heads_window.instrument, [roles.bpsdm.employee], by=roles.admin
    )
    own = _submitted(window.attempts.get())
    result_release(result=own, by=roles.admin)
    own.refresh_from_db()
    assert not can(roles.bpsdm, RELEASE_RESULT, own)
    assert not can(roles.bpsdm, RESCORE_RESULT, own)
    assert can(roles.admin, RESCORE_RESULT, own)
    with pytest.raises(PermissionDenied):
        result_rescore(
            result=own,
            reason="Koreksi",
            by=roles.bpsdm,
            ratings={dims["empati-sosial"].pk: 5},
        )
    result_rescore(
        result=own,
        reason="Koreksi",
        by=roles.admin,
        ratings={dims["empati-sosial"].pk: 5},
    )
    assert own.rescores.get().rescored_by == roles.admin
