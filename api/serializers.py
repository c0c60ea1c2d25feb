"""What the API shows of each resource. Fields are listed one by one: nothing
reaches a client by accident (no personal-approach notes, no personality scores,
no internal ids of files)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from activities.models import Activity, Attendance, BriefingDetail
from assessments.models import DimensionResult, LatestLevel, Result
from competencies.models import Dimension, ProficiencyLevel, RequiredLevel, Standard
from ledger.models import JPEntry
from people.models import Employee, Unit
from programs.models import Nomination, Program

# Why a dimension result has (or lacks) a level.
EVIDENCE_SUFFICIENT = "sufficient"
EVIDENCE_INSUFFICIENT = "insufficient"


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "code", "name", "kind", "parent", "depth"]


class EmployeeSerializer(serializers.ModelSerializer):
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    position_type = serializers.CharField(source="position_type.code", read_only=True)
    position_type_name = serializers.CharField(
        source="position_type.name", read_only=True
    )

    class Meta:
        model = Employee
        fields = [
            "id",
            "name",
            "nip",
            "unit",
            "unit_name",
            "position_type",
            "position_type_name",
            "employment_status",
            "gender",
            "placed_on",
            "is_active",
        ]


class DimensionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dimension
        fields = ["code", "number", "name", "name_en", "description", "description_en"]


class LevelSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProficiencyLevel
        fields = ["level", "name", "name_en", "description", "description_en"]


class RequiredLevelSerializer(serializers.ModelSerializer):
    position_type = serializers.CharField(source="position_type.code", read_only=True)
    dimension = serializers.CharField(source="dimension.code", read_only=True)

    class Meta:
        model = RequiredLevel
        fields = ["position_type", "dimension", "level"]


class StandardSerializer(serializers.ModelSerializer):
    required_levels = RequiredLevelSerializer(many=True, read_only=True)

    class Meta:
        model = Standard
        fields = ["id", "name", "effective_from", "notes", "required_levels"]


class ActivitySerializer(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code", read_only=True)
    dimensions = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    present_count = serializers.IntegerField(read_only=True)
    attendance_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Activity
        fields = [
            "id",
            "form",
            "unit",
            "started_at",
            "duration_minutes",
            "status",
            "summary",
            "facilitator",
            "dimensions",
            "present_count",
            "attendance_count",
            "verified_at",
        ]


class AttendanceInSerializer(serializers.Serializer):
    employee = serializers.IntegerField(min_value=1, max_value=2**62)
    status = serializers.ChoiceField(choices=Attendance.Status.choices)


class BriefingCreateSerializer(serializers.Serializer):
    """A held briefing, recorded through the same service as the phone page."""

    unit = serializers.IntegerField(min_value=1, max_value=2**62)
    started_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField(min_value=1, max_value=480)
    agenda_kind = serializers.ChoiceField(choices=BriefingDetail.Agenda.choices)
    summary = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, default=""
    )
    attendance = AttendanceInSerializer(many=True, min_length=1, max_length=500)
    # People of other units who took part: a briefing's roster is its unit, as on
    # the phone page, and anyone else is named here one by one.
    guests = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**62),
        required=False,
        max_length=100,
        default=list,
    )
    dimensions = serializers.ListField(
        child=serializers.SlugField(max_length=40), required=False, max_length=20
    )

    def validate_attendance(self, value):
        employees = [row["employee"] for row in value]
        if len(set(employees)) != len(employees):
            raise serializers.ValidationError(_("Seorang pegawai tercatat dua kali."))
        return value

    def validate_started_at(self, value):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        # A held activity: not before 2000, not in the future (the service
        # allows a few minutes of clock slack and says so).
        if value.year < 2000 or value > timezone.now() + timedelta(days=1):
            raise serializers.ValidationError(
                _("Waktu mulai harus antara tahun 2000 dan sekarang.")
            )
        return value


class JPEntrySerializer(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code", read_only=True, allow_null=True)

    class Meta:
        model = JPEntry
        fields = [
            "id",
            "employee",
            "source",
            "form",
            "occurred_on",
            "minutes",
            "description",
        ]


class StandingSerializer(serializers.Serializer):
    employee = serializers.IntegerField(source="employee.pk")
    name = serializers.CharField(source="employee.name")
    unit = serializers.IntegerField(source="employee.unit_id")
    minutes = serializers.DecimalField(max_digits=12, decimal_places=2)
    jp = serializers.DecimalField(max_digits=10, decimal_places=2)
    minimum = serializers.IntegerField()
    required = serializers.BooleanField()
    percent = serializers.IntegerField()
    missing = serializers.DecimalField(max_digits=10, decimal_places=2)
    behind = serializers.BooleanField()


class LatestLevelSerializer(serializers.ModelSerializer):
    dimension = serializers.CharField(source="dimension.code", read_only=True)

    class Meta:
        model = LatestLevel
        fields = ["employee", "dimension", "level", "assessed_on"]


class DimensionResultSerializer(serializers.ModelSerializer):
    dimension = serializers.CharField(source="dimension.code", read_only=True)
    evidence = serializers.SerializerMethodField(
        help_text=(
            "`sufficient`: enough items of the dimension were answered for a level; "
            "`insufficient` (bukti belum cukup): fewer than `min_answered`, so "
            "`level` and `score` are null."
        )
    )

    class Meta:
        model = DimensionResult
        fields = [
            "dimension",
            "level",
            "score",
            "test_score",
            "supervisor_rating",
            "evidence",
            "answered",
            "items",
            "min_answered",
        ]

    @extend_schema_field(
        {"type": "string", "enum": [EVIDENCE_SUFFICIENT, EVIDENCE_INSUFFICIENT]}
    )
    def get_evidence(self, row: DimensionResult) -> str:
        return EVIDENCE_SUFFICIENT if row.level is not None else EVIDENCE_INSUFFICIENT


class ResultSerializer(serializers.ModelSerializer):
    instrument = serializers.CharField(source="instrument.code", read_only=True)
    dimensions = DimensionResultSerializer(
        source="dimension_results", many=True, read_only=True
    )

    class Meta:
        model = Result
        fields = [
            "id",
            "employee",
            "instrument",
            "assessed_on",
            "status",
            "released_at",
            "dimensions",
        ]


class ProgramSerializer(serializers.ModelSerializer):
    form = serializers.CharField(source="form.code", read_only=True)
    seats_left = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="Free seats; null: no seat limit."
    )
    dimensions = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Program
        fields = [
            "id",
            "title",
            "form",
            "mode",
            "starts_on",
            "ends_on",
            "jp",
            "capacity",
            "seats_left",
            "registration_opens_on",
            "registration_closes_on",
            "location",
            "dimensions",
        ]


class NominationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Nomination
        fields = [
            "id",
            "program",
            "employee",
            "state",
            "created_at",
            "decided_at",
            "outcome",
            "attendance_percent",
            "certificate_number",
            "completed_at",
        ]


class StatsSerializer(serializers.Serializer):
    employees = serializers.IntegerField()
    tested = serializers.IntegerField()
    untested = serializers.IntegerField()
    levels = serializers.DictField(child=serializers.IntegerField())
    with_requirement = serializers.IntegerField()
    meeting = serializers.IntegerField()
    with_gap = serializers.IntegerField()
    mean_gap = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    share_meeting = serializers.DecimalField(
        max_digits=5, decimal_places=1, allow_null=True
    )


class AggregateDimensionSerializer(serializers.Serializer):
    dimension = serializers.CharField()
    stats = StatsSerializer()


class AggregateRowSerializer(serializers.Serializer):
    unit = serializers.IntegerField(allow_null=True)
    unit_name = serializers.CharField(allow_null=True)
    employees = serializers.IntegerField()
    has_children = serializers.BooleanField()
    dimensions = AggregateDimensionSerializer(many=True)


class AggregateReportSerializer(serializers.Serializer):
    unit = serializers.IntegerField(allow_null=True)
    period = serializers.CharField()
    as_of = serializers.DateField()
    standard = serializers.IntegerField(allow_null=True)
    employees = serializers.IntegerField()
    rows = AggregateRowSerializer(many=True)
    totals = AggregateDimensionSerializer(many=True)
