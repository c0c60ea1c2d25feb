from django.contrib import admin

from evaluations.models import (
    DueFollowUpDay,
    FollowUp,
    Observation,
    ProgramChange,
    Reaction,
)
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(Reaction)
class ReactionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "program", "activity", "submitted_at"]
    raw_id_fields = ["employee", "program", "activity"]


class ObservationInline(admin.TabularInline):
    model = Observation
    extra = 0


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "program", "activity", "recorded_by", "recorded_at"]
    raw_id_fields = ["employee", "program", "activity", "recorded_by"]
    inlines = [ObservationInline]


@admin.register(ProgramChange)
class ProgramChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the roll-up is written by ``evaluations.rollups`` only."""

    list_display = ["program", "unit", "active", "people"]
    list_filter = ["active"]
    raw_id_fields = ["program", "unit"]


@admin.register(DueFollowUpDay)
class DueFollowUpDayAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the roll-up is written by ``evaluations.rollups`` only."""

    list_display = ["unit", "kind", "completed_on", "outstanding"]
    list_filter = ["kind"]
    raw_id_fields = ["unit"]
    list_select_related = ["unit"]
