from tests import factories


def test_case_study_publishes_with_full_body(index_page):
    council = factories.make_council("Cornwall Council")
    page = factories.make_case_study(
        index_page,
        "Cornwall Council: the wheel",
        councils=[council],
        body=factories.full_body(council),
    )
    assert page.live
    assert page.publication_date is not None
    assert page.lead_council == council
