from django.contrib import admin

from ledger.models import JPEntry


@admin.register(JPEntry)
class JPEntryAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
