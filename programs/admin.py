from django.contrib import admin

from programs.models import Exchange, Nomination, Program, Submission


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    """Read-only: programs are edited on /program/ so capacity, the wait list and
    JP credits stay consistent."""

    list_display = ["title", "form", "mode", "starts_on", "ends_on", "jp", "capacity"]
    list_filter = ["form", "mode"]
    search_fields = ["title"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    """Read-only: states change through the workflow (capacity, notices, JP)."""

    list_display = ["employee", "program", "state", "outcome", "created_at"]
    list_filter = ["state", "outcome"]
    search_fields = ["employee__name", "program__title"]
    list_select_related = ["employee", "program"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Exchange)
class ExchangeAdmin(admin.ModelAdmin):
    list_display = ["employee", "partner", "starts_on", "ends_on"]
    search_fields = ["employee__name", "partner"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["unit", "as_of", "submitted_at", "employee_count"]
    list_select_related = ["unit"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
