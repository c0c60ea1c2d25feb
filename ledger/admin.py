from django.contrib import admin

from ledger.models import JPEntry
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
