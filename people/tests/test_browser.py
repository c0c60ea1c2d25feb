"""The employee import's job page in a real browser on a phone: it polls until the
job has finished, then shows the row report; nothing is wider than the screen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from people.importing import employee_import_request, employee_import_run
from people.tests.factories import PositionTypeFactory

PHONE = {"width": 390, "height": 844}


@pytest.mark.browser
def test_import_job_page_polls_to_the_report_on_a_phone(
    roles, org, browser_page, browser_login, live_server, monkeypatch
):
    PositionTypeFactory(code="phl", name="PHL")
    monkeypatch.setattr("sosiokultural.jobs.publish", lambda *a, **k: True)
    content = (
        b"nama,nip,unit,jabatan,status,jenis_kelamin,tanggal_penempatan\n"
        b"Joko Santoso Wibisono Hadinegoro,,JB-KMB-MU,phl,PHL,L,2021-03-01\n"
    )
    job = employee_import_request(
        by=roles.bpsdm,
        upload=SimpleUploadedFile(
            "pegawai-kelurahan-meruya-utara-kembangan-jakarta-barat-2026.csv",
            content,
        ),
    )
    browser_page.set_extra_http_headers({"Accept-Language": "id"})
    page = browser_login(roles.bpsdm)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/pegawai/impor/{job.pk}/")
    assert "Menunggu" in page.locator("#import-status").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    employee_import_run(import_id=job.pk)
    page.get_by_text("Impor selesai: 1 pegawai baru, 0 diperbarui.").wait_for(
        timeout=10_000
    )
    assert "dibuat" in page.locator("#import-status table").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
