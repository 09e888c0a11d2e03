"""``bench/manage.py bench_generate --n 10000``: migrate, then add N generated case studies."""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from bench.generate import DEFAULT_SEED, add_child_rate, generate


class Command(BaseCommand):
    help = "Create the benchmark's case studies in bulk (a valid page tree with a search index)."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, default=10_000, help="How many case studies.")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--report", help="Write the generator's report (JSON) here.")
        parser.add_argument(
            "--compare",
            type=int,
            default=30,
            help="Also time this many case studies made the usual way (add_child and publish), "
            "rolled back afterwards (0: skip).",
        )

    def handle(self, *args, n, seed, batch_size, compare, report=None, verbosity=1, **options):
        settings.RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        result = generate(
            n,
            seed=seed,
            batch_size=batch_size,
            log=(lambda message: self.stdout.write(message)) if verbosity else lambda m: None,
        )
        # Fresh statistics (and, on PostgreSQL, the visibility map that index-only scans need),
        # as any production database has after autovacuum and autoanalyze have run.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
        data = result.as_dict()
        if compare:
            data["add_child_pages_per_second"] = add_child_rate(compare, seed)
            self.stdout.write(
                f"The usual way (add_child + publish): {data['add_child_pages_per_second']:.1f}/s"
            )
        if report:
            with open(report, "w") as handle:
                json.dump(data, handle, indent=2)
        self.stdout.write(
            f"Generated {n} case studies in {result.seconds:.1f}s "
            f"({result.pages_per_second:.0f}/s; search index {result.index_seconds:.1f}s); "
            f"peak memory {result.peak_rss_mb:.0f} MB"
        )
