"""Headless preview: an editor presses Preview and sees the unsaved draft in this front end.

Wagtail builds the draft from the editor's form and hands it to the page's preview machinery.
For case studies the front end's views (see ``wagtail_hooks.py``) do not render a Django
template: they serialise the draft exactly as the API's detail endpoint would serialise a
published case study, keep that data in a table (``PreviewDraft``) under a random token for
``FRONTEND_PREVIEW_TIMEOUT`` seconds, and redirect the preview panel to
``/frontend/preview/?token=…``, where the front end renders it with the same code it uses for
live case studies.

The draft never goes near the public API: nothing is saved to the page tree, the API's querysets
only see live pages, and the preview data is answered by its own view, to whoever holds the
token (the editor's preview panel), not by any API endpoint.

A front end on another origin (``FRONTEND_URL``) works the same way: the panel is redirected
there, and that front end reads the data from this site's origin with the token alone, so no
cookie of the CMS has to cross origins (CORS_URLS_REGEX in settings.py covers the data URL).
"""

from __future__ import annotations

import datetime
import secrets
from typing import Any

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from wagtail.models import Site

from wagtail_casestudies import representation
from wagtail_casestudies.api.related import related_ids
from wagtail_casestudies.api.views import CaseStudiesAPIViewSet
from wagtail_casestudies.visibility import visible_cards_of, visible_case_studies_of

from .models import PreviewDraft


def timeout() -> int:
    return getattr(settings, "FRONTEND_PREVIEW_TIMEOUT", 60 * 60)


def case_study_data(page, request) -> dict[str, Any]:
    """A case study (saved or not) in the shape of ``GET /api/v2/case-studies/<id>/``."""
    viewset = CaseStudiesAPIViewSet()
    fields = viewset.detail_field_names()
    context = representation.CardContext(request)
    extras = [name for name in fields if name not in representation.CARD_FIELDS]
    data = viewset.item_data(page, fields, context, viewset.bind_extra_fields(extras, request))
    data["meta"].update(seo_title=page.seo_title, search_description=page.search_description)
    site = Site.find_for_request(request)
    visible = visible_case_studies_of(site)
    related = related_ids(page, visible_cards_of(site))
    data["related"] = representation.cards_for_ids(related, visible, context)
    return data


def store(data: dict[str, Any]) -> str:
    """Keep preview data under a new unguessable token until it expires; return the token.
    Expired drafts are deleted here, so the table holds only the drafts still in use."""
    now = timezone.now()
    PreviewDraft.objects.filter(expires_at__lte=now).delete()
    token = secrets.token_urlsafe(24)
    PreviewDraft.objects.create(
        token=token, data=data, expires_at=now + datetime.timedelta(seconds=timeout())
    )
    return token


def load(token: str) -> dict[str, Any] | None:
    if not token or len(token) > 64:
        return None
    draft = PreviewDraft.objects.filter(token=token, expires_at__gt=timezone.now()).first()
    return draft.data if draft is not None else None


def preview_url(token: str) -> str:
    """Where the preview panel is sent: this site's front end, or, with ``FRONTEND_URL`` set,
    the front end on its own origin (e.g. ``https://casestudies.example.org/frontend/``). The
    token is the only credential: the front end fetches the draft from this site's
    ``/frontend/preview/data/`` across origins (CORS), without the editor's cookies."""
    query = "?" + urlencode({"token": token})
    front_end = getattr(settings, "FRONTEND_URL", "")
    if front_end:
        return front_end.rstrip("/") + "/preview/" + query
    return reverse("frontend:route", kwargs={"route": "preview/"}) + query


class FrontEndPreviewMixin:
    """For Wagtail's page preview views (edit and create): answer with a redirect to the front
    end instead of rendering the page's Django template.

    Wagtail's view validates the editor's form, applies it to the page in memory
    (``form.save(commit=False)``) and ends by calling ``page.make_preview_request()``. That last
    call is replaced, for this request only, by one that stores the draft's API data.
    """

    def get(self, request, *args, **kwargs):
        page = self.object

        def make_headless_preview_request(original_request=None, *args, **kwargs):
            token = store({"type": "case_study", "data": case_study_data(page, request)})
            return redirect(preview_url(token))

        page.make_preview_request = make_headless_preview_request
        return super().get(request, *args, **kwargs)
