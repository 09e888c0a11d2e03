"""The server-rendered library: the API's search, filters, facet counts, sort and paging, as a
plain HTML form on the case-study index page."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def lib(django_db_setup, django_db_blocker):
    yield from factories.shared_library(django_db_blocker)


def get(client, lib, query: str = ""):
    response = client.get(lib.index_page.url + query)
    return response, response.content.decode()


def card_titles(html: str) -> list[str]:
    return re.findall(r'class="cs-card__title"><a href="[^"]*">([^<]*)</a>', html)


def choice(html: str, name: str, value: str) -> str:
    """The checkbox (or radio) for one facet value, with its label."""
    match = re.search(
        rf'<input type="(?:checkbox|radio)" id="([^"]+)" name="{name}" value="{value}"'
        rf'( checked)?>\s*<label for="\1">([^<]*)(?:<span class="cs-muted">\((\d+)\)</span>)?',
        html,
    )
    assert match, f"no {name}={value} choice"
    return match


def test_the_form_works_without_javascript(client, lib):
    response, html = get(client, lib)
    assert response.status_code == 200
    form = html[html.index('<form class="cs-filters"') : html.index("</form>")]
    assert 'method="get"' in form and 'action="/case-studies/"' in form
    assert '<input type="search" id="cs-search" name="search"' in form
    assert '<button type="submit" class="cs-button">Apply filters</button>' in form
    assert "<script" not in html
    # The facets are collapsed (<details>) until one of their values is chosen.
    assert '<details class="cs-facet">' in form


def test_every_visible_case_study_is_listed_and_nothing_else(client, lib):
    _, html = get(client, lib)
    assert card_titles(html) == [page.title for page in lib.visible]  # newest first
    assert "Your search returned 3 results" in html
    for hidden in (lib.draft, lib.private, lib.elsewhere):
        assert hidden.title not in html


def test_facets_count_what_each_choice_would_give(client, lib):
    _, html = get(client, lib)
    # The draft, the private and the other site's case studies (all "Waste") are not counted.
    assert choice(html, "topic", "waste").group(4) == "2"
    assert choice(html, "topic", "housing").group(4) == "1"
    assert choice(html, "support_type", "one-public-estate").group(4) == "1"
    assert choice(html, "council_type", "county").group(4) == "1"
    assert choice(html, "region", "south_east").group(4) == "2"
    assert choice(html, "year", "2022").group(4) == "1"
    assert choice(html, "covid", "true").group(4) == "2"
    # A value nothing has is not offered.
    assert 'name="region" value="london"' not in html


def test_ticking_a_facet_filters_and_matches_the_api(client, lib):
    response, html = get(client, lib, "?topic=waste&covid=&date_from=&order=-date")
    assert response.status_code == 200
    assert card_titles(html) == [lib.homes.title, lib.bins.title]
    assert "Your search returned 2 results" in html
    assert choice(html, "topic", "waste").group(2) == " checked"
    assert '<details class="cs-facet" open>' in html
    api = client.get("/api/v2/case-studies/?topic=waste&facets=topic,covid").json()
    assert api["meta"]["total_count"] == 2
    # The topic facet ignores its own filter (Cyber would give 1 more); COVID-19 counts within it.
    topics = {item["value"]: item["count"] for item in api["meta"]["facets"]["topic"]}
    assert choice(html, "topic", "cyber").group(4) == str(topics["cyber"]) == "1"
    covid = {item["value"]: item["count"] for item in api["meta"]["facets"]["covid"]}
    assert choice(html, "covid", "true").group(4) == str(covid[True]) == "1"


def test_search_sort_and_dates(client, lib):
    _, html = get(client, lib, "?search=bins")
    assert card_titles(html) == [lib.bins.title]
    assert 'value="bins"' in html
    assert '<option value="relevance" selected>Best match</option>' in html
    _, html = get(client, lib, "?order=title")
    assert card_titles(html) == sorted(page.title for page in lib.visible)
    assert '<option value="title" selected>' in html
    assert "Best match" not in html  # no search, nothing to rank
    _, html = get(client, lib, "?date_from=2021-01-01&date_to=2021-12-31")
    assert card_titles(html) == [lib.bins.title]
    # "Best match" left selected after clearing the search is a plain listing, not an error.
    response, html = get(client, lib, "?search=&order=relevance")
    assert response.status_code == 200 and "Your search returned 3 results" in html


def test_a_council_link_filters_and_can_be_removed(client, lib):
    _, html = get(client, lib, f"?council={lib.kent.slug}&include_districts=true")
    assert card_titles(html) == [lib.homes.title, lib.bins.title]  # Dover is in Kent
    assert "Council: Kent County Council" in html
    assert f'<input type="hidden" name="council" value="{lib.kent.slug}">' in html
    assert '<a href="?include_districts=true">Remove' in html


def test_bad_input_is_a_400_that_names_the_field(client, lib):
    response, html = get(client, lib, "?date_from=yesterday&topic=waste")
    assert response.status_code == 400
    assert "There is a problem with your search" in html
    assert "date_from: must be a date as YYYY-MM-DD" in html
    assert 'id="cs-date-from" name="date_from" value="yesterday" aria-invalid="true"' in html
    assert "Your search returned 0 results" in html
    assert choice(html, "topic", "waste").group(4) == "2"  # the form still offers the library
    response, html = get(client, lib, "?date_from=yesterday&page=3")
    assert response.status_code == 400 and "Page 3" not in html
    response, html = get(client, lib, "?topic=no-such-topic")
    assert response.status_code == 400 and "topic: unknown value no-such-topic" in html


def test_parameters_the_api_does_not_know_are_ignored(client, lib):
    response, html = get(client, lib, "?utm_source=newsletter&fields=body&limit=1")
    assert response.status_code == 200
    assert "Your search returned 3 results" in html and len(card_titles(html)) == 3


def test_paging_keeps_the_filters(client, lib):
    topic = factories.make_topic("Planning")
    for number in range(12):
        factories.make_case_study(lib.index_page, f"Case {number:02}", topics=[topic])
    _, html = get(client, lib, "?topic=planning&order=title")
    assert card_titles(html) == [f"Case {number:02}" for number in range(10)]
    assert '<a rel="next" href="?topic=planning&amp;order=title&amp;page=2">' in html
    _, html = get(client, lib, "?topic=planning&order=title&page=2")
    assert card_titles(html) == ["Case 10", "Case 11"]
    assert '<a rel="prev" href="?topic=planning&amp;order=title">' in html
    assert "Page 2 of 2" in html


@pytest.mark.parametrize("more", [0, 10])
def test_queries_do_not_grow_with_filters_or_results(
    client, lib, more, django_assert_max_num_queries
):
    topic = factories.make_topic("Planning")
    for number in range(more):
        factories.make_case_study(lib.index_page, f"Planning case {number}", topics=[topic])
    query = "?topic=planning,waste&search=happened&council_type=unitary,district,county"
    get(client, lib, query)  # warm the site and search caches
    # 17 whatever the results: 3 of them find the listing's locale (the index page's), the
    # site's root pages in every language, and the topics' translations.
    with django_assert_max_num_queries(17):
        response, html = get(client, lib, query)
    assert response.status_code == 200
    assert len(card_titles(html)) >= 2  # Kent (a county) and Dover (a district): waste


def test_a_case_study_links_its_councils_topics_keywords_hub_and_index(client, lib):
    hub = factories.make_hub_page(lib.index_page, title="COVID-19 good practice")
    lib.index_page.covid_hub = hub
    lib.index_page.save_revision().publish()
    html = client.get(lib.homes.url).content.decode()
    nav = html[html.index('<nav class="cs-breadcrumb"') : html.index("</nav>")]
    assert '<a href="/case-studies/">Case studies</a>' in nav
    assert f'<a href="{hub.relative_url(hub.get_site())}">COVID-19 good practice</a>' in nav
    assert f'<a href="/case-studies/?council={lib.dover.slug}">Dover District Council</a>' in html
    assert '<a href="/case-studies/?topic=housing">Housing</a>' in html
    assert "Part of our <a href=" in html
    # Each link lists the case study on the index page.
    for query in (f"?council={lib.dover.slug}", "?topic=housing"):
        _, listing = get(client, lib, query)
        assert lib.homes.title in card_titles(listing), query
    html = client.get(lib.bins.url).content.decode()
    assert '<a class="cs-tag" href="/case-studies/?tag=bins">bins</a>' in html
    assert "COVID-19 good practice" not in html  # not a COVID-19 case study
    _, listing = get(client, lib, "?tag=bins")
    assert card_titles(listing) == [lib.bins.title]
    assert "Keyword: bins" in listing


def test_cards_link_to_their_main_topic(client, lib):
    _, html = get(client, lib)
    assert '<a href="/case-studies/?topic=waste">View all Waste case studies</a>' in html
