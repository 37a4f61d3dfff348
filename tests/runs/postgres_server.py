"""A real PostgreSQL server for the run-store tests, started from Debian's binaries in a temp folder.

It installs nothing: `initdb` makes a throw-away cluster, `pg_ctl` starts it on 127.0.0.1 only
(a free port of 55432-55439, no Unix socket outside its own folder), with trust authentication
for the one local user and fsync off (a test cluster: speed over durability). initdb refuses to
run as root, so as root (CI, this machine) the cluster belongs to the `postgres` user that
Debian's package creates, and the commands run through `runuser`.

Missing binaries skip the tests with the reason, unless NNX_REQUIRE_POSTGRES=1 (CI), where
they fail: a CI that silently skipped them would prove nothing.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

from tests.ports import free_port_in

PORTS = range(55432, 55440)
REQUIRE_ENV = "NNX_REQUIRE_POSTGRES"
SUPERUSER = "nnx"
SERVICE_USER = "postgres"  # Debian's package creates it; initdb will not run as root


def _missing(reason: str) -> None:
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{REQUIRE_ENV}=1 but {reason}")
    pytest.skip(reason)


def _binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them off PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


class PostgresServer:
    """One throw-away cluster; `new_database()` gives each test its own empty database."""

    def __init__(self) -> None:
        bin_dir = _binaries()
        if bin_dir is None:
            _missing("PostgreSQL's server binaries are not installed (Debian: apt-get install -y postgresql)")
        try:
            import psycopg  # noqa: F401
        except ImportError:
            _missing("psycopg is not installed (pip install -r requirements.txt)")
        self.bin = bin_dir
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam(SERVICE_USER)
            except KeyError:
                _missing(f"running as root and there is no '{SERVICE_USER}' user to run initdb as")
            self.as_user = ["runuser", "-u", SERVICE_USER, "--"]
        self.base = Path(tempfile.mkdtemp(prefix="nnx-postgres-"))
        if self.as_user:
            shutil.chown(self.base, user=SERVICE_USER)
        self.data = self.base / "data"
        self.port = free_port_in(PORTS)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-locale")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_user, str(self.bin / tool), *args]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stdout}\n{done.stderr}")

    def start(self) -> None:
        options = f"-h 127.0.0.1 -p {self.port} -k {self.base} -F"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = "runs_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as db:
            db.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def close(self) -> None:
        try:
            self.stop("immediate")
        except (RuntimeError, subprocess.TimeoutExpired):
            pass
        shutil.rmtree(self.base, ignore_errors=True)
