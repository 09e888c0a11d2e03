"""Send the Preview button of case studies to the headless front end (Wagtail 8's per-page-type
admin viewsets); on Wagtail 7 the preview shows the package's own Django templates."""

from wagtail import hooks

from wagtail_casestudies.models import CaseStudyPage

try:
    from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView
    from wagtail.admin.viewsets.pages import PageViewSet
except ImportError:  # Wagtail < 8.0 has no PageViewSet
    PageViewSet = None

if PageViewSet is not None:
    from .preview import FrontEndPreviewMixin

    class FrontEndPreviewOnEditView(FrontEndPreviewMixin, PreviewOnEditView):
        pass

    class FrontEndPreviewOnCreateView(FrontEndPreviewMixin, PreviewOnCreateView):
        pass

    class CaseStudyPageViewSet(PageViewSet):
        model = CaseStudyPage
        preview_on_edit_view_class = FrontEndPreviewOnEditView
        preview_on_add_view_class = FrontEndPreviewOnCreateView

    @hooks.register("register_admin_viewset")
    def register_case_study_page_viewset():
        return CaseStudyPageViewSet()
