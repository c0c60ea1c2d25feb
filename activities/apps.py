from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Kegiatan pengembangan internal")

    def ready(self) -> None:
        # Register every internal form (``activities/kinds/``) at start-up.
        from activities import registry

        registry.kinds()
