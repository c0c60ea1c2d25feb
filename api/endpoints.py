"""The REST API's endpoints. Each reads through its app's scoping selector
(``*_visible_to(user)``), so a row out of scope is simply not there (404), and
writes go through the apps' services (403 for a role that may not write)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from activities.kinds.briefing import CODE as BRIEFING
from activities.rules import OUTSIDE_ROSTER
from activities.selectors import (
    activities_visible_to,
    activity_list,
    can_record,
    internal_forms,
    unit_roster,
)
from activities.services import activity_record
from api import serializers as s
from api.pagination import NewestFirstCursorPagination
from api.permissions import READ_AGGREGATE
from assessments.models import DimensionResult, LatestLevel
from assessments.selectors import results_visible_to
from competencies.models import Dimension, RequiredLevel
from competencies.selectors import dimensions, levels, standards
from ledger.selectors import (
    jp_entries_visible_to,
    jp_standings,
    ledger_employees_visible_to,
)
from people.permissions import check
from people.selectors import (
    employee_scope_q,
    employees_visible_to,
    unit_get_for_user,
    units_visible_to,
)
from people.tree import subtree_q
from programs.selectors import nominations_visible_to, programs_visible_to
from reports.periods import NOW, period_parse
from reports.selectors import aggregate_report, aggregate_root
from reports.selectors.aggregate import Filters


def _int_param(request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit() or len(raw) > 18:
        raise exceptions.ValidationError({name: ["Harus bilangan bulat positif."]})
    return int(raw)


def _year_param(request) -> int:
    year = _int_param(request, "year")
    if year is None:
        return timezone.localdate().year
    if not 2000 <= year <= 2100:
        raise exceptions.ValidationError({"year": ["Tahun antara 2000 dan 2100."]})
    return year


def _scoped_unit(request):
    """The ``unit`` filter: a unit the user may see (404 otherwise), or None."""
    pk = _int_param(request, "unit")
    return unit_get_for_user(request.user, pk) if pk is not None else None


UNIT_PARAM = OpenApiParameter(
    "unit", OpenApiTypes.INT, description="Unit dan sub-unitnya (dalam cakupan)."
)
EMPLOYEE_PARAM = OpenApiParameter("employee", OpenApiTypes.INT)
YEAR_PARAM = OpenApiParameter(
    "year", OpenApiTypes.INT, description="Tahun (bawaan: tahun ini)."
)


class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"
    serializer_class = s.UnitSerializer

    def get_queryset(self):
        return units_visible_to(self.request.user).order_by("path")


@extend_schema(parameters=[UNIT_PARAM])
class EmployeeViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"
    serializer_class = s.EmployeeSerializer

    def get_queryset(self):
        employees = employees_visible_to(self.request.user)
        if self.action == "list" and (unit := _scoped_unit(self.request)):
            employees = employees.filter(subtree_q(unit))
        return employees.order_by("unit__path", "name", "pk")


class DimensionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.DimensionSerializer
    lookup_field = "code"
    lookup_value_converter = "slug"

    def get_queryset(self):
        return dimensions()


class LevelViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.LevelSerializer
    lookup_field = "level"
    lookup_value_converter = "int"

    def get_queryset(self):
        return levels()


class StandardViewSet(viewsets.ReadOnlyModelViewSet):
    """Versions of the required levels per position type, newest first."""

    lookup_value_converter = "int"
    serializer_class = s.StandardSerializer

    def get_queryset(self):
        required = RequiredLevel.objects.select_related(
            "position_type", "dimension"
        ).order_by("position_type__order", "position_type__code", "dimension__number")
        return standards().prefetch_related(Prefetch("required_levels", required))


@extend_schema(parameters=[UNIT_PARAM])
class ActivityViewSet(viewsets.ReadOnlyModelViewSet):
    """Internal activities (never the notes of a personal approach)."""

    lookup_value_converter = "int"
    serializer_class = s.ActivitySerializer

    def get_queryset(self):
        activities = activities_visible_to(self.request.user)
        if self.action == "list" and (unit := _scoped_unit(self.request)):
            activities = activities.filter(subtree_q(unit))
        return activity_list(activities)

    @extend_schema(
        request=s.BriefingCreateSerializer,
        responses={201: s.ActivitySerializer},
    )
    @action(detail=False, methods=["post"], url_path="briefings")
    def briefing(self, request):
        """Record a held briefing (as the phone page does): staff's wait for
        their head's verification, a head's are verified at once."""
        if not can_record(request.user):
            raise PermissionDenied
        data = s.BriefingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        unit = units_visible_to(request.user).filter(pk=values["unit"]).first()
        dimension_ids = None
        if "dimensions" in values:
            codes = set(values["dimensions"])
            found = dict(
                Dimension.objects.filter(code__in=codes).values_list("code", "pk")
            )
            if missing := codes - set(found):
                raise exceptions.ValidationError(
                    {"dimensions": [f"Dimensi tidak dikenal: {sorted(missing)}"]}
                )
            dimension_ids = list(found.values())
        if unit is not None:
            # The roster is the briefing's unit; others only as named guests
            # (out-of-scope people are refused by the service, as on the page).
            attendees = {row["employee"] for row in values["attendance"]}
            roster = set(
                unit_roster(unit).filter(pk__in=attendees).values_list("pk", flat=True)
            )
            outside = attendees - roster - set(values["guests"])
            if outside:
                raise exceptions.ValidationError(
                    {"attendance": [OUTSIDE_ROSTER % {"count": len(outside)}]}
                )
        form = get_object_or_404(internal_forms(), code=BRIEFING)
        try:
            with transaction.atomic():
                activity = activity_record(
                    recorder=request.user,
                    form=form,
                    unit=unit,
                    started_at=values["started_at"],
                    duration_minutes=values["duration_minutes"],
                    summary=values["summary"],
                    attendance={
                        row["employee"]: row["status"] for row in values["attendance"]
                    },
                    dimension_ids=dimension_ids,
                    detail={"agenda_kind": values["agenda_kind"]},
                )
        except ValidationError as exc:
            raise exceptions.ValidationError(_messages(exc)) from exc
        created = activity_list(activities_visible_to(request.user)).get(pk=activity.pk)
        return Response(
            s.ActivitySerializer(created).data, status=status.HTTP_201_CREATED
        )


def _messages(exc: ValidationError) -> dict | list:
    if hasattr(exc, "error_dict"):
        return {
            field: [str(m) for error in errors for m in error.messages]
            for field, errors in exc.error_dict.items()
        }
    return [str(m) for m in exc.messages]


@extend_schema(parameters=[EMPLOYEE_PARAM, YEAR_PARAM])
class JPEntryViewSet(viewsets.ReadOnlyModelViewSet):
    """Credits of the JP ledger (minutes; JP are derived from summed minutes),
    the latest credited first, a cursor page at a time (``next``/``previous``)."""

    lookup_value_converter = "int"
    serializer_class = s.JPEntrySerializer
    pagination_class = NewestFirstCursorPagination

    def get_queryset(self):
        entries = jp_entries_visible_to(self.request.user).select_related("form")
        if self.action == "list":
            if (employee := _int_param(self.request, "employee")) is not None:
                entries = entries.filter(employee_id=employee)
            if self.request.query_params.get("year"):
                year = _year_param(self.request)
                entries = entries.filter(
                    occurred_on__gte=date(year, 1, 1),
                    occurred_on__lte=date(year, 12, 31),
                )
        return entries.order_by("-pk")


@extend_schema(parameters=[UNIT_PARAM, YEAR_PARAM], responses=s.StandingSerializer)
class StandingViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Each active employee's JP of a year against the annual minimum."""

    serializer_class = s.StandingSerializer

    def get_queryset(self):
        employees = ledger_employees_visible_to(self.request.user).filter(
            is_active=True
        )
        if unit := _scoped_unit(self.request):
            employees = employees.filter(subtree_q(unit))
        return employees.order_by("unit__path", "name", "pk")

    def list(self, request, *args, **kwargs):
        year = _year_param(request)
        page = self.paginate_queryset(self.get_queryset())
        standings = jp_standings(page, year)
        return self.get_paginated_response(
            s.StandingSerializer(standings, many=True).data
        )


@extend_schema(parameters=[EMPLOYEE_PARAM])
class LatestLevelViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Each employee's current level per dimension (released results only)."""

    serializer_class = s.LatestLevelSerializer

    def get_queryset(self) -> QuerySet[LatestLevel]:
        levels_ = LatestLevel.objects.filter(
            employee_scope_q(self.request.user, "employee")
        ).select_related("dimension")
        if (employee := _int_param(self.request, "employee")) is not None:
            levels_ = levels_.filter(employee_id=employee)
        return levels_.order_by("employee_id", "dimension__number")


class ResultViewSet(viewsets.ReadOnlyModelViewSet):
    """Test results with their per-dimension levels (never personality scores)."""

    lookup_value_converter = "int"
    serializer_class = s.ResultSerializer

    def get_queryset(self):
        per_dimension = DimensionResult.objects.select_related("dimension").order_by(
            "dimension__number"
        )
        return (
            results_visible_to(self.request.user)
            .prefetch_related(Prefetch("dimension_results", per_dimension))
            .order_by("-assessed_on", "-pk")
        )


class ProgramViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"
    serializer_class = s.ProgramSerializer

    def get_queryset(self):
        return (
            programs_visible_to(self.request.user)
            .prefetch_related("dimensions")
            .order_by("-starts_on", "pk")
        )


class NominationViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_value_converter = "int"
    serializer_class = s.NominationSerializer

    def get_queryset(self):
        return nominations_visible_to(self.request.user).order_by("-created_at", "-pk")


class AggregateQuery(serializers.Serializer):
    unit = serializers.IntegerField(required=False, min_value=1, max_value=2**62)
    period = serializers.CharField(required=False, default=NOW, max_length=10)


class AggregateView(GenericAPIView):
    """The aggregate gap report: rows are the children of ``unit`` (the top
    units, or the head's own unit, by default), each over its whole subtree."""

    serializer_class = s.AggregateReportSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            UNIT_PARAM,
            OpenApiParameter(
                "period", OpenApiTypes.STR, description="`now` atau `YYYY-Qn`."
            ),
        ]
    )
    def get(self, request):
        check(request.user, READ_AGGREGATE)
        query = AggregateQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        unit = (
            unit_get_for_user(request.user, query.validated_data["unit"])
            if "unit" in query.validated_data
            else aggregate_root(request.user)
        )
        period = period_parse(query.validated_data["period"], timezone.localdate())
        if period is None:
            raise exceptions.ValidationError(
                {"period": ["Gunakan 'now' atau kuartal yang sudah berakhir."]}
            )
        report = aggregate_report(
            unit=unit,
            units=units_visible_to(request.user),
            filters=Filters(),
            period=period,
        )
        codes = {d.pk: d.code for d in report.dimensions}

        def by_dimension(stats: dict) -> list[dict]:
            return [
                {"dimension": codes[pk], "stats": _stats(value)}
                for pk, value in stats.items()
            ]

        data = {
            "unit": unit.pk if unit else None,
            "period": period.key,
            "as_of": period.on,
            "standard": report.standard.pk if report.standard else None,
            "employees": report.employees,
            "rows": [
                {
                    "unit": row.unit.pk if row.unit else None,
                    "unit_name": row.unit.name if row.unit else None,
                    "employees": row.employees,
                    "has_children": row.has_children,
                    "dimensions": by_dimension(row.by_dimension),
                }
                for row in report.rows
            ],
            "totals": by_dimension(report.total_by_dimension),
        }
        return Response(s.AggregateReportSerializer(data).data)


def _stats(stats) -> dict:
    return {
        "employees": stats.employees,
        "tested": stats.tested,
        "untested": stats.untested,
        "levels": {str(level): count for level, count in stats.levels.items()},
        "with_requirement": stats.with_requirement,
        "meeting": stats.meeting,
        "with_gap": stats.with_gap,
        "mean_gap": stats.mean_gap,
        "share_meeting": stats.share_meeting,
    }
