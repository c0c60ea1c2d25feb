from django.contrib import admin

from siasn.models import CourseMapping, SiasnPerson, SiasnRecord, SyncRun
from sosiokultural.admin import ReadOnlyAdminMixin


@admin.register(CourseMapping)
class CourseMappingAdmin(admin.ModelAdmin):
    """The per-form SIASN course type: data BPSDM edits."""

    list_display = [
        "form",
        "jenis_diklat_id",
        "jenis_kursus",
        "jenis_kursus_sertipikat",
        "reportable",
    ]
    list_editable = ["jenis_diklat_id", "reportable"]


@admin.register(SiasnPerson)
class SiasnPersonAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "pns_orang_id", "fetched_at"]
    search_fields = ["employee__name", "employee__nip"]


@admin.register(SiasnRecord)
class SiasnRecordAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["employee", "source_key", "siasn_id", "status", "synced_at"]
    list_filter = ["status"]
    search_fields = ["employee__name", "employee__nip", "siasn_id"]


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["pk", "kind", "unit", "state", "requested_at", "finished_at"]
    list_filter = ["kind", "state"]
