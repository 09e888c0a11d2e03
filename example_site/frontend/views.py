"""The front end's two server-side views: the HTML shell and the preview data.

Everything a visitor sees is built in the browser from the public API; the shell only tells the
JavaScript where the API and the submission endpoint are. The preview data is not part of the
API: it is the unsaved draft an editor asked to preview, readable only with its token.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.models import Site

from . import preview


@xframe_options_sameorigin  # the admin's preview panel shows the preview in an iframe
def shell(request: HttpRequest, route: str = "") -> HttpResponse:
    site = Site.find_for_request(request)
    # Empty: the API is on this origin. Set, the front end reads another origin's API (CORS).
    api_origin = getattr(settings, "FRONTEND_API_ORIGIN", "").rstrip("/")
    config = {
        "base": reverse("frontend:home"),
        "api": api_origin + "/api/v2/",
        "submit": api_origin + reverse("wagtail_casestudies:submit"),
        "schema": api_origin + reverse("wagtail_casestudies:template_schema"),
        "templateDocx": api_origin + reverse("wagtail_casestudies:template_docx"),
        "previewData": reverse("frontend:preview_data"),
        "siteName": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
    }
    return render(request, "frontend/shell.html", {"config": config})


@never_cache
def preview_data(request: HttpRequest) -> JsonResponse:
    data = preview.load(request.GET.get("token", ""))
    if data is None:
        raise Http404("This preview has expired. Press Preview in the editor again.")
    response = JsonResponse(data)
    response["X-Robots-Tag"] = "noindex"
    return response
