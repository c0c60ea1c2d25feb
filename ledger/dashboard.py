from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ledger.jp import days_left_in_year
from ledger.selectors import jp_compliance, jp_standing, reckoning
from people.models import Employee
from people.permissions import is_head, sees_all_units
from people.selectors import user_employee
from people.tree import subtree_q
from sosiokultural.registry import Card


def _own_card(standing, today) -> Card:
    if standing.capped:
        detail = _("Batas %(cap)s JP · sisa %(room)s JP") % {
            "cap": number_format(standing.target, 2),
            "room": number_format(standing.room, 2),
        }
    elif standing.required:
        detail = _("Minimal %(min)s JP · %(pct)s%% · sisa %(days)s hari") % {
            "min": number_format(standing.target, 2),
            "pct": standing.percent,
            "days": days_left_in_year(today, today.year),
        }
    else:
        detail = _("Tanpa ketentuan JP")
    title = (
        _("JP saya tahun kontrak ini")
        if standing.by_contract
        else _("JP saya tahun %(year)s") % {"year": today.year}
    )
    return Card(
        title=title,
        value=f"{number_format(standing.jp, 2)} JP",
        detail=detail,
        link=reverse("ledger:employee", args=[standing.employee.pk]),
        link_label=_("Rincian JP saya"),
        tone="warning" if standing.behind or standing.over else "success",
    )


def _compliance_card(compliance, title, scope, link) -> Card:
    detail = _("dari %(n)s pegawai wajib minimal JP %(scope)s") % {
        "n": compliance.required,
        "scope": scope,
    }
    if compliance.over:
        detail += " · " + _("%(n)s PPPK melebihi batas") % {"n": compliance.over}
    return Card(
        title=title,
        value=str(compliance.behind),
        detail=detail,
        link=link,
        link_label=_("Lihat yang tertinggal"),
        tone="warning" if compliance.behind or compliance.over else "success",
    )


def cards(user) -> list[Card]:
    today = timezone.localdate()
    rk = reckoning(today)
    employee = user_employee(user)
    cards = []
    if employee is not None and not sees_all_units(user):
        cards.append(_own_card(jp_standing(employee, rk), today))
    if is_head(user):
        compliance = jp_compliance(
            Employee.objects.filter(subtree_q(employee.unit)), rk
        )
        cards.append(
            _compliance_card(
                compliance,
                _("Pegawai belum mencapai minimal JP"),
                _("di cakupan Anda"),
                reverse("ledger:unit", args=[employee.unit_id]) + "?kurang=1",
            )
        )
    if sees_all_units(user):
        compliance = jp_compliance(Employee.objects.all(), rk)
        cards.append(
            _compliance_card(
                compliance,
                _("Pegawai belum mencapai minimal JP (semua unit)"),
                _("di semua unit"),
                reverse("ledger:index"),
            )
        )
    return cards
