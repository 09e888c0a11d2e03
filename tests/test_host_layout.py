"""The package's pages render inside the host site's own layout, with the userbar and the
active language."""

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from tests import factories

pytestmark = pytest.mark.django_db

HOST_TEMPLATES = str(Path(__file__).parent / "host_templates")


def templates_with_host_dir() -> list[dict]:
    """The test settings' TEMPLATES plus a directory holding a host site's ``base.html``."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [HOST_TEMPLATES]
    return templates


@pytest.fixture
def host_layout():
    with override_settings(TEMPLATES=templates_with_host_dir()):
        yield


@pytest.fixture
def pages(index_page):
    case_study = factories.make_case_study(index_page, "Cornwall Council: rounds")
    hub = factories.make_hub_page(index_page)
    return {"index": index_page, "case study": case_study, "hub": hub}


def test_without_a_host_layout_the_package_layout_is_a_whole_document(client, pages):
    for name, page in pages.items():
        html = client.get(page.url).content.decode()
        assert html.count("<html") == 1, name
        assert '<html lang="en-gb">' in html, name
        assert 'href="#main-content">Skip to main content</a>' in html, name
        assert "wagtail_casestudies/casestudies-base.css" in html, name
        assert "wagtail_casestudies/casestudies.css" in html, name
        assert "Host site header" not in html, name


def test_the_host_sites_base_html_is_the_layout(client, pages, host_layout):
    for name, page in pages.items():
        html = client.get(page.url).content.decode()
        assert html.count("<html") == 1, name
        assert "Host site header" in html and "Host site footer" in html, name
        assert f"<title>{page.title} - Host site</title>" in html, name
        # The package's styles go into the host's extra_css block, in the head; the package's
        # own page-wide styles (body, links, skip link) do not.
        head = html[: html.index("</head>")]
        assert "wagtail_casestudies/casestudies.css" in head, name
        assert html.count("wagtail_casestudies/casestudies.css") == 1, name
        assert "casestudies-base.css" not in html, name
        assert "cs-skip-link" not in html, name
        body = html[html.index("<main") :]
        assert f"<h1>{page.title}</h1>" in body, name
    html = client.get(pages["case study"].url).content.decode()
    assert '<body class="host-body cs-case-study">' in html


@override_settings(WAGTAIL_CASESTUDIES={"BASE_TEMPLATE": "other_layout.html"})
def test_the_setting_names_another_layout(client, pages, host_layout):
    html = client.get(pages["index"].url).content.decode()
    assert '<div class="other-layout">' in html
    assert "Host site header" not in html
    assert "<h1>Case studies</h1>" in html


@override_settings(WAGTAIL_CASESTUDIES={"BASE_TEMPLATE": "wagtail_casestudies/base.html"})
def test_the_setting_can_keep_the_package_layout_in_a_host(client, pages, host_layout):
    html = client.get(pages["index"].url).content.decode()
    assert "Host site header" not in html
    assert "cs-skip-link" in html


def test_the_userbar_is_shown_to_editors_only(client, admin_user, pages):
    for name, page in pages.items():
        client.force_login(admin_user)
        assert "<wagtail-userbar" in client.get(page.url).content.decode(), name
        client.logout()
        assert "<wagtail-userbar" not in client.get(page.url).content.decode(), name


@override_settings(LANGUAGE_CODE="cy")
def test_the_document_language_is_the_active_language(client, pages):
    html = client.get(pages["case study"].url).content.decode()
    assert '<html lang="cy">' in html


@override_settings(WAGTAIL_CASESTUDIES={"BASE_TEMPLATE": "no_css_block.html"})
def test_a_layout_without_extra_css_gets_the_styles_with_the_content(client, pages, host_layout):
    for name, page in pages.items():
        html = client.get(page.url).content.decode()
        assert html.count("wagtail_casestudies/casestudies.css") == 1, name
        main = html[html.index('<main id="main-content">') :]
        assert "wagtail_casestudies/casestudies.css" in main, name
