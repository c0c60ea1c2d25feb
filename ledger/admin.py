from django.contrib import admin

from ledger.models import FormYearChange, FormYearEntries, JPEntry, JPRule, JPTotal
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(JPEntry)
class JPEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: credits are written by the activity and program services, so the
    ledger always matches verified activities and completed programs."""

    list_display = [
        "occurred_on",
        "employee",
        "source",
        "form",
        "minutes",
        "description",
    ]
    list_filter = ["source", "form"]
    search_fields = ["employee__name", "employee__nip", "source_key", "description"]
    date_hierarchy = "occurred_on"
    list_select_related = ["employee", "form"]


@admin.register(JPRule)
class JPRuleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: versions are added on the rules page (``/jp/aturan/``), which
    never lets the past be re-ruled."""

    list_display = [
        "employment_status",
        "effective_from",
        "kind",
        "jp",
        "basis",
        "minutes_per_jp",
        "legal_basis",
    ]
    list_filter = ["employment_status", "kind", "basis"]


@admin.register(JPTotal)
class JPTotalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the roll-up is written by ``ledger.services`` only."""

    list_display = ["employee", "basis", "starts_on", "ends_on", "minutes", "jp"]
    list_filter = ["basis"]
    search_fields = ["employee__name", "employee__nip"]
    list_select_related = ["employee"]


@admin.register(FormYearEntries)
class FormYearEntriesAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "year", "source", "form", "entries"]
    list_filter = ["year", "source", "form"]
    raw_id_fields = ["employee"]


@admin.register(FormYearChange)
class FormYearChangeAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the roll-up is written by ``ledger.rollups`` only."""

    list_display = ["unit", "year", "form", "active", "people", "entries"]
    list_filter = ["year", "form", "active"]
    raw_id_fields = ["unit"]
