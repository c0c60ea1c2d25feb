"""Dashboard cards: the head's unit gap summary, BPSDM's province mean gap, and
the employee's own gap summary. Each is a handful of aggregate queries."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from competencies.selectors import dimensions, standard_in_force
from people.permissions import is_head, sees_all_units
from people.selectors import scope_root_unit, user_employee
from reports.gapstats import total
from reports.periods import period_now
from reports.selectors.aggregate import Filters, subtree_stats
from reports.selectors.employee import employee_report
from sosiokultural.registry import Card


def _scope_card(*, path: str, title: str, link: str) -> Card:
    today = timezone.localdate()
    dims = [d.pk for d in dimensions()]
    standard = standard_in_force(today)
    stats = total(
        subtree_stats(
            path=path,
            filters=Filters(),
            period=period_now(today),
            standard_id=standard.pk if standard else None,
            dimension_ids=dims,
        ).values()
    )
    mean = stats.mean_gap
    return Card(
        title=title,
        value=str(mean) if mean is not None else "—",
        detail=_(
            "Rata-rata gap; %(meet)s%% pasangan pegawai × dimensi memenuhi "
            "standar, %(untested)s belum diuji."
        )
        % {
            "meet": stats.share_meeting if stats.share_meeting is not None else "—",
            "untested": stats.untested,
        },
        link=link,
        link_label=_("Buka laporan"),
        tone="warning" if mean else "success",
    )


def cards(user) -> list[Card]:
    if sees_all_units(user):
        return [
            _scope_card(
                path="",
                title=_("Kesenjangan seluruh provinsi"),
                link=reverse("reports:province"),
            )
        ]
    if is_head(user):
        unit = scope_root_unit(user)
        if unit is None:
            return []
        return [
            _scope_card(
                path=unit.path,
                title=_("Kesenjangan %(unit)s") % {"unit": unit.name},
                link=reverse("reports:unit", args=[unit.pk]),
            )
        ]
    employee = user_employee(user)
    if employee is None:
        return []
    report = employee_report(employee, today=timezone.localdate())
    if not report.tested:
        value, detail = "—", _("Belum ada hasil uji yang dirilis.")
    else:
        value = str(report.with_gap)
        detail = _(
            "dimensi dengan gap dari %(tested)s yang diuji · rencana %(done)s/%(total)s"
            " selesai · %(jp)s JP tahun ini"
        ) % {
            "tested": report.tested,
            "done": report.progress.done,
            "total": report.progress.total,
            "jp": report.jp,
        }
    return [
        Card(
            title=_("Kesenjangan kompetensi saya"),
            value=value,
            detail=detail,
            link=reverse("reports:employee", args=[employee.pk]),
            link_label=_("Laporan saya"),
            tone="warning" if report.with_gap else "success",
        )
    ]
