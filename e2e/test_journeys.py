"""The four journeys of the people the application is for, in a real browser on the
demo data. Each ends with a screenshot of its final state in ``test-artifacts/``."""

import re
from datetime import timedelta

import openpyxl
import pytest
from django.utils import timezone

from activities.models import Activity
from assessments.models import Answer, Attempt, Result
from competencies.models import RequiredLevel, Standard
from competencies.services import standard_create
from e2e.conftest import PHONE, screenshot, settle
from notices.models import Notice
from people.models import Employee, PositionType, Unit, User
from plans.models import PlanItem

pytestmark = pytest.mark.browser


def _raise_cro_standard() -> None:
    """BPSDM puts a new standard in force today that asks CROs for level 3 in
    every dimension (other positions keep their levels), so some of the demo's
    CROs, tested at level 2 here and there, fall short."""
    current = Standard.objects.order_by("-effective_from").first()
    cro = PositionType.objects.get(code="cro")
    levels = {
        (r.position_type_id, r.dimension_id): (
            3 if r.position_type_id == cro.pk else r.level
        )
        for r in RequiredLevel.objects.filter(standard=current)
    }
    standard_create(
        name="Standar PTSP (CRO naik ke level 3)",
        effective_from=timezone.localdate(),
        levels=levels,
        created_by=User.objects.get(username="bpsdm"),
    )


def test_unit_head_finds_a_gap_and_plans_coaching(demo, sign_in, live_server):
    _raise_cro_standard()
    page = sign_in("kepala.kembangan")

    # The menu's report entry opens the head's own unit: a heat map of gaps.
    nav = page.get_by_role("navigation", name="Navigasi utama")
    section = nav.get_by_role("button", name="Laporan", exact=True)
    if section.count():  # the section holds more than one entry: a dropdown
        section.click()
    nav.get_by_role("link", name="Laporan", exact=True).click()
    page.get_by_role("heading", name="Peta panas kesenjangan").wait_for()
    gap_row = page.locator("table.heatmap tbody tr").filter(
        has=page.locator("td.gap-1, td.gap-2, td.gap-3")
    )
    employee_link = gap_row.first.get_by_role("link")
    name = employee_link.inner_text()
    employee_link.click()

    # The employee's report says which dimension falls short, and by how much.
    page.get_by_role("heading", name=name).wait_for()
    gap_line = page.locator("table tbody tr").filter(
        has=page.locator("td.gap-1, td.gap-2, td.gap-3")
    )
    dimension = gap_line.first.locator("th").inner_text()
    assert gap_line.first.locator("td").nth(0).inner_text() == "3"  # required

    # Plan coaching for that dimension this year.
    page.get_by_role("link", name="Kelola rencana").click()
    page.get_by_role("heading", name="Tambah butir").wait_for()
    page.get_by_label("Dimensi").select_option(label=dimension)
    page.get_by_label("Bentuk pengembangan").select_option(
        label="Coaching (Internal (dilaksanakan unit))"
    )
    target = timezone.localdate() + timedelta(days=30)
    if target.year != timezone.localdate().year:
        target = timezone.localdate().replace(month=12, day=31)
    page.get_by_label("Target selesai").fill(target.isoformat())
    page.get_by_label("Catatan").fill("Coaching oleh kepala unit di meja CRO.")
    page.get_by_role("button", name="Tambah", exact=True).click()

    items = page.locator("#items-title").locator("xpath=..").locator("tbody tr")
    items.filter(has_text="Coaching").first.wait_for()
    assert dimension in items.filter(has_text="Coaching").first.inner_text()
    screenshot(page, "journey-head-plans-coaching")
    employee = Employee.objects.get(name=name)
    item = PlanItem.objects.get(
        plan__employee=employee, note="Coaching oleh kepala unit di meja CRO."
    )
    assert (item.form.code, item.dimension.name, item.target_date) == (
        "coaching",
        dimension,
        target,
    )
    assert item.created_by.username == "kepala.kembangan"


def test_staff_records_todays_briefing_on_a_phone(demo, sign_in, live_server):
    page = sign_in("pegawai.teknis", viewport=PHONE)
    unit = Unit.objects.get(code="JB-KMB-MU")
    roster = list(Employee.objects.filter(unit=unit, is_active=True))
    absent = Employee.objects.get(unit=unit, position_type__code="phl")

    # On the phone the menu folds behind the toggler.
    page.get_by_role("button", name="Buka menu").click()
    page.get_by_role("link", name="Kegiatan", exact=True).click()
    page.get_by_role("link", name="Briefing hari ini").click()
    page.get_by_role("heading", name="Briefing hari ini").wait_for()

    boxes = page.locator("input[name=present]")
    assert boxes.count() == len(roster)
    page.get_by_text("Tandai yang tidak hadir").click()
    page.locator(f"input[name=present][value='{absent.pk}']").uncheck()
    page.get_by_text("Motivasi SETIA", exact=True).click()
    page.get_by_label("Ringkasan singkat").fill("Yel SETIA dan antrean pagi ini.")
    assert page.locator("#roster-count").inner_text() == (
        f"Hadir: {len(roster) - 1} / {len(roster)}"
    )
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Simpan briefing").click()
    page.wait_for_url(re.compile(r"/kegiatan/\d+/$"))

    activity = Activity.objects.get(pk=int(page.url.rstrip("/").rsplit("/", 1)[1]))
    assert activity.form.code == "briefing"
    assert activity.unit == unit
    assert timezone.localtime(activity.started_at).date() == timezone.localdate()
    assert activity.recorded_by.username == "pegawai.teknis"
    # Recorded by a staff member: it waits for the head's verification.
    assert activity.status == Activity.Status.SUBMITTED
    assert dict(activity.attendances.values_list("employee_id", "status")) == {
        e.pk: ("absent" if e == absent else "present") for e in roster
    }
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "journey-staff-briefing-phone")


def _answer(page, fieldsets, choice: int) -> None:
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        fieldset.locator("input[type=radio]").nth(choice).check()
        fieldset.locator("[role=status]").get_by_text("Tersimpan").wait_for()


def test_staff_takes_a_test_across_a_reload_and_gets_feedback(
    demo, sign_in, live_server
):
    page = sign_in("pegawai.teknis")
    attempt = Attempt.objects.get(
        employee__user__username="pegawai.teknis", status=Attempt.Status.ASSIGNED
    )
    page.goto(f"{live_server.url}/uji/")
    page.get_by_role("link", name="Kerjakan").click()
    page.get_by_role("button", name="Mulai").click()
    page.wait_for_url(f"{live_server.url}/uji/kerjakan/{attempt.pk}/")

    # Page by page: every answer is autosaved; halfway the tab is reloaded and
    # the test goes on where it was, with what was answered still there.
    total = attempt.window.instrument.items.count()
    pages = 0
    while True:
        pages += 1
        page.get_by_role(
            "heading", name=re.compile(rf"^Halaman {pages} dari ")
        ).wait_for()
        questions = page.locator("#test-form fieldset[data-item]")
        _answer(page, questions, 2)
        if pages == 2:
            page.reload()
            questions.first.wait_for()
            for index in range(questions.count()):
                assert (
                    questions.nth(index)
                    .locator("input[type=radio]")
                    .nth(2)
                    .is_checked()
                )
        following = page.get_by_role("button", name="Berikutnya ›")
        if not following.count():
            break
        following.click()
    page.get_by_role("button", name="Tinjau jawaban ›").click()
    page.get_by_text("Semua soal sudah dijawab.").wait_for()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Serahkan jawaban").click()
    result = Result.objects.get(attempt=attempt)
    page.wait_for_url(f"{live_server.url}/uji/hasil/{result.pk}/")
    page.get_by_text("Hasil sementara").wait_for()
    assert Answer.objects.filter(attempt=attempt).count() == total

    # The head of the unit releases the result, which sends the feedback.
    head = sign_in("kepala.meruyautara")
    head.goto(f"{live_server.url}/uji/hasil/{result.pk}/")
    # Releasing cannot be undone: the page asks first.
    head.once("dialog", lambda dialog: dialog.accept())
    head.get_by_role("button", name="Rilis hasil dan kirim umpan balik").click()
    head.get_by_text("Dirilis").first.wait_for()

    page.goto(f"{live_server.url}/pemberitahuan/")
    notice = Notice.objects.get(
        recipient__username="pegawai.teknis", link__endswith=f"/uji/hasil/{result.pk}/"
    )
    entry = page.locator("li.list-group-item").filter(has_text=notice.subject).first
    assert "baru" in entry.inner_text()
    assert notice.body.splitlines()[0] in entry.inner_text()
    screenshot(page, "journey-test-feedback-notice")
    entry.get_by_role("link", name=notice.subject).click()
    page.wait_for_url(f"{live_server.url}/uji/hasil/{result.pk}/")
    page.get_by_text("Dirilis").first.wait_for()
    screenshot(page, "journey-test-feedback-result")


def test_bpsdm_drills_down_to_a_kelurahan_and_downloads_the_xlsx(
    demo, sign_in, live_server, tmp_path
):
    kelurahan = Unit.objects.get(code="JB-KMB-MU")
    page = sign_in("bpsdm")
    page.goto(f"{live_server.url}/laporan/provinsi/")
    page.get_by_role("heading", name="Rekap kesenjangan seluruh unit").wait_for()
    units_table = page.locator("#rows-title").locator("xpath=..")
    # Province → kota → kecamatan through the rows of the aggregate.
    for name in (
        "DPMPTSP Provinsi DKI Jakarta",
        "UPPTSP Kota Administrasi Jakarta Barat",
        "UPPTSP Kecamatan Kembangan",
    ):
        units_table.get_by_role("link", name=name, exact=True).click()
        page.locator(".breadcrumb").get_by_text(name).wait_for()
    # A kelurahan has no units below it: its row leads to its heat map, and from
    # there to its own aggregate.
    units_table.get_by_role("link", name=f"Peta panas {kelurahan.name}").click()
    page.get_by_role("heading", name=kelurahan.name).wait_for()
    page.get_by_role("link", name="Rekap unit di bawahnya").click()
    page.wait_for_url(f"{live_server.url}/laporan/provinsi/?unit={kelurahan.pk}")
    assert page.locator(".breadcrumb").inner_text().split("\n")[-3:] == [
        "UPPTSP Kota Administrasi Jakarta Barat",
        "UPPTSP Kecamatan Kembangan",
        kelurahan.name,
    ]

    # The demand and trend fragments load above the export form; a click while one
    # of them swaps in can land where the button was a moment earlier.
    settle(page)
    page.get_by_role("button", name=re.compile("Buat berkas XLSX")).click()
    page.wait_for_url(re.compile(r"/ekspor/\d+/$"))
    page.get_by_text(re.compile(r"^Berkas siap: \d+ baris\.$")).wait_for()
    screenshot(page, "journey-bpsdm-drill-export")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Unduh XLSX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    workbook = openpyxl.load_workbook(target, read_only=True)
    text = {
        str(value)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    inside = set(Employee.objects.filter(unit=kelurahan).values_list("name", flat=True))
    outside = set(
        Employee.objects.exclude(unit=kelurahan).values_list("name", flat=True)
    )
    assert kelurahan.name in text
    assert inside <= text, sorted(inside - text)
    assert not (outside - inside) & text, sorted((outside - inside) & text)
