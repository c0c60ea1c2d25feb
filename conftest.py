"""Fixtures shared by every app: a small organisation tree and one login per role."""

import io
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from people.models import Unit, User
from people.tests.factories import (
    EmployeeFactory,
    UnitFactory,
    UserFactory,
    head_position,
)
from testsupport.demo import DEMO
from testsupport.liveserver import use_serial_live_server

BASE_DIR = Path(__file__).resolve().parent


def pytest_addoption(parser):
    parser.addoption(
        "--today",
        default=os.environ.get("TEST_TODAY", ""),
        help="run the tests with the clock set to this date (YYYY-MM-DD, 09:00 "
        "local time, ticking): year boundaries are checked with 2 January and "
        "31 December (also from the TEST_TODAY environment variable)",
    )


_CLOCK = []


def pytest_configure(config):
    """``--today 2027-01-02``: the clock is set before collection, so module-level
    dates (``YEAR = timezone.localdate().year``) agree with the tests' clock."""
    text = config.getoption("--today")
    if text:
        _set_clock(text)
    _own_broker_per_xdist_worker()
    use_serial_live_server()


def _set_clock(text: str) -> None:
    from datetime import date, datetime, time
    from zoneinfo import ZoneInfo

    import time_machine

    zone = ZoneInfo(os.environ.get("TIME_ZONE", "Asia/Jakarta"))
    moment = datetime.combine(date.fromisoformat(text), time(9, 0), tzinfo=zone)
    traveller = time_machine.travel(moment, tick=True)
    traveller.start()
    _CLOCK.append(traveller)


def _own_broker_per_xdist_worker() -> None:
    """Under pytest-xdist every worker process has its own test database
    (pytest-django's ``_gwN`` suffix); give it its own Redis database as well, so
    the real Celery worker of one never takes, answers for or purges another's
    tasks. ``gw0`` keeps the configured database, ``gwN`` uses N below it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw") or not settings.CELERY_BROKER_URL:
        return
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(settings.CELERY_BROKER_URL)
    if not parts.scheme.startswith("redis"):
        return
    base = int(parts.path.strip("/") or 0)
    url = urlunsplit(parts._replace(path=f"/{(base - int(worker[2:])) % 16}"))
    settings.CELERY_BROKER_URL = url
    os.environ["CELERY_BROKER_URL"] = url
    from testsupport import point_app_at

    point_app_at(url)


def pytest_unconfigure(config):
    while _CLOCK:
        _CLOCK.pop().stop()


def pytest_report_header(config):
    if config.getoption("--today"):
        return (
            f"clock set to {config.getoption('--today')} 09:00 ({settings.TIME_ZONE})"
        )
    return None


def pytest_collection_modifyitems(items):
    """Transactional tests (live server, real worker, races) end with a flush that
    also empties the rows the data migrations wrote (IKM element sets, …). Give
    each of them a serialized rollback, so every one starts from the migrated
    state whatever ran before it."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = kwargs.get("transaction") or {
            "live_server",
            "transactional_db",
        } & set(item.fixturenames)
        if transactional and not kwargs.get("serialized_rollback"):
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with a flush, which also empties the rows the
    data migrations wrote. Put them back at once, so the next test finds the
    migrated state whatever kind it is and whatever order the tests run in (a
    parallel run hands each worker whole files, not the transactional tests
    last)."""
    result = yield
    # After the last test the session's teardown has already dropped the database.
    if nextitem is not None and _is_transactional(item):
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            with item.config.stash[blocking_manager_key].unblock():
                connection.creation.deserialize_db_from_string(contents)
    return result


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Every test logs people in; PBKDF2 (0.35 s a password) would dominate the
    suite. MD5 is only ever used by the tests."""
    from django.test.utils import override_settings

    override = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(scope="module")
def demo_seeded(django_db_setup, django_db_blocker):
    """The whole demo (``seed_demo``), seeded once for a module whose tests only
    read it (or undo what they change: each test still runs in its own savepoint).
    The seed is undone when the module is done: rolled back, or on the embedded
    default the migrated state put back (``testsupport.demo``). Request ``db``
    as well."""
    from django.core.management import call_command
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        if DEMO.usable(connection):
            DEMO.seed(connection)
            try:
                yield
            finally:
                DEMO.unseed(connection)
            return
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("seed_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="session", autouse=True)
def _close_stray_connections(django_db_setup, django_db_blocker):
    """Live-server threads can leave a PostgreSQL session open on the test database,
    which would make its teardown fail; end them before the database is dropped."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture(autouse=True)
def _celery_eager_unless_broker(request):
    """Tasks run in-process in ordinary tests; ``@pytest.mark.broker`` tests talk to
    the real broker and worker instead."""
    from celery._state import _set_task_join_will_block

    from sosiokultural.celery import app

    # Celery keeps "inside a task, never block on a result" in one flag for the
    # whole process, saved and restored around every eager call: two threads of
    # an earlier test (a live server, a race) running eager tasks at once can
    # leave it set, and every later ``.delay().get()`` in this process would be
    # refused. Each test starts outside any task.
    _set_task_join_will_block(False)
    eager = request.node.get_closest_marker("broker") is None
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = eager or settings.CELERY_TASK_ALWAYS_EAGER
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def real_broker_mode():
    """As with a real broker: tasks are published, not run in-process (the
    broker's state is reset before and after, so a refused publish stays in the
    test that caused it)."""
    from sosiokultural.broker import broker_reset
    from sosiokultural.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    broker_reset()
    yield
    app.conf.task_always_eager = previous
    broker_reset()


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    """Requests activate a language for the thread; start every test in Indonesian."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@dataclass
class Org:
    """Province → kota → kecamatan → two kelurahan, plus BPSDM."""

    province: Unit
    bpsdm: Unit
    kota: Unit
    kecamatan: Unit
    kel_a: Unit
    kel_b: Unit


@pytest.fixture
def org(db) -> Org:
    province = UnitFactory(code="DKI", name="DPMPTSP DKI", kind="provinsi")
    bpsdm = UnitFactory(code="BPSDM", name="BPSDM DKI", kind="bpsdm")
    kota = UnitFactory(code="JB", name="Jakarta Barat", kind="kota", parent=province)
    kecamatan = UnitFactory(
        code="JB-KMB", name="Kembangan", kind="kecamatan", parent=kota
    )
    kel_a = UnitFactory(
        code="JB-KMB-MU", name="Meruya Utara", kind="kelurahan", parent=kecamatan
    )
    kel_b = UnitFactory(
        code="JB-KMB-JG", name="Joglo", kind="kelurahan", parent=kecamatan
    )
    return Org(province, bpsdm, kota, kecamatan, kel_a, kel_b)


@dataclass
class Roles:
    admin: User
    bpsdm: User
    head_kecamatan: User  # sees the kecamatan and both kelurahan
    head_a: User  # head of kelurahan A
    head_b: User  # head of kelurahan B (the outsider for A)
    staff_a: User
    staff_b: User
    inspector: User  # the inspectorate: sees every unit, changes nothing


@pytest.fixture
def roles(org) -> Roles:
    head = head_position()
    return Roles(
        admin=UserFactory(username="admin", role=User.Role.ADMIN, is_staff=True),
        bpsdm=UserFactory(username="bpsdm", role=User.Role.BPSDM),
        head_kecamatan=UserFactory(
            username="kepala.kec",
            role=User.Role.HEAD,
            employee=EmployeeFactory(unit=org.kecamatan, position_type=head),
        ),
        head_a=UserFactory(
            username="kepala.a",
            role=User.Role.HEAD,
            employee=EmployeeFactory(unit=org.kel_a, position_type=head),
        ),
        head_b=UserFactory(
            username="kepala.b",
            role=User.Role.HEAD,
            employee=EmployeeFactory(unit=org.kel_b, position_type=head),
        ),
        staff_a=UserFactory(
            username="staf.a", employee=EmployeeFactory(unit=org.kel_a)
        ),
        staff_b=UserFactory(
            username="staf.b", employee=EmployeeFactory(unit=org.kel_b)
        ),
        inspector=UserFactory(username="inspektorat", role=User.Role.INSPECTOR),
    )


@pytest.fixture
def login(client):
    """``login(user)`` → the test client, logged in as ``user``."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


# -- a real Celery worker, for @pytest.mark.broker tests ---------------------------


def _broker_url() -> str:
    return settings.CELERY_BROKER_URL


def _start_worker(app, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(  # noqa: S603 - fixed argv, our own interpreter
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "sosiokultural",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            f"--hostname=test-{os.getpid()}-{time.monotonic_ns()}@%h",
        ],
        cwd=BASE_DIR,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if app.control.ping(timeout=0.5):
                return process
        except Exception:  # noqa: BLE001, S110 - broker not ready yet
            pass
        if process.poll() is not None:
            raise RuntimeError("celery worker exited during start-up")
    os.killpg(process.pid, signal.SIGKILL)
    raise RuntimeError("celery worker did not answer a ping within 30 s")


def _stop_worker(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture
def celery_worker_factory(transactional_db, request):
    """``start()`` → a new ``celery worker`` process against the real broker and
    the test database (stopped at the end of the test). A test marked
    ``@pytest.mark.worker_env(NAME="value", …)`` adds those variables to the
    workers' environment (e.g. another ``EMAIL_BACKEND``). Skipped when no broker
    is configured (the embedded default runs tasks in-process, and that path is
    covered by the ordinary tests)."""
    if not _broker_url():
        pytest.skip("needs CELERY_BROKER_URL (run through .ci/run)")
    from django.db import connection

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        pytest.skip("a worker process cannot share an in-memory SQLite database")
    from sosiokultural.celery import app

    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        if not started:
            app.control.purge()
        env = dict(os.environ)
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{connection.settings_dict['NAME']}"
        )
        env["CELERY_BROKER_URL"] = _broker_url()
        env["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
        env["MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
        marker = request.node.get_closest_marker("worker_env")
        if marker:
            env.update(marker.kwargs)
        process = _start_worker(app, env)
        started.append(process)
        return process

    yield start
    for process in started:
        _stop_worker(process)


@pytest.fixture
def celery_worker_process(celery_worker_factory):
    """One ``celery worker`` against the real broker and the test database."""
    return celery_worker_factory()


@pytest.fixture
def private_redis(settings, tmp_path, monkeypatch):
    """A dedicated Redis; ``celery_worker_process`` (requested after this
    fixture) starts its worker against it."""
    if not settings.CELERY_BROKER_URL:
        pytest.skip("needs CELERY_BROKER_URL (run through .ci/run)")
    if not shutil.which("redis-server"):
        pytest.skip("needs the redis-server binary")
    from sosiokultural.celery import app

    previous = app.conf.broker_url
    from sosiokultural.broker import broker_reset
    from testsupport import RedisServer, point_app_at

    server = RedisServer(tmp_path)
    server.start()
    settings.CELERY_BROKER_URL = server.url
    # Celery reads CELERY_BROKER_URL from the environment before its own config.
    monkeypatch.setenv("CELERY_BROKER_URL", server.url)
    point_app_at(server.url)
    yield server
    server.stop()
    monkeypatch.undo()
    point_app_at(previous)
    broker_reset()


# -- a real browser, for @pytest.mark.browser tests ---------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = BASE_DIR / "test-artifacts"


@pytest.fixture
def csp_violations() -> list[str]:
    """The Content-Security-Policy violations the browser reported during a
    browser test (see ``_watch_new_contexts``); the test fails unless empty."""
    return []


@pytest.fixture
def browser_page(live_server, csp_violations):
    """A Playwright page in Debian's Chromium, pointed at the live server.

    ``page.goto(live_server.url + "/...")``; save screenshots under
    ``test-artifacts/`` (kept after the run). Skipped when Chromium is missing.
    """
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed (make test installs it as root)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # test makes around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        _watch_new_contexts(browser, csp_violations)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            yield page
        finally:
            for other in browser.contexts:
                other.close()  # also delivers the reports still on their way
            browser.close()
        assert not csp_violations, "Content-Security-Policy violations:\n" + "\n".join(
            csp_violations
        )


# Every page of every browser test is watched for Content-Security-Policy
# violations (an inline script, handler or style the policy blocked): the test
# fails with the list. The listener is Playwright's, outside the page's policy.
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolation(
    `${location.pathname}${location.search}: ${event.effectiveDirective} blocked ` +
    `${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`
  );
});
"""


def _watch_new_contexts(browser, violations: list[str]) -> None:
    """Make every context of ``browser`` (the fixture's and those a test opens
    itself) report violations into ``violations``."""
    new_context = browser.new_context

    def report(text: str) -> None:
        violations.append(text)

    def watched(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.expose_function("__cspViolation", report)
        context.add_init_script(_CSP_LISTENER)
        return context

    browser.new_context = watched


@pytest.fixture
def browser_login(browser_page, live_server):
    """``browser_login(user, password="rahasia-123")`` logs in through the real form."""

    def _login(user, password="rahasia-123"):
        browser_page.goto(f"{live_server.url}/akun/masuk/")
        browser_page.fill("input[name=username]", user.username)
        browser_page.fill("input[name=password]", password)
        browser_page.click("form button[type=submit]")
        browser_page.wait_for_url(f"{live_server.url}/")
        return browser_page

    return _login
