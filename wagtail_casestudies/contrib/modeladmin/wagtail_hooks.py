from django.apps import apps

# Without wagtail_modeladmin the inbox cannot register; system check E020 says what to add.
if apps.is_installed("wagtail_modeladmin"):
    from wagtail_modeladmin.options import modeladmin_register

    from .admin import CaseStudySubmissionAdmin

    modeladmin_register(CaseStudySubmissionAdmin)
