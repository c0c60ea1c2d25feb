"""A unit's JP standings as CSV/XLSX: every active employee of the subtree the
viewer may see, with the list's filters (behind, over the cap, status), streamed
in chunks by the selector, so a province-wide export stays in bounded memory
(large ones run in the background)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exports.registry import register
from exports.writer import Column, Document, Sheet, display
from ledger.models import STATUS_CHOICES, JPRule
from ledger.selectors import (
    BEHIND,
    ledger_employees_visible_to,
    unit_standings_stream,
)
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
    Column(gettext_lazy("Dihitung dari"), lambda s: s.window.starts_on),
    Column(gettext_lazy("Dihitung sampai"), lambda s: s.window.ends_on),
    Column(gettext_lazy("Menit"), lambda s: s.minutes),
    Column(gettext_lazy("JP"), lambda s: s.jp),
    Column(gettext_lazy("Ketentuan"), lambda s: JPRule.Kind(s.kind).label),
    Column(gettext_lazy("Target JP"), lambda s: s.target),
    Column(gettext_lazy("Kurang JP"), lambda s: s.missing if s.required else None),
    Column(gettext_lazy("Lebih JP"), lambda s: s.excess if s.capped else None),
    Column(
        gettext_lazy("Persen"), lambda s: s.percent if s.target is not None else None
    ),
]


@register("ledger.unit", label=gettext_lazy("JP per pegawai unit"), background=True)
def unit_document(user, query, *, pk: int) -> Document:
    from ledger.views import filters_of, year_context

    unit = unit_get_for_user(user, pk)
    context = year_context(query)
    state, status = filters_of(query)
    employees = ledger_employees_visible_to(user).filter(
        subtree_q(unit), is_active=True
    )
    if status:
        employees = employees.filter(Q(employment_status=status))
    filters = [(_("Unit"), unit.name), (_("Tahun"), str(context["year"]))]
    if state:
        filters.append(
            (
                _("Keadaan"),
                _("Hanya yang kurang JP")
                if state == BEHIND
                else _("Hanya yang melebihi batas"),
            )
        )
    if status:
        filters.append((_("Status kepegawaian"), dict(STATUS_CHOICES)[status]))
    return Document(
        name=f"jp-{unit.code}-{context['year']}",
        title=_("JP pegawai %(unit)s tahun %(year)s")
        % {"unit": unit.name, "year": context["year"]},
        sheets=[
            Sheet(
                _("JP %(year)s") % context,
                COLUMNS,
                unit_standings_stream(
                    user, unit, context["reckoning"], state=state, status=status
                ),
                employees.count,
            )
        ],
        filters=filters,
    )
