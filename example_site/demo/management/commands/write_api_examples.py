"""Write docs/api-examples.md: a real request and response for every filter, facet and endpoint,
made against the demo library, so the API reference's examples are what the API really says.

    python manage.py load_demo_content
    python manage.py write_api_examples ../docs/api-examples.md
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand
from django.test import Client

HOST = "www.example.gov.uk"

INTRO = """# API examples

Every request below was made against the example site's demo library
(`python manage.py write_api_examples`, in `example_site/demo/`), and every response is what the
API answered, shortened: long lists are cut to their first items and long text ends in `…`
(`meta.total_count` still counts every match). Each example matches the response schema of its
path in the OpenAPI document (the test suite checks it). The listing
examples ask for `fields=_,title` so the filter's effect stands out; without it each item is a
full card (see [The API](api.md)).
"""

# (heading, note, path)
SECTIONS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Listing, filters and search",
        [
            (
                "A page of cards",
                "Newest first; `meta.total_count` counts every match.",
                "/api/v2/case-studies/?limit=1",
            ),
            (
                "`topic`",
                "Any of the topics (OR).",
                "/api/v2/case-studies/?topic=waste-and-recycling,climate-change&fields=_,title&limit=2",
            ),
            (
                "`council` (slug or GSS code)",
                "Any linked council.",
                "/api/v2/case-studies/?council=E06000052&fields=_,title",
            ),
            (
                "`council` with `include_districts`",
                "A county and the districts inside it.",
                "/api/v2/case-studies/?council=devon-county-council&include_districts=true"
                "&fields=_,title",
            ),
            (
                "`council_type`",
                "",
                "/api/v2/case-studies/?council_type=district&fields=_,title&limit=2",
            ),
            (
                "`region`",
                "A region of England, or a nation.",
                "/api/v2/case-studies/?region=scotland&fields=_,title&limit=2",
            ),
            (
                "`support_type`",
                "",
                "/api/v2/case-studies/?support_type=one-public-estate&fields=_,title",
            ),
            (
                "`tag`",
                "A keyword, by slug or name.",
                "/api/v2/case-studies/?tag=net-zero&fields=_,title",
            ),
            ("`covid`", "", "/api/v2/case-studies/?covid=true&fields=_,title&limit=2"),
            (
                "`date_from` and `date_to`",
                "Inclusive, on the publication date.",
                "/api/v2/case-studies/?date_from=2021-01-01&date_to=2021-06-30&fields=_,title,date",
            ),
            ("`year`", "", "/api/v2/case-studies/?year=2019,2020&fields=_,title,date&limit=2"),
            (
                "`search`",
                "Ranked by relevance unless `order` is given.",
                "/api/v2/case-studies/?search=vaccine&fields=_,title",
            ),
            (
                "`search_operator=or`",
                "Any of the words.",
                "/api/v2/case-studies/?search=flood+erosion&search_operator=or&fields=_,title",
            ),
            (
                "`order`",
                "`title`, `-title`, `date`, `-date`.",
                "/api/v2/case-studies/?order=title&fields=_,title&limit=2",
            ),
            (
                "Filters combined",
                "Different filters narrow each other (AND).",
                "/api/v2/case-studies/?topic=public-health&covid=true&region=london&fields=_,title",
            ),
        ],
    ),
    (
        "Facets",
        [
            ("`facets=topic`", "", "/api/v2/case-studies/?facets=topic&limit=0"),
            ("`facets=support_type`", "", "/api/v2/case-studies/?facets=support_type&limit=0"),
            ("`facets=council_type`", "", "/api/v2/case-studies/?facets=council_type&limit=0"),
            ("`facets=region`", "", "/api/v2/case-studies/?facets=region&limit=0"),
            ("`facets=year`", "", "/api/v2/case-studies/?facets=year&limit=0"),
            ("`facets=covid`", "", "/api/v2/case-studies/?facets=covid&limit=0"),
            (
                "Facets with a filter",
                "Each facet applies the other filters, not its own: `covid` "
                "counts only public-health case studies, while `topic` still counts every topic.",
                "/api/v2/case-studies/?topic=public-health&facets=covid,topic&limit=0",
            ),
        ],
    ),
    (
        "Detail",
        [
            (
                "By path (`find`)",
                "What a front end routing by path asks.",
                "/api/v2/case-studies/find/?html_path=/cornwall-development-and-decision-wheel/",
            ),
            (
                "In Welsh, with its translations",
                "`meta.locale` is the case study's language; `meta.translations` links the same "
                "case study in the others.",
                "/api/v2/case-studies/find/?slug=cardiff-test-trace-protect&locale=cy"
                "&fields=_,title,summary",
            ),
            (
                "A listing in Welsh (`locale`)",
                "",
                "/api/v2/case-studies/?locale=cy&fields=_,title&limit=2",
            ),
        ],
    ),
    (
        "Councils, topics, support types",
        [
            (
                "Councils with filters",
                "",
                "/api/v2/councils/?council_type=district&parent=E10000016&limit=2",
            ),
            ("Abolished councils", "", "/api/v2/councils/?active=false&search=somerset&limit=2"),
            ("A council by GSS code", "", "/api/v2/councils/find/?gss_code=E10000027"),
            ("Topics with case studies", "", "/api/v2/topics/?has_case_studies=true&limit=3"),
            ("Support programmes", "", "/api/v2/support-types/?limit=2"),
        ],
    ),
    (
        "The COVID-19 hub",
        [
            (
                "The hub page",
                "Themes with every case-study entry as a card.",
                "/api/v2/pages/?type=wagtail_casestudies.CovidHubPage&slug=covid-19"
                "&fields=themes,featured_case_studies",
            ),
        ],
    ),
    (
        "Errors",
        [
            ("An unknown value", "", "/api/v2/case-studies/?topic=no-such-topic"),
            ("A bad limit", "", "/api/v2/case-studies/?limit=-1"),
            ("No such case study", "", "/api/v2/case-studies/-1/"),
            (
                "v3 errors",
                "RFC 7807 problem details.",
                "/api/v3/case-studies/?date_from=2021-13-01",
            ),
        ],
    ),
    (
        "v3 (Wagtail 8)",
        [
            (
                "The same listing on v3",
                "`count` and `items` (and `facets`).",
                "/api/v3/case-studies/?covid=true&facets=covid&limit=1",
            ),
            (
                "A detail on v3",
                "",
                "/api/v3/case-studies/find/?slug=cardiff-test-trace-protect&locale=cy",
            ),
            (
                "An id that names nothing",
                "Any path segment that is not an id: a 404 in the documented shape.",
                "/api/v3/case-studies/-1/",
            ),
        ],
    ),
]


def shorten(value, depth: int = 0):
    """Cut long lists and strings so an example fits on a screen. What is left keeps the
    response's shape (a cut list just has fewer items), so every example still matches the
    OpenAPI document (tests/test_api_openapi.py)."""
    if isinstance(value, list):
        keep = 2 if depth else 3
        return [shorten(item, depth + 1) for item in value[:keep]]
    if isinstance(value, dict):
        return {key: shorten(item, depth + 1) for key, item in value.items()}
    if isinstance(value, str) and len(value) > 160:
        return value[:150] + "…"
    return value


class Command(BaseCommand):
    help = "Write docs/api-examples.md from real API responses over the demo content."

    def add_arguments(self, parser):
        parser.add_argument("output", nargs="?", default="../docs/api-examples.md")

    def handle(self, *args, output: str, **options):
        from urllib.parse import urlsplit

        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        host = urlsplit(site.root_url).netloc if site else HOST
        client = Client(HTTP_HOST=host)
        lines = [INTRO]
        for heading, examples in SECTIONS:
            lines.append(f"## {heading}\n")
            for title, note, path in examples:
                response = client.get(path, follow=True)
                data = shorten(json.loads(response.content))
                lines.append(f"### {title}\n")
                if note:
                    lines.append(f"{note}\n")
                lines.append(f"```http\nGET {path}\n```\n")
                body = json.dumps(data, indent=2, ensure_ascii=False)
                lines.append(f"`{response.status_code}`\n\n```json\n{body}\n```\n")
        Path(output).write_text("\n".join(lines))
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
