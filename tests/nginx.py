"""nginx in front of an app server with the documented site config
(config/nginx/stadtmacher.conf), for the load test and the tests of that config."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "config" / "nginx" / "stadtmacher.conf"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_config(home: Path, *, port: int, upstream: int) -> Path:
    """nginx.conf under `home` (with its cache, emptied, temp files, pid and log) including the site
    config with @LISTEN@, @UPSTREAM@ and @CACHE@ filled in; returns its path."""
    # A new front starts with an empty cache: copies left by an earlier run (of another
    # database, with other versions) would be served as if they were this one's.
    shutil.rmtree(home / "cache", ignore_errors=True)
    for sub in ("cache", "temp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    site = SITE.read_text()
    values = {"LISTEN": f"127.0.0.1:{port}", "UPSTREAM": f"127.0.0.1:{upstream}",
              "CACHE": str(home / "cache")}  # fmt: skip
    for name, value in values.items():
        site = site.replace(f"@{name}@", value)
    (home / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {home / 'temp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = home / "nginx.conf"
    conf.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # workers may write the cache
        + f"worker_processes 1;\npid {home / 'nginx.pid'};\n"
        f"error_log {home / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        "log_format timed '$upstream_cache_status $status $request_time "
        "$upstream_response_time $request_uri';\n"
        f"access_log {home / 'access.log'} timed; {temp} include {home / 'site.conf'};\n}}\n"
    )
    return conf


def start(home: Path, *, port: int, upstream: int, log) -> subprocess.Popen:
    """Start nginx in the foreground and wait until it answers on `port`."""
    import requests

    conf = write_config(home, port=port, upstream=upstream)
    nginx = subprocess.Popen(
        ["nginx", "-c", conf, "-p", home, "-g", "daemon off;"],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=10)
            return nginx
        except requests.RequestException:
            if nginx.poll() is not None or time.monotonic() > deadline:
                nginx.kill()
                raise RuntimeError(f"nginx did not start; see {home / 'error.log'}") from None
            time.sleep(0.1)
