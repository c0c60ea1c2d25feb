"""A SIASN-compatible HTTP server for the tests: real HTTP on 127.0.0.1, the
request and response shapes of the public SIASN web services (gateway token,
SSO token, ``pns/data-utama``, ``kursus/save``, ``upload-dok-rw``,
``pns/rw-kursus``), tokens that expire, and faults on demand."""

import base64
import json
import secrets
import threading
import time
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

API = "/apisiasn/1.0"
GATEWAY_PATH = "/oauth2/token"
SSO_PATH = "/auth/realms/public-siasn/protocol/openid-connect/token"
REQUIRED = (
    "pnsOrangId",
    "jenisDiklatId",
    "namaKursus",
    "jumlahJam",
    "tahunKursus",
    "tanggalKursus",
    "tanggalSelesaiKursus",
)


@dataclass
class State:
    consumer_key: str = "ck"
    consumer_secret: str = "cs"
    client_id: str = "client"
    username: str = "operator"
    password: str = "rahasia"
    token_lifetime: int = 3600
    people: dict = field(default_factory=dict)  # nip → pnsOrangId
    courses: dict = field(default_factory=dict)  # record id → stored write body
    documents: dict = field(default_factory=dict)  # record id → (name, bytes)
    tokens: dict = field(default_factory=dict)  # token → (kind, expires)
    faults: list = field(default_factory=list)  # [(method, path prefix, status)]
    log: list = field(default_factory=list)  # (method, path, status)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self, kind: str) -> dict:
        token = secrets.token_hex(8)
        self.tokens[token] = (kind, time.time() + self.token_lifetime)
        return {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": self.token_lifetime,
        }

    def valid(self, token: str, kind: str) -> bool:
        found = self.tokens.get(token)
        return bool(found) and found[0] == kind and found[1] > time.time()

    def calls(self, method: str, path: str) -> int:
        return sum(1 for m, p, __ in self.log if m == method and p.startswith(path))


def _handler(state: State):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def _send(self, status: int, body) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            with state.lock:
                state.log.append((self.command, urlparse(self.path).path, status))

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _fault(self) -> int | None:
            path = urlparse(self.path).path
            with state.lock:
                for i, (method, prefix, status) in enumerate(state.faults):
                    if method == self.command and path.startswith(prefix):
                        del state.faults[i]
                        return status
            return None

        def _authorised(self) -> bool:
            gateway = (self.headers.get("Authorization") or "").split(" ", 1)
            sso = (self.headers.get("Auth") or "").split(" ", 1)
            return (
                len(gateway) == 2
                and gateway[0] == "Bearer"
                and state.valid(gateway[1], "gateway")
                and len(sso) == 2
                and sso[0].lower() == "bearer"
                and state.valid(sso[1], "sso")
            )

        def do_GET(self):
            if status := self._fault():
                return self._send(status, {"message": "Internal Server Error"})
            path = urlparse(self.path).path
            if not self._authorised():
                return self._send(401, {"message": "Invalid Credentials"})
            if path.startswith(f"{API}/pns/data-utama/"):
                nip = path.rsplit("/", 1)[1]
                if nip not in state.people:
                    return self._send(404, {"code": 0, "data": "Data tidak ditemukan"})
                return self._send(
                    200,
                    {
                        "code": 1,
                        "data": {"id": state.people[nip], "nipBaru": nip, "nama": "X"},
                    },
                )
            if path.startswith(f"{API}/pns/rw-kursus/"):
                nip = path.rsplit("/", 1)[1]
                person = state.people.get(nip)
                rows = [
                    _read_shape(record_id, body, nip)
                    for record_id, body in state.courses.items()
                    if person and body["pnsOrangId"] == person
                ]
                return self._send(200, {"code": 1, "data": rows})
            return self._send(404, {"message": "not found"})

        def do_POST(self):
            if status := self._fault():
                return self._send(status, {"message": "Internal Server Error"})
            path = urlparse(self.path).path
            body = self._body()
            if path == GATEWAY_PATH:
                basic = base64.b64encode(
                    f"{state.consumer_key}:{state.consumer_secret}".encode()
                ).decode()
                form = parse_qs(body.decode())
                if self.headers.get("Authorization") != f"Basic {basic}" or form.get(
                    "grant_type"
                ) != ["client_credentials"]:
                    return self._send(401, {"error": "invalid_client"})
                return self._send(200, state.issue("gateway"))
            if path == SSO_PATH:
                form = parse_qs(body.decode())
                expected = {
                    "grant_type": ["password"],
                    "client_id": [state.client_id],
                    "username": [state.username],
                    "password": [state.password],
                }
                if any(form.get(k) != v for k, v in expected.items()):
                    return self._send(401, {"error": "invalid_grant"})
                return self._send(200, state.issue("sso"))
            if not self._authorised():
                return self._send(401, {"message": "Invalid Credentials"})
            if path == f"{API}/kursus/save":
                data = json.loads(body or b"{}")
                missing = [k for k in REQUIRED if data.get(k) in (None, "")]
                if missing or not isinstance(data.get("jumlahJam"), int):
                    return self._send(
                        400, {"success": False, "message": f"missing {missing}"}
                    )
                with state.lock:
                    record_id = data.get("id") or secrets.token_hex(6)
                    if data.get("id") and record_id not in state.courses:
                        return self._send(
                            400, {"success": False, "message": "id tidak ditemukan"}
                        )
                    state.courses[record_id] = {
                        k: v for k, v in data.items() if k != "id"
                    }
                return self._send(
                    200,
                    {
                        "success": True,
                        "mapData": {"rwKursusId": record_id},
                        "message": "success",
                    },
                )
            if path == f"{API}/upload-dok-rw":
                message = BytesParser(policy=HTTP).parsebytes(
                    f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
                    + body
                )
                parts = {
                    part.get_param("name", header="content-disposition"): part
                    for part in message.iter_parts()
                }
                record_id = parts["id_riwayat"].get_content().strip()
                if record_id not in state.courses:
                    return self._send(400, {"success": False, "message": "riwayat?"})
                file = parts["file"]
                content = file.get_content()
                state.documents[record_id] = (file.get_filename(), content)
                return self._send(
                    200,
                    {
                        "success": True,
                        "data": {
                            "dok_id": parts["id_ref_dokumen"].get_content().strip(),
                            "dok_nama": file.get_filename(),
                            "dok_uri": f"peremajaan/{record_id}.pdf",
                            "object": f"peremajaan/{record_id}.pdf",
                            "slug": parts["id_ref_dokumen"].get_content().strip(),
                        },
                    },
                )
            return self._send(404, {"message": "not found"})

    return Handler


def _read_shape(record_id: str, body: dict, nip: str) -> dict:
    """A stored course as ``rw-kursus`` returns it (the read key names)."""
    return {
        "id": record_id,
        "idPns": body["pnsOrangId"],
        "nipBaru": nip,
        "jenisDiklatId": body.get("jenisDiklatId"),
        "jenisKursus": body.get("jenisKursus", ""),
        "jenisKursusSertifikat": body.get("jenisKursusSertipikat", ""),
        "namaKursus": body.get("namaKursus"),
        "institusiPenyelenggara": body.get("institusiPenyelenggara"),
        "jumlahJam": body.get("jumlahJam"),
        "tahunKursus": body.get("tahunKursus"),
        "tanggalKursus": body.get("tanggalKursus"),
        "tanggalSelesaiKursus": body.get("tanggalSelesaiKursus"),
        "noSertipikat": body.get("nomorSertipikat", ""),
        "path": body.get("path"),
    }


class FakeSiasn:
    def __init__(self):
        self.state = State()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self.state))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "FakeSiasn":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def settings_values(self) -> dict:
        s = self.state
        return {
            "SIASN_API_URL": f"{self.url}{API}",
            "SIASN_GATEWAY_TOKEN_URL": f"{self.url}{GATEWAY_PATH}",
            "SIASN_SSO_TOKEN_URL": f"{self.url}{SSO_PATH}",
            "SIASN_CONSUMER_KEY": s.consumer_key,
            "SIASN_CONSUMER_SECRET": s.consumer_secret,
            "SIASN_CLIENT_ID": s.client_id,
            "SIASN_USERNAME": s.username,
            "SIASN_PASSWORD": s.password,
            "SIASN_INSTANSI_ID": "A5EB03E23BFBF6A0E040640A040252AD",
            "SIASN_LOKASI_ID": "",
        }
