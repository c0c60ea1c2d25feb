"""Admin pages for activities. ``PersonalNote`` is deliberately NOT registered and
no inline shows it: its text is for the head who wrote it and the employee
concerned only, not for administrators."""

from django.contrib import admin

from activities import registry
from activities.models import Activity, Attendance, AttendeeUnit, Coaching, Evidence
from sosiokultural.admin import ReadOnlyAdminMixin

# Activities change through the app only: every change moves JP credits and sends
# notices, which a raw admin edit would skip.
ReadOnlyAdmin = ReadOnlyAdminMixin


class AttendanceInline(ReadOnlyAdmin, admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["employee", "status"]


class EvidenceInline(ReadOnlyAdmin, admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["original_name", "kind", "size", "uploaded_by", "uploaded_at"]


def _detail_inline(detail_model):
    return type(
        f"{detail_model.__name__}Inline",
        (ReadOnlyAdmin, admin.StackedInline),
        {"model": detail_model, "extra": 0, "max_num": 1},
    )


# The per-form details (``activities/kinds/``); a private one (the notes of a
# personal approach) never.
DETAIL_INLINES = [
    _detail_inline(kind.detail_model)
    for kind in registry.kinds()
    if kind.detail_model is not None and not kind.detail_private
]


@admin.register(Activity)
class ActivityAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["started_at", "form", "unit", "duration_minutes", "status"]
    list_filter = ["status", "form"]
    date_hierarchy = "started_at"
    list_select_related = ["form", "unit"]
    search_fields = ["unit__name", "summary"]
    inlines = [*DETAIL_INLINES, AttendanceInline, EvidenceInline]


@admin.register(Coaching)
class CoachingAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    list_display = ["coachee", "coach", "unit", "started_on", "status"]
    list_filter = ["status"]


@admin.register(AttendeeUnit)
class AttendeeUnitAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # The roll-up the attendance writer and employee moves keep (rebuild_rollups).
    list_display = ["activity", "unit", "attendees"]
    list_select_related = ["activity", "activity__form", "activity__unit", "unit"]
