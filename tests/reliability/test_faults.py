"""Faults under load (issue 6, part 5): gunicorn with the production settings
(gunicorn.conf.py, 2 workers) on PostgreSQL, Redis as the cache, and a loopback
client keeping 32 connections busy with the public pages.

a. 30 s of load: no 5xx, no connection errors.
b. PostgreSQL restarted during load: errors only while it is down, then every
   request served again without restarting gunicorn.
c. Redis stopped during load: every page still served; caching resumes when
   Redis is back.
d. A worker killed (SIGKILL): the other keeps serving, the master replaces it,
   and no request fails beyond those in flight on the killed worker.

Phases a to c share one server and run in this order; d has new workers of its
own (same database, same Redis). Their figures are printed
(with -s) and summed up at the end of the run. The client retries a request
once, on a new connection, when a reused keep-alive connection was closed
before any byte of a response (as browsers and proxies do); such retries are
counted and reported, and never hide a 5xx.
"""

import os
import signal
import threading
import time

import pytest

from .client import Browser, Load, format_summary, summarise
from .conftest import record
from .harness import (
    Gunicorn,
    app_environment,
    cpu_seconds,
    ensure_postgres_running,
    established_connections,
    machine_load,
    redis_cli,
    redis_keys,
    restart_postgres,
    running,
    start_redis,
    stop_redis,
    worker_booted,
)

pytestmark = pytest.mark.reliability

CONNECTIONS = 32
REDIS_DB = 8
PATHS = [
    "/en/",
    "/en/projects/",
    "/en/projects/precious-plastic-albania/",
    "/en/people/",
    "/en/map/",
    "/en/map/geojson/",
    "/en/search/?q=plastic",
    "/sq/",
    "/sq/projects/vila-3/",
]
# After PostgreSQL is back, requests that started within this time may still fail
# (it accepts connections a moment before it serves queries).
RECOVERY_GRACE = 1.0
# A request in flight on a killed worker fails at once (its connection is reset).
KILL_WINDOW = 1.0


@pytest.fixture(scope="module")
def server(new_database, static_root, workdir, require_redis):
    redis_cli("flushdb", db=REDIS_DB)
    folder = workdir / "faults"
    folder.mkdir()
    env = app_environment(
        new_database("faults"), folder / "media", static_root, REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}"
    )
    app = Gunicorn(env, folder / "gunicorn.log", workers=2, name="faults")
    with running(app):
        browser = Browser(app.port)
        for path in PATHS:
            response = browser.get(path)
            assert response.status == 200, f"{path}: {response.status}\n{response.text[:1000]}"
        yield app
    redis_cli("flushdb", db=REDIS_DB)


def assert_serving(server):
    assert server.process.poll() is None, server.log_tail()
    assert len(server.worker_pids()) == 2, server.log_tail()


def failures(results, limit=10):
    return [(result.path, result.status, result.error or result.first_error) for result in results[:limit]]


def test_a_load_32_connections_for_30_seconds(server):
    assert_serving(server)
    booted_before = len(server.log_lines("Booting worker"))
    workers = server.worker_pids()
    cpu_before = {pid: cpu_seconds(pid) for pid in workers}
    section = "a. 32 connections, 30 s"
    record(section, machine_load())
    # One visitor alone first: what a page costs without waiting behind others.
    browser = Browser(server.port)
    alone = []
    for path in PATHS * 3:
        started = time.monotonic()
        assert browser.get(path).status == 200
        alone.append(time.monotonic() - started)
    alone.sort()
    record(section, f"one request at a time: p50 {1000 * alone[len(alone) // 2]:.0f} ms, max {1000 * alone[-1]:.0f} ms")
    with Load(server.port, PATHS, connections=CONNECTIONS) as load:
        time.sleep(2)
        held = {pid: established_connections(pid, server.port) for pid in workers}
        time.sleep(28)
    figures = summarise(load.results, load.started, load.stopped)
    cpu = {pid: cpu_seconds(pid) - cpu_before[pid] for pid in workers}
    recycled = len(server.log_lines("Booting worker")) - booted_before

    record(section, format_summary(figures))
    record(
        section,
        "connections held per worker: "
        + ", ".join(f"{pid}: {held[pid]} (CPU {cpu[pid]:.1f} s)" for pid in workers)
        + f"; workers recycled by max_requests: {recycled}",
    )
    for path in PATHS:
        latencies = sorted(result.latency for result in load.results if result.path == path and not result.failed)
        if latencies:
            record(section, f"{path}: {len(latencies)} ok, p50 {1000 * latencies[len(latencies) // 2]:.0f} ms")

    failed = [result for result in load.results if result.failed]
    assert figures["requests"] > 100
    assert not failed, failures(failed)
    assert set(figures["statuses"]) == {200}, figures["statuses"]


def test_b_postgres_restarted_during_load(server, postgres, require_local_cluster):
    assert_serving(server)
    samples = []
    stop_sampling = threading.Event()

    def sample():
        while not stop_sampling.is_set():
            samples.append((time.monotonic(), postgres.ready()))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    section = "b. PostgreSQL restart"
    record(section, machine_load())
    started_before = postgres.start_time()
    try:
        with Load(server.port, PATHS, connections=CONNECTIONS) as load:
            time.sleep(2)
            sampler.start()
            restart_began = time.monotonic()
            restart_postgres(postgres)
            restart_returned = time.monotonic()
            time.sleep(5)
    finally:
        stop_sampling.set()
        ensure_postgres_running(postgres)
    sampler.join(5)

    # The outage really happened, on the server the app uses: it refused connections and
    # came back as a new server process.
    down = [moment for moment, ready in samples if not ready]
    assert down, "PostgreSQL never refused a connection during the restart"
    assert postgres.start_time() > started_before, "PostgreSQL was not restarted"
    went_down = down[0]
    # Back: the first moment PostgreSQL answered a query again.
    back = next((moment for moment, ready in samples if ready and down and moment > down[-1]), restart_returned)
    errors = [result for result in load.results if result.failed]
    first_error = min((result.failed_at for result in errors), default=None)
    last_error = max((result.failed_at for result in errors), default=None)
    after = [result for result in load.results if result.start > back + RECOVERY_GRACE]

    record(section, f"before the restart: {format_summary(summarise(load.results, load.started, restart_began))}")
    record(section, f"restarting: {format_summary(summarise(load.results, restart_began, back))}")
    record(section, f"after: {format_summary(summarise(load.results, back, load.stopped))}")
    first_ok = min((result.end for result in load.results if result.end >= back and not result.failed), default=None)
    record(
        section,
        f"pg_ctlcluster restart took {restart_returned - restart_began:.2f} s; PostgreSQL refused connections "
        f"for {back - went_down:.2f} s (from {went_down - restart_began:+.2f} s); {len(errors)} requests failed"
        + (
            f", from {first_error - restart_began:+.2f} s to {last_error - restart_began:+.2f} s after the restart "
            f"began, the last {last_error - back:+.2f} s from PostgreSQL answering again"
            if errors
            else ""
        )
        + (f"; first success {first_ok - back:+.2f} s after it" if first_ok else "")
        + f"; {len(after)} requests after it, all answered 200 by the same gunicorn (not restarted)",
    )

    outside = [
        (result.path, result.status, result.error, round(result.failed_at - restart_began, 2))
        for result in errors
        if result.failed_at < restart_began or result.start > back + RECOVERY_GRACE
    ]
    assert not outside, f"failures outside the restart: {outside[:10]}"
    assert len(after) > 20, "too few requests after PostgreSQL came back"
    assert {result.status for result in after} == {200}, failures([r for r in after if r.status != 200])
    assert_serving(server)


def test_b2_postgres_restarted_between_requests(server, postgres, require_local_cluster):
    """The case connection health checks are for: every worker thread holds an open database
    connection (CONN_MAX_AGE) that the restart has cut while nobody was asking. Without the
    checks, the first request on each of those connections fails."""
    assert_serving(server)
    threads = 2 * int(server.env.get("GUNICORN_THREADS", "2"))
    with Load(server.port, PATHS, connections=4 * threads) as warm:
        time.sleep(1)
    assert not [result for result in warm.results if result.failed]
    started_before = postgres.start_time()
    try:
        restart_postgres(postgres)
    finally:
        ensure_postgres_running(postgres)
    back = time.monotonic()
    assert postgres.start_time() > started_before, "PostgreSQL was not restarted"
    with Load(server.port, PATHS, connections=4 * threads) as load:
        time.sleep(2)
    failed = [result for result in load.results if result.failed]
    record(
        "b. PostgreSQL restart",
        f"restarted between requests ({threads} worker threads with open connections): "
        f"{len(load.results)} requests in the {load.stopped - back:.1f} s after, {len(failed)} failed",
    )
    assert len(load.results) > 2 * threads
    assert not failed, failures(failed)


def test_c_redis_stopped_during_load(server):
    assert_serving(server)
    browser = Browser(server.port)
    for path in PATHS:
        assert browser.get(path).status == 200
    cached = redis_keys(REDIS_DB)
    assert cached > 0, (
        f"nothing in Redis db {REDIS_DB} after serving pages: the production settings do not use REDIS_URL"
    )
    section = "c. Redis stopped"
    record(section, machine_load())
    try:
        with Load(server.port, PATHS, connections=CONNECTIONS) as load:
            time.sleep(2)
            stopping = time.monotonic()
            stop_redis()
            stopped = time.monotonic()
            time.sleep(4)
            starting = time.monotonic()
            start_redis()
            started = time.monotonic()
            while redis_keys(REDIS_DB) == 0 and time.monotonic() < started + 10:
                time.sleep(0.1)
            resumed = time.monotonic()
            cached_again = redis_keys(REDIS_DB)
            time.sleep(max(0.0, 3 - (resumed - started)))
    finally:
        start_redis()

    record(section, f"before: {format_summary(summarise(load.results, load.started, stopping))}")
    record(
        section, f"Redis down {starting - stopped:.1f} s: {format_summary(summarise(load.results, stopped, starting))}"
    )
    record(section, f"after: {format_summary(summarise(load.results, started, load.stopped))}")
    record(
        section,
        f"keys in Redis db {REDIS_DB}: {cached} before, {cached_again} again "
        f"{resumed - started:.2f} s after Redis was back (caching resumed)",
    )

    during = [result for result in load.results if stopped <= result.start and result.end < starting]
    assert len(during) > 10, "too few requests while Redis was down"
    failed = [result for result in load.results if result.failed]
    assert not failed, failures(failed)
    assert {result.status for result in load.results} == {200}
    assert cached_again > 0, f"no caching in Redis db {REDIS_DB} within 10 s of Redis coming back"
    assert_serving(server)


@pytest.fixture
def fresh_server(server, workdir):
    """The same app on new workers: gunicorn.conf.py recycles a worker after about 1000
    requests (max_requests), and one recycling just then would be a second fault."""
    app = Gunicorn(server.env, workdir / "faults" / "gunicorn-kill.log", workers=2, name="kill")
    with running(app):
        deadline = time.monotonic() + 30
        while not all(worker_booted(pid) for pid in app.worker_pids()) and time.monotonic() < deadline:
            time.sleep(0.1)
        yield app


def test_d_worker_killed_during_load(fresh_server):
    server = fresh_server
    assert_serving(server)
    section = "d. worker killed"
    record(section, machine_load())
    with Load(server.port, PATHS, connections=CONNECTIONS) as load:
        # Steady state first: every connection has had an answer (keep-alive connections in use).
        deadline = time.monotonic() + 15
        while len({result.connection for result in load.results}) < CONNECTIONS and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        # The worker holding the most connections: the hardest case.
        held = {pid: established_connections(pid, server.port) for pid in server.worker_pids()}
        victim = max(held, key=held.get)
        killed = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        replacement = replaced = booted = None
        while time.monotonic() < killed + 60 and booted is None:
            now = server.worker_pids()
            if replacement is None and victim not in now and len(now) == 2:
                replacement, replaced = (set(now) - set(held)).pop(), time.monotonic()
            if replacement is not None and worker_booted(replacement):
                booted = time.monotonic()
            time.sleep(0.02)
        time.sleep(4)

    # A request in flight on the killed worker went out on one of the connections it held, so
    # at most one per connection fails, at the moment of the kill. The client retries such a
    # request once on a new connection (no byte of a response had come back).
    hit = [result for result in load.results if result.failed_at is not None]
    lost = [result for result in load.results if result.failed]
    # Until the replacement has loaded the app, the other worker serves alone.
    served = [result for result in load.results if not result.failed and killed <= result.end < (booted or killed)]
    record(
        section,
        f"killed worker {victim}, which held {held[victim]} of {CONNECTIONS} connections "
        f"(the other {sum(held.values()) - held[victim]}); "
        + (f"the master started {replacement} {replaced - killed:.2f} s later; " if replaced else "no replacement; ")
        + (f"it had loaded the app {booted - killed:.2f} s after the kill; " if booted else "")
        + f"{len(hit)} requests hit (in flight on the killed worker), {len(lost)} failed after one retry; "
        + f"{len(served)} served by the other worker meanwhile",
    )
    record(section, f"before: {format_summary(summarise(load.results, load.started, killed))}")
    record(section, f"after: {format_summary(summarise(load.results, killed, load.stopped))}")

    assert replaced is not None, f"the master did not replace worker {victim}:\n{server.log_tail()}"
    # The count of its connections is read a moment before the kill, and a worker closes
    # and accepts connections all the time (at most GUNICORN_WORKER_CONNECTIONS at once,
    # 4 per thread): that cap is what bounds the requests it can take down with it.
    capacity = int(server.env.get("GUNICORN_WORKER_CONNECTIONS", 4 * int(server.env.get("GUNICORN_THREADS", "2"))))
    assert len(hit) <= max(held[victim], capacity), (
        f"{len(hit)} requests hit; the killed worker held {held[victim]} and may hold {capacity}"
    )
    late = [(result.path, round(result.failed_at - killed, 2)) for result in hit]
    assert all(killed - 0.1 <= result.failed_at <= killed + KILL_WINDOW for result in hit), late
    assert not [result for result in load.results if result.status is not None and result.status >= 500]
    assert booted is not None, f"the replacement {replacement} never started serving:\n{server.log_tail()}"
    assert served, "nothing was served between the kill and the replacement being ready"
    assert_serving(server)
