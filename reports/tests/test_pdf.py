"""The employee report PDF prints names with markup characters literally: never a
server error, never bold/colour from the name, never a link or an embedded file."""

import io

import pytest
from pypdf import PdfReader

from people.tests.factories import EmployeeFactory, UnitFactory

pytestmark = pytest.mark.django_db

NAMES = [
    "Tes <b>tebal",
    'Ani <font color="red">',
    '<a href="https://contoh.test/x">Klik</a>',
    '<img src="/etc/passwd"/>',
    "Budi & <br/> Sari",
]


def _pdf(client, employee):
    response = client.get(f"/laporan/pegawai/{employee.pk}/ekspor.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


@pytest.mark.parametrize("name", NAMES)
def test_markup_in_a_name_prints_literally(roles, org, login, name):
    unit = UnitFactory(code="JB-KMB-X", name=f"Unit {name}", parent=org.kel_a)
    employee = EmployeeFactory(name=name, unit=unit)
    reader = _pdf(login(roles.bpsdm), employee)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert name in text
    assert f"Unit {name}" in text
    for page in reader.pages:
        assert "/Annots" not in page  # no link
        resources = page["/Resources"]
        assert "/XObject" not in resources  # no embedded image


def test_pdf_of_outsider_is_404(roles, org, login):
    employee = EmployeeFactory(name="Tes <b>tebal", unit=org.kel_a)
    url = f"/laporan/pegawai/{employee.pk}/ekspor.pdf"
    assert login(roles.head_b).get(url).status_code == 404


def test_pdf_writes_jp_in_the_page_language(roles, org, login):
    reader = _pdf(login(roles.head_a), roles.staff_a.employee)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "0,00 JP" in text
    assert "0.00 JP" not in text
