"""Outside tools accept the OpenAPI documents the endpoints serve.

The documents are written from the real endpoints (v2, and v3 on Wagtail 8), then
``redocly lint`` (its recommended rules, with the exceptions ``tests/openapi_clients/redocly.yaml``
justifies), ``openapi-typescript`` and ``tsc --strict`` run on them: the TypeScript program
``tests/openapi_clients/client.ts`` lists, filters, reads facets and a detail's translations
with the generated types only. A failure shows the tool's output.

The tools are the versions ``tests/openapi_clients/package-lock.json`` pins (``npm ci`` there;
``scripts/test`` does it). Without them the test is skipped, unless ``OPENAPI_TOOLS_REQUIRED``
is set, as ``scripts/test`` sets it: there a missing tool is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wagtail_casestudies.compat import HAS_API_V3

CLIENTS = Path(__file__).parent / "openapi_clients"
BIN = CLIENTS / "node_modules" / ".bin"
TOOLS = ("redocly", "openapi-typescript", "tsc")

DOCUMENTS = {"v2": "/api/v2/case-studies/openapi.json"}
if HAS_API_V3:  # Wagtail < 8.0 has no v3 API
    DOCUMENTS["v3"] = "/api/v3/openapi.json"


def tools_or_skip() -> None:
    missing = [name for name in TOOLS if not (BIN / name).exists()]
    if shutil.which("node") is None:
        missing.insert(0, "node")
    if not missing:
        return
    message = f"{', '.join(missing)} missing: run `npm ci` in {CLIENTS}"
    if os.environ.get("OPENAPI_TOOLS_REQUIRED"):
        pytest.fail(message)
    pytest.skip(message)


def run(*command: str) -> str:
    """Run a tool in tests/openapi_clients; fail with its output if it fails."""
    env = {
        **os.environ,
        "REDOCLY_TELEMETRY": "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
        "NO_COLOR": "1",
    }
    result = subprocess.run(
        [str(BIN / command[0]), *command[1:]],
        cwd=CLIENTS,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed (exit {result.returncode}):\n{output}")
    return output


def test_the_client_program_has_no_casts_or_any():
    """The program proves the types suffice only if it never overrides them."""
    source = (CLIENTS / "client.ts").read_text()
    code = re.sub(r"//.*|/\*.*?\*/", "", source, flags=re.S)
    assert not re.search(r"\bas\s+[A-Za-z{(\[]", code), "a cast (`as`) in client.ts"
    assert not re.search(r"\bany\b", code), "`any` in client.ts"
    assert "@ts-" not in code, "a @ts- directive in client.ts"


def test_outside_tools_accept_the_documents(client, db):
    tools_or_skip()
    generated = CLIENTS / "generated"
    generated.mkdir(exist_ok=True)
    for stale in generated.glob("*"):
        stale.unlink()
    files = []
    for name, url in DOCUMENTS.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:500])
        path = generated / f"{name}.json"
        path.write_bytes(response.content)
        files.append(path.name)

    # redocly exits non-zero on any error (warnings, e.g. in Wagtail's own v3 routes, pass).
    run("redocly", "lint", "--config", "redocly.yaml", *(f"generated/{f}" for f in files))
    for name in DOCUMENTS:
        run("openapi-typescript", f"generated/{name}.json", "-o", f"generated/{name}.ts")
    if "v3" in DOCUMENTS:  # the program reads both versions
        run("tsc", "-p", "tsconfig.json")
