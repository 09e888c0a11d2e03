"""The package as a site developer gets it: a wheel built from the repository, checked with
``twine check``, installed with pip into a fresh virtual environment, in a site made by
``wagtail start``, set up as README.md and docs/installation.md say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

# What docs/installation.md tells a site developer to add, for a site made by `wagtail start`.
SETTINGS = """
INSTALLED_APPS = ["wagtail_casestudies", *INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]
# Not from the documentation: a test database need not wait for the disk.
DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA synchronous=OFF"}
"""
URLS = """
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail_casestudies.api import register_endpoints

api_router = WagtailAPIRouter("wagtailapi")
register_endpoints(api_router)
urlpatterns = [
    path("api/v2/", api_router.urls),
    path("casestudies/", include("wagtail_casestudies.urls")),
    *urlpatterns,
]
"""
# Run in the site with `manage.py shell` (one process: each spends seconds importing Wagtail):
# migrate and check as the documentation says, then an editor's first case study.
FIRST_CASE_STUDY = """
import io
import json
import wagtail_casestudies
from django.core.management import call_command

call_command("migrate", verbosity=0)
check = io.StringIO()
call_command("check", stdout=check)

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page
from wagtail_casestudies.models import (
    CaseStudyCouncil, CaseStudyIndexPage, CaseStudyPage, Council, Topic,
)

home = Page.objects.get(depth=2)
index = home.add_child(instance=CaseStudyIndexPage(title="Case studies"))
index.save_revision().publish()
page = CaseStudyPage(title="Leeds: fewer missed bins", summary="Rounds re-planned.")
page.council_links.add(CaseStudyCouncil(council=Council.objects.create(name="Leeds City Council")))
page.topics = [Topic.objects.create(name="Waste")]
index.add_child(instance=page)
page.save_revision().publish()

client = Client()
client.force_login(get_user_model().objects.create_superuser("editor", "e@example.com", "x"))
pages = {name: client.get(url) for name, url in [("index", "/case-studies/"),
         ("case study", "/case-studies/leeds-fewer-missed-bins/")]}
api = client.get("/api/v2/case-studies/?search=bins")
print("RESULT " + json.dumps({
    "module": wagtail_casestudies.__file__,
    "check": check.getvalue(),
    "pages": {name: [r.status_code, r.content.decode()] for name, r in pages.items()},
    "api": [api.status_code, api.json()["meta"]["total_count"]],
}))
"""


def run(*args, cwd: Path, env: dict | None = None) -> str:
    result = subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def test_the_wheel_installs_into_a_fresh_wagtail_site(tmp_path):
    # Build the sdist, then the wheel from the sdist (python -m build's default), offline.
    dist = tmp_path / "dist"
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", dist, ROOT, cwd=tmp_path)
    (sdist,) = dist.glob("wagtail_casestudies-*.tar.gz")
    (wheel,) = dist.glob("wagtail_casestudies-*-py3-none-any.whl")
    assert "PASSED" in run(
        sys.executable, "-m", "twine", "check", "--strict", sdist, wheel, cwd=tmp_path
    )
    names = zipfile.ZipFile(wheel).namelist()
    for expected in [
        "wagtail_casestudies/templates/wagtail_casestudies/base.html",
        "wagtail_casestudies/static/wagtail_casestudies/casestudies.css",
        "wagtail_casestudies/data/councils.csv",
        "wagtail_casestudies/migrations/0001_initial.py",
        # The Welsh catalogue, compiled: Django reads only the .mo.
        "wagtail_casestudies/locale/cy/LC_MESSAGES/django.po",
        "wagtail_casestudies/locale/cy/LC_MESSAGES/django.mo",
    ]:
        assert expected in names, expected
    assert not any(name.startswith(("tests/", "example_site/")) for name in names)

    # A fresh virtual environment with pip. Django, Wagtail and the other dependencies come
    # from this test run's environment (a .pth line adds its site-packages, without running its
    # .pth files, so the editable checkout of the package is not importable there).
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site_packages = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path
        ).strip()
    )
    (site_packages / "test_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    run(python, "-m", "pip", "install", "--no-deps", "--no-index", wheel, cwd=tmp_path)

    # A new site, set up as the documentation says.
    run(BIN / "wagtail", "start", "hostsite", cwd=tmp_path)
    site = tmp_path / "hostsite"
    settings = site / "hostsite" / "settings" / "base.py"
    settings.write_text(settings.read_text() + SETTINGS)
    urls = site / "hostsite" / "urls.py"
    urls.write_text(urls.read_text() + URLS)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    output = run(
        python, "manage.py", "shell", "-c", textwrap.dedent(FIRST_CASE_STUDY), cwd=site, env=env
    )
    result = json.loads(output[output.index("RESULT ") + len("RESULT ") :].splitlines()[0])

    assert result["module"].startswith(str(site_packages)), result["module"]
    assert "System check identified no issues" in result["check"], result["check"]
    assert result["api"] == [200, 1]
    for name, (status, html) in result["pages"].items():
        assert status == 200, name
        # Inside the site's own layout (wagtail start's base.html and stylesheet), with the
        # package's styles in its extra_css block and the userbar for the editor.
        assert 'href="/static/css/hostsite.css"' in html, name
        assert "/static/wagtail_casestudies/casestudies.css" in html, name
        assert "cs-skip-link" not in html, name
        assert "<wagtail-userbar" in html, name
    index_html = result["pages"]["index"][1]
    assert "Your search returned 1 result" in index_html
    assert "Leeds: fewer missed bins" in index_html
