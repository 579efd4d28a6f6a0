"""Debian's nginx serving a built site with the repository's own configuration (deploy/)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LISTEN = "listen 127.0.0.1:8080;"


def serve_with_nginx(site: Path, prefix: Path) -> tuple[str, Callable[[], None]]:
    """Serve ``site`` through deploy/nginx.conf, changed only in its port; returns the URL and a stop function.

    nginx runs in ``prefix`` with the layout the configuration expects: deploy/ beside site/.
    """
    port = _free_port()
    config = (ROOT / "deploy/nginx.conf").read_text()
    assert LISTEN in config, "deploy/nginx.conf no longer listens where this helper expects"
    (prefix / "deploy").mkdir(parents=True)
    (prefix / "deploy/nginx.conf").write_text(config.replace(LISTEN, f"listen 127.0.0.1:{port};"))
    shutil.copy(ROOT / "deploy/careercheck.conf", prefix / "deploy")
    (prefix / "site").symlink_to(site)
    (prefix / ".nginx").mkdir()
    # As root, nginx's workers would run as `nobody`, who cannot read pytest's private folders.
    user = ["-g", "user root;"] if os.geteuid() == 0 else []
    log = prefix / "nginx.log"
    with log.open("w") as errors:
        process = subprocess.Popen([NGINX, "-p", f"{prefix}/", "-c", "deploy/nginx.conf", *user], stderr=errors)
    _wait_for(port, process, log)
    return f"http://127.0.0.1:{port}", lambda: (process.terminate(), process.wait(10))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on port {port}")
