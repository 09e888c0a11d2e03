"""The "Submissions" inbox, built with wagtail-modeladmin.

Add both apps to INSTALLED_APPS::

    "wagtail_casestudies",
    "wagtail_casestudies.contrib.modeladmin",
    "wagtail_modeladmin",
"""
