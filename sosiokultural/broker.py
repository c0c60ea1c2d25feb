"""Publishing a task without letting a broker outage reach the caller.

The outboxes (notices, exports) commit their row first and publish afterwards;
when the publish fails the row stays pending and the app's sweep (a beat task)
publishes it again. After one failure, publishes from this process are skipped
for ``COOLDOWN_SECONDS``: one request that queues many rows with an unresponsive
broker would otherwise wait out a connection timeout per row. Only with a real
broker: in eager mode a failure is the task's own, and there is no beat.
"""

import logging
import time

logger = logging.getLogger(__name__)

COOLDOWN_SECONDS = 30.0
_down_until = 0.0


def broker_down() -> bool:
    """True while a recent publish failure is remembered."""
    return time.monotonic() < _down_until


def broker_reset() -> None:
    """Forget a remembered failure (the next publish tries again)."""
    global _down_until
    _down_until = 0.0


def publish(task, *, kwargs: dict, force: bool = False) -> bool:
    """``task.apply_async(kwargs=kwargs)``; False (logged, not raised) when the
    broker refused or is remembered as down. ``force`` tries even then (the
    sweeps force: they run to find out whether the broker is back)."""
    global _down_until
    eager = task.app.conf.task_always_eager
    if not force and not eager and broker_down():
        logger.info("%s %s not published: broker down", task.name, kwargs)
        return False
    try:
        task.apply_async(kwargs=kwargs)
    except Exception:  # noqa: BLE001 - any broker failure leaves the row pending
        if not eager:
            _down_until = time.monotonic() + COOLDOWN_SECONDS
        logger.warning("%s %s not published; the sweep will retry", task.name, kwargs)
        return False
    _down_until = 0.0
    return True
