"""Importing a library: ``casestudies_import`` over Word files and exports from other systems,
and the admin's "Import from Word" on a case-study index."""

from __future__ import annotations

import io
import json
import resource
import time

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowState

from tests import factories
from tests.word_support import council_document, macro_document, png_bytes
from wagtail_casestudies.importing.library import import_case_studies, sources_from_paths
from wagtail_casestudies.models import CaseStudyImportSource, CaseStudyPage

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Opening words.</p>"
    "<h2>The challenge</h2><p>Calls kept rising in {n}.</p>"
    "<h2>The solution</h2><p>We built a <strong>decision wheel</strong>.</p>"
    "<h2>The impact</h2><ul><li>£{n},000 saved</li></ul>"
    "<h2>Lessons learned</h2><p>Start small.</p>"
    "<h2>Contact</h2><p>Jane Smith, Head of Digital, jane{n}@example.gov.uk</p>"
)


@pytest.fixture
def councils(db):
    return {
        "cornwall": factories.make_council("Cornwall Council", short_name="Cornwall"),
        "wigan": factories.make_council("Wigan Council", short_name="Wigan"),
        "newcastle_tyne": factories.make_council(
            "Newcastle upon Tyne City Council", short_name="Newcastle"
        ),
        "newcastle_lyme": factories.make_council(
            "Newcastle-under-Lyme Borough Council", short_name="Newcastle"
        ),
    }


def export_rows(count: int) -> list[dict]:
    names = ["Cornwall Council", "Wigan", "Newcastle", "Little Snoring Parish Council"]
    return [
        {
            "title": f"Case study {n}: a decision wheel",
            "summary": f"Summary {n}.",
            "body": BODY.format(n=n),
            "councils": [names[n % len(names)]],
            "topics": ["Digital"],
            "date": "2021-03-04",
            "url": f"https://old.example.org/case-studies/{n}",
        }
        for n in range(count)
    ]


def write_jsonl(path, rows) -> None:
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("casestudies_import", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_200_case_studies_from_json_lines(tmp_path, index_page, councils, capsys):
    factories.make_topic("Digital")
    export = tmp_path / "library.jsonl"
    write_jsonl(export, export_rows(200))

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    out, err = run(export)
    seconds = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with capsys.disabled():
        print(
            f"\n[import of 200 case studies from JSON Lines: {seconds:.1f} s; process peak RSS "
            f"{rss_after / 1024:.0f} MiB, {(rss_after - rss_before) / 1024:.0f} MiB above the "
            "peak before the import]"
        )

    assert "Created 200 draft case studies; 0 already imported; 0 failed." in out
    # 50 each: Cornwall and Wigan match, Newcastle is ambiguous, the parish council is not in
    # the register.
    assert "Councils: 100 matched, 50 unmatched, 50 ambiguous." in out
    assert "Unmatched: Little Snoring Parish Council (50)" in out
    assert "Ambiguous: Newcastle (50)" in out
    assert "200/200" in err  # the progress bar

    pages = CaseStudyPage.objects.order_by("pk")
    assert pages.count() == 200
    assert not pages.filter(live=True).exists()
    page = pages.get(title="Case study 1: a decision wheel")
    assert page.summary == "Summary 1."
    assert str(page.publication_date) == "2021-03-04"
    assert [link.council for link in page.council_links.all()] == [councils["wigan"]]
    assert [t.name for t in page.topics.all()] == ["Digital"]
    types = [block.block_type for block in page.body]
    assert types[:5] == ["challenge", "solution", "impact", "lessons_learned", "contact"]
    assert page.body[1].value["text"].source == "<p>We built a <b>decision wheel</b>.</p>"
    assert page.body[4].value["email"] == "jane1@example.gov.uk"
    # The opening words had no section: kept, under a heading telling the editor.
    assert types[5:] == ["heading", "paragraph"]
    assert "Opening words." in page.body[6].value.source
    # Every draft went to the default moderation workflow.
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).count() == 200

    # Importing again changes nothing.
    out, _err = run(export)
    assert "Created 0 draft case studies; 200 already imported; 0 failed." in out
    assert CaseStudyPage.objects.count() == 200
    assert CaseStudyImportSource.objects.count() == 200


def test_a_dry_run_costs_the_same_queries_for_every_case_study(tmp_path, index_page, councils):
    # A dry run makes each page as the real run does (then rolls it back), so it costs queries
    # per case study; reading and matching must not add any that grow with the run's size.
    counts = []
    for size in (10, 20, 40):
        export = tmp_path / f"export-{size}.jsonl"
        write_jsonl(export, export_rows(size))
        sources = sources_from_paths([export])
        with CaptureQueriesContext(connection) as queries:
            report = import_case_studies(sources, parent=index_page, dry_run=True)
        assert report.count("would create") == size
        counts.append(len(queries))
    # The 20 more of the last run cost about what each of the 10 more of the second did (a cost
    # that grew with the run would double it).
    assert (counts[2] - counts[1]) / 20 <= 1.1 * (counts[1] - counts[0]) / 10
    assert not CaseStudyPage.objects.exists()


def test_dry_run_says_what_would_happen_and_saves_nothing(tmp_path, index_page, councils):
    export = tmp_path / "export.jsonl"
    write_jsonl(export, export_rows(3))
    out, _err = run(export, "--dry-run")
    assert "Would create 3 draft case studies" in out
    assert (
        "would create: export.jsonl line 1: Case study 0: a decision wheel (Cornwall Council)"
        in out
    )
    assert not CaseStudyPage.objects.exists()
    assert not CaseStudyImportSource.objects.exists()


def test_publish_makes_live_case_studies_without_the_editor_note(tmp_path, index_page, councils):
    export = tmp_path / "export.csv"
    export.write_text(
        "title,summary,body,councils,topics,date,url\n"
        '"Wigan Council: hubs","Hubs in every ward.","<p>Intro.</p><h2>The solution</h2>'
        '<p>Eight hubs.</p>","Wigan Council; Cornwall Council",,2020-01-02,'
        "https://old.example.org/hubs\n",
        encoding="utf-8",
    )
    out, _err = run(export, "--publish")
    assert "Created 1 live case studies" in out
    page = CaseStudyPage.objects.get()
    assert page.live
    assert [link.council for link in page.council_links.all()] == [
        councils["wigan"],
        councils["cornwall"],
    ]
    types = [block.block_type for block in page.body]
    assert types == ["solution", "paragraph"]  # what was not placed follows, without a note


def test_an_imported_table_is_served_by_the_api_and_the_page(
    client, tmp_path, index_page, councils
):
    export = tmp_path / "export.jsonl"
    body = (
        "<h2>The impact</h2><p>Calls fell.</p>"
        "<table><tr><th>Year</th><th>Calls</th></tr><tr><td>2023</td><td>12,000</td></tr></table>"
    )
    row = {"title": "Cornwall Council: calls", "summary": "Fewer calls.", "body": body}
    write_jsonl(export, [row])
    run(export, "--publish")
    page = CaseStudyPage.objects.get()
    data = client.get(f"/api/v2/case-studies/{page.pk}/").json()
    [table] = [block for block in data["body"] if block["type"] == "table"]
    assert table["value"] == {
        "caption": "",
        "header_row": True,
        "rows": [["Year", "Calls"], ["2023", "12,000"]],
    }
    html = client.get(page.url).content.decode()
    assert '<th scope="col">Calls</th>' in html
    assert "<td>12,000</td>" in html


def test_a_folder_of_word_files_is_imported_once_by_file_hash(tmp_path, index_page, councils):
    folder = tmp_path / "word"
    folder.mkdir()
    (folder / "cornwall.docx").write_bytes(council_document(image=png_bytes()))
    (folder / "wheel.docx").write_bytes(macro_document())
    (folder / "notes.txt").write_text("not a case study")
    out, err = run(folder)
    assert "Created 1 draft case studies; 0 already imported; 1 failed." in out
    assert "wheel.docx: wheel.docx contains macros" in err
    page = CaseStudyPage.objects.get()
    assert page.title == "Cornwall Council: the decision wheel"
    assert [link.council for link in page.council_links.all()] == [councils["cornwall"]]
    types = [block.block_type for block in page.body]
    assert types == [
        "challenge",
        "solution",
        "impact",
        "table",
        "sustainability",
        "lessons_learned",
        "contact",
        "image",
    ]
    assert page.body[6].value["council"] == councils["cornwall"]
    assert page.body[6].value["publish_contact_details"] is False
    source = CaseStudyImportSource.objects.get()
    assert source.source.startswith("sha256:")
    # The same file under another name is the same source.
    (folder / "copy.docx").write_bytes((folder / "cornwall.docx").read_bytes())
    out, _err = run(folder / "copy.docx")
    assert "Created 0 draft case studies; 1 already imported" in out


def test_the_command_says_what_to_do_when_it_cannot_start(tmp_path, db):
    export = tmp_path / "export.jsonl"
    write_jsonl(export, export_rows(1))
    with pytest.raises(CommandError, match="--parent"):
        run(export)
    index = factories.make_index_page()
    with pytest.raises(CommandError, match="not a .docx, .jsonl or .csv"):
        run(tmp_path / "missing.pdf", "--parent", index.pk)
    with pytest.raises(CommandError, match="No user is called nobody"):
        run(export, "--user", "nobody")


# --- The admin's "Import from Word" --------------------------------------------------------------


def import_url(page) -> str:
    return reverse("wagtail_casestudies_import_from_word", args=[page.pk])


def word_upload(name="cornwall.docx", content=None):
    return SimpleUploadedFile(name, content or council_document(), "application/octet-stream")


def test_import_from_word_creates_drafts_in_moderation_and_reports(
    admin_client, index_page, councils
):
    explorer = admin_client.get(reverse("wagtailadmin_explore", args=[index_page.pk]))
    assert import_url(index_page) in explorer.content.decode()
    form = admin_client.get(import_url(index_page))
    assert form.status_code == 200

    response = admin_client.post(
        import_url(index_page),
        {"documents": [word_upload(), word_upload("wheel.docm", macro_document())]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    page = CaseStudyPage.objects.get()
    assert not page.live
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in html
    assert "1 draft case study created" in html
    assert "challenge, solution, impact, sustainability, lessons_learned, contact" in html
    assert "Cornwall Council" in html
    assert "wheel.docm contains macros" in html
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()
    # The draft opens in the page editor as it stands.
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_import_from_word_needs_permission_to_add_under_the_index(client, index_page, councils):
    user = get_user_model().objects.create_user("reader", "reader@example.org", "pw")
    user.user_permissions.set(Permission.objects.filter(codename="access_admin"))
    client.force_login(user)
    response = client.post(import_url(index_page), {"documents": [word_upload()]})
    assert response.status_code in (302, 403)
    assert not CaseStudyPage.objects.exists()
    explorer = client.get(reverse("wagtailadmin_explore", args=[index_page.pk]))
    assert import_url(index_page) not in explorer.content.decode()

    group = Group.objects.create(name="Case study editors")
    GroupPagePermission.objects.create(
        group=group, page=index_page, permission=Permission.objects.get(codename="add_page")
    )
    user.groups.add(group)
    response = client.post(import_url(index_page), {"documents": [word_upload()]})
    assert response.status_code == 200
    assert CaseStudyPage.objects.get().owner == user


def test_import_from_word_is_not_offered_where_case_studies_cannot_go(admin_client, db):
    root = factories.site_root()
    assert admin_client.get(import_url(root)).status_code in (302, 403)


def test_import_from_word_asks_for_a_file(admin_client, index_page):
    response = admin_client.post(import_url(index_page), {})
    assert response.status_code == 400
    assert "Choose at least one Word document" in response.content.decode()


def test_a_long_summary_and_a_nameless_contact_are_kept_safely(tmp_path, index_page, councils):
    long_summary = "<b>Costs</b> fell < 5% & rose. " + "More words here. " * 40
    body = "<h2>The solution</h2><p>A wheel.</p><h2>Contact</h2><p>enquiries@wigan.gov.uk</p>"
    export = tmp_path / "export.jsonl"
    write_jsonl(export, [{"title": "Wigan Council: hubs", "summary": long_summary, "body": body}])
    run(export)
    page = CaseStudyPage.objects.get()
    assert len(page.summary) <= 500
    assert page.summary.endswith(".")
    blocks = {block.block_type: block for block in page.body}
    assert "contact" not in blocks  # a contact block needs a name
    kept = " ".join(b.value.source for b in page.body if b.block_type == "paragraph")
    assert "enquiries@wigan.gov.uk" in kept
    # The summary is text (tags stripped): kept in full, escaped, never as markup.
    assert "<p>Costs fell &lt; 5% &amp; rose. More words here." in kept
    assert "<b>" not in kept
