"""Read-mostly admin: writes go through the services (frozen versions, audit)."""

from django.contrib import admin

from assessments.models import (
    Attempt,
    Instrument,
    Item,
    ItemOption,
    LatestLevel,
    Rescore,
    Result,
    TestWindow,
)


class ItemOptionInline(admin.TabularInline):
    model = ItemOption
    extra = 0


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "dimension", "trait", "reverse_keyed", "is_active"]
    list_filter = ["kind", "dimension", "is_active"]
    search_fields = ["code", "stem"]
    inlines = [ItemOptionInline]


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["code", "version", "name", "status", "time_limit_minutes"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        # A published version is frozen; drafts are edited on the BPSDM pages.
        return False


@admin.register(TestWindow)
class TestWindowAdmin(admin.ModelAdmin):
    list_display = ["title", "instrument", "opens_at", "closes_at", "unit"]


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["window", "employee", "status", "started_at", "submitted_at"]
    list_filter = ["status"]
    readonly_fields = ["started_at", "deadline", "submitted_at", "auto_submitted"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Result)
class ResultAdmin(admin.ModelAdmin):
    list_display = ["employee", "instrument", "assessed_on", "status", "revision"]
    list_filter = ["status"]

    def has_change_permission(self, request, obj=None):
        # Released results change only through the audited re-score.
        return False


@admin.register(Rescore)
class RescoreAdmin(admin.ModelAdmin):
    list_display = ["result", "rescored_by", "rescored_at"]

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(LatestLevel)
class LatestLevelAdmin(admin.ModelAdmin):
    list_display = ["employee", "dimension", "level", "assessed_on"]

    def has_change_permission(self, request, obj=None):
        return False
