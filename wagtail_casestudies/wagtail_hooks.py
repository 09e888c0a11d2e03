from wagtail.snippets.models import register_snippet

from .viewsets import CaseStudiesViewSetGroup

register_snippet(CaseStudiesViewSetGroup)
