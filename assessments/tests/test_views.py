from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from assessments.models import Answer, Attempt, Instrument, Item, Rescore, Result
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    result_release,
)
from assessments.tests.factories import open_window
from assessments.views.taking import Question
from notices.models import Notice
from people.tests.factories import EmployeeFactory

CONFIRM = {"confirm": "ya"}


def _submitted(attempt, value=3):
    attempt_start(attempt=attempt)
    for item in attempt.window.instrument.items.all():
        answer_save(attempt=attempt, item_id=item.pk, value=value)
    return attempt_submit(attempt=attempt)


# -- taking a test ----------------------------------------------------------------


def test_my_tests_lists_own_attempts_only(login, roles, window):
    response = login(roles.staff_a).get("/uji/")
    assert response.status_code == 200
    assert [a.employee for a in response.context["attempts"]] == [
        roles.staff_a.employee
    ]


def test_take_outsider_gets_404(login, roles, attempt_a):
    client = login(roles.staff_b)
    assert client.get(f"/uji/kerjakan/{attempt_a.pk}/").status_code == 404
    assert client.post(f"/uji/kerjakan/{attempt_a.pk}/mulai/").status_code == 404
    # Not even a head or BPSDM may answer in someone else's name.
    assert login(roles.bpsdm).get(f"/uji/kerjakan/{attempt_a.pk}/").status_code == 404


def test_take_start_answer_reload_submit(login, roles, attempt_a, items):
    client = login(roles.staff_a)
    page = client.get(f"/uji/kerjakan/{attempt_a.pk}/")
    assert page.templates[0].name == "assessments/take_start.html"
    client.post(f"/uji/kerjakan/{attempt_a.pk}/mulai/")
    attempt_a.refresh_from_db()
    assert attempt_a.status == Attempt.Status.STARTED

    first = items[0]
    saved = client.post(
        f"/uji/kerjakan/{attempt_a.pk}/jawab/",
        {"item": first.pk, f"item-{first.pk}": "4"},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    assert "Tersimpan" in saved.content.decode()

    reloaded = client.get(f"/uji/kerjakan/{attempt_a.pk}/")
    assert reloaded.context["questions"][0] == Question(
        number=1, item=first, answer=4, page=1
    )
    assert (
        f'id="q{first.pk}-4"\n               value="4" checked'
        in reloaded.content.decode()
    )

    done = client.post(f"/uji/kerjakan/{attempt_a.pk}/serahkan/")
    result = Result.objects.get(attempt=attempt_a)
    assert done.status_code == 302
    assert done["Location"] == f"/uji/hasil/{result.pk}/"
    # A double click / retry lands on the same result.
    again = client.post(f"/uji/kerjakan/{attempt_a.pk}/serahkan/")
    assert again["Location"] == f"/uji/hasil/{result.pk}/"
    assert Result.objects.filter(attempt=attempt_a).count() == 1
    shown = client.get(done["Location"])
    assert shown.status_code == 200
    assert "Hasil sementara" in shown.content.decode()


def test_take_pages_save_resume_and_review(login, roles, attempt_a, items):
    # Eight questions: six single-dimension ones, a Likert item, a personality
    # item → pages of 3, 3 and 2 (assessments.pages).
    url = f"/uji/kerjakan/{attempt_a.pk}/"
    assert login(roles.staff_b).post(f"{url}halaman/", {"page": 1}).status_code == 404
    client = login(roles.staff_a)
    client.post(f"{url}mulai/")
    first = client.get(url)
    assert (first.context["page_number"], first.context["page_count"]) == (1, 3)
    assert [q.item for q in first.context["on_page"]] == items[:3]
    assert "0 dari 8 soal terjawab" in first.content.decode()

    # "Next" saves the page's answers (no autosave needed) and moves on.
    moved = client.post(
        f"{url}halaman/",
        {
            "page": 1,
            "goto": "2",
            f"item-{items[0].pk}": "4",
            f"item-{items[1].pk}": "2",
        },
    )
    assert moved["Location"] == f"{url}?hal=2"
    assert dict(attempt_a.answers.values_list("item_id", "value")) == {
        items[0].pk: 4,
        items[1].pk: 2,
    }
    # Jump to question 7 (page 3): the anchor of the question.
    jumped = client.post(f"{url}halaman/", {"page": 2, "goto": "3.7"})
    assert jumped["Location"] == f"{url}?hal=3#soal-7"
    # Reopening the test resumes at the last page.
    resumed = client.get(url)
    assert resumed.context["page_number"] == 3
    assert "2 dari 8 soal terjawab" in resumed.content.decode()

    review = client.post(f"{url}halaman/", {"page": 3, "goto": "tinjau"})
    assert review["Location"] == f"{url}?hal=tinjau"
    body = client.get(f"{url}?hal=tinjau").content.decode()
    assert "6 soal belum dijawab." in body
    assert 'data-confirm="6 soal belum dijawab. Serahkan sekarang?' in body
    assert Result.objects.filter(attempt=attempt_a).count() == 0

    # An item of another test is refused with a message, nothing is saved.
    foreign = client.post(
        f"{url}halaman/", {"page": 1, "goto": "2", "item-999999": "3"}, follow=True
    )
    assert "Butir ini bukan bagian dari uji." in foreign.content.decode()
    assert attempt_a.answers.count() == 2


def test_take_page_save_after_deadline_submits_once(login, roles, attempt_a, items):
    client = login(roles.staff_a)
    attempt_start(attempt=attempt_a, now=timezone.now() - timedelta(minutes=31))
    response = client.post(
        f"/uji/kerjakan/{attempt_a.pk}/halaman/",
        {"page": 1, "goto": "2", f"item-{items[0].pk}": "5"},
    )
    attempt_a.refresh_from_db()
    assert response["Location"] == f"/uji/hasil/{attempt_a.result.pk}/"
    assert (attempt_a.status, attempt_a.auto_submitted) == ("submitted", True)
    assert not Answer.objects.filter(attempt=attempt_a).exists()


def test_answer_after_deadline_refused_and_finalised(login, roles, attempt_a, items):
    client = login(roles.staff_a)
    attempt_start(attempt=attempt_a, now=timezone.now() - timedelta(minutes=31))
    response = client.post(
        f"/uji/kerjakan/{attempt_a.pk}/jawab/",
        {"item": items[0].pk, f"item-{items[0].pk}": "5"},
        headers={"HX-Request": "true"},
    )
    attempt_a.refresh_from_db()
    assert "Waktu habis" in response.content.decode()
    assert response["HX-Redirect"] == f"/uji/hasil/{attempt_a.result.pk}/"
    assert attempt_a.auto_submitted is True
    assert not Answer.objects.filter(attempt=attempt_a).exists()


def test_answer_bad_value_gives_message(login, roles, attempt_a, items):
    client = login(roles.staff_a)
    client.post(f"/uji/kerjakan/{attempt_a.pk}/mulai/")
    response = client.post(
        f"/uji/kerjakan/{attempt_a.pk}/jawab/",
        {"item": items[0].pk, f"item-{items[0].pk}": "9"},
    )
    assert "Pilihan jawaban tidak dikenal." in response.content.decode()


def test_take_expired_attempt_get_submits_nothing(login, roles, attempt_a):
    attempt_start(attempt=attempt_a, now=timezone.now() - timedelta(hours=1))
    client = login(roles.staff_a)
    response = client.get(f"/uji/kerjakan/{attempt_a.pk}/")
    attempt_a.refresh_from_db()
    assert response.status_code == 200
    assert attempt_a.status == "started"
    assert not Result.objects.filter(attempt=attempt_a).exists()
    assert "Waktu habis." in response.content.decode()
    # The page's button (a POST) submits what was saved, as timed out.
    done = client.post(f"/uji/kerjakan/{attempt_a.pk}/serahkan/")
    attempt_a.refresh_from_db()
    assert done["Location"] == f"/uji/hasil/{attempt_a.result.pk}/"
    assert (attempt_a.status, attempt_a.auto_submitted) == ("submitted", True)
    assert client.get(f"/uji/kerjakan/{attempt_a.pk}/")["Location"] == done["Location"]


# -- results ------------------------------------------------------------------------


def test_result_detail_scoping(login, roles, attempt_a):
    result = _submitted(attempt_a)
    url = f"/uji/hasil/{result.pk}/"
    assert login(roles.staff_a).get(url).status_code == 200
    assert login(roles.head_a).get(url).status_code == 200
    assert login(roles.head_kecamatan).get(url).status_code == 200
    assert login(roles.bpsdm).get(url).status_code == 200
    assert login(roles.staff_b).get(url).status_code == 404
    assert login(roles.head_b).get(url).status_code == 404


def test_result_personality_only_for_employee_assessor_and_head(
    login, roles, attempt_a
):
    """Specific personal data: the employee, BPSDM (the assessor) and the heads
    over the employee; not administrators or the inspectorate. Each read is
    recorded in the audit trail."""
    from audit.models import AuditEvent

    result = _submitted(attempt_a)
    url = f"/uji/hasil/{result.pk}/"
    readers = [roles.staff_a, roles.bpsdm, roles.head_a, roles.head_kecamatan]
    for user in readers:
        assert login(user).get(url).context["personality"] is not None, user
    for user in [roles.admin, roles.inspector]:
        assert login(user).get(url).context["personality"] is None, user
    assert login(roles.head_b).get(url).status_code == 404
    reads = AuditEvent.objects.filter(action="personality.read", target_id=result.pk)
    assert sorted(reads.values_list("actor__username", flat=True)) == sorted(
        u.username for u in readers
    )
    assert set(reads.values_list("target_type", flat=True)) == {"assessments.result"}


def test_result_release_by_head_and_outsider(login, roles, attempt_a):
    result = _submitted(attempt_a)
    url = f"/uji/hasil/{result.pk}/rilis/"
    assert login(roles.staff_a).post(url, CONFIRM).status_code == 403
    assert login(roles.head_b).post(url, CONFIRM).status_code == 404
    # A bare POST (no confirmation) releases nothing: it asks first.
    asked = login(roles.head_a).post(url)
    assert asked.status_code == 200
    assert asked.templates[0].name == "assessments/confirm.html"
    assert 'name="confirm" value="ya"' in asked.content.decode()
    result.refresh_from_db()
    assert result.status == Result.Status.SCORED
    assert not Notice.objects.exists()
    page = login(roles.head_a).get(f"/uji/hasil/{result.pk}/").content.decode()
    assert 'data-confirm="Rilis hasil ini?' in page
    assert login(roles.head_a).post(url, CONFIRM).status_code == 302
    result.refresh_from_db()
    assert result.status == Result.Status.RELEASED
    assert (
        Notice.objects.filter(dedupe_key__startswith=f"result:{result.pk}:").count()
        == 3
    )


def test_result_list_query_count_constant(
    login, roles, instrument, org, django_assert_num_queries
):
    client = login(roles.bpsdm)

    def add(n):
        employees = [EmployeeFactory(unit=org.kel_a) for _ in range(n)]
        window = open_window(instrument, employees, by=roles.bpsdm)
        for attempt in window.attempts.all():
            _submitted(attempt)

    add(2)
    # session, user, the shell (user's employee for the menu, unread notices),
    # count, page of results with employee, unit, position, instrument, window
    with django_assert_num_queries(6):
        first = client.get("/uji/hasil/")
    add(5)
    with django_assert_num_queries(6):
        second = client.get("/uji/hasil/")
    assert len(first.context["page"]) == 2
    assert len(second.context["page"]) == 7
    # Newest test first, then the latest scored (the order of an index).
    Result.objects.filter(pk=Result.objects.order_by("pk").values("pk")[:1]).update(
        assessed_on=timezone.localdate() + timedelta(days=1)
    )
    page = [r.pk for r in client.get("/uji/hasil/").context["page"]]
    oldest, *rest = sorted(Result.objects.values_list("pk", flat=True))
    assert page == [oldest, *sorted(rest, reverse=True)]


def test_window_list_query_count_constant(
    login, roles, instrument, org, django_assert_num_queries
):
    assert login(roles.staff_a).get("/uji/jadwal/").status_code == 403
    client = login(roles.head_a)

    def add(n):
        for __ in range(n):
            employees = [EmployeeFactory(unit=org.kel_a) for __ in range(2)]
            _submitted(
                open_window(instrument, employees, by=roles.bpsdm).attempts.first()
            )

    add(2)
    client.get("/uji/jadwal/")
    # session, user, the head's employee and unit (scope), count, one page of
    # windows with their counts, the shell's unread notices
    with django_assert_num_queries(7):
        first = client.get("/uji/jadwal/")
    add(4)
    with django_assert_num_queries(7):
        second = client.get("/uji/jadwal/")
    assert (len(first.context["page"]), len(second.context["page"])) == (2, 6)
    assert [w.participants for w in second.context["page"]] == [2] * 6
    # One of the two submitted in each window (the other has not started).
    assert [w.submitted for w in second.context["page"]] == [1] * 6
    assert login(roles.head_b).get("/uji/jadwal/").context["page"].paginator.count == 0


def test_result_list_scoped_for_head(login, roles, window):
    for attempt in window.attempts.all():
        _submitted(attempt)
    response = login(roles.head_a).get("/uji/hasil/")
    assert [r.employee for r in response.context["page"]] == [roles.staff_a.employee]


def test_rescore_page_bpsdm_only(login, roles, attempt_a, dims):
    result = _submitted(attempt_a, 2)
    result_release(result=result, by=roles.bpsdm)
    url = f"/uji/hasil/{result.pk}/skor-ulang/"
    assert login(roles.head_a).get(url).status_code == 403
    client = login(roles.bpsdm)
    assert client.get(url).status_code == 200
    empty = client.post(url, {"reason": "", "instrument": result.instrument_id})
    assert empty.status_code == 200
    assert not Rescore.objects.exists()
    response = client.post(
        url,
        {
            "reason": "Penilaian atasan terlambat",
            "instrument": result.instrument_id,
            f"d{dims['empati-sosial'].pk}": "5",
        },
    )
    assert response.status_code == 302
    rescore = Rescore.objects.get()
    assert rescore.after["empati-sosial"]["level"] == 3


def test_ratings_head_in_scope_only(login, roles, attempt_a, dims):
    url = f"/uji/peserta/{attempt_a.pk}/penilaian-atasan/"
    assert login(roles.head_b).get(url).status_code == 404
    assert login(roles.staff_a).get(url).status_code == 403
    response = login(roles.head_a).post(url, {f"d{dims['empati-sosial'].pk}": "4"})
    assert response.status_code == 302
    assert attempt_a.supervisor_ratings.get().rating == 4


def test_employee_report_history_and_scope(login, roles, attempt_a, dims):
    result = _submitted(attempt_a, 4)
    result_release(result=result, by=roles.bpsdm)
    url = f"/uji/pegawai/{roles.staff_a.employee.pk}/"
    assert login(roles.head_b).get(url).status_code == 404
    response = login(roles.head_a).get(url)
    assert response.status_code == 200
    current = {row[0].code: row[1:] for row in response.context["current"]}
    # Staff position requires level 1 (default standard): no gap.
    assert current["empati-sosial"] == (4, 1, 0, False)
    assert len(response.context["table"]) == 1


# -- windows ---------------------------------------------------------------------------


def test_window_pages_scoped(login, roles, instrument):
    window = open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    assert login(roles.head_b).get(f"/uji/jadwal/{window.pk}/").status_code == 404
    assert login(roles.staff_a).get("/uji/jadwal/").status_code == 403
    response = login(roles.head_a).get("/uji/jadwal/")
    assert [w.pk for w in response.context["page"]] == [window.pk]
    assert (
        login(roles.head_b).get("/uji/jadwal/").context["page"].object_list.count() == 0
    )


def test_window_create_by_head_for_unit(login, roles, instrument, org):
    now = timezone.localtime()
    data = {
        "instrument": instrument.pk,
        "title": "Uji Meruya Utara",
        "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
        "closes_at": (now + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"),
        "unit": org.kel_a.pk,
    }
    response = login(roles.head_a).post("/uji/jadwal/baru/", data)
    assert response.status_code == 302
    employees = set(
        Attempt.objects.filter(window__title="Uji Meruya Utara").values_list(
            "employee__user__username", flat=True
        )
    )
    assert employees == {"kepala.a", "staf.a"}
    outside = login(roles.head_a).post(
        "/uji/jadwal/baru/", {**data, "unit": org.kel_b.pk, "title": "X"}
    )
    assert outside.status_code == 200
    assert not Attempt.objects.filter(window__title="X").exists()


def test_window_release_all(login, roles, window, django_capture_on_commit_callbacks):
    for attempt in window.attempts.all():
        _submitted(attempt)
    url = f"/uji/jadwal/{window.pk}/rilis/"
    assert login(roles.staff_a).post(url, CONFIRM).status_code == 403
    asked = login(roles.bpsdm).post(url)
    assert asked.templates[0].name == "assessments/confirm.html"
    assert Result.objects.filter(status="released").count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        response = login(roles.bpsdm).post(url, CONFIRM)
    assert response.status_code == 302
    assert Result.objects.filter(status="released").count() == 2
    # staff_a: self + kepala.a + kepala.kec; staff_b: self + kepala.b + kepala.kec
    assert Notice.objects.filter(status="delivered").count() == 6


# -- bank and instruments ------------------------------------------------------------


@pytest.mark.parametrize("url", ["/uji/bank/", "/uji/instrumen/", "/uji/bank/baru/"])
def test_bank_pages_bpsdm_only(login, roles, framework, url):
    assert login(roles.head_a).get(url).status_code == 403
    assert login(roles.staff_a).get(url).status_code == 403
    assert login(roles.bpsdm).get(url).status_code == 200


def test_item_create_situational(login, roles, dims):
    data = {
        "code": "sjt-baru",
        "kind": "situational",
        "dimension": dims["empati-sosial"].pk,
        "stem": "Pemohon datang terlambat.",
        "is_active": "on",
    }
    for n, score in enumerate([5, 3, 2, 1], start=1):
        data[f"option_{n}"] = f"Pilihan {n}"
        data[f"option_{n}_score"] = str(score)
    response = login(roles.bpsdm).post("/uji/bank/baru/", data)
    assert response.status_code == 302
    item = Item.objects.get(code="sjt-baru")
    assert list(item.options.values_list("score", flat=True)) == [5, 3, 2, 1]


def test_item_create_refuses_three_options(login, roles, dims):
    data = {
        "code": "sjt-kurang",
        "kind": "situational",
        "dimension": dims["empati-sosial"].pk,
        "stem": "S",
        "option_1": "a",
        "option_1_score": "1",
    }
    response = login(roles.bpsdm).post("/uji/bank/baru/", data)
    assert response.status_code == 200
    assert "Butir situasional memerlukan 4–5 pilihan." in response.content.decode()


def test_instrument_revise_and_publish_through_pages(login, roles, instrument):
    client = login(roles.bpsdm)
    response = client.post(f"/uji/instrumen/{instrument.pk}/revisi/")
    draft = Instrument.objects.get(code=instrument.code, version=2)
    assert response["Location"] == f"/uji/instrumen/{draft.pk}/"
    frozen_edit = client.post(
        f"/uji/instrumen/{instrument.pk}/ubah/",
        {"name": "X", "time_limit_minutes": 5, "test_weight": 50},
    )
    assert "dibekukan" in frozen_edit.content.decode()
    # A bare POST publishes nothing: it asks for the confirmation first.
    asked = client.post(f"/uji/instrumen/{draft.pk}/terbitkan/")
    assert asked.templates[0].name == "assessments/confirm.html"
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.DRAFT
    assert 'data-confirm="Terbitkan versi ini?' in (
        client.get(f"/uji/instrumen/{draft.pk}/").content.decode()
    )
    client.post(f"/uji/instrumen/{draft.pk}/terbitkan/", CONFIRM)
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.PUBLISHED


def test_instrument_create_items_thresholds_publish_pages(login, roles, items, dims):
    client = login(roles.bpsdm)
    response = client.post(
        "/uji/instrumen/baru/",
        {
            "code": "uji-baru",
            "name": "Uji baru",
            "time_limit_minutes": 20,
            "test_weight": 60,
        },
    )
    draft = Instrument.objects.get(code="uji-baru")
    assert response["Location"] == f"/uji/instrumen/{draft.pk}/"
    assert (draft.version, draft.test_weight, draft.supervisor_weight) == (1, 60, 40)
    assert client.get(f"/uji/instrumen/{draft.pk}/").context["problems"] == [
        "Instrumen belum memiliki butir kompetensi."
    ]
    client.post(
        f"/uji/instrumen/{draft.pk}/butir/", {"items": [items[1].pk, items[0].pk]}
    )
    assert list(draft.instrument_items.values_list("item_id", flat=True)) == [
        items[0].pk,
        items[1].pk,
    ]
    thresholds = {}
    for dimension in dims.values():
        for level, cut in zip((2, 3, 4, 5), ("1.5", "2.5", "3.5", "4.5"), strict=True):
            thresholds[f"d{dimension.pk}_l{level}"] = cut
    thresholds[f"d{dims['empati-sosial'].pk}_l3"] = "1.2"  # below level 2: refused
    refused = client.post(f"/uji/instrumen/{draft.pk}/ambang/", thresholds)
    assert refused.status_code == 200
    thresholds[f"d{dims['empati-sosial'].pk}_l3"] = "2.5"
    client.post(f"/uji/instrumen/{draft.pk}/ambang/", thresholds)
    assert draft.thresholds.get(dimension=dims["empati-sosial"]).cuts[0] == Decimal(
        "1.50"
    )
    client.post(f"/uji/instrumen/{draft.pk}/terbitkan/", CONFIRM)
    draft.refresh_from_db()
    assert draft.status == Instrument.Status.PUBLISHED


def test_item_edit_frozen_item_makes_revision(login, roles, instrument, items):
    item = items[0]
    data = {
        "dimension": item.dimension_id,
        "stem": "Skenario yang diperbaiki",
        "is_active": "on",
    }
    for n in range(1, 6):
        data[f"option_{n}"] = f"Pilihan {n}"
        data[f"option_{n}_score"] = str(n)
    response = login(roles.bpsdm).post(f"/uji/bank/{item.pk}/ubah/", data)
    assert response.status_code == 302
    revision = Item.objects.get(replaces=item)
    assert revision.stem == "Skenario yang diperbaiki"
    item.refresh_from_db()
    assert item.stem != "Skenario yang diperbaiki"


def _released_round(instrument, employees, by):
    window = open_window(instrument, employees, by=by)
    for attempt in window.attempts.all():
        result_release(result=_submitted(attempt), by=by)
    return window


def test_employee_report_query_count_constant_across_rounds(
    login, roles, instrument, django_assert_num_queries
):
    employee = roles.staff_a.employee
    client = login(roles.head_a)
    url = f"/uji/pegawai/{employee.pk}/"
    _released_round(instrument, [employee], roles.bpsdm)
    # session, user, the head's employee and unit (scope), the employee, results
    # + dimension results + their dimensions, dimensions, latest levels,
    # standard, required levels, the shell's unread notices
    with django_assert_num_queries(13):
        one = client.get(url)
    _released_round(instrument, [employee], roles.bpsdm)
    _released_round(instrument, [employee], roles.bpsdm)
    with django_assert_num_queries(13):
        three = client.get(url)
    assert (len(one.context["table"]), len(three.context["table"])) == (1, 3)


def test_window_detail_and_my_tests_query_counts(
    login, roles, instrument, org, django_assert_num_queries
):
    window = open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    for attempt in window.attempts.all():
        _submitted(attempt)
    bpsdm = login(roles.bpsdm)

    def counts():
        with django_assert_num_queries(7) as detail:
            bpsdm.get(f"/uji/jadwal/{window.pk}/")
        return len(detail.captured_queries)

    first = counts()
    from assessments.services import window_assign

    window_assign(
        window=window,
        employees=[EmployeeFactory(unit=org.kel_a) for _ in range(4)],
        by=roles.bpsdm,
    )
    assert counts() == first
    staff = login(roles.staff_a)
    open_window(instrument, [roles.staff_a.employee], by=roles.bpsdm)
    with django_assert_num_queries(5):
        response = staff.get("/uji/")
    assert len(response.context["attempts"]) == 2


def test_take_page_query_count_constant(
    login, roles, attempt_a, dims, django_assert_num_queries
):
    from assessments.tests.factories import ItemFactory, published_instrument

    client = login(roles.staff_a)
    client.post(f"/uji/kerjakan/{attempt_a.pk}/mulai/")
    url = f"/uji/kerjakan/{attempt_a.pk}/"
    client.get(url)
    # session, user, the user's employee, the attempt with its window and
    # instrument, the items with their dimensions, their options, the answers,
    # the shell's unread notices
    with django_assert_num_queries(8):
        client.get(url)
    with django_assert_num_queries(8):
        client.get(f"{url}?hal=tinjau")
    bigger = published_instrument(
        [ItemFactory(dimension=d) for d in dims.values() for __ in range(4)],
        code="besar",
        by=roles.bpsdm,
    )
    attempt = open_window(
        bigger, [roles.staff_a.employee], by=roles.bpsdm
    ).attempts.get()
    client.post(f"/uji/kerjakan/{attempt.pk}/mulai/")
    with django_assert_num_queries(8):
        response = client.get(f"/uji/kerjakan/{attempt.pk}/?hal=3")
    assert (response.context["total"], response.context["page_count"]) == (24, 6)
