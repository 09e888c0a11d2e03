"""System checks tell a site developer exactly what is missing or misconfigured."""

from unittest import mock

import pytest
from django.apps import apps
from django.core import checks
from django.test import override_settings

from wagtail_casestudies.conf import settings as casestudy_settings


def run_checks():
    return {
        message.id: message
        for message in checks.run_checks(tags=["compatibility"])
        if message.id and message.id.startswith("wagtail_casestudies.")
    }


def test_a_correct_setup_has_no_messages():
    assert run_checks() == {}


def test_missing_required_app_is_named():
    real_is_installed = apps.is_installed
    with mock.patch.object(
        apps, "is_installed", side_effect=lambda name: name != "taggit" and real_is_installed(name)
    ):
        messages = run_checks()
    assert "'taggit'" in messages["wagtail_casestudies.E001"].msg
    assert "INSTALLED_APPS" in messages["wagtail_casestudies.E001"].hint


@override_settings(WAGTAIL_CASESTUDIES=["SUMMARY_MAX_LENGTH"])
def test_setting_must_be_a_dict():
    assert "must be a dict" in run_checks()["wagtail_casestudies.E002"].msg


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"SUMMARY_MAX_LENGTH": 0}, "SUMMARY_MAX_LENGTH'] must be a positive integer"),
        ({"INDEX_PAGE_SIZE": "10"}, "INDEX_PAGE_SIZE'] must be a positive integer"),
        ({"PUBLICATION_DATE_MAX_FUTURE_DAYS": -1}, "must be an integer of 0 or more"),
        ({"HERO_IMAGE_WIDTHS": []}, "non-empty list of positive integers"),
        ({"API_CACHE_CONTROL": 60}, "must be a string"),
    ],
)
def test_bad_values_are_errors(value, message):
    with override_settings(WAGTAIL_CASESTUDIES=value):
        messages = run_checks()
    assert message in messages["wagtail_casestudies.E003"].msg


@override_settings(WAGTAIL_CASESTUDIES={"SUMARY_MAX_LENGTH": 300})
def test_unknown_key_is_a_warning_with_the_known_keys():
    warning = run_checks()["wagtail_casestudies.W001"]
    assert "'SUMARY_MAX_LENGTH'" in warning.msg
    assert "SUMMARY_MAX_LENGTH" in warning.hint


def test_setting_is_reread_when_overridden():
    assert casestudy_settings.SUMMARY_MAX_LENGTH == 500
    with override_settings(WAGTAIL_CASESTUDIES={"SUMMARY_MAX_LENGTH": 120}):
        assert casestudy_settings.SUMMARY_MAX_LENGTH == 120
        assert casestudy_settings.INDEX_PAGE_SIZE == 10  # defaults fill the rest
    assert casestudy_settings.SUMMARY_MAX_LENGTH == 500


def test_missing_api_apps_are_warnings_that_name_them():
    real_is_installed = apps.is_installed
    missing = ("rest_framework", "wagtail.api.v2")

    def is_installed(name):
        return name not in missing and real_is_installed(name)

    with mock.patch.object(apps, "is_installed", side_effect=is_installed):
        warnings = [
            message
            for message in checks.run_checks(tags=["compatibility"])
            if message.id == "wagtail_casestudies.W002"
        ]
    assert len(warnings) == 2
    assert "'rest_framework'" in warnings[0].msg and "'wagtail.api.v2'" in warnings[1].msg
    assert all("Add '" in warning.hint for warning in warnings)
    assert all(warning.level == checks.WARNING for warning in warnings)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("no/such/layout.html", "names 'no/such/layout.html', which does not exist"),
        (42, "must be a template name or None"),
    ],
)
def test_base_template_must_exist(value, message):
    with override_settings(WAGTAIL_CASESTUDIES={"BASE_TEMPLATE": value}):
        error = run_checks()["wagtail_casestudies.E004"]
    assert message in error.msg
    assert "{% block content %}" in error.hint


@override_settings(WAGTAIL_CASESTUDIES={"BASE_TEMPLATE": "wagtail_casestudies/base.html"})
def test_an_existing_base_template_passes():
    assert run_checks() == {}
