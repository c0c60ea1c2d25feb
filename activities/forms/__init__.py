"""Activity forms: the shared bases (``base``, ``group``), the phone's briefing
(``quick``) and the small forms of the list pages (``lists``). The form of each
internal development form is declared with it in ``activities/kinds/``."""

from activities.forms.base import ActivityForm
from activities.forms.quick import QuickBriefingForm

__all__ = ["ActivityForm", "QuickBriefingForm"]
