"""Rounds and who rates whom are in the admin, read only. Answers (``Response``,
``Rating``) are not: the admin lists rows one by one, and a round's few answers
listed one by one are exactly what the threshold hides."""

from django.contrib import admin

from multirater.models import Assignment, Round
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(Round)
class RoundAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["title", "unit", "year", "quarter", "status", "min_responses"]
    list_filter = ["status"]
    search_fields = ["title", "unit__name"]


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Who rates whom, never whether or what they answered.
    list_display = ["round", "ratee", "rater", "relation"]
    fields = ["round", "ratee", "rater", "relation"]
    raw_id_fields = ["round", "ratee", "rater"]
    list_select_related = ["round__unit", "ratee", "rater"]
