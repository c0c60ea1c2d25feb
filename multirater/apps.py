from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MultiraterConfig(AppConfig):
    name = "multirater"
    verbose_name = _("Penilaian 360")
