"""Email backends for the broker tests: a mail server that accepts a message and a
worker that dies at a chosen moment of the delivery (SIGKILL, once)."""

import os
import signal
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


def _outbox() -> Path:
    return Path(os.environ["NOTICE_TEST_OUTBOX"])


def _die_once() -> None:
    marker = _outbox().with_suffix(".killed")
    if not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)


class _Accepting(BaseEmailBackend):
    def send_messages(self, messages):
        with _outbox().open("a") as outbox:
            for message in messages:
                outbox.write(message.extra_headers["Message-ID"] + "\n")
        return len(messages)


class KilledWhileClosing(_Accepting):
    """The server accepted the message; the worker dies saying goodbye."""

    def close(self):
        _die_once()


class KilledAfterAccepting(_Accepting):
    """The worker dies the instant the server accepted the message."""

    def send_messages(self, messages):
        sent = super().send_messages(messages)
        _die_once()
        return sent
