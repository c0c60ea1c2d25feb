from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark of the synthetic province: no models, no URLs, only its
    management commands (``bench_reports``, ``bench_pages``)."""

    name = "bench"
    verbose_name = "Benchmark"
