"""Measure the API on the generated data: latency, queries and bytes in-process, then throughput
under gunicorn with a load generator on loopback.

Latency is measured through Django's test client (the whole middleware and view stack, no
network), one request at a time: p50 and p95 of the wall time of each request, SQL queries per
request (counted with a connection wrapper, which costs next to nothing, unlike DEBUG query
logging) and the response size.

The package's endpoints are measured twice:

- **cold**: the API's content version is bumped before every request (outside the timing), as
  publishing anything does, so every response, search and facet cache misses. This is what the
  database and the code cost, and what every request costs just after a change.
- **cached**: the same request again, answered from Django's cache (a whole-response cache
  keyed by the content version).

The stock pages API and the hand-written floor have no cache, so they have one mode.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

ALL_FACETS = "topic,council_type,region,support_type,year,covid"
STOCK_TYPE = "wagtail_casestudies.CaseStudyPage"
SEARCH_WORD = "housing"


@dataclass
class Scenario:
    key: str
    label: str
    group: str  # a, b, c, d, e, f as in the issue
    url: str
    ours: bool = True  # the package's endpoint (cold and cached) or not (one mode)
    throughput: bool = False
    urls: list[str] = field(default_factory=list)  # several URLs to cycle through (detail)
    min_requests: int = 5


def scenarios(context: dict) -> list[Scenario]:
    topic, region = context["topic"], context["region"]
    details = [f"/api/v2/case-studies/{pk}/" for pk in context["detail_ids"]]
    listing = "/api/v2/case-studies/"
    stock = f"/api/v2/pages/?type={STOCK_TYPE}&fields=*"
    search = f"{listing}?search={SEARCH_WORD}&topic={topic}&region={region}"
    return [
        Scenario(
            "listing_20", "case-studies, limit 20", "a", f"{listing}?limit=20", throughput=True
        ),
        Scenario("listing_100", "case-studies, limit 100", "a", f"{listing}?limit=100"),
        Scenario(
            "listing_20_facets",
            "case-studies, limit 20, six facets",
            "a",
            f"{listing}?limit=20&facets={ALL_FACETS}",
            throughput=True,
        ),
        Scenario(
            "listing_100_facets",
            "case-studies, limit 100, six facets",
            "a",
            f"{listing}?limit=100&facets={ALL_FACETS}",
        ),
        Scenario(
            "stock_20",
            "stock pages API, fields=*, limit 20",
            "b",
            f"{stock}&limit=20",
            ours=False,
            throughput=True,
        ),
        Scenario(
            "stock_100",
            "stock pages API, fields=*, limit 100",
            "b",
            f"{stock}&limit=100",
            ours=False,
        ),
        Scenario(
            "floor_20",
            "hand-written floor, limit 20",
            "c",
            "/bench/floor/case-studies/?limit=20",
            ours=False,
            throughput=True,
        ),
        Scenario(
            "floor_100",
            "hand-written floor, limit 100",
            "c",
            "/bench/floor/case-studies/?limit=100",
            ours=False,
        ),
        Scenario(
            "search_filters",
            f"search '{SEARCH_WORD}' + topic + region",
            "d",
            search,
            throughput=True,
        ),
        Scenario(
            "search_filters_facets",
            "the same search with six facets",
            "d",
            f"{search}&facets={ALL_FACETS}",
        ),
        Scenario(
            "search",
            f"search '{SEARCH_WORD}' alone, ranked",
            "d",
            f"{listing}?search={SEARCH_WORD}",
        ),
        Scenario(
            "stock_search",
            f"stock pages API, search '{SEARCH_WORD}'",
            "d",
            f"/api/v2/pages/?type={STOCK_TYPE}&search={SEARCH_WORD}&limit=20",
            ours=False,
            # Wagtail's SQLite backend ranks with a correlated subquery: seconds to minutes each.
            min_requests=2,
        ),
        Scenario(
            "facets",
            "six facets alone (limit=0)",
            "e",
            f"{listing}?limit=0&facets={ALL_FACETS}",
            throughput=True,
        ),
        Scenario(
            "detail",
            "detail (cycling through 50 case studies)",
            "f",
            details[0],
            throughput=True,
            urls=details,
        ),
    ]


# --- In-process latency -------------------------------------------------------------------------


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure_latency(
    client,
    scenario: Scenario,
    *,
    cold: bool,
    max_requests: int,
    max_seconds: float,
    warm: bool = False,
) -> dict:
    from wagtail_casestudies.content_version import bump as bump_content_version

    urls = scenario.urls or [scenario.url]
    # Warm per-process state (URL resolvers, site root paths); in cached mode fill the cache.
    # Not for the slow stock search: one request is its whole budget.
    warmup = [] if scenario.min_requests <= 2 else urls[:1] if cold or warm else urls
    for url in warmup:
        client.get(url)
    times, queries, sizes = [], [], []
    started = time.perf_counter()
    number = 0
    while number < max_requests and (
        number < scenario.min_requests or time.perf_counter() - started < max_seconds
    ):
        url = urls[number % len(urls)]
        if cold:
            bump_content_version()
        elif warm:
            # A cache buster: the response is computed, but counts, facets and search results
            # of the selection come from the cache, as when paging through the same results.
            url = f"{url}{'&' if '?' in url else '?'}_={number}"
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            before = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - before
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}: {response.content[:300]}")
        times.append(elapsed * 1000)
        queries.append(counter.count)
        sizes.append(len(response.content))
        number += 1
    return {
        "requests": len(times),
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "queries": round(statistics.fmean(queries), 1),
        "bytes": round(statistics.fmean(sizes)),
    }


def pick_context() -> dict:
    """Filter values and ids that exist in the generated data."""
    from wagtail.models import Site

    from wagtail_casestudies.models import Region, Topic, live_case_studies

    site = Site.objects.get(is_default_site=True)
    visible = live_case_studies(site)
    ids = list(visible.order_by("-pk").values_list("pk", flat=True)[:50])
    topic = Topic.objects.get(name="Housing and planning").slug
    return {"topic": topic, "region": Region.SOUTH_EAST.value, "detail_ids": ids}


def check_same_cards(client) -> dict:
    """Our listing and the floor return the same items (and the stock API the same total)."""
    results = {}
    for limit in (20, 100):
        ours = client.get(f"/api/v2/case-studies/?limit={limit}").json()
        floor = client.get(f"/bench/floor/case-studies/?limit={limit}").json()
        stock = client.get(f"/api/v2/pages/?type={STOCK_TYPE}&limit=1").json()
        results[f"limit_{limit}"] = {
            "same_items_as_floor": ours == floor,
            "total_count": ours["meta"]["total_count"],
            "stock_total_count": stock["meta"]["total_count"],
        }
        if ours != floor:
            raise RuntimeError(f"The listing and the floor differ at limit {limit}.")
    return results


# --- Throughput under gunicorn ------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """gunicorn with two sync workers on 127.0.0.1, started and stopped by us."""

    def __init__(self, workers: int = 2):
        self.port = _free_port()
        self.workers = workers
        self.process = None

    def __enter__(self):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="bench.settings")
        env["PYTHONPATH"] = os.pathsep.join(
            [str(settings.BENCH_DIR.parent), env.get("PYTHONPATH", "")]
        )
        self.process = subprocess.Popen(
            [
                str(gunicorn),
                "bench.wsgi:application",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--worker-class",
                "sync",
                "--timeout",
                "120",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=settings.BENCH_DIR.parent,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url("/bench/health/"), timeout=2):
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError("gunicorn did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def worker_memory_mb(self) -> dict:
        """Current and peak resident memory of each worker (VmRSS, VmHWM)."""
        result = {"rss_mb": [], "peak_rss_mb": []}
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            for key, name in (("VmRSS", "rss_mb"), ("VmHWM", "peak_rss_mb")):
                match = re.search(rf"^{key}:\s+(\d+) kB", status, re.M)
                if match:
                    result[name].append(round(int(match.group(1)) / 1024, 1))
        return result

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def run_wrk(url: str, seconds: int, connections: int, headers: dict) -> dict:
    """wrk on one URL (or a Lua script cycling through several) for a fixed time."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command.append(url)
    output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    total = re.search(r"(\d+) requests in", output)
    return {
        "requests_per_second": float(rate.group(1)) if rate else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "errors": int(errors.group(1)) if errors else 0,
        "tool": "wrk",
    }


def run_python_load(urls: list[str], seconds: int, connections: int, headers: dict) -> dict:
    """A bounded Python load loop (threads with keep-alive connections), when wrk is missing."""
    import http.client
    from urllib.parse import urlsplit

    deadline = time.monotonic() + seconds
    counts = [0] * connections
    errors = [0] * connections

    def worker(number: int) -> None:
        parts = urlsplit(urls[0])
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        index = number
        while time.monotonic() < deadline:
            target = urlsplit(urls[index % len(urls)])
            index += connections
            try:
                conn.request("GET", f"{target.path}?{target.query}", headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status >= 400:
                    errors[number] += 1
                counts[number] += 1
            except OSError:
                errors[number] += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    return {
        "requests_per_second": round(sum(counts) / elapsed, 1),
        "requests": sum(counts),
        "errors": sum(errors),
        "tool": "python",
    }


def measure_throughput(items: list[Scenario], *, seconds: int, connections: int) -> dict:
    results: dict = {}
    use_wrk = shutil.which("wrk") is not None
    with Gunicorn() as server:
        for scenario in items:
            modes = ("cold", "cached") if scenario.ours else ("plain",)
            for mode in modes:
                headers = {"X-Bench-Cold": "1"} if mode == "cold" else {}
                urls = [server.url(url) for url in (scenario.urls or [scenario.url])]
                for url in urls[:4]:  # warm both workers a little
                    for _ in range(2):
                        urllib.request.urlopen(url, timeout=120).read()
                if use_wrk and len(urls) == 1:
                    result = run_wrk(urls[0], seconds, connections, headers)
                else:
                    result = run_python_load(urls, seconds, connections, headers)
                results[f"{scenario.key}:{mode}"] = result
        results["worker_memory"] = server.worker_memory_mb()
    return results


# --- The whole run ------------------------------------------------------------------------------


def machine() -> dict:
    cpu = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
        cpu = match.group(1).strip() if match else ""
    except OSError:
        pass
    memory = ""
    try:
        match = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        memory = f"{int(match.group(1)) / 1024 / 1024:.0f} GiB" if match else ""
    except OSError:
        pass
    import django
    import wagtail

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
        else:
            cursor.execute("SELECT sqlite_version()")
        database_version = cursor.fetchone()[0]
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.__version__,
        "wagtail": wagtail.__version__,
        "database": f"{connection.vendor} {database_version}",
        "cache": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1],
    }


def run(
    *,
    max_requests: int,
    max_seconds: float,
    throughput_seconds: int,
    connections: int,
    only: list[str] | None = None,
    log=print,
) -> dict:
    from django.test import Client

    from wagtail_casestudies.models import CaseStudyPage

    client = Client(HTTP_HOST="localhost")
    context = pick_context()
    load_before = os.getloadavg()
    result = {
        "machine": machine(),
        "case_studies": CaseStudyPage.objects.count(),
        "checks": check_same_cards(client),
        "latency": {},
        "throughput": {},
    }
    items = [s for s in scenarios(context) if not only or s.key in only]
    for scenario in items:
        modes = ("plain",)
        if scenario.ours:
            modes = ("cold", "cached") if scenario.urls else ("cold", "warm", "cached")
        entry = {"label": scenario.label, "group": scenario.group, "url": scenario.url}
        for mode in modes:
            entry[mode] = measure_latency(
                client,
                scenario,
                cold=mode == "cold",
                warm=mode == "warm",
                max_requests=max_requests,
                max_seconds=max_seconds,
            )
            log(f"{scenario.key} [{mode}]: {entry[mode]}")
        result["latency"][scenario.key] = entry
    if throughput_seconds:
        result["throughput"] = measure_throughput(
            [s for s in items if s.throughput],
            seconds=throughput_seconds,
            connections=connections,
        )
        log(f"throughput: {json.dumps(result['throughput'])}")
    # Other work on the machine skews every figure: say how busy it was.
    result["load_average"] = {
        "before": [round(x, 2) for x in load_before],
        "after": [round(x, 2) for x in os.getloadavg()],
    }
    return result


def markdown(result: dict, generator: dict | None = None) -> str:
    """The results as a Markdown table (latency, queries, bytes, throughput)."""
    m = result["machine"]
    lines = [
        f"**{result['case_studies']:,} case studies, {m['database']}** (cache: {m['cache']}; "
        f"Django {m['django']}, Wagtail {m['wagtail']}, Python {m['python']}; "
        f"{m['cpu']}, {m['cores']} cores, {m['memory']})",
        "",
        "| | scenario | mode | p50 ms | p95 ms | queries | bytes | req/s (gunicorn, 2 workers) |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    throughput = result.get("throughput", {})
    for key, entry in result["latency"].items():
        for mode in ("cold", "warm", "cached", "plain"):
            if mode not in entry:
                continue
            data = entry[mode]
            rate = throughput.get(f"{key}:{mode}")
            rate_text = f"{rate['requests_per_second']:.0f}" if rate else ""
            if rate and rate["errors"]:
                rate_text += f" ({rate['errors']} errors)"
            mode_text = "" if mode == "plain" else mode
            lines.append(
                f"| {entry['group']} | {entry['label']} | {mode_text} | {data['p50_ms']:.1f} | "
                f"{data['p95_ms']:.1f} | {data['queries']:g} | {data['bytes']:,} | {rate_text} |"
            )
    memory = throughput.get("worker_memory")
    lines.append("")
    load = result.get("load_average")
    if load:
        lines.append(
            f"Load average (1 min) before and after: {load['before'][0]:.1f}, "
            f"{load['after'][0]:.1f} on {m['cores']} cores."
        )
    if memory and memory.get("peak_rss_mb"):
        lines.append(
            f"Worker memory after the load: {max(memory['rss_mb']):.0f} MB resident "
            f"(peak {max(memory['peak_rss_mb']):.0f} MB)."
        )
    if generator:
        lines.append(
            f"Generator: {generator['n']:,} case studies in {generator['seconds']:.0f} s "
            f"({generator['pages_per_second']:.0f}/s, of which search index "
            f"{generator['index_seconds']:.0f} s), peak memory {generator['peak_rss_mb']:.0f} MB."
        )
        if generator.get("add_child_pages_per_second"):
            lines.append(
                f"The usual way (add_child and a published revision per page): "
                f"{generator['add_child_pages_per_second']:.1f} case studies/s."
            )
    return "\n".join(lines) + "\n"
