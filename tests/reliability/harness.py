"""The real components the reliability tests drive: PostgreSQL databases of
their own, gunicorn with the production settings, the machine's Redis.

Only processes these helpers start are ever stopped or killed (by their pid).
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from .client import Browser

REPO = Path(__file__).resolve().parents[2]
SETTINGS = "tests.reliability.settings"
DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres"
REDIS_PORT = 6379
# Variables of the outer environment that would change what the app processes
# are (the tests say which cache and storage they use).
FOREIGN_VARIABLES = ("DATABASE_URL", "REDIS_URL", "AWS_STORAGE_BUCKET_NAME", "SENTRY_DSN", "DJANGO_SETTINGS_MODULE")


def say(message):
    """Figures go to the test output (shown with -s) as well as the final summary."""
    sys.stdout.write(f"[reliability] {message}\n")
    sys.stdout.flush()


def tool(name):
    """The full path of a command-line tool, or None."""
    return shutil.which(name) or next(
        (str(path) for path in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}")) if path.exists()), None
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# PostgreSQL ---------------------------------------------------------------


class Postgres:
    """A PostgreSQL server, reached with the credentials of ``url`` (any database on it)."""

    def __init__(self, url):
        parts = urlsplit(url)
        self.parts = parts._replace(scheme="postgres")
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 5432

    def url(self, database):
        return urlunsplit(self.parts._replace(path=f"/{database}"))

    def reachable(self):
        try:
            with socket.create_connection((self.host, self.port), timeout=3):
                return True
        except OSError:
            return False

    def execute(self, statement, database="postgres"):
        with psycopg.connect(self.url(database), autocommit=True, connect_timeout=10) as connection:
            cursor = connection.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def create(self, name, template=None):
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
        self.execute(statement)
        return self.url(name)

    def drop(self, name):
        self.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def start_time(self):
        """When the server last started (``pg_postmaster_start_time()``): a restart changes it."""
        return self.execute("SELECT pg_postmaster_start_time()")[0][0]

    def ready(self):
        """pg_isready's answer, through a plain connection attempt (2 s at most)."""
        try:
            with psycopg.connect(self.url("postgres"), connect_timeout=2) as connection:
                connection.execute("SELECT 1")
            return True
        except psycopg.Error:
            return False


def server_url_from_environment():
    """The PostgreSQL server of DATABASE_URL when it names one (CI's), else the local default."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER_URL


def cluster_port(conf):
    """The port a Debian cluster's postgresql.conf sets (PostgreSQL's default, 5432, if none)."""
    for line in conf.read_text().splitlines():
        match = re.match(r"\s*port\s*=\s*(\d+)", line)
        if match:
            return int(match.group(1))
    return 5432


def local_cluster(postgres):
    """(version, name, pg_ctlcluster) of this machine's Debian cluster that serves ``postgres``
    (the server DATABASE_URL names: a local host and that cluster's port), or None: the tests
    must restart the server the app really uses, not whichever cluster is newest."""
    command = tool("pg_ctlcluster")
    if not command or postgres.host not in ("127.0.0.1", "localhost"):
        return None
    for conf in sorted(Path("/etc/postgresql").glob("*/*/postgresql.conf")):
        if cluster_port(conf) == postgres.port:
            return conf.parent.parent.name, conf.parent.name, command
    return None


def pg_ctlcluster(postgres, action, check=True):
    version, name, command = local_cluster(postgres)
    subprocess.run(  # noqa: S603 - fixed arguments
        [command, "--skip-systemctl-redirect", version, name, action], check=check, timeout=120
    )


def restart_postgres(postgres):
    """Restart the server ``postgres`` names (fast shutdown: open connections are cut)."""
    pg_ctlcluster(postgres, "restart")


def ensure_postgres_running(postgres):
    """Whatever happened, leave that PostgreSQL running."""
    if postgres.ready():
        return
    if local_cluster(postgres):
        pg_ctlcluster(postgres, "start", check=False)
    for _ in range(60):
        if postgres.ready():
            return
        time.sleep(0.5)


# Redis --------------------------------------------------------------------


def redis_cli(*args, db=None):
    command = [tool("redis-cli"), "-p", str(REDIS_PORT)] + (["-n", str(db)] if db is not None else []) + list(args)
    result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)  # noqa: S603
    return result.stdout.strip()


def redis_running():
    return bool(tool("redis-cli")) and redis_cli("ping") == "PONG"


def redis_keys(db):
    return int(redis_cli("dbsize", db=db) or 0)


def stop_redis():
    redis_cli("shutdown", "nosave")
    for _ in range(50):
        if not redis_running():
            return
        time.sleep(0.1)
    raise AssertionError("Redis did not stop")


def start_redis():
    """Start the machine's Redis again if it is not answering (no persistence, as before the test)."""
    if redis_running():
        return
    subprocess.run(  # noqa: S603 - fixed arguments
        [tool("redis-server"), "--daemonize", "yes", "--bind", "127.0.0.1", "--port", str(REDIS_PORT), "--save", ""],
        check=True,
        timeout=30,
        capture_output=True,
    )
    for _ in range(100):
        if redis_running():
            return
        time.sleep(0.1)
    raise AssertionError("Redis did not start")


# Processes ----------------------------------------------------------------


def app_environment(database_url, media_root, static_root, **extra):
    """The environment of a production app process: what a deployment's .env gives it."""
    env = {key: value for key, value in os.environ.items() if key not in FOREIGN_VARIABLES}
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        SECRET_KEY=f"reliability-{secrets.token_urlsafe(32)}",
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        MEDIA_ROOT=str(media_root),
        MOCI_RELIABILITY_STATIC_ROOT=str(static_root),
        PYTHONUNBUFFERED="1",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env, *args, timeout=600):
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def children(pid):
    """The pids of a process's live children (gunicorn's workers for its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)


def worker_booted(pid):
    """Whether a gunicorn worker has loaded the app and entered its serving loop.

    The master hands each worker an unlinked temporary file (``wgunicorn-…``) that the
    worker touches from its serving loop on, with ``time.monotonic()`` as the time
    (gunicorn/workers/workertmp.py): until then the file keeps its creation time. A
    worker just forked still holds its siblings' files too, until it closes them."""
    times = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if "wgunicorn-" in os.readlink(fd):
                times.append(os.stat(fd).st_mtime)
        except OSError:
            continue
    return len(times) == 1 and times[0] < 1e9


def cpu_seconds(pid):
    """User + system CPU time a process has used so far."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_load():
    """The 1-minute load average and the number of CPUs: the figures depend on what else runs."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"


def established_connections(pid, port):
    """How many established TCP connections to ``port`` the process ``pid`` holds open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            columns = line.split()
            local_port = int(columns[1].rsplit(":", 1)[1], 16)
            if local_port == port and columns[3] == "01" and columns[9] in inodes:
                count += 1
    return count


class Gunicorn:
    """gunicorn as bin/start runs it (gunicorn.conf.py), bound to the loopback on a free port."""

    def __init__(self, env, log_path, *, workers=2, name="app"):
        self.env = {**env, "GUNICORN_WORKERS": str(workers)}
        self.log_path = Path(log_path)
        self.workers, self.name = workers, name
        self.port = free_port()
        self.process = None

    def start(self):
        self._log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                *(sys.executable, "-m", "gunicorn", "mocisite.wsgi:application"),
                *("--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}"),
            ],
            cwd=REPO,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def wait_ready(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name}: gunicorn exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                if Browser(self.port, timeout=5).get("/health/").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name}: not ready after {timeout} s:\n{self.log_tail()}")

    def worker_pids(self):
        return children(self.process.pid)

    def stop(self):
        if self.process is None:
            return
        try:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                self.process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)
        finally:
            self._log.close()

    def log_tail(self, lines=60):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def log_lines(self, needle):
        return [line for line in self.log_path.read_text(errors="replace").splitlines() if needle in line]


@contextmanager
def running(*servers):
    """Start the servers side by side, wait for each, stop them all afterwards."""
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        yield servers
    finally:
        for server in servers:
            server.stop()
