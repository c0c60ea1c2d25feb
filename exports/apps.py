from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = _("Ekspor")

    def ready(self) -> None:
        # Each project app declares its exports in ``<app>/exports.py``; importing
        # them registers the kinds a background job may build.
        from sosiokultural.registry import project_modules

        project_modules("exports")
