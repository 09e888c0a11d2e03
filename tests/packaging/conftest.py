"""The packaging test builds the sdist and wheel and installs the wheel into a fresh
``wagtail start`` site. It takes tens of seconds, so ``scripts/test`` runs it once, in its own
job (newest environment)::

    TEST_PACKAGING=1 pytest -p no:cacheprovider tests/packaging

Without TEST_PACKAGING it is not collected.
"""

import os

if os.environ.get("TEST_PACKAGING") != "1":
    collect_ignore_glob = ["test_*.py"]
