from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "bench"
    label = "casestudies_bench"
    verbose_name = "wagtail-casestudies benchmark"
