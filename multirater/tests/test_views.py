import re
from datetime import date

import pytest
from django.urls import reverse

from competencies.models import Dimension
from competencies.tests.factories import RaterGroupWeightsFactory, StandardFactory
from multirater.models import Assignment, Response, Round
from multirater.tests.factories import (
    colleague,
    grouped_round,
    open_round,
    rated_round,
)

pytestmark = pytest.mark.django_db


def _levels(levels):
    dims = Dimension.objects.order_by("number").values_list("pk", flat=True)
    return {f"dimension_{pk}": level for pk, level in zip(dims, levels, strict=True)}


def test_a_rater_sees_only_what_they_still_have_to_rate(org, roles, login):
    round_ = open_round(org.kel_a, roles.bpsdm)
    client = login(roles.staff_a)
    body = client.get("/360/").content.decode()
    mine = round_.assignments.filter(rater=roles.staff_a.employee)
    assert mine.count() == 2  # themselves, head A as staff
    for a in mine:
        assert reverse("multirater:rate", args=[a.pk]) in body
    theirs = round_.assignments.exclude(rater=roles.staff_a.employee)
    for a in theirs:
        assert reverse("multirater:rate", args=[a.pk]) not in body
        assert client.get(reverse("multirater:rate", args=[a.pk])).status_code == 404


def test_rating_one_person_per_screen(org, roles, login):
    round_ = open_round(org.kel_a, roles.bpsdm)
    client = login(roles.staff_a)
    own = round_.assignments.get(rater=roles.staff_a.employee, relation="self")
    following = round_.assignments.get(rater=roles.staff_a.employee, relation="staff")
    url = reverse("multirater:rate", args=[own.pk])
    page = client.get(url).content.decode()
    # Every dimension with its levels and the standard's indicators.
    assert page.count('type="radio"') == 6 * 5
    assert "Menilai diri sendiri" in page
    # A missing level is a clear message, nothing is stored.
    data = _levels([3, 3, 3, 3, 3, 3])
    data.pop(next(iter(data)))
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Pilih level untuk dimensi ini." in response.content.decode()
    assert Response.objects.count() == 0
    response = client.post(url, {**_levels([3, 4, 2, 5, 1, 3]), "comment": "x"})
    # On to the next person still to rate.
    assert response["Location"] == reverse("multirater:rate", args=[following.pk])
    own.refresh_from_db()
    assert own.done is True
    assert Response.objects.get().comment == "x"
    response = client.post(url, _levels([3, 3, 3, 3, 3, 3]))
    assert "Penilaian ini sudah dikirim." in response.content.decode()
    assert Response.objects.count() == 1
    # A level outside 1–5 is refused by the form.
    response = client.post(
        reverse("multirater:rate", args=[following.pk]), _levels([3, 3, 3, 3, 3, 9])
    )
    assert response.status_code == 200
    assert Response.objects.count() == 1


def test_opening_a_round_within_ones_scope(org, roles, login):
    client = login(roles.head_a)
    data = {"unit": org.kel_a.pk, "period": "2026Q4", "title": "Putaran A"}
    response = client.post("/360/buka/", {**data, "min_responses": 2})
    assert "Paling sedikit 3 penilai per kelompok." in response.content.decode()
    response = client.post(
        "/360/buka/", {**data, "unit": org.kel_b.pk, "min_responses": 3}
    )
    assert response.status_code == 200  # kelurahan B is not a choice for head A
    assert Round.objects.count() == 0
    response = client.post(
        "/360/buka/", {**data, "period": "2026Q9", "min_responses": 3}
    )
    assert "tidak valid" in response.content.decode()
    response = client.post("/360/buka/", {**data, "min_responses": 4})
    round_ = Round.objects.get()
    assert response["Location"] == f"/360/{round_.pk}/"
    assert (round_.unit, round_.min_responses, round_.opened_by) == (
        org.kel_a,
        4,
        roles.head_a,
    )
    assert round_.assignments.count() == 5  # 2 self, 2 heads, 1 staff
    assert login(roles.staff_a).post("/360/buka/", data).status_code == 403
    assert login(roles.inspector).post("/360/buka/", data).status_code == 403


def test_editing_raters(org, roles, login):
    round_ = open_round(org.kel_a, roles.bpsdm)
    guest = colleague(org.kel_a, "Tamu Penilai")
    url = f"/360/{round_.pk}/pegawai/{roles.staff_a.employee.pk}/penilai/"
    client = login(roles.head_a)
    page = client.get(url).content.decode()
    # A type-ahead, never the list of every employee.
    assert "Tamu Penilai" not in page
    assert reverse("people:employee_search") in page
    response = client.post(url, {"rater": guest.pk, "relation": "peer"})
    assert response.status_code == 302
    added = Assignment.objects.get(round=round_, rater=guest)
    assert added.relation == "peer"
    response = client.post(url, {"rater": guest.pk, "relation": "staff"})
    assert "sudah menjadi penilai" in response.content.decode()
    # Outside one's scope: not a choice.
    response = client.post(
        url, {"rater": roles.staff_b.employee.pk, "relation": "peer"}
    )
    assert response.status_code == 200
    assert not round_.assignments.filter(rater=roles.staff_b.employee).exists()
    remove = f"{url}{added.pk}/hapus/"
    assert login(roles.inspector).post(remove).status_code == 403
    assert login(roles.head_b).post(remove).status_code == 404
    assert login(roles.head_a).post(remove).status_code == 302
    assert not Assignment.objects.filter(pk=added.pk).exists()
    # Nobody edits their own raters.
    own = f"/360/{round_.pk}/pegawai/{roles.head_a.employee.pk}/penilai/"
    client = login(roles.head_a)
    assert client.post(own, {"rater": guest.pk, "relation": "staff"}).status_code == 403
    assert "Tambah penilai" not in client.get(own).content.decode()
    assert (
        login(roles.head_kecamatan)
        .post(own, {"rater": guest.pk, "relation": "staff"})
        .status_code
        == 302
    )


def test_the_opener_sees_completion_counts_not_answers(org, roles, login):
    rated = rated_round(org, roles, peers=3, close=False)
    page = login(roles.head_a).get(f"/360/{rated.round.pk}/").content.decode()
    assert "Rekan kerja: 3 dari 12" in page
    assert "ZETA-ALFA" not in page
    result = f"/360/{rated.round.pk}/pegawai/{rated.ratee.pk}/hasil/"
    body = login(roles.head_a).get(result).content.decode()
    assert "Hasil dapat dilihat setelah putaran ditutup." in body
    assert "ZETA-ALFA" not in body


def test_closing(org, roles, login):
    round_ = open_round(org.kel_a, roles.head_a)
    url = f"/360/{round_.pk}/tutup/"
    assert login(roles.staff_a).post(url).status_code == 403
    assert login(roles.head_b).post(url).status_code == 404
    assert login(roles.inspector).post(url).status_code == 403
    assert login(roles.head_a).post(url).status_code == 302
    round_.refresh_from_db()
    assert round_.status == "closed"
    response = login(roles.head_a).post(url, follow=True)
    assert "sudah ditutup" in response.content.decode()


def test_the_report_shows_the_profile_beside_the_test_level(org, roles, login):
    rated = rated_round(org, roles, peers=3)
    url = f"/laporan/pegawai/{rated.ratee.pk}/"
    own = login(roles.staff_a).get(url).content.decode()
    assert "Profil penilaian 360" in own and "Level uji" in own
    assert "Diri sendiri" in own  # for the employee themself
    theirs = login(roles.head_a).get(url).content.decode()
    assert "Profil penilaian 360" in theirs
    assert "ZETA-SELF" not in theirs
    assert login(roles.staff_b).get(url).status_code == 404


def test_answers_are_not_in_the_admin():
    from django.contrib import admin

    from multirater.models import Rating

    registered = set(admin.site._registry)
    assert Response not in registered and Rating not in registered
    shown = admin.site._registry[Assignment].get_fields(None)
    assert "done" not in shown


def _weighted_cells(body: str) -> list[str]:
    return re.findall(r'data-label="Skor 360 terbobot"><span>([^<]+)<', body)


def test_the_weighted_score_is_shown_with_its_evidence(org, roles, login):
    heads = [[4] * 6, [4] * 6, [4] * 6]
    rated = grouped_round(org, roles, heads=heads, peers=[[3] * 6] * 3)
    RaterGroupWeightsFactory(
        standard=StandardFactory(
            name="Standar berbobot", effective_from=date(2026, 10, 1)
        ),
        self_weight=1,
        head_weight=2,
        peer_weight=1,
    )
    result = f"/360/{rated.round.pk}/pegawai/{rated.ratee.pk}/hasil/"
    report = f"/laporan/pegawai/{rated.ratee.pk}/"
    for url in (result, report):
        theirs = login(roles.head_a).get(url).content.decode()
        # (2 × 4 + 3) ÷ 3, beside the groups, weights and raters it used.
        assert _weighted_cells(theirs) == ["3,67"] * 6
        assert theirs.count("Atasan ×2, 3 penilai · Rekan kerja ×1, 3 penilai") == 6
        assert "Penilaian diri (bobot 1) hanya terlihat oleh pegawai" in theirs
        assert "Standar berbobot" in theirs
        own = login(roles.staff_a).get(url).content.decode()
        # (5 + 2 × 4 + 3) ÷ 4 with the employee's own rating.
        assert _weighted_cells(own) == ["4,00"] * 6
        assert own.count("Diri sendiri ×1, 1 penilai · Atasan ×2, 3 penilai") == 6
        assert "hanya terlihat oleh pegawai" not in own
        # Out of scope: 404, as without weights.
        assert login(roles.head_b).get(url).status_code == 404
        assert login(roles.staff_b).get(url).status_code == 404


def test_without_weights_the_profile_has_no_weighted_column(org, roles, login):
    rated = rated_round(org, roles, peers=3)
    url = f"/360/{rated.round.pk}/pegawai/{rated.ratee.pk}/hasil/"
    body = login(roles.head_a).get(url).content.decode()
    assert "Skor 360 terbobot" not in body and "(n=3)" in body


def test_the_weighted_score_in_english(org, roles, login, settings):
    rated = grouped_round(org, roles, heads=[[4] * 6] * 3, peers=[[3] * 6] * 3)
    RaterGroupWeightsFactory(
        standard=StandardFactory(effective_from=date(2026, 10, 1)), self_weight=1
    )
    client = login(roles.head_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = f"/360/{rated.round.pk}/pegawai/{rated.ratee.pk}/hasil/"
    body = client.get(url).content.decode()
    assert "Weighted 360 score" in body
    assert "Head ×2, 3 raters · Peers ×1, 3 raters" in body
    assert "The self-rating (weight 1) is visible only to the employee" in body
    assert 'data-label="Weighted 360 score"><span>3.67<' in body
