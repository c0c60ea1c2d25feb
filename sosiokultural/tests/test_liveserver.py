"""The browser tests' live server (``testsupport.liveserver``): when its threads
share the test's connection (in-memory SQLite), requests arriving together run
the application one after the other, each with its whole body, and nothing is
lost; with a connection per thread they run at once, as in Django's server."""

import threading
import time
from contextlib import contextmanager
from http.client import HTTPConnection

from django.core.servers.basehttp import WSGIRequestHandler

from testsupport.liveserver import SerialAppServer


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _SharedConnection:
    """Stands for the in-memory connection every thread is handed."""

    def close(self):
        pass


@contextmanager
def _serving(app, connections_override=None):
    server = SerialAppServer(
        ("127.0.0.1", 0),
        _Quiet,
        allow_reuse_address=False,
        connections_override=connections_override,
    )
    server.set_app(app)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def _fetch_at_once(port, n: int) -> dict[int, bytes]:
    bodies = {}

    def fetch(i):
        connection = HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", f"/{i}")
            bodies[i] = connection.getresponse().read()
        finally:
            connection.close()

    clients = [threading.Thread(target=fetch, args=(i,)) for i in range(n)]
    for client in clients:
        client.start()
    for client in clients:
        client.join(timeout=10)
    return bodies


def test_with_a_shared_connection_requests_run_one_at_a_time():
    inside, most, closed = [0], [0], []
    guard = threading.Lock()

    def body(n):  # a streamed body: still inside the application while read
        yield f"{n}:".encode()
        time.sleep(0.02)
        with guard:
            most[0] = max(most[0], inside[0])
        yield b"end"
        with guard:
            inside[0] -= 1

    class Result:
        def __init__(self, n):
            self.chunks = body(n)

        def __iter__(self):
            return self.chunks

        def close(self):
            closed.append(True)

    def app(environ, start_response):
        with guard:
            inside[0] += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return Result(environ["PATH_INFO"].strip("/"))

    with _serving(app, {"default": _SharedConnection()}) as port:
        bodies = _fetch_at_once(port, 6)
    assert bodies == {n: f"{n}:end".encode() for n in range(6)}
    assert most[0] == 1  # never two requests inside the application
    assert len(closed) == 6  # each result closed (Django's request_finished)


def test_with_a_connection_per_thread_requests_run_at_once():
    both_inside = threading.Barrier(2, timeout=5)  # broken unless both arrive

    def app(environ, start_response):
        both_inside.wait()
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"ok"]

    with _serving(app) as port:
        bodies = _fetch_at_once(port, 2)
    assert bodies == {0: b"ok", 1: b"ok"}
