"""Pertukaran PNS–Pegawai Swasta pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from people.models import Employee
from people.permissions import fetch, require
from people.selectors import employees_visible_to
from programs.forms import ExchangeForm, ExchangeReportForm
from programs.permissions import MANAGE_PROGRAMS, REPORT_EXCHANGE
from programs.selectors import exchange_get_for_user, exchanges_visible_to
from programs.services import exchange_create, exchange_report_update, exchange_update
from programs.views._common import paginate
from sosiokultural.downloads import stored_file_response, stored_suffix
from sosiokultural.forms import add_service_errors


def _asn(user):
    return (
        employees_visible_to(user)
        .filter(is_active=True)
        .exclude(employment_status=Employee.Status.NON_ASN)
        .order_by("name")
    )


@login_required
def exchange_list(request):
    page = paginate(
        request, exchanges_visible_to(request.user).order_by("-starts_on", "-pk")
    )
    return render(
        request,
        "programs/exchange_list.html",
        {
            "page": page,
        },
    )


@login_required
@require(MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def exchange_create_view(request):
    form = ExchangeForm(
        request.POST or None, request.FILES or None, employees=_asn(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            exchange = exchange_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Pertukaran dicatat."))
            return redirect("programs:exchange_detail", pk=exchange.pk)
    return render(request, "programs/exchange_form.html", {"form": form})


@login_required
@require(MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def exchange_edit(request, pk: int):
    exchange = exchange_get_for_user(request.user, pk)
    initial = {
        "employee": exchange.employee_id,
        "partner": exchange.partner,
        "starts_on": exchange.starts_on,
        "ends_on": exchange.ends_on,
        "learning_report": exchange.learning_report,
    }
    form = ExchangeForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        employees=_asn(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            exchange_update(exchange=exchange, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Perubahan disimpan."))
            return redirect("programs:exchange_detail", pk=exchange.pk)
    return render(
        request, "programs/exchange_form.html", {"form": form, "exchange": exchange}
    )


@login_required
def exchange_detail(request, pk: int):
    exchange = exchange_get_for_user(request.user, pk)
    return render(
        request,
        "programs/exchange_detail.html",
        {"exchange": exchange},
    )


@login_required
@require_http_methods(["GET", "POST"])
def exchange_report(request, pk: int):
    exchange = fetch(
        exchanges_visible_to(request.user),
        user=request.user,
        permission=REPORT_EXCHANGE,
        pk=pk,
    )
    form = ExchangeReportForm(
        request.POST or None,
        request.FILES or None,
        initial={"learning_report": exchange.learning_report},
    )
    if request.method == "POST" and form.is_valid():
        try:
            exchange_report_update(
                exchange=exchange, by=request.user, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Laporan pembelajaran disimpan."))
            return redirect("programs:exchange_detail", pk=exchange.pk)
    return render(
        request,
        "programs/exchange_report.html",
        {"form": form, "exchange": exchange},
    )


@login_required
def exchange_file(request, pk: int):
    exchange = exchange_get_for_user(request.user, pk)
    return stored_file_response(
        exchange.report_file,
        filename=f"laporan-pertukaran-{exchange.pk}{stored_suffix(exchange.report_file)}",
    )
