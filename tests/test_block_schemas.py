"""The body's block schemas in the OpenAPI documents are generated from the block definitions,
and the API's real block values validate against them (v2 and v3)."""

import pytest
from django.core.cache import cache
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from wagtail import blocks

from tests import factories
from tests.test_api_openapi import check, strict_json
from wagtail_casestudies.api.block_schemas import block_schema
from wagtail_casestudies.compat import HAS_API_V3
from wagtail_casestudies.models import CaseStudyPage

BODY = CaseStudyPage._meta.get_field("body").stream_block


@pytest.fixture(autouse=True)
def clear_cache(db):
    cache.clear()


@pytest.fixture
def every_block(db):
    index_page = factories.make_index_page()
    council = factories.make_council("Kent County Council")
    image = factories.make_image()
    body = factories.full_body(council, image=image, document=factories.make_document())
    body = [
        (name, {**value, "publish_contact_details": True} if name == "contact" else value)
        for name, value in body
    ]
    body.append(
        (
            "table",
            {"caption": "Rounds", "header_row": True, "rows": [["Ward", "Bins"], ["North", "3"]]},
        )
    )
    page = factories.make_case_study(index_page, "Kent: every block", body=body, councils=[council])
    used = {child.block_type for child in page.body}
    assert used == set(BODY.child_blocks), "the case study uses every block type"
    return page


def test_every_body_block_is_in_the_generated_schema():
    schema = block_schema(BODY)
    assert schema["type"] == "array"
    names = [choice["properties"]["type"]["const"] for choice in schema["items"]["oneOf"]]
    assert names == list(BODY.child_blocks)


def test_the_walk_follows_the_block_definitions():
    struct = blocks.StructBlock(
        [
            ("title", blocks.CharBlock()),
            ("count", blocks.IntegerBlock(required=False)),
            ("kind", blocks.ChoiceBlock(choices=[("a", "A"), ("b", "B")])),
            ("when", blocks.DateBlock()),
            ("flag", blocks.BooleanBlock(required=False)),
            ("items", blocks.ListBlock(blocks.TextBlock())),
        ]
    )
    schema = block_schema(struct)
    properties = schema["properties"]
    assert properties["title"] == {"type": "string"}
    assert properties["count"] == {"anyOf": [{"type": "integer"}, {"type": "null"}]}
    assert properties["kind"] == {"type": "string", "enum": ["a", "b"]}
    assert properties["when"] == {"type": "string", "format": "date"}
    assert properties["flag"] == {"type": "boolean"}
    assert properties["items"] == {"type": "array", "items": {"type": "string"}}
    assert schema["required"] == list(properties)
    assert Draft202012Validator(schema).is_valid(
        {"title": "x", "count": None, "kind": "a", "when": "2024-01-01", "flag": True, "items": []}
    )
    assert not Draft202012Validator(schema).is_valid(
        {"title": "x", "count": 1, "kind": "c", "when": "2024-01-01", "flag": True, "items": []}
    )


def test_a_block_describes_its_own_value_with_api_schema():
    class Stars(blocks.IntegerBlock):
        def api_schema(self):
            return {"type": "string", "pattern": "^\\*{0,5}$"}

    assert block_schema(blocks.StructBlock([("stars", Stars())]))["properties"]["stars"] == {
        "type": "string",
        "pattern": "^\\*{0,5}$",
    }


def test_a_block_the_walk_does_not_know_is_an_error_that_says_what_to_do():
    class Odd(blocks.Block):
        pass

    with pytest.raises(TypeError, match="api_schema"):
        block_schema(Odd())


def test_v2_detail_of_every_block_validates(client, every_block):
    document = strict_json(client.get("/api/v2/case-studies/openapi.json").content)
    validate(document)
    data = check(client, document, f"/api/v2/case-studies/{every_block.pk}/")
    values = {block["type"]: block["value"] for block in data["body"]}
    assert values["contact"]["email"] == "alex.officer@example.gov.uk"
    assert values["table"]["rows"] == [["Ward", "Bins"], ["North", "3"]]
    # A value the schema does not allow is refused: the schema is not a blank cheque.
    schema = document["components"]["schemas"]["BodyBlock"]
    wrapper = {"$id": "urn:openapi", "components": document["components"], "allOf": [schema]}
    assert not Draft202012Validator(wrapper).is_valid(
        {"type": "table", "value": {"caption": 1}, "id": None}
    )


@pytest.mark.skipif(not HAS_API_V3, reason="Wagtail < 8.0 has no v3 API")
def test_v3_detail_of_every_block_validates(client, every_block):
    document = strict_json(client.get("/api/v3/openapi.json").content)
    validate(document)
    data = check(client, document, f"/api/v3/case-studies/{every_block.pk}/")
    assert {block["type"] for block in data["body"]} == set(BODY.child_blocks)
