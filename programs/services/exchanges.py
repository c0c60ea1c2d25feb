"""Pertukaran PNS–Pegawai Swasta: records kept by BPSDM, reports by the employee."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from people.models import Employee, User
from people.permissions import check
from programs.models import Exchange
from programs.permissions import MANAGE_PROGRAMS, REPORT_EXCHANGE
from programs.rules import exchange_date_errors


def _require_bpsdm(user: User) -> None:
    check(
        user, MANAGE_PROGRAMS, message=_("Hanya admin BPSDM yang mencatat pertukaran.")
    )


def _check(*, employee: Employee, partner: str, starts_on: date, ends_on: date):
    errors: dict[str, list[str]] = {}
    if not partner.strip():
        errors["partner"] = [_("Organisasi mitra wajib diisi.")]
    if not employee.is_asn:
        errors["employee"] = [_("Pertukaran PNS–pegawai swasta hanya untuk ASN.")]
    date_errors = exchange_date_errors(starts_on, ends_on)
    if date_errors:
        errors["ends_on"] = date_errors
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def exchange_create(
    *,
    by: User,
    employee: Employee,
    partner: str,
    starts_on: date,
    ends_on: date,
    learning_report: str = "",
    report_file=None,
) -> Exchange:
    _require_bpsdm(by)
    _check(employee=employee, partner=partner, starts_on=starts_on, ends_on=ends_on)
    exchange = Exchange(
        employee=employee,
        partner=partner.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        learning_report=learning_report,
        created_by=by,
    )
    if report_file is not None:
        exchange.report_file = report_file
    exchange.save()
    return exchange


@transaction.atomic
def exchange_update(
    *,
    exchange: Exchange,
    by: User,
    employee: Employee,
    partner: str,
    starts_on: date,
    ends_on: date,
    learning_report: str = "",
    report_file=None,
) -> Exchange:
    _require_bpsdm(by)
    _check(employee=employee, partner=partner, starts_on=starts_on, ends_on=ends_on)
    exchange.employee = employee
    exchange.partner = partner.strip()
    exchange.starts_on, exchange.ends_on = starts_on, ends_on
    exchange.learning_report = learning_report
    if report_file is not None:
        exchange.report_file = report_file
    exchange.save()
    return exchange


@transaction.atomic
def exchange_report_update(
    *, exchange: Exchange, by: User, learning_report: str, report_file=None
) -> Exchange:
    """The learning report: written by the employee on exchange (or BPSDM)."""
    check(
        by,
        REPORT_EXCHANGE,
        exchange,
        message=_("Laporan ditulis oleh pegawai yang bersangkutan."),
    )
    if not learning_report.strip() and report_file is None:
        raise ValidationError(
            {"learning_report": _("Isi laporan pembelajaran atau unggah berkasnya.")}
        )
    exchange.learning_report = learning_report.strip()
    if report_file is not None:
        exchange.report_file = report_file
    exchange.save(update_fields=["learning_report", "report_file"])
    return exchange
