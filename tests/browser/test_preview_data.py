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


def test_a_preview_link_outlives_500_distinct_api_requests(client, db):
    """Drafts used to sit in the default cache beside the API's responses (LocMemCache, 300
    entries): 500 distinct searches evicted them and the link died before its hour."""
    import secrets

    token = preview.store({"type": "case_study", "data": {"title": "A draft"}})
    for _ in range(500):
        response = client.get("/api/v2/case-studies/", {"search": secrets.token_hex(6)})
        assert response.status_code == 200
    response = client.get(f"/frontend/preview/data/?token={token}")
    assert response.status_code == 200
    assert response.json()["data"]["title"] == "A draft"
