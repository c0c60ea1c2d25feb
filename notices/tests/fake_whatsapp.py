"""A WhatsApp Business Cloud API stand-in for the tests: real HTTP on 127.0.0.1,
the request and response shapes of ``POST /<version>/<phone-number-id>/messages``
(Bearer token, template messages; ``{"messages": [{"id": "wamid…"}]}`` on
success, ``{"error": {…}}`` on failure), and faults on demand."""

import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

VERSION = "v21.0"


@dataclass
class State:
    phone_number_id: str = "109876543210"
    token: str = "wa-test-token"
    faults: list = field(default_factory=list)  # statuses to answer, in order
    accepted: list = field(default_factory=list)  # (wamid, body) accepted
    log: list = field(default_factory=list)  # (path, status)
    lock: threading.Lock = field(default_factory=threading.Lock)


class _Handler(BaseHTTPRequestHandler):
    state: State

    def log_message(self, *args):  # quiet
        pass

    def _answer(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.state.log.append((self.path, status))

    def _error(self, status: int, code: int, message: str) -> None:
        self._answer(
            status,
            {
                "error": {
                    "message": message,
                    "type": "OAuthException",
                    "code": code,
                    "fbtrace_id": secrets.token_hex(6),
                }
            },
        )

    def do_POST(self):
        state = self.state
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        with state.lock:
            if self.path != f"/{VERSION}/{state.phone_number_id}/messages":
                return self._error(404, 803, "Unknown path")
            if self.headers.get("Authorization") != f"Bearer {state.token}":
                return self._error(401, 190, "Invalid OAuth access token")
            if state.faults:
                status = state.faults.pop(0)
                return self._error(status, 1 if status >= 500 else 100, "fault")
            try:
                body = json.loads(raw)
            except ValueError:
                return self._error(400, 100, "Invalid JSON")
            template = body.get("template") or {}
            if (
                body.get("messaging_product") != "whatsapp"
                or body.get("type") != "template"
                or not template.get("name")
                or not str(body.get("to", "")).isdigit()
            ):
                return self._error(400, 100, "Invalid parameter")
            wamid = f"wamid.{secrets.token_hex(12)}"
            state.accepted.append((wamid, body))
            return self._answer(
                200,
                {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                    "messages": [{"id": wamid}],
                },
            )


class FakeWhatsApp:
    def __init__(self):
        self.state = State()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{VERSION}"

    def settings_values(self) -> dict:
        return {
            "WHATSAPP_API_URL": self.url,
            "WHATSAPP_PHONE_NUMBER_ID": self.state.phone_number_id,
            "WHATSAPP_ACCESS_TOKEN": self.state.token,
        }

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
