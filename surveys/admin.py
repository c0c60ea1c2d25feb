from django.contrib import admin

from sosiokultural.admin import ReadOnlyAdminMixin
from surveys.models import (
    Answer,
    Element,
    ElementSet,
    ElementTotal,
    FollowUp,
    Publication,
    ReportedScore,
    Response,
    Survey,
)


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0
    fields = ["order", "code", "name", "sociocultural"]


@admin.register(ElementSet)
class ElementSetAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_default"]
    search_fields = ["name", "code"]
    inlines = [ElementInline]


class ReportedScoreInline(admin.TabularInline):
    model = ReportedScore
    extra = 0
    fields = ["element", "score"]
    readonly_fields = ["element", "score"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    """Surveys are written through the import and the reported-values page (so
    imports stay all or nothing); the admin may correct the population and source,
    or delete a survey."""

    list_display = ["unit", "year", "quarter", "element_set", "kind", "population"]
    list_filter = ["kind", "year", "quarter", "element_set"]
    search_fields = ["unit__name", "unit__code"]
    list_select_related = ["unit", "element_set"]
    fields = [
        "unit",
        "year",
        "quarter",
        "element_set",
        "kind",
        "reported_total",
        "reported_respondents",
        "population",
        "source",
        "created_by",
        "created_at",
    ]
    readonly_fields = [
        "unit",
        "year",
        "quarter",
        "element_set",
        "kind",
        "reported_total",
        "reported_respondents",
        "created_by",
        "created_at",
    ]
    inlines = [ReportedScoreInline]

    def has_add_permission(self, request):
        return False


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    """Imported respondents, read-only: a correction is a re-import with --replace."""

    list_display = ["survey", "row", "gender", "age", "service_type"]
    list_filter = ["survey__year", "survey__quarter"]
    list_select_related = ["survey", "survey__unit"]
    inlines = [AnswerInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    # Deleting one respondent would leave the survey's totals (ElementTotal)
    # behind: a correction is a re-import, which replaces the whole survey.
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ElementTotal)
class ElementTotalAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # The roll-up the import writes with the answers (rebuild_rollups).
    list_display = ["survey", "element", "total", "answers"]
    list_select_related = ["survey", "survey__unit", "element"]


@admin.register(FollowUp)
class FollowUpAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    # Written on the survey's follow-up page, which keeps the audit trail.
    list_display = ["survey", "element", "action", "owner", "due_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["survey", "owner", "activity", "program"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["survey", "channel", "published_on"]
    list_filter = ["channel"]
    raw_id_fields = ["survey"]
