from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from api import endpoints, views

router = SimpleRouter(use_regex_path=False)
router.register("units", endpoints.UnitViewSet, basename="unit")
router.register("employees", endpoints.EmployeeViewSet, basename="employee")
router.register("dimensions", endpoints.DimensionViewSet, basename="dimension")
router.register("levels", endpoints.LevelViewSet, basename="level")
router.register("standards", endpoints.StandardViewSet, basename="standard")
router.register("activities", endpoints.ActivityViewSet, basename="activity")
router.register("jp-entries", endpoints.JPEntryViewSet, basename="jp-entry")
router.register("jp-standings", endpoints.StandingViewSet, basename="jp-standing")
router.register("latest-levels", endpoints.LatestLevelViewSet, basename="latest-level")
router.register("results", endpoints.ResultViewSet, basename="result")
router.register("programs", endpoints.ProgramViewSet, basename="program")
router.register("nominations", endpoints.NominationViewSet, basename="nomination")

app_name = "api"
urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "api/docs/",
        SpectacularSwaggerView.as_view(url_name="api:schema"),
        name="docs",
    ),
    path(
        "api/v1/reports/aggregate/",
        endpoints.AggregateView.as_view(),
        name="aggregate",
    ),
    path("api/v1/", include(router.urls)),
    path("akun/token-api/", views.token_list, name="tokens"),
    path("akun/token-api/<int:pk>/cabut/", views.token_revoke_view, name="revoke"),
]
