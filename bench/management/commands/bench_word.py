"""``bench/manage.py bench_word``: time and peak memory of reading one Word document, a normal
report and the worst case each limit allows, each in a fresh process; prints a Markdown table and
writes JSON."""

from __future__ import annotations

import json
import platform

from django.core.management.base import BaseCommand

from bench import word


class Command(BaseCommand):
    help = "Measure reading Word documents at the reader's limits."
    # Reading a document needs no database: none is checked (the generated one may not exist).
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--only", nargs="*", help="Case keys to run (default: all).")
        parser.add_argument("--json", help="Write the results here.")
        parser.add_argument("--child", help=f"Measure one case in this process: {word.BUILDERS}")
        parser.add_argument("--file", help="The document the child reads.")

    def handle(self, *args, **options):
        if options["child"]:
            self.stdout.write(json.dumps(word.measure_child(options["child"], options["file"])))
            return
        results = word.run(options["only"])
        report = {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "limits": word.limits(),
            "results": results,
        }
        self.stdout.write(word.markdown(results))
        if options["json"]:
            with open(options["json"], "w") as handle:
                json.dump(report, handle, indent=2)
