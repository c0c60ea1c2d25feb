"""The browser tests' live server on SQLite runs the application for one request
at a time (``testsupport.liveserver``): requests arriving together are answered
one after the other, each with its whole body, and nothing is lost."""

import threading
import time
from http.client import HTTPConnection

from django.core.servers.basehttp import WSGIRequestHandler

from testsupport.liveserver import SerialAppServer


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def test_requests_at_once_run_the_application_one_at_a_time():
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

    server = SerialAppServer(("127.0.0.1", 0), _Quiet, allow_reuse_address=False)
    server.set_app(app)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    port = server.server_address[1]
    bodies = {}

    def fetch(n):
        connection = HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", f"/{n}")
            bodies[n] = connection.getresponse().read()
        finally:
            connection.close()

    try:
        clients = [threading.Thread(target=fetch, args=(n,)) for n in range(6)]
        for client in clients:
            client.start()
        for client in clients:
            client.join(timeout=10)
    finally:
        server.shutdown()
        server.server_close()
    assert bodies == {n: f"{n}:end".encode() for n in range(6)}
    assert most[0] == 1  # never two requests inside the application
    assert len(closed) == 6  # each result closed (Django's request_finished)
