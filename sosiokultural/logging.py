"""One-line JSON log records, for log shippers in production, and one line for
every refused request."""

import json
import logging
from datetime import UTC, datetime

_STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Anything passed through ``extra=`` becomes a field of its own.
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                payload[key] = value if _is_jsonable(value) else repr(value)
        if record.exc_info:
            payload["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


def _is_jsonable(value: object) -> bool:
    return isinstance(value, str | int | float | bool | type(None))


class OneLineRefusals(logging.Filter):
    """A 403 or 404 is an answer, not a fault: log it as one line (method, path,
    status) without the traceback Django attaches to the exception behind it.
    Server errors keep theirs. Attached to the ``django.request`` logger, so every
    handler the record reaches sees it without the traceback."""

    REFUSALS = frozenset({403, 404})

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) in self.REFUSALS:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
