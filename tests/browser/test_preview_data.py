"""The preview data view: only a valid, unexpired token reads a draft, and nothing caches it.
(The browser test test_admin_preview.py checks the whole round trip.)"""

from frontend import preview


def test_preview_data_needs_its_token(client, db):
    assert client.get("/frontend/preview/data/").status_code == 404
    assert client.get("/frontend/preview/data/?token=guess").status_code == 404

    token = preview.store({"type": "case_study", "data": {"title": "A draft"}})
    response = client.get(f"/frontend/preview/data/?token={token}")
    assert response.status_code == 200
    assert response.json()["data"]["title"] == "A draft"
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"


def test_preview_tokens_are_unguessable_and_expire(settings, db):
    first = preview.store({"data": {}})
    assert len(first) >= 32 and first != preview.store({"data": {}})
    settings.FRONTEND_PREVIEW_TIMEOUT = -1  # already expired
    assert preview.load(preview.store({"data": {}})) is None
