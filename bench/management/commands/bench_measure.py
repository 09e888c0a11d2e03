"""``bench/manage.py bench_measure``: latency, queries, bytes and throughput on the generated data;
prints a Markdown table and writes JSON."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from bench import measure


class Command(BaseCommand):
    help = "Measure the case-study API, the stock pages API and the hand-written floor."

    def add_arguments(self, parser):
        parser.add_argument(
            "--requests",
            type=int,
            default=300,
            help="At most this many timed requests per scenario and mode.",
        )
        parser.add_argument(
            "--seconds",
            type=float,
            default=4.0,
            help="At most this long per scenario and mode (at least 5 requests).",
        )
        parser.add_argument(
            "--throughput-seconds",
            type=int,
            default=10,
            help="Load each throughput scenario this long (0: skip gunicorn).",
        )
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--only", nargs="*", help="Scenario keys to run (default: all).")
        parser.add_argument("--generator-report", help="The generator's JSON report, to include.")
        parser.add_argument("--json", help="Write the results here.")
        parser.add_argument("--markdown", help="Write the Markdown table here.")

    def handle(self, *args, **options):
        generator = None
        if options["generator_report"]:
            with open(options["generator_report"]) as handle:
                generator = json.load(handle)
        result = measure.run(
            max_requests=options["requests"],
            max_seconds=options["seconds"],
            throughput_seconds=options["throughput_seconds"],
            connections=options["connections"],
            only=options["only"],
            log=lambda message: self.stderr.write(message),
        )
        result["generator"] = generator
        table = measure.markdown(result, generator)
        if options["json"]:
            with open(options["json"], "w") as handle:
                json.dump(result, handle, indent=2)
        if options["markdown"]:
            with open(options["markdown"], "w") as handle:
                handle.write(table)
        self.stdout.write(table)
