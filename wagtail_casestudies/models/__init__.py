from .cards import CaseStudyCard, CaseStudyCardCounts
from .content_version import ContentVersion
from .pages import (
    CaseStudyCouncil,
    CaseStudyIndexPage,
    CaseStudyIndexPageMixin,
    CaseStudyPage,
    CaseStudyPageMixin,
    CaseStudyPageTag,
    CaseStudyPartner,
    CaseStudyRelatedPage,
    CovidHubFeaturedCaseStudy,
    CovidHubPage,
    CovidHubPageMixin,
    PartnerKind,
    live_case_studies,
    with_card_data,
)
from .snippets import Council, CouncilType, Nation, Region, SupportType, Topic

# The submission models live with the rest of the intake; imported here so Django sees them, and
# after the page models they build on.
# isort: off
from ..submissions.models import (
    CaseStudySubmission,
    CaseStudySubmissionPage,
    CaseStudySubmissionPageMixin,
    SubmissionAttachment,
    SubmissionStatus,
)
from ..importing.models import CaseStudyImportSource
# isort: on

__all__ = [
    "CaseStudyCard",
    "CaseStudyCardCounts",
    "CaseStudyCouncil",
    "CaseStudyImportSource",
    "CaseStudyIndexPage",
    "CaseStudyIndexPageMixin",
    "CaseStudyPage",
    "CaseStudyPageMixin",
    "CaseStudyPageTag",
    "CaseStudyPartner",
    "CaseStudyRelatedPage",
    "CaseStudySubmission",
    "CaseStudySubmissionPage",
    "CaseStudySubmissionPageMixin",
    "ContentVersion",
    "Council",
    "CouncilType",
    "CovidHubFeaturedCaseStudy",
    "CovidHubPage",
    "CovidHubPageMixin",
    "Nation",
    "PartnerKind",
    "Region",
    "SubmissionAttachment",
    "SubmissionStatus",
    "SupportType",
    "Topic",
    "live_case_studies",
    "with_card_data",
]
