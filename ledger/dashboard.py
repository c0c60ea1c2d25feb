from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ledger.jp import days_left_in_year
from ledger.selectors import jp_standings, unit_standings
from people.models import Employee
from people.permissions import is_head, sees_all_units
from people.selectors import user_employee
from sosiokultural.registry import Card


def cards(user) -> list[Card]:
    today = timezone.localdate()
    year = today.year
    employee = user_employee(user)
    cards = []
    if employee is not None and not sees_all_units(user):
        (standing,) = jp_standings([employee], year)
        cards.append(
            Card(
                title=_("JP saya tahun %(year)s") % {"year": year},
                value=f"{number_format(standing.jp, 2)} JP",
                detail=_("Minimal %(min)s JP · %(pct)s%% · sisa %(days)s hari")
                % {
                    "min": settings.JP_ANNUAL_MINIMUM,
                    "pct": standing.percent,
                    "days": days_left_in_year(today, year),
                },
                link=reverse("ledger:employee", args=[employee.pk]),
                link_label=_("Rincian JP saya"),
                tone="success" if not standing.behind else "warning",
            )
        )
    if is_head(user):
        standings = unit_standings(user, employee.unit, year)
        behind = [s for s in standings if s.behind]
        cards.append(
            Card(
                title=_("Pegawai belum mencapai %(min)s JP")
                % {"min": settings.JP_ANNUAL_MINIMUM},
                value=str(len(behind)),
                detail=_("dari %(n)s pegawai ASN di cakupan Anda")
                % {"n": sum(1 for s in standings if s.required)},
                link=reverse("ledger:unit", args=[employee.unit_id]) + "?kurang=1",
                link_label=_("Lihat yang tertinggal"),
                tone="warning" if behind else "success",
            )
        )
    if sees_all_units(user):
        employees = Employee.objects.filter(is_active=True).exclude(
            employment_status=Employee.Status.NON_ASN
        )
        behind = [s for s in jp_standings(employees, year) if s.behind]
        cards.append(
            Card(
                title=_("ASN belum mencapai %(min)s JP (semua unit)")
                % {"min": settings.JP_ANNUAL_MINIMUM},
                value=str(len(behind)),
                link=reverse("ledger:index"),
                link_label=_("Buku JP per unit"),
                tone="warning" if behind else "success",
            )
        )
    return cards
