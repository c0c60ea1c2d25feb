"""The IKM follow-up (PEKPPP) figures of the aggregate and of the unit report, on
the pages and in their exports (the workbooks' "Tindak lanjut IKM" sheet),
against the hand-computed fixture of ``surveys/tests/test_pekppp.py``
(``quarters``): 2018Q4 — the kecamatan 1 of 2 weak elements followed up after 5
days and published, kelurahan A (Meruya Utara) 1 of 5 after 40 days, kelurahan B
(Joglo) 0 of 1; together 2 of 8, (5 + 40) / 2 = 22.5 days."""

import io
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from exports.models import Export
from exports.tasks import build_export
from people.models import Unit
from people.tests.factories import EmployeeFactory, UnitFactory
from reports.selectors.followup import AGGREGATE_RULE, UNIT_RULE
from sosiokultural.periods import Period
from surveys.models import FollowUp, Publication
from surveys.pekppp import RULE, Totals
from surveys.tests.factories import import_survey, report_survey

pytestmark = pytest.mark.django_db

KEC = Totals(1, 1, 2, 1, Decimal("50.0"), Decimal("5.0"), 5)
KEL_A = Totals(1, 0, 5, 1, Decimal("20.0"), Decimal("40.0"), 40)
KEL_B = Totals(1, 0, 1, 0, Decimal("0.0"), None, 0)
ALL_Q4 = Totals(3, 1, 8, 2, Decimal("25.0"), Decimal("22.5"), 45)
ALL_Q1 = Totals(1, 0, 1, 1, Decimal("100.0"), Decimal("0.0"), 0)


def _on(day: date):
    """The clock on ``day`` at 09.00 in Jakarta (the latest ended quarter)."""
    moment = datetime(day.year, day.month, day.day, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
    return time_machine.travel(moment, tick=False)


def _rows(response):
    return [
        (row.unit.code if row.unit else None, row.totals)
        for row in response.context["follow_up"].rows
    ]


def test_aggregate_shows_follow_up_per_unit_and_in_total(quarters, org, roles, login):
    url = f"/laporan/provinsi/?unit={org.kecamatan.pk}&period=2018Q4"
    response = login(roles.bpsdm).get(url)
    follow_up = response.context["follow_up"]
    assert follow_up.quarter == Period(2018, 4)
    # The kecamatan's own survey first, then its children in code order.
    assert _rows(response) == [
        (None, KEC),
        ("JB-KMB-JG", KEL_B),
        ("JB-KMB-MU", KEL_A),
    ]
    assert follow_up.total == ALL_Q4
    body = response.content.decode()
    assert "Tindak lanjut hasil IKM (indikator PEKPPP), Triwulan 4 2018" in body
    assert "2 dari 8 (25,0 %)" in body
    assert "22,5" in body and "(45 hari ÷ 2 unsur)" in body
    assert "1 dari 3" in body  # surveys published
    assert "0 dari 1 (0,0 %)" in body  # Joglo: its lowest element, not done
    assert f'href="/ikm/unit/{org.kecamatan.pk}/2018Q4/tindak-lanjut/"' in body
    assert f'href="/ikm/unit/{org.kel_a.pk}/2018Q4/tindak-lanjut/"' in body
    assert 'href="/ikm/tindak-lanjut/?period=2018Q4"' in body


def test_aggregate_top_units_for_bpsdm(quarters, org, roles, login):
    response = login(roles.bpsdm).get("/laporan/provinsi/?period=2018Q4")
    rows = dict(_rows(response))
    assert rows["DKI"] == ALL_Q4  # every survey lies under the province
    assert rows["BPSDM"] == Totals(0, 0, 0, 0, None, None, 0)
    assert response.context["follow_up"].total == ALL_Q4
    q1 = login(roles.bpsdm).get("/laporan/provinsi/?period=2019Q1")
    assert q1.context["follow_up"].total == ALL_Q1


def test_aggregate_follow_up_keeps_to_the_heads_subtree(quarters, org, roles, login):
    mine = login(roles.head_a).get("/laporan/provinsi/?period=2018Q4")
    assert _rows(mine) == [(None, KEL_A)]
    assert mine.context["follow_up"].total == KEL_A
    other = login(roles.head_b).get("/laporan/provinsi/?period=2018Q4")
    assert other.context["follow_up"].total == KEL_B
    assert "1 dari 5" not in other.content.decode()
    assert (
        login(roles.head_b)
        .get(f"/laporan/provinsi/?unit={org.kecamatan.pk}&period=2018Q4")
        .status_code
        == 404
    )
    assert login(roles.staff_a).get("/laporan/provinsi/").status_code == 403


def test_aggregate_now_shows_the_latest_ended_quarter(quarters, roles, login):
    with _on(date(2019, 2, 15)):
        response = login(roles.head_kecamatan).get("/laporan/provinsi/")
        assert response.context["follow_up"].quarter == Period(2018, 4)
        assert response.context["follow_up"].total == ALL_Q4
    with _on(date(2019, 4, 10)):
        response = login(roles.head_kecamatan).get("/laporan/provinsi/")
        assert response.context["follow_up"].quarter == Period(2019, 1)
        assert response.context["follow_up"].total == ALL_Q1


def test_unit_report_shows_the_latest_ended_quarters_follow_up(
    quarters, org, roles, login
):
    with _on(date(2019, 2, 15)):
        response = login(roles.head_kecamatan).get(f"/laporan/unit/{org.kecamatan.pk}/")
        follow_up = response.context["follow_up"]
        assert (follow_up.quarter, follow_up.own, follow_up.total) == (
            Period(2018, 4),
            KEC,
            ALL_Q4,
        )
        body = response.content.decode()
        assert "Tindak lanjut hasil IKM (indikator PEKPPP), Triwulan 4 2018" in body
        assert "1 dari 2 (50,0 %)" in body and "2 dari 8 (25,0 %)" in body
        assert f'href="/ikm/unit/{org.kecamatan.pk}/2018Q4/tindak-lanjut/"' in body
        # The head of kelurahan B: his own survey only, the kecamatan's is 404.
        other = login(roles.head_b).get(f"/laporan/unit/{org.kel_b.pk}/")
        assert (other.context["follow_up"].own, other.context["follow_up"].total) == (
            KEL_B,
            KEL_B,
        )
        assert "2 dari 8" not in other.content.decode()
        assert (
            login(roles.head_b).get(f"/laporan/unit/{org.kecamatan.pk}/").status_code
            == 404
        )
        assert (
            login(roles.staff_a).get(f"/laporan/unit/{org.kel_a.pk}/").status_code
            == 403
        )
    with _on(date(2019, 7, 2)):  # 2019Q2: no survey yet
        response = login(roles.head_kecamatan).get(f"/laporan/unit/{org.kecamatan.pk}/")
        assert response.context["follow_up"].own is None
        assert "Unit ini belum punya survei IKM pada triwulan ini." in (
            response.content.decode()
        )


def _more_units(org, count: int) -> None:
    """``count`` more kelurahan under the kecamatan with a 2018Q4 survey each,
    a done action on every element and two publications."""
    owner = EmployeeFactory(unit=org.kecamatan)
    for n in range(count):
        unit = UnitFactory(code=f"JB-KMB-N{n}", kind="kelurahan", parent=org.kecamatan)
        survey = (
            import_survey(unit, "2018Q4", rows=[[2] * 9] * 4)
            if n % 2
            else report_survey(unit, "2018Q4")
        )
        for element in survey.element_set.elements.all():
            FollowUp.objects.create(
                survey=survey,
                element=element,
                action="Perbaikan",
                owner=owner,
                due_on=date(2019, 2, 1),
                status=FollowUp.Status.DONE,
                done_on=date(2019, 1, 11),
                evidence="Notulen",
            )
        for channel in ("website", "board"):
            Publication.objects.create(
                survey=survey, channel=channel, published_on=date(2019, 1, 7)
            )


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _build_queries(client, data) -> int:
    """The queries of building the aggregate workbook the page requests."""
    client.post("/laporan/provinsi/ekspor/", data)
    export = Export.objects.filter(kind="reports.aggregate").latest("pk")
    with CaptureQueriesContext(connection) as queries:
        assert build_export(export_id=export.pk) is True
    return len(queries)


def test_report_queries_do_not_grow_with_units(quarters, org, roles, login):
    aggregate = f"/laporan/provinsi/?unit={org.kecamatan.pk}&period=2018Q4"
    unit = f"/laporan/unit/{org.kecamatan.pk}/"
    unit_xlsx = f"/laporan/unit/{org.kecamatan.pk}/ekspor.xlsx"
    build = {"unit": org.kecamatan.pk, "period": "2018Q4"}
    with _on(date(2019, 2, 15)):
        bpsdm = login(roles.bpsdm)

        def measure():
            return (
                _queries(bpsdm, aggregate),
                _queries(bpsdm, unit),
                _queries(bpsdm, unit_xlsx),
                _build_queries(bpsdm, build),
            )

        small = measure()
        _more_units(org, 6)
        assert measure() == small
        rows = _sheet(_book(bpsdm.get(unit_xlsx).getvalue()))
        assert rows[-1][2:6] == (9, 7, 8 + 3 * 9 + 3, 2 + 3 * 9 + 3)
        total = bpsdm.get(unit).context["follow_up"].total
    # Three computed surveys with every element weak (50.00) and done after 11
    # days, three reported ones with one weak (74.50) done after 11 days.
    assert (total.surveys, total.published, total.weak, total.followed_up) == (
        9,
        7,
        8 + 3 * 9 + 3,
        2 + 3 * 9 + 3,
    )
    assert total.total_days == 45 + 11 * 30


def test_follow_up_figures_in_english(quarters, org, roles, login):
    client = login(roles.bpsdm)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    url = f"/laporan/provinsi/?unit={org.kecamatan.pk}&period=2018Q4"
    body = client.get(url).content.decode()
    assert "Follow-up of the IKM results (PEKPPP indicators)" in body
    assert "2 of 8 (25.0%)" in body
    assert "(45 days ÷ 2 elements)" in body
    assert "Kembangan (the unit's own survey)" in body
    detail = client.get(f"/ikm/unit/{org.kecamatan.pk}/2018Q4/").content.decode()
    assert "Follow-up of the results (PEKPPP indicators)" in detail
    assert "1 of 2 (50.0%)" in detail
    # The rule is written once (``surveys.pekppp.RULE``); each page states it
    # after what it counts, in the reader's language.
    assert EN_WEAK_RULE in detail
    assert f"the latest quarter that has ended. {EN_WEAK_RULE}" in body
    assert "Unsur lemah" not in body + detail


EN_WEAK_RULE = (
    "Weak elements: graded C or D (when there are none, the single lowest "
    "element); days are counted from the end of the quarter to the first action "
    "done."
)


def test_pages_and_exports_state_one_follow_up_rule(quarters, org, roles, login):
    """The unit report, the aggregate and the survey page say the same rule
    their workbooks' notes say, word for word."""
    client = login(roles.head_kecamatan)
    with _on(date(2019, 2, 15)):
        unit_page = client.get(f"/laporan/unit/{org.kecamatan.pk}/").content.decode()
        unit_book = _book(
            client.get(f"/laporan/unit/{org.kecamatan.pk}/ekspor.xlsx").getvalue()
        )
    aggregate = client.get(
        f"/laporan/provinsi/?unit={org.kecamatan.pk}&period=2018Q4"
    ).content.decode()
    detail = client.get(f"/ikm/unit/{org.kecamatan.pk}/2018Q4/").content.decode()
    aggregate_book = _aggregate_export(client, unit=org.kecamatan.pk, period="2018Q4")
    assert str(UNIT_RULE) == f"Triwulan terakhir yang sudah berakhir. {RULE}"
    assert str(AGGREGATE_RULE).endswith(f"yang sudah berakhir. {RULE}")
    assert _notes(unit_book)["Aturan tindak lanjut IKM"] == str(UNIT_RULE)
    assert _notes(aggregate_book)["Aturan tindak lanjut IKM"] == str(AGGREGATE_RULE)
    assert str(UNIT_RULE) in unit_page
    assert str(AGGREGATE_RULE) in aggregate
    assert str(RULE) in detail


# -- the exports ------------------------------------------------------------------

FOLLOW_UP_HEADER = (
    "Unit",
    "Survei",
    "Dipublikasikan",
    "Unsur lemah",
    "Unsur lemah ditindaklanjuti",
    "Persen ditindaklanjuti",
    "Jumlah hari",
    "Rata-rata hari",
)


def _figures(t: Totals) -> tuple:
    """A ``Totals`` as the export's typed cells (decimals read back as floats)."""
    return (
        t.surveys,
        t.published,
        t.weak,
        t.followed_up,
        None if t.share_followed_up is None else float(t.share_followed_up),
        t.total_days,
        None if t.mean_days is None else float(t.mean_days),
    )


def _book(content: bytes):
    return load_workbook(io.BytesIO(content))


def _sheet(book, title="Tindak lanjut IKM") -> list[tuple]:
    return list(book[title].iter_rows(values_only=True))


def _notes(book) -> dict:
    return {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}


def _aggregate_export(client, **data):
    """The aggregate workbook the page's export button builds in the
    background, downloaded."""
    response = client.post("/laporan/provinsi/ekspor/", data)
    if response.status_code != 302 or not response["Location"].startswith("/ekspor/"):
        return response
    export = Export.objects.filter(kind="reports.aggregate").latest("pk")
    build_export(export_id=export.pk)
    download = client.get(f"/ekspor/{export.pk}/unduh/")
    assert download.status_code == 200
    return _book(b"".join(download.streaming_content))


def test_aggregate_export_carries_the_pages_follow_up_rows(quarters, org, roles, login):
    book = _aggregate_export(login(roles.bpsdm), unit=org.kecamatan.pk, period="2018Q4")
    assert book.sheetnames == [
        "Keterangan",
        "Ringkasan",
        "Kebutuhan program",
        "Tindak lanjut IKM",
        "Pegawai",
    ]
    assert _sheet(book) == [
        FOLLOW_UP_HEADER,
        ("Kembangan (survei unit sendiri)", *_figures(KEC)),
        ("Joglo", *_figures(KEL_B)),
        ("Meruya Utara", *_figures(KEL_A)),
        ("Jumlah", *_figures(ALL_Q4)),
    ]
    assert _sheet(book)[-1] == ("Jumlah", 3, 1, 8, 2, 25.0, 45, 22.5)
    notes = _notes(book)
    assert notes["Triwulan tindak lanjut IKM"] == "Triwulan 4 2018"
    assert notes["Aturan tindak lanjut IKM"].startswith(
        "Survei IKM triwulan ini pada unit dalam cakupan; filter pegawai tidak"
    )
    assert notes["Tindak lanjut IKM"] == "4"  # rows written


def test_aggregate_export_follow_up_keeps_to_the_heads_subtree(
    quarters, org, roles, login
):
    book = _aggregate_export(login(roles.head_a), period="2018Q4")
    assert _sheet(book) == [
        FOLLOW_UP_HEADER,
        ("Meruya Utara (survei unit sendiri)", *_figures(KEL_A)),
        ("Jumlah", *_figures(KEL_A)),
    ]
    client = login(roles.head_b)
    response = _aggregate_export(client, unit=org.kecamatan.pk, period="2018Q4")
    assert response.status_code == 404
    assert not Export.objects.filter(requested_by=roles.head_b).exists()


def test_unit_export_carries_the_pages_follow_up_rows(quarters, org, roles, login):
    url = f"/laporan/unit/{org.kecamatan.pk}/ekspor"
    with _on(date(2019, 2, 15)):
        client = login(roles.head_kecamatan)
        book = _book(client.get(f"{url}.xlsx").getvalue())
        csv_text = client.get(f"{url}.csv").getvalue().decode("utf-8-sig")
    assert book.sheetnames == ["Keterangan", "Kesenjangan", "Tindak lanjut IKM"]
    assert _sheet(book) == [
        ("Unit", "Cakupan", *FOLLOW_UP_HEADER[1:]),
        ("Kembangan", "Survei unit ini", *_figures(KEC)),
        ("Kembangan", "Unit ini dan unit di bawahnya", *_figures(ALL_Q4)),
    ]
    assert _sheet(book)[1][2:] == (1, 1, 2, 1, 50.0, 5, 5.0)
    notes = _notes(book)
    assert notes["Triwulan tindak lanjut IKM"] == "Triwulan 4 2018"
    assert notes["Aturan tindak lanjut IKM"].startswith(
        "Triwulan terakhir yang sudah berakhir. Unsur lemah: bermutu C atau D"
    )
    # The CSV stays the employee table alone (the writer's CSV is one plain
    # table that re-imports unchanged); the figures are the workbook's.
    assert csv_text.splitlines()[0].startswith("Unit,NIP,Nama")
    assert "Survei unit ini" not in csv_text


def test_unit_export_follow_up_without_own_survey_and_scope(
    quarters, org, roles, login
):
    with _on(date(2019, 2, 15)):
        mine = login(roles.head_b).get(f"/laporan/unit/{org.kel_b.pk}/ekspor.xlsx")
        assert _sheet(_book(mine.getvalue()))[1:] == [
            ("Joglo", "Survei unit ini", *_figures(KEL_B)),
            ("Joglo", "Unit ini dan unit di bawahnya", *_figures(KEL_B)),
        ]
        for fmt in ("xlsx", "csv"):
            url = f"/laporan/unit/{org.kecamatan.pk}/ekspor.{fmt}"
            assert login(roles.head_b).get(url).status_code == 404
            assert login(roles.staff_a).get(url).status_code == 403
    with _on(date(2019, 7, 2)):  # 2019Q2: no survey yet, as "belum punya survei"
        response = login(roles.head_kecamatan).get(
            f"/laporan/unit/{org.kecamatan.pk}/ekspor.xlsx"
        )
        assert _sheet(_book(response.getvalue()))[1:] == [
            ("Kembangan", "Survei unit ini", 0, 0, 0, 0, None, 0, None),
            ("Kembangan", "Unit ini dan unit di bawahnya", 0, 0, 0, 0, None, 0, None),
        ]


@pytest.mark.parametrize(
    "name",
    ['=HYPERLINK("http://contoh.test","klik")', "+1 Meruya", "-1 Meruya", "@SUM(A1)"],
)
def test_follow_up_cells_of_the_exports_carry_no_formula(
    quarters, org, roles, login, name
):
    Unit.objects.filter(pk=org.kel_a.pk).update(name=name)
    Unit.objects.filter(pk=org.kecamatan.pk).update(name=f"{name} Kec")
    aggregate = _aggregate_export(
        login(roles.bpsdm), unit=org.kecamatan.pk, period="2018Q4"
    )
    labels = [row[0] for row in _sheet(aggregate)[1:]]
    assert labels == [
        f"'{name} Kec (survei unit sendiri)",
        "Joglo",
        f"'{name}",
        "Jumlah",
    ]
    with _on(date(2019, 2, 15)):
        response = login(roles.head_a).get(f"/laporan/unit/{org.kel_a.pk}/ekspor.xlsx")
    unit = _book(response.getvalue())
    assert [row[0] for row in _sheet(unit)[1:]] == [f"'{name}", f"'{name}"]
    for book in (aggregate, unit):
        for row in book["Tindak lanjut IKM"].iter_rows():
            assert all(cell.data_type != "f" for cell in row)


def test_follow_up_export_in_english(quarters, org, roles, login):
    client = login(roles.head_kecamatan)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    with _on(date(2019, 2, 15)):
        response = client.get(f"/laporan/unit/{org.kecamatan.pk}/ekspor.xlsx")
    book = _book(response.getvalue())
    assert book.sheetnames[-1] == "IKM follow-up"
    assert _sheet(book, "IKM follow-up")[:2] == [
        (
            "Unit",
            "Scope",
            "Surveys",
            "Published",
            "Weak elements",
            "Weak elements followed up",
            "Percent followed up",
            "Total days",
            "Mean days",
        ),
        ("Kembangan", "This unit's survey", *_figures(KEC)),
    ]
    notes = _notes(book)
    assert notes["IKM follow-up quarter"] == "Quarter 4 2018"
    assert (
        notes["IKM follow-up rule"]
        == f"The latest quarter that has ended. {EN_WEAK_RULE}"
    )
