from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiasnConfig(AppConfig):
    name = "siasn"
    verbose_name = _("Pertukaran data SIASN")
