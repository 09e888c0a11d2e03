"""Public URLs: include them in the site's URLconf, e.g.
``path("case-studies/", include("wagtail_casestudies.urls"))``.

- ``wagtail_casestudies:submit``: POST a case study (JSON, or multipart with attachments)
- ``wagtail_casestudies:template_schema``: the submission template as JSON Schema
- ``wagtail_casestudies:template_docx``: the submission template as a Word document
"""

from django.urls import path

from .submissions import views

app_name = "wagtail_casestudies"

urlpatterns = [
    path("submit/", views.submit, name="submit"),
    path("template.schema.json", views.template_schema, name="template_schema"),
    path("template.docx", views.template_docx, name="template_docx"),
]
