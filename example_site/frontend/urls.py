from django.urls import path, re_path

from . import views

app_name = "frontend"

urlpatterns = [
    path("preview/data/", views.preview_data, name="preview_data"),
    # Every other address is the same shell; the JavaScript routes by path.
    path("", views.shell, name="home"),
    re_path(r"^(?P<route>.+)$", views.shell, name="route"),
]
