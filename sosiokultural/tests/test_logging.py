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


def _request_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "django.request"]


def test_a_refusal_is_logged_as_one_line_without_a_traceback(roles, login, caplog):
    caplog.set_level(logging.INFO)
    client = login(roles.staff_a)
    assert client.get("/audit/").status_code == 403
    assert client.get("/pegawai/999999/").status_code == 404
    forbidden, missing = _request_records(caplog)
    assert (forbidden.levelname, forbidden.getMessage(), forbidden.status_code) == (
        "WARNING",
        "Forbidden (Permission denied): /audit/",
        403,
    )
    assert missing.getMessage() == "Not Found: /pegawai/999999/"
    for record in (forbidden, missing):
        assert record.exc_info is None
        line = logging.Formatter("%(levelname)s %(name)s: %(message)s").format(record)
        assert "\n" not in line
        assert "\n" not in JsonFormatter().format(record)


def test_django_records_reach_the_console_once():
    """Django's default console handler is not kept beside the root's: a record
    of ``django.request`` is written by one stream handler only."""
    streams = [
        h
        for name in ("django", "django.request")
        for h in logging.getLogger(name).handlers
        if isinstance(h, logging.StreamHandler)
    ]
    assert streams == []
    assert any(
        isinstance(h, logging.StreamHandler) for h in logging.getLogger().handlers
    )


def test_a_server_error_keeps_its_traceback(caplog):
    from sosiokultural.logging import OneLineRefusals

    try:
        raise RuntimeError("rusak")
    except RuntimeError:
        import sys

        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "boom", (), sys.exc_info()
        )
    record.status_code = 500
    assert OneLineRefusals().filter(record)
    assert record.exc_info is not None
