"""The live server of the browser tests, when its threads share one connection.

Django's live server answers each request in a thread of its own and, with an
in-memory SQLite database (the embedded default), hands every thread the test's
one connection (``connections_override``). Two requests at once (a page and the
fragments it loads) can then deadlock inside CPython's ``sqlite3``: one thread
holds SQLite's connection mutex while a Python SQL function of Django's waits
for the GIL, and the other holds the GIL while it waits for that mutex to bind
its parameters. Neither returns, and the browser call waiting for the page never
times out.

``SerialAppServer`` keeps the threaded server (connections are still accepted
and read in parallel, so a browser's idle pre-connection blocks nothing) and,
only when its threads share connections, runs the application for one request
at a time, its whole body included (a streamed download runs queries while it
is read). With a connection per thread (PostgreSQL) it is Django's server.
"""

import threading

from django.core.servers.basehttp import ThreadedWSGIServer


class SerialAppServer(ThreadedWSGIServer):
    def set_app(self, application):
        if not self.connections_override:  # each thread has its own connection
            super().set_app(application)
            return
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                result = application(environ, start_response)
                try:
                    return list(result)
                finally:
                    close = getattr(result, "close", None)
                    if close is not None:
                        close()  # request_finished, as the server would send it

        super().set_app(one_at_a_time)


def use_serial_live_server() -> None:
    """Make ``SerialAppServer`` the live server's class (pytest-django builds
    Django's ``LiveServerThread``)."""
    from django.test.testcases import LiveServerThread

    LiveServerThread.server_class = SerialAppServer
