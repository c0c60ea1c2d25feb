from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from people.permissions import can, check, require
from sosiokultural.formatting import number
from sosiokultural.periods import Period, parse_period
from surveys import exports, pekppp
from surveys.development import jp_by_period, unit_development
from surveys.followups import (
    follow_up_create,
    follow_up_indicators,
    follow_up_update,
    publication_create,
)
from surveys.forms import (
    ComparisonForm,
    FollowUpForm,
    FollowUpStatusForm,
    PopulationForm,
    PublicationForm,
    ReportedForm,
    ResponseImportForm,
)
from surveys.models import ElementSet
from surveys.permissions import SEE_DEVELOPMENT, WRITE_SURVEYS
from surveys.selectors import (
    COMPARISON_UNITS_PER_PAGE,
    comparison,
    element_sets,
    periods_visible_to,
    survey_get_for_user,
    survey_responses,
    survey_result,
    survey_results,
    survey_unit_get_for_user,
    survey_units_visible_to,
    surveys_visible_to,
    unit_trend,
)
from surveys.services import (
    SurveyExists,
    SurveyImportError,
    default_element_set,
    survey_import_responses,
    survey_population_set,
    survey_report_save,
)

LEVELS = {"provinsi", "kota", "kecamatan", "kelurahan"}


def sees_development(user) -> bool:
    return can(user, SEE_DEVELOPMENT)


def _fmt(fmt: str) -> str:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    return fmt


# -- list ----------------------------------------------------------------------------


def _filtered_surveys(request):
    surveys = surveys_visible_to(request.user)
    period_text = request.GET.get("period", "")
    level = request.GET.get("level", "")
    period = None
    if period_text:
        try:
            period = parse_period(period_text)
        except ValueError:
            period = None
        else:
            surveys = surveys.filter(year=period.year, quarter=period.quarter)
    if level in LEVELS:
        surveys = surveys.filter(unit__kind=level)
    return surveys.order_by("-year", "-quarter", "unit__path"), period, level


@login_required
def survey_list(request):
    surveys, period, level = _filtered_surveys(request)
    page = Paginator(surveys, 50).get_page(request.GET.get("page"))
    results = survey_results(page.object_list)
    return render(
        request,
        "surveys/survey_list.html",
        {
            "page": page,
            "rows": [results[s.pk] for s in page.object_list],
            "periods": periods_visible_to(request.user),
            "period": period,
            "level": level,
        },
    )


@login_required
def survey_list_export(request, fmt: str):
    surveys, __, __ = _filtered_surveys(request)
    results = survey_results(surveys)
    table = exports.survey_table([results[s.pk] for s in surveys])
    return exports.respond(request, _fmt(fmt), "ikm-survei", [table])


# -- one unit ------------------------------------------------------------------------


@login_required
def survey_detail(request, unit_pk: int, period: str):
    survey = survey_get_for_user(request.user, unit_pk, period)
    result = survey_result(survey)
    follow_up = follow_up_indicators([survey], results={survey.pk: result})
    development = (
        unit_development(survey.unit, survey.period)
        if sees_development(request.user)
        else None
    )
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "result": result,
            "follow_up": follow_up[survey.pk],
            "development": development,
            "population_form": PopulationForm(
                initial={"population": survey.population}
            ),
        },
    )


@login_required
def survey_detail_export(request, unit_pk: int, period: str, table: str, fmt: str):
    survey = survey_get_for_user(request.user, unit_pk, period)
    fmt = _fmt(fmt)
    name = f"ikm-{survey.unit.code}-{survey.period}-{table}"
    if table == "unsur":
        return exports.respond(
            request, fmt, name, [exports.element_table(survey_result(survey))]
        )
    if table == "responden" and not survey.is_reported:
        elements = list(survey.element_set.elements.order_by("order"))
        return exports.respond(
            request,
            fmt,
            name,
            [exports.responses_table(survey, elements, survey_responses(survey))],
        )
    if table in {"pengembangan", "kesenjangan"} and sees_development(request.user):
        development = unit_development(survey.unit, survey.period)
        if table == "pengembangan":
            return exports.respond(
                request, fmt, name, [exports.form_table(development)]
            )
        return exports.respond(request, fmt, name, [exports.gap_table(development)])
    raise Http404


@login_required
@require(WRITE_SURVEYS)
@require_POST
def survey_population(request, unit_pk: int, period: str):
    survey = survey_get_for_user(request.user, unit_pk, period)
    form = PopulationForm(request.POST)
    if form.is_valid():
        survey_population_set(survey=survey, population=form.cleaned_data["population"])
        messages.success(request, _("Jumlah pemohon/populasi disimpan."))
    else:
        messages.error(request, _("Jumlah pemohon/populasi harus bilangan bulat > 0."))
    return redirect("surveys:detail", unit_pk=survey.unit_id, period=survey.period)


@login_required
def unit_trend_view(request, unit_pk: int):
    unit = survey_unit_get_for_user(request.user, unit_pk)
    results = unit_trend(request.user, unit)
    jp = (
        jp_by_period(unit, [r.survey.period for r in results])
        if sees_development(request.user)
        else None
    )
    return render(
        request,
        "surveys/unit_trend.html",
        {
            "unit": unit,
            "results": results,
            "jp": jp,
            "rows": [(r, jp.get(r.survey.period) if jp else None) for r in results],
            "chart": exports.trend_chart(results),
        },
    )


@login_required
def unit_trend_export(request, unit_pk: int, fmt: str):
    unit = survey_unit_get_for_user(request.user, unit_pk)
    results = unit_trend(request.user, unit)
    jp = (
        jp_by_period(unit, [r.survey.period for r in results])
        if sees_development(request.user)
        else None
    )
    return exports.respond(
        request, _fmt(fmt), f"ikm-tren-{unit.code}", [exports.trend_table(results, jp)]
    )


# -- comparison ----------------------------------------------------------------------


def _comparison(request, *, paginate: bool = True):
    periods = periods_visible_to(request.user)
    data = request.GET.copy()
    if periods and not data.get("period"):
        data["period"] = str(periods[0])
    form = ComparisonForm(data, periods=periods)
    if not periods or not form.is_valid():
        return form, None
    return form, comparison(
        request.user,
        period=parse_period(form.cleaned_data["period"]),
        level=form.cleaned_data["level"],
        element_set=form.cleaned_data["element_set"],
        page_number=request.GET.get("page"),
        per_page=COMPARISON_UNITS_PER_PAGE if paginate else None,
    )


@login_required
def comparison_view(request):
    form, table = _comparison(request)
    context = {"form": form, "table": table}
    if request.htmx:
        return render(request, "surveys/comparison.html#table", context)
    return render(request, "surveys/comparison.html", context)


@login_required
def comparison_export(request, fmt: str):
    __, table = _comparison(request, paginate=False)
    if table is None:
        raise Http404
    return exports.respond(
        request,
        _fmt(fmt),
        f"ikm-perbandingan-{table.period}-{table.level or 'semua'}",
        [exports.comparison_table(table)],
    )


# -- writes --------------------------------------------------------------------------


@login_required
@require(WRITE_SURVEYS)
@require_http_methods(["GET", "POST"])
def import_view(request):
    units = survey_units_visible_to(request.user)
    form = ResponseImportForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={"unit": units.first() if units.count() == 1 else None},
    )
    errors: list[tuple[int, str]] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            survey = survey_import_responses(
                unit=data["unit"],
                period=data["period"],
                filename=upload.name,
                content=upload.read(),
                element_set=data["element_set"],
                replace=data["replace"],
                population=data["population"],
                user=request.user,
            )
        except SurveyImportError as exc:
            errors = exc.errors
        except SurveyExists as exc:
            form.add_error("replace", str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            result = survey_result(survey)
            messages.success(
                request,
                _("Impor berhasil: %(n)s responden, IKM %(ikm)s (%(grade)s).")
                % {
                    "n": result.respondents,
                    "ikm": number(result.ikm),
                    "grade": result.grade.letter,
                },
            )
            return redirect(
                "surveys:detail", unit_pk=survey.unit_id, period=survey.period
            )
    return render(
        request,
        "surveys/survey_import.html",
        {"form": form, "errors": errors, "sets": element_sets()},
    )


@login_required
@require(WRITE_SURVEYS)
@require_http_methods(["GET", "POST"])
def reported_create(request):
    sets = ElementSet.objects.all()
    code = request.GET.get("set") or request.POST.get("set")
    element_set = get_object_or_404(sets, code=code) if code else default_element_set()
    if element_set is None:
        raise Http404
    form = ReportedForm(
        request.POST or None,
        element_set=element_set,
        units=survey_units_visible_to(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            survey = survey_report_save(
                unit=data["unit"],
                period=data["period"],
                element_set=element_set,
                total=data["total"],
                scores=form.scores,
                respondents=data["respondents"],
                population=data["population"],
                source=data["source"],
                replace=data["replace"],
                user=request.user,
            )
        except SurveyExists as exc:
            form.add_error("replace", str(exc))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Nilai dilaporkan disimpan apa adanya."))
            return redirect(
                "surveys:detail", unit_pk=survey.unit_id, period=survey.period
            )
    return render(
        request,
        "surveys/reported_form.html",
        {"form": form, "element_set": element_set, "sets": sets},
    )


# -- questionnaires ------------------------------------------------------------------


@login_required
def element_set_list(request):
    return render(request, "surveys/element_sets.html", {"sets": element_sets()})


@login_required
def element_set_template(request, code: str, fmt: str):
    """An empty import file with the questionnaire's column headers."""
    element_set = get_object_or_404(ElementSet, code=code)
    return exports.respond(
        request,
        _fmt(fmt),
        f"templat-ikm-{element_set.code}",
        [exports.template(element_set)],
        about=False,
    )


# -- follow-up (tindak lanjut) and publication -----------------------------------------


def _follow_up_forms(request, survey, data=None):
    from people.selectors import employees_in_subtree, employees_visible_to

    return FollowUpForm(
        data,
        elements=survey.element_set.elements.order_by("order"),
        owners=employees_in_subtree(
            employees_visible_to(request.user), survey.unit
        ).filter(is_active=True),
        unit=survey.unit,
    )


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_page(request, unit_pk: int, period: str):
    """A survey's weak elements, their follow-up actions and where the results
    were published, with the PEKPPP indicators; heads add and close actions."""
    survey = survey_get_for_user(request.user, unit_pk, period)
    may_write = can(request.user, WRITE_SURVEYS)
    form = _follow_up_forms(request, survey, request.POST or None)
    if request.method == "POST":
        check(request.user, WRITE_SURVEYS)
        if form.is_valid():
            data = form.cleaned_data
            try:
                follow_up_create(survey=survey, by=request.user, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Tindak lanjut dicatat."))
                return redirect(
                    "surveys:follow_ups", unit_pk=survey.unit_id, period=survey.period
                )
    facts = follow_up_indicators([survey])[survey.pk]
    return render(
        request,
        "surveys/follow_ups.html",
        {
            "survey": survey,
            "facts": facts,
            "follow_ups": survey.follow_ups.select_related(
                "element", "owner", "owner__unit", "activity", "program"
            ),
            "publications": survey.publications.all(),
            "form": form if may_write else None,
            "status_form": FollowUpStatusForm() if may_write else None,
            "publication_form": PublicationForm() if may_write else None,
        },
    )


@login_required
@require(WRITE_SURVEYS)
@require_POST
def follow_up_status(request, unit_pk: int, period: str, pk: int):
    survey = survey_get_for_user(request.user, unit_pk, period)
    follow_up = get_object_or_404(survey.follow_ups, pk=pk)
    form = FollowUpStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Status tindak lanjut tidak valid."))
    else:
        try:
            follow_up_update(follow_up=follow_up, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Status tindak lanjut disimpan."))
    return redirect("surveys:follow_ups", unit_pk=survey.unit_id, period=survey.period)


@login_required
@require(WRITE_SURVEYS)
@require_POST
def publication_add(request, unit_pk: int, period: str):
    survey = survey_get_for_user(request.user, unit_pk, period)
    form = PublicationForm(request.POST)
    if form.is_valid():
        publication_create(survey=survey, by=request.user, **form.cleaned_data)
        messages.success(request, _("Publikasi hasil dicatat."))
    else:
        messages.error(
            request, _("Publikasi tidak disimpan: pilih saluran dan isi tanggalnya.")
        )
    return redirect("surveys:follow_ups", unit_pk=survey.unit_id, period=survey.period)


@login_required
def follow_up_overview(request):
    """PEKPPP follow-up indicators of every survey in scope for one quarter: one
    page of units (read and computed alone), and the totals of the whole scope
    counted in the database (``pekppp.quarter_totals``)."""
    periods = list(
        surveys_visible_to(request.user)
        .order_by("-year", "-quarter")
        .values_list("year", "quarter")
        .distinct()[:12]
    )
    chosen = request.GET.get("period", "")
    try:
        period = parse_period(chosen) if chosen else None
    except ValueError:
        period = None
    if period is None and periods:
        period = Period(*periods[0])
    scoped = surveys_visible_to(request.user)
    surveys = (
        scoped.filter(year=period.year, quarter=period.quarter).order_by("unit__path")
        if period
        else scoped.none()
    )
    totals = pekppp.quarter_totals(scoped, period).get(None) if period else None
    paginator = Paginator(surveys, 50)
    paginator.count = totals.surveys if totals else 0  # counted already
    page = paginator.get_page(request.GET.get("page"))
    shown = list(page.object_list)
    facts = follow_up_indicators(shown)
    page.object_list = [(s, facts[s.pk]) for s in shown]
    return render(
        request,
        "surveys/follow_up_overview.html",
        {
            "page": page,
            "period": period,
            "periods": [Period(*p) for p in periods],
            "period_text": str(period) if period else "",
            "totals": totals or pekppp.combine([]),
        },
    )
