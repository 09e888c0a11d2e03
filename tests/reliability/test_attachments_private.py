"""Submitted attachments (issue 15, items 4 and 5): no personal metadata survives storing, and
nothing is public before the case study that uses it is published.

Both failed before: a photo's GPS position reached the original and every rendition, and the
imported document was served to anyone (and the raw upload sat under MEDIA_ROOT) while the case
study was a draft.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import ExifTags, Image
from wagtail.models import Collection

from tests import factories
from tests.submissions_support import as_form_data, pdf_file, valid_payload
from wagtail_casestudies.models import CaseStudyPage, CaseStudySubmission
from wagtail_casestudies.submissions.files import without_personal_metadata
from wagtail_casestudies.submissions.privacy import PRIVATE_COLLECTION_NAME
from wagtail_casestudies.submissions.storage import private_storage

pytestmark = pytest.mark.django_db

SUBMIT_URL = "/casestudies/submit/"
CONVERT = "wagtail_casestudies_casestudysubmission_modeladmin_convert"


def photo_with_location(image_format: str = "JPEG", **save_options) -> bytes:
    """A photo as a phone takes it: the camera, its owner and where it was taken in EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Artist] = "Alex Officer"
    exif[ExifTags.Base.Orientation] = 6  # shown turned a quarter clockwise
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 15.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (5.0, 3.0, 10.0)
    buffer = io.BytesIO()
    Image.new("RGB", (80, 40), (200, 30, 30)).save(
        buffer, format=image_format, exif=exif, **save_options
    )
    return buffer.getvalue()


def metadata_of(data: bytes) -> dict:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return {
            "exif": dict(exif),
            "gps": dict(exif.get_ifd(ExifTags.IFD.GPSInfo)),
            "comment": image.info.get("comment"),
            "xmp": image.info.get("xmp") or image.info.get("XML:com.adobe.xmp"),
            "size": image.size,
        }


def read(field_file) -> bytes:
    field_file.open("rb")
    try:
        return field_file.read()
    finally:
        field_file.close()


def test_the_photo_fixture_carries_a_location():
    found = metadata_of(photo_with_location())
    assert found["gps"] and found["exif"][ExifTags.Base.Make] == "PhoneCo"


@pytest.mark.parametrize(
    "image_format, options",
    [("JPEG", {"comment": b"taken at 12 Acacia Avenue"}), ("PNG", {}), ("WEBP", {})],
)
def test_without_personal_metadata_drops_exif_and_comments(image_format, options):
    original = photo_with_location(image_format, **options)
    assert metadata_of(original)["gps"]
    cleaned = without_personal_metadata(io.BytesIO(original), "photo").read()
    found = metadata_of(cleaned)
    assert found["exif"] == {} and found["gps"] == {}
    assert not found["comment"] and not found["xmp"]
    assert found["size"] == (40, 80)  # turned upright as EXIF said, before EXIF was dropped


@pytest.fixture
def converted(admin_client, settings):
    """A submission with a geotagged photo and a PDF, converted into a draft case study."""
    settings.WAGTAIL_CASESTUDIES = {"SUBMISSION_RATE_LIMIT": 10**9}
    index = factories.make_index_page()
    council = factories.make_council("Cornwall Council")
    photo = SimpleUploadedFile("wheel.jpg", photo_with_location(), "image/jpeg")
    data = {**as_form_data(valid_payload(councils=[council])), "images": [photo]}
    data["documents"] = [pdf_file()]
    response = Client().post(SUBMIT_URL, data=data)
    assert response.status_code == 201, response.content
    submission = CaseStudySubmission.objects.get()
    response = admin_client.post(reverse(CONVERT, args=[submission.pk]), {"parent": index.pk})
    assert response.status_code == 302
    names = list(submission.attachments.values_list("file", flat=True))
    yield submission, CaseStudyPage.objects.get()
    # Stored files outlive the test's rollback; other tests check that no file is orphaned.
    for name in names:
        private_storage.delete(name)


def test_no_location_in_the_stored_upload_the_wagtail_image_or_its_renditions(converted):
    submission, _page = converted
    attachment = submission.attachments.get(kind="image")
    assert metadata_of(read(attachment.file))["gps"] == {}
    attachment.refresh_from_db()
    image = attachment.image
    assert metadata_of(read(image.file))["exif"] == {}
    for spec in ("original", "fill-20x20", "width-30|format-webp"):
        rendition = image.get_rendition(spec)
        assert metadata_of(read(rendition.file))["exif"] == {}, spec


def test_raw_uploads_are_not_in_the_public_media_storage(converted):
    submission, _page = converted
    for attachment in submission.attachments.all():
        assert attachment.file.storage.exists(attachment.file.name)
        assert not default_storage.exists(attachment.file.name)


def test_imported_attachments_are_private_until_the_case_study_is_published(converted):
    submission, page = converted
    document = submission.attachments.get(kind="document").document
    image = submission.attachments.get(kind="image").image
    private = Collection.objects.get(name=str(PRIVATE_COLLECTION_NAME))
    assert (document.collection, image.collection) == (private, private)
    # Nobody can find the files from the names the submitter gave them.
    assert document.file.name != "documents/cabinet-report.pdf"
    assert image.file.name != "original_images/wheel.jpg"

    visitor = Client()
    response = visitor.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]

    page.get_latest_revision().publish()
    document.refresh_from_db()
    image.refresh_from_db()
    root = Collection.get_first_root_node()
    assert (document.collection, image.collection) == (root, root)
    response = visitor.get(document.url)
    assert response.status_code == 200 or "login" not in response.get("Location", "")


def test_without_a_storage_of_their_own_uploads_go_beside_media_root_not_under_it(settings):
    import os

    settings.STORAGES = {
        name: value
        for name, value in settings.STORAGES.items()
        if name != "wagtail_casestudies_submissions"
    }
    settings.MEDIA_ROOT = "/srv/site/media"
    location = os.path.abspath(private_storage.location)
    assert location == "/srv/site/casestudy_submissions_private"
    assert not location.startswith(settings.MEDIA_ROOT + os.sep)
