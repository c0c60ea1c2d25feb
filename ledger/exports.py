"""A unit's JP standings as CSV/XLSX: every active employee of the subtree the
viewer may see (or only those behind, ``?kurang=1``), read in batches, so a
province-wide export stays in bounded memory (large ones run in the background).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exports.registry import register
from exports.writer import Column, Document, Sheet, batches, chunked, display
from ledger.jp import requested_year
from ledger.selectors import jp_standings, ledger_employees_visible_to
from people.selectors import unit_get_for_user
from people.tree import subtree_q

COLUMNS = [
    Column(gettext_lazy("Nama"), lambda s: s.employee.name, width=28),
    Column(gettext_lazy("NIP"), lambda s: s.employee.nip, width=20),
    Column(gettext_lazy("Kode unit"), lambda s: s.employee.unit.code),
    Column(gettext_lazy("Unit"), lambda s: s.employee.unit.name, width=28),
    Column(gettext_lazy("Jabatan"), lambda s: s.employee.position_type.name),
    Column(
        gettext_lazy("Status kepegawaian"),
        lambda s: display(s.employee, "employment_status"),
    ),
    Column(gettext_lazy("Menit"), lambda s: s.minutes),
    Column(gettext_lazy("JP"), lambda s: s.jp),
    Column(gettext_lazy("JP minimal"), lambda s: s.minimum if s.required else None),
    Column(gettext_lazy("Kurang JP"), lambda s: s.missing if s.required else None),
    Column(gettext_lazy("Persen"), lambda s: s.percent),
]


def _standings(employees, year: int, behind_only: bool):
    for batch in batches(chunked(employees)):
        for standing in jp_standings(batch, year):
            if standing.behind or not behind_only:
                yield standing


@register("ledger.unit", label=gettext_lazy("JP per pegawai unit"), background=True)
def unit_document(user, query, *, pk: int) -> Document:
    unit = unit_get_for_user(user, pk)
    year = requested_year(query, timezone.localdate())
    behind_only = query.get("kurang") == "1"
    employees = (
        ledger_employees_visible_to(user)
        .filter(subtree_q(unit), is_active=True)
        .order_by("unit__path", "name", "pk")
    )
    filters = [(_("Unit"), unit.name), (_("Tahun"), str(year))]
    if behind_only:
        filters.append((_("Hanya yang kurang JP"), True))
    return Document(
        name=f"jp-{unit.code}-{year}",
        title=_("JP pegawai %(unit)s tahun %(year)s")
        % {"unit": unit.name, "year": year},
        sheets=[
            Sheet(
                _("JP %(year)s") % {"year": year},
                COLUMNS,
                _standings(employees, year, behind_only),
                employees.count,
            )
        ],
        filters=filters,
    )
