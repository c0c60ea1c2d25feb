"""Activity forms, one class per internal development form."""

from activities.forms.base import ActivityForm
from activities.forms.group import BenchmarkingForm, BriefingForm, GatheringForm
from activities.forms.quick import QuickBriefingForm
from activities.forms.single import (
    CoachingSessionForm,
    PersonalApproachForm,
    SelfDevelopmentForm,
)
from activities.models import (
    FORM_BENCHMARKING,
    FORM_BRIEFING,
    FORM_COACHING,
    FORM_GATHERING,
    FORM_PERSONAL,
    FORM_SELF,
)

FORM_CLASSES: dict[str, type[ActivityForm]] = {
    FORM_BRIEFING: BriefingForm,
    FORM_COACHING: CoachingSessionForm,
    FORM_PERSONAL: PersonalApproachForm,
    FORM_GATHERING: GatheringForm,
    FORM_BENCHMARKING: BenchmarkingForm,
    FORM_SELF: SelfDevelopmentForm,
}

__all__ = ["FORM_CLASSES", "ActivityForm", "QuickBriefingForm"]
