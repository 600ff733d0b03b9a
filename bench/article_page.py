"""Article page throughput: nginx serving a static file against Broadsheet's cached and uncached pages.

Run: .venv/bin/python bench/article_page.py [--json] [--seconds 15] [--connections 16]

In one run, on a temporary SQLite site with one ~600-word article and 20 approved comments (plus some other
articles): starts Broadsheet with gunicorn (2 workers) and nginx, then measures with wrk, one after the other,
  static      nginx serving the article's HTML saved to a file;
  production  nginx in front of Broadsheet, caching the pages Broadsheet marks public (docs/caching.md);
  app cached  Broadsheet's own process, answering from its page cache;
  uncached    Broadsheet with its page cache off (PAGE_CACHE=0).
Prints a table (requests/s, p50, p99, bytes per response, and for Broadsheet's own runs the workers' CPU time
per request, which other jobs on the machine barely move), the ratios and each gunicorn worker's RSS.
Talks only to 127.0.0.1 and stops everything it started.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk") or "/usr/bin/wrk"
WORKERS = 2
COMMENTS = 20

# wrk reports through this script: exact request and byte counts, and latency percentiles in microseconds.
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"bytes":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"errors":%d}\\n',
    summary.requests, summary.bytes, summary.duration, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
"""

# Builds the site inside the temporary database: run by the bench's Python with the site's settings.
BUILD_SITE = """
import django, random
django.setup()
from datetime import timedelta
from django.utils import timezone
from broadsheet.publishing.models import Article, Author, Section, Tag
from broadsheet.publishing.related import refresh_related_articles
from broadsheet.discussion.models import Comment

random.seed(6)
WORDS = ("council harbour ferry budget island commuters timetable spring vote mayor report transport winter "
         "service ticket harbourmaster pier weather storm repair crossing passengers evening morning route").split()
def prose(count):
    words = [random.choice(WORDS) for _ in range(count)]
    sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, count, 12)]
    return "\\n\\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))

sections = [Section.objects.create(name=name, slug=name.lower(), position=i)
            for i, name in enumerate(["News", "Business", "Sport", "Culture", "Opinion"])]
authors = [Author.objects.create(name=name, slug=name.lower().replace(" ", "-"))
           for name in ["Ada Reporter", "Ben Writer", "Cleo Editor"]]
tags = [Tag.objects.create(name=name, slug=name.lower()) for name in ["Transport", "Islands", "Budget", "Weather"]]
now = timezone.now()
for number in range(40):
    other = Article.objects.create(title=f"Other story number {number}", section=sections[number % 5],
        status="published", published_at=now - timedelta(hours=number + 2), body_source=prose(300),
        standfirst="A short summary of another story.")
    other.authors.set([authors[number % 3]]); other.tags.set([tags[number % 4]])
article = Article.objects.create(title="Ferry timetable changes in spring", section=sections[0],
    status="published", published_at=now - timedelta(hours=1), body_source=prose(600),
    standfirst="The early crossing moves, and islanders have views.")
article.authors.set(authors[:2]); article.tags.set(tags[:2])
for number in range(COMMENT_COUNT):
    Comment.objects.create(article=article, author_name=f"Reader {number}", author_email=f"r{number}@example.org",
        content=prose(40), status=Comment.Status.APPROVED, created_at=now - timedelta(minutes=60 - number))
refresh_related_articles()
print(article.get_absolute_url())
"""

NGINX_CONF = """
worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  default_type text/html;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  fastcgi_temp_path {tmp}/nginx-fastcgi;
  uwsgi_temp_path {tmp}/nginx-uwsgi;
  scgi_temp_path {tmp}/nginx-scgi;

  # nginx static: the article's HTML as a plain file.
  server {{
    listen 127.0.0.1:{static_port};
    root {tmp}/static-site;
    index index.html;
  }}

{production}
}}
"""


@dataclass
class Measurement:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    bytes_per_response: int
    errors: int
    # CPU time the gunicorn workers spent per request: unlike requests/s, barely moved by other jobs on the machine.
    worker_cpu_ms: float | None = None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_nginx_block(tmp: Path, port: int, upstream_port: int, static_root: Path) -> str:
    """The production setup exactly as docs/caching.md gives it, with this run's ports and paths."""
    guide = (ROOT / "docs" / "caching.md").read_text()
    start = guide.index("# --- nginx: begin")
    config = guide[guide.index("\n", start) + 1 : guide.index("# --- nginx: end")]
    replacements = {
        "/var/cache/nginx/broadsheet": str(tmp / "nginx-cache"),
        "127.0.0.1:8000": f"127.0.0.1:{upstream_port}",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "server_name news.example.com;": "server_name _;",
        "/srv/broadsheet/var/static/": f"{static_root}/",
    }
    for old, new in replacements.items():
        config = config.replace(old, new)
    return textwrap.indent(config, "  ")


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{url} answered {error.code}") from error
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), dict(response.headers)


def measure(
    name: str, url: str, tmp: Path, seconds: int, connections: int, gunicorn: subprocess.Popen | None = None
) -> Measurement:
    script = tmp / "report.lua"
    script.write_text(WRK_REPORT)
    subprocess.run([WRK, "-t1", f"-c{connections}", "-d3s", url], check=True, capture_output=True)  # warm-up
    cpu_before = workers_cpu_seconds(gunicorn.pid) if gunicorn else 0.0
    done = subprocess.run(
        [WRK, "-t1", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        check=True,
        capture_output=True,
        text=True,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    cpu_spent = workers_cpu_seconds(gunicorn.pid) - cpu_before if gunicorn else None
    return Measurement(
        name=name,
        requests_per_second=report["requests"] / (report["duration_us"] / 1e6),
        p50_ms=report["p50_us"] / 1000,
        p99_ms=report["p99_us"] / 1000,
        bytes_per_response=round(report["bytes"] / max(1, report["requests"])),
        errors=report["errors"],
        worker_cpu_ms=round(1000 * cpu_spent / max(1, report["requests"]), 3)
        if cpu_spent is not None
        else None,
    )


def workers_cpu_seconds(master_pid: int) -> float:
    """User + system CPU time of the master's worker processes so far."""
    ticks = 0
    for pid in Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of stat(5)
    return ticks / os.sysconf("SC_CLK_TCK")


def worker_rss_mb(master_pid: int) -> list[float]:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(round(int(line.split()[1]) / 1024, 1))
    return sizes


class Processes:
    """Everything the bench starts, stopped in reverse order whatever happens."""

    def __init__(self) -> None:
        self.started: list[subprocess.Popen] = []

    def start(self, command: list[str], **options) -> subprocess.Popen:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **options)
        self.started.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process in self.started:
            self.started.remove(process)

    def stop_all(self) -> None:
        for process in reversed(list(self.started)):
            self.stop(process)


def site_environment(tmp: Path, port: int, cache_on: bool) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG"}
    }
    env.update(
        BROADSHEET_VAR_DIR=str(tmp / "var"),
        BROADSHEET_DEMO="1",
        DJANGO_SETTINGS_MODULE="broadsheet.settings",
        SECRET_KEY=(tmp / "secret").read_text(),
        SITE_URL=f"http://127.0.0.1:{port}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PAGE_CACHE="1" if cache_on else "0",
        PYTHONPATH=str(ROOT / "src"),
    )
    env.pop("BROADSHEET_TESTING", None)
    return env


def start_gunicorn(processes: Processes, env: dict[str, str], port: int) -> subprocess.Popen:
    # As `broadsheet serve` runs it, without the access log (a log line per request would be measured too).
    command = [PYTHON, "-m", "gunicorn", "broadsheet.wsgi:application", "--bind", f"127.0.0.1:{port}",
               "--workers", str(WORKERS), "--worker-class", "sync"]  # fmt: skip
    process = processes.start(command, env=env, cwd=ROOT)
    wait_for(f"http://127.0.0.1:{port}/robots.txt")
    return process


def require_tools() -> None:
    missing = [tool for tool in (NGINX, WRK) if not Path(tool).exists()]
    if missing:
        sys.exit(f"Missing {', '.join(missing)}. On Debian: apt-get install nginx wrk")


def run(seconds: int, connections: int) -> dict:
    require_tools()
    load_before = os.getloadavg()[0]
    tmp = Path(tempfile.mkdtemp(prefix="broadsheet-bench-"))
    tmp.chmod(0o755)  # nginx's workers run as an unprivileged user and read the saved page from here
    processes = Processes()
    try:
        (tmp / "secret").write_text(secrets.token_urlsafe(50))
        (tmp / "var").mkdir()
        app_port, static_port, production_port = free_port(), free_port(), free_port()
        env = site_environment(tmp, app_port, cache_on=True)
        cli = [PYTHON, "-m", "broadsheet.cli"]
        subprocess.run([*cli, "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run([*cli, "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
        built = subprocess.run(
            [PYTHON, "-c", BUILD_SITE.replace("COMMENT_COUNT", str(COMMENTS))],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        path = built.stdout.strip().splitlines()[-1]

        gunicorn = start_gunicorn(processes, env, app_port)
        html, headers = fetch(f"http://127.0.0.1:{app_port}{path}")
        page_file = tmp / "static-site" / path.strip("/") / "index.html"
        page_file.parent.mkdir(parents=True)
        page_file.write_bytes(html)

        conf = tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=tmp,
                static_port=static_port,
                production=production_nginx_block(tmp, production_port, app_port, tmp / "var" / "static"),
            )
        )
        nginx = processes.start([NGINX, "-c", str(conf), "-p", str(tmp), "-g", "daemon off;"])
        wait_for(f"http://127.0.0.1:{static_port}{path}")
        wait_for(f"http://127.0.0.1:{production_port}{path}")
        _, production_headers = fetch(f"http://127.0.0.1:{production_port}{path}")
        _, production_headers = fetch(f"http://127.0.0.1:{production_port}{path}")

        results = [
            measure("nginx static", f"http://127.0.0.1:{static_port}{path}", tmp, seconds, connections),
            measure("production: nginx + Broadsheet cache", f"http://127.0.0.1:{production_port}{path}", tmp, seconds, connections),
            measure("Broadsheet alone, cached", f"http://127.0.0.1:{app_port}{path}", tmp, seconds, connections, gunicorn),
        ]  # fmt: skip
        rss_cached = worker_rss_mb(gunicorn.pid)
        processes.stop(gunicorn)

        gunicorn = start_gunicorn(processes, site_environment(tmp, app_port, cache_on=False), app_port)
        _, uncached_headers = fetch(f"http://127.0.0.1:{app_port}{path}")
        results.append(measure("Broadsheet alone, cache off", f"http://127.0.0.1:{app_port}{path}", tmp, seconds, connections, gunicorn))  # fmt: skip
        rss_uncached = worker_rss_mb(gunicorn.pid)
        processes.stop(gunicorn)
        processes.stop(nginx)
        return {
            "results": results,
            "page_bytes": len(html),
            "checks": {
                "app_x_cache": headers.get("X-Cache"),
                "production_x_cache_status": production_headers.get("X-Cache-Status"),
                "uncached_x_cache": uncached_headers.get("X-Cache"),
                "comments_on_page": html.count(b'class="comment '),
            },
            "worker_rss_mb": {"cached": rss_cached, "uncached": rss_uncached},
            "load_average_before": load_before,
        }
    finally:
        processes.stop_all()
        if os.environ.get("BENCH_KEEP_TMP"):
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    outcome = run(options.seconds, options.connections)
    static, production, app, uncached = outcome["results"]
    every_worker = outcome["worker_rss_mb"]["cached"] + outcome["worker_rss_mb"]["uncached"]
    summary = {
        "static_rps": round(static.requests_per_second),
        "cached_rps": round(production.requests_per_second),
        "app_cached_rps": round(app.requests_per_second),
        "uncached_rps": round(uncached.requests_per_second),
        "cached_to_static": round(production.requests_per_second / static.requests_per_second, 3),
        "app_cached_to_static": round(app.requests_per_second / static.requests_per_second, 3),
        "uncached_to_static": round(uncached.requests_per_second / static.requests_per_second, 4),
        "worker_rss_mb": max(every_worker),
        "worker_rss_mb_each": outcome["worker_rss_mb"],
        "page_bytes": outcome["page_bytes"],
        "checks": outcome["checks"],
        "uncached_worker_cpu_ms": uncached.worker_cpu_ms,
        "load_average_before": outcome["load_average_before"],
        "load_average_after": os.getloadavg()[0],
        "measurements": [asdict(result) for result in outcome["results"]],
    }
    if options.json:
        print(json.dumps(summary))
        return
    print(f"Article page: {outcome['page_bytes']:,} bytes, {outcome['checks']['comments_on_page']} comments; "
          f"wrk -t1 -c{options.connections} -d{options.seconds}s after a 3 s warm-up\n")  # fmt: skip
    print(
        f"| {'setup':<40} | {'requests/s':>10} | {'p50 ms':>7} | {'p99 ms':>7} | {'bytes':>7} | {'errors':>6} "
        f"| {'worker CPU ms/request':>21} |"
    )
    print(f"| {'-' * 40} | {'-' * 10}:| {'-' * 6}:| {'-' * 6}:| {'-' * 6}:| {'-' * 5}:| {'-' * 20}:|")
    for result in outcome["results"]:
        cpu = f"{result.worker_cpu_ms:.2f}" if result.worker_cpu_ms is not None else ""
        print(
            f"| {result.name:<40} | {result.requests_per_second:>10,.0f} | {result.p50_ms:>7.2f} | "
            f"{result.p99_ms:>7.2f} | {result.bytes_per_response:>7,} | {result.errors:>6} | {cpu:>21} |"
        )
    print(
        f"\nproduction / static = {summary['cached_to_static']:.2f} (target ≥ 0.5); "
        f"app cached / static = {summary['app_cached_to_static']:.3f}; "
        f"uncached = {summary['uncached_rps']} req/s (target ≥ 300)"
    )
    print(
        f"gunicorn worker RSS (MB): cached run {outcome['worker_rss_mb']['cached']}, "
        f"uncached run {outcome['worker_rss_mb']['uncached']} (target ≤ 120)"
    )
    print(
        f"checks: {outcome['checks']}; load average before {summary['load_average_before']:.2f}, "
        f"at the end {summary['load_average_after']:.2f}"
    )
    if summary["load_average_before"] > 0.5:
        print(
            "note: other jobs were running when the bench started (see the load average); requests/s are then "
            "lower bounds, while worker CPU ms/request still reads the app's own cost."
        )


if __name__ == "__main__":
    main()
