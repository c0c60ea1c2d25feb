import json
import logging

from sosiokultural.logging import JsonFormatter


def test_json_formatter_includes_extra_fields():
    record = logging.LogRecord(
        "app", logging.WARNING, __file__, 1, "hai %s", ("x",), None
    )
    record.notice_id = 7
    payload = json.loads(JsonFormatter().format(record))
    assert payload["message"] == "hai x"
    assert payload["level"] == "WARNING"
    assert payload["notice_id"] == 7
