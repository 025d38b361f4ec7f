"""`make loadtest`: a campaign's peak on this machine, bounded in users, rate and time.

    .venv/bin/python tests/load/run.py          (settings: the LOADTEST_* variables below)

1. Prepares a database of its own (LOADTEST_DATABASE), once, and keeps it as a template
   (LOADTEST_DATABASE_template) that every later run copies afresh: the demo city plus
   LOADTEST_PROPOSALS pins, their overlay and clusters; writer accounts with API tokens.
2. Starts gunicorn as docs/operations.md describes (LOADTEST_LAYOUT gthread: 4 workers x 4
   threads with the overload bound; sync: 4 sync workers, as before), a Celery worker and,
   with LOADTEST_PROXY=nginx (the default), nginx in front with config/nginx/stadtmacher.conf:
   public tiles shared by all readers for LOADTEST_TILES_MAX_AGE seconds (TILES_MAX_AGE),
   and anonymous readers' public pages for LOADTEST_PAGES_MAX_AGE seconds (PAGES_MAX_AGE).
   LOADTEST_PROXY=none sends locust to gunicorn directly.
3. Runs tests/load/locustfile.py headless once per stage of LOADTEST_STAGES users, each
   counted for LOADTEST_STAGE_SECONDS once all its users run (they start at
   LOADTEST_SPAWN_RATE a second; after LOADTEST_WARMUP_SECONDS at 20 users, not counted),
   and samples the CPU time of gunicorn, the Celery worker, the PostgreSQL backends serving
   the load database, locust and nginx, what those backends wait on, and how many tile
   requests nginx answered from its cache.
4. Checks afterwards that every write the server acknowledged is in the database exactly
   once, that each proposal's support_count equals its supports, and that the clusters the
   incremental updates left equal a full recompute.
Prints a table per stage (p50/p95 of map reads, pages and writes, requests/s, 503s, errors,
CPU split) and the knee: the first stage where map reads pass 300 ms at p95. The numbers
go to var/loadtest/summary.json too. Exit status 1 if a check fails.
"""

import collections
import csv
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "var" / "loadtest"
PY = sys.executable
BIN = Path(sys.executable).parent

DATABASE = os.environ.get("LOADTEST_DATABASE", "sm_loadtest")
BASE_URL = os.environ.get("DATABASE_URL", "postgis://postgres@127.0.0.1:5432/stadtmacher")
DATABASE_URL = BASE_URL.rsplit("/", 1)[0] + "/" + DATABASE
PROPOSALS = int(os.environ.get("LOADTEST_PROPOSALS", "20000"))
STAGES = [int(n) for n in os.environ.get("LOADTEST_STAGES", "25,50,100,200").split(",")]
STAGE_SECONDS = int(os.environ.get("LOADTEST_STAGE_SECONDS", "45"))
# A running campaign meets warm servers: before the stages, this many seconds at 20 users
# fill the caches and start every worker's connections (not counted; 0 to measure from cold).
WARMUP_SECONDS = int(os.environ.get("LOADTEST_WARMUP_SECONDS", "20"))
# Which locust users run (e.g. "Reader" alone, to see reads without writes); empty: all.
CLASSES = os.environ.get("LOADTEST_CLASSES", "").split()
SPAWN_RATE = float(os.environ.get("LOADTEST_SPAWN_RATE", "50"))
LAYOUT = os.environ.get("LOADTEST_LAYOUT", "gthread")
WORKERS = int(os.environ.get("LOADTEST_WORKERS", "4"))
THREADS = int(os.environ.get("LOADTEST_THREADS", "4"))
WRITERS = int(os.environ.get("LOADTEST_WRITERS", "300"))
BROKER = os.environ.get("LOADTEST_BROKER", "redis://127.0.0.1:6379/12")
PROXY = os.environ.get("LOADTEST_PROXY", "nginx")
TILES_MAX_AGE = os.environ.get("LOADTEST_TILES_MAX_AGE", "10" if PROXY == "nginx" else "0")
PAGES_MAX_AGE = os.environ.get("LOADTEST_PAGES_MAX_AGE", "10" if PROXY == "nginx" else "0")
KNEE_MS = 300

os.environ.update(
    DATABASE_URL=DATABASE_URL, DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings.base"
)
sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(f"loadtest: {message}", flush=True)


def logfile(name: str):
    """A log of a child process, under var/loadtest (closed when this process ends)."""
    return (OUT / name).open("ab")  # noqa: SIM115


def free_port() -> int:
    from tests.nginx import free_port

    return free_port()


# --- 1. the database ---------------------------------------------------------------------


# Every run starts from the same city: the prepared database is kept as a template, and each
# run works on a fresh copy of it. Runs on one database that kept the previous runs' writes
# (some 2,300 each, and their dead rows) were up to three times slower at 400 users.
TEMPLATE = f"{DATABASE}_template"
ADMIN_URL = BASE_URL.replace("postgis://", "postgresql://").rsplit("/", 1)[0] + "/postgres"


def _exists(conn, name: str) -> bool:
    return bool(conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone())


def ensure_database() -> None:
    """A fresh copy of the template when there is one, else an empty database to prepare."""
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if _exists(conn, TEMPLATE):
            log(f"copying {TEMPLATE} to {DATABASE}")
            conn.execute(f'CREATE DATABASE "{DATABASE}" TEMPLATE "{TEMPLATE}"')
        else:
            log(f"creating database {DATABASE}")
            conn.execute(f'CREATE DATABASE "{DATABASE}"')
    with psycopg.connect(DATABASE_URL.replace("postgis://", "postgresql://"), autocommit=True) as c:
        c.execute("CREATE EXTENSION IF NOT EXISTS postgis")


def keep_as_template() -> None:
    """After the first preparation: the prepared city becomes the template of later runs."""
    import psycopg
    from django.db import connections

    for connection in connections.all():  # a copy needs the city without sessions
        connection.close()
        connection.close_pool()
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        if not _exists(conn, TEMPLATE):
            log(f"keeping the prepared city as {TEMPLATE} (drop it to prepare again)")
            conn.execute(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE "{DATABASE}"')


def prepare_data() -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", "--noinput", verbosity=0)
    from proposals.models import Proposal

    if not Proposal.objects.exists():
        log("loading the demo city")
        call_command("demo_city", verbosity=0)
    extra = Proposal.objects.filter(title__startswith="Load pin ").count()
    if extra < PROPOSALS:
        log(f"adding {PROPOSALS - extra} pins, their overlay and clusters")
        _insert_pins(PROPOSALS - extra, start=extra)
        from layers.overlay import overlay_refresh
        from spatial.services import clusters_recompute

        overlay_refresh()
        clusters_recompute(refresh=True)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    keep_as_template()
    return {
        "tokens": _writer_tokens(),
        "proposal_ids": _some_proposal_ids(),
        "points": _some_points(),
    }


def _insert_pins(n: int, start: int) -> None:
    from django.conf import settings
    from django.db import connection

    from accounts.models import User

    author, _ = User.objects.get_or_create(username="load-author")
    minlon, minlat, maxlon, maxlat = settings.CITY_BBOX
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO proposals_proposal (author_id, kind, category, title, description,
                geom, status, hidden_reason, support_count, comment_count, created_at,
                updated_at)
            SELECT %(author)s, (ARRAY['proposal', 'conflict'])[1 + i %% 2],
                   (ARRAY['housing', 'mobility', 'green_space', 'public_space', 'commons',
                          'other'])[1 + i %% 6],
                   'Load pin ' || i, 'Because of reason ' || i,
                   CASE WHEN i %% 10 = 0 THEN ST_Buffer(pt, 0.0005, 2) ELSE pt END,
                   'active', '', 0, 0, now() - i * interval '1 minute', now()
            FROM (SELECT i, ST_SetSRID(ST_MakePoint(
                             %(minlon)s + 0.01 + random() * (%(maxlon)s - %(minlon)s - 0.02),
                             %(minlat)s + 0.01 + random() * (%(maxlat)s - %(minlat)s - 0.02)),
                         4326) AS pt
                  FROM generate_series(%(start)s + 1, %(start)s + %(n)s) AS i) AS points
            """,
            {"author": author.pk, "n": n, "start": start, "minlon": minlon, "minlat": minlat,
             "maxlon": maxlon, "maxlat": maxlat},
        )  # fmt: skip


def _writer_tokens() -> list:
    from knox.models import AuthToken

    from accounts.models import User

    tokens = []
    for i in range(WRITERS):
        user, _ = User.objects.get_or_create(username=f"load-writer-{i}")
        tokens.append((user.pk, AuthToken.objects.create(user)[1]))
    return tokens


def _some_proposal_ids() -> list[int]:
    from proposals.models import Proposal

    return list(
        Proposal.objects.filter(status="active").order_by("?").values_list("id", flat=True)[:3000]
    )


def _some_points() -> list[list[float]]:
    """Where writers pin: points on existing pins (so inside the districts, where pins are
    accepted), which the locustfile moves by a few metres."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT ST_X(p), ST_Y(p) FROM (
                   SELECT ST_PointOnSurface(p.geom) AS p FROM proposals_proposal p
                   JOIN layers_proposaloverlay o ON o.proposal_id = p.id
                   WHERE p.status = 'active' AND o.district_id IS NOT NULL
                   ORDER BY random() LIMIT 3000) s"""
        )
        return [list(row) for row in cursor.fetchall()]


# --- 2. the servers ----------------------------------------------------------------------


def server_env() -> dict:
    relaxed = {f"RATE_LIMIT_{scope}": "1000000/hour" for scope in (
        "PROPOSALS", "PROPOSALS_ADDRESS", "COMMENTS", "COMMENTS_ADDRESS", "SUPPORTS",
        "SUPPORTS_ADDRESS",
    )}  # fmt: skip
    env = {
        **os.environ,
        **relaxed,
        "DEBUG": "0",
        "SECRET_KEY": "load-test-only",
        "DATABASE_URL": DATABASE_URL,
        "CELERY_BROKER_URL": BROKER,
        "STATIC_ROOT": str(OUT / "static"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "TILES_MAX_AGE": TILES_MAX_AGE,
        "PAGES_MAX_AGE": PAGES_MAX_AGE,
        "TRUSTED_PROXY_COUNT": "1" if PROXY == "nginx" else "0",
    }
    if LAYOUT == "sync":  # as before: no pool, no bound on the work in a process
        env.update(DATABASE_POOL_MAX_SIZE="0", CONN_MAX_AGE="60", OVERLOAD_MAX_IN_FLIGHT="0")
    return env


def start_servers(port: int) -> list[subprocess.Popen]:
    env = server_env()
    manifest = OUT / "static" / "staticfiles.json"
    sources = ROOT / "frontend" / "static"
    newest = max(p.stat().st_mtime for p in sources.rglob("*") if p.is_file())
    if not manifest.exists() or manifest.stat().st_mtime < newest:  # takes a minute
        subprocess.run(
            [PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    layout = ["--workers", str(WORKERS)]
    if LAYOUT == "gthread":
        layout += ["--worker-class", "gthread", "--threads", str(THREADS)]
    gunicorn = subprocess.Popen(
        [BIN / "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
         *layout],
        cwd=ROOT, env=env, stdout=logfile("gunicorn.log"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    worker = subprocess.Popen(
        [PY, "-m", "celery", "-A", "config", "worker", "-c", "1", "-l", "warning",
         "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env, stdout=logfile("celery.log"), stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    import requests

    deadline = time.monotonic() + 180  # a busy machine boots 4 workers slowly
    while True:
        try:
            requests.get(f"http://127.0.0.1:{port}/api/", timeout=30)
            return [gunicorn, worker]
        except requests.RequestException:
            if time.monotonic() > deadline:
                stop_servers([gunicorn, worker])
                raise SystemExit("gunicorn did not start; see var/loadtest/gunicorn.log") from None
            time.sleep(0.5)


def start_proxy(port: int, upstream: int) -> subprocess.Popen:
    """nginx with the documented site config (config/nginx/stadtmacher.conf) on `port`."""
    from tests import nginx

    try:
        return nginx.start(OUT / "nginx", port=port, upstream=upstream, log=logfile("nginx.log"))
    except RuntimeError as exc:
        raise SystemExit(str(exc)) from None


def stop_servers(servers: list[subprocess.Popen]) -> None:
    servers[0].send_signal(signal.SIGTERM)  # gunicorn's master stops its workers
    os.killpg(servers[1].pid, signal.SIGTERM)  # the Celery worker's own process group
    for process in servers[2:]:
        process.terminate()  # nginx
    for process in servers:
        process.wait(30)


# --- 3. stages and CPU -------------------------------------------------------------------


# The advisory locks the app takes, by key: who waits on which.
ADVISORY_LOCKS = {4_0004: "cluster writes", 0x7469_6C65: "tile flush"}


class CpuSampler(threading.Thread):
    """CPU seconds of the app (gunicorn's processes), of the PostgreSQL backends serving the
    load database, and of locust, sampled every half second (backends come and go)."""

    def __init__(self, roots: dict[str, int]):
        super().__init__(daemon=True)
        self.roots = roots  # app, worker, locust and proxy: the root of each process tree
        self.seen: dict[str, dict[int, tuple[float, float]]] = {
            "app": {}, "worker": {}, "db": {}, "locust": {}, "proxy": {}
        }  # fmt: skip
        self.stop = threading.Event()
        self.waits: collections.Counter = collections.Counter()
        self.busy: collections.Counter = collections.Counter()
        self.samples = 0

    def _backends(self, conn) -> list[int]:
        """The load database's backends; counts what the active ones wait on (CPU: none)."""
        rows = conn.execute(
            r"""SELECT a.pid, a.state, a.wait_event_type, a.wait_event, l.objid,
                      left(regexp_replace(a.query, '\s+', ' ', 'g'), 50)
               FROM pg_stat_activity a
               LEFT JOIN pg_locks l ON l.pid = a.pid AND NOT l.granted
                                       AND l.locktype = 'advisory'
               WHERE a.datname = %s AND a.pid <> pg_backend_pid()""",
            [DATABASE],
        ).fetchall()
        for _, state, kind, event, objid, query in rows:
            if state == "active" and not kind:
                self.busy[query] += 1  # on a CPU (or runnable): what it runs
            if state == "active":
                lock = ADVISORY_LOCKS.get(objid, objid)
                self.waits[
                    f"{kind}:{event}({lock})" if objid else f"{kind}:{event}" if kind else "CPU"
                ] += 1
            elif state == "idle in transaction":
                # What the transaction ran last, while its thread does something else.
                self.waits[f"idle in transaction after: {query}"] += 1
        self.samples += 1
        return [row[0] for row in rows]

    def db_busy(self) -> dict[str, float]:
        """Mean number of backends running each statement (by its start) on a CPU."""
        return {k: round(v / max(self.samples, 1), 2) for k, v in self.busy.most_common(5)}

    def db_waits(self) -> dict[str, float]:
        """Mean number of backends per state over the stage, the largest first."""
        return {k: round(v / max(self.samples, 1), 2) for k, v in self.waits.most_common(8)}

    def _sample(self, group: str, pids) -> None:
        import psutil

        for pid in pids:
            try:
                times = psutil.Process(pid).cpu_times()
            except psutil.Error:
                continue
            used = times.user + times.system
            first, _ = self.seen[group].get(pid, (used, used))
            self.seen[group][pid] = (first, used)

    def _tree(self, pid: int) -> list[int]:
        import psutil

        try:
            root = psutil.Process(pid)
            return [root.pid, *(c.pid for c in root.children(recursive=True))]
        except psutil.Error:
            return []

    def run(self):
        import psycopg

        with psycopg.connect(BASE_URL.replace("postgis://", "postgresql://"), autocommit=True) as c:
            while not self.stop.is_set():
                for group, root in self.roots.items():
                    self._sample(group, self._tree(root))
                self._sample("db", self._backends(c))
                self.stop.wait(0.5)

    def seconds(self) -> dict[str, float]:
        return {
            g: sum(last - first for first, last in pids.values()) for g, pids in self.seen.items()
        }


def cpu_pressure() -> float:
    """Seconds during which some runnable task waited for a CPU, since boot (Linux PSI):
    over a stage, the share of time the two cores were oversubscribed."""
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except OSError:
        return 0.0
    return int(line.rsplit("total=", 1)[1]) / 1e6


def run_stage(users: int, url: str, pids: dict, files: dict, seconds: int = STAGE_SECONDS,
              name: str = "") -> dict:  # fmt: skip
    prefix = OUT / f"stage-{LAYOUT}-{name or users}"
    env = {
        **os.environ,
        "LOADTEST_CITY_BBOX": files["bbox"],
        "LOADTEST_TOKENS": str(files["tokens"]),
        "LOADTEST_PROPOSAL_IDS": str(files["ids"]),
        "LOADTEST_POINTS": str(files["points"]),
        "LOADTEST_ACKS": str(files["acks"]),
        "LOADTEST_RUN": files["run"],
        # nginx stamps X-Request-Start itself; without it locust plays the proxy
        "LOADTEST_PROXY_STAMP": "0" if PROXY == "nginx" else "1",
    }
    # Users start at SPAWN_RATE a second; what is counted (locust's statistics, reset when
    # the last user has started, and the samples here) is the `seconds` after that.
    ramp = users / SPAWN_RATE
    command = [BIN / "locust", "-f", ROOT / "tests/load/locustfile.py", "--headless",
               "-u", str(users), "-r", str(SPAWN_RATE), "-t", f"{round(ramp + seconds)}s",
               "--reset-stats", "--host", url, "--csv", prefix, "--only-summary",
               "--stop-timeout", "10", "--exit-code-on-error", "0", "--loglevel", "WARNING",
               *CLASSES]  # fmt: skip
    locust = subprocess.Popen(command, cwd=ROOT, env=env, stdout=logfile(f"{prefix.name}.log"),
                              stderr=subprocess.STDOUT)  # fmt: skip
    time.sleep(ramp)
    access_log = OUT / "nginx" / "access.log"
    log_start = access_log.stat().st_size if access_log.exists() else 0
    pressure = cpu_pressure()
    started = time.monotonic()
    sampler = CpuSampler({**pids, "locust": locust.pid})
    sampler.start()
    time.sleep(seconds)
    sampler.stop.set()
    sampler.join()
    wall = time.monotonic() - started
    cpu = {k: round(100 * v / wall) for k, v in sampler.seconds().items()}
    waited = round(100 * (cpu_pressure() - pressure) / wall)
    locust.wait(120)
    return {"users": users, "wall_s": round(wall, 1), **read_stats(prefix), "cpu_pct": cpu,
            "cpu_waited_pct": waited,
            "db_backends": sampler.db_waits(),
            "db_busy": sampler.db_busy(),
            "nginx_cache": cache_statuses(access_log, log_start)}  # fmt: skip


def cache_statuses(access_log: Path, start: int) -> dict[str, dict[str, int]]:
    """nginx's answers since `start` by cache status (HIT, STALE, UPDATING: without the app;
    REVALIDATED, EXPIRED, MISS, BYPASS: the app answered), for tile requests and for page
    requests (anything outside /api/ and /static/)."""
    if not access_log.exists():
        return {}
    kinds = {"tiles": collections.Counter(), "pages": collections.Counter()}
    with access_log.open() as log:
        log.seek(start)
        for line in log:
            status, *_, uri = line.split()
            if "/tiles/" in uri:
                kinds["tiles"][status] += 1
            elif not uri.startswith(("/api/", "/static/", "/jsi18n/")):
                kinds["pages"][status] += 1
    return {kind: dict(counts.most_common()) for kind, counts in kinds.items() if counts}


def read_stats(prefix: Path) -> dict:
    rows = list(csv.DictReader(open(f"{prefix}_stats.csv")))  # noqa: SIM115
    failures = list(csv.DictReader(open(f"{prefix}_failures.csv")))  # noqa: SIM115
    # The map's reads: the features of a view, and the count tiles that decide whether to
    # ask for them (map/loader.js).
    groups = {
        "map": ("map bbox", "counts z"),
        "tiles": ("tile z",),
        "pages": ("page:",),
        "writes": ("write:",),
    }
    stats = {}
    for group, starts in groups.items():
        picked = [r for r in rows if r["Name"].startswith(starts)]
        count = sum(int(r["Request Count"]) for r in picked)
        if not count:
            continue
        # p50/p95 of a group: the request-weighted worst of its names (locust keeps no
        # merged histogram across names in the CSV)
        stats[group] = {
            "requests": count,
            "p50_ms": max(float(r["50%"]) for r in picked if int(r["Request Count"])),
            "p95_ms": max(float(r["95%"]) for r in picked if int(r["Request Count"])),
            "failed": sum(int(r["Failure Count"]) for r in picked),
        }
    total = next(r for r in rows if r["Name"] == "Aggregated")
    shed = sum(int(f["Occurrences"]) for f in failures if "code=503" in f["Error"])
    refused = sum(int(f["Occurrences"]) for f in failures if "code=4" in f["Error"])
    return {
        **stats,
        "rps": round(float(total["Requests/s"]), 1),
        "requests": int(total["Request Count"]),
        "failed": int(total["Failure Count"]),
        "shed_503": shed,
        "refused_4xx": refused,
    }


# --- 4. the checks -----------------------------------------------------------------------


def check_writes(acks_file: Path) -> dict:
    from django.db import connection

    acks = [json.loads(line) for line in acks_file.read_text().splitlines() if line]
    by_kind = {k: [a for a in acks if a["kind"] == k] for k in ("proposal", "comment", "support")}
    problems = []
    with connection.cursor() as cursor:
        titles = [a["title"] for a in by_kind["proposal"]]
        cursor.execute(
            "SELECT title, count(*) FROM proposals_proposal WHERE title = ANY(%s) GROUP BY 1",
            [titles],
        )
        found = dict(cursor.fetchall())
        problems += [f"proposal {t!r}: {found.get(t, 0)} rows" for t in titles if found.get(t) != 1]
        bodies = [a["body"] for a in by_kind["comment"]]
        cursor.execute(
            "SELECT body, count(*) FROM proposals_comment WHERE body = ANY(%s) GROUP BY 1", [bodies]
        )
        found = dict(cursor.fetchall())
        problems += [f"comment {b!r}: {found.get(b, 0)} rows" for b in bodies if found.get(b) != 1]
        pairs = {(a["user"], a["proposal"]) for a in by_kind["support"]}
        cursor.execute(
            """SELECT count(*) FROM proposals_support s
               JOIN unnest(%s::bigint[], %s::bigint[]) AS a(u, p)
                 ON s.user_id = a.u AND s.proposal_id = a.p""",
            [[u for u, _ in pairs], [p for _, p in pairs]],
        )
        if cursor.fetchone()[0] != len(pairs):
            problems.append("an acknowledged support is missing")
        cursor.execute(
            """SELECT count(*) FROM proposals_proposal p
               WHERE p.support_count <> (SELECT count(*) FROM proposals_support s
                                         WHERE s.proposal_id = p.id)"""
        )
        drifted = cursor.fetchone()[0]
        if drifted:
            problems.append(f"{drifted} proposals whose support_count differs from their supports")
    return {
        "acknowledged": {k: len(v) for k, v in by_kind.items()},
        "problems": problems[:20],
        "problem_count": len(problems),
    }


def check_clusters() -> dict:
    from django.db import connection

    from spatial.services import clusters_recompute

    def partition():
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT array_agg(proposal_id ORDER BY proposal_id) FROM spatial_clustermember
                   GROUP BY cluster_id"""
            )
            return {tuple(row[0]) for row in cursor.fetchall()}

    incremental = partition()
    clusters_recompute()
    full = partition()
    return {
        "clusters": len(full),
        "equal": incremental == full,
        "only_incremental": len(incremental - full),
        "only_full": len(full - incremental),
    }


# --- main --------------------------------------------------------------------------------


def print_table(stages: list[dict]) -> None:
    head = (f"{'users':>5} {'req/s':>6} {'map p50':>8} {'map p95':>8} {'tile p95':>8} "
            f"{'page p95':>8} "
            f"{'write p95':>9} {'503':>5} {'4xx':>5} {'errors':>6}  "
            "cpu % app / worker / db / locust / proxy")  # fmt: skip
    print(head)
    for s in stages:
        m, t = s.get("map", {}), s.get("tiles", {})
        p, w = s.get("pages", {}), s.get("writes", {})
        cpu = s["cpu_pct"]
        cells = [
            f"{s['users']:>5}",
            f"{s['rps']:>6}",
            f"{m.get('p50_ms', 0):>8.0f}",
            f"{m.get('p95_ms', 0):>8.0f}",
            f"{t.get('p95_ms', 0):>8.0f}",
            f"{p.get('p95_ms', 0):>8.0f}",
            f"{w.get('p95_ms', 0):>9.0f}",
            f"{s['shed_503']:>5}",
            f"{s['refused_4xx']:>5}",
            f"{s['failed'] - s['shed_503'] - s['refused_4xx']:>6}",
            f" {cpu['app']} / {cpu['worker']} / {cpu['db']} / {cpu['locust']} / {cpu['proxy']}",
        ]
        print(" ".join(cells))
        waits = ", ".join(f"{k} {v}" for k, v in s.get("db_backends", {}).items())
        print(f"{'':>5} database backends on average: {waits or 'none active'}")
        busy = "; ".join(f"{v} {k}" for k, v in s.get("db_busy", {}).items())
        if busy:
            print(f"{'':>5} database backends on a CPU, running: {busy}")
        if "cpu_waited_pct" in s:
            print(f"{'':>5} some task waited for a CPU {s['cpu_waited_pct']}% of the time (PSI)")
        for kind, statuses in s.get("nginx_cache", {}).items():
            cached = ", ".join(f"{k} {v}" for k, v in statuses.items())
            print(f"{'':>5} {kind[:-1]} requests at nginx: {cached}")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_database()
    data = prepare_data()
    from django.conf import settings

    run = f"{int(time.time())}"
    files = {
        "bbox": ",".join(str(v) for v in settings.CITY_BBOX),
        "tokens": OUT / "tokens.json",
        "ids": OUT / "ids.json",
        "points": OUT / "points.json",
        "acks": OUT / f"acks-{run}.jsonl",
        "run": run,
    }
    files["tokens"].write_text(json.dumps(data["tokens"]))
    files["ids"].write_text(json.dumps(data["proposal_ids"]))
    files["points"].write_text(json.dumps(data["points"]))
    files["acks"].touch()
    port = free_port()
    servers = start_servers(port)
    pids = {"app": servers[0].pid, "worker": servers[1].pid}
    if PROXY == "nginx":
        front = free_port()
        servers.append(start_proxy(front, port))
        pids["proxy"], port = servers[-1].pid, front
    stages = []
    try:
        if WARMUP_SECONDS:
            log(f"warming up: 20 users for {WARMUP_SECONDS} s (not counted)")
            run_stage(20, f"http://127.0.0.1:{port}", pids, files, WARMUP_SECONDS, "warmup")
        for users in STAGES:
            log(f"stage: {users} users for {STAGE_SECONDS} s ({LAYOUT}, proxy {PROXY})")
            stages.append(run_stage(users, f"http://127.0.0.1:{port}", pids, files))
            print_table(stages[-1:])
    finally:
        stop_servers(servers)
    writes = check_writes(files["acks"])
    clusters = check_clusters()
    # The knee: the first stage where a map read (GeoJSON or tile) passes KNEE_MS at p95.
    knee = next(
        (s["users"] for s in stages
         if max(s.get(g, {}).get("p95_ms", 0) for g in ("map", "tiles")) > KNEE_MS),
        None,
    )  # fmt: skip
    summary = {"layout": LAYOUT, "proxy": PROXY, "tiles_max_age": TILES_MAX_AGE,
               "pages_max_age": PAGES_MAX_AGE,
               "workers": WORKERS, "threads": THREADS, "proposals": PROPOSALS,
               "stage_seconds": STAGE_SECONDS, "stages": stages, "knee_users": knee,
               "writes": writes, "clusters": clusters}  # fmt: skip
    (OUT / f"summary-{LAYOUT}.json").write_text(json.dumps(summary, indent=2))
    print()
    print_table(stages)
    print(
        f"knee (map or tile p95 > {KNEE_MS} ms): {knee or f'not reached up to {STAGES[-1]} users'}"
    )
    print(f"writes acknowledged: {writes['acknowledged']}; problems: {writes['problem_count']}")
    for problem in writes["problems"]:
        print(f"  {problem}")
    print(f"clusters: {clusters}")
    return 0 if not writes["problem_count"] and clusters["equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
