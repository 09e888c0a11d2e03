"""The front end's two server-side views: the HTML shell and the preview data.

Everything a visitor sees is built in the browser from the public API; the shell only tells the
JavaScript where the API and the submission endpoint are. The preview data is not part of the
API: it is the unsaved draft an editor asked to preview, readable only with its token.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.models import Page, Site

from wagtail_casestudies.models import (
    CaseStudyPage,
    CaseStudySubmissionPage,
    Council,
    CovidHubPage,
)

from . import preview

# The front end's own routes (see app.js); anything else is a case study or hub by its path.
APP_ROUTES = frozenset({"", "preview/", "submit/", "councils/"})
COUNCIL_ROUTE = re.compile(r"^councils/(?P<slug>[^/]+)/$")


def route_exists(site: Site | None, route: str) -> bool:
    """Whether the JavaScript will find something at ``route``, so an unknown address answers
    404 (with the same shell, which says "Page not found") rather than 200."""
    if route in APP_ROUTES:
        return True
    council = COUNCIL_ROUTE.match(route)
    if council:
        return Council.objects.filter(slug=council["slug"]).exists()
    if site is None:
        return False
    root = site.root_page
    # A page in another language sits below the home page's translation, and its path starts
    # with the language code (/cy/...), as Wagtail's i18n URLs have it.
    language, _, rest = route.partition("/")
    if language != root.locale.language_code:
        translated_root = root.get_translations().filter(locale__language_code=language).first()
        if translated_root is not None:
            root, route = translated_root, rest
    url_path = root.url_path + route.strip("/") + "/"
    return (
        Page.objects.live()
        .public()
        .type(CaseStudyPage, CovidHubPage)
        .filter(url_path=url_path)
        .exists()
    )


def submission_page_url(site: Site | None) -> str:
    """The package's own submission form (it takes attachments), if the site has one."""
    pages = CaseStudySubmissionPage.objects.live().public()
    if site is not None:
        pages = pages.in_site(site)
    page = pages.first()
    return (page.get_url() or "") if page else ""


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
        # The editor's drafts are stored by the CMS, so read from its origin too.
        "previewData": api_origin + reverse("frontend:preview_data"),
        "submitPage": submission_page_url(site),
        "siteName": (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME,
        # The switcher's languages, and the one a listing without ?locale= shows (the API's
        # default: the site's home page's locale).
        "languages": [list(language) for language in get_content_languages().items()],
        "defaultLanguage": (
            site.root_page.locale.language_code
            if site
            else get_supported_content_language_variant(settings.LANGUAGE_CODE)
        ),
    }
    status = 200 if route_exists(site, route) else 404
    # The language the page starts in (app.js sets it again from what it shows): a listing's
    # ?locale=, or the /<code>/ a translated page's path starts with.
    codes = {code for code, _name in config["languages"]}
    language = request.GET.get("locale") or route.partition("/")[0]
    language = language if language in codes else config["defaultLanguage"]
    context = {"config": config, "language": translation.to_locale(language).replace("_", "-")}
    return render(request, "frontend/shell.html", context, status=status)


@never_cache
def preview_data(request: HttpRequest) -> JsonResponse:
    data = preview.load(request.GET.get("token", ""))
    if data is None:
        raise Http404("This preview has expired. Press Preview in the editor again.")
    response = JsonResponse(data)
    response["X-Robots-Tag"] = "noindex"
    return response
