"""Stored block values get the shape the page editor gives them: every child of a struct block
present, an empty text "" (not null), an empty checkbox false, an empty list [].

Imports and conversions stored ``"figures_note": null`` in impact blocks (and left children out),
which made wagtail-localize's "Translate this page" a 500 for every imported case study. The
blocks now shape every value they store (``blocks.ShapedStructBlock``); this repairs what was
stored before, in case-study bodies, hub themes and their revisions. Only nulls and missing
children change: no text is touched and unknown keys are kept. Reversing it leaves the repaired
values as they are (they read the same).

The shapes are written out here, as the blocks were at this migration, so that later changes to
the blocks do not change what it does.
"""

import json

from django.db import migrations

# Per struct block: child name -> (value when null, value when missing). A chooser, a number and
# a date stay null (the editor stores null for them too).
TEXT = ("", "")
NULL = (None, None)
STRUCTS = {
    "challenge": {"text": TEXT},
    "solution": {"text": TEXT},
    "impact": {
        "text": TEXT,
        "cost_saving": NULL,
        "income_generated": NULL,
        "figures_note": TEXT,
    },
    "sustainability": {"text": TEXT},
    "lessons_learned": {"text": TEXT},
    "contact": {
        "name": TEXT,
        "job_title": TEXT,
        "council": NULL,
        "organisation": TEXT,
        "email": TEXT,
        "phone": TEXT,
        "publish_contact_details": (False, False),
    },
    "quote": {"text": TEXT, "name": TEXT, "role": TEXT},
    "key_points": {"heading": ("", "Key points"), "points": ([], [])},
    "key_figures": {"heading": ("", "Key figures"), "figures": ([], [])},
    "local_context": {"text": TEXT},
    "image": {"image": NULL, "alt_text": TEXT, "caption": TEXT, "credit": TEXT},
    "document": {"document": NULL, "title": TEXT, "description": TEXT},
    "action_plan": {"title": ("", "Action plan"), "rows": ([], [])},
    "table": {"caption": TEXT, "header_row": (False, True), "rows": ([], [])},
    # The COVID-19 hub's themes.
    "theme": {"heading": TEXT, "introduction": TEXT, "entries": ([], [])},
    "external": {"title": TEXT, "council": ("", "various"), "summary": TEXT, "link": TEXT},
}
# Structs inside lists: (block type, list child) -> the items' shape.
LIST_ITEMS = {
    ("key_figures", "figures"): {"value": TEXT, "label": TEXT},
    ("action_plan", "rows"): {
        "priority_area": TEXT,
        "action": TEXT,
        "start": NULL,
        "due": NULL,
        "barriers": TEXT,
        "outcome": TEXT,
    },
}
# Plain text inside lists: null items become "".
TEXT_LISTS = {("key_points", "points")}
TEXT_BLOCKS = {"heading", "paragraph"}


def shape_struct(value, shape) -> bool:
    changed = False
    for name, (when_null, when_missing) in shape.items():
        if name not in value:
            value[name] = list(when_missing) if isinstance(when_missing, list) else when_missing
            changed = True
        elif value[name] is None and when_null is not None:
            value[name] = list(when_null) if isinstance(when_null, list) else when_null
            changed = True
    return changed


def list_items(items):
    """Each item of a stored list and a setter for it (new {type, value, id} items and the old
    bare values alike)."""
    for index, item in enumerate(items):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"], lambda new, item=item: item.__setitem__("value", new)
        else:
            yield item, lambda new, index=index: items.__setitem__(index, new)


def shape_stream(stream) -> bool:
    changed = False
    for child in stream if isinstance(stream, list) else []:
        if not isinstance(child, dict):
            continue
        kind, value = child.get("type"), child.get("value")
        if kind in TEXT_BLOCKS and value is None:
            child["value"] = ""
            changed = True
        shape = STRUCTS.get(kind)
        if shape is None:
            continue
        if not isinstance(value, dict):
            if value is not None:
                continue  # not a struct: left alone rather than guessed at
            child["value"] = value = {}
        changed |= shape_struct(value, shape)
        for (list_kind, name), item_shape in LIST_ITEMS.items():
            if list_kind == kind and isinstance(value.get(name), list):
                for item, _set in list_items(value[name]):
                    if isinstance(item, dict):
                        changed |= shape_struct(item, item_shape)
        for list_kind, name in TEXT_LISTS:
            if list_kind == kind and isinstance(value.get(name), list):
                for item, set_item in list_items(value[name]):
                    if item is None:
                        set_item("")
                        changed = True
        if kind == "table" and isinstance(value.get("rows"), list):
            for row, _set in list_items(value["rows"]):
                if isinstance(row, list):
                    for cell, set_cell in list_items(row):
                        if cell is None:
                            set_cell("")
                            changed = True
        if kind == "theme":
            changed |= shape_stream(value.get("entries"))
    return changed


def raw_stream(value):
    """A stored StreamField value as a list of dicts, read without the blocks."""
    if value is None:
        return None
    raw = getattr(value, "raw_data", value)
    if isinstance(raw, str):
        return json.loads(raw) if raw.strip() else []
    return [dict(item) if isinstance(item, dict) else item for item in raw]


PAGE_FIELDS = {"CaseStudyPage": "body", "CovidHubPage": "themes"}


def forwards(apps, schema_editor):
    from wagtail.blocks import StreamValue

    for model_name, field_name in PAGE_FIELDS.items():
        model = apps.get_model("wagtail_casestudies", model_name)
        field = model._meta.get_field(field_name)
        for page in model.objects.only("pk", field_name).iterator(chunk_size=500):
            stream = raw_stream(getattr(page, field_name))
            if stream and shape_stream(stream):
                model.objects.filter(pk=page.pk).update(
                    **{field_name: StreamValue(field.stream_block, stream, is_lazy=True)}
                )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_types = {}
    for model_name, field_name in PAGE_FIELDS.items():
        for pk in ContentType.objects.filter(
            app_label="wagtail_casestudies", model=model_name.lower()
        ).values_list("pk", flat=True):
            content_types[pk] = field_name
    revisions = Revision.objects.filter(content_type_id__in=content_types).only(
        "pk", "content_type_id", "content"
    )
    for revision in revisions.iterator():
        content = revision.content
        field_name = content_types[revision.content_type_id]
        if not isinstance(content, dict) or content.get(field_name) is None:
            continue
        stored = content[field_name]
        stream = json.loads(stored) if isinstance(stored, str) else stored
        if isinstance(stream, list) and shape_stream(stream):
            content[field_name] = json.dumps(stream) if isinstance(stored, str) else stream
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_casestudies", "0013_submission_incomplete"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
