"""The admin site mirrors the in-app editing pages for administrators; it is also
where an administrator corrects a version that is already in force (the app does
not allow that, so that reports of past dates stay as they were)."""

from django.contrib import admin

from competencies.models import (
    DevelopmentForm,
    Dimension,
    FormDimension,
    Indicator,
    ProficiencyLevel,
    RaterGroupWeights,
    RequiredLevel,
    SetiaValue,
    Standard,
)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ["level", "order", "text", "text_en"]


class FormDimensionInline(admin.TabularInline):
    model = FormDimension
    extra = 0
    fields = ["form", "expected_profile", "expected_profile_en"]


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "code"]
    inlines = [IndicatorInline, FormDimensionInline]


@admin.register(ProficiencyLevel)
class ProficiencyLevelAdmin(admin.ModelAdmin):
    list_display = ["level", "name"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["dimension", "level", "order", "text"]
    list_filter = ["dimension", "level"]
    search_fields = ["text", "text_en"]


@admin.register(DevelopmentForm)
class DevelopmentFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "provider", "classification", "default_jp"]
    list_filter = ["provider", "classification"]


@admin.register(FormDimension)
class FormDimensionAdmin(admin.ModelAdmin):
    list_display = ["dimension", "form"]
    list_filter = ["dimension", "form__provider"]
    list_select_related = ["dimension", "form"]


@admin.register(SetiaValue)
class SetiaValueAdmin(admin.ModelAdmin):
    list_display = ["order", "name", "code"]
    filter_horizontal = ["dimensions"]


class RequiredLevelInline(admin.TabularInline):
    model = RequiredLevel
    extra = 0


class RaterGroupWeightsInline(admin.StackedInline):
    """The version's 360 rater-group weights (none: it combines nothing)."""

    model = RaterGroupWeights
    extra = 0
    max_num = 1


@admin.register(Standard)
class StandardAdmin(admin.ModelAdmin):
    list_display = ["effective_from", "name", "created_by"]
    inlines = [RequiredLevelInline, RaterGroupWeightsInline]
    readonly_fields = ["created_at", "created_by"]
