"""The employee list as CSV/XLSX: the list's own filters over the viewer's scope.
Large lists (a province has 100,000 employees) are built in the background."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exports.registry import register
from exports.writer import Column, Document, Sheet, chunked, display, filters_from_form
from people.forms import EmployeeFilterForm
from people.selectors import employees_visible_to, units_visible_to

COLUMNS = [
    Column(gettext_lazy("Nama"), lambda e: e.name, width=30),
    Column(gettext_lazy("NIP"), lambda e: e.nip, width=20),
    Column(gettext_lazy("Kode unit"), lambda e: e.unit.code),
    Column(gettext_lazy("Unit"), lambda e: e.unit.name, width=30),
    Column(gettext_lazy("Jabatan"), lambda e: e.position_type.name, width=24),
    Column(
        gettext_lazy("Status kepegawaian"), lambda e: display(e, "employment_status")
    ),
    Column(gettext_lazy("Jenis kelamin"), lambda e: display(e, "gender")),
    Column(gettext_lazy("Tanggal penempatan"), lambda e: e.placed_on),
    Column(gettext_lazy("Aktif"), lambda e: e.is_active),
    Column(gettext_lazy("Email"), lambda e: e.email, width=28),
]


@register("people.employees", label=gettext_lazy("Daftar pegawai"), background=True)
def employees_document(user, query) -> Document:
    form = EmployeeFilterForm(query or {"active": "1"}, units=units_visible_to(user))
    employees = form.filter(employees_visible_to(user))
    return Document(
        name="pegawai",
        title=_("Daftar pegawai"),
        sheets=[Sheet(_("Pegawai"), COLUMNS, chunked(employees), employees.count)],
        filters=filters_from_form(form),
    )
