"""Read-mostly admin: writes go through the services (frozen versions, audit)."""

from django.contrib import admin

from assessments.models import (
    Answer,
    Attempt,
    DimensionResult,
    Instrument,
    InstrumentItem,
    Item,
    ItemAnalysis,
    ItemOption,
    ItemStatistic,
    LatestLevel,
    LevelChangeStep,
    LevelCount,
    LevelCountAt,
    LevelProfileCount,
    LevelSnapshotDay,
    PersonalityScore,
    ReleaseJob,
    Rescore,
    Result,
    ScaleStatistic,
    SupervisorRating,
    TestWindow,
    Threshold,
    YearStartChange,
)
from assessments.models.results import CHANGE_FIELDS
from assessments.services.bank import item_is_frozen
from sosiokultural.admin import ReadOnlyAdminMixin


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Rows written only by the services (frozen versions, server clock, audit)."""


class ReadOnlyInline(ReadOnlyAdminMixin, admin.TabularInline):
    extra = 0


class InstrumentItemInline(ReadOnlyInline):
    model = InstrumentItem


class ThresholdInline(ReadOnlyInline):
    model = Threshold


class AnswerInline(ReadOnlyInline):
    model = Answer


class SupervisorRatingInline(ReadOnlyInline):
    model = SupervisorRating


class DimensionResultInline(ReadOnlyInline):
    model = DimensionResult


class PersonalityScoreInline(ReadOnlyInline):
    model = PersonalityScore


class ItemOptionInline(admin.TabularInline):
    model = ItemOption
    extra = 0

    def has_change_permission(self, request, obj=None):
        return obj is None or not item_is_frozen(obj)

    has_add_permission = has_change_permission
    has_delete_permission = has_change_permission


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "dimension", "trait", "reverse_keyed", "is_active"]
    list_filter = ["kind", "dimension", "is_active"]
    search_fields = ["code", "stem"]
    inlines = [ItemOptionInline]

    def has_change_permission(self, request, obj=None):
        # An item of a published instrument is frozen (revise it on the bank page).
        return obj is None or not item_is_frozen(obj)

    def has_delete_permission(self, request, obj=None):
        return obj is None or not item_is_frozen(obj)


@admin.register(Instrument)
class InstrumentAdmin(ReadOnlyAdmin):
    list_display = ["code", "version", "name", "status", "time_limit_minutes"]
    list_filter = ["status"]
    inlines = [InstrumentItemInline, ThresholdInline]


@admin.register(TestWindow)
class TestWindowAdmin(ReadOnlyAdmin):
    list_display = ["title", "instrument", "opens_at", "closes_at", "unit"]


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyAdmin):
    list_display = ["window", "employee", "status", "started_at", "submitted_at"]
    list_filter = ["status"]
    readonly_fields = ["started_at", "deadline", "submitted_at", "auto_submitted"]
    inlines = [AnswerInline, SupervisorRatingInline]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = ["employee", "instrument", "assessed_on", "status", "revision"]
    list_filter = ["status"]
    inlines = [DimensionResultInline, PersonalityScoreInline]


@admin.register(Rescore)
class RescoreAdmin(ReadOnlyAdmin):
    list_display = ["result", "rescored_by", "rescored_at"]


@admin.register(LatestLevel)
class LatestLevelAdmin(ReadOnlyAdmin):
    list_display = ["employee", "dimension", "level", "assessed_on"]


@admin.register(LevelCount)
class LevelCountAdmin(ReadOnlyAdmin):
    list_display = ["unit", "position_type", "dimension", "level", "employees"]


@admin.register(LevelCountAt)
class LevelCountAtAdmin(ReadOnlyAdmin):
    list_display = ["on", "unit", "position_type", "dimension", "level", "employees"]
    list_filter = ["on"]


@admin.register(LevelSnapshotDay)
class LevelSnapshotDayAdmin(ReadOnlyAdmin):
    list_display = ["on"]


@admin.register(LevelChangeStep)
class LevelChangeStepAdmin(ReadOnlyAdmin):
    list_display = ["unit", "dimension", "day", "employees", "change"]


@admin.register(YearStartChange)
class YearStartChangeAdmin(ReadOnlyAdmin):
    list_display = ["employee", "year", "open", *CHANGE_FIELDS]
    raw_id_fields = ["employee"]


@admin.register(LevelProfileCount)
class LevelProfileCountAdmin(ReadOnlyAdmin):
    list_display = [
        "unit",
        "position_type",
        "level_1",
        "level_2",
        "level_3",
        "level_4",
        "level_5",
        "level_6",
        "employees",
    ]
    list_select_related = ["unit", "position_type"]


class ItemStatisticInline(ReadOnlyInline):
    model = ItemStatistic


class ScaleStatisticInline(ReadOnlyInline):
    model = ScaleStatistic


@admin.register(ItemAnalysis)
class ItemAnalysisAdmin(ReadOnlyAdmin):
    list_display = ["instrument", "respondents", "computed_at"]
    inlines = [ScaleStatisticInline, ItemStatisticInline]


@admin.register(ReleaseJob)
class ReleaseJobAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "window", "requested_by", "status", "released_count"]
    list_filter = ["status"]
    raw_id_fields = ["requested_by", "window"]
