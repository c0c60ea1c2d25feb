from django.contrib import admin

from plans.models import DevelopmentPlan, PlanItem


class PlanItemInline(admin.TabularInline):
    model = PlanItem
    extra = 0
    raw_id_fields = ["created_by"]
    readonly_fields = ["created_on"]


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(admin.ModelAdmin):
    list_display = ["employee", "year", "created_at"]
    list_filter = ["year"]
    search_fields = ["employee__name", "employee__nip"]
    raw_id_fields = ["employee", "created_by"]
    inlines = [PlanItemInline]
