from django.contrib import admin

from calendars.models import CalendarFeed
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(CalendarFeed)
class CalendarFeedAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["user", "kind", "unit", "created_at", "revoked_at"]
    list_filter = ["kind"]
    exclude = ["digest"]
