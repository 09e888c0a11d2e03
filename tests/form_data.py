"""Admin POST data for StreamField bodies, built on Wagtail's own test helpers."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

__all__ = ["inline_formset", "listblock", "nested_form_data", "rich_text", "streamfield"]


def listblock(items: list) -> dict:
    """ListBlock form data (Wagtail ≥ 2.16 format: count, then value/deleted/order/id per item)."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def full_body_form_data(council_pk: int, image_pk: int, document_pk: int) -> dict:
    """Every block type of the case-study body, as the page editor posts it."""
    return streamfield(
        [
            ("challenge", {"text": rich_text("<p>Missed bin collections in rural wards.</p>")}),
            ("solution", {"text": rich_text("<p>We rerouted rounds with the crews.</p>")}),
            (
                "impact",
                {
                    "text": rich_text("<p>Missed collections fell by 40 per cent.</p>"),
                    "cost_saving": "120000",
                    "income_generated": "",
                    "figures_note": "a year",
                },
            ),
            ("sustainability", {"text": rich_text("<p>Part of the service plan now.</p>")}),
            ("lessons_learned", {"text": rich_text("<p>Involve the crews early.</p>")}),
            (
                "contact",
                {
                    "name": "Alex Officer",
                    "job_title": "Head of Waste",
                    "council": str(council_pk),
                    "organisation": "",
                    "email": "alex@example.gov.uk",
                    "phone": "01234 567890",
                    "publish_contact_details": "on",
                },
            ),
            ("quote", {"text": "It changed how we work.", "name": "Sam", "role": "Leader"}),
            ("key_points", {"heading": "Key points", "points": listblock(["One", "Two"])}),
            (
                "key_figures",
                {
                    "heading": "Key figures",
                    "figures": listblock([{"value": "40%", "label": "fewer missed bins"}]),
                },
            ),
            ("local_context", {"text": rich_text("<p>A rural county.</p>")}),
            (
                "image",
                {"image": str(image_pk), "alt_text": "A lorry", "caption": "Rounds", "credit": ""},
            ),
            ("embed", "https://video.example.org/bins"),
            ("document", {"document": str(document_pk), "title": "", "description": "Report"}),
            (
                "action_plan",
                {
                    "title": "Action plan",
                    "rows": listblock(
                        [
                            {
                                "priority_area": "Routes",
                                "action": "Re-plan rounds",
                                "start": "2022-04-01",
                                "due": "2022-09-30",
                                "barriers": "Driver shortages",
                                "outcome": "Done",
                            }
                        ]
                    ),
                },
            ),
            ("heading", "Further reading"),
            ("paragraph", rich_text("<p>More about the programme.</p>")),
        ]
    )
